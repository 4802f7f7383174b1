"""Time and peak memory of ``constructs-vpn get``, and the import cost of what it writes.

``python benchmarks/get_bench.py [--types N] [--runs R]``. Two schemas: the vendored alicloud subset (36 types,
with its constraints and patches) and one of the full alicloud size, made by copying the vendored types under new
names round-robin until there are N (default 1,000: 600 resources, 400 data sources, as alicloud 1.289 has about
700 and 400), so it has the same shapes, nesting and attribute counts. Each measurement runs in a fresh
interpreter; peak memory is that process's maximum RSS. Targets (issue 13): full provider < 60 s and < 1 GiB;
importing one generated resource module < 50 ms; an app's import time independent of the type count. Import
cost is CPU time (the module being vpn_gateway_vpn_attachment, the largest: 11 models, 17 reference classes).
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
ADDRESS = "registry.terraform.io/aliyun/alicloud"
#: What the child process runs: ``get`` from a saved schema, then reports its time and peak RSS.
_GET = """
import json, resource, sys, time
from pathlib import Path
from constructs_vpn.cli.get import ProviderRequest, get
started, cpu = time.perf_counter(), time.process_time()
get([ProviderRequest("alicloud", "aliyun/alicloud", "~> 1.289")], Path(sys.argv[2]), schema_file=Path(sys.argv[1]))
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "cpu_seconds": cpu, "peak_mib": peak}))
"""
#: Import one generated resource module in a fresh interpreter: the whole cost, and the module's own share.
_IMPORT = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
clock = time.process_time  # CPU time: on a shared machine, wall time mostly measures the wait for a CPU
started = clock()
import constructs_vpn.codegen.runtime, constructs_vpn.core.resource
shared = clock()
import imports.alicloud.vpn_gateway_vpn_attachment
done = clock()
print(json.dumps({"total_ms": (done - started) * 1000, "module_ms": (done - shared) * 1000}))
"""


def full_schema(vendored: dict[str, Any], types: int) -> dict[str, Any]:
    """A schema of ``types`` resources and data sources, copied round-robin from ``vendored``."""
    resources = sorted(vendored["resource_schemas"].items())
    data = sorted(vendored["data_source_schemas"].items())
    want_resources = types * 6 // 10
    out: dict[str, Any] = {"provider": vendored["provider"], "resource_schemas": {}, "data_source_schemas": {}}
    for key, items, count in (
        ("resource_schemas", resources, want_resources),
        ("data_source_schemas", data, types - want_resources),
    ):
        for index in range(count):
            name, spec = items[index % len(items)]
            out[key][name if index < len(items) else f"{name}_copy{index // len(items)}"] = copy.deepcopy(spec)
    return out


def _child(code: str, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args], capture_output=True, text=True, check=True, cwd=REPO
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(schema: dict[str, Any], folder: Path, runs: int) -> dict[str, float]:
    path = folder / "schema.json"
    path.write_text(json.dumps({"format_version": "1.0", "provider_schemas": {ADDRESS: schema}}), encoding="utf-8")
    gets = [_child(_GET, str(path), str(folder / f"imports-{run}")) for run in range(runs)]
    project = folder / "imports-0"
    tree = folder / "tree"
    (tree / "imports").mkdir(parents=True)
    (project / "alicloud").rename(tree / "imports" / "alicloud")
    _child(_IMPORT, str(tree))  # writes the .pyc files, as the first run of an app does
    imports = [_child(_IMPORT, str(tree)) for _ in range(runs)]
    return {
        "types": len(schema["resource_schemas"]) + len(schema["data_source_schemas"]),
        "files": sum(1 for _ in (tree / "imports").rglob("*.py")),
        "get_s": statistics.median(g["seconds"] for g in gets),
        "get_cpu_s": statistics.median(g["cpu_seconds"] for g in gets),
        "peak_mib": max(g["peak_mib"] for g in gets),
        "import_total_ms": statistics.median(i["total_ms"] for i in imports),
        "import_module_ms": statistics.median(i["module_ms"] for i in imports),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--types", type=int, default=1000, help="types in the full-size schema (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from constructs_vpn.alicloud.schema import load_schema

    vendored = load_schema()
    rows = []
    with tempfile.TemporaryDirectory(prefix="get-bench-") as folder:
        for label, schema in (("vendored subset", vendored), ("full size", full_schema(vendored, args.types))):
            sub = Path(folder) / label.replace(" ", "-")
            sub.mkdir()
            rows.append((label, measure(schema, sub, args.runs)))
    print("| schema | types | files | get wall s | get CPU s | peak MiB | import CPU ms: total | of which the module |")
    print("|---|---|---|---|---|---|---|---|")
    for label, row in rows:
        print(
            f"| {label} | {row['types']:.0f} | {row['files']:.0f} | {row['get_s']:.2f} | {row['get_cpu_s']:.2f} | "
            f"{row['peak_mib']:.0f} | "
            f"{row['import_total_ms']:.1f} | {row['import_module_ms']:.1f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
