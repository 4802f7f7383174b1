"""CEN family: ``alicloud_cen_instance``, ``alicloud_cen_transit_router``,
``alicloud_cen_transit_router_route_table``, ``alicloud_cen_transit_router_cidr`` and
``alicloud_cen_transit_router_route_entry``, with the data source
``alicloud_cen_transit_router_route_tables``. ForceNew flags from ``constructs_vpn/alicloud/schema/constraints.json``
(provider v1.289.0); error codes from the CEN API reference (CreateTransitRouter, CreateTransitRouterCidr,
CreateTransitRouterRouteEntry)."""

from __future__ import annotations

from typing import Any

from tests.emulator.scenarios import CREATE, REPLACE, UPDATE, Scenario, Step

CEN = "alicloud_cen_instance"
TR = "alicloud_cen_transit_router"
TABLE = "alicloud_cen_transit_router_route_table"
CIDR = "alicloud_cen_transit_router_cidr"
TR_ID = "${alicloud_cen_transit_router.tr.transit_router_id}"


def _cens(*names: str) -> dict[str, Any]:
    return {name: {"cen_instance_name": f"scenario-{name}", "description": "written by the scenario"} for name in names}


def _network(cen: str = "a", **router: Any) -> dict[str, Any]:
    """Two CEN instances and a transit router in one of them."""
    return {
        CEN: _cens("a", "b"),
        TR: {"tr": {"cen_id": f"${{alicloud_cen_instance.{cen}.id}}", "transit_router_name": "scenario-tr", **router}},
    }


CEN_INSTANCE = Scenario(
    "cen_instance",
    (
        Step("alicloud_cen_instance: created by CreateCen", {CEN: _cens("a")}, {f"{CEN}.a": CREATE}),
        Step(
            "alicloud_cen_instance: cen_instance_name and description update in place (ModifyCenAttribute; no "
            "attribute of the type is ForceNew)",
            {CEN: {"a": {"cen_instance_name": "scenario-renamed", "description": "changed"}}},
            {f"{CEN}.a": UPDATE},
        ),
    ),
)

TRANSIT_ROUTER = Scenario(
    "transit_router",
    (
        Step(
            "alicloud_cen_transit_router: created by CreateTransitRouter in its CEN instance",
            _network(),
            {f"{CEN}.a": CREATE, f"{CEN}.b": CREATE, f"{TR}.tr": CREATE},
        ),
        Step(
            "alicloud_cen_transit_router: transit_router_name and transit_router_description update in place "
            "(UpdateTransitRouter)",
            _network(transit_router_name="scenario-renamed", transit_router_description="changed"),
            {f"{TR}.tr": UPDATE},
        ),
        Step(
            "CreateTransitRouter: a CEN instance has one transit router per region (QuotaExceeded.TransitRouter)",
            {**_network(), TR: {**_network()[TR], "second": {"cen_id": "${alicloud_cen_instance.a.id}"}}},
            refused="QuotaExceeded.TransitRouter",
        ),
        Step(
            "alicloud_cen_transit_router: cen_id is ForceNew, another CEN instance replaces the router",
            _network("b"),
            {f"{TR}.tr": REPLACE},
        ),
    ),
)

ROUTE_TABLE = Scenario(
    "transit_router_route_table",
    (
        Step(
            "alicloud_cen_transit_router_route_table: a custom table created beside the router's system table; "
            "data.alicloud_cen_transit_router_route_tables lists both",
            {**_network(), TABLE: {"t": {"transit_router_id": TR_ID, "transit_router_route_table_name": "custom"}}},
            {f"{CEN}.a": CREATE, f"{CEN}.b": CREATE, f"{TR}.tr": CREATE, f"{TABLE}.t": CREATE},
            data={
                "alicloud_cen_transit_router_route_tables": {
                    "all": {"transit_router_id": TR_ID, "depends_on": [f"{TABLE}.t"]}
                }
            },
            outputs={
                "types": "${sort(data.alicloud_cen_transit_router_route_tables.all.tables[*].transit_router_route_table_type)}"
            },
            expect_outputs={"types": ["Custom", "System"]},
        ),
        Step(
            "alicloud_cen_transit_router_route_table: name and description update in place "
            "(UpdateTransitRouterRouteTable)",
            {
                **_network(),
                TABLE: {
                    "t": {
                        "transit_router_id": TR_ID,
                        "transit_router_route_table_name": "renamed",
                        "transit_router_route_table_description": "changed",
                    }
                },
            },
            {f"{TABLE}.t": UPDATE},
        ),
        Step(
            "CreateTransitRouterRouteTable: a transit router that does not exist is refused "
            "(InvalidTransitRouterId.NotFound)",
            {
                **_network(),
                TABLE: {
                    "t": {
                        "transit_router_id": TR_ID,
                        "transit_router_route_table_name": "renamed",
                        "transit_router_route_table_description": "changed",
                    },
                    "lost": {"transit_router_id": "tr-bp1doesnotexist000000"},
                },
            },
            refused="InvalidTransitRouterId.NotFound",
        ),
        Step(
            "alicloud_cen_transit_router_route_table: transit_router_id is ForceNew, a table of another router "
            "replaces it",
            {
                CEN: _cens("a", "b"),
                TR: {**_network()[TR], "other": {"cen_id": "${alicloud_cen_instance.b.id}"}},
                TABLE: {"t": {"transit_router_id": "${alicloud_cen_transit_router.other.transit_router_id}"}},
            },
            {f"{TR}.other": CREATE, f"{TABLE}.t": REPLACE},
        ),
    ),
)

