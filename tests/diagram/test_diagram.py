"""Topology diagrams: every example stack locked by Mermaid and DOT snapshots, SVG through Graphviz parsed
as XML, weak crypto marked, labels escaped, ids sanitized."""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion

from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.core import App, ConstructsVpnError, TerraformStack
from constructs_vpn.diagram import Edge, read_topology, render
from constructs_vpn.diagram import dot as dot_module
from constructs_vpn.diagram.ids import Ids
from constructs_vpn.vpn import CenInstance, CustomerGateway, IkeConfig, IpsecConnection, TransitRouter
from tests.tooling import REPO_DIR, require_executable

STACKS = ["adopt-existing", "bgp-site", "branches", "cross-account", "dc-destination", "dual-tunnel",
          "generic-site", "protected-flows", "vpc-datacenter"]  # fmt: skip
SVG = "{http://www.w3.org/2000/svg}"


def test_every_example_stack_is_drawn(documents: dict[str, dict[str, Any]]) -> None:
    assert sorted(documents) == STACKS


@pytest.mark.parametrize("name", STACKS)
def test_mermaid_snapshot(documents: dict[str, dict[str, Any]], name: str, mermaid_snapshot: SnapshotAssertion) -> None:
    assert render([read_topology(documents[name], name)], "mermaid") == mermaid_snapshot


@pytest.mark.parametrize("name", STACKS)
def test_dot_snapshot(documents: dict[str, dict[str, Any]], name: str, dot_snapshot: SnapshotAssertion) -> None:
    assert render([read_topology(documents[name], name)], "dot") == dot_snapshot


def test_readme_shows_the_current_diagram(documents: dict[str, dict[str, Any]]) -> None:
    (block,) = re.findall(r"```mermaid\n(.*?)```", (REPO_DIR / "README.md").read_text("utf-8"), flags=re.S)
    current = render([read_topology(documents["dual-tunnel"], "dual-tunnel")], "mermaid")
    assert block == current, "paste the output of: constructs-vpn synth && constructs-vpn graph --stack dual-tunnel"


def test_the_network_not_the_resource_graph(documents: dict[str, dict[str, Any]]) -> None:
    topology = read_topology(documents["dual-tunnel"], "dual-tunnel")
    assert [(n.kind, n.key) for n in topology.nodes] == [
        ("cen", "dual-tunnel/cen"),
        ("router", "dual-tunnel/tr"),
        ("connection", "dual-tunnel/dc3"),
        ("gateway", "dual-tunnel/backup-gateway"),
        ("gateway", "dual-tunnel/primary-gateway"),
    ]
    assert [(e.source, e.target, e.lines[:1]) for e in topology.edges] == [
        ("dual-tunnel/cen", "dual-tunnel/tr", ()),
        ("dual-tunnel/tr", "dual-tunnel/dc3", ()),
        ("dual-tunnel/dc3", "dual-tunnel/primary-gateway", ("tunnel1",)),
        ("dual-tunnel/dc3", "dual-tunnel/backup-gateway", ("tunnel2",)),
    ]


def test_vpcs_with_their_vswitches_and_attachments(documents: dict[str, dict[str, Any]]) -> None:
    topology = read_topology(documents["vpc-datacenter"], "vpc-datacenter")
    (vpc,) = [n for n in topology.nodes if n.kind == "vpc"]
    assert vpc.key == "vpc-datacenter/vpc"
    # The vSwitches' zones are chosen at apply (an expression): not shown.
    assert vpc.lines == ("VPC app", "10.10.0.0/16", "vSwitch app-1: 10.10.1.0/24", "vSwitch app-2: 10.10.2.0/24")
    assert [(e.source, e.lines) for e in topology.edges if e.target == vpc.key] == [
        (
            "vpc-datacenter/tr",
            ("VPC attachment app", "vSwitches: app-1, app-2", "route table: associated, propagated"),
        )
    ]


