"""Single-tunnel creation on a transit router: refused by default, as the API does today; accepted only in an
emulated account that declares it still creates them; adopting one is not creating one."""

from __future__ import annotations

import pytest

from tests.emulator.conftest import WorkspaceFactory
from tests.emulator.harness import document
from tests.emulator.test_api_rules import vpn
from tests.emulator.test_fidelity import CGW, GATEWAY, VPN

pytestmark = pytest.mark.terraform


def test_single_tunnel_parameters_are_refused_by_default_as_the_api_does(workspace: WorkspaceFactory) -> None:
    ws = workspace("refuse-single", document({**GATEWAY, VPN: {"vpn": vpn()}}))
    ws.init()
    failed = ws.apply(expect=1)
    assert "VpnConnection.InvalidCreateTunnelOptions" in failed.output
    assert "CONSTRUCTS_VPN_EMULATOR_SINGLE_TUNNEL=accept" in failed.output
    accepted = {"customer_gateway_id": CGW, "local_subnet": "0.0.0.0/0", "remote_subnet": "0.0.0.0/0"}
    ws.write(document({**GATEWAY, VPN: {"vpn": accepted}}))
    ws.apply()


@pytest.mark.parametrize(("mode", "code"), [("accept", 0), ("accepted", 1)])
def test_an_account_that_still_creates_single_tunnel_connections_is_an_explicit_option(
    workspace: WorkspaceFactory, mode: str, code: int
) -> None:
    ws = workspace(
        f"single-{mode}", document({**GATEWAY, VPN: {"vpn": vpn()}}), CONSTRUCTS_VPN_EMULATOR_SINGLE_TUNNEL=mode
    )
    ws.init()
    applied = ws.apply(expect=code)
    if code:
        assert "'accepted' is not an option" in applied.output and "InvalidCreateTunnelOptions" not in applied.output
