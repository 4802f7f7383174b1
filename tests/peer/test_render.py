"""Rendering without a lab: perspective swap, placeholders, the key only when asked, vendor limits, CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion

from constructs_vpn.core import App, ValidationError
from constructs_vpn.peer import FORMATS, find_connections, plan_connection, render
from stacks import build_app
from tests.tooling import REPO_DIR


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("peer") / "cdktf.out"
    build_app(App(outdir=out)).synth()
    return out


def document(examples: Path, stack: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((examples / f"stacks/{stack}/cdk.tf.json").read_text())
    return loaded


def test_perspective_is_swapped(examples: Path) -> None:
    cloud_ips = ["47.0.0.1", "47.0.0.2"]
    plan = plan_connection(document(examples, "protected-flows"), "dc2", gateway_ips=cloud_ips)
    assert len(plan.tunnels) == 2
    for tunnel, cloud_ip in zip(plan.tunnels, cloud_ips, strict=True):
        assert tunnel.local_address == "203.0.113.30" and tunnel.remote_address == cloud_ip
        assert tunnel.local_subnets == ("192.168.10.0/24", "192.168.20.0/24")  # the cloud's remote subnets
        assert tunnel.remote_subnets == ("10.0.0.0/16", "10.1.0.0/16")
        assert (tunnel.local_id, tunnel.remote_id) == ("203.0.113.30", cloud_ip)


def test_bgp_peering_is_seen_from_the_device(examples: Path) -> None:
    (tunnel,) = plan_connection(document(examples, "bgp-site"), "bgp-site").tunnels
    assert tunnel.bgp is not None
    assert (tunnel.bgp.local_ip, tunnel.bgp.peer_ip) == ("169.254.10.2", "169.254.10.1")
    assert (tunnel.bgp.local_asn, tunnel.bgp.peer_asn) == (4200000000, 45104)
    conf = render(plan_connection(document(examples, "bgp-site"), "bgp-site"), "swanctl")
    assert "if_id_in = 1" in conf and "neighbour 169.254.10.1 remote-as 45104" in conf


def test_placeholders_until_values_are_known(examples: Path) -> None:
    plan = plan_connection(document(examples, "dc-destination"), "dc1")
    assert plan.placeholders == ("<CLOUD_GATEWAY_IP>", "<PRE_SHARED_KEY>")
    conf = render(plan, "swanctl")
    assert 'secret = "<PRE_SHARED_KEY>"' in conf and "remote_addrs = <CLOUD_GATEWAY_IP>" in conf
    assert "Fill in before use" in conf


def test_the_key_appears_only_where_asked(examples: Path) -> None:
    secret = "Only-In-The-Secrets~1"
    plan = plan_connection(document(examples, "dc-destination"), "dc1", psks=[secret, secret])
    assert secret not in repr(plan)
    for name in set(FORMATS) - {"frr"}:  # frr.conf holds BGP only, no key
        assert secret in render(plan, name)
    assert render(plan, "swanctl").count(secret) == 2  # one secret per tunnel


def test_dual_tunnel_json_has_both_tunnels(examples: Path) -> None:
    plan = plan_connection(document(examples, "dual-tunnel"), "dc3", gateway_ips=["47.0.0.1", "47.0.0.2"])
    data = json.loads(render(plan, "json"))["VpnConnectionConfig"]
    first, second = data["TunnelsConfig"]["TunnelConfig"]
    assert (first["Remote"], second["Remote"]) == ("47.0.0.1", "47.0.0.2")
    assert (first["Local"], second["Local"]) == ("203.0.113.50", "203.0.113.51")
    assert first["BgpConfig"]["LocalBgpIp"] == "169.254.20.2"


@pytest.mark.parametrize("vendor", ["cisco", "huawei"])
def test_vendor_templates_refuse_what_they_cannot_express(vendor: str) -> None:
    from tests.vpn.conftest import Site

    site = Site()
    site.connect("dc", ike_config={"ike_version": "ikev1", "ike_mode": "aggressive", "ike_lifetime": 0})
    plan = plan_connection(site.app.synthesize().documents["net"], "dc")
    with pytest.raises(ValidationError) as caught:
        render(plan, vendor)
    assert {p.field for p in caught.value.problems} == {"ike_config.ike_lifetime", "ike_config.ike_mode"}
    assert all(p.rule == "peer-format-unsupported" for p in caught.value.problems)
    render(plan, "swanctl")  # strongSwan can


def test_unknown_connection_lists_the_choices(examples: Path) -> None:
    with pytest.raises(ValidationError, match=r"no IPsec connection matches 'nope'.*dc-destination/dc1"):
        plan_connection(document(examples, "dc-destination"), "nope")


def test_every_example_connection_renders(examples: Path, snapshot: SnapshotAssertion) -> None:
    rendered: dict[str, dict[str, Any]] = {}
    for stack in sorted(p.name for p in (examples / "stacks").iterdir()):
        doc = document(examples, stack)
        for path in sorted(find_connections(doc))[:2]:
            plan = plan_connection(doc, path)
            if any(tunnel.unknown for tunnel in plan.tunnels):  # written by another tool: nothing is guessed
                with pytest.raises(ValidationError) as caught:
                    render(plan, "swanctl")
                rendered[path] = {"refused": sorted(str(problem.field) for problem in caught.value.problems)}
                continue
            bgp = any(tunnel.bgp for tunnel in plan.tunnels)
            rendered[path] = {
                name: render(plan, name)
                for name in FORMATS
                if not (name != "swanctl" and "adopt" in path) and (name != "frr" or bgp)
            }
    assert rendered == snapshot


def run_cli(examples: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "constructs_vpn.cli", "peer-config", "-o", str(examples), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {}), "PYTHONPATH": str(REPO_DIR)},
        check=False,
    )


def test_cli_reads_gateways_and_keys_from_state(examples: Path, tmp_path: Path) -> None:
    doc = document(examples, "dual-tunnel")
    (name,) = find_connections(doc).values()
    state = tmp_path / "state.tfstate"
    tunnels = [
        {"tunnel_index": 2, "internet_ip": "47.0.0.2", "tunnel_ike_config": [{"psk": "State-Key-2"}]},
        {"tunnel_index": 1, "internet_ip": "47.0.0.1", "tunnel_ike_config": [{"psk": "State-Key-1"}]},
    ]
    state.write_text(
        json.dumps(
            {
                "resources": [
                    {
                        "type": "alicloud_vpn_gateway_vpn_attachment",
                        "name": name,
                        "instances": [{"attributes": {"tunnel_options_specification": tunnels}}],
                    }
                ]
            }
        )
    )
    plain = run_cli(examples, "--stack", "dual-tunnel", "--connection", "dc3", "--state", str(state))
    assert plain.returncode == 0, plain.stderr
    assert "remote_addrs = 47.0.0.1" in plain.stdout and "remote_addrs = 47.0.0.2" in plain.stdout
    assert "State-Key" not in plain.stdout + plain.stderr  # not asked for
    keyed = run_cli(
        examples, "--stack", "dual-tunnel", "--connection", "dc3", "--state", str(state), "--psk-from-state"
    )
    assert keyed.stdout.index("State-Key-1") < keyed.stdout.index("State-Key-2")
    from_env = run_cli(
        examples,
        "--stack",
        "bgp-site",
        "--connection",
        "bgp-site",
        "--gateway-ip",
        "47.0.0.9",
        "--psk-from-env",
        "MY_PSK",
        "--format",
        "json",
        env={"MY_PSK": "Env-Key-9"},
    )
    assert json.loads(from_env.stdout)["VpnConnectionConfig"]["IkeConfig"]["Psk"] == "Env-Key-9"
    assert "Env-Key-9" not in from_env.stderr


def test_cli_errors_are_clean(examples: Path) -> None:
    missing = run_cli(examples, "--stack", "dc-destination", "--connection", "dc1", "--psk-from-env", "UNSET_VAR_X")
    assert missing.returncode == 1 and "UNSET_VAR_X" in missing.stderr and "Traceback" not in missing.stderr
    unknown = run_cli(examples, "--stack", "nope", "--connection", "dc1")
    assert unknown.returncode == 1 and "no stack 'nope'" in unknown.stderr