def test_a_vpc_of_another_stack_is_drawn_by_its_attachment() -> None:
    document = _hand_written("dc")
    resources = document["resource"]
    resources["alicloud_vswitch"] = {"vsw": {"vpc_id": "vpc-123", "cidr_block": "10.0.1.0/24", "zone_id": "cn-a"}}
    resources["alicloud_cen_transit_router_vpc_attachment"] = {
        "shared": {"vpc_id": "vpc-123", "transit_router_id": "${alicloud_cen_transit_router.tr.transit_router_id}"},
        "other": {"vpc_id": "${data.terraform_remote_state.net.outputs.vpc_id}"},  # no router here: no edge
    }
    topology = read_topology(document, "hand")
    vpcs = [(n.key, n.lines) for n in topology.nodes if n.kind == "vpc"]
    assert vpcs == [
        ("alicloud_cen_transit_router_vpc_attachment.other", ("VPC (not in this stack)",)),
        ("alicloud_cen_transit_router_vpc_attachment.shared", ("VPC vpc-123",)),
    ]
    assert Edge("alicloud_cen_transit_router.tr", vpcs[1][0], ("VPC attachment shared",)) in topology.edges
    assert not [e for e in topology.edges if e.target == vpcs[0][0]]


def test_dual_tunnel_shows_ecmp_and_dpd_not_a_health_check(documents: dict[str, dict[str, Any]]) -> None:
    single = read_topology(documents["bgp-site"], "bgp-site").nodes
    assert "health check: on 10.0.0.1 → 192.168.1.1" in next(n for n in single if n.kind == "connection").lines
    document = copy.deepcopy(documents["dual-tunnel"])
    (connection,) = [n for n in read_topology(document, "dual-tunnel").nodes if n.kind == "connection"]
    assert "both tunnels active (ECMP), DPD: on" in connection.lines
    assert not [line for line in connection.lines if "health check" in line]
    for body in document["resource"]["alicloud_vpn_gateway_vpn_attachment"].values():
        body["tunnel_options_specification"][1]["enable_dpd"] = False
    (connection,) = [n for n in read_topology(document, "dual-tunnel").nodes if n.kind == "connection"]
    assert "both tunnels active (ECMP), DPD: tunnel1 on, tunnel2 off" in connection.lines


def test_svg_is_xml_with_a_node_per_box(documents: dict[str, dict[str, Any]]) -> None:
    require_executable("dot", dot_module.GRAPHVIZ_HINT)
    topologies = [read_topology(documents[name], name) for name in ("cross-account", "dual-tunnel")]
    root = ET.fromstring(render(topologies, "svg"))
    groups = [g.get("class") for g in root.iter(f"{SVG}g")]
    assert groups.count("node") == sum(len(t.nodes) for t in topologies) == 9
    assert groups.count("edge") == sum(len(t.edges) for t in topologies) == 8  # a tunnel per edge
    assert groups.count("cluster") == 2
    titles = {t.text for g in root.iter(f"{SVG}g") if g.get("class") == "node" for t in g.iter(f"{SVG}title")}
    assert "dual_tunnel_primary_gateway" in titles


def test_missing_graphviz_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("constructs_vpn.diagram.dot.shutil.which", lambda name: None)
    with pytest.raises(ConstructsVpnError, match=r"Graphviz `dot` is not on PATH: install Graphviz: `apt-get install"):
        dot_module.svg("graph {}")


def test_graphviz_failure_is_a_clean_error() -> None:
    require_executable("dot", dot_module.GRAPHVIZ_HINT)
    with pytest.raises(ConstructsVpnError, match=r"`dot -Tsvg` failed"):
        dot_module.svg("graph { broken")


def test_unknown_format() -> None:
    with pytest.raises(ConstructsVpnError, match="use one of mermaid, dot, svg"):
        render([], "png")


