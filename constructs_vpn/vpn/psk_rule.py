"""The console's pre-shared key rule (``console.PSK_*``, the table ``types.check_sent_psk`` reads) as Terraform
``validation`` blocks on the variables that carry keys: ``terraform plan`` then refuses a bad or missing key
before anything is created, one message per key, instead of failing mid-apply or with an "Invalid index"
per tunnel."""

from __future__ import annotations

from collections.abc import Sequence

from ..core import Fn, TerraformVariable
from . import console

__all__ = ["PSK_PATTERN", "add_psk_validation"]

#: The rule as an RE2 pattern for Terraform's ``regex``: every special character escaped (RE2 accepts ``\``
#: before any ASCII punctuation, https://github.com/google/re2/wiki/Syntax), so no ``${`` or ``%{`` appears.
PSK_PATTERN = (
    "^[A-Za-z0-9"
    + "".join(f"\\{c}" for c in console.PSK_SPECIAL_CHARACTERS)
    + f"]{{{console.PSK_MIN_LENGTH},{console.PSK_MAX_LENGTH}}}$"
)
_RULE = (
    f"{console.PSK_MIN_LENGTH}-{console.PSK_MAX_LENGTH} characters: letters, digits and "
    f"{console.PSK_SPECIAL_CHARACTERS}, no spaces (the console's rule)"
)


def add_psk_validation(variable: TerraformVariable, names: Sequence[str] | None = None) -> None:
    """A ``validation`` block on ``variable``: a string key must follow the console's rule; for a map of keys
    (``names`` given), one block per name, which refuses that name's key when it is missing or breaks the rule."""
    variable_name = variable.node.id
    if names is None:
        variable.add_validation(
            condition=Fn.can(Fn.regex(PSK_PATTERN, variable.value)),
            error_message=f"var.{variable_name}: a pre-shared key has {_RULE}; set TF_VAR_{variable_name} to one.",
        )
        return
    for name in names:
        variable.add_validation(
            condition=Fn.can(Fn.regex(PSK_PATTERN, Fn.lookup(variable.value, name, ""))),
            error_message=f"var.{variable_name}: the key of {name!r} is missing or breaks the rule: a pre-shared "
            f"key has {_RULE}; give {name!r} one in TF_VAR_{variable_name}.",
        )
