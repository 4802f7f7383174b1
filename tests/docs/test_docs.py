"""The docs cannot rot: every code block of ``docs/*.md`` is a file of the repository, included byte for
byte, and every included file runs here: apps synthesize and pass the schema check, unit-test files pass,
shell scripts run in a copy of the project (the emulator's against real terraform)."""

from __future__ import annotations

import json
import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from constructs_vpn.alicloud import check_outdir
from tests.tooling import REPO_DIR

DOCS = REPO_DIR / "docs"
PAGES = sorted(DOCS.glob("*.md"))
INCLUDE = re.compile(r"<!-- include: (?P<path>\S+) -->\n```(?P<lang>[a-z]*)\n(?P<body>.*?)```\n", re.S)
FENCE = re.compile(r"^```[a-z]*$", re.M)
LINK = re.compile(r"\]\((?P<target>[^)#\s]+)(?:#[^)]*)?\)")
TASKS = {"static-routing", "bgp", "protected-flows", "cross-account", "adopt-existing", "from-cdktf",
         "test-without-a-cloud-account", "on-premises-device", "fleet", "get", "deploy-without-node"}  # fmt: skip
#: The example app each shell script's copy of the project runs (its cdktf.json "app").
SCRIPT_APPS = {"docs/examples/peer_config.sh": "stacks.dual_tunnel", "docs/examples/emulator.sh": "stacks.dual_tunnel",
               "docs/examples/fleet.sh": "stacks.fleet", "docs/examples/get.sh": "stacks"}  # fmt: skip


def included() -> list[str]:
    return sorted({m["path"] for page in PAGES for m in INCLUDE.finditer(page.read_text("utf-8"))})


def test_one_page_per_task_and_an_index() -> None:
    assert {page.stem for page in PAGES} == TASKS | {"README"}
    index = (DOCS / "README.md").read_text("utf-8")
    assert all(f"({task}.md)" in index for task in TASKS)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_code_block_is_an_included_file(page: Path) -> None:
    text = page.read_text("utf-8")
    matches = list(INCLUDE.finditer(text))
    assert len(matches) * 2 == len(FENCE.findall(text)), f"{page.name} has a code block without an include marker"
    for match in matches:
        assert (REPO_DIR / match["path"]).read_text("utf-8") == match["body"], f"{page.name}: {match['path']} changed"


def test_links_resolve() -> None:
    for page in [*PAGES, REPO_DIR / "README.md"]:
        for match in LINK.finditer(page.read_text("utf-8")):
            target = match["target"]
            if not target.startswith(("http://", "https://")):
                assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_every_example_file_is_shown() -> None:
    examples = {str(p.relative_to(REPO_DIR)) for p in (DOCS / "examples").iterdir() if p.is_file()}
    assert examples <= set(included())


