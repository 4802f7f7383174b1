"""The engine writes what cdktf 0.21.0 writes: each app of ``apps/`` runs under the real cdktf Python package
(jsii, in its own venv; ``.ci/run`` creates it) and under ``constructs_vpn.core`` with only the imports
switched, and every file of both ``cdktf.out`` folders must be the same byte for byte.

All apps run in few processes (one per flavour and environment), once per test session, to keep this fast.
Apps named ``hcl*`` run as ``cdktf synth --hcl`` runs them (``SYNTH_HCL_OUTPUT=true``): jsii's node process
reads its environment once, so they need processes of their own. Most of them are the JSON apps run again
(``cdk.tf`` is then as cdktf's app leaves it, before the CLI formats it).
"""

from __future__ import annotations

import difflib
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from constructs_vpn.core.hcl_format import format_hcl
from tests.tooling import require

HERE = Path(__file__).resolve().parent
APPS = sorted(p.stem for p in (HERE / "apps").glob("*.py") if not p.stem.startswith("_"))
#: The venv holding ``cdktf==0.21.0`` and ``constructs`` (``.ci/run`` creates it).
CDKTF_PYTHON = (
    Path(os.environ.get("CONSTRUCTS_VPN_CDKTF_PY_DIR", Path.home() / ".cache/constructs-vpn/cdktf-py-0.21.0"))
    / "bin/python"
)
#: The cdktf CLI's HCL formatter (``.ci/run`` installs the CLI there).
HCL_TOOLS = Path.home() / ".cache/constructs-vpn/cdktf-cli-0.21.0/node_modules/@cdktf/hcl-tools"
#: Where the engine's cdk.tf differs from cdktf's on purpose (docs/from-cdktf.md, "Strings in cdk.tf"): per app,
#: cdktf's text and the engine's, which Terraform reads as it reads the JSON output. Every pair must occur.
DELIBERATE: dict[str, list[tuple[str, str]]] = {
    # Fn.raw_string's text holds backslashes in cdk.tf.json too; cdktf's HCL drops them
    "hcl_functions": [('value = "a \\"quoted\\" $${x}"', 'value = "a \\\\\\"quoted\\\\\\" $${x}"')],
    # an untyped string stays a string (cdktf writes "2" as a number)
    "hcl_meta": [("\ny = 2\n", '\ny = "2"\n'), ("\nz = 3\n", '\nz = "3"\n')],
    # a newline inside quotes is an error in HCL; '{"a": 1}' is text, not an object
    "hcl_typed": [
        ('text = "line1\nline2"', 'text = "line1\\nline2"'),
        ("number = 42\n", 'number = "42"\n'),
        ('json = {"a": 1}', 'json = "{\\"a\\": 1}"'),
    ],
}


