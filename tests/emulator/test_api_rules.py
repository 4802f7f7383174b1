"""The rules the API enforces (not the provider), each through a real ``terraform apply`` or ``destroy``.

The scenarios are independent Terraform folders, run in parallel once per module; each test checks one.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pytest

from constructs_vpn.emulator.rules import SINGLE_TUNNEL_ENV
from tests.emulator.conftest import WorkspaceFactory
from tests.emulator.harness import PROVIDER, Run, Workspace, document

pytestmark = pytest.mark.terraform
#: An account that still creates single-tunnel connections (most rules checked here are single-tunnel ones).
EMULATED_ACCOUNT = {SINGLE_TUNNEL_ENV: "accept"}

ACCOUNT_B = "2222222222222222"
CEN_ID = "${alicloud_cen_instance.cen.id}"
TR_ID = "${alicloud_cen_transit_router.tr.transit_router_id}"
VPN_ID = "${alicloud_vpn_gateway_vpn_attachment.vpn.id}"
BAD_PSK = "two words"


def vpn(**attributes: Any) -> dict[str, Any]:
    return {
        "customer_gateway_id": "${alicloud_vpn_customer_gateway.cgw.id}",
        "local_subnet": "0.0.0.0/0",
        "remote_subnet": "0.0.0.0/0",
        "ike_config": [{"ike_version": "ikev2"}],
        **attributes,
    }


def bgp(tunnel_cidr: str, local_bgp_ip: str) -> dict[str, Any]:
    return vpn(
        bgp_config=[{"enable": True, "local_asn": 65000, "tunnel_cidr": tunnel_cidr, "local_bgp_ip": local_bgp_ip}]
    )


def dual(**attributes: Any) -> dict[str, Any]:
    """A dual-tunnel connection: both tunnels to the one customer gateway."""
    tunnel = {"customer_gateway_id": "${alicloud_vpn_customer_gateway.cgw.id}", "tunnel_ike_config": [{}]}
    return {
        "local_subnet": "0.0.0.0/0",
        "remote_subnet": "0.0.0.0/0",
        "tunnel_options_specification": [{**tunnel, "tunnel_index": index} for index in (1, 2)],
        **attributes,
    }


def site(*, vpn_attributes: dict[str, Any] | None = None, attachment: dict[str, Any] | None = None) -> dict[str, Any]:
    """CEN, transit router, customer gateway, an IPsec connection and its transit router attachment."""
    resources: dict[str, Any] = {
        "alicloud_cen_instance": {"cen": {"cen_instance_name": "rules"}},
        "alicloud_cen_transit_router": {"tr": {"cen_id": CEN_ID}},
        "alicloud_vpn_customer_gateway": {"cgw": {"ip_address": "203.0.113.10", "asn": "65010"}},
        "alicloud_vpn_gateway_vpn_attachment": {"vpn": vpn_attributes or vpn()},
    }
    resources["alicloud_cen_transit_router_vpn_attachment"] = {
        "att": {
            "vpn_id": VPN_ID,
            "cen_id": CEN_ID,
            "transit_router_id": TR_ID,
            "auto_publish_route_enabled": True,
            "zone": [{"zone_id": "cn-hangzhou-h"}],
            **(attachment or {}),
        }
    }
    return document(resources)


def connection_only(**attributes: Any) -> dict[str, Any]:
    return document(
        {
            "alicloud_vpn_customer_gateway": {"cgw": {"ip_address": "203.0.113.10", "asn": "65010"}},
            "alicloud_vpn_gateway_vpn_attachment": {"vpn": vpn(**attributes)},
        }
    )


def cross_account(*, granted: bool) -> dict[str, Any]:
    """The IPsec connection in account B (provider alias ``vpn``), the CEN and its attachment in account A."""
    resources: dict[str, Any] = {
        "alicloud_cen_instance": {"cen": {"cen_instance_name": "hub"}},
        "alicloud_cen_transit_router": {"tr": {"cen_id": CEN_ID}},
        "alicloud_vpn_customer_gateway": {
            "cgw": {"provider": "alicloud.vpn", "ip_address": "203.0.113.20", "asn": "65020"}
        },
        "alicloud_vpn_gateway_vpn_attachment": {"vpn": {**vpn(), "provider": "alicloud.vpn"}},
        "alicloud_cen_transit_router_vpn_attachment": {
            "att": {
                "vpn_id": VPN_ID,
                "vpn_owner_id": ACCOUNT_B,
                "cen_id": CEN_ID,
                "transit_router_id": TR_ID,
                "auto_publish_route_enabled": True,
                "zone": [{"zone_id": "cn-hangzhou-h"}],
            }
        },
    }
    if granted:
        resources["alicloud_cen_transit_router_grant_attachment"] = {
            "grant": {
                "provider": "alicloud.vpn",
                "instance_type": "VPN",
                "instance_id": VPN_ID,
                "cen_id": CEN_ID,
                "cen_owner_id": "${data.alicloud_account.hub.id}",
            }
        }
        resources["alicloud_cen_transit_router_vpn_attachment"]["att"]["depends_on"] = [
            "alicloud_cen_transit_router_grant_attachment.grant"
        ]
    providers = {
        "alicloud": [*PROVIDER["alicloud"], {"alias": "vpn", "region": "cn-hangzhou", "account_id": ACCOUNT_B}]
    }
    return {**document(resources), "provider": providers, "data": {"alicloud_account": {"hub": {}}}}


def apply_fails(doc: dict[str, Any]) -> Callable[[Workspace], Run]:
    def steps(ws: Workspace) -> Run:
        ws.write(doc)
        ws.init()
        return ws.apply(expect=1)

    return steps


def apply_succeeds_then_destroy(doc: dict[str, Any]) -> Callable[[Workspace], Run]:
    def steps(ws: Workspace) -> Run:
        ws.write(doc)
        ws.init()
        ws.apply()
        run = ws.destroy()
        assert ws.cloud() == {}
        return run

    return steps


def destroy_fails_after_forgetting(doc: dict[str, Any], forgotten: str) -> Callable[[Workspace], Run]:
    """Apply, then drop ``forgotten`` from Terraform's state (it stays in the cloud) and destroy."""

    def steps(ws: Workspace) -> Run:
        ws.write(doc)
        ws.init()
        ws.apply()
        ws.run("state", "rm", forgotten)
        return ws.destroy(expect=1)

    return steps


