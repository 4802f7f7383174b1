"""The emulator declares exactly the types the package pins (issue #25): the served ones behave as the API,
the rest refuse, naming the emulator rather than the real provider."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.emulator.conftest import WorkspaceFactory
from tests.emulator.harness import cloud_ids, document, reattached, require_emulator

require_emulator()

from constructs_vpn import alicloud  # noqa: E402
from constructs_vpn.alicloud.schema import load_schema  # noqa: E402
from constructs_vpn.emulator._tf import Diagnostics  # noqa: E402
from constructs_vpn.emulator.errors import ApiError  # noqa: E402
from constructs_vpn.emulator.families import DATA_SOURCES, RESOURCES, UNSERVED, Call  # noqa: E402
from constructs_vpn.emulator.families.cen import require_grant  # noqa: E402
from constructs_vpn.emulator.provider import AlicloudEmulator, Emulator, unserved_classes  # noqa: E402
from constructs_vpn.emulator.schema import data_source_spec  # noqa: E402
from constructs_vpn.emulator.store import Cloud  # noqa: E402


def _declared(classes: list[Any]) -> list[str]:
    return sorted("alicloud_" + c.get_name() for c in classes)


def test_the_emulator_declares_exactly_the_pinned_types() -> None:
    provider = AlicloudEmulator(Emulator())
    assert _declared(provider.get_resources()) == sorted(load_schema()["resource_schemas"])
    assert _declared(provider.get_data_sources()) == sorted(load_schema()["data_source_schemas"])


def test_the_emulator_serves_every_pinned_type() -> None:
    assert set(RESOURCES) == set(load_schema()["resource_schemas"])
    assert set(DATA_SOURCES) == set(load_schema()["data_source_schemas"])
    assert UNSERVED == {"resource": (), "data_source": ()}


@pytest.mark.parametrize(
    ("kind", "type_name"), [("resource", "alicloud_vpn_gateway"), ("data_source", "alicloud_vpn_connections")]
)
def test_a_pinned_type_without_a_family_declares_its_schema_and_refuses_naming_the_emulator(
    kind: str, type_name: str
) -> None:
    provider = AlicloudEmulator(Emulator())
    [klass] = unserved_classes(kind, (type_name,))
    assert klass.get_name() == type_name.removeprefix("alicloud_")
    schema = klass.get_schema().to_pb()
    pinned = load_schema()[f"{kind}_schemas"][type_name]["block"]["attributes"]
    assert sorted(a.name for a in schema.block.attributes) == sorted(pinned)
    diags = Diagnostics()
    klass(provider).validate(diags, type_name, {})
    [diagnostic] = diags.diagnostics
    assert diagnostic.summary.startswith("The constructs-vpn emulator does not serve the ")
    assert type_name in diagnostic.summary and "`constructs-vpn emulator`" in diagnostic.detail
    assert "does not support" not in diagnostic.summary + diagnostic.detail


# --- in-process: one family per type ------------------------------------------------------------------

ACCOUNT = "1234567890123456"
GATEWAY = "alicloud_vpn_gateway"
CONNECTION = "alicloud_vpn_connection"
CUSTOMER_GATEWAY = "alicloud_vpn_customer_gateway"
ROUTE_ENTRY = "alicloud_cen_transit_router_route_entry"
OTHER_ACCOUNT = "2222222222222222"


def refused(code: str) -> pytest.RaisesExc[ApiError]:
    return pytest.raises(ApiError, match=re.escape(code))


def call() -> Call:
    return Call(Cloud.empty(), ACCOUNT, "cn-hangzhou")


def network(c: Call) -> tuple[str, str, str]:
    """A VPC with vSwitches in two zones: (vpc id, vswitch id, vswitch id)."""
    vpc = RESOURCES["alicloud_vpc"].create(c, {"cidr_block": "10.0.0.0/16"})
    vswitches = [
        RESOURCES["alicloud_vswitch"].create(c, {"vpc_id": vpc["id"], "cidr_block": cidr, "zone_id": zone})
        for cidr, zone in (("10.0.1.0/24", "cn-hangzhou-h"), ("10.0.2.0/24", "cn-hangzhou-i"))
    ]
    return vpc["id"], vswitches[0]["id"], vswitches[1]["id"]


def gateway(c: Call, **attributes: Any) -> dict[str, Any]:
    vpc_id, vswitch_id, _ = network(c)
    return RESOURCES[GATEWAY].create(c, {"vpc_id": vpc_id, "vswitch_id": vswitch_id, "bandwidth": 10, **attributes})


def connection(c: Call, gateway_id: str, **attributes: Any) -> dict[str, Any]:
    """An IPsec connection on ``gateway_id`` to the customer gateway 203.0.113.7 (made by the first call)."""
    customer_id = next((id for id, _ in c.where(CUSTOMER_GATEWAY, ip_address="203.0.113.7")), None)
    if customer_id is None:
        customer_id = RESOURCES[CUSTOMER_GATEWAY].create(c, {"ip_address": "203.0.113.7", "asn": "65010"})["id"]
    planned = {
        "vpn_gateway_id": gateway_id,
        "customer_gateway_id": customer_id,
        "local_subnet": ["10.0.0.0/16"],
        "remote_subnet": ["192.168.0.0/24"],
        **attributes,
    }
    return RESOURCES[CONNECTION].create(c, planned)


def test_vpn_gateway_lifecycle_with_the_api_defaults() -> None:
    c = call()
    created = gateway(c, vpn_gateway_name="gw")
    assert re.fullmatch(r"vpn-bp1[0-9a-z]{18}", created["id"])
    assert created["status"] == "Active" and created["business_status"] == "Normal"
    assert created["enable_ipsec"] is True and created["payment_type"] == "Subscription"
    assert created["name"] == "gw" and created["disaster_recovery_internet_ip"] == ""
    family = RESOURCES[GATEWAY]
    updated = family.update(c, created["id"], {**created, "vpn_gateway_name": "renamed"})
    assert family.read(c, created["id"]) == updated and updated["name"] == "renamed"
    family.delete(c, created["id"])
    assert family.read(c, created["id"]) is None


def test_vpn_gateway_refuses_what_the_api_refuses() -> None:
    c = call()
    vpc_id, vswitch_id, other_zone = network(c)
    with refused("InvalidVpcId.NotFound"):
        RESOURCES[GATEWAY].create(c, {"vpc_id": "vpc-missing", "bandwidth": 10})
    with refused("IllegalParam.Bandwidth"):
        RESOURCES[GATEWAY].create(c, {"vpc_id": vpc_id, "bandwidth": 7})
    with refused("IllegalParam.DisasterRecoveryVSwitchId"):
        RESOURCES[GATEWAY].create(
            c, {"vpc_id": vpc_id, "bandwidth": 10, "vswitch_id": vswitch_id, "disaster_recovery_vswitch_id": vswitch_id}
        )
    dual = RESOURCES[GATEWAY].create(
        c, {"vpc_id": vpc_id, "bandwidth": 10, "vswitch_id": vswitch_id, "disaster_recovery_vswitch_id": other_zone}
    )
    assert dual["disaster_recovery_internet_ip"]
    with refused("DependencyViolation.VpnGateway"):
        RESOURCES["alicloud_vswitch"].delete(c, other_zone)


def test_vpn_connection_lifecycle_fills_the_ike_identities_from_both_gateways() -> None:
    c = call()
    vpn_gateway = gateway(c)
    created = connection(c, vpn_gateway["id"], vpn_connection_name="site")
    assert re.fullmatch(r"vco-bp1[0-9a-z]{18}", created["id"])
    [ike] = created["ike_config"]
    assert (ike["ike_local_id"], ike["ike_remote_id"]) == (vpn_gateway["internet_ip"], "203.0.113.7")
    assert ike["ike_version"] == "ikev1" and len(ike["psk"]) == 16
    assert created["status"] == "ike_sa_not_established" and created["name"] == "site"
    family = RESOURCES[CONNECTION]
    two_blocks = {**created, "remote_subnet": ["192.168.0.0/24", "192.168.1.0/24"]}
    with refused("OperationUnsupported.MultiSubnetNeedIkev2"):
        family.update(c, created["id"], two_blocks)
    updated = family.update(c, created["id"], {**two_blocks, "ike_config": [{**ike, "ike_version": "ikev2"}]})
    assert family.read(c, created["id"]) == updated
    with refused("DependencyViolation.VpnConnection"):
        RESOURCES[GATEWAY].delete(c, vpn_gateway["id"])
    with refused("DependencyViolation.VpnConnection"):
        RESOURCES[CUSTOMER_GATEWAY].delete(c, created["customer_gateway_id"])
    family.delete(c, created["id"])
    RESOURCES[GATEWAY].delete(c, vpn_gateway["id"])
    assert family.read(c, created["id"]) is None and RESOURCES[GATEWAY].read(c, vpn_gateway["id"]) is None


def test_vpn_connection_refuses_what_the_api_refuses() -> None:
    c = call()
    vpn_gateway = gateway(c)
    with refused("InvalidVpnGatewayInstanceId.NotFound"):
        connection(c, "vpn-missing")
    with refused("IllegalParam.LocalSubnet"):
        connection(c, vpn_gateway["id"], local_subnet=["10.0.0.300/16"])
    with refused("OperationUnsupported.DualTunnel"):
        connection(c, vpn_gateway["id"], tunnel_options_specification=[{"tunnel_index": 1}, {"tunnel_index": 2}])


# --- real terraform: create, empty re-plan, destroy --------------------------------------------------


def _vpn_gateway_stack() -> dict[str, Any]:
    """A VPC with a dual-zone VPN gateway and one IPsec connection on it, left to the API's defaults."""
    vswitch = {"vpc_id": "${alicloud_vpc.vpc.id}"}
    return document(
        {
            "alicloud_vpc": {"vpc": {"cidr_block": "10.0.0.0/16"}},
            "alicloud_vswitch": {
                "a": {**vswitch, "cidr_block": "10.0.1.0/24", "zone_id": "cn-hangzhou-h"},
                "b": {**vswitch, "cidr_block": "10.0.2.0/24", "zone_id": "cn-hangzhou-i"},
            },
            "alicloud_vpn_gateway": {
                "gw": {
                    "vpc_id": "${alicloud_vpc.vpc.id}",
                    "vswitch_id": "${alicloud_vswitch.a.id}",
                    "disaster_recovery_vswitch_id": "${alicloud_vswitch.b.id}",
                    "bandwidth": 10,
                    "vpn_gateway_name": "lifecycle",
                }
            },
            CUSTOMER_GATEWAY: {"cgw": {"ip_address": "203.0.113.7", "asn": "65010"}},
            CONNECTION: {
                "site": {
                    "vpn_gateway_id": "${alicloud_vpn_gateway.gw.id}",
                    "customer_gateway_id": "${alicloud_vpn_customer_gateway.cgw.id}",
                    "local_subnet": ["10.0.0.0/16"],
                    "remote_subnet": ["192.168.0.0/24"],
                    "vpn_connection_name": "site",
                }
            },
        },
        data={
            "alicloud_vpn_connections": {
                "site": {"vpn_gateway_id": "${alicloud_vpn_gateway.gw.id}", "depends_on": [f"{CONNECTION}.site"]}
            }
        },
        output={"site": {"value": "${data.alicloud_vpn_connections.site.names}"}},
    )


