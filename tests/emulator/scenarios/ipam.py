"""IPAM family: ``alicloud_vpc_ipam_ipam``, ``alicloud_vpc_ipam_ipam_pool`` and ``alicloud_vpc_ipam_ipam_pool_cidr``.
ForceNew flags from ``constructs_vpn/alicloud/schema/constraints.json`` (provider v1.289.0); error codes from the
VPC IPAM API reference (CreateIpam, CreateIpamPool, AddIpamPoolCidr)."""

from __future__ import annotations

from typing import Any

from tests.emulator.scenarios import CREATE, REPLACE, UPDATE, Scenario, Step

IPAM = "alicloud_vpc_ipam_ipam"
POOL = "alicloud_vpc_ipam_ipam_pool"
CIDR = "alicloud_vpc_ipam_ipam_pool_cidr"
REGIONS = ["cn-hangzhou", "cn-shanghai"]


def _ipam(**extra: Any) -> dict[str, Any]:
    return {"ipam_name": "scenario-ipam", "operating_region_list": REGIONS, **extra}


def _pool(region: str = "cn-hangzhou", **extra: Any) -> dict[str, Any]:
    return {
        "ipam_scope_id": "${alicloud_vpc_ipam_ipam.ipam.private_default_scope_id}",
        "pool_region_id": region,
        "ip_version": "IPv4",
        "ipam_pool_name": "scenario-pool",
        **extra,
    }


IPAM_SCENARIO = Scenario(
    "ipam",
    (
        Step("alicloud_vpc_ipam_ipam: created by CreateIpam", {IPAM: {"ipam": _ipam()}}, {f"{IPAM}.ipam": CREATE}),
        Step(
            "alicloud_vpc_ipam_ipam: ipam_name and ipam_description update in place (UpdateIpam; no attribute of "
            "the type is ForceNew)",
            {IPAM: {"ipam": _ipam(ipam_name="scenario-renamed", ipam_description="changed")}},
            {f"{IPAM}.ipam": UPDATE},
        ),
        Step(
            "CreateIpam: the operating regions must include the IPAM's own region (IllegalParam.OperatingRegionList)",
            {
                IPAM: {
                    "ipam": _ipam(ipam_name="scenario-renamed", ipam_description="changed"),
                    "elsewhere": {"operating_region_list": ["cn-shanghai"]},
                }
            },
            refused="IllegalParam.OperatingRegionList",
        ),
    ),
)

POOL_SCENARIO = Scenario(
    "ipam_pool",
    (
        Step(
            "alicloud_vpc_ipam_ipam_pool: created by CreateIpamPool in the IPAM's private scope",
            {IPAM: {"ipam": _ipam()}, POOL: {"pool": _pool()}},
            {f"{IPAM}.ipam": CREATE, f"{POOL}.pool": CREATE},
        ),
        Step(
            "alicloud_vpc_ipam_ipam_pool: ipam_pool_name, description and allocation masks update in place "
            "(UpdateIpamPool)",
            {
                IPAM: {"ipam": _ipam()},
                POOL: {
                    "pool": _pool(
                        ipam_pool_name="scenario-renamed",
                        ipam_pool_description="changed",
                        allocation_min_cidr_mask=20,
                        allocation_max_cidr_mask=26,
                    )
                },
            },
            {f"{POOL}.pool": UPDATE},
        ),
        Step(
            "CreateIpamPool: the allocation masks must be min <= max (IllegalParam.AllocationCidrMask)",
            {
                IPAM: {"ipam": _ipam()},
                POOL: {
                    "pool": _pool(
                        ipam_pool_name="scenario-renamed",
                        ipam_pool_description="changed",
                        allocation_min_cidr_mask=20,
                        allocation_max_cidr_mask=26,
                    ),
                    "inverted": _pool(allocation_min_cidr_mask=28, allocation_max_cidr_mask=24),
                },
            },
            refused="IllegalParam.AllocationCidrMask",
        ),
        Step(
            "alicloud_vpc_ipam_ipam_pool: pool_region_id is ForceNew, another operating region replaces the pool",
            {
                IPAM: {"ipam": _ipam()},
                POOL: {
                    "pool": _pool(
                        "cn-shanghai",
                        ipam_pool_name="scenario-renamed",
                        ipam_pool_description="changed",
                        allocation_min_cidr_mask=20,
                        allocation_max_cidr_mask=26,
                    )
                },
            },
            {f"{POOL}.pool": REPLACE},
        ),
    ),
)


def _pooled(*cidrs: str) -> dict[str, Any]:
    return {
        IPAM: {"ipam": _ipam()},
        POOL: {"pool": _pool()},
        CIDR: {
            f"c{index}": {"ipam_pool_id": "${alicloud_vpc_ipam_ipam_pool.pool.id}", "cidr": cidr}
            for index, cidr in enumerate(cidrs)
        },
    }


POOL_CIDR_SCENARIO = Scenario(
    "ipam_pool_cidr",
    (
        Step(
            "alicloud_vpc_ipam_ipam_pool_cidr: a block added to the pool by AddIpamPoolCidr",
            _pooled("10.0.0.0/16"),
            {f"{IPAM}.ipam": CREATE, f"{POOL}.pool": CREATE, f"{CIDR}.c0": CREATE},
        ),
        Step(
            "AddIpamPoolCidr: a block overlapping another of the pool is refused (InvalidCidr.Overlapped); the "
            "type has no in-place update of a block (cidr and ipam_pool_id are ForceNew)",
            _pooled("10.0.0.0/16", "10.0.1.0/24"),
            refused="InvalidCidr.Overlapped",
        ),
        Step(
            "alicloud_vpc_ipam_ipam_pool_cidr: cidr is ForceNew, another block replaces it",
            _pooled("10.1.0.0/16"),
            {f"{CIDR}.c0": REPLACE},
        ),
    ),
)

SCENARIOS = (IPAM_SCENARIO, POOL_SCENARIO, POOL_CIDR_SCENARIO)
