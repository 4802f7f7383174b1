"""The proof: a cdktf app written against ``cdktf get``'s alicloud bindings runs on this engine after
``constructs-vpn get``, with only its cdktf imports switched, and writes the same ``cdktf.out``, byte for byte
(dynamic blocks and ``generate_config_for_import`` included).

Both ``get``s read the schema from terraform, offline, through the emulator. Needs the cdktf CLI (Node), the
cdktf 0.21 Python package in its own venv, terraform and the emulator: skipped without them, failed under
CONSTRUCTS_VPN_REQUIRE_TOOLS=1.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from constructs_vpn.alicloud.schema import VERSION_CONSTRAINT
from tests.emulator.harness import require_emulator
from tests.tooling import require, require_executable

pytestmark = pytest.mark.cdktf_cli

CACHE = Path.home() / ".cache/constructs-vpn"
CLI = Path(os.environ.get("CONSTRUCTS_VPN_CDKTF_CLI_DIR", CACHE / "cdktf-cli-0.21.0")) / "node_modules/.bin/cdktf"
CDKTF_PYTHON = Path(os.environ.get("CONSTRUCTS_VPN_CDKTF_PY_DIR", CACHE / "cdktf-py-0.21.0")) / "bin/python"
APP = Path(__file__).parent / "fixtures/cdktf_app.py.in"
CDKTF_JSON = {
    "language": "python",
    "app": "python main.py",
    "terraformProviders": [f"aliyun/alicloud@{VERSION_CONSTRAINT}"],
    "terraformModules": [],
    "codeMakerOutput": "imports",
    "context": {},
}


def switch_imports(source: str) -> str:
    """The only edit the app needs: cdktf's and constructs' imports become constructs_vpn.core's."""
    return source.replace("from constructs import Construct", "from constructs_vpn.core import Construct").replace(
        "from cdktf import ", "from constructs_vpn.core import "
    )


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout: int) -> None:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{command}: {done.stdout[-2000:]}{done.stderr[-2000:]}"


def _read(outdir: Path) -> dict[str, bytes]:
    return {p.relative_to(outdir).as_posix(): p.read_bytes() for p in sorted(outdir.rglob("*.json"))}


Written = tuple[dict[str, bytes], dict[str, bytes], dict[str, bytes], dict[str, bytes]]


def _read_all(outdir: Path) -> dict[str, bytes]:
    return {p.relative_to(outdir).as_posix(): p.read_bytes() for p in sorted(outdir.rglob("*.*"))}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Written:
    """(cdktf's cdktf.out, ours, then both as ``synth --hcl`` writes them) as bytes, made in one project folder
    so absolute paths agree."""
    require(CLI.exists() and shutil.which("node") is not None, f"cdktf CLI not found at {CLI} (needs Node 20)")
    require(
        CDKTF_PYTHON.exists(), f"no cdktf Python venv at {CDKTF_PYTHON}: python -m venv it; pip install cdktf==0.21.0"
    )
    require_executable("terraform", "install terraform 1.11")
    require_emulator()
    from constructs_vpn.emulator import install

    env = {**os.environ, **install(tmp_path_factory.mktemp("emulator")).environment()}
    project = tmp_path_factory.mktemp("app")
    env.update(CHECKPOINT_DISABLE="1", CDKTF_HOME=str(project / ".cdktf-home"), CDKTF_DISABLE_PLUGIN_CACHE_ENV="1")
    env["CI"] = "1"
    (project / "cdktf.json").write_text(json.dumps(CDKTF_JSON), encoding="utf-8")
    (project / "main.py").write_text(APP.read_text("utf-8"), encoding="utf-8")
    hcl_env = {**env, "SYNTH_HCL_OUTPUT": "true", "CDKTF_OUTDIR": str(project / "hcl.out")}
    _run([str(CLI), "get"], project, env, 900)
    _run([str(CDKTF_PYTHON), "main.py"], project, env, 300)
    _run([str(CDKTF_PYTHON), "main.py"], project, hcl_env, 300)
    theirs, theirs_hcl = _read(project / "cdktf.out"), _read_all(project / "hcl.out")
    shutil.rmtree(project / "cdktf.out")
    shutil.rmtree(project / "hcl.out")
    shutil.rmtree(project / "imports")
    (project / "main.py").write_text(switch_imports(APP.read_text("utf-8")), encoding="utf-8")
    _run([sys.executable, "-m", "constructs_vpn.cli", "get"], project, env, 300)
    _run([sys.executable, "main.py"], project, env, 300)
    _run([sys.executable, "main.py"], project, hcl_env, 300)
    return theirs, _read(project / "cdktf.out"), theirs_hcl, _read_all(project / "hcl.out")


def test_synth_hcl_writes_the_bindings_as_cdktfs_do(written: Written) -> None:
    """Generated bindings type their HCL arguments as cdktf's generated bindings do: the same cdk.tf bytes."""
    _, _, theirs, ours = written
    assert set(ours) == set(theirs) == {"manifest.json", "stacks/site/cdk.tf", "stacks/site/metadata.json"}
    # the arguments are there (a generic resource's body would be empty), nested blocks as blocks
    assert b'\nike_config {\nike_version = "ikev2"\npsk = "${var.psk}"\n}' in theirs["stacks/site/cdk.tf"]
    # on purpose (docs/from-cdktf.md, "Strings in cdk.tf"): the output of asn="65001" is the string, as in JSON
    assert b'output "asn_input" {\nvalue = 65001\n}' in theirs["stacks/site/cdk.tf"]
    theirs = {
        **theirs,
        "stacks/site/cdk.tf": theirs["stacks/site/cdk.tf"].replace(b"value = 65001\n", b'value = "65001"\n'),
    }
    for name, text in theirs.items():
        diff = difflib.unified_diff(text.decode().splitlines(), ours[name].decode().splitlines(), "cdktf", "ours")
        assert ours[name] == text, f"{name}:\n" + "\n".join(diff)


def test_switching_the_imports_is_the_only_edit() -> None:
    source = APP.read_text("utf-8")
    switched = switch_imports(source)
    changed = [line for line in switched.splitlines() if line not in source.splitlines()]
    assert changed == [
        "from constructs_vpn.core import Construct",
        "from constructs_vpn.core import App, TerraformStack, TerraformOutput, TerraformVariable, TerraformIterator, Fn",
    ]


def test_the_app_writes_the_same_bytes(written: Written) -> None:
    """Byte for byte, the ``dynamic`` blocks cdktf writes for ``iterator.dynamic({...})`` on a list of blocks
    (over a list, a complex list and a map) and the import blocks of ``generate_config_for_import`` included."""
    theirs, ours, _, _ = written
    assert set(theirs) == {"manifest.json", "stacks/site/cdk.tf.json"}
    assert ours == theirs
    resources = json.loads(theirs["stacks/site/cdk.tf.json"])["resource"]
    dynamic = {
        (kind, name, block)
        for kind, by_name in resources.items()
        for name, body in by_name.items()
        for block in body.get("dynamic", {})
    }
    assert [block["to"] for block in json.loads(theirs["stacks/site/cdk.tf.json"])["import"]] == [
        "alicloud_vpn_customer_gateway.old_cgw",
        "alicloud_cen_transit_router.old_tr",
    ]
    assert dynamic == {
        ("alicloud_cen_transit_router_vpn_attachment", "tra_dynamic", "zone"),
        ("alicloud_cen_transit_router_vpn_attachment", "tra_copy", "zone"),
        ("alicloud_vpn_gateway_vpn_attachment", "vpn_dynamic", "tunnel_options_specification"),
    }
