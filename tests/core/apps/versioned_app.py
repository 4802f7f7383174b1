"""A small multi-stack app whose content depends on argv: ``versioned_app.py OUTDIR VERSION [STACKS] [--stall]``.

With ``--stall`` it stops for good after writing its first output file, so a test can kill it mid-synth.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from constructs_vpn.core import App, TerraformResource, TerraformStack


def build(outdir: str, version: str, stacks: int = 3) -> App:
    app = App(outdir=outdir)
    for index in range(stacks):
        stack = TerraformStack(app, f"stack-{index}")
        for number in range(20):
            TerraformResource(
                stack, f"r{number}", terraform_resource_type="t_res", attributes={"version": version, "n": number}
            )
    return app


def _stall_after_first_write() -> None:
    original = Path.write_text

    def write_text(self: Path, data: str, *args: Any, **kwargs: Any) -> int:
        written = original(self, data, *args, **kwargs)
        print("WRITING", flush=True)
        time.sleep(60)
        return written

    Path.write_text = write_text  # type: ignore[method-assign]


if __name__ == "__main__":
    outdir, version = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 3
    if "--stall" in sys.argv:
        _stall_after_first_write()
    build(outdir, version, count).synth()
