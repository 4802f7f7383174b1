"""Installing the emulator where Terraform looks for ``aliyun/alicloud``: a filesystem mirror holding a
launcher for this Python, and a CLI configuration (``terraform.rc``) that points at it."""

from __future__ import annotations

import os
import platform
import shlex
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from ..alicloud.schema import PROVIDER_SOURCE, PROVIDER_VERSION
from .store import STATE_ENV

__all__ = ["Installation", "install", "platform_name"]

REGISTRY_HOST = "registry.terraform.io"
_MACHINES = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}


def platform_name() -> str:
    """Terraform's name for this machine's platform, e.g. ``linux_amd64``."""
    machine = platform.machine().lower()
    return f"{platform.system().lower()}_{_MACHINES.get(machine, machine)}"


@dataclass(frozen=True)
class Installation:
    directory: Path
    launcher: Path
    cli_config: Path
    state: Path

    def environment(self) -> dict[str, str]:
        """What a shell (or a test) sets to run terraform against the emulator."""
        return {
            "TF_CLI_CONFIG_FILE": str(self.cli_config),
            STATE_ENV: str(self.state),
            "CHECKPOINT_DISABLE": "1",
            # Keeps `cdktf deploy` from copying the provider into ~/.terraform.d/plugin-cache.
            "CDKTF_DISABLE_PLUGIN_CACHE_ENV": "1",
        }

    def export_lines(self) -> list[str]:
        return [f"export {name}={shlex.quote(value)}" for name, value in self.environment().items()]


def _launcher(python: str, state: Path) -> str:
    source_root = Path(__file__).resolve().parents[2]
    return "\n".join(
        [
            "#!/bin/sh",
            "# aliyun/alicloud emulated by constructs-vpn; written by `constructs-vpn emulator setup`.",
            f': "${{{STATE_ENV}:={shlex.quote(str(state))}}}"',
            f"export {STATE_ENV}",
            f"PYTHONPATH={shlex.quote(str(source_root))}${{PYTHONPATH:+:$PYTHONPATH}}",
            "export PYTHONPATH",
            f'exec {shlex.quote(python)} -P -m constructs_vpn.emulator "$@"',
            "",
        ]
    )


def _cli_config(mirror: Path, direct: bool) -> str:
    address = f"{REGISTRY_HOST}/{PROVIDER_SOURCE}"
    lines = [
        "# Terraform CLI configuration written by `constructs-vpn emulator setup`.",
        "provider_installation {",
        "  filesystem_mirror {",
        f"    path    = {_hcl_string(str(mirror))}",
        f'    include = ["{address}"]',
        "  }",
    ]
    if direct:
        lines += ["  direct {", f'    exclude = ["{address}"]', "  }"]
    return "\n".join([*lines, "}", ""])


def _hcl_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("${", "$${") + '"'


def install(directory: Path, *, python: str | None = None, direct: bool = False) -> Installation:
    """Lay out ``directory``: ``mirror/`` with the launcher as ``aliyun/alicloud`` 1.289.0 for this platform,
    ``terraform.rc`` pointing at it, and ``state.db`` as the default state. ``direct``: let Terraform
    download every other provider from its registry as usual."""
    directory = directory.expanduser().resolve()
    mirror = directory / "mirror"
    name = PROVIDER_SOURCE.split("/")[1]
    package = mirror / REGISTRY_HOST / PROVIDER_SOURCE / PROVIDER_VERSION / platform_name()
    package.mkdir(parents=True, exist_ok=True)
    state = directory / "state.db"
    launcher = package / f"terraform-provider-{name}_v{PROVIDER_VERSION}"
    _write(launcher, _launcher(python or sys.executable, state))
    launcher.chmod(launcher.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    cli_config = directory / "terraform.rc"
    _write(cli_config, _cli_config(mirror, direct))
    return Installation(directory, launcher, cli_config, state)


def _write(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
