"""Which stacks a lifecycle command runs, and in which order: cdktf's rules (``stack-helpers.ts``).

A pattern is a glob over stack names (cdktf uses minimatch; ``fnmatch`` matches the same names for ``*``, ``?``
and ``[...]`` over names without ``/``). No pattern selects the only stack, or is an error with several.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

from ...core.errors import ConstructsVpnError
from ..project import Manifest


def select(manifest: Manifest, patterns: list[str], action: str) -> list[str]:
    """The stacks ``patterns`` name, each once, in the order the patterns (then the manifest) give them."""
    names = list(manifest.stacks)
    if not patterns:
        if len(names) == 1:
            return names
        raise ConstructsVpnError(
            f"found more than one stack in {manifest.outdir / 'manifest.json'}: name the stack to {action} "
            f"(`constructs-vpn {action} STACK`, globs such as '*' allowed) among: {', '.join(names)}"
        )
    chosen: list[str] = []
    for pattern in patterns:
        matches = [name for name in names if fnmatchcase(name, pattern)]
        if not matches:
            raise ConstructsVpnError(
                f"no stack matches {pattern!r} in {manifest.outdir / 'manifest.json'}; the stacks are: "
                f"{', '.join(names)}"
            )
        chosen += [name for name in matches if name not in chosen]
    return chosen


def dependencies(manifest: Manifest, stacks: list[str]) -> dict[str, list[str]]:
    """Each chosen stack's dependencies among the chosen stacks (the manifest's graph, checked)."""
    graph = manifest.dependencies()
    return {name: [d for d in graph[name] if d in stacks] for name in stacks}


def dependants(manifest: Manifest, stacks: list[str]) -> dict[str, list[str]]:
    """Each chosen stack's dependants among the chosen stacks: what must be destroyed before it."""
    graph = dependencies(manifest, stacks)
    return {name: sorted(other for other in stacks if name in graph[other]) for name in stacks}


def check_included(manifest: Manifest, stacks: list[str], *, reverse: bool) -> None:
    """Every dependency (``reverse``: every dependant) of a chosen stack is chosen too, as cdktf requires unless
    ``--ignore-missing-stack-dependencies``: otherwise a stack would wait for one that never runs."""
    graph = manifest.dependencies()
    if reverse:
        needed = {other for other in manifest.stacks for name in stacks if name in graph[other]}
        what = "dependant stacks"
    else:
        needed = {dependency for name in stacks for dependency in graph[name]}
        what = "dependencies"
    missing = sorted(needed - set(stacks))
    if missing:
        raise ConstructsVpnError(
            f"the following {what} are not included in the stacks to run: {', '.join(missing)}; "
            "either add them or add the --ignore-missing-stack-dependencies flag"
        )