def _run_python(path: str, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Run ``path`` as a program in ``cwd``, then its ``test_*`` functions; how many tests ran."""
    monkeypatch.chdir(cwd)
    monkeypatch.delenv("CDKTF_OUTDIR", raising=False)
    monkeypatch.delenv("SYNTH_HCL_OUTPUT", raising=False)
    if path.startswith("stacks/"):  # relative imports: run as the module, as `python -m stacks.<name>`
        namespace = runpy.run_module(path.removesuffix(".py").replace("/", "."), run_name="__main__")
    else:
        namespace = runpy.run_path(str(REPO_DIR / path), run_name="__main__")
    tests = [f for name, f in sorted(namespace.items()) if name.startswith("test_") and callable(f)]
    for test in tests:
        test()
    return len(tests)


def _run_script(path: str, project: Path) -> subprocess.CompletedProcess[str]:
    """``bash path`` in a copy of the project whose app is ``SCRIPT_APPS[path]``, with its own ``$HOME``."""
    shutil.copytree(REPO_DIR / "stacks", project / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO_DIR / "docs/examples", project / "docs/examples")
    (project / "cdktf.json").write_text(f'{{"language": "python", "app": "python -m {SCRIPT_APPS[path]}"}}')
    (project / "home").mkdir()
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("TF_", "CDKTF_", "CONSTRUCTS_VPN_EMULATOR", "DC3_"))
    }
    env.update(
        HOME=str(project / "home"),
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
        CHECKPOINT_DISABLE="1",
        TMPDIR=str(project / "home"),  # a script's scratch folder (mktemp -d) goes away with the test's
    )
    return subprocess.run(
        ["bash", str(REPO_DIR / path)], cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False
    )


# runpy warns when a stack module was already imported by another test in this process
@pytest.mark.filterwarnings("ignore:.*found in sys.modules after import of package 'stacks':RuntimeWarning")
@pytest.mark.parametrize("path", [p for p in included() if p.endswith((".py", ".sh"))])
def test_included_file_runs(path: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if path.endswith(".py"):
        tests = _run_python(path, tmp_path, monkeypatch)
        if not tests:  # an app: it synthesized, and what it wrote matches the provider schema
            assert [str(f) for f in check_outdir(tmp_path / "cdktf.out")] == []
        return
    if path in ("docs/examples/emulator.sh", "docs/examples/get.sh"):
        from tests.emulator.harness import terraform_binary

        terraform_binary()  # skips (fails in CI) without terraform or the emulator's framework
    done = _run_script(path, tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    if path == "docs/examples/peer_config.sh":
        assert "<PRE_SHARED_KEY>" in (tmp_path / "dc3-swanctl.conf").read_text()
        assert "Example-Dc3-Psk-2024" in (tmp_path / "dc3-cisco.txt").read_text()  # as printed: no DC3_PSK set
        assert '"Remote": "47.96.0.10"' in done.stdout
    if path == "docs/examples/fleet.sh":
        assert sorted(p.name for p in tmp_path.iterdir()) == ["cdktf.json", "docs", "home", "stacks"]
        assert "context" not in json.loads((tmp_path / "cdktf.json").read_text()), "the script overwrote cdktf.json"
        demo = Path(re.findall(r"^walk-through project: (.+)$", done.stdout, re.M)[0])
        assert demo.parent == tmp_path / "home"
        changed = [line for line in done.stdout.splitlines() if line.startswith("fleet-") and "\t" not in line]
        assert changed == ["fleet-site-site-0002"]  # --changed-since: the one site whose IKE changed
        assert len([line for line in done.stdout.splitlines() if line.count("\t") == 2]) == 18  # --moves-from
        assert (demo / "atlantis.yaml").is_file()
    if path == "docs/examples/get.sh":
        assert "generated alicloud (aliyun/alicloud 1.289.0): " in done.stdout
        assert "generated module site-tags (./modules/site-tags): 1 variables, 1 outputs" in done.stdout
        assert done.stdout.endswith("alicloud\nsite_tags\nSiteTags\n"), done.stdout
        assert sorted(p.name for p in tmp_path.iterdir()) == ["cdktf.json", "docs", "home", "stacks"]
    if path == "docs/examples/emulator.sh":
        assert "Apply complete! Resources: 8 added" in done.stdout
        assert re.search(r"remote_addrs = \d+\.\d+\.\d+\.\d+\n", done.stdout), "no gateway address from state"
        assert "Destroy complete! Resources: 8 destroyed." in done.stdout
        plain = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout)  # terraform colours the plan
        assert "Plan: 0 to add, 1 to change, 0 to destroy." in plain  # the drift the sqlite3 edit made
        assert "- tunnel_options_specification {" in plain, "the drift is not in a tunnel (its key hides the rest)"


def test_the_unit_test_runs_under_plain_pytest(tmp_path: Path) -> None:
    """The page's command, ``pytest docs/examples/unit_test.py``, as printed: not only ``python -m pytest``
    (which puts the current folder on sys.path; plain pytest needs the project's ``pythonpath``)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTEST_ADDOPTS")}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    page = (DOCS / "test-without-a-cloud-account.md").read_text("utf-8")
    command = "pytest docs/examples/unit_test.py"
    assert f"`{command}`" in page
    done = subprocess.run(
        [*command.split(), "-n", "0", "-p", "no:cacheprovider"], cwd=REPO_DIR, env=env,
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and "2 passed" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]


def test_the_emulator_state_is_described_one_way(capsys: pytest.CaptureFixture[str]) -> None:
    """The emulated cloud is an SQLite file, ``state.db`` in setup's folder, on every page and in setup's help."""
    from constructs_vpn.cli.main import main

    texts = {page.name: page.read_text("utf-8") for page in [*PAGES, REPO_DIR / "README.md"]}
    with pytest.raises(SystemExit):
        main(["emulator", "setup", "--help"])
    texts["emulator setup --help"] = capsys.readouterr().out
    assert "state.db" in texts["emulator setup --help"]
    for name, text in texts.items():
        assert "state.json" not in text, name
        assert not re.search(r"emulated cloud in an? JSON\s+file", text), name
    assert "DIR/state.db" in texts["test-without-a-cloud-account.md"]


def test_the_readme_points_to_every_page() -> None:
    readme = (REPO_DIR / "README.md").read_text("utf-8")
    assert [task for task in sorted(TASKS) if f"(docs/{task}.md)" not in readme] == []
