"""The README stays true: its example runs, its test command is the one CI runs, and every command it and docs/
print runs as printed in a new shell after the two commands (or is listed with what it needs)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.tooling import REPO_DIR, require_executable

README = (REPO_DIR / "README.md").read_text("utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_python_example_synthesizes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (example,) = blocks("python")
    assert len(example.strip().splitlines()) <= 20
    exec(compile(example, "README.md", "exec"), {})
    document = json.loads((tmp_path / "cdktf.out/stacks/dc1/cdk.tf.json").read_text())
    assert document["variable"]["psk"]["sensitive"] is True
    (connection,) = document["resource"]["alicloud_vpn_gateway_vpn_attachment"].values()
    assert [t["tunnel_ike_config"]["psk"] for t in connection["tunnel_options_specification"]] == ["${var.psk}"] * 2


def test_commands_match_ci() -> None:
    main_job = next(b for b in blocks("sh") if b.startswith("# the main job"))
    tests = next(b for b in blocks("sh") if b.startswith("# the tests"))
    ci = (REPO_DIR / ".ci/run").read_text("utf-8")
    assert "constructs-vpn synth" in main_job
    install, run = tests.strip().splitlines()[-1].split(" && ")[1:]
    assert install.replace(".venv/bin/pip install", "") in ci
    assert f"\n{run}\n" in ci


# Every command README.md and docs/ print, run as a user would: in a new shell after the two commands.
PAGES = [REPO_DIR / "README.md", *sorted((REPO_DIR / "docs").glob("*.md"))]
_WORD = r"(?:constructs-vpn|python3?|pip|npm|sudo|bash|eval|cd|export|terraform|\S*cdktf|\.venv/bin/\S+|\.)"
#: A command: a line of a sh block, or an inline span naming a program and at least one argument.
_COMMAND = re.compile(rf"^{_WORD} \S")
#: Spelled names, not commands to run alone (the same page prints the full command).
MENTIONS = {"constructs-vpn peer-config", "constructs-vpn get"}
#: Placeholders the pages use, and what stands in for them here.
PLACEHOLDERS = {" DIR": " cdktf.out", " NAME": " dual-tunnel"}
#: A walk-through that starts a scratch folder of its own: its later lines need the folder (a shell variable).
SCRATCH = re.compile(r"\w+=\$\(mktemp -d\)$")
#: Commands that need more than the virtual environment, each with why and what runs them instead.
NOT_RUN: dict[str, str] = {
    r"python3 -m venv ": "the README's two commands: .ci/run runs the test one, a fresh clone checks both",
    r"(\S+/)?pip install ": "installs from the package index (network)",
    r"npm install ": "installs the cdktf CLI from npm (network)",
    r"sudo ": "installs system packages (root, network)",
    r"(\S*/)?cdktf ": "needs the cdktf CLI: tests/cli/test_cdktf_cli.py and tests/emulator/test_cdktf_deploy.py",
    r"(cd \S+ && )?(TF_VAR_\w+=\S+ )?terraform ": "needs terraform (and the emulator or a cloud account): tests/emulator, tests/docs",
    r"(eval \"\$\()?constructs-vpn emulator ": "needs the emulator and terraform: tests/emulator, tests/docs",
    r"constructs-vpn (deploy|diff|destroy|output)\b": "runs terraform against the emulator: tests/cli/lifecycle",
    r"sqlite3 ": "edits the emulator's state after an apply: tests/docs runs docs/examples/emulator.sh whole",
    r"export TF_VAR_": "a setting of the emulator walk-through: tests/docs runs the whole script",
    r"(constructs-vpn orchestrate --(changed-since|moves-from) |(cp|mv|sed -i) \S*(cdktf\.out|'s/))": "a step of the "
    "fleet walk-through that needs the ones before it: tests/docs runs docs/examples/fleet.sh whole",
    SCRATCH.pattern: "starts a walk-through in a scratch folder (fleet.sh, get.sh): tests/docs runs the script whole",
    r"python -m benchmarks\.": "a benchmark (minutes; applies against the emulator): run by hand, figures in docs/fleet.md",
}


def page_commands(page: Path) -> list[str]:
    text = page.read_text("utf-8")
    commands: list[str] = []
    for block in re.findall(r"```(?:sh|bash)\n(.*?)```", text, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            command = " ".join(re.sub(r"\s#.*$", "", line).split())
            if command and not command.startswith(("#", "set ")):
                commands.append(command)
            if SCRATCH.match(command):  # the rest runs in that folder: tests/docs runs the script whole
                break
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    commands += [span for span in re.findall(r"``?([^`\n]+)``?", prose) if _COMMAND.match(span)]
    return list(dict.fromkeys(commands))


def _not_run(command: str) -> str | None:
    return next((why for pattern, why in NOT_RUN.items() if re.match(pattern, command)), None)


CHEAP = sorted(
    {c for page in PAGES for c in page_commands(page) if c not in MENTIONS and not _not_run(c)}
    - {". .venv/bin/activate"}
)
#: What a command needs to have run before it, as its page says ("run X, then Y").
AFTER = {"constructs-vpn graph --stack dc1-static": "python docs/examples/static_routing.py"}


def test_every_command_is_run_or_listed() -> None:
    """A new command in the README or docs is either run below or given a reason here (printed with -rA)."""
    commands = sorted({c for page in PAGES for c in page_commands(page)})
    assert ". .venv/bin/activate" in commands
    listed = {c: _not_run(c) for c in commands if c not in CHEAP}
    assert all(why or c in MENTIONS or c == ". .venv/bin/activate" for c, why in listed.items()), listed
    assert len(CHEAP) >= 10, CHEAP
    for command, why in listed.items():
        print(f"not run here: {command}  ({why or 'a name'})")


@pytest.fixture(scope="module")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository after the README's main command: the example app synthesized into cdktf.out."""
    root = tmp_path_factory.mktemp("clone")
    for folder in ("stacks", "docs"):
        shutil.copytree(REPO_DIR / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_DIR / "cdktf.json", root / "cdktf.json")
    assert (Path(sys.prefix) / "bin/activate").is_file(), "run the tests in the virtual environment of the README"
    (root / ".venv").symlink_to(sys.prefix)
    done = _shell(root, "constructs-vpn synth")
    assert done.returncode == 0, done.stderr
    return root