def _members(data: bytes) -> list[tuple[str, bytes]]:
    """A zip (an ``AssetType.ARCHIVE`` asset) is compared by its member list and their contents, in order: cdktf's
    entries carry the files' modification times, so its bytes change with every checkout (ours use a fixed date).
    Its path, and the asset hash in it, are compared byte for byte with the rest of the files."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(entry.filename, archive.read(entry)) for entry in archive.infolist()]


def _env(hcl: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CDKTF_", "SYNTH_HCL"))}
    if hcl:
        env["SYNTH_HCL_OUTPUT"] = "true"
    env.update(
        CHECKPOINT_DISABLE="1",
        JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1",
        JSII_RUNTIME_PACKAGE_CACHE_ROOT=str(Path.home() / ".cache/constructs-vpn/jsii-runtime"),
        PYTHONHASHSEED="0",
    )
    return env


def _run(python: str, flavour: str, workdir: Path, hcl: bool) -> None:
    apps = [name for name in APPS if name.startswith("hcl") == hcl]
    result = subprocess.run(
        [python, str(HERE / "runner.py"), flavour, str(workdir), *apps],
        env=_env(hcl),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]


@pytest.fixture(scope="session")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require(CDKTF_PYTHON.is_file(), f"no cdktf 0.21.0 venv at {CDKTF_PYTHON.parents[1]}; .ci/run creates it")
    base = tmp_path_factory.mktemp("differential")
    for hcl in (False, True):
        _run(str(CDKTF_PYTHON), "cdktf", base, hcl)
        _run(sys.executable, "engine", base, hcl)
    return base


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _as_the_engine_writes(name: str, files: dict[str, bytes]) -> dict[str, bytes]:
    """cdktf's files with the app's ``DELIBERATE`` differences applied to its cdk.tf files."""
    pairs = DELIBERATE.get(name, [])
    out = dict(files)
    for cdktf_text, ours in pairs:
        found = [
            relative for relative, data in files.items() if relative.endswith("/cdk.tf") and cdktf_text in data.decode()
        ]
        assert found, f"{name}: cdktf no longer writes {cdktf_text!r}; update DELIBERATE"
        for relative in found:
            out[relative] = out[relative].decode().replace(cdktf_text, ours).encode()
    return out


@pytest.mark.parametrize("name", APPS)
def test_engine_writes_what_cdktf_writes(workdir: Path, name: str) -> None:
    folder = workdir / name
    for flavour in ("cdktf", "engine"):
        error = folder / f"{flavour}.error"
        assert not error.exists(), f"{flavour} failed on {name}:\n{error.read_text('utf-8')}"
    real, ours = _as_the_engine_writes(name, _files(folder / "cdktf.out")), _files(folder / "engine.out")
    assert real, f"cdktf wrote nothing for {name}"
    assert sorted(ours) == sorted(real)
    for relative, expected in real.items():
        if relative.endswith(".zip"):
            assert _members(ours[relative]) == _members(expected), relative
        elif ours[relative] != expected:
            diff = difflib.unified_diff(
                expected.decode().splitlines(), ours[relative].decode().splitlines(), "cdktf", "engine", lineterm=""
            )
            pytest.fail(f"{name}: {relative} differs\n" + "\n".join(list(diff)[:80]))


def test_engine_formats_cdk_tf_as_the_cdktf_cli_does(workdir: Path, tmp_path: Path) -> None:
    """``cdktf synth --hcl`` formats each ``cdk.tf`` the app wrote; ``constructs-vpn synth --hcl`` must get the
    same bytes from the engine's (equal) unformatted files. Copies are formatted, so cdktf.out stays as written."""
    require(HCL_TOOLS.is_dir(), f"no @cdktf/hcl-tools at {HCL_TOOLS}; .ci/run installs the cdktf CLI")
    written = sorted(workdir.glob("hcl*/cdktf.out/stacks/*/cdk.tf"))
    assert len(written) > 20
    copies = [tmp_path / f"{index}.tf" for index in range(len(written))]
    expected = {
        path: text
        for app in {path.relative_to(workdir).parts[0] for path in written}
        for relative, text in _as_the_engine_writes(app, _files(workdir / app / "cdktf.out")).items()
        if (path := workdir / app / "cdktf.out" / relative) in written
    }
    for path, copy in zip(written, copies, strict=True):
        copy.write_bytes(expected[path])
    env = {**os.environ, "HCL_TOOLS": str(HCL_TOOLS)}
    subprocess.run(["node", str(HERE / "format_hcl.js"), *map(str, copies)], env=env, check=True, timeout=120)
    for path, copy in zip(written, copies, strict=True):
        ours = Path(str(path).replace("/cdktf.out/", "/engine.out/", 1)).read_text("utf-8")
        assert format_hcl(ours) == Path(f"{copy}.formatted").read_text("utf-8"), f"{path} formatted differently"


def test_engine_output_is_the_same_in_every_process(tmp_path: Path) -> None:
    """Token strings differ per process (their marker is random); what is written must not."""
    runs = []
    for seed in ("1", "2"):
        env = {**_env(False), "PYTHONHASHSEED": seed}
        apps = [name for name in APPS if not name.startswith("hcl")]
        subprocess.run(
            [sys.executable, str(HERE / "runner.py"), "engine", str(tmp_path), *apps], env=env, check=True, timeout=600
        )
        runs.append({name: _files(tmp_path / name / "engine.out") for name in apps})
        assert not list(tmp_path.glob("*/engine.error"))
    assert runs[0] == runs[1]