@dataclass(frozen=True)
class Scenario:
    steps: Callable[[Workspace], Run]
    #: Error codes the output must show; none for a scenario that must succeed.
    codes: tuple[str, ...] = ()


GRANT_WHILE_BOUND = site()
GRANT_WHILE_BOUND["resource"]["alicloud_cen_transit_router_grant_attachment"] = {
    "grant": {
        "instance_type": "VPN",
        "instance_id": VPN_ID,
        "cen_id": CEN_ID,
        "cen_owner_id": "${data.alicloud_account.me.id}",
        "depends_on": ["alicloud_cen_transit_router_vpn_attachment.att"],
    }
}
GRANT_WHILE_BOUND["data"] = {"alicloud_account": {"me": {}}}

SCENARIOS = {
    "psk-charset": Scenario(apply_fails(connection_only(ike_config=[{"psk": BAD_PSK}])), ("IllegalParam.Psk",)),
    "psk-length": Scenario(apply_fails(connection_only(ike_config=[{"psk": "k" * 101}])), ("IllegalParam.Psk",)),
    "bgp-tunnel-cidr-not-30": Scenario(
        apply_fails(connection_only(**bgp("169.254.10.0/29", "169.254.10.1"))), ("IllegalParam.TunnelCidr",)
    ),
    "bgp-tunnel-cidr-reserved": Scenario(
        apply_fails(connection_only(**bgp("169.254.1.0/30", "169.254.1.1"))), ("IllegalParam.TunnelCidr", "reserved")
    ),
    "bgp-tunnel-cidr-outside-link-local": Scenario(
        apply_fails(connection_only(**bgp("10.0.0.0/30", "10.0.0.1"))), ("IllegalParam.TunnelCidr",)
    ),
    "bgp-local-ip-outside-cidr": Scenario(
        apply_fails(connection_only(**bgp("169.254.10.0/30", "169.254.11.1"))), ("IllegalParam.LocalBgpIp",)
    ),
    "several-cidrs-need-ikev2": Scenario(
        apply_fails(connection_only(local_subnet="10.0.0.0/24,10.0.1.0/24", ike_config=[{"ike_version": "ikev1"}])),
        ("OperationUnsupported.MultiSubnetNeedIkev2",),
    ),
    "several-cidrs-with-ikev2": Scenario(
        apply_succeeds_then_destroy(connection_only(local_subnet="10.0.0.0/24,10.0.1.0/24"))
    ),
    "dual-tunnel-takes-no-health-check": Scenario(
        apply_fails(
            site(
                vpn_attributes=dual(health_check_config=[{"enable": True, "dip": "192.168.0.1", "sip": "10.0.0.1"}]),
                attachment={"zone": []},
            )
        ),
        ("OperationUnsupported.HealthCheckConfig",),
    ),
    "dual-tunnel-without-health-check": Scenario(
        apply_succeeds_then_destroy(site(vpn_attributes=dual(), attachment={"zone": []}))
    ),
    "missing-cen": Scenario(
        apply_fails(document({"alicloud_cen_transit_router": {"tr": {"cen_id": "cen-doesnotexist0000000"}}})),
        ("InvalidCenId.NotFound",),
    ),
    "missing-customer-gateway": Scenario(
        apply_fails(
            document(
                {"alicloud_vpn_gateway_vpn_attachment": {"vpn": vpn(customer_gateway_id="cgw-bp1doesnotexist000000")}}
            )
        ),
        ("InvalidCustomerGatewayInstanceId.NotFound",),
    ),
    "bound-connection-and-transit-router-not-deletable": Scenario(
        destroy_fails_after_forgetting(site(), "alicloud_cen_transit_router_vpn_attachment.att"),
        ("DependencyViolation.VpnConnectionAttached", "IncorrectStatus.TransitRouterHasAttachment"),
    ),
    "cen-with-transit-router-not-deletable": Scenario(
        destroy_fails_after_forgetting(
            document(
                {
                    "alicloud_cen_instance": {"cen": {}},
                    "alicloud_cen_transit_router": {"tr": {"cen_id": CEN_ID}},
                }
            ),
            "alicloud_cen_transit_router.tr",
        ),
        ("ParameterCenInstanceId.HasTransitRouter",),
    ),
    "bound-connection-not-grantable": Scenario(
        apply_fails(GRANT_WHILE_BOUND), ("IncorrectStatus.VpnConnectionAttached",)
    ),
    "single-tunnel-needs-zone": Scenario(
        apply_fails(site(attachment={"zone": []})), ("OperationUnsupported.VcoTunnelNotMatchZoneParam",)
    ),
    "cross-account-needs-grant": Scenario(apply_fails(cross_account(granted=False)), ("Forbidden.InstanceNotGranted",)),
    "cross-account-with-grant": Scenario(apply_succeeds_then_destroy(cross_account(granted=True))),
}


@pytest.fixture(scope="module")
def outcomes(module_workspace: WorkspaceFactory) -> dict[str, Run | BaseException]:
    def run(name: str) -> Run | BaseException:
        try:
            return SCENARIOS[name].steps(module_workspace(name))
        except BaseException as error:  # reported by the scenario's own test
            return error

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(SCENARIOS, pool.map(run, SCENARIOS), strict=True))


@pytest.mark.parametrize("name", SCENARIOS)
def test_api_rule(name: str, outcomes: dict[str, Run | BaseException]) -> None:
    outcome = outcomes[name]
    if isinstance(outcome, BaseException):
        raise outcome
    for code in SCENARIOS[name].codes:
        assert code in outcome.output, outcome
    assert BAD_PSK not in outcome.output
    assert "k" * 101 not in outcome.output