@pytest.mark.terraform
def test_vpn_gateway_and_connection_lifecycle(workspace: WorkspaceFactory) -> None:
    ws = workspace("vpn-gateway", _vpn_gateway_stack())
    with reattached(ws) as provider:
        ws.extra_env.update(provider)
        ws.init()
        ws.apply()
        assert ws.plan_exit_code() == 0, ws.runs[-1]
        ids = ws.managed_ids()
        assert re.fullmatch(r"vpn-bp1[0-9a-z]{18}", ids["alicloud_vpn_gateway.gw"])
        assert json.loads(ws.run("output", "-json", "site").stdout) == ["site"]
        ws.destroy()
    assert cloud_ids(ws.cloud()) == []


def test_cen_instance_grant_lets_the_cen_owner_attach_the_vpc() -> None:
    owner = call()
    cen = RESOURCES["alicloud_cen_instance"].create(owner, {"cen_instance_name": "hub"})
    granter = Call(owner.cloud, OTHER_ACCOUNT, "cn-hangzhou")
    vpc = RESOURCES["alicloud_vpc"].create(granter, {"cidr_block": "10.1.0.0/16"})
    with refused("Forbidden.InstanceNotGranted"):
        require_grant(owner, "VPC", vpc["id"], OTHER_ACCOUNT, cen["id"])
    family = RESOURCES["alicloud_cen_instance_grant"]
    planned = {"cen_id": cen["id"], "child_instance_id": vpc["id"], "cen_owner_id": ACCOUNT}
    grant = family.create(granter, dict(planned))
    assert grant["id"] == f"{cen['id']}:{vpc['id']}:{ACCOUNT}" and family.read(granter, grant["id"]) == grant
    require_grant(owner, "VPC", vpc["id"], OTHER_ACCOUNT, cen["id"])
    with refused("Forbidden.AlreadyExists.Grant"):
        family.create(granter, dict(planned))
    family.delete(granter, grant["id"])
    assert family.read(granter, grant["id"]) is None


