"""Failure paths through real Terraform: an apply cut short (injected error, provider crash, Ctrl-C during
a slow call) is completed by the next apply with nothing orphaned or duplicated; changes made behind
Terraform's back show up in the plan."""

from __future__ import annotations

import contextlib
import signal
import sqlite3
import subprocess
import time

import pytest

from constructs_vpn.emulator import STATE_ENV, Store
from constructs_vpn.emulator.rules import SINGLE_TUNNEL_ENV
from tests.emulator.conftest import WorkspaceFactory
from tests.emulator.harness import Workspace, cloud_ids
from tests.emulator.test_api_rules import site

pytestmark = pytest.mark.terraform
#: An account that still creates single-tunnel connections (the connections here are single-tunnel ones).
EMULATED_ACCOUNT = {SINGLE_TUNNEL_ENV: "accept"}

FAULTS = "CONSTRUCTS_VPN_EMULATOR_FAULTS"
ATTACHMENT = "alicloud_cen_transit_router_vpn_attachment"


def _assert_complete(ws: Workspace) -> None:
    """A fault-free apply finishes the job: every object once, Terraform and the cloud agree, no changes left."""
    ws.extra_env.pop(FAULTS, None)
    ws.apply()
    ids = ws.managed_ids()
    assert len(ids) == 5, ids
    assert sorted(ids.values()) == cloud_ids(ws.cloud())
    assert ws.plan_exit_code() == 0, ws.runs[-1]


def test_failed_call_then_apply_again(workspace: WorkspaceFactory) -> None:
    ws = workspace("fail", site(), **{FAULTS: "CreateTransitRouterVpnAttachment:fail@1"})
    ws.init()
    failed = ws.apply(expect=1)
    assert "CreateTransitRouterVpnAttachment failed: Throttling.User" in failed.output
    assert ATTACHMENT not in ws.cloud()
    assert len(ws.managed_ids()) == 4  # everything before the failure is kept
    _assert_complete(ws)


def test_provider_crash_then_apply_again(workspace: WorkspaceFactory) -> None:
    ws = workspace("crash", site(), **{FAULTS: "CreateVpnAttachment:crash@1"})
    ws.init()
    crashed = ws.apply(expect=1)
    assert "plugin" in crashed.output.lower()
    with contextlib.closing(sqlite3.connect(ws.state_file)) as database:  # the state survived, whole
        assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert "alicloud_vpn_gateway_vpn_attachment" not in ws.cloud()
    _assert_complete(ws)


def test_interrupted_apply_then_apply_again(workspace: WorkspaceFactory) -> None:
    """Ctrl-C while the attachment is being created: Terraform stops the provider, the slow call gives up
    before it changes anything, and the next apply creates what is missing."""
    ws = workspace("interrupt", site(), **{FAULTS: "CreateTransitRouterVpnAttachment:slow=60"})
    ws.init()
    started = time.monotonic()
    process = subprocess.Popen(
        [ws.terraform, "apply", "-auto-approve", "-no-color", "-input=false"],
        cwd=ws.directory,
        env=ws.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        while "alicloud_vpn_gateway_vpn_attachment" not in ws.cloud() or not (ws.directory / "emulator.log").exists():
            assert process.poll() is None and time.monotonic() - started < 30, "apply ended before the slow call"
            time.sleep(0.1)
        while "CreateTransitRouterVpnAttachment: injected delay" not in (ws.directory / "emulator.log").read_text():
            assert time.monotonic() - started < 30
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode != 0, output
    assert "Interrupt received" in output and "OperationAborted" in output, output
    assert time.monotonic() - started < 30, "the stop request did not cut the slow call short"
    assert ATTACHMENT not in ws.cloud()
    _assert_complete(ws)


def test_drift_shows_in_plan(workspace: WorkspaceFactory) -> None:
    ws = workspace("drift", site())
    ws.init()
    ws.apply()
    store = Store(ws.state_file)
    with store.transaction() as cloud:
        (customer_gateway,) = [id for id, _ in cloud.records("alicloud_vpn_customer_gateway")]
        (connection,) = [record for _, record in cloud.records("alicloud_vpn_gateway_vpn_attachment")]
        connection["attributes"]["ike_config"][0]["ike_version"] = "ikev1"  # changed in the console
        connection["attributes"]["enable_dpd"] = False
        cloud.changed = True
    actions = ws.plan_actions()
    assert actions == {"alicloud_vpn_gateway_vpn_attachment.vpn": ["update"]}
    with store.transaction() as cloud:
        cloud.remove("alicloud_vpn_customer_gateway", customer_gateway)  # deleted in the console
    actions = ws.plan_actions()
    assert actions["alicloud_vpn_customer_gateway.cgw"] == ["create"]
    assert ws.env()[STATE_ENV] == str(ws.state_file)
