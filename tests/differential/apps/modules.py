"""TerraformHclModule: inputs, set/get, providers (also under another alias), depends_on, for_each, outputs."""

from __future__ import annotations

from cdktf import App, TerraformHclModule, TerraformIterator, TerraformModuleProvider, TerraformOutput, TerraformStack

from ._common import Provider, Resource


def build(app: App) -> None:
    stack = TerraformStack(app, "modules")
    null = Provider(stack, "null")
    first = Resource(stack, "first")
    vpc = TerraformHclModule(
        stack,
        "vpc",
        source="terraform-aws-modules/vpc/aws",
        version="5.0.0",
        variables={"name": "main", "cidr": "10.0.0.0/16", "azs": ["a", "b"]},
        providers=[null, TerraformModuleProvider(provider=null, module_alias="other")],
        depends_on=[first],
    )
    vpc.set("enable_nat_gateway", True)
    looped = TerraformHclModule(
        stack, "looped", source="git::https://example.com/m.git", for_each=TerraformIterator.from_list(["a", "b"])
    )
    TerraformOutput(stack, "vpc_id", value=vpc.get_string("vpc_id"))
    TerraformOutput(stack, "subnets", value=vpc.get_list("private_subnets"))
    TerraformOutput(stack, "looped_ids", value=looped.get_string("id"))
    Resource(stack, "uses", {"triggers": {"id": vpc.get("id"), "n": vpc.get_number("n")}})