def test_cen_instance_grant_refuses_what_the_api_refuses() -> None:
    c = call()
    cen = RESOURCES["alicloud_cen_instance"].create(c, {"cen_instance_name": "hub"})
    family = RESOURCES["alicloud_cen_instance_grant"]
    with refused("IllegalParam.ChildInstanceId"):
        family.create(c, {"cen_id": cen["id"], "child_instance_id": "vsw-1", "cen_owner_id": ACCOUNT})
    with refused("InvalidChildInstanceId.NotFound"):
        family.create(c, {"cen_id": cen["id"], "child_instance_id": "vpc-missing", "cen_owner_id": ACCOUNT})
    vpc = RESOURCES["alicloud_vpc"].create(c, {"cidr_block": "10.1.0.0/16"})
    with refused("InvalidCenId.NotFound"):
        family.create(c, {"cen_id": cen["id"], "child_instance_id": vpc["id"], "cen_owner_id": OTHER_ACCOUNT})


def route_table(c: Call) -> str:
    """A custom route table of a new transit router: its route table id."""
    cen = RESOURCES["alicloud_cen_instance"].create(c, {"cen_instance_name": "hub"})
    tr = RESOURCES["alicloud_cen_transit_router"].create(c, {"cen_id": cen["id"]})
    table = RESOURCES["alicloud_cen_transit_router_route_table"].create(
        c, {"transit_router_id": tr["transit_router_id"]}
    )
    return str(table["transit_router_route_table_id"])


