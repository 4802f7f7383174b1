"""The emulated cloud's state: an SQLite database, one row per object, one transaction per operation.

A call costs what it touches, not the size of the cloud: a 6,000-object fleet rewrote a whole JSON file on
every call before. The database is in WAL mode, so the provider processes Terraform starts (several stacks
at once, each with its threads) read without waiting and write one at a time: every writing operation runs
in :meth:`Store.transaction`, which takes the write lock first (``BEGIN IMMEDIATE``, waiting up to
:data:`BUSY_TIMEOUT`), so its reads and writes see no other writer. A crash at any point leaves the last
committed state (SQLite's journal); a new database is built aside and linked into place, so nobody ever
sees a half-made one. A file that is empty, not a database, or not the emulator's is reported with the fix
and left alone, never overwritten. The state holds pre-shared keys in clear: it and its journal files are
for their owner only (mode 0600), and an older state with a looser mode is tightened when opened.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sqlite3
import stat
import string
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

__all__ = ["APPLICATION_ID", "BUSY_TIMEOUT", "FORMAT", "STATE_ENV", "Cloud", "StateError", "Store"]

#: The environment variable naming the state file.
STATE_ENV = "CONSTRUCTS_VPN_EMULATOR_STATE"
FORMAT = "constructs-vpn-emulator/2"
#: Seconds an operation waits for another process's write to end (a 1,000-site apply queues many).
BUSY_TIMEOUT = 300.0
_ID_ALPHABET = string.ascii_lowercase + string.digits
_FIX = "restore it from a backup, or run `constructs-vpn emulator reset` to start with an empty cloud"
#: The fix for a file the emulator does not recognise as its state, which `reset` therefore leaves alone.
_FOREIGN_FIX = (
    f"check the path (--state or ${STATE_ENV}) or restore the state from a backup; `constructs-vpn emulator "
    "reset` replaces only a file it recognises as an emulator state, so delete this one yourself if it is one"
)
#: SQLite's ``application_id`` (header offset 68) of the emulator's databases ("cvpn"): a state too damaged
#: for SQLite to open is still recognised as one.
APPLICATION_ID = int.from_bytes(b"cvpn", "big")
_SQLITE_HEADER = b"SQLite format 3\0"
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE objects (
    type TEXT NOT NULL, id TEXT NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL, attributes TEXT NOT NULL,
    PRIMARY KEY (type, id)
) WITHOUT ROWID;
CREATE INDEX objects_by_id ON objects (id);
CREATE TABLE calls (action TEXT PRIMARY KEY, count INTEGER NOT NULL);
-- Every top-level text attribute, kept by triggers (so also after a hand edit), for lookups by value.
CREATE TABLE fields (
    type TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (type, id, name)
) WITHOUT ROWID;
CREATE INDEX fields_by_value ON fields (type, name, value);
CREATE TRIGGER objects_inserted AFTER INSERT ON objects BEGIN
    INSERT OR REPLACE INTO fields
        SELECT NEW.type, NEW.id, key, value FROM json_each(NEW.attributes) WHERE type = 'text';
END;
CREATE TRIGGER objects_updated AFTER UPDATE ON objects BEGIN
    DELETE FROM fields WHERE type = OLD.type AND id = OLD.id;
    INSERT OR REPLACE INTO fields
        SELECT NEW.type, NEW.id, key, value FROM json_each(NEW.attributes) WHERE type = 'text';
END;
CREATE TRIGGER objects_deleted AFTER DELETE ON objects BEGIN
    DELETE FROM fields WHERE type = OLD.type AND id = OLD.id;
END;
"""


class StateError(Exception):
    """The state file is not configured, not readable, or not the emulator's."""


def _dump(attributes: Mapping[str, Any]) -> str:
    return json.dumps(attributes, sort_keys=True, separators=(",", ":"))


def _renamed(value: Any, ours: str, theirs: str) -> Any:
    """``value`` with every string equal to ``ours``, or ``:``-separated part of one equal to it, replaced by
    ``theirs``, in lists and objects too."""
    if isinstance(value, str):
        return ":".join(theirs if part == ours else part for part in value.split(":"))
    if isinstance(value, list):
        return [_renamed(item, ours, theirs) for item in value]
    if isinstance(value, dict):
        return {key: _renamed(item, ours, theirs) for key, item in value.items()}
    return value


