"""The caller's account (``data "alicloud_account"``)."""

from __future__ import annotations

from typing import Any

from .base import Call, DataFamily

__all__ = ["Account"]


class Account(DataFamily):
    type_name = "alicloud_account"
    action = "GetCallerIdentity"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        return {**config, "id": call.account}
