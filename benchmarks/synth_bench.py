"""Synthesis speed and memory: N IPsec sites of 5 resources each, plus a shared CEN, TR and route table.

Prints one JSON line: ``{"connections", "constructs", "resources", "seconds", "peak_rss_mib", "json_dump_seconds",
"ratio_to_json_dump", "import_ms", "import_vpn_ms", "import_vpn_uncached_ms"}``: cold imports (a new interpreter
each) of the core and of what an app of VPN constructs imports, with all bytecode cached as after ``pip install`` (in
a scratch ``PYTHONPYCACHEPREFIX``, compiled by a first run), and for the VPN constructs also with
``PYTHONDONTWRITEBYTECODE=1`` (bytecode found on disk is used, none is written: an editable install's modules are
compiled from source on every run).
``seconds`` covers building the constructs and writing ``cdktf.out``;
``json_dump_seconds`` is a plain ``json.dumps`` (same settings) of the same documents, the floor any engine
pays. ``--constructs`` builds the sites with the VPN constructs (dual-tunnel ``IpsecConnection``) instead of
generic resources. Not a test: run it by hand and record the figures (``--connections 1000``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from constructs_vpn.core import (
    App,
    Construct,
    TerraformProvider,
    TerraformProviderGeneratorMetadata,
    TerraformResource,
    TerraformStack,
)

META = TerraformProviderGeneratorMetadata(provider_name="alicloud", provider_version_constraint="~> 1.289")


def _resource(scope: Construct, id: str, type_name: str, attributes: dict[str, Any]) -> TerraformResource:
    return TerraformResource(
        scope, id, terraform_resource_type=type_name, terraform_generator_metadata=META, attributes=attributes
    )


def build_generic(app: App, connections: int) -> None:
    """The reference app of the cdktf baseline, with the engine's generic resources."""
    stack = TerraformStack(app, "bench")
    TerraformProvider(
        stack,
        "alicloud",
        terraform_resource_type="alicloud",
        terraform_provider_source="aliyun/alicloud",
        terraform_generator_metadata=META,
        attributes={"region": "cn-hangzhou"},
    )
    cen = _resource(stack, "cen", "alicloud_cen_instance", {"cen_instance_name": "bench"})
    tr = _resource(stack, "tr", "alicloud_cen_transit_router", {"cen_id": cen.get_string_attribute("id")})
    table = _resource(
        stack,
        "rt",
        "alicloud_cen_transit_router_route_table",
        {"transit_router_id": tr.get_string_attribute("transit_router_id")},
    )
    for index in range(connections):
        site = Construct(stack, f"site-{index}")
        cgw = _resource(
            site,
            "cgw",
            "alicloud_vpn_customer_gateway",
            {
                "ip_address": f"203.0.{index // 256 % 256}.{index % 256}",
                "asn": str(65000 + index % 1000),
                "customer_gateway_name": f"site-{index}",
            },
        )
        vpn = _resource(
            site,
            "vpn",
            "alicloud_vpn_gateway_vpn_attachment",
            {
                "vpn_attachment_name": f"site-{index}",
                "customer_gateway_id": cgw.get_string_attribute("id"),
                "network_type": "public",
                "local_subnet": "0.0.0.0/0",
                "remote_subnet": "0.0.0.0/0",
                "effect_immediately": True,
                "enable_dpd": True,
                "enable_nat_traversal": True,
                "ike_config": {
                    "ike_version": "ikev2",
                    "ike_mode": "main",
                    "ike_enc_alg": "aes",
                    "ike_auth_alg": "sha1",
                    "ike_pfs": "group2",
                    "ike_lifetime": 86400,
                },
                "ipsec_config": {
                    "ipsec_enc_alg": "aes",
                    "ipsec_auth_alg": "sha1",
                    "ipsec_pfs": "group2",
                    "ipsec_lifetime": 86400,
                },
            },
        )
        attachment = _resource(
            site,
            "attachment",
            "alicloud_cen_transit_router_vpn_attachment",
            {
                "cen_id": cen.get_string_attribute("id"),
                "transit_router_id": tr.get_string_attribute("transit_router_id"),
                "vpn_id": vpn.get_string_attribute("id"),
                "auto_publish_route_enabled": True,
                "zone": [{"zone_id": "cn-hangzhou-h"}],
            },
        )
        for kind in ("association", "propagation"):
            _resource(
                site,
                kind,
                f"alicloud_cen_transit_router_route_table_{kind}",
                {
                    "transit_router_attachment_id": attachment.get_string_attribute("id"),
                    "transit_router_route_table_id": table.get_string_attribute("transit_router_route_table_id"),
                },
            )