def _shell(root: Path, command: str) -> subprocess.CompletedProcess[str]:
    """``command`` in a new bash whose PATH does not have the virtual environment until it is activated."""
    venv_bin = str(Path(sys.prefix) / "bin")
    path = os.pathsep.join(p for p in os.environ.get("PATH", os.defpath).split(os.pathsep) if p != venv_bin)
    env = {"PATH": path, "HOME": str(root / ".home"), "LANG": "C.UTF-8", "DC3_PSK": "Docs-Psk-2024"}
    script = f"set -e\n. .venv/bin/activate\n{command}\n"
    return subprocess.run(
        ["bash", "-c", script], cwd=root, env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("command", CHEAP)
def test_command_runs_as_printed(command: str, synthesized: Path, tmp_path: Path) -> None:
    root = tmp_path / "clone"
    shutil.copytree(synthesized, root, symlinks=True)
    for placeholder, value in PLACEHOLDERS.items():
        command = command.replace(placeholder, value)
    if command in AFTER:
        assert _shell(root, AFTER[command]).returncode == 0
    done = _shell(root, command)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Traceback" not in done.stderr


def test_a_command_needs_the_activation(synthesized: Path) -> None:
    """The test's new shell really is new: without activating, constructs-vpn is not there."""
    venv_bin = str(Path(sys.prefix) / "bin")
    path = os.pathsep.join(p for p in os.environ.get("PATH", os.defpath).split(os.pathsep) if p != venv_bin)
    done = subprocess.run(["bash", "-c", "constructs-vpn --version"], cwd=synthesized, env={"PATH": path},
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 127 and "command not found" in done.stderr


def test_license_is_the_declared_one() -> None:
    pyproject = (REPO_DIR / "pyproject.toml").read_text("utf-8")
    assert 'license = { text = "Apache-2.0" }' in pyproject
    text = (REPO_DIR / "LICENSE").read_text("utf-8")
    assert text.split()[:4] == ["Apache", "License", "Version", "2.0,"]
    assert "END OF TERMS AND CONDITIONS" in text and len(text) > 11000


def test_no_test_data_is_ignored_by_git() -> None:
    """A fixture under an ignored name (``cdktf.out/``) passes here and is missing from every clone."""
    git = require_executable("git", "apt-get install git")
    done = subprocess.run(
        [git, "ls-files", "--others", "--ignored", "--exclude-standard", "--directory", "tests/"],
        cwd=REPO_DIR, capture_output=True, text=True, check=True,
    )  # fmt: skip
    caches = ("__pycache__/", ".hypothesis/", ".pytest_cache/", ".mypy_cache/")
    assert [p for p in done.stdout.splitlines() if not p.endswith(caches)] == []


def _destroy_order(document: dict[str, Any]) -> list[str]:
    """The resource types of ``document`` in the order ``terraform destroy`` removes them: a resource goes
    before everything it depends on (``depends_on`` or a reference in its arguments)."""
    resources = {f"{kind}.{name}": body for kind, items in document["resource"].items() for name, body in items.items()}
    needs = {
        address: {
            other for other in resources if other != address and re.search(rf"\b{re.escape(other)}\b", json.dumps(body))
        }
        for address, body in resources.items()
    }
    order: list[str] = []
    while needs:
        free = sorted(a for a in needs if not any(a in deps for b, deps in needs.items() if b != a))
        order += free
        needs = {a: d for a, d in needs.items() if a not in free}
    return [address.split(".")[0] for address in order]


def test_the_destroy_order_is_the_one_the_readme_tells(tmp_path: Path) -> None:
    from constructs_vpn.core import App
    from stacks.cross_account import CrossAccountStack

    app = App(outdir=tmp_path)
    CrossAccountStack(app, "cross-account")
    order = _destroy_order(app.synth().documents["cross-account"])
    told = ["alicloud_cen_transit_router_vpn_attachment", "alicloud_cen_transit_router_grant_attachment",
            "alicloud_vpn_gateway_vpn_attachment"]  # fmt: skip
    assert [kind for kind in order if kind in told] == told
    assert "then the attachment, then (cross-account) the grant, and the\nconnection last" in README


def _emulator_block() -> str:
    return next(b for b in blocks("sh") if "constructs-vpn emulator setup" in b)


def test_the_readme_and_the_docs_reach_one_emulated_cloud() -> None:
    """Both walk-throughs install the emulator in one folder: following both makes one emulated cloud."""
    folder = re.compile(r"constructs-vpn emulator setup (\S+)\)")
    script = (REPO_DIR / "docs/examples/emulator.sh").read_text("utf-8")
    assert folder.findall(_emulator_block()) == folder.findall(script) != []


@pytest.mark.terraform
def test_the_emulator_block_ends_where_it_can_start_again(synthesized: Path, tmp_path: Path) -> None:
    """The README's emulator block, as printed (answering terraform's prompts), twice in a row: its last
    command leaves no terraform state or object behind, so the second apply creates the stack again."""
    from tests.emulator.harness import terraform_binary

    terraform_binary()  # skips (fails in CI) without terraform or the emulator's framework
    root = tmp_path / "clone"
    shutil.copytree(synthesized, root, symlinks=True)
    block = "\n".join(line for line in _emulator_block().splitlines() if not line.startswith("pip install"))
    for attempt in (1, 2):
        done = _shell(root, f"exec < <(yes yes)\n{block}")
        assert done.returncode == 0, f"run {attempt}: " + done.stdout[-3000:] + done.stderr[-3000:]
        assert re.search(r"Apply complete! Resources: [1-9]\d* added, 0 changed, 0 destroyed", done.stdout)
        assert "Destroy complete!" in done.stdout
