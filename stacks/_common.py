"""What every example shares: the provider in the CEN account's region, a CEN and a transit router."""

from __future__ import annotations

from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.core import Annotations, TerraformStack, TerraformVariable
from constructs_vpn.vpn import CenInstance, TransitRouter, add_psk_validation

REGION = "cn-hangzhou"


def network(stack: TerraformStack, name: str) -> TransitRouter:
    """Provider, CEN instance and Enterprise Edition transit router for ``stack``."""
    AlicloudProvider(stack, "alicloud", region=REGION)
    cen = CenInstance(stack, "cen", name=f"{name}-cen", description=f"{name} example")
    return TransitRouter(stack, "tr", cen=cen, name=f"{name}-tr")


def psk_variable(stack: TerraformStack, id: str = "psk") -> TerraformVariable:
    """The pre-shared key as a sensitive input: ``TF_VAR_psk`` or ``-var psk=...``, never in code. Its validation
    refuses a key the console would, before anything is created, null included (so no ``nullable=False``, which
    cdktf's HCL output leaves out: ``synth --hcl`` warned about it)."""
    variable = TerraformVariable(stack, id, type="string", sensitive=True, description="IPsec pre-shared key")
    add_psk_validation(variable)
    return variable


def single_tunnel_region(stack: TerraformStack) -> None:
    """For an example that creates a single-tunnel connection, which some regions still accept."""
    Annotations.of(stack).acknowledge_warning("vpn:single-tunnel", "example for a region still on single-tunnel")
