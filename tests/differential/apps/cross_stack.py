"""A reference from one stack to another: an output there, remote state and a dependency here."""

from __future__ import annotations

from cdktf import App, TerraformStack

from ._common import Provider, Resource


def build(app: App) -> None:
    network = TerraformStack(app, "network")
    Provider(network, "null")
    origin = Resource(network, "origin", {"triggers": {"a": "b"}})
    sites = TerraformStack(app, "sites")
    Provider(sites, "null")
    Resource(sites, "consumer", {"triggers": {"id": origin.get_string_attribute("id")}})
    Resource(
        sites, "again", {"triggers": {"id": origin.get_string_attribute("id"), "n": origin.get_string_attribute("n")}}
    )
