"""A fleet of sites on one CEN: a hub stack and site stacks, split by one option (``python -m stacks.fleet``).

The hub (CEN, one transit router per region, whose System route table each connection associates with and
propagates to) and the sites (customer gateway, dual-tunnel connection, TR attachment, association,
propagation, static route) are the same constructs in every shape; only the stacks around them change:

- ``split="stack"``: hub and sites in the stack ``fleet``;
- ``split="region"``: the stack ``fleet-hub``, then ``fleet-region-<region>`` per region;
- ``split="site"`` (default): ``fleet-hub``, then ``fleet-site-<name>`` per site.

Every resource's address is its path below the stack (``hub/...``, ``<site name>/...``) and every region's
provider has the region as alias in every shape, so moving a site to another shape moves state entries
(``terraform state mv``) and replaces nothing. Across stacks the sites read the hub's ids through remote
state (cdktf's cross-stack references): the local backend by default, the OSS backend with its Tablestore
lock when the context names a bucket. See docs/fleet.md.

The app reads the context key ``fleet`` (``cdktf.json`` "context", or ``CDKTF_CONTEXT_JSON``):
``{"inventory": "path.csv", "split": "region", "oss": {"bucket": ..., "region": ..., ...}}``. The default
inventory is ``fleet.csv`` (1,000 generated sites): ``python -m stacks`` leaves the fleet out unless the
context asks for it, so the examples' synth stays quick.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import ValidationError as PydanticValidationError

from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.codegen.runtime import problems_from
from constructs_vpn.core import (
    App,
    Construct,
    ConstructsVpnError,
    Fn,
    OssBackend,
    TerraformStack,
    TerraformVariable,
    ValidationError,
)
from constructs_vpn.vpn import (
    CenInstance,
    CustomerGateway,
    IkeConfig,
    IpsecConnection,
    PropsModel,
    StaticRoute,
    TransitRouter,
    add_psk_validation,
)

from .inventory import Branch, Split, read_inventory, split

__all__ = ["CONTEXT_KEY", "FLEET_INVENTORY", "FleetOptions", "OssState", "build_fleet"]

CONTEXT_KEY = "fleet"
FLEET_INVENTORY = Path(__file__).with_name("fleet.csv")


class OssState(PropsModel):
    """The team's remote state: an OSS bucket, locked through a Tablestore table (``terraform.backend.oss``)."""

    bucket: str
    region: str
    prefix: str = "fleet"
    """Folder of the state objects in the bucket; each stack's is ``<prefix>/<stack id>.tfstate``."""
    tablestore_endpoint: str | None = None
    """e.g. ``https://fleet-lock.cn-hangzhou.ots.aliyuncs.com``. Default: no lock (do not share it then)."""
    tablestore_table: str | None = None
    """The lock table (primary key ``LockID``, a string). Default: none."""


class FleetOptions(PropsModel):
    """The context key ``fleet``."""

    inventory: Path = FLEET_INVENTORY
    """The sites' CSV (``stacks.inventory``'s format). Default: ``stacks/fleet.csv``, 1,000 generated sites."""
    split: Split = Split.SITE
    """``stack``, ``region`` or ``site`` (default): how the sites are spread over stacks."""
    oss: OssState | None = None
    """Keep every stack's state in OSS. Default: the local backend (a file per stack, as cdktf writes it)."""

    @staticmethod
    def of(app: App) -> FleetOptions:
        """The options in ``app``'s context; a mistake is one ``ValidationError`` naming the field."""
        try:
            return FleetOptions.model_validate(app.node.try_get_context(CONTEXT_KEY) or {})
        except PydanticValidationError as error:
            raise ValidationError(problems_from(error, FleetOptions, f"context {CONTEXT_KEY}")) from None


class _Providers:
    """One ``alicloud`` provider per region of a stack, aliased by the region in every shape (a state entry
    records its provider's address, so a moved entry must find the same one)."""

    def __init__(self, stack: TerraformStack) -> None:
        self.stack = stack
        self.by_region: dict[str, AlicloudProvider] = {}

    def __call__(self, region: str) -> AlicloudProvider:
        if region not in self.by_region:
            self.by_region[region] = AlicloudProvider(self.stack, f"alicloud-{region}", region=region, alias=region)
        return self.by_region[region]


