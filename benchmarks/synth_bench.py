"""Synthesis speed and memory: N IPsec sites of 5 resources each, plus a shared CEN, TR and route table.

Prints one JSON line: ``{"python", "connections", "constructs", "stacks", "resources", "runs", "seconds",
"cpu_seconds", "peak_rss_mib", "json_dump_seconds", "json_dump_cpu_seconds", "ratio_to_json_dump",
"cpu_ratio_to_json_dump", "import_bytecode", "import_ms", "import_vpn_ms", "import_ms_uncached",
"import_vpn_ms_uncached", "first_site_ms"}``.

``seconds`` covers building the constructs and writing ``cdktf.out``; ``json_dump_seconds`` is a plain
``json.dumps`` (same settings) of the same documents, the floor any engine pays (on Python 3.11 the stdlib's
indenting encoder is pure Python; where it is C the floor is lower: compare ratios of one ``python`` only).
Both are the best of ``--runs`` runs (after a small warm-up run), taken in turns; each ratio is the median of
the runs' own ratios (a synthesis over the dump right after it, so that a busy moment slows both alike), the
figure to quote from a shared machine. ``import_ms`` and ``import_vpn_ms`` are the imports of the core and of
the VPN constructs in a new interpreter with their bytecode compiled beforehand (into a temporary cache),
``..._uncached`` without it. ``first_site_ms`` is what an app waits for its first site in a new interpreter
(bytecode compiled): the import, then building and synthesizing one dual-tunnel site (``FIRST_SITE``), which
pays whatever the import leaves for first use. ``--constructs`` builds the sites with the VPN constructs
(dual-tunnel ``IpsecConnection``) instead of generic resources. Not a test: run it by hand and record the figures
(``--connections 1000``).
"""

from __future__ import annotations

import argparse
import gc
import json
import operator
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
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


#: A one-site app from its first import to its synthesized outdir (``{outdir}``): stack, provider, CEN, transit
#: router, customer gateway and a dual-tunnel connection.
FIRST_SITE = """\
from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.core import App, TerraformStack
from constructs_vpn.vpn import CenInstance, CustomerGateway, IpsecConnection, TransitRouter
app = App(outdir={outdir!r})
stack = TerraformStack(app, "site")
AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
tr = TransitRouter(stack, "tr", cen=CenInstance(stack, "cen", name="site"))
gateway = CustomerGateway(stack, "cgw", ip_address="203.0.113.1")
IpsecConnection(stack, "site", transit_router=tr, name="site", customer_gateway=gateway)
app.synth()"""


def import_ms(statement: str = "import constructs_vpn.core", *, bytecode: bool = True) -> float:
    """The fastest of three runs of ``statement`` (an import, or ``FIRST_SITE``), each in a new interpreter: with
    ``bytecode``, from a cache compiled by a first, untimed run (the usual case after installation); else
    compiling every module."""
    code = f"import time\nt = time.perf_counter()\n{statement}\nprint(time.perf_counter() - t)"
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
        if bytecode:
            env["PYTHONPYCACHEPREFIX"] = cache
            subprocess.run([sys.executable, "-c", statement], env=env, check=True)
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env["PYTHONPYCACHEPREFIX"] = cache  # empty: bytecode the install may have is not read
        runs = [float(subprocess.check_output([sys.executable, "-c", code], text=True, env=env)) for _ in range(3)]
    return round(min(runs) * 1000, 1)


def first_site_ms() -> float:
    """``FIRST_SITE`` timed as ``import_ms`` times an import, into a temporary outdir."""
    with tempfile.TemporaryDirectory() as outdir:
        return import_ms(FIRST_SITE.format(outdir=outdir))


def measure(build: Callable[[App, int], None], connections: int, runs: int) -> dict[str, Any]:
    """Best-of-``runs`` figures of synthesis and of ``json.dumps`` of its documents, taken in turns; the ratios
    are the median of each run's synthesis over the dump right after it (a busy moment slows both)."""
    synth_wall: list[float] = []
    synth_cpu: list[float] = []
    dump_wall: list[float] = []
    dump_cpu: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        warm_up = App(outdir=Path(tmp) / "warm-up")
        build(warm_up, min(connections, 20))
        warm_up.synth()
        peak = 0.0
        for run in range(runs):
            start, cpu_start = time.perf_counter(), time.process_time()
            app = App(outdir=Path(tmp) / f"cdktf.out-{run}")
            build(app, connections)
            result = app.synth()
            synth_wall.append(time.perf_counter() - start)
            synth_cpu.append(time.process_time() - cpu_start)
            if run == 0:  # before any comparison dump
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            start, cpu_start = time.perf_counter(), time.process_time()
            for document in result.documents.values():
                json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)
            dump_wall.append(time.perf_counter() - start)
            dump_cpu.append(time.process_time() - cpu_start)
            stacks = len(result.documents)
            resources = sum(len(items) for d in result.documents.values() for items in d.get("resource", {}).values())
            del app, result
            gc.collect()  # the constructs are cycles (node and host): free them before the next run, untimed
    return {
        "stacks": stacks,
        "resources": resources,
        "runs": runs,
        "seconds": round(min(synth_wall), 3),
        "cpu_seconds": round(min(synth_cpu), 3),
        "peak_rss_mib": round(peak, 1),
        "json_dump_seconds": round(min(dump_wall), 3),
        "json_dump_cpu_seconds": round(min(dump_cpu), 3),
        "ratio_to_json_dump": round(statistics.median(map(operator.truediv, synth_wall, dump_wall)), 2),
        "cpu_ratio_to_json_dump": round(statistics.median(map(operator.truediv, synth_cpu, dump_cpu)), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--constructs", action="store_true", help="build the sites with the VPN constructs")
    parser.add_argument("--stacks", type=int, default=1, help="spread the sites over this many stacks (--constructs)")
    parser.add_argument("--runs", type=int, default=5, help="take the best of this many runs")
    args = parser.parse_args()

    def build(app: App, connections: int) -> None:
        if args.constructs:
            build_constructs(app, connections, args.stacks)
        else:
            build_generic(app, connections)

    figures = measure(build, args.connections, max(1, args.runs))
    vpn_import = "from constructs_vpn.vpn import IpsecConnection, TransitRouter"
    print(
        json.dumps(
            {
                "python": sys.version.split()[0],
                "connections": args.connections,
                "constructs": args.constructs,
                **figures,
                "import_bytecode": "compiled beforehand (import_ms, import_vpn_ms, first_site_ms); none (..._uncached)",
                "import_ms": import_ms(),
                # constructs_vpn.vpn loads its modules on first use: time what an app imports
                "import_vpn_ms": import_ms(vpn_import),
                "import_ms_uncached": import_ms(bytecode=False),
                "import_vpn_ms_uncached": import_ms(vpn_import, bytecode=False),
                "first_site_ms": first_site_ms(),
            }
        )
    )


if __name__ == "__main__":
    main()
