"""VPC IP Address Manager (IPAM): an IPAM with its two default scopes, address pools in a scope, the CIDR
blocks provisioned to a pool, and VPC blocks allocated from a pool.

API rules (the provider's resource_alicloud_vpc_ipam_*.go and their docs, v1.289.0; IPAM API reference,
CreateIpam / CreateIpamPool / AddIpamPoolCidr): an IPAM operates in the regions of its
``operating_region_list``, which holds its own; a pool lives in a scope of an IPAM and in one of its operating
regions; a sub-pool (``source_ipam_pool_id``) takes its blocks from within its source pool's; a pool's blocks
do not overlap; a VPC created with ``ipv4_ipam_pool_id`` gets the first free block of ``ipv4_cidr_mask`` (or the
pool's default mask) from the pool, within the pool's allocation masks. Nothing is deleted while it holds
something: an IPAM with pools, a pool with blocks or sub-pools, a block a VPC was allocated from.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from typing import Any

from ..errors import ApiError, not_found
from .base import Call, Family, default

__all__ = ["Ipam", "IpamPool", "IpamPoolCidr", "allocate", "first_free"]

IPAM = "alicloud_vpc_ipam_ipam"
POOL = "alicloud_vpc_ipam_ipam_pool"
POOL_CIDR = "alicloud_vpc_ipam_ipam_pool_cidr"
VPC = "alicloud_vpc"
#: The pool's largest allocatable mask when CreateIpamPool is given none: the smallest VPC block (/28);
#: the API reference documents no default, the provider declares the attribute Computed.
DEFAULT_MAX_MASK = 28
#: Where AddIpamPoolCidr takes a public IPv6 pool's block from when given only NetmaskLength (the provider's
#: docs: "supporting sub-pools and public top pools"): the emulator's stand-in for the ISP's address space.
PUBLIC_IPV6_SPACE = ipaddress.IPv6Network("2408:4000::/24")

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _network(value: Any) -> Network:
    try:
        return ipaddress.ip_network(str(value), strict=True)
    except ValueError:
        raise ApiError("IllegalParam.Cidr", f"The specified Cidr {value!r} is not a valid CIDR block.") from None


def first_free(within: list[Network], taken: list[Network], mask: int) -> Network | None:
    """The lowest /``mask`` block inside one of ``within`` that overlaps none of ``taken``."""
    for block in sorted(within):
        if mask < block.prefixlen:
            continue
        for candidate in block.subnets(new_prefix=mask):
            if not any(candidate.overlaps(t) for t in taken):
                return candidate
    return None


def _within(inner: Network, outer: Network) -> bool:
    if isinstance(inner, ipaddress.IPv4Network) and isinstance(outer, ipaddress.IPv4Network):
        return inner.subnet_of(outer)
    if isinstance(inner, ipaddress.IPv6Network) and isinstance(outer, ipaddress.IPv6Network):
        return inner.subnet_of(outer)
    return False


def _pool_blocks(call: Call, pool_id: str) -> list[Network]:
    return [ipaddress.ip_network(c["cidr"]) for _, c in call.where(POOL_CIDR, ipam_pool_id=pool_id)]


def _allocations(call: Call, pool_id: str) -> Iterator[tuple[str, Network]]:
    """What was taken from a pool: its sub-pools' blocks and the VPC blocks allocated from it."""
    for sub_id, _ in call.where(POOL, source_ipam_pool_id=pool_id):
        for block in _pool_blocks(call, sub_id):
            yield sub_id, block
    for vpc_id, vpc in call.where(VPC, ipv4_ipam_pool_id=pool_id):
        yield vpc_id, ipaddress.ip_network(vpc["cidr_block"])


