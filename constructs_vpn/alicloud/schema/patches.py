"""Schema fixes, applied before generation. Reviewed data: each entry says what it changes and why.

``target`` is ``resource:<type>``, ``data:<type>`` or ``provider``; ``path`` is the dotted attribute path
inside it (``ike_config.psk``). ``tests/alicloud/test_codegen.py`` checks that every path exists, so a patch
cannot silently detach when the schema changes.

* ``sensitive``: the provider marks nothing sensitive (provider-facts §7.5). Sensitive values are kept out of
  ``repr`` and out of error messages.
* ``description``: replaces the docs text where it contradicts the provider code (``doc_vs_code`` in
  ``constraints.json``).
* ``note``: appends a sentence to the docs text.
"""

from __future__ import annotations

from ...codegen.generate import Patch

__all__ = ["PATCHES"]


_VA = "resource:alicloud_vpn_gateway_vpn_attachment"
_VPN_CONNECTION = "resource:alicloud_vpn_connection"
_TRA = "resource:alicloud_cen_transit_router_vpn_attachment"
_NOT_SENSITIVE = "the provider does not mark it Sensitive; keep it out of reprs and error messages"

PATCHES: tuple[Patch, ...] = (
    # --- secrets --------------------------------------------------------------------------------------------
    Patch(_VA, "ike_config.psk", "sensitive", f"pre-shared key: {_NOT_SENSITIVE}"),
    Patch(_VA, "tunnel_options_specification.tunnel_ike_config.psk", "sensitive", f"pre-shared key: {_NOT_SENSITIVE}"),
    Patch(_VPN_CONNECTION, "ike_config.psk", "sensitive", f"pre-shared key: {_NOT_SENSITIVE}"),
    Patch(
        _VPN_CONNECTION,
        "tunnel_options_specification.tunnel_ike_config.psk",
        "sensitive",
        f"pre-shared key: {_NOT_SENSITIVE}",
    ),
    Patch("provider", "access_key", "sensitive", f"credential: {_NOT_SENSITIVE}"),
    Patch("provider", "secret_key", "sensitive", f"credential: {_NOT_SENSITIVE}"),
    Patch("provider", "security_token", "sensitive", f"credential: {_NOT_SENSITIVE}"),
    Patch("provider", "assume_role_with_oidc.oidc_token", "sensitive", f"credential: {_NOT_SENSITIVE}"),
    # --- docs versus code (constraints.json doc_vs_code) -----------------------------------------------------
    Patch(
        _VA,
        "tunnel_options_specification.tunnel_index",
        "note",
        "docs say 1 or 2; the code accepts IntInSlice{0,1,2}",
        "The provider accepts 0, 1 or 2 (the docs mention only 1 and 2).",
    ),
    Patch(
        _VA,
        "tunnel_options_specification.tunnel_ike_config",
        "note",
        "docs call it a Set; the code has TypeList with MaxItems 1",
        "A list of at most one block (the docs say Set).",
    ),
    Patch(
        _VA,
        "ike_config.ike_auth_alg",
        "note",
        "single-tunnel docs say md5, dual-tunnel docs say sha1; the code has no Default",
        "The provider sets no default: when omitted, the API chooses (the docs disagree between md5 and sha1).",
    ),
    Patch(
        _VA,
        "ike_config.ike_version",
        "note",
        "single-tunnel docs say ikev1, dual-tunnel docs say ikev2; the code has no Default",
        "The provider sets no default: when omitted, the API chooses (the docs disagree between ikev1 and ikev2).",
    ),
    Patch(
        _VA,
        "tunnel_options_specification.tunnel_bgp_config.tunnel_cidr",
        "note",
        "the code validates neither tunnel_cidr nor local_bgp_ip; the reserved ranges are API-side rules",
        "Not validated by the provider; the API rejects 169.254.0.0/30 to 169.254.6.0/30 and 169.254.169.252/30.",
    ),
    Patch(
        _TRA,
        "vpn_owner_id",
        "note",
        "docs mark vpn_owner_id Int; the code is TypeString",
        "A string (the docs say Int).",
    ),
    Patch(_TRA, "zone", "note", "docs mark zone List; the code is TypeSet", "A set of blocks (the docs say List)."),
    Patch(
        _TRA,
        "auto_publish_route_enabled",
        "note",
        "docs say it defaults to true; the code has no Default and no Computed",
        "The provider has no default and does not read it back: when omitted, Terraform plans true -> null on "
        "every run if the API reports true. Always set it.",
    ),
    Patch(
        _TRA,
        "transit_router_vpn_attachment_name",
        "note",
        "docs list it as Optional; the code is Optional+Computed",
        "When omitted, the value the API returns is kept.",
    ),
    Patch(
        "resource:alicloud_cen_transit_router_grant_attachment",
        "cen_owner_id",
        "note",
        "docs mark cen_owner_id Int; the code is TypeString",
        "A string (the docs say Int).",
    ),
    Patch(
        "resource:alicloud_vpn_gateway",
        "disaster_recovery_vswitch_id",
        "note",
        "docs mark it ForceNew; the code is Optional+Computed without ForceNew",
        "Changed in place (the docs say ForceNew).",
    ),
)
