"""Unit tests of a stack, in memory: no cloud account and no terraform. Run them with pytest."""

import json

from constructs_vpn.alicloud import check_stack
from constructs_vpn.core.testing import Testing
from stacks.dc_destination import DcDestinationStack


def test_both_tunnels_negotiate_ikev2() -> None:
    synthesized = Testing.synth(DcDestinationStack(Testing.app(), "dc-destination"))
    ikev2 = {"tunnel_ike_config": {"ike_version": "ikev2"}}
    assert Testing.to_have_resource_with_properties(
        synthesized, "alicloud_vpn_gateway_vpn_attachment", {"tunnel_options_specification": [ikev2, ikev2]}
    )


def test_the_stack_matches_the_provider_schema() -> None:
    synthesized = Testing.synth(DcDestinationStack(Testing.app(), "dc-destination"))
    assert check_stack(json.loads(synthesized), stack="dc-destination") == []
