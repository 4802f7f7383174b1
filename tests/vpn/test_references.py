"""Reference without adopting: bind to an existing transit router, CEN or gateway by id, or to one of another
stack, with no resource and no import block for it; and ``node.default_child``."""

from __future__ import annotations

import json
from typing import Any

import pytest

from constructs_vpn import ValidationError
from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.core import App, TerraformStack
from constructs_vpn.core.testing import Testing
from constructs_vpn.vpn import (
    CenInstance,
    CustomerGateway,
    ICenInstance,
    ICustomerGateway,
    IIpsecConnection,
    IpsecConnection,
    ITransitRouter,
    TransitRouter,
)
from tests.vpn.conftest import Site

VA = "alicloud_vpn_gateway_vpn_attachment"
TRA = "alicloud_cen_transit_router_vpn_attachment"


def stack_with_provider(app: App, id: str) -> TerraformStack:
    stack = TerraformStack(app, id)
    AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
    return stack


def test_a_connection_binds_to_a_transit_router_by_id_without_managing_it() -> None:
    app = Testing.app()
    stack = stack_with_provider(app, "s")
    tr = TransitRouter.from_transit_router_attributes(stack, "tr", transit_router_id="tr-1", cen_id="cen-1")
    gateway = CustomerGateway.from_customer_gateway_attributes(stack, "cgw", customer_gateway_id="cgw-1")
    assert isinstance(tr, ITransitRouter) and isinstance(gateway, ICustomerGateway)
    IpsecConnection(stack, "site", transit_router=tr, customer_gateway=gateway, tunnel_mode="dual")
    app.synthesize()
    document = json.loads(Testing.synth(stack))
    assert "import" not in document
    assert set(document["resource"]) == {VA, TRA, "alicloud_cen_transit_router_route_table_association",
                                         "alicloud_cen_transit_router_route_table_propagation"}  # fmt: skip
    ((attachment,),) = [list(document["resource"][TRA].values())]
    assert attachment["transit_router_id"] == "tr-1" and attachment["cen_id"] == "cen-1"
    ((connection,),) = [list(document["resource"][VA].values())]
    assert {t["customer_gateway_id"] for t in connection["tunnel_options_specification"]} == {"cgw-1"}
    tables = document["data"]["alicloud_cen_transit_router_route_tables"]
    assert [t["transit_router_id"] for t in tables.values()] == ["tr-1"]


def test_a_transit_router_of_another_stack() -> None:
    app = Testing.app()
    network = stack_with_provider(app, "network")
    tr = TransitRouter(network, "tr", cen=CenInstance(network, "cen"))
    sites = stack_with_provider(app, "sites")
    gateway = CustomerGateway(sites, "cgw", ip_address="203.0.113.10")
    IpsecConnection(sites, "site", transit_router=tr, customer_gateway=gateway, tunnel_mode="dual")
    app.synthesize()
    document = json.loads(Testing.synth(sites))
    assert "import" not in document and "alicloud_cen_transit_router" not in document["resource"]
    ((attachment,),) = [list(document["resource"][TRA].values())]
    assert "network" in attachment["transit_router_id"]  # read from the network stack, not copied


def test_a_cen_referred_to_by_id_lets_a_router_be_created_on_it() -> None:
    app = Testing.app()
    stack = stack_with_provider(app, "s")
    cen = CenInstance.from_cen_instance_attributes(stack, "cen", cen_id="cen-1")
    assert isinstance(cen, ICenInstance)
    TransitRouter(stack, "tr", cen=cen)
    app.synthesize()
    document = json.loads(Testing.synth(stack))
    assert "alicloud_cen_instance" not in document["resource"]
    assert [r["cen_id"] for r in document["resource"]["alicloud_cen_transit_router"].values()] == ["cen-1"]


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda s: TransitRouter.from_transit_router_attributes(s, "r", transit_router_id="", cen_id="c"),
         "transit_router_id"),
        (lambda s: CenInstance.from_cen_instance_attributes(s, "r", cen_id="${var.cen}"), "cen_id"),
        (lambda s: CustomerGateway.from_customer_gateway_attributes(s, "r", customer_gateway_id=" x"),
         "customer_gateway_id"),
        (lambda s: IpsecConnection.from_ipsec_connection_attributes(s, "r", vpn_connection_id="vco-1",
                                                                    transit_router_attachment_id="a\nb"),
         "transit_router_attachment_id"),
    ],
)  # fmt: skip
def test_reference_ids_are_checked(site: Site, build: Any, field: str) -> None:
    build(site.stack)
    with pytest.raises(ValidationError) as caught:
        site.synth()
    assert [(p.path, p.field) for p in caught.value.problems] == [("net/r", field)]


def test_a_connection_reference() -> None:
    app = Testing.app()
    stack = stack_with_provider(app, "s")
    found = IpsecConnection.from_ipsec_connection_attributes(
        stack, "old", vpn_connection_id="vco-1", transit_router_attachment_id="tr-attach-1"
    )
    assert isinstance(found, IIpsecConnection)
    assert (found.vpn_connection_id, found.transit_router_attachment_id) == ("vco-1", "tr-attach-1")


def test_default_child_is_the_main_resource(site: Site) -> None:
    connection = site.connect(tunnel_mode="dual")
    assert connection.node.default_child is connection.connection is not None
    assert site.tr.node.default_child is site.tr.resource is not None
    assert site.cen.node.default_child is site.cen.resource is not None
    assert site.cgw.node.default_child is site.cgw.resource is not None
    broken = site.connect("broken", gateway_type="internet")
    assert broken.node.default_child is None
