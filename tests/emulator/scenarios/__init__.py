"""Lifecycle scenarios of the emulated resource types, written for this project from the provider's schema
(``constructs_vpn/alicloud/schema``: attribute names, ForceNew flags, enums) and the API's documented errors.

A scenario is a list of steps run in order in one workspace against the emulator (``test_scenarios.py``):
each step's configuration is planned, the plan must be the step's ``changes`` (address -> terraform's
actions), it is applied and the next plan must be empty; or the apply must be refused with ``refused`` (an
API error code). After the steps the resources of the last applied step are imported into a fresh state and
compared attribute by attribute (as the SDK's ImportStateVerify does), then everything is destroyed and the
emulated cloud must be empty. Every step says which provider or API behaviour it checks (``fact``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

CREATE = ["create"]
UPDATE = ["update"]
REPLACE = ["delete", "create"]


@dataclass(frozen=True)
class Step:
    """One configuration: ``resources`` (type -> name -> arguments) and ``data`` sources as Terraform JSON,
    ``outputs`` (name -> expression) whose values after apply must equal ``expect_outputs``."""

    fact: str
    resources: Mapping[str, Mapping[str, Any]]
    changes: Mapping[str, list[str]] = field(default_factory=dict)
    refused: str | None = None
    data: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    outputs: Mapping[str, str] = field(default_factory=dict)
    expect_outputs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Scenario:
    name: str
    steps: tuple[Step, ...]
    #: Import every resource of the last step into a fresh state and compare it with the created one.
    import_verify: bool = True