def allocate(call: Call, pool_id: str, mask: Any) -> str:
    """The block CreateVpc allocates from pool ``pool_id`` for a VPC of mask ``mask`` (``None``: the pool's
    default)."""
    pool = call.require(POOL, pool_id, "InvalidIpamPoolId.NotFound", "IPAM pool")
    mask = mask if mask is not None else pool.get("allocation_default_cidr_mask")
    if mask is None:
        raise ApiError("MissingParam.Ipv4CidrMask", f"The IPAM pool {pool_id} has no default mask: set ipv4_cidr_mask.")
    low, high = pool.get("allocation_min_cidr_mask") or 0, pool.get("allocation_max_cidr_mask") or 32
    if not low <= int(mask) <= high:
        raise ApiError(
            "IllegalParam.Ipv4CidrMask",
            f"The mask /{mask} is outside the allocation masks /{low} to /{high} of IPAM pool {pool_id}.",
        )
    block = first_free(_pool_blocks(call, pool_id), [b for _, b in _allocations(call, pool_id)], int(mask))
    if block is None:
        raise ApiError(
            "InsufficientAvailableCidr", f"The IPAM pool {pool_id} has no free /{mask} block left for the VPC."
        )
    return str(block)


def _scope_owner(call: Call, scope_id: Any) -> tuple[str, dict[str, Any]]:
    for key in ("private_default_scope_id", "public_default_scope_id"):
        for ipam_id, ipam in call.where(IPAM, **{key: scope_id}):
            if call.owner(IPAM, ipam_id) == call.account:
                return ipam_id, ipam
    raise not_found("InvalidIpamScopeId.NotFound", "IPAM scope", scope_id)


def _is_public(call: Call, pool: dict[str, Any]) -> bool:
    _, ipam = _scope_owner(call, pool.get("ipam_scope_id"))
    return bool(ipam["public_default_scope_id"] == pool.get("ipam_scope_id"))


class Ipam(Family):
    type_name = IPAM
    actions = ("CreateIpam", "ListIpams", "UpdateIpam", "DeleteIpam")

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        regions = values.get("operating_region_list") or []
        if call.region not in regions:
            raise ApiError(
                "IllegalParam.OperatingRegionList",
                f"The OperatingRegionList {regions} must include the IPAM's own region {call.region}.",
            )

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        self.check(call, planned, None)
        planned.update(
            private_default_scope_id=call.new_id("ipam-scope-", 28),
            public_default_scope_id=call.new_id("ipam-scope-", 28),
            region_id=call.region,
            create_time=call.now(),
        )
        return self.store(call, call.new_id("ipam-", 22), planned)

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        default(values, ipam_description="", ipam_name="", resource_group_id=call.resource_group_id, status="Created")

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        scopes = {current["private_default_scope_id"], current["public_default_scope_id"]}
        pools = [pool_id for pool_id, pool in call.where(POOL) if pool.get("ipam_scope_id") in scopes]
        if pools:
            raise ApiError("ResourceInUse.IpamPool", f"The IPAM {id} still has pools ({', '.join(pools)}).")


