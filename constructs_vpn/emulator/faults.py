"""Fault injection from ``CONSTRUCTS_VPN_EMULATOR_FAULTS``, for tests of failure paths.

The variable holds rules separated by ``;``::

    PATTERN:EFFECT[@N]

``PATTERN`` is an API action (``CreateVpnAttachment``), shell wildcards allowed (``Create*``, ``*``).
``EFFECT`` is ``fail`` (error ``Throttling.User``), ``fail=CODE`` (that error code), ``slow=SECONDS`` (the call
waits first, 0 to :data:`MAX_DELAY` seconds; Terraform's stop request, e.g. on Ctrl-C, cuts the wait short and
the call fails before it changes anything) or ``crash`` (the provider process dies before the call changes anything).
``@N`` limits the rule to the Nth call of a matching action, counted in the state file across every
provider process; without it the rule applies to every call. Example::

    CONSTRUCTS_VPN_EMULATOR_FAULTS="CreateTransitRouterVpnAttachment:fail@1;DeleteCen:slow=2"
"""

from __future__ import annotations

import fnmatch
import math
import os
import re
from dataclasses import dataclass
from typing import Literal, cast

__all__ = ["FAULTS_ENV", "MAX_DELAY", "Fault", "parse_faults"]

FAULTS_ENV = "CONSTRUCTS_VPN_EMULATOR_FAULTS"
#: The longest ``slow=`` delay, in seconds (an hour: longer is a mistake, and ``inf`` cannot be waited for).
MAX_DELAY = 3600.0

_RULE = re.compile(r"^(?P<pattern>[A-Za-z*?\[\]!]+):(?P<effect>fail|slow|crash)(?:=(?P<arg>[^@]+))?(?:@(?P<nth>\d+))?$")


Effect = Literal["fail", "slow", "crash"]


@dataclass(frozen=True)
class Fault:
    pattern: str
    effect: Effect
    argument: str | None = None
    nth: int | None = None

    def matches(self, action: str) -> bool:
        return fnmatch.fnmatchcase(action, self.pattern)

    @property
    def seconds(self) -> float:
        return float(self.argument or 0)


def _check_delay(rule: str, text: str) -> None:
    """``slow=`` takes a finite number of seconds from 0 to :data:`MAX_DELAY`."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not 0 <= seconds <= MAX_DELAY:  # also false for nan
        raise ValueError(f"{FAULTS_ENV}: {rule!r} needs a number of seconds from 0 to {MAX_DELAY:g}, e.g. slow=2")


def parse_faults(text: str | None = None) -> tuple[Fault, ...]:
    """The rules in ``text`` (default: the environment variable); ``ValueError`` names a malformed rule."""
    text = os.environ.get(FAULTS_ENV, "") if text is None else text
    faults: list[Fault] = []
    for raw in filter(None, (part.strip() for part in text.split(";"))):
        match = _RULE.match(raw)
        if match is None:
            raise ValueError(
                f"{FAULTS_ENV}: cannot read rule {raw!r}; expected PATTERN:fail[=CODE][@N], "
                "PATTERN:slow=SECONDS[@N] or PATTERN:crash[@N]"
            )
        effect = match["effect"]
        argument = match["arg"]
        if effect == "slow":
            _check_delay(raw, argument or "")
        nth = int(match["nth"]) if match["nth"] else None
        faults.append(Fault(match["pattern"], cast(Effect, effect), argument, nth))
    return tuple(faults)
