"""A minimal client for strongSwan's VICI protocol, so the lab reads SA state as data instead of parsing swanctl text.

The wire format (strongSwan ``src/libcharon/plugins/vici/README.md``): each packet is a 32-bit big-endian length and a
payload; the payload is a packet type, for named types a name, then a message of typed elements. Only what the lab
uses is implemented: commands, and commands that stream events (``initiate`` → ``control-log``, ``list-sas`` →
``list-sa``).
"""

from __future__ import annotations

import socket
import struct
import time
from collections.abc import Mapping
from typing import TypeAlias

__all__ = ["Message", "Value", "ViciError", "ViciSession"]

Value: TypeAlias = "str | list[str] | dict[str, Value]"
"""An element of a VICI message: a key's value, a list of values or a nested section."""
Message: TypeAlias = dict[str, Value]

# Packet types.
_CMD_REQUEST = 0
_CMD_RESPONSE = 1
_CMD_UNKNOWN = 2
_EVENT_REGISTER = 3
_EVENT_UNREGISTER = 4
_EVENT_CONFIRM = 5
_EVENT_UNKNOWN = 6
_EVENT = 7
# Message element types.
_SECTION_START = 1
_SECTION_END = 2
_KEY_VALUE = 3
_LIST_START = 4
_LIST_ITEM = 5
_LIST_END = 6


class ViciError(RuntimeError):
    """The daemon refused a command, sent something unexpected, or did not answer in time."""


def encode(message: Mapping[str, Value]) -> bytes:
    """Serialise ``message``; nested mappings become sections, lists become lists."""
    out = bytearray()
    for key, value in message.items():
        name = _name(key)
        if isinstance(value, str):
            out += bytes([_KEY_VALUE]) + name + _value(value)
        elif isinstance(value, list):
            out += bytes([_LIST_START]) + name
            for item in value:
                out += bytes([_LIST_ITEM]) + _value(item)
            out += bytes([_LIST_END])
        else:
            out += bytes([_SECTION_START]) + name + encode(value) + bytes([_SECTION_END])
    return bytes(out)


def decode(data: bytes) -> Message:
    """Parse a message into nested dicts; values are decoded as UTF-8 (with replacement)."""
    root: Message = {}
    stack: list[Message] = [root]
    current_list: list[str] | None = None
    pos = 0
    while pos < len(data):
        kind = data[pos]
        pos += 1
        if kind in (_SECTION_START, _KEY_VALUE, _LIST_START):
            size = data[pos]
            key = data[pos + 1 : pos + 1 + size].decode()
            pos += 1 + size
            if kind == _SECTION_START:
                section: Message = {}
                stack[-1][key] = section
                stack.append(section)
            elif kind == _KEY_VALUE:
                (size,) = struct.unpack_from("!H", data, pos)
                stack[-1][key] = data[pos + 2 : pos + 2 + size].decode(errors="replace")
                pos += 2 + size
            else:
                current_list = []
                stack[-1][key] = current_list
        elif kind == _LIST_ITEM and current_list is not None:
            (size,) = struct.unpack_from("!H", data, pos)
            current_list.append(data[pos + 2 : pos + 2 + size].decode(errors="replace"))
            pos += 2 + size
        elif kind == _LIST_END:
            current_list = None
        elif kind == _SECTION_END and len(stack) > 1:
            stack.pop()
        else:
            raise ViciError(f"malformed VICI message: element type {kind} at offset {pos - 1}")
    return root


def _name(key: str) -> bytes:
    raw = key.encode()
    if len(raw) > 255:
        raise ValueError(f"VICI names are at most 255 bytes, got {len(raw)}")
    return bytes([len(raw)]) + raw


def _value(value: str) -> bytes:
    raw = value.encode()
    if len(raw) > 0xFFFF:
        raise ValueError(f"VICI values are at most 65535 bytes, got {len(raw)}")
    return struct.pack("!H", len(raw)) + raw


class ViciSession:
    """One connection to a charon's VICI socket; every read is bounded by ``timeout`` seconds."""

    def __init__(self, path: str, timeout: float = 15.0) -> None:
        self._timeout = timeout
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._sock.settimeout(timeout)
        try:
            self._sock.connect(path)
        except OSError:
            self._sock.close()
            raise

    def __enter__(self) -> ViciSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._sock.close()

    def request(self, command: str, message: Mapping[str, Value] | None = None) -> Message:
        """Run ``command`` and return its response message."""
        self._send(_CMD_REQUEST, command, message or {})
        return self._response(command, None, [])

    def streamed(
        self, command: str, event: str, message: Mapping[str, Value] | None = None, deadline: float | None = None
    ) -> tuple[Message, list[Message]]:
        """Run ``command`` while registered for ``event``; return the response and the events that came before it.

        ``deadline`` (a ``time.monotonic()`` value) bounds the whole exchange, not just each read. After a
        :class:`ViciError` the session is out of step with the daemon: close it and open a new one.
        """
        self._send(_EVENT_REGISTER, event, None)
        kind, _, _ = self._receive(deadline)
        if kind != _EVENT_CONFIRM:
            raise ViciError(f"cannot register for VICI event {event!r} (packet type {kind})")
        events: list[Message] = []
        self._send(_CMD_REQUEST, command, message or {})
        response = self._response(command, event, events, deadline)
        self._send(_EVENT_UNREGISTER, event, None)
        while True:  # events already queued may still arrive before the confirmation
            kind, _, _ = self._receive(deadline)
            if kind in (_EVENT_CONFIRM, _EVENT_UNKNOWN):
                break
        return response, events

    def _response(
        self, command: str, event: str | None, events: list[Message], deadline: float | None = None
    ) -> Message:
        while True:
            kind, name, body = self._receive(deadline)
            if kind == _CMD_RESPONSE:
                return body
            if kind == _CMD_UNKNOWN:
                raise ViciError(f"unknown VICI command {command!r}")
            if kind == _EVENT and name == event:
                events.append(body)
            elif kind != _EVENT:
                raise ViciError(f"unexpected VICI packet type {kind} while waiting for {command!r}")

    def _send(self, kind: int, name: str, message: Mapping[str, Value] | None) -> None:
        payload = bytes([kind]) + _name(name) + (encode(message) if message is not None else b"")
        self._sock.sendall(struct.pack("!I", len(payload)) + payload)

    def _receive(self, deadline: float | None) -> tuple[int, str, Message]:
        header = self._read(4, deadline)
        (size,) = struct.unpack("!I", header)
        payload = self._read(size, deadline)
        kind = payload[0]
        name = ""
        pos = 1
        if kind in (_CMD_REQUEST, _EVENT_REGISTER, _EVENT_UNREGISTER, _EVENT):
            size = payload[1]
            name = payload[2 : 2 + size].decode()
            pos = 2 + size
        return kind, name, decode(payload[pos:])

    def _read(self, size: int, deadline: float | None) -> bytes:
        chunks = bytearray()
        while len(chunks) < size:
            timeout = self._timeout
            if deadline is not None:
                timeout = deadline - time.monotonic()
                if timeout <= 0:
                    raise ViciError("VICI exchange timed out")
            self._sock.settimeout(timeout)
            try:
                chunk = self._sock.recv(size - len(chunks))
            except TimeoutError as error:
                raise ViciError("VICI exchange timed out") from error
            if not chunk:
                raise ViciError("VICI socket closed by the daemon")
            chunks += chunk
        return bytes(chunks)