def test_route_entry_lifecycle_and_the_table_waits_for_it() -> None:
    c = call()
    table_id = route_table(c)
    family = RESOURCES[ROUTE_ENTRY]
    planned = {
        "transit_router_route_table_id": table_id,
        "transit_router_route_entry_destination_cidr_block": "192.168.0.0/16",
        "transit_router_route_entry_next_hop_type": "BlackHole",
    }
    entry = family.create(c, dict(planned))
    assert re.fullmatch(rf"{table_id}:rte-[0-9a-z]{{20}}", entry["id"]) and entry["status"] == "Active"
    updated = family.update(c, entry["id"], {**entry, "transit_router_route_entry_name": "drop"})
    assert family.read(c, entry["id"]) == updated and updated["transit_router_route_entry_name"] == "drop"
    with refused("InvalidDestinationCidrBlock.AlreadyExists"):
        family.create(c, dict(planned))
    [(table_key, _)] = c.where("alicloud_cen_transit_router_route_table", transit_router_route_table_id=table_id)
    with refused("IncorrectStatus.RouteTableInUse"):
        RESOURCES["alicloud_cen_transit_router_route_table"].delete(c, table_key)
    family.delete(c, entry["id"])
    RESOURCES["alicloud_cen_transit_router_route_table"].delete(c, table_key)
    assert family.read(c, entry["id"]) is None


