"""Running the real terraform binary against the emulator: one workspace per scenario, each with its own
state file, ``$HOME`` and init; nothing is written outside the test's temporary directory."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from constructs_vpn.emulator.store import Store
from tests.tooling import REPO_DIR, require, require_executable

TERRAFORM_HINT = "install Terraform 1.11 (https://developer.hashicorp.com/terraform/install) to run the emulator tests"
#: A pre-shared key the API accepts, for variables the example stacks leave to the user.
VARIABLE_VALUE = "Emulated-Psk-2024"


def require_emulator() -> None:
    """Skip (fail in CI) without the ``tf`` framework the emulator runs on."""
    require(
        importlib.util.find_spec("tf") is not None,
        "the PyPI package tf is not installed; pip install -e '.[emulator]'",
    )


def terraform_binary() -> str:
    require_emulator()
    return require_executable("terraform", TERRAFORM_HINT)


@dataclass
class Run:
    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def __str__(self) -> str:
        return f"terraform {' '.join(self.args)} -> {self.code} in {self.seconds:.1f}s\n{self.output}"


@dataclass
class Workspace:
    """A folder holding one Terraform document, run against the emulator installed in ``installation``."""

    directory: Path
    terraform: str
    base_env: Mapping[str, str]
    extra_env: dict[str, str] = field(default_factory=dict)
    runs: list[Run] = field(default_factory=list)

    @property
    def state_file(self) -> Path:
        return self.directory / "emulator-state.db"

    @property
    def document_path(self) -> Path:
        return self.directory / "main.tf.json"

    def env(self) -> dict[str, str]:
        home = self.directory / ".home"
        home.mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "CONSTRUCTS_VPN_EMULATOR_"))}
        env.update(self.base_env)
        env.update(
            HOME=str(home),
            TF_IN_AUTOMATION="1",
            TF_INPUT="0",
            CONSTRUCTS_VPN_EMULATOR_STATE=str(self.state_file),
            CONSTRUCTS_VPN_EMULATOR_LOG=str(self.directory / "emulator.log"),
        )
        env.update(self.extra_env)
        return env

    def write(self, document: Mapping[str, Any]) -> None:
        self.document_path.write_text(json.dumps(document, indent=2), encoding="utf-8")

    def document(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.document_path.read_text(encoding="utf-8"))
        return loaded

    def run(self, *args: str, expect: int | None = 0, timeout: float = 600) -> Run:
        started = time.monotonic()
        completed = subprocess.run(
            [self.terraform, *args],
            cwd=self.directory,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        run = Run(tuple(args), completed.returncode, completed.stdout, completed.stderr, time.monotonic() - started)
        self.runs.append(run)
        if expect is not None:
            assert run.code == expect, str(run)
        return run

    def init(self) -> Run:
        return self.run("init", "-no-color", "-input=false")

    def apply(self, expect: int | None = 0) -> Run:
        return self.run("apply", "-auto-approve", "-no-color", "-input=false", expect=expect)

    def destroy(self, expect: int | None = 0) -> Run:
        return self.run("destroy", "-auto-approve", "-no-color", "-input=false", expect=expect)

    def plan_exit_code(self) -> int:
        """``plan -detailed-exitcode``: 0 no changes, 2 changes, 1 error."""
        return self.run("plan", "-detailed-exitcode", "-no-color", "-input=false", expect=None).code

    def plan_actions(self) -> dict[str, list[str]]:
        """Plan into ``plan.bin``; the actions of every resource change, by address (no-ops left out)."""
        planned = self.run("plan", "-out=plan.bin", "-no-color", "-input=false", expect=None)
        assert planned.code == 0, str(planned)
        shown = self.run("show", "-json", "plan.bin")
        plan = json.loads(shown.stdout)
        return {
            change["address"]: change["change"]["actions"]
            for change in plan.get("resource_changes", [])
            if change["change"]["actions"] != ["no-op"] and change["mode"] == "managed"
        }

    def apply_plan(self) -> Run:
        return self.run("apply", "-no-color", "-input=false", "plan.bin")

    def cloud(self) -> dict[str, dict[str, Any]]:
        """The emulator's objects: type -> id -> record."""
        return cloud_objects(self.state_file)

    def managed_ids(self, state: str = "terraform.tfstate") -> dict[str, str]:
        """Address -> id of every managed resource in Terraform's (local) state file."""
        path = self.directory / state
        resources = json.loads(path.read_text(encoding="utf-8")).get("resources", []) if path.exists() else []
        return {
            f"{r['type']}.{r['name']}" + (f"[{i['index_key']!r}]" if "index_key" in i else ""): i["attributes"]["id"]
            for r in resources
            if r["mode"] == "managed"
            for i in r["instances"]
        }


