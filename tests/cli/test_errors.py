"""A user's mistake is one ``error:`` line naming the file and the fix, exit code 1, never a traceback: malformed
synthesized folders (validate, graph, peer-config share the reader), a broken ``cdktf.json``, a mistake in the app
``synth`` runs. And the command explains itself: ``--version``, a description and the defaults of every subcommand."""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from constructs_vpn.cli.main import build_parser, main
from constructs_vpn.core import App, TerraformStack
from tests.tooling import REPO_DIR

CLI = [sys.executable, "-m", "constructs_vpn.cli"]
RESYNTH = "run `constructs-vpn synth` again to rewrite it"


def _write(relative: str, content: str | bytes) -> Callable[[Path], None]:
    def mutate(outdir: Path) -> None:
        path = outdir / relative
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return mutate


def _remove(relative: str) -> Callable[[Path], None]:
    return lambda outdir: (outdir / relative).unlink()


def _no_folder(outdir: Path) -> None:
    shutil.rmtree(outdir)


def _folder_as_stack(outdir: Path) -> None:
    (outdir / "manifest.json").write_text('{"stacks": {"s": {"synthesizedStackPath": "stacks/s.json"}}}')
    (outdir / "stacks/s.json").mkdir()


STACK = "stacks/s/cdk.tf.json"
#: How a synthesized folder can be broken, and what the message must say (after the file's path).
MALFORMED: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "no folder": (_no_folder, "manifest.json", "does not exist: run `constructs-vpn synth` first"),
    "empty manifest": (_write("manifest.json", ""), "manifest.json", f"the manifest is not valid JSON (Expecting value: line 1 column 1 (char 0)); {RESYNTH}"),
    "truncated manifest": (_write("manifest.json", '{"stacks": {"s": {'), "manifest.json", "the manifest is not valid JSON"),
    "manifest not UTF-8": (_write("manifest.json", b"\xff\xfe{}"), "manifest.json", "cannot read the manifest"),
    "manifest is a list": (_write("manifest.json", "[]"), "manifest.json", f"the manifest must be a JSON object, not list; {RESYNTH}"),
    "stacks is a list": (_write("manifest.json", '{"stacks": []}'), "manifest.json", "not a cdktf manifest"),
    "stack without its path": (_write("manifest.json", '{"stacks": {"s": {}}}'), "manifest.json", "not a cdktf manifest"),
    "missing stack file": (_remove(STACK), STACK, f"does not exist: {RESYNTH}"),
    "truncated stack file": (_write(STACK, '{"resource": {"alicloud_cen_instance": {'), STACK, "stack 's' is not valid JSON"),
    "stack file is a list": (_write(STACK, "[1]"), STACK, "stack 's' must be a JSON object, not list"),
    "resources are a list": (_write(STACK, '{"resource": []}'), STACK, '"resource" must map each type to an object of named objects'),
    "data source is a string": (_write(STACK, '{"data": {"alicloud_zones": {"z": "x"}}}'), STACK, '"data" must map'),
    "stack path points nowhere": (_write("manifest.json", '{"stacks": {"s": {"synthesizedStackPath": "stacks/s.json"}}}'), "stacks/s.json", f"does not exist: {RESYNTH}"),
    "stack path is a folder": (_folder_as_stack, "stacks/s.json", "cannot read stack 's': [Errno 21] Is a directory"),
}  # fmt: skip
COMMANDS = {
    "validate": lambda d: ["validate", d],
    "graph": lambda d: ["graph", "--dir", d],
    "peer-config": lambda d: ["peer-config", "--dir", d, "--stack", "s", "--connection", "c"],
}


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    app = App(outdir=tmp_path / "cdktf.out")
    TerraformStack(app, "s")
    app.synth()
    return tmp_path / "cdktf.out"


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_folder_is_one_error(
    case: str, command: str, outdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mutate, file, message = MALFORMED[case]
    mutate(outdir)
    assert main(COMMANDS[command](str(outdir))) == 1
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err.startswith(f"error: {outdir / file}") and message in printed.err, printed.err
    assert printed.err.count("\n") == 1 and "Traceback" not in printed.err


def test_as_a_program_too(outdir: Path) -> None:
    """The same, through the installed entry point: no traceback reaches the terminal."""
    (outdir / "manifest.json").write_text("[]")
    done = subprocess.run([*CLI, "graph", "--dir", str(outdir)], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (1, "")
    assert (
        done.stderr == f"error: {outdir / 'manifest.json'}: the manifest must be a JSON object, not list; {RESYNTH}\n"
    )


def _project(root: Path, app_source: str | None, config: str = '{"app": "python app.py"}') -> Path:
    root.mkdir(exist_ok=True)
    (root / "cdktf.json").write_text(config)
    if app_source is not None:
        (root / "app.py").write_text(app_source)
    return root


def _synth(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR)}
    return subprocess.run([*CLI, "synth", *args], cwd=root, env=env, capture_output=True, text=True, check=False)


CONNECTION = """\
from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.core import App, TerraformStack
from constructs_vpn.vpn import BgpConfig, CenInstance, CustomerGateway, IkeConfig, TransitRouter, TunnelOptions

app = App()
stack = TerraformStack(app, "dc1")
AlicloudProvider(stack, region="cn-hangzhou")
tr = TransitRouter(stack, "tr", cen=CenInstance(stack, "cen", name="corp"), name="corp-tr")
dc = CustomerGateway(stack, "dc1-gateway", ip_address="203.0.113.10", name="dc1")
weak = TunnelOptions(customer_gateway=dc, ike_config=IkeConfig(ike_enc_alg="des"))
"""


def test_problems_of_the_app_without_a_traceback(tmp_path: Path) -> None:
    root = _project(tmp_path, CONNECTION + 'tr.add_ipsec_connection("dc1", name="dc1", tunnels=[weak])\napp.synth()\n')
    done = _synth(root)
    assert done.returncode == 1
    assert done.stderr == (
        "error: the app `python app.py` stopped at app.py, line 12: "
        "[dc1/tr/dc1] tunnels: has 1 tunnels (rule dual-tunnel-count); fix: give exactly two\n"
    )


def test_invalid_options_in_the_app_without_a_traceback(tmp_path: Path) -> None:
    bad = 'BgpConfig(tunnel_cidr="169.254.1.0/30", local_bgp_ip="169.254.1.1")\n'
    done = _synth(_project(tmp_path, CONNECTION + bad))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("error: the app `python app.py` stopped at app.py, line 11: ")
    assert "[BgpConfig] tunnel_cidr: 169.254.1.0/30 is reserved by the cloud" in done.stderr
    assert "(rule bgp-tunnel-cidr-reserved); fix: pick another /30" in done.stderr


def test_a_bug_in_the_app_keeps_its_traceback(tmp_path: Path) -> None:
    """Not a mistake in the declarations: the user needs the frames to find it."""
    done = _synth(_project(tmp_path, "import json\njson.loads('{')\n"))
    assert done.returncode == 1
    assert "Traceback (most recent call last):" in done.stderr and "json.decoder.JSONDecodeError" in done.stderr
    assert done.stderr.endswith("error: the app `python app.py` failed with exit code 1\n")


def test_each_warning_is_printed_once(tmp_path: Path) -> None:
    app = CONNECTION + 'tr.add_ipsec_connection("dc1", name="dc1", tunnels=[weak, weak])\nprint("hello")\napp.synth()\n'
    done = _synth(_project(tmp_path, app))
    assert done.returncode == 0, done.stderr
    assert (done.stdout + done.stderr).count("des is weak") == 2  # once per tunnel
    assert "  [WARN] [dc1/tr/dc1] tunnels[0].ike_config.ike_enc_alg: des is weak" in done.stdout
    assert done.stderr == ""
    assert done.stdout.startswith("hello\n")  # the app's own output still passes through


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (None, "cdktf.json does not exist: run constructs-vpn in the folder holding it, pass --project DIR"),
        ("{", "cdktf.json: the project file is not valid JSON"),
        ('["python app.py"]', "cdktf.json: the project file must be a JSON object, not list"),
        ('{"language": "python"}', 'cdktf.json has no "app" (the command that runs your app'),
        ('{"app": "python app.py", "context": []}', 'cdktf.json: "context" must be a JSON object'),
    ],
)
def test_project_file_mistakes(tmp_path: Path, config: str | None, message: str) -> None:
    if config is not None:
        (tmp_path / "cdktf.json").write_text(config)
    done = _synth(tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith(f"error: {tmp_path / message}") and done.stderr.count("\n") == 1


def test_an_app_that_never_synthesizes(tmp_path: Path) -> None:
    done = _synth(_project(tmp_path, "print('forgot app.synth()')\n"))
    assert done.returncode == 1
    assert done.stderr == (
        f"error: the app `python app.py` wrote no {tmp_path / 'cdktf.out/manifest.json'}: does it call app.synth()?\n"
    )


def test_an_unwritable_output_folder(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file where the folder goes")
    done = _synth(_project(tmp_path, None, '{"app": "python -m stacks.dc_destination"}'), "-o", "taken/out")
    assert done.returncode == 1
    assert done.stderr == (
        f"error: cannot prepare output folder {tmp_path / 'taken/out'}: [Errno 17] File exists: '{tmp_path / 'taken'}'\n"
        "error: the app `python -m stacks.dc_destination` failed with exit code 1\n"
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["--version"])
    assert exit.value.code == 0
    assert capsys.readouterr().out == "constructs-vpn 0.1.0 (aliyun/alicloud 1.289.0, cdktf 0.21 output)\n"


def _subcommands(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                yield subparser
                yield from _subcommands(subparser)


def test_every_subcommand_describes_itself_and_its_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # one line per option, so a default is never wrapped
    subcommands = list(_subcommands(build_parser()))
    assert len(subcommands) >= 8  # synth validate peer-config graph emulator + its actions
    for parser in subcommands:
        assert parser.description, f"{parser.prog} has no description"
        text = parser.format_help()
        for action in parser._actions:
            default = action.default
            if default is None or default is False or default in ([], argparse.SUPPRESS):
                continue
            assert f"default: {default}" in text, f"{parser.prog}: {action.dest} does not show its default"


def test_every_command_shows_examples_the_parser_accepts() -> None:
    """Each subcommand that runs (not a group like ``emulator``) ends its help with examples, and each example
    is a command line that parses to that subcommand."""
    parser = build_parser()
    leaves = [p for p in _subcommands(parser) if not any(isinstance(a, argparse._SubParsersAction) for a in p._actions)]
    assert len(leaves) >= 10
    for subparser in leaves:
        text = subparser.format_help()
        examples = (
            [line.strip() for line in text.split("\nexamples:\n", 1)[-1].splitlines()] if "examples:" in text else []
        )
        assert examples, f"{subparser.prog}: no examples in its help"
        for line in examples:
            words = shlex.split(line.removeprefix('eval "$(').removesuffix(')"'))
            assert " ".join(words[: len(subparser.prog.split())]) == subparser.prog, line
            assert parser.parse_args(words[1:]).func is not None, line


def test_the_state_default_shows_its_value_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """``--state`` defaults to the variable setup prints: the help shows what it holds in this shell (a ``%``
    in the path is printed as is), or that it is unset."""
    for value, shown in (("/tmp/100%/state.db", "now /tmp/100%/state.db"), (None, "not set: run `emulator setup`")):
        if value is None:
            monkeypatch.delenv("CONSTRUCTS_VPN_EMULATOR_STATE", raising=False)
        else:
            monkeypatch.setenv("CONSTRUCTS_VPN_EMULATOR_STATE", value)
        monkeypatch.setenv("COLUMNS", "1000")
        for action in ("show", "reset", "seed"):
            emulator = next(p for p in _subcommands(build_parser()) if p.prog == f"constructs-vpn emulator {action}")
            assert f"(default: $CONSTRUCTS_VPN_EMULATOR_STATE, {shown})" in emulator.format_help()


_LEAF = st.none() | st.booleans() | st.integers() | st.text(max_size=4)
_JSON = st.recursive(_LEAF, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=8)  # fmt: skip
_TYPES = st.sampled_from([
    "alicloud_cen_instance", "alicloud_cen_transit_router", "alicloud_vpn_customer_gateway",
    "alicloud_vpn_gateway_vpn_attachment", "alicloud_cen_transit_router_vpn_attachment", "alicloud_cen_transit_router_route_table_association",
])  # fmt: skip
_FIELDS = st.sampled_from([
    "cen_id", "transit_router_id", "customer_gateway_id", "vpn_connection_id", "ip_address", "asn", "name", "zone",
    "local_subnet", "remote_subnet", "network_type", "tunnel_options_specification", "bgp_config", "depends_on",
])  # fmt: skip
_BODIES = st.dictionaries(_FIELDS, _JSON, max_size=5)
#: Stack documents shaped like Terraform JSON at the top, anything below: what a hand edit can leave.
_DOCUMENTS: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {"resource": st.dictionaries(_TYPES, st.dictionaries(st.sampled_from(["a", "b"]), _BODIES, max_size=2), max_size=4)},
    optional={"data": st.dictionaries(_TYPES, st.dictionaries(st.just("d"), _BODIES, max_size=1), max_size=1),
              "provider": _JSON, "terraform": _JSON, "output": _JSON, "variable": _JSON},
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=_DOCUMENTS, command=st.sampled_from(["validate", "graph"]))
@example(document={"resource": {"alicloud_vpn_gateway_vpn_attachment": {"a": {}}}}, command="graph")
def test_any_hand_edited_stack_is_a_finding_or_one_error(
    document: dict[str, object], command: str, outdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """peer-config interprets the stack itself (constructs_vpn.peer) and is not part of this sweep."""
    (outdir / STACK).write_text(json.dumps(document), encoding="utf-8")
    code = main(COMMANDS[command](str(outdir)))
    printed = capsys.readouterr()
    assert code in (0, 1) and "Traceback" not in printed.err
    if printed.err:
        # one error: a single line, or "error: N problems:" with one indented line per problem
        first, *rest = printed.err.splitlines()
        assert code == 1 and first.startswith("error: "), printed.err
        assert all(line.startswith("  [") for line in rest) and (not rest or first.endswith(" problems:")), printed.err