class Cloud:
    """The objects of every account and region, keyed by Terraform type and id, as seen by one operation.

    A record is ``{"account": uid, "region": id, "attributes": {...}}``; the attributes use the provider's
    attribute names, so editing them by hand (drift) shows up in the next ``terraform plan``. Within one
    operation a record is one live dict, as if the cloud were in memory: changes made to it in place are
    written back when the operation commits having changed something (:attr:`changed`).
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self._path = path
        #: (type, id) -> (the record handed out, its attributes as last read or written).
        self._seen: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        self.changed = False

    @staticmethod
    def empty() -> Cloud:
        """A cloud in memory, for one process (unit tests, dry runs)."""
        connection = sqlite3.connect(":memory:", isolation_level=None)
        connection.executescript(_SCHEMA)
        return Cloud(connection, Path(":memory:"))

    def _record(self, type_name: str, id: str, account: Any, region: Any, text: Any) -> dict[str, Any]:
        key = (type_name, id)
        if key in self._seen:
            return self._seen[key][0]
        try:
            attributes = json.loads(text) if isinstance(text, str) else None
        except json.JSONDecodeError:
            attributes = None
        if not (isinstance(attributes, dict) and isinstance(account, str) and isinstance(region, str)):
            problem = f'"{type_name}" "{id}" needs "account" and "region" (text) and "attributes" (a JSON object)'
            raise StateError(f"emulator state {self._path} is damaged: {problem}; {_FIX}")
        record = {"account": account, "region": region, "attributes": attributes}
        self._seen[key] = (record, text)
        return record

    def get(self, type_name: str, id: str) -> dict[str, Any] | None:
        if (type_name, id) in self._seen:
            return self._seen[(type_name, id)][0]
        row = self._db.execute(
            "SELECT account, region, attributes FROM objects WHERE type = ? AND id = ?", (type_name, id)
        ).fetchone()
        return None if row is None else self._record(type_name, id, *row)

    def records(self, type_name: str, /, **match: Any) -> list[tuple[str, dict[str, Any]]]:
        """The objects of ``type_name`` by id; with ``match``, only those whose attributes equal it."""
        sql, parameters = "SELECT id, account, region, attributes FROM objects WHERE type = ?", [type_name]
        for name, value in match.items():
            # The index of text attributes narrows the search; the check below decides.
            if isinstance(value, str):
                sql += " AND id IN (SELECT id FROM fields WHERE type = ? AND name = ? AND value = ?)"
                parameters += [type_name, name, value]
        found = {id: self._record(type_name, id, *rest) for id, *rest in self._db.execute(sql, parameters)}
        # Records changed in place in this operation are not in the database yet: check them as they are.
        found |= {id: record for (t, id), (record, _) in self._seen.items() if t == type_name}
        return [
            (id, record)
            for id, record in sorted(found.items())
            if all(record["attributes"].get(k) == v for k, v in match.items())
        ]

    def types(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT DISTINCT type FROM objects ORDER BY type")]

    def put(self, type_name: str, id: str, account: str, region: str, attributes: dict[str, Any]) -> None:
        text = _dump(attributes)
        self._db.execute(
            "INSERT INTO objects (type, id, account, region, attributes) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO "
            "UPDATE SET account = excluded.account, region = excluded.region, attributes = excluded.attributes",
            (type_name, id, account, region, text),
        )
        self._seen[(type_name, id)] = ({"account": account, "region": region, "attributes": attributes}, text)
        self.changed = True

    def remove(self, type_name: str, id: str) -> None:
        self._seen.pop((type_name, id), None)
        if self._db.execute("DELETE FROM objects WHERE type = ? AND id = ?", (type_name, id)).rowcount:
            self.changed = True

    def count(self) -> int:
        (count,) = self._db.execute("SELECT COUNT(*) FROM objects").fetchone()
        return int(count)

    def calls(self) -> dict[str, int]:
        """The number of calls of each API action that fault injection counted."""
        return {action: int(n) for action, n in self._db.execute("SELECT action, count FROM calls ORDER BY action")}

    def count_call(self, action: str) -> int:
        """Count one more call of API ``action``; its 1-based number."""
        self._db.execute(
            "INSERT INTO calls (action, count) VALUES (?, 1) ON CONFLICT (action) DO UPDATE SET count = count + 1",
            (action,),
        )
        self.changed = True
        (number,) = self._db.execute("SELECT count FROM calls WHERE action = ?", (action,)).fetchone()
        return int(number)

    def new_id(self, prefix: str, length: int) -> str:
        """A fresh id such as ``cen-`` + ``length`` random lowercase letters and digits, in no other id (ids
        such as ``cen-…:tr-…`` are made of others)."""
        while True:
            candidate = prefix + "".join(secrets.choice(_ID_ALPHABET) for _ in range(length))
            if self._db.execute("SELECT 1 FROM objects WHERE instr(id, ?) LIMIT 1", (candidate,)).fetchone() is None:
                return candidate

    def rename(self, ours: str, theirs: str) -> None:
        """Give the id ``ours`` the name ``theirs`` wherever it is a value: an object's id, an attribute at
        any depth, or one part of an ``a:b`` id made of others (:func:`_renamed`). Text that merely contains
        ``ours`` is left alone, and ``theirs`` is stored as a value, never spliced into the stored JSON.
        Records handed out before are stale afterwards."""
        self.flush()
        self._seen.clear()
        stored = json.dumps(ours)[1:-1]  # as it appears in the stored JSON: narrows the search, the walk decides
        rows = self._db.execute(
            "SELECT type, id, account, region, attributes FROM objects WHERE instr(id, ?) OR instr(attributes, ?)",
            (ours, stored),
        ).fetchall()
        for type_name, id, *rest in rows:
            record = self._record(type_name, id, *rest)
            renamed = _renamed(id, ours, theirs)
            if renamed != id and self.get(type_name, renamed) is not None:
                raise StateError(f"cannot rename {type_name} {id} to {renamed}: the emulated cloud has one already")
            self.remove(type_name, id)
            self.put(
                type_name, renamed, record["account"], record["region"], _renamed(record["attributes"], ours, theirs)
            )

    def clear(self) -> None:
        self._seen.clear()
        self._db.execute("DELETE FROM objects")
        self._db.execute("DELETE FROM calls")
        self.changed = True

    def flush(self) -> None:
        """Write the records changed in place."""
        for (type_name, id), (record, text) in list(self._seen.items()):
            if _dump(record["attributes"]) != text:
                self.put(type_name, id, record["account"], record["region"], record["attributes"])


def _siblings(path: Path) -> tuple[Path, Path, Path]:
    """The database file and SQLite's WAL journal and shared-memory index beside it."""
    return path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _make_private(path: Path) -> None:
    """Tighten the state and its journal to their owner (mode 0600): they hold pre-shared keys in clear. For
    a state made before this rule; another user's file is left as it is (it cannot be changed)."""
    for file in _siblings(path):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            mode = stat.S_IMODE(file.stat().st_mode)
            if mode & 0o077:
                file.chmod(mode & 0o600)