TR_CIDR = Scenario(
    "transit_router_cidr",
    (
        Step(
            "alicloud_cen_transit_router_cidr: created by CreateTransitRouterCidr on its transit router",
            {**_network(), CIDR: {"c": {"transit_router_id": TR_ID, "cidr": "192.168.10.0/24"}}},
            {f"{CEN}.a": CREATE, f"{CEN}.b": CREATE, f"{TR}.tr": CREATE, f"{CIDR}.c": CREATE},
        ),
        Step(
            "alicloud_cen_transit_router_cidr: cidr, transit_router_cidr_name and description update in place "
            "(ModifyTransitRouterCidr)",
            {
                **_network(),
                CIDR: {
                    "c": {
                        "transit_router_id": TR_ID,
                        "cidr": "192.168.20.0/24",
                        "transit_router_cidr_name": "renamed",
                        "description": "changed",
                    }
                },
            },
            {f"{CIDR}.c": UPDATE},
        ),
        Step(
            "CreateTransitRouterCidr: a block overlapping another of the router is refused (InvalidCidr.Overlapped)",
            {
                **_network(),
                CIDR: {
                    "c": {
                        "transit_router_id": TR_ID,
                        "cidr": "192.168.20.0/24",
                        "transit_router_cidr_name": "renamed",
                        "description": "changed",
                    },
                    "twin": {"transit_router_id": TR_ID, "cidr": "192.168.20.0/24"},
                },
            },
            refused="InvalidCidr.Overlapped",
        ),
        Step(
            "alicloud_cen_transit_router_cidr: transit_router_id is ForceNew, a block of another router replaces it",
            {
                CEN: _cens("a", "b"),
                TR: {**_network()[TR], "other": {"cen_id": "${alicloud_cen_instance.b.id}"}},
                CIDR: {
                    "c": {
                        "transit_router_id": "${alicloud_cen_transit_router.other.transit_router_id}",
                        "cidr": "192.168.20.0/24",
                    }
                },
            },
            {f"{TR}.other": CREATE, f"{CIDR}.c": REPLACE},
        ),
    ),
)

ROUTE_ENTRY = "alicloud_cen_transit_router_route_entry"
TABLE_ID = "${alicloud_cen_transit_router_route_table.t.transit_router_route_table_id}"


def _entry(destination: str = "192.168.30.0/24", **extra: Any) -> dict[str, Any]:
    return {
        "transit_router_route_table_id": TABLE_ID,
        "transit_router_route_entry_destination_cidr_block": destination,
        "transit_router_route_entry_next_hop_type": "BlackHole",
        "transit_router_route_entry_name": "scenario-drop",
        **extra,
    }


def _routed(**entries: dict[str, Any]) -> dict[str, Any]:
    """The router ``tr`` with a custom route table ``t`` holding ``entries``."""
    return {**_network(), TABLE: {"t": {"transit_router_id": TR_ID}}, ROUTE_ENTRY: entries}


ROUTE_ENTRY_SCENARIO = Scenario(
    "transit_router_route_entry",
    (
        Step(
            "alicloud_cen_transit_router_route_entry: a black-hole route in a custom table created by "
            "CreateTransitRouterRouteEntry",
            _routed(drop=_entry()),
            {
                f"{CEN}.a": CREATE,
                f"{CEN}.b": CREATE,
                f"{TR}.tr": CREATE,
                f"{TABLE}.t": CREATE,
                f"{ROUTE_ENTRY}.drop": CREATE,
            },
        ),
        Step(
            "alicloud_cen_transit_router_route_entry: transit_router_route_entry_name and _description update in "
            "place (UpdateTransitRouterRouteEntry)",
            _routed(drop=_entry(transit_router_route_entry_name="renamed", transit_router_route_entry_description="x")),
            {f"{ROUTE_ENTRY}.drop": UPDATE},
        ),
        Step(
            "CreateTransitRouterRouteEntry: a second entry to the same destination in the table is refused "
            "(InvalidDestinationCidrBlock.AlreadyExists)",
            _routed(
                drop=_entry(transit_router_route_entry_name="renamed", transit_router_route_entry_description="x"),
                twin=_entry(),
            ),
            refused="InvalidDestinationCidrBlock.AlreadyExists",
        ),
        Step(
            "alicloud_cen_transit_router_route_entry: transit_router_route_entry_destination_cidr_block is ForceNew, "
            "another destination replaces the entry",
            _routed(
                drop=_entry(
                    "192.168.40.0/24",
                    transit_router_route_entry_name="renamed",
                    transit_router_route_entry_description="x",
                )
            ),
            {f"{ROUTE_ENTRY}.drop": REPLACE},
        ),
    ),
)

SCENARIOS = (CEN_INSTANCE, TRANSIT_ROUTER, ROUTE_TABLE, TR_CIDR, ROUTE_ENTRY_SCENARIO)
