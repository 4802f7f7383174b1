"""The cloud's half of a tunnel, written from the synthesized connection resource (the cloud's own view).

Test code, written apart from ``constructs_vpn.peer`` on purpose: its keyword tables come from the lab notes
(shared/reference/ipsec-lab.md §4), so a wrong mapping in the product cannot be mirrored here and pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

ENC = {"aes": "aes128", "aes192": "aes192", "aes256": "aes256", "des": "des", "3des": "3des"}
AUTH = {"md5": "md5", "sha1": "sha1", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}
DH = {"group1": "modp768", "group2": "modp1024", "group5": "modp1536", "group14": "modp2048"}
#: What charon reports once negotiated (``IkeSa.proposal`` / ``ChildSa.proposal`` parts).
NEGOTIATED_ENC = {"aes": "AES_CBC_128", "aes192": "AES_CBC_192", "aes256": "AES_CBC_256", "des": "DES_CBC",
                  "3des": "3DES_CBC"}  # fmt: skip
NEGOTIATED_INTEG = {"md5": "HMAC_MD5_96", "sha1": "HMAC_SHA1_96", "sha256": "HMAC_SHA2_256_128",
                    "sha384": "HMAC_SHA2_384_192", "sha512": "HMAC_SHA2_512_256"}  # fmt: skip
NEGOTIATED_DH = {"group1": "MODP_768", "group2": "MODP_1024", "group5": "MODP_1536", "group14": "MODP_2048"}


def _block(value: Any) -> Mapping[str, Any]:
    block: Mapping[str, Any] = value[0] if isinstance(value, list) else value
    return block


def cloud_swanctl(
    body: Mapping[str, Any], *, cloud_ips: list[str], device_ips: list[str], psks: list[str], names: list[str]
) -> str:
    """One connection per tunnel of the ``alicloud_vpn_gateway_vpn_attachment`` ``body``, responder side;
    ``names`` are the connection (and child) names, the same as the device's so the lab can match them."""
    specs = body.get("tunnel_options_specification") or [
        {"tunnel_ike_config": body["ike_config"], "tunnel_ipsec_config": body["ipsec_config"]}
    ]
    connections, secrets = [], []
    for index, spec in enumerate(specs):
        ike, ipsec = _block(spec["tunnel_ike_config"]), _block(spec["tunnel_ipsec_config"])
        local_id = ike.get("local_id") or cloud_ips[index]
        remote_id = ike.get("remote_id") or device_ips[index]
        esp = [ENC[ipsec["ipsec_enc_alg"]], AUTH[ipsec["ipsec_auth_alg"]]]
        if ipsec["ipsec_pfs"] != "disabled":
            esp.append(DH[ipsec["ipsec_pfs"]])
        connections.append(f"""
    {names[index]} {{
        version = {1 if ike["ike_version"] == "ikev1" else 2}
        aggressive = {"yes" if ike["ike_mode"] == "aggressive" else "no"}
        local_addrs = {cloud_ips[index]}
        remote_addrs = {device_ips[index]}
        proposals = {ENC[ike["ike_enc_alg"]]}-{AUTH[ike["ike_auth_alg"]]}-{DH[ike["ike_pfs"]]}
        local {{
            auth = psk
            id = {local_id}
        }}
        remote {{
            auth = psk
            id = {remote_id}
        }}
        children {{
            {names[index]} {{
                local_ts = {body["local_subnet"]}
                remote_ts = {body["remote_subnet"]}
                esp_proposals = {"-".join(esp)}
            }}
        }}
    }}""")
        quoted = psks[index].replace("\\", "\\\\")
        secrets.append(f"""
    ike-{names[index]} {{
        id-1 = {local_id}
        id-2 = {remote_id}
        secret = "{quoted}"
    }}""")
    return "connections {" + "".join(connections) + "\n}\nsecrets {" + "".join(secrets) + "\n}\n"
