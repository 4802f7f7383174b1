"""Which stacks a lifecycle command runs: names and globs as cdktf, and their dependencies included."""

from __future__ import annotations

from pathlib import Path

import pytest

from constructs_vpn.cli.lifecycle.selection import check_included, dependants, dependencies, select
from constructs_vpn.core.errors import ConstructsVpnError
from tests.cli.lifecycle.manifests import write_manifest

GRAPH = {"hub": [], "site-a": ["hub"], "site-b": ["hub"], "other": []}


def test_globs_select_each_stack_once_in_pattern_order(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path, GRAPH)
    assert select(manifest, ["site-*", "hub", "site-a"], "deploy") == ["site-a", "site-b", "hub"]
    assert select(manifest, ["*"], "deploy") == ["hub", "site-a", "site-b", "other"]


def test_no_pattern_is_the_only_stack_or_an_error_naming_them(tmp_path: Path) -> None:
    assert select(write_manifest(tmp_path / "one", {"solo": []}), [], "deploy") == ["solo"]
    with pytest.raises(ConstructsVpnError, match=r"more than one stack.*hub, site-a, site-b, other"):
        select(write_manifest(tmp_path / "many", GRAPH), [], "deploy")


def test_a_pattern_matching_nothing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConstructsVpnError, match="no stack matches 'nope'"):
        select(write_manifest(tmp_path, GRAPH), ["hub", "nope"], "deploy")


def test_deploy_needs_the_dependencies_and_destroy_the_dependants(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path, GRAPH)
    with pytest.raises(ConstructsVpnError, match=r"dependencies are not included.*: hub;.*--ignore-missing"):
        check_included(manifest, ["site-a"], reverse=False)
    check_included(manifest, ["site-a"], reverse=True)  # nothing depends on a site
    with pytest.raises(ConstructsVpnError, match=r"dependant stacks are not included.*: site-a, site-b"):
        check_included(manifest, ["hub"], reverse=True)
    check_included(manifest, ["hub"], reverse=False)


def test_the_graph_is_restricted_to_the_chosen_stacks(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path, GRAPH)
    assert dependencies(manifest, ["site-a", "hub"]) == {"site-a": ["hub"], "hub": []}
    assert dependencies(manifest, ["site-a"]) == {"site-a": []}  # --ignore-missing-stack-dependencies
    assert dependants(manifest, ["hub", "site-a", "site-b"]) == {
        "hub": ["site-a", "site-b"],
        "site-a": [],
        "site-b": [],
    }