def _in_use(error: StateError) -> bool:
    """Whether ``error`` says the state could not be used now (busy beyond the timeout, not readable), not
    that it is damaged: such a state is never replaced."""
    cause = error.__cause__
    return isinstance(cause, sqlite3.OperationalError) and "no such table" not in str(cause)


class Store:
    """The state file at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._private = False

    @staticmethod
    def named(raw: str | Path) -> Store:
        """The state at ``raw`` as a user wrote it: its folder resolved, its own name kept, so that a link
        there is seen as a link (which :meth:`reset` refuses) rather than as the file it points at."""
        path = Path(raw).expanduser()
        return Store(path.parent.resolve() / path.name)

    @staticmethod
    def from_env() -> Store:
        raw = os.environ.get(STATE_ENV)
        if not raw:
            raise StateError(f"{STATE_ENV} is not set: point it at the emulator's state file (see `emulator setup`)")
        return Store.named(raw)

    def _create(self) -> None:
        """An empty database at :attr:`path`, unless one appeared meanwhile: built aside, then linked into
        place (a link never replaces a file), so no process sees a half-made one."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.new")
        temporary.unlink(missing_ok=True)
        try:
            # Mode 0600 from the start (SQLite gives the journal files the database's mode); O_EXCL: never
            # through a link planted at this name.
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
            connection = sqlite3.connect(temporary, isolation_level=None)
            try:
                connection.execute("PRAGMA journal_mode = WAL")  # kept in the file: every later use is WAL
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                connection.executescript(f"BEGIN; {_SCHEMA} INSERT INTO meta VALUES ('format', '{FORMAT}'); COMMIT;")
            finally:
                connection.close()
            with contextlib.suppress(FileExistsError):
                os.link(temporary, self.path)
        finally:
            for file in _siblings(temporary):
                file.unlink(missing_ok=True)

    def _problem(self, error: sqlite3.DatabaseError | None = None) -> StateError:
        """What is wrong with the file, in the words of the file (not of the SQLite call that failed), with the
        fix: ``emulator reset`` only for a file it would replace (:meth:`_recognised`)."""
        try:
            with open(self.path, "rb") as handle:
                head = handle.read(16)
        except OSError as os_error:
            return StateError(f"cannot read emulator state {self.path}: {os_error.strerror}")
        fix = _FIX if self._recognised() else _FOREIGN_FIX
        if not head.strip():
            # Never the emulator's own doing: an empty cloud here would have the next plan create everything.
            return StateError(f"emulator state {self.path} is empty; {fix}")
        if head != _SQLITE_HEADER:
            earlier = " (it is the JSON state of an earlier version)" if fix == _FIX else ""
            return StateError(f"{self.path} is not an emulator state file, not an SQLite database{earlier}; {fix}")
        if error is None:
            return StateError(f'{self.path} is not an emulator state file (no "format" {FORMAT!r}); {fix}')
        if isinstance(error, sqlite3.OperationalError):  # busy beyond the timeout, read-only, I/O: not damage
            return StateError(f"cannot use emulator state {self.path}: {error}")
        return StateError(f"emulator state {self.path} is damaged ({error}); {fix}")

    def _recognised(self) -> bool:
        """Whether a file that cannot be used as the state still is one the emulator made: its application
        id in the SQLite header (a damaged state), or the JSON state of an earlier version."""
        try:
            with open(self.path, "rb") as handle:
                head = handle.read(72)
                if head.startswith(_SQLITE_HEADER):
                    return int.from_bytes(head[68:72], "big") == APPLICATION_ID
                if not head.lstrip().startswith(b"{"):
                    return False
                document = json.loads(head + handle.read())
        except (OSError, ValueError):
            return False
        return isinstance(document, dict) and str(document.get("format")).startswith("constructs-vpn-emulator/")

    @contextlib.contextmanager
    def _connected(self, begin: str) -> Iterator[Cloud]:
        if not self.path.exists():
            if begin == "BEGIN":  # nothing to read: no need to make the file
                yield Cloud.empty()
                return
            self._create()
        try:
            # mode=rw: never create an empty file in place of one deleted meanwhile.
            connection = sqlite3.connect(
                f"{self.path.absolute().as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT, isolation_level=None
            )
        except sqlite3.OperationalError as error:
            raise StateError(f"cannot open emulator state {self.path}: {error}") from error
        try:
            try:
                connection.execute("PRAGMA synchronous = FULL")  # a commit is on disk before Terraform hears of it
                connection.execute(begin)
                row = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            except sqlite3.DatabaseError as error:
                no_meta = isinstance(error, sqlite3.OperationalError) and "no such table" in str(error)
                raise self._problem(None if no_meta else error) from error
            if row is None or row[0] != FORMAT:
                raise self._problem()
            if not self._private:
                _make_private(self.path)
                self._private = True
            cloud = Cloud(connection, self.path)
            try:
                yield cloud
                if cloud.changed:
                    cloud.flush()
                connection.execute("COMMIT")
            except sqlite3.DatabaseError as error:
                raise self._problem(error) from error
            finally:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
        finally:
            connection.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Cloud]:
        """The current state, locked for writing; committed when the block raised nothing."""
        with self._connected("BEGIN IMMEDIATE") as cloud:
            yield cloud

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Cloud]:
        """A consistent view for reading only, which waits for no writer."""
        with self._connected("BEGIN") as cloud:
            yield cloud

    def reset(self) -> int | None:
        """Forget every object and call count: the number of objects forgotten, ``None`` when there is no
        file. Only an emulator state is touched: a link, or a file the emulator does not recognise (a
        ``terraform.tfstate``, another database), raises :class:`StateError` and is left alone; a damaged
        state that it does recognise is replaced by an empty database."""
        try:
            info = self.path.lstat()
        except FileNotFoundError:
            return None
        if stat.S_ISLNK(info.st_mode):
            raise StateError(
                f"{self.path} is a symbolic link; `emulator reset` does not follow links: give the state file "
                f"itself (--state {os.path.realpath(self.path)}) if that is the emulator's state"
            )
        if not stat.S_ISREG(info.st_mode):
            raise StateError(f"{self.path} is not a file; {_FOREIGN_FIX}")
        try:
            with self.transaction() as cloud:
                count = cloud.count()
                cloud.clear()
            return count
        except StateError as error:
            if _in_use(error) or not self._recognised():
                raise
        for file in reversed(_siblings(self.path)):  # a damaged file's journal belongs to no database of ours
            file.unlink(missing_ok=True)
        self._create()
        return 0