def cloud_objects(state: Path) -> dict[str, dict[str, Any]]:
    """The objects of the emulator state ``state`` (none when it does not exist yet): type -> id -> record."""
    if not state.exists():
        return {}
    with Store(state).snapshot() as cloud:
        return {type_name: dict(cloud.records(type_name)) for type_name in cloud.types()}


def cloud_ids(cloud: Mapping[str, Mapping[str, Any]], *, managed_only: bool = True) -> list[str]:
    """Every object id in the emulator; system route tables (created with a transit router) left out."""
    return sorted(
        id
        for type_name, table in cloud.items()
        for id, record in table.items()
        if not (
            managed_only
            and type_name == "alicloud_cen_transit_router_route_table"
            and record["attributes"].get("transit_router_route_table_type") == "System"
        )
    )


def prepare(document: Mapping[str, Any], state_path: Path) -> dict[str, Any]:
    """A synthesized stack made runnable here: its state in ``state_path``, variables without a default
    supplied through ``TF_VAR_*`` (see :func:`stack_env`)."""
    result: dict[str, Any] = json.loads(json.dumps(document))
    terraform = result.setdefault("terraform", {})
    terraform["backend"] = {"local": {"path": str(state_path)}}
    return result


def stack_env(document: Mapping[str, Any]) -> dict[str, str]:
    """What running a synthesized stack needs from the environment: ``TF_VAR_*`` for each variable without
    a default (a key the API accepts; maps get the keys the document looks up). The account each provider
    block acts as comes from the document itself (``account_id``, an assumed role's ARN)."""
    text = json.dumps(document)
    env: dict[str, str] = {}
    for name, variable in document.get("variable", {}).items():
        if "default" in variable:
            continue
        kind = str(variable.get("type", "string"))
        if kind.startswith(("map(", "object(")):
            quoted = r'\\"([^"\\]+)\\"'
            keys = re.findall(rf"lookup\(var\.{name}, {quoted}", text) + re.findall(rf"var\.{name}\[{quoted}\]", text)
            env[f"TF_VAR_{name}"] = json.dumps(dict.fromkeys(sorted(set(keys)), VARIABLE_VALUE))
        elif kind.startswith(("list(", "set(")):
            env[f"TF_VAR_{name}"] = json.dumps([VARIABLE_VALUE])
        else:
            env[f"TF_VAR_{name}"] = VARIABLE_VALUE
    return env


PROVIDER = {"alicloud": [{"region": "cn-hangzhou"}]}
REQUIRED = {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": "~> 1.289"}}}


def document(resources: Mapping[str, Mapping[str, Any]], **extra: Any) -> dict[str, Any]:
    """A small hand-written Terraform JSON document for ``resources`` (type -> name -> attributes)."""
    return {"terraform": REQUIRED, "provider": PROVIDER, "resource": resources, **extra}


@contextlib.contextmanager
def reattached(workspace: Workspace) -> Iterator[dict[str, str]]:
    """One provider process serving every terraform run of ``workspace`` (and of workspaces sharing its
    emulated cloud): the environment that points terraform at it (``TF_REATTACH_PROVIDERS``). Starting
    Python once per scenario rather than a few times per command makes a long replay several times faster."""
    from constructs_vpn.emulator.server import REATTACH_ENV

    env = {**workspace.env(), REATTACH_ENV: "1", "PYTHONPATH": str(REPO_DIR)}
    process = subprocess.Popen(
        [sys.executable, "-P", "-m", "constructs_vpn.emulator"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("{"), f"the emulator printed no reattach line (exit {process.poll()})"
        yield {"TF_REATTACH_PROVIDERS": line.strip()}
    finally:
        process.terminate()
        process.wait(timeout=30)