def build_constructs(app: App, connections: int, stacks: int = 1) -> None:
    """The same N sites with the VPN constructs (dual-tunnel, all console defaults, sensitive PSK), spread
    over ``stacks`` stacks that each have their own CEN and transit router."""
    from constructs_vpn.alicloud.provider import AlicloudProvider
    from constructs_vpn.core import TerraformVariable
    from constructs_vpn.vpn import CenInstance, CustomerGateway, IpsecConnection, TransitRouter

    per_stack = -(-connections // stacks)
    for index in range(connections):
        if index % per_stack == 0:
            stack = TerraformStack(app, f"bench-{index // per_stack}" if stacks > 1 else "bench")
            AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
            tr = TransitRouter(stack, "tr", cen=CenInstance(stack, "cen", name="bench"))
            psk = TerraformVariable(stack, "psk", type="string", sensitive=True)
        gateway = CustomerGateway(stack, f"cgw-{index}", ip_address=f"203.0.{index // 256 % 256}.{index % 256}")
        IpsecConnection(
            stack, f"site-{index}", transit_router=tr, name=f"site-{index}", customer_gateway=gateway, psk=psk
        )


VPN_IMPORT = "from constructs_vpn.vpn import IpsecConnection, TransitRouter"


def import_ms(statement: str = "import constructs_vpn.core", *, bytecode: bool = True) -> float:
    """The fastest of three cold runs of the import ``statement``, each in a new interpreter: with all bytecode
    compiled and cached beforehand, or (``bytecode=False``) with none written (see the module docstring)."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    with tempfile.TemporaryDirectory() as cache:
        if bytecode:
            env["PYTHONPYCACHEPREFIX"] = cache
            subprocess.check_output([sys.executable, "-c", code], env=env)  # compiles and caches
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        runs = [float(subprocess.check_output([sys.executable, "-c", code], env=env, text=True)) for _ in range(3)]
    return round(min(runs) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--constructs", action="store_true", help="build the sites with the VPN constructs")
    parser.add_argument("--stacks", type=int, default=1, help="spread the sites over this many stacks (--constructs)")
    args = parser.parse_args()

    def build(app: App, connections: int) -> None:
        if args.constructs:
            build_constructs(app, connections, args.stacks)
        else:
            build_generic(app, connections)

    with tempfile.TemporaryDirectory() as tmp:
        outdir = Path(tmp) / "cdktf.out"
        start = time.perf_counter()
        app = App(outdir=outdir)
        build(app, args.connections)
        result = app.synth()
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the comparison dump below
        dump_start = time.perf_counter()
        for document in result.documents.values():
            json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)
        dump_seconds = time.perf_counter() - dump_start
    resources = sum(len(items) for d in result.documents.values() for items in d.get("resource", {}).values())
    print(
        json.dumps(
            {
                "connections": args.connections,
                "constructs": args.constructs,
                "stacks": len(result.documents),
                "resources": resources,
                "seconds": round(seconds, 3),
                "peak_rss_mib": round(peak, 1),
                "json_dump_seconds": round(dump_seconds, 3),
                "ratio_to_json_dump": round(seconds / dump_seconds, 2),
                "import_ms": import_ms(),
                # constructs_vpn.vpn loads its modules on first use: time what an app imports
                "import_vpn_ms": import_ms(VPN_IMPORT),
                "import_vpn_uncached_ms": import_ms(VPN_IMPORT, bytecode=False),
            }
        )
    )


if __name__ == "__main__":
    main()
