"""``constructs-vpn graph`` reads a synthesized folder (it synthesizes nothing) and prints the diagram."""

from __future__ import annotations

from pathlib import Path

import pytest

from constructs_vpn.cli.main import main
from constructs_vpn.core import App
from stacks import build_app
from tests.tooling import require_executable


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graph") / "cdktf.out"
    build_app(App(outdir=out)).synth()
    return out


def test_one_stack_as_mermaid(outdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "--dir", str(outdir), "--stack", "dual-tunnel"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith('flowchart LR\n  subgraph stack_dual_tunnel["stack dual-tunnel"]\n')
    assert printed.count("subgraph") == 1


def test_every_stack_by_default_and_dot(outdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "--dir", str(outdir), "--format", "dot"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("graph network {\n") and printed.count("subgraph cluster_") == 9


def test_svg(outdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    require_executable("dot", "apt-get install graphviz")
    assert (
        main(["graph", "--dir", str(outdir), "--stack", "bgp-site", "--stack", "dc-destination", "--format", "svg"])
        == 0
    )
    printed = capsys.readouterr().out
    assert printed.startswith("<?xml") and printed.rstrip().endswith("</svg>")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--stack", "nope"], "error: no stack 'nope'; stacks: adopt-existing, bgp-site,"),
        (["--format", "png"], "invalid choice: 'png'"),
    ],
)
def test_mistakes_are_one_line(outdir: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    try:
        code = main(["graph", "--dir", str(outdir), *args])
    except SystemExit as exit:  # argparse
        code = int(str(exit.code))
    assert code != 0
    assert message in capsys.readouterr().err


def test_needs_a_synthesized_json_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "--dir", str(tmp_path)]) == 1
    assert "manifest.json does not exist: run `constructs-vpn synth` first" in capsys.readouterr().err
    build_app(App(outdir=tmp_path / "hcl", hcl_output=True)).synth()
    assert main(["graph", "--dir", str(tmp_path / "hcl"), "--stack", "bgp-site"]) == 1
    assert "was synthesized as HCL" in capsys.readouterr().err


def test_a_stack_without_a_network(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from constructs_vpn.core import TerraformStack

    app = App(outdir=tmp_path)
    TerraformStack(app, "empty")
    app.synth()
    assert main(["graph", "--dir", str(tmp_path)]) == 1
    assert "error: no CEN, transit router, VPC or IPsec connection in empty: nothing to draw" in capsys.readouterr().err


def test_the_old_output_flag_still_works(outdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-o``/``--output`` named the folder read as if it were written; kept as a deprecated alias of ``--dir``."""
    assert main(["graph", "-o", str(outdir), "--stack", "dual-tunnel"]) == 0
    printed = capsys.readouterr()
    assert printed.out.startswith("flowchart LR\n")
    assert printed.err == "warning: -o is deprecated here (it names the folder read): use --dir\n"
