"""The emulated cloud's state: one JSON file, locked for every operation and replaced atomically.

Every operation runs in :meth:`Store.transaction`: an exclusive ``flock`` on ``<state>.lock`` (so the
provider processes Terraform starts, and their threads, take turns), a fresh read, and, when something
changed, a write to a temporary file that is fsynced and renamed over the state. A crash at any point
leaves either the old or the new file, never a torn one; a file that is not valid JSON is reported and
left alone, never overwritten.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import string
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["FORMAT", "STATE_ENV", "Cloud", "StateError", "Store"]

#: The environment variable naming the state file.
STATE_ENV = "CONSTRUCTS_VPN_EMULATOR_STATE"
FORMAT = "constructs-vpn-emulator/1"
_ID_ALPHABET = string.ascii_lowercase + string.digits


class StateError(Exception):
    """The state file is not configured, not readable, or not the emulator's."""


class Cloud:
    """The objects of every account and region, keyed by Terraform type and id.

    A record is ``{"account": uid, "region": id, "attributes": {...}}``; the attributes use the provider's
    attribute names, so editing them by hand (drift) shows up in the next ``terraform plan``.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.changed = False

    @staticmethod
    def empty() -> Cloud:
        return Cloud({"format": FORMAT, "objects": {}, "calls": {}})

    @property
    def objects(self) -> dict[str, dict[str, dict[str, Any]]]:
        objects: dict[str, dict[str, dict[str, Any]]] = self.data.setdefault("objects", {})
        return objects

    def get(self, type_name: str, id: str) -> dict[str, Any] | None:
        return self.objects.get(type_name, {}).get(id)

    def records(self, type_name: str) -> list[tuple[str, dict[str, Any]]]:
        return sorted(self.objects.get(type_name, {}).items())

    def put(self, type_name: str, id: str, account: str, region: str, attributes: dict[str, Any]) -> None:
        self.objects.setdefault(type_name, {})[id] = {"account": account, "region": region, "attributes": attributes}
        self.changed = True

    def remove(self, type_name: str, id: str) -> None:
        table = self.objects.get(type_name, {})
        if table.pop(id, None) is not None:
            self.changed = True
        if not table:
            self.objects.pop(type_name, None)

    def count(self) -> int:
        return sum(len(table) for table in self.objects.values())

    def count_call(self, action: str) -> int:
        """Count one more call of API ``action``; its 1-based number."""
        calls: dict[str, int] = self.data.setdefault("calls", {})
        calls[action] = calls.get(action, 0) + 1
        self.changed = True
        return calls[action]

    def new_id(self, prefix: str, length: int) -> str:
        """A fresh id such as ``cen-`` + ``length`` random lowercase letters and digits."""
        taken = {id for table in self.objects.values() for id in table}
        while True:
            candidate = prefix + "".join(secrets.choice(_ID_ALPHABET) for _ in range(length))
            if not any(candidate in id for id in taken):
                return candidate


_FIX = "restore it from a backup, or run `constructs-vpn emulator reset` to start with an empty cloud"


def _structure_problem(data: dict[str, Any]) -> str | None:
    """What is wrong with the shape of a parsed state file (``objects``: type -> id -> record; ``calls``:
    action -> count), or ``None``."""
    objects, calls = data.get("objects", {}), data.get("calls", {})
    if not isinstance(objects, dict):
        return '"objects" must be an object (type -> id -> record)'
    for type_name, table in objects.items():
        if not isinstance(table, dict):
            return f'"objects.{type_name}" must be an object (id -> record)'
        for id, record in table.items():
            if not (
                isinstance(record, dict)
                and isinstance(record.get("attributes"), dict)
                and isinstance(record.get("account"), str)
                and isinstance(record.get("region"), str)
            ):
                return f'"objects.{type_name}.{id}" needs "account" and "region" (strings) and "attributes"'
    if not isinstance(calls, dict) or not all(isinstance(n, int) for n in calls.values()):
        return '"calls" must be an object (API action -> number of calls)'
    return None


class Store:
    """The state file at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock_path = path.with_name(path.name + ".lock")

    @staticmethod
    def from_env() -> Store:
        raw = os.environ.get(STATE_ENV)
        if not raw:
            raise StateError(f"{STATE_ENV} is not set: point it at the emulator's state file (see `emulator setup`)")
        return Store(Path(raw).expanduser().resolve())

    @contextlib.contextmanager
    def _locked(self, mode: int) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # One open file description per use: flock then also orders the threads of one process.
        with open(self._lock_path, "a+b") as handle:
            fcntl.flock(handle.fileno(), mode)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def _load(self) -> Cloud:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Cloud.empty()
        except OSError as error:
            raise StateError(f"cannot read emulator state {self.path}: {error.strerror}") from error
        if not text.strip():
            # Never the emulator's own doing (it writes atomically): an empty cloud here would have the next
            # plan create everything again.
            raise StateError(f"emulator state {self.path} is empty; {_FIX}")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise StateError(f"emulator state {self.path} is not valid JSON ({error}); {_FIX}") from error
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StateError(f'{self.path} is not an emulator state file (no "format": {FORMAT!r}); {_FIX}')
        problem = _structure_problem(data)
        if problem:
            raise StateError(f"emulator state {self.path} is damaged: {problem}; {_FIX}")
        return Cloud(data)

    def _write(self, cloud: Cloud) -> None:
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            # Compact: the whole file is rewritten on every change (pretty-print it to read or edit it).
            text = json.dumps(cloud.data, sort_keys=True, separators=(",", ":")) + "\n"
            with open(temporary, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        finally:
            temporary.unlink(missing_ok=True)
        directory = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Cloud]:
        """The current state, locked; written back when the block changed it and raised nothing."""
        with self._locked(fcntl.LOCK_EX):
            cloud = self._load()
            yield cloud
            if cloud.changed:
                self._write(cloud)

    def read(self) -> Cloud:
        """A consistent snapshot (shared lock), for reading only."""
        with self._locked(fcntl.LOCK_SH):
            return self._load()

    def reset(self) -> None:
        """Forget every object and call count."""
        with self._locked(fcntl.LOCK_EX):
            self._write(Cloud.empty())
