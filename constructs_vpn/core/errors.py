"""The exceptions a user of the library can see.

``ConstructsVpnError`` › ``ValidationError`` (also a ``ValueError``): a user mistake, found before anything is
written or deployed. One ``ValidationError`` carries every problem of a synth, each naming the construct path,
the field, the rule and a fix. ``ConstructsVpnError`` › ``SynthError``: the app is valid but its output could
not be written (file system, output folder).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["ConstructsVpnError", "Problem", "SynthError", "ValidationError"]


class ConstructsVpnError(Exception):
    """Base of every exception this library raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the app: where, which field, which rule, and how to fix it."""

    path: str
    """Construct path, e.g. ``ipsec-vpn/site-a``; empty for the app itself."""
    message: str
    """What is wrong, with the offending value unless it is a secret."""
    field: str = ""
    """Dotted field path inside the construct, e.g. ``bgp_config.local_bgp_ip``."""
    rule: str = ""
    """Stable rule id a program can match on, e.g. ``bgp-ip-in-tunnel-cidr``."""
    fix: str = ""
    """What to change."""

    def __str__(self) -> str:
        where = f"[{self.path}]" if self.path else "[app]"
        text = f"{where} {self.field}: {self.message}" if self.field else f"{where} {self.message}"
        if self.rule:
            text += f" (rule {self.rule})"
        if self.fix:
            text += f"; fix: {self.fix}"
        return text


class ValidationError(ConstructsVpnError, ValueError):
    """The app declares something that cannot be synthesized or deployed; ``problems`` lists all of it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        if count == 1:
            text = str(self.problems[0])
        else:
            text = f"{count} problems:\n" + "\n".join(f"  {p}" for p in self.problems)
        super().__init__(text)

    @classmethod
    def single(cls, path: str, message: str, *, field: str = "", rule: str = "", fix: str = "") -> ValidationError:
        """Shorthand for an error with one problem."""
        return cls([Problem(path, message, field, rule, fix)])


class SynthError(ConstructsVpnError):
    """The output could not be written (not a mistake in the app)."""


# Tracebacks name the public front (``constructs_vpn.ValidationError``), not this private path.
for _cls in (ConstructsVpnError, ValidationError, SynthError, Problem):
    _cls.__module__ = "constructs_vpn"
