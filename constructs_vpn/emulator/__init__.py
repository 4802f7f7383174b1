"""A local stand-in for the ``aliyun/alicloud`` Terraform provider, for tests and for trying stacks without a
cloud account.

Terraform loads it from a filesystem mirror (``constructs-vpn emulator setup DIR``) and runs it as a
plugin process; it speaks the real plugin protocol (via the PyPI ``tf`` framework, the ``emulator`` extra),
serves the vendored provider schema, and keeps the emulated cloud in an SQLite state file.

Modules: ``schema`` (translation of the vendored schema), ``values`` (planning and state shaping),
``store`` (the state file), ``families`` (behaviour per resource family), ``rules`` (what the API
enforces), ``faults`` (fault injection), ``provider`` and ``server`` (the plugin), ``tls`` (the plugin's
mutual TLS), ``mirror`` (setup). Only ``provider`` and ``server`` need the ``tf`` framework.
"""

from __future__ import annotations

from .faults import FAULTS_ENV as FAULTS_ENV
from .mirror import Installation as Installation
from .mirror import install as install
from .store import STATE_ENV as STATE_ENV
from .store import Store as Store

__all__ = ["FAULTS_ENV", "STATE_ENV", "Installation", "Store", "install"]
