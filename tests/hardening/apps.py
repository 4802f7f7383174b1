"""Apps for the hardening tests, run in subprocesses: ``python -m tests.hardening.apps MODE OUTDIR [SEED]``.

``examples``: every example stack, the stacks added in an order drawn from SEED (order must not matter).
``big``: 400 sites in 4 stacks, slow enough to be killed mid-synth.
"""

from __future__ import annotations

import random
import sys

from constructs_vpn.core import App
from stacks import build_app


def shuffled_examples(outdir: str, seed: int) -> App:
    app = build_app(App(outdir=outdir))
    order = list(app.node._children.items())
    random.Random(seed).shuffle(order)
    app.node._children = dict(order)  # the same stacks, added in another order
    return app


def big(outdir: str) -> App:
    from benchmarks.synth_bench import build_constructs

    app = App(outdir=outdir)
    build_constructs(app, 400, stacks=4)
    return app


if __name__ == "__main__":
    mode, outdir = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    (shuffled_examples(outdir, seed) if mode == "examples" else big(outdir)).run()
