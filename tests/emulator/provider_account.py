"""The provider's test account, seeded into the emulated cloud of the acceptance scenarios that rely on it.

The provider's acceptance tests (aliyun/terraform-provider-alicloud) run in an account holding standing objects
that they read rather than create: a second resource group, a VPC named ``default-NODELETING`` with a vSwitch,
the region's default VPC. A new emulated account holds none of them (only its default resource group), and
no user's account should be given them; so each scenario that reads one gets it here, before its first run.
Kept outside ``tests/emulator/acceptance``, which ``python -m tools.acceptance.extract`` rewrites.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from constructs_vpn.emulator.families import RESOURCES, Call
from constructs_vpn.emulator.families.network import RESOURCE_GROUP, region_zone_ids
from constructs_vpn.emulator.provider import account_of
from constructs_vpn.emulator.rules import SINGLE_TUNNEL_ENV
from constructs_vpn.emulator.store import Store
from constructs_vpn.emulator.values import complete, to_object

__all__ = ["ENVIRONMENT", "NEEDS", "SECOND_GROUP_ID", "create", "seed_test_account"]

#: The test account's second resource group: ``groups.1`` / ``ids.1`` of ``alicloud_resource_manager_resource_groups``
#: (listed by id, after the default group ``rg-acfm…``).
SECOND_GROUP_ID = "rg-aek2testaccount"


def _second_group(call: Call) -> list[str]:
    call.put(
        RESOURCE_GROUP,
        SECOND_GROUP_ID,
        {
            "account_id": call.account,
            "display_name": "provider acceptance tests",
            "name": "tf-testacc-group",
            "resource_group_name": "tf-testacc-group",
            "status": "OK",
        },
    )
    return [SECOND_GROUP_ID]


def create(call: Call, type_name: str, config: dict[str, Any]) -> str:
    """Create an object through its family, as ``terraform apply`` of ``config`` would; its id."""
    family = RESOURCES[type_name]
    created: str = family.create(call, to_object(complete(family.spec.block, config)))["id"]
    return created


def _nodeleting_vpc(call: Call) -> list[str]:
    """``data.alicloud_vpcs`` with ``name_regex = "default-NODELETING"``, and ``data.alicloud_vswitches`` of it."""
    vpc = create(call, "alicloud_vpc", {"vpc_name": "default-NODELETING", "cidr_block": "192.168.0.0/16"})
    vswitch = create(
        call,
        "alicloud_vswitch",
        {
            "vswitch_name": "default-NODELETING",
            "vpc_id": vpc,
            "cidr_block": "192.168.0.0/24",
            "zone_id": region_zone_ids(call.region)[0],
        },
    )
    return [vpc, vswitch]


def _default_vpc(call: Call) -> list[str]:
    """The region's default VPC, which CreateDefaultVSwitch (``is_default = true``) creates a vSwitch in."""
    return [create(call, "alicloud_vpc", {"is_default": True})]


_GROUPS = "a second resource group (ids.1 / groups.1 of data.alicloud_resource_manager_resource_groups)"
_NODELETING = "the VPC default-NODELETING and its vSwitch (data.alicloud_vpcs name_regex, data.alicloud_vswitches)"
_DEFAULT_VPC = "the region's default VPC (alicloud_vswitch is_default = true creates its vSwitch there)"
_SEEDS: dict[str, Callable[[Call], list[str]]] = {
    _GROUPS: _second_group,
    _NODELETING: _nodeleting_vpc,
    _DEFAULT_VPC: _default_vpc,
}

#: Scenario (``type/test``) -> what it reads from the provider's test account.
NEEDS: dict[str, tuple[str, ...]] = {
    **{
        f"alicloud_cen_instance/TestAccAliCloudCen{test}": (_GROUPS,)
        for test in (
            "CenInstance_basic4401",
            "CenInstance_basic8693",
            "CenInstance_basic8803",
            "Instance_basic0",
            "Instance_basic0_twin",
            "Instance_basic1",
            "Instance_basic1_twin",
            "Instance_Multi",
        )
    },
    **{
        f"alicloud_express_connect_virtual_border_router/TestAccAliCloudExpressConnectVirtualBorderRouter_{test}": (
            _GROUPS,
        )
        for test in ("basic11568", "basic11568_twin", "basic11569", "basic11569_twin")
    },
    "alicloud_vpc_ipam_ipam/TestAccAliCloudVpcIpamIpam_basic10035": (_GROUPS,),
    "alicloud_vpc_ipam_ipam/TestAccAliCloudVpcIpamIpam_basic7856": (_GROUPS,),
    "alicloud_vpc_ipam_ipam_pool/TestAccAliCloudVpcIpamIpamPool_basic10806": (_GROUPS,),
    "alicloud_vpn_gateway_vpn_attachment/TestAccAliCloudVpnGatewayVpnAttachment_basic10338": (_GROUPS,),
    "alicloud_vpn_gateway_vpn_attachment/TestAccAliCloudVpnGatewayVpnAttachment_basic5358": (_GROUPS,),
    "alicloud_cen_transit_router_grant_attachment/TestAccAliCloudCENTransitRouterGrantAttachment_basic0": (
        _NODELETING,
    ),
    "alicloud_vpn_customer_gateway/TestAccAliCloudVPNCustomerGateway_basic2": (_NODELETING,),
    "alicloud_vswitch/TestAccAliCloudVPCVSwitch_isDefault": (_DEFAULT_VPC,),
    "alicloud_vswitch/TestAccAliCloudVPCVSwitch_isDefault_twin": (_DEFAULT_VPC,),
}

#: Scenario -> the emulator's environment that stands for the test account's behaviour.
#: TestAccAliCloudVpnGatewayVpnAttachment_legacyFields (resource_alicloud_vpn_gateway_vpn_attachment_test.go at the
#: manifest's commit) expects a new single-tunnel connection refused: its comment says the API "now requires dual
#: tunnels in every region" (in Chinese), i.e. the test account's regions refuse it. The newer
#: TestAccAliCloudCENTransitRouterVpnAttachment_crossAccountOrderType creates one (with customer_gateway_id and none
#: of the single-tunnel parameters), which the refuse mode also allows; see
#: constructs_vpn.emulator.rules.check_single_tunnel_create for the API reference. The emulator's default stays
#: ``accept`` (regions still on single-tunnel), which users' single-tunnel stacks need.
ENVIRONMENT: dict[str, dict[str, str]] = {
    "alicloud_vpn_gateway_vpn_attachment/TestAccAliCloudVpnGatewayVpnAttachment_legacyFields": {
        SINGLE_TUNNEL_ENV: "refuse"
    },
}


def seed_test_account(store: Store, scenario: str, region: str) -> list[str]:
    """Put what ``scenario`` reads from the test account into ``store`` (the caller's account, ``region``);
    the ids of the objects put there, which stay after the scenario's destroy."""
    ids: list[str] = []
    needs = NEEDS.get(scenario, ())
    if not needs:
        return ids
    with store.transaction() as cloud:
        call = Call(cloud, account_of({}), region)
        for need in needs:
            ids += _SEEDS[need](call)
    return sorted(ids)