class IpamPool(Family):
    type_name = POOL
    actions = ("CreateIpamPool", "ListIpamPools", "UpdateIpamPool", "DeleteIpamPool")

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        _, ipam = _scope_owner(call, values.get("ipam_scope_id"))
        region = values.get("pool_region_id")
        if region is not None and region not in ipam["operating_region_list"]:
            raise ApiError(
                "IllegalParam.PoolRegionId",
                f"The PoolRegionId {region} is not an operating region of the IPAM ({ipam['operating_region_list']}).",
            )
        source_id = values.get("source_ipam_pool_id")
        if source_id:
            source = call.require(POOL, source_id, "InvalidIpamPoolId.NotFound", "source IPAM pool")
            if source["ipam_scope_id"] != values.get("ipam_scope_id"):
                raise ApiError(
                    "IllegalParam.SourceIpamPoolId",
                    f"The source pool {source_id} is in scope {source['ipam_scope_id']}, not this pool's.",
                )
        low, high = values.get("allocation_min_cidr_mask"), values.get("allocation_max_cidr_mask")
        default_mask = values.get("allocation_default_cidr_mask")
        if (low is not None and high is not None and low > high) or (
            default_mask is not None and not (low or 0) <= default_mask <= (high or 32)
        ):
            raise ApiError(
                "IllegalParam.AllocationCidrMask",
                f"The allocation masks must satisfy min <= default <= max (min {low}, default {default_mask}, "
                f"max {high}).",
            )

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        self.check(call, planned, None)
        planned.update(region_id=call.region, create_time=call.now())
        return self.store(call, call.new_id("ipam-pool-", 27), planned)

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        default(
            values,
            allocation_max_cidr_mask=DEFAULT_MAX_MASK,
            auto_import=False,
            ip_version="IPv4",
            ipam_pool_description="",
            ipam_pool_name="",
            ipv6_isp="",
            resource_group_id=call.resource_group_id,
            source_ipam_pool_id="",
            status="Created",
        )

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        held = [c for c, _ in call.where(POOL_CIDR, ipam_pool_id=id)] + [
            p for p, _ in call.where(POOL, source_ipam_pool_id=id)
        ]
        if held:
            raise ApiError("ResourceInUse.IpamPool", f"The IPAM pool {id} still holds {', '.join(held)}.")


class IpamPoolCidr(Family):
    type_name = POOL_CIDR
    actions = ("AddIpamPoolCidr", "ListIpamPoolCidrs", "AddIpamPoolCidr", "DeleteIpamPoolCidr")

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        pool_id = planned.get("ipam_pool_id")
        pool = call.require(POOL, pool_id, "InvalidIpamPoolId.NotFound", "IPAM pool")
        source_id = pool.get("source_ipam_pool_id")
        taken = _pool_blocks(call, str(pool_id))
        if planned.get("cidr"):
            cidr = _network(planned["cidr"])
        elif planned.get("netmask_length") is not None and source_id:
            mask = int(planned["netmask_length"])
            others = [b for _, b in _allocations(call, source_id)]
            found = first_free(_pool_blocks(call, source_id), others, mask)
            if found is None:
                raise ApiError("InsufficientAvailableCidr", f"The source pool {source_id} has no free /{mask} block.")
            cidr = found
        elif planned.get("netmask_length") is not None and pool.get("ip_version") == "IPv6" and _is_public(call, pool):
            mask = int(planned["netmask_length"])
            others = [ipaddress.ip_network(c["cidr"]) for _, c in call.where(POOL_CIDR) if ":" in c["cidr"]]
            found = first_free([PUBLIC_IPV6_SPACE], others, mask)
            if found is None:
                raise ApiError("InsufficientAvailableCidr", f"No free public IPv6 /{mask} block is left.")
            cidr = found
        else:
            raise ApiError(
                "MissingParam.Cidr",
                "AddIpamPoolCidr needs Cidr, or NetmaskLength for a sub-pool or a public IPv6 top pool.",
            )
        for block in taken:
            if cidr.overlaps(block):
                raise ApiError("InvalidCidr.Overlapped", f"The Cidr {cidr} overlaps {block} of IPAM pool {pool_id}.")
        if source_id:
            if not any(_within(cidr, b) for b in _pool_blocks(call, source_id)):
                raise ApiError(
                    "IllegalParam.Cidr", f"The Cidr {cidr} is not within a block of the source pool {source_id}."
                )
            for user, block in _allocations(call, source_id):
                if cidr.overlaps(block):
                    raise ApiError("InvalidCidr.Overlapped", f"The Cidr {cidr} overlaps {block}, allocated to {user}.")
        planned["cidr"] = str(cidr)
        return self.store(call, f"{pool_id}#{cidr}", planned)

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        default(values, status="Created")

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        block = ipaddress.ip_network(current["cidr"])
        users = [user for user, taken in _allocations(call, current["ipam_pool_id"]) if _within(taken, block)]
        if users:
            raise ApiError(
                "ResourceInUse.IpamPoolCidr", f"The block {block} is allocated to {', '.join(users)}; release it first."
            )