def test_route_entry_refuses_what_the_api_refuses() -> None:
    c = call()
    table_id = route_table(c)
    family = RESOURCES[ROUTE_ENTRY]
    base = {
        "transit_router_route_table_id": table_id,
        "transit_router_route_entry_destination_cidr_block": "10.9.0.0/16",
    }
    with refused("InvalidTransitRouterRouteTableId.NotFound"):
        family.create(
            c,
            {
                **base,
                "transit_router_route_table_id": "vtb-missing",
                "transit_router_route_entry_next_hop_type": "BlackHole",
            },
        )
    with refused("IllegalParam.DestinationCidrBlock"):
        family.create(
            c,
            {
                **base,
                "transit_router_route_entry_destination_cidr_block": "10.9.0.1/16",
                "transit_router_route_entry_next_hop_type": "BlackHole",
            },
        )
    with refused("IllegalParam.NextHopId"):
        family.create(
            c,
            {
                **base,
                "transit_router_route_entry_next_hop_type": "BlackHole",
                "transit_router_route_entry_next_hop_id": "tr-attach-x",
            },
        )
    with refused("InvalidTransitRouterAttachmentId.NotFound"):
        family.create(
            c,
            {
                **base,
                "transit_router_route_entry_next_hop_type": "Attachment",
                "transit_router_route_entry_next_hop_id": "tr-attach-x",
            },
        )


@pytest.mark.terraform
def test_route_entry_lifecycle(workspace: WorkspaceFactory) -> None:
    table = "${alicloud_cen_transit_router_route_table.custom.transit_router_route_table_id}"
    stack = document(
        {
            "alicloud_cen_instance": {"cen": {"cen_instance_name": "hub"}},
            "alicloud_cen_transit_router": {"tr": {"cen_id": "${alicloud_cen_instance.cen.id}"}},
            "alicloud_cen_transit_router_route_table": {
                "custom": {"transit_router_id": "${alicloud_cen_transit_router.tr.transit_router_id}"}
            },
            ROUTE_ENTRY: {
                "drop": {
                    "transit_router_route_table_id": table,
                    "transit_router_route_entry_destination_cidr_block": "192.168.0.0/16",
                    "transit_router_route_entry_next_hop_type": "BlackHole",
                    "transit_router_route_entry_name": "drop",
                }
            },
        },
        data={
            "alicloud_cen_transit_routers": {
                "hub": {"cen_id": "${alicloud_cen_instance.cen.id}", "depends_on": ["alicloud_cen_transit_router.tr"]}
            }
        },
        output={"routers": {"value": "${data.alicloud_cen_transit_routers.hub.transit_routers[0].id}"}},
    )
    ws = workspace("route-entry", stack)
    with reattached(ws) as provider:
        ws.extra_env.update(provider)
        ws.init()
        ws.apply()
        assert ws.plan_exit_code() == 0, ws.runs[-1]
        assert re.fullmatch(r"vtb-\w+:rte-[0-9a-z]{20}", ws.managed_ids()[f"{ROUTE_ENTRY}.drop"])
        router = ws.managed_ids()["alicloud_cen_transit_router.tr"]
        assert json.loads(ws.run("output", "-json", "routers").stdout) == router
        ws.destroy()
    assert cloud_ids(ws.cloud()) == []


def test_vpn_connections_filter_by_gateway_ids_and_name() -> None:
    c = call()
    first, second = gateway(c), gateway(c)
    site_a = connection(c, first["id"], vpn_connection_name="site-a")
    site_b = connection(c, second["id"], vpn_connection_name="site-b")
    read = DATA_SOURCES["alicloud_vpn_connections"].read
    assert read(c, {})["ids"] == sorted([site_a["id"], site_b["id"]])
    [only] = read(c, {"vpn_gateway_id": first["id"]})["connections"]
    assert only["id"] == site_a["id"] and only["local_subnet"] == "10.0.0.0/16"
    assert only["ike_config"][0]["psk"] == site_a["ike_config"][0]["psk"]
    assert only["vco_health_check"][0]["enable"] == "disable"
    assert read(c, {"name_regex": "-b$"})["names"] == ["site-b"]
    assert read(c, {"ids": [site_b["id"]]})["names"] == ["site-b"]
    assert read(Call(c.cloud, OTHER_ACCOUNT, "cn-hangzhou"), {})["ids"] == []


def test_the_data_source_listing_pre_shared_keys_is_sensitive() -> None:
    assert data_source_spec("alicloud_vpn_connections").block.attributes["connections"].sensitive
    assert data_source_spec("alicloud_vpn_gateway_vpn_attachments").block.attributes["attachments"].sensitive
    assert not data_source_spec("alicloud_cen_transit_routers").block.attributes["transit_routers"].sensitive


