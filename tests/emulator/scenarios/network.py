"""Network family: ``alicloud_vpc``, ``alicloud_vswitch`` and ``alicloud_vpn_gateway``, read back with the data sources ``alicloud_vpcs``
and ``alicloud_vswitches``. ForceNew flags from ``constructs_vpn/alicloud/schema/constraints.json`` (provider
v1.289.0); error codes from the VPC and VPN API references (CreateVpc, CreateVSwitch, CreateVpnGateway)."""

from __future__ import annotations

from typing import Any

from tests.emulator.scenarios import CREATE, REPLACE, UPDATE, Scenario, Step

VPC = "alicloud_vpc"
VSWITCH = "alicloud_vswitch"
VPC_ID = "${alicloud_vpc.net.id}"
ZONE = "cn-hangzhou-h"


def _vpc(**extra: Any) -> dict[str, Any]:
    return {"vpc_name": "scenario-net", "cidr_block": "10.20.0.0/16", **extra}


def _vswitch(cidr: str = "10.20.1.0/24", **extra: Any) -> dict[str, Any]:
    return {"vpc_id": VPC_ID, "cidr_block": cidr, "zone_id": ZONE, "vswitch_name": "scenario-sw", **extra}


VPC_SCENARIO = Scenario(
    "vpc",
    (
        Step(
            "alicloud_vpc: created by CreateVpc; data.alicloud_vpcs finds it by name_regex",
            {VPC: {"net": _vpc()}},
            {f"{VPC}.net": CREATE},
            data={"alicloud_vpcs": {"found": {"name_regex": "^scenario-net$", "depends_on": [f"{VPC}.net"]}}},
            outputs={"cidrs": "${data.alicloud_vpcs.found.vpcs[*].cidr_block}"},
            expect_outputs={"cidrs": ["10.20.0.0/16"]},
        ),
        Step(
            "alicloud_vpc: vpc_name and description update in place (ModifyVpcAttribute)",
            {VPC: {"net": _vpc(vpc_name="scenario-renamed", description="changed")}},
            {f"{VPC}.net": UPDATE},
        ),
        Step(
            "CreateVpc: a CIDR block with a mask wider than /8 is refused (InvalidCidrBlock.Malformed)",
            {
                VPC: {
                    "net": _vpc(vpc_name="scenario-renamed", description="changed"),
                    "wide": {"cidr_block": "10.0.0.0/7"},
                }
            },
            refused="InvalidCidrBlock.Malformed",
        ),
        Step(
            "alicloud_vpc: user_cidrs is ForceNew, setting them replaces the VPC",
            {VPC: {"net": _vpc(vpc_name="scenario-renamed", description="changed", user_cidrs=["172.30.0.0/16"])}},
            {f"{VPC}.net": REPLACE},
        ),
    ),
)

VSWITCH_SCENARIO = Scenario(
    "vswitch",
    (
        Step(
            "alicloud_vswitch: created by CreateVSwitch in its VPC; data.alicloud_vswitches lists it",
            {VPC: {"net": _vpc()}, VSWITCH: {"sw": _vswitch()}},
            {f"{VPC}.net": CREATE, f"{VSWITCH}.sw": CREATE},
            data={"alicloud_vswitches": {"found": {"vpc_id": VPC_ID, "depends_on": [f"{VSWITCH}.sw"]}}},
            outputs={"cidrs": "${data.alicloud_vswitches.found.vswitches[*].cidr_block}"},
            expect_outputs={"cidrs": ["10.20.1.0/24"]},
        ),
        Step(
            "alicloud_vswitch: vswitch_name and description update in place (ModifyVSwitchAttribute)",
            {VPC: {"net": _vpc()}, VSWITCH: {"sw": _vswitch(vswitch_name="scenario-renamed", description="changed")}},
            {f"{VSWITCH}.sw": UPDATE},
        ),
        Step(
            "CreateVSwitch: a block overlapping another vSwitch of the VPC is refused (InvalidCidrBlock.Overlapped)",
            {
                VPC: {"net": _vpc()},
                VSWITCH: {
                    "sw": _vswitch(vswitch_name="scenario-renamed", description="changed"),
                    "twin": _vswitch("10.20.1.128/25"),
                },
            },
            refused="InvalidCidrBlock.Overlapped",
        ),
        Step(
            "alicloud_vswitch: cidr_block is ForceNew, a new block replaces the vSwitch",
            {
                VPC: {"net": _vpc()},
                VSWITCH: {"sw": _vswitch("10.20.2.0/24", vswitch_name="scenario-renamed", description="changed")},
            },
            {f"{VSWITCH}.sw": REPLACE},
        ),
    ),
)

VPN_GATEWAY = "alicloud_vpn_gateway"


def _gatewayed(bandwidth: int = 10, **extra: Any) -> dict[str, Any]:
    """The VPC with a vSwitch in each of two zones and a dual-zone VPN gateway on them."""
    return {
        VPC: {"net": _vpc()},
        VSWITCH: {
            "sw": _vswitch(),
            "dr": _vswitch("10.20.2.0/24", zone_id="cn-hangzhou-i", vswitch_name="scenario-dr"),
        },
        VPN_GATEWAY: {
            "gw": {
                "vpc_id": VPC_ID,
                "vswitch_id": "${alicloud_vswitch.sw.id}",
                "disaster_recovery_vswitch_id": "${alicloud_vswitch.dr.id}",
                "bandwidth": bandwidth,
                "vpn_gateway_name": "scenario-gw",
                **extra,
            }
        },
    }


VPN_GATEWAY_SCENARIO = Scenario(
    "vpn_gateway",
    (
        Step(
            "alicloud_vpn_gateway: a dual-zone gateway (vswitch_id and disaster_recovery_vswitch_id in two zones) "
            "created by CreateVpnGateway",
            _gatewayed(),
            {f"{VPC}.net": CREATE, f"{VSWITCH}.sw": CREATE, f"{VSWITCH}.dr": CREATE, f"{VPN_GATEWAY}.gw": CREATE},
        ),
        Step(
            "alicloud_vpn_gateway: vpn_gateway_name and description update in place (ModifyVpnGatewayAttribute)",
            _gatewayed(vpn_gateway_name="scenario-renamed", description="changed"),
            {f"{VPN_GATEWAY}.gw": UPDATE},
        ),
        Step(
            "CreateVpnGateway: a bandwidth outside the gateway's specifications (5, 10, 20, 50, 100, 200, 500, "
            "1000 Mbit/s) is refused (IllegalParam.Bandwidth)",
            {
                **_gatewayed(vpn_gateway_name="scenario-renamed", description="changed"),
                VPN_GATEWAY: {
                    **_gatewayed(vpn_gateway_name="scenario-renamed", description="changed")[VPN_GATEWAY],
                    "odd": {"vpc_id": VPC_ID, "vswitch_id": "${alicloud_vswitch.sw.id}", "bandwidth": 7},
                },
            },
            refused="IllegalParam.Bandwidth",
        ),
        Step(
            "alicloud_vpn_gateway: bandwidth is ForceNew, another specification replaces the gateway",
            _gatewayed(20, vpn_gateway_name="scenario-renamed", description="changed"),
            {f"{VPN_GATEWAY}.gw": REPLACE},
        ),
    ),
)

SCENARIOS = (VPC_SCENARIO, VSWITCH_SCENARIO, VPN_GATEWAY_SCENARIO)
