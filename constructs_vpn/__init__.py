"""constructs-vpn: Alibaba Cloud IPsec-VPN connections to CEN transit routers as code.

The engine's names (``App``, ``TerraformStack``, ``ValidationError``, ...) are importable from here; they load
on first use (PEP 562), so ``import constructs_vpn`` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .core import App as App
    from .core import ConstructsVpnError as ConstructsVpnError
    from .core import Problem as Problem
    from .core import SynthError as SynthError
    from .core import TerraformStack as TerraformStack
    from .core import ValidationError as ValidationError

_LAZY = {
    "App": "constructs_vpn.core",
    "ConstructsVpnError": "constructs_vpn.core",
    "Problem": "constructs_vpn.core",
    "SynthError": "constructs_vpn.core",
    "TerraformStack": "constructs_vpn.core",
    "ValidationError": "constructs_vpn.core",
}

__all__ = ["App", "ConstructsVpnError", "Problem", "SynthError", "TerraformStack", "ValidationError", "__version__"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'constructs_vpn' has no attribute {name!r}")
    return getattr(import_module(module), name)