class Hub(Construct):
    """The CEN and one Enterprise Edition transit router per region (``tr-<region>``)."""

    def __init__(self, scope: Construct, id: str, regions: list[str], providers: _Providers) -> None:
        super().__init__(scope, id)
        self.cen = CenInstance(self, "cen", name="fleet-cen", description="fleet hub", provider=providers(regions[0]))
        self.routers = {
            region: TransitRouter(
                self, f"tr-{region}", cen=self.cen, name=f"fleet-{region}", provider=providers(region)
            )
            for region in regions
        }


class Site(Construct):
    """One branch: its gateway and dual-tunnel connection, bound to its region's transit router of ``hub``
    (referred to by id: an expression in the same stack, remote state from another)."""

    def __init__(
        self, scope: Construct, branch: Branch, hub: Hub, providers: _Providers, psks: TerraformVariable
    ) -> None:
        super().__init__(scope, branch.name)
        provider = providers(branch.region)
        hub_tr = hub.routers[branch.region]
        tr = TransitRouter.from_transit_router_attributes(
            self, "tr", transit_router_id=hub_tr.transit_router_id, cen_id=hub_tr.cen_id, provider=provider
        )
        gateway = CustomerGateway(self, "gateway", ip_address=branch.ip_address, name=branch.name, provider=provider)
        ike = IkeConfig(ike_enc_alg=branch.ike_enc_alg) if branch.ike_enc_alg else IkeConfig()
        self.connection = IpsecConnection(
            self,
            "connection",
            transit_router=tr,
            provider=provider,
            name=branch.name,
            tunnel_mode="dual",
            customer_gateway=gateway,
            psk=Fn.lookup(psks.value, branch.name),
            ike_config=ike,
            static_routes=[StaticRoute(destination=branch.lan_cidr)],
        )


def _stack(app: App, id: str, options: FleetOptions) -> TerraformStack:
    stack = TerraformStack(app, id)
    if options.oss is not None:
        oss = options.oss
        OssBackend(stack, bucket=oss.bucket, region=oss.region, key=f"{oss.prefix}/{id}.tfstate",
                   tablestore_endpoint=oss.tablestore_endpoint, tablestore_table=oss.tablestore_table)  # fmt: skip
    return stack


def _psks(stack: TerraformStack, sites: list[Branch]) -> TerraformVariable:
    """The stack's ``site_psks``: plan refuses a missing or bad key of one of its ``sites``, one message each."""
    psks = TerraformVariable(stack, "site_psks", type="map(string)", sensitive=True,
                             description="pre-shared key of each site, by name")  # fmt: skip
    add_psk_validation(psks, [site.name for site in sites])
    return psks


def build_fleet(app: App, options: FleetOptions | None = None, *, branches: list[Branch] | None = None) -> Hub:
    """Add the fleet's stacks to ``app`` (options from its context if none); ``branches`` instead of the
    inventory file (the benchmark changes one in memory)."""
    options = options or FleetOptions.of(app)
    sites = branches if branches is not None else read_inventory(options.inventory)
    regions = list(dict.fromkeys(branch.region for branch in sites))
    if not regions:
        raise ConstructsVpnError(f"{options.inventory}: the inventory has no site: add one row per site")
    groups = split(sites, options.split, prefix="fleet")
    hub_stack = _stack(app, "fleet" if options.split is Split.STACK else "fleet-hub", options)
    hub_providers = _Providers(hub_stack)
    hub = Hub(hub_stack, "hub", regions, hub_providers)
    for stack_id, members in groups.items():
        stack = hub_stack if stack_id == hub_stack.node.id else _stack(app, stack_id, options)
        providers = hub_providers if stack is hub_stack else _Providers(stack)
        psks = _psks(stack, members)
        for branch in members:
            Site(stack, branch, hub, providers, psks)
    return hub


if __name__ == "__main__":
    try:
        fleet_app = App()
        build_fleet(fleet_app)
    except ConstructsVpnError as error:
        sys.exit(f"error: {error}")
    fleet_app.run()
