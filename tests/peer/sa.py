"""SA state as charon reports it over VICI (``list-sas``), as frozen data with strongSwan's algorithm names."""

from __future__ import annotations

from dataclasses import dataclass

from tests.peer.vici import Message

__all__ = ["ChildSa", "IkeSa", "int_or_none", "text", "texts"]


@dataclass(frozen=True)
class ChildSa:
    """One CHILD_SA as charon reports it over VICI (``list-sas``); algorithm names are strongSwan's."""

    name: str
    uniqueid: int
    state: str
    """``INSTALLED`` when usable; ``REKEYED``/``DELETING`` for a predecessor that is going away."""
    mode: str
    protocol: str
    encap: bool
    """UDP encapsulation; always true with kernel-libipsec."""
    encr_alg: str
    encr_keysize: int | None
    integ_alg: str | None
    dh_group: str | None
    """The PFS group, ``None`` without PFS. An IKEv2 CHILD_SA made in IKE_AUTH never has one: see it after a rekey."""
    esn: bool
    local_ts: tuple[str, ...]
    remote_ts: tuple[str, ...]
    bytes_in: int
    bytes_out: int
    packets_in: int
    packets_out: int

    @property
    def proposal(self) -> str:
        """The negotiated ESP proposal as strongSwan logs it, without the ESN part: ``AES_CBC_128/HMAC_SHA1_96``."""
        return _proposal(self.encr_alg, self.encr_keysize, self.integ_alg, None, self.dh_group)

    @classmethod
    def from_vici(cls, name: str, data: Message) -> ChildSa:
        return cls(
            name=text(data, "name", name),
            uniqueid=int(text(data, "uniqueid", "0")),
            state=text(data, "state"),
            mode=text(data, "mode"),
            protocol=text(data, "protocol"),
            encap=text(data, "encap", "no") == "yes",
            encr_alg=text(data, "encr-alg"),
            encr_keysize=int_or_none(data, "encr-keysize"),
            integ_alg=text(data, "integ-alg") or None,
            dh_group=text(data, "dh-group") or None,
            esn=text(data, "esn", "0") == "1",
            local_ts=texts(data, "local-ts"),
            remote_ts=texts(data, "remote-ts"),
            bytes_in=int(text(data, "bytes-in", "0")),
            bytes_out=int(text(data, "bytes-out", "0")),
            packets_in=int(text(data, "packets-in", "0")),
            packets_out=int(text(data, "packets-out", "0")),
        )


@dataclass(frozen=True)
class IkeSa:
    """One IKE_SA with its CHILD_SAs as charon reports it over VICI."""

    name: str
    uniqueid: int
    version: int
    state: str
    """``ESTABLISHED`` when up; ``CONNECTING``, ``REKEYING``, ``DELETING``… otherwise."""
    initiator: bool
    local_host: str
    remote_host: str
    local_id: str
    remote_id: str
    encr_alg: str
    encr_keysize: int | None
    integ_alg: str | None
    prf_alg: str | None
    dh_group: str | None
    children: tuple[ChildSa, ...]

    @property
    def proposal(self) -> str:
        """The negotiated IKE proposal as strongSwan logs it.

        For example ``AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048``; IKEv1 lists the PRF too (there it
        follows from the hash algorithm).
        """
        return _proposal(self.encr_alg, self.encr_keysize, self.integ_alg, self.prf_alg, self.dh_group)

    def child(self, name: str) -> ChildSa:
        """The newest installed CHILD_SA called ``name``; a rekeyed predecessor may still be listed next to it."""
        installed = [child for child in self.children if child.name == name and child.state == "INSTALLED"]
        if not installed:
            states = [f"{child.name}={child.state}" for child in self.children]
            raise LookupError(f"no installed CHILD_SA {name!r} in IKE_SA {self.name!r} (children: {states})")
        return max(installed, key=lambda child: child.uniqueid)

    @classmethod
    def from_vici(cls, name: str, data: Message) -> IkeSa:
        children = data.get("child-sas", {})
        assert isinstance(children, dict)
        return cls(
            name=name,
            uniqueid=int(text(data, "uniqueid", "0")),
            version=int(text(data, "version", "0")),
            state=text(data, "state"),
            initiator=text(data, "initiator", "no") == "yes",
            local_host=text(data, "local-host"),
            remote_host=text(data, "remote-host"),
            local_id=text(data, "local-id"),
            remote_id=text(data, "remote-id"),
            encr_alg=text(data, "encr-alg"),
            encr_keysize=int_or_none(data, "encr-keysize"),
            integ_alg=text(data, "integ-alg") or None,
            prf_alg=text(data, "prf-alg") or None,
            dh_group=text(data, "dh-group") or None,
            children=tuple(ChildSa.from_vici(key, value) for key, value in children.items() if isinstance(value, dict)),
        )


def text(data: Message, key: str, default: str = "") -> str:
    value = data.get(key, default)
    return value if isinstance(value, str) else default


def texts(data: Message, key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    return tuple(value) if isinstance(value, list) else ()


def int_or_none(data: Message, key: str) -> int | None:
    value = text(data, key)
    return int(value) if value and value != "0" else None


def _proposal(encr: str, keysize: int | None, integ: str | None, prf: str | None, dh: str | None) -> str:
    parts = [f"{encr}_{keysize}" if keysize else encr, integ, prf, dh]
    return "/".join(part for part in parts if part)