def test_weak_crypto_is_marked(tmp_path: Any, documents: dict[str, dict[str, Any]]) -> None:
    app = App(outdir=tmp_path)
    stack = TerraformStack(app, "legacy")
    AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
    tr = TransitRouter(stack, "tr", cen=CenInstance(stack, "cen", name="legacy-cen"), name="legacy-tr")
    dc = CustomerGateway(stack, "old-dc", ip_address="203.0.113.90", name="old-dc")
    weak = IkeConfig(ike_version="ikev1", ike_enc_alg="des", ike_auth_alg="md5", ike_pfs="group1")
    IpsecConnection(
        stack, "old", transit_router=tr, customer_gateway=dc, name="old", ike_config=weak, tunnel_mode="single"
    )
    topology = read_topology(app.synthesize().documents["legacy"], "legacy")
    (connection,) = [n for n in topology.nodes if n.kind == "connection"]
    assert connection.weak and connection.lines[-1] == "⚠ weak: des, group1, md5"
    assert topology.edges[-1].lines == ("IKEv1 des/md5/group1", "IPsec aes/sha1/group2")
    mermaid = render([topology], "mermaid")
    assert mermaid.endswith("  classDef weak stroke:#d00,stroke-width:3px,color:#d00\n  class legacy_old weak\n")
    assert 'legacy_old [shape=box, label="IPsec connection old\\n' in render([topology], "dot")
    assert "color=red" in render([topology], "dot")
    assert "classDef" not in render([read_topology(documents["dual-tunnel"], "dual-tunnel")], "mermaid")


def _hand_written(name: str) -> dict[str, Any]:
    """The smallest document with a CEN, a router, a connection and a gateway (a generic cdktf app's)."""
    ref = "${alicloud_vpn_gateway_vpn_attachment.conn.id}"
    return {
        "resource": {
            "alicloud_cen_instance": {"cen": {"cen_instance_name": name}},
            "alicloud_cen_transit_router": {"tr": {"cen_id": "${alicloud_cen_instance.cen.id}"}},
            "alicloud_vpn_customer_gateway": {"gw": {"ip_address": "192.0.2.1", "customer_gateway_name": name}},
            "alicloud_vpn_gateway_vpn_attachment": {
                "conn": {
                    "customer_gateway_id": "${alicloud_vpn_customer_gateway.gw.id}",
                    "local_subnet": "0.0.0.0/0",
                    "remote_subnet": "0.0.0.0/0",
                    "vpn_attachment_name": name,
                }
            },
            "alicloud_cen_transit_router_vpn_attachment": {
                "att": {"vpn_id": ref, "transit_router_id": "${alicloud_cen_transit_router.tr.transit_router_id}"}
            },
        }
    }


def test_labels_are_escaped_and_nameless_resources_use_their_address() -> None:
    topology = read_topology(_hand_written('dc "1" <a&b> #lt;'), "hand")
    assert [n.key for n in topology.nodes] == [
        "alicloud_cen_instance.cen",
        "alicloud_cen_transit_router.tr",
        "alicloud_vpn_gateway_vpn_attachment.conn",
        "alicloud_vpn_customer_gateway.gw",
    ]
    assert topology.nodes[1].lines == ("transit router tr",)
    mermaid = render([topology], "mermaid")
    assert '(["CEN dc #quot;1#quot; #lt;a#amp;b#gt; #35;lt;"])' in mermaid  # its own entity code shows as typed
    assert "alicloud_cen_instance_cen --- alicloud_cen_transit_router_tr" in mermaid
    assert 'label="CEN dc \\"1\\" <a&amp;b> #lt;"' in render([topology], "dot")  # Graphviz reads HTML entities


def test_ids_are_safe_unique_and_stable() -> None:
    ids = Ids()
    assert [ids.of(k) for k in ("s/dc-1", "s/dc_1", "s.dc.1", "end", "1st/x", "s/dc-1", "", "Subgraph")] == [
        "s_dc_1", "s_dc_1_2", "s_dc_1_3", "n_end", "n_1st_x", "s_dc_1", "n", "n_Subgraph"
    ]  # fmt: skip
