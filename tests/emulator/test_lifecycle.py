"""Every example stack through the whole Terraform lifecycle against the emulator: synth, init, validate,
plan, apply, a second plan with no changes, an in-place change, a replacing change, destroy."""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from constructs_vpn.core import App
from constructs_vpn.emulator import Store
from constructs_vpn.emulator.rules import SINGLE_TUNNEL_ENV
from constructs_vpn.emulator.seed import seed
from stacks import build_app
from tests.emulator.conftest import WorkspaceFactory
from tests.emulator.harness import Workspace, cloud_ids, prepare, stack_env

pytestmark = pytest.mark.terraform

STACKS = [stack.node.id for stack in build_app(App(outdir="unused")).stacks]
#: The examples that create a single-tunnel connection, which the emulator refuses by default as the API does
#: for transit routers: they run in an emulated account that still accepts one, as their docstrings say.
#: adopt-existing only imports its connection, but the replacing change below creates a new one.
SINGLE_TUNNEL_ACCOUNT = {SINGLE_TUNNEL_ENV: "accept"}
SINGLE_TUNNEL_STACKS = ("adopt-existing", "bgp-site", "generic-site")
VPN = "alicloud_vpn_gateway_vpn_attachment"


@pytest.fixture(scope="module")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The example app synthesized once: its output folder and ``manifest.json``."""
    outdir = tmp_path_factory.mktemp("cdktf.out")
    build_app(App(outdir=outdir)).synth()
    return outdir, json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))


def _blocks(value: Any) -> list[dict[str, Any]]:
    """A block as written in JSON: one object or a list of them."""
    if isinstance(value, dict):
        return [value]
    return [v for v in value or [] if isinstance(v, dict)]


def _other(value: Any, choices: tuple[str, ...]) -> str:
    return next(c for c in choices if c != value)


def _change_ike(attributes: dict[str, Any]) -> None:
    """A new IKE encryption algorithm on every tunnel: updated in place."""
    tunnels = _blocks(attributes.get("tunnel_options_specification"))
    configs = [c for t in tunnels for c in _blocks(t.get("tunnel_ike_config"))] if tunnels else None
    if configs is None:
        configs = _blocks(attributes.get("ike_config")) or [attributes.setdefault("ike_config", {})]
    for config in configs:
        config["ike_enc_alg"] = _other(config.get("ike_enc_alg", "aes"), ("aes256", "aes192"))


def _change_network_type(attributes: dict[str, Any]) -> None:
    """The gateway type: ForceNew, so the connection is replaced."""
    attributes["network_type"] = _other(attributes.get("network_type", "public"), ("public", "private"))


def _change_description(attributes: dict[str, Any]) -> None:
    attributes["description"] = f"{attributes.get('description') or ''} (changed)"


def _change_ip(attributes: dict[str, Any]) -> None:
    attributes["ip_address"] = _other(attributes.get("ip_address"), ("198.51.100.77", "198.51.100.78"))


#: Edits by resource type, applied to the synthesized JSON, with the action each edited resource must plan.
IN_PLACE: dict[str, Callable[[dict[str, Any]], None]] = {
    VPN: _change_ike,
    "alicloud_cen_instance": _change_description,
    "alicloud_vpn_customer_gateway": _change_description,
}
REPLACING: dict[str, Callable[[dict[str, Any]], None]] = {
    VPN: _change_network_type,
    "alicloud_vpn_customer_gateway": _change_ip,
}


def _edit(workspace: Workspace, edits: dict[str, Callable[[dict[str, Any]], None]]) -> list[str]:
    """Apply the first edit that matches a resource type of the document; the edited addresses."""
    document = workspace.document()
    resources = document.get("resource", {})
    for type_name, edit in edits.items():
        if resources.get(type_name):
            for attributes in resources[type_name].values():
                edit(attributes)
            workspace.write(document)
            return [f"{type_name}.{name}" for name in resources[type_name]]
    pytest.fail(f"no resource of {sorted(edits)} to change in {workspace.document_path}")


def _assert_consistent(workspace: Workspace) -> None:
    """Terraform's state and the emulator hold the same objects: nothing orphaned, nothing twice."""
    assert sorted(workspace.managed_ids().values()) == cloud_ids(workspace.cloud())


def lifecycle(ws: Workspace, stack_directory: Path) -> None:
    """The whole lifecycle of the stack synthesized in ``stack_directory``; raises on the first step that
    goes wrong. A stack that imports objects is seeded first, as its docs say (``emulator seed``)."""
    original = json.loads((stack_directory / "cdk.tf.json").read_text(encoding="utf-8"))
    ws.write(prepare(original, ws.directory / "terraform.tfstate"))
    imports = original.get("import", [])
    adopted = [a for a, _ in seed(stack_directory, Store(ws.state_file), stack_env(original))] if imports else []
    assert sorted(adopted) == sorted(entry["to"] for entry in imports)
    ws.init()
    ws.run("validate", "-no-color")
    created = ws.plan_actions()
    expected = {
        f"{type_name}.{name}"
        for type_name, resources in original.get("resource", {}).items()
        for name in resources
        if f"{type_name}.{name}" not in adopted
    }
    assert set(created) == expected, created
    assert all(actions == ["create"] for actions in created.values()), created
    ws.apply_plan()
    assert ws.plan_exit_code() == 0, ws.runs[-1]
    _assert_consistent(ws)

    edited = _edit(ws, IN_PLACE)
    actions = ws.plan_actions()
    assert {address: actions.get(address) for address in edited} == {a: ["update"] for a in edited}, actions
    assert all(a == ["update"] for a in actions.values()), actions
    ws.apply_plan()

    edited = _edit(ws, REPLACING)
    actions = ws.plan_actions()
    assert {address: actions.get(address) for address in edited} == {a: ["delete", "create"] for a in edited}, actions
    ws.apply_plan()
    assert ws.plan_exit_code() == 0, ws.runs[-1]
    _assert_consistent(ws)

    ws.destroy()
    assert ws.cloud() == {}
    assert ws.managed_ids() == {}


@pytest.fixture(scope="module")
def lifecycles(
    request: pytest.FixtureRequest, synthesized: tuple[Path, dict[str, Any]], module_workspace: WorkspaceFactory
) -> dict[str, BaseException | None]:
    """The lifecycle of every stack whose test runs (``-k vpc-datacenter`` runs one), in parallel (separate
    folders and state files); the error of each."""
    outdir, manifest = synthesized
    selected = {
        item.callspec.params.get("stack")
        for item in request.session.items
        if isinstance(item, pytest.Function) and hasattr(item, "callspec")
    }
    stacks = [stack for stack in STACKS if stack in selected]

    def run(stack: str) -> BaseException | None:
        path = outdir / manifest["stacks"][stack]["synthesizedStackPath"]
        original = json.loads(path.read_text(encoding="utf-8"))
        try:
            account = SINGLE_TUNNEL_ACCOUNT if stack in SINGLE_TUNNEL_STACKS else {}
            lifecycle(module_workspace(stack, **stack_env(original), **account), path.parent)
        except BaseException as error:  # reported by the stack's own test
            return error
        return None

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(stacks, pool.map(run, stacks), strict=True))


@pytest.mark.parametrize("stack", STACKS)
def test_stack_lifecycle(stack: str, lifecycles: dict[str, BaseException | None]) -> None:
    error = lifecycles[stack]
    if error is not None:
        raise error