def test_transit_routers_of_a_cen_instance() -> None:
    c = call()
    cen = RESOURCES["alicloud_cen_instance"].create(c, {"cen_instance_name": "hub"})
    tr = RESOURCES["alicloud_cen_transit_router"].create(c, {"cen_id": cen["id"], "transit_router_name": "core"})
    read = DATA_SOURCES["alicloud_cen_transit_routers"].read
    [found] = read(c, {"cen_id": cen["id"]})["transit_routers"]
    assert found["id"] == tr["id"] == f"{cen['id']}:{tr['transit_router_id']}"
    assert (found["transit_router_id"], found["ali_uid"], found["status"]) == (
        tr["transit_router_id"],
        ACCOUNT,
        "Active",
    )
    assert read(c, {"cen_id": cen["id"], "name_regex": "^edge"})["ids"] == []
    assert read(c, {"cen_id": cen["id"], "transit_router_ids": [tr["transit_router_id"]]})["names"] == ["core"]
    assert read(c, {"cen_id": cen["id"], "status": "Deleting"})["ids"] == []
    with refused("InvalidCenId.NotFound"):
        read(c, {"cen_id": "cen-missing"})


def test_cen_instances_and_customer_gateways_and_gateway_zones() -> None:
    c = call()
    hub = RESOURCES["alicloud_cen_instance"].create(c, {"cen_instance_name": "hub", "tags": {"team": "net"}})
    RESOURCES["alicloud_cen_instance"].create(c, {"cen_instance_name": "lab"})
    cens = DATA_SOURCES["alicloud_cen_instances"].read
    assert cens(c, {"name_regex": "^hub$"})["ids"] == [hub["id"]]
    assert cens(c, {"tags": {"team": "net"}})["names"] == ["hub"]
    assert cens(c, {"status": "Deleting"})["ids"] == []
    customer = RESOURCES[CUSTOMER_GATEWAY].create(c, {"ip_address": "203.0.113.9", "asn": "65010", "name": "branch"})
    [listed] = DATA_SOURCES["alicloud_vpn_customer_gateways"].read(c, {"name_regex": "^bra"})["gateways"]
    assert (listed["id"], listed["ip_address"], listed["asn"]) == (customer["id"], "203.0.113.9", 65010)
    zones = DATA_SOURCES["alicloud_vpn_gateway_zones"].read(c, {"spec": "10M"})
    assert zones["ids"] == [z["zone_id"] for z in zones["zones"]] and zones["ids"][0].startswith("cn-hangzhou-")


