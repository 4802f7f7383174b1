"""Run differential apps in one process: ``python runner.py (cdktf|engine) WORKDIR APP...``.

Each app module in ``apps/`` defines ``build(app)`` (which may return ``{file name: text}`` to compare too)
and optionally ``APP_OPTIONS`` (keyword arguments of
``App``), written against cdktf's Python API (``from cdktf import ...``, ``from constructs import Construct``).
With ``engine``, the modules ``cdktf`` and ``constructs`` are ``constructs_vpn.core``: only the imports change.
Every app runs with ``WORKDIR`` as working directory (the local backend writes its absolute path; jsii's node
process keeps the directory it started in, so the Python side must not change it) and writes
``WORKDIR/<app>/<flavour>.out``. A failure is written to ``WORKDIR/<app>/<flavour>.error``.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from pathlib import Path


def main() -> None:
    flavour, workdir, *names = sys.argv[1:]
    if flavour == "engine":
        import constructs_vpn.core as engine

        sys.modules["cdktf"] = engine
        sys.modules["constructs"] = engine
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.chdir(workdir)
    for name in names:
        folder = Path(workdir).absolute() / name
        folder.mkdir(parents=True, exist_ok=True)
        try:
            module = importlib.import_module(f"tests.differential.apps.{name}")
            import cdktf

            app = cdktf.App(outdir=str(folder / f"{flavour}.out"), **getattr(module, "APP_OPTIONS", {}))
            built = module.build(app)
            app.synth()
            # An app may return more text to compare (e.g. what Testing.synth returns), written beside.
            for relative, text in (built or {}).items():
                (folder / f"{flavour}.out" / relative).write_text(text, "utf-8")
        except Exception:  # reported to the test, which fails on it
            (folder / f"{flavour}.error").write_text(traceback.format_exc(), "utf-8")


if __name__ == "__main__":
    main()