def test_transit_router_attachment_data_sources_list_what_is_attached() -> None:
    c = call()
    cen = RESOURCES["alicloud_cen_instance"].create(c, {"cen_instance_name": "hub"})
    tr = RESOURCES["alicloud_cen_transit_router"].create(c, {"cen_id": cen["id"]})
    customer = RESOURCES[CUSTOMER_GATEWAY].create(c, {"ip_address": "203.0.113.7"})
    ipsec = RESOURCES["alicloud_vpn_gateway_vpn_attachment"].create(
        c,
        {
            "customer_gateway_id": customer["id"],
            "local_subnet": "0.0.0.0/0",
            "remote_subnet": "0.0.0.0/0",
            "vpn_attachment_name": "branch",
        },
    )
    RESOURCES["alicloud_vpn_gateway_vco_route"].create(
        c, {"vpn_connection_id": ipsec["id"], "route_dest": "10.8.0.0/16", "next_hop": ipsec["id"], "weight": 100}
    )
    attachment = RESOURCES["alicloud_cen_transit_router_vpn_attachment"].create(
        c,
        {
            "cen_id": cen["id"],
            "transit_router_id": tr["transit_router_id"],
            "vpn_id": ipsec["id"],
            "zone": [{"zone_id": "cn-hangzhou-h"}],
            "transit_router_attachment_name": "branch",
        },
    )
    [(_, table)] = c.where("alicloud_cen_transit_router_route_table", transit_router_id=tr["transit_router_id"])
    link = {
        "transit_router_attachment_id": attachment["id"],
        "transit_router_route_table_id": table["transit_router_route_table_id"],
    }
    RESOURCES["alicloud_cen_transit_router_route_table_association"].create(c, dict(link))

    [listed] = DATA_SOURCES["alicloud_cen_transit_router_vpn_attachments"].read(c, {"cen_id": cen["id"]})["attachments"]
    assert (listed["id"], listed["vpn_id"], listed["resource_type"]) == (attachment["id"], ipsec["id"], "VPN")
    assert DATA_SOURCES["alicloud_cen_transit_router_vpn_attachments"].read(c, {"name_regex": "^x"})["ids"] == []
    [association] = DATA_SOURCES["alicloud_cen_transit_router_route_table_associations"].read(
        c, {"transit_router_route_table_id": table["transit_router_route_table_id"]}
    )["associations"]
    assert (association["id"], association["resource_id"], association["resource_type"]) == (
        attachment["id"],
        ipsec["id"],
        "VPN",
    )
    propagations = DATA_SOURCES["alicloud_cen_transit_router_route_table_propagations"].read(c, dict(link))
    assert propagations["ids"] == [] and propagations["propagations"] == []
    [route] = DATA_SOURCES["alicloud_vpn_gateway_vco_routes"].read(c, {"vpn_connection_id": ipsec["id"]})["routes"]
    assert (route["route_dest"], route["source"]) == ("10.8.0.0/16", "CUSTOM")
    bgp = DATA_SOURCES["alicloud_vpn_gateway_vco_routes"].read(
        c, {"vpn_connection_id": ipsec["id"], "route_entry_type": "bgp"}
    )
    assert bgp["routes"] == []
    with refused("InvalidVpnConnectionInstanceId.NotFound"):
        DATA_SOURCES["alicloud_vpn_gateway_vco_routes"].read(c, {"vpn_connection_id": "vco-missing"})
    [connection] = DATA_SOURCES["alicloud_vpn_gateway_vpn_attachments"].read(c, {"name_regex": "^branch$"})[
        "attachments"
    ]
    assert (connection["vpn_connection_id"], connection["attach_type"]) == (ipsec["id"], "CEN")
    assert DATA_SOURCES["alicloud_vpn_gateway_vpn_attachments"].read(c, {"status": "deleted"})["ids"] == []
    entry = RESOURCES[ROUTE_ENTRY].create(
        c,
        {
            "transit_router_route_table_id": table["transit_router_route_table_id"],
            "transit_router_route_entry_destination_cidr_block": "10.8.0.0/16",
            "transit_router_route_entry_next_hop_type": "Attachment",
            "transit_router_route_entry_next_hop_id": attachment["id"],
        },
    )
    RESOURCES["alicloud_cen_transit_router_route_table_association"].delete(
        c, f"{attachment['id']}:{table['transit_router_route_table_id']}"
    )
    assert not list(c.where("alicloud_cen_transit_router_route_table_association"))
    with refused("IncorrectStatus.AttachmentHasRouteTable"):  # the route entry's next hop
        RESOURCES["alicloud_cen_transit_router_vpn_attachment"].delete(c, attachment["id"])
    RESOURCES[ROUTE_ENTRY].delete(c, entry["id"])
    RESOURCES["alicloud_cen_transit_router_vpn_attachment"].delete(c, attachment["id"])


def test_the_generated_bindings_pin_the_types_of_the_vendored_schema() -> None:
    """The packages of ``constructs_vpn.alicloud`` (one per type) and the vendored schema are one list."""
    packages = {p.name for p in Path(alicloud.__file__).parent.iterdir() if (p / "__init__.py").exists()}
    schema = load_schema()
    expected = {t.removeprefix("alicloud_") for t in schema["resource_schemas"]} | {
        "data_" + t for t in schema["data_source_schemas"]
    }
    assert packages - {"provider", "schema"} == expected


@pytest.mark.terraform
def test_terraform_reads_every_pinned_type_from_the_emulator(workspace: WorkspaceFactory) -> None:
    """What ``get`` against the emulator reads (``terraform providers schema -json``) is the pinned list."""
    ws = workspace("schema", document({"alicloud_cen_instance": {"cen": {}}}))
    ws.init()
    read = json.loads(ws.run("providers", "schema", "-json").stdout)
    [provider] = read["provider_schemas"].values()
    assert sorted(provider["resource_schemas"]) == sorted(load_schema()["resource_schemas"])
    assert sorted(provider["data_source_schemas"]) == sorted(load_schema()["data_source_schemas"])
