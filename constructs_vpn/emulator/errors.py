"""API errors, shaped like Alibaba Cloud's (an error code, a message, a request id)."""

from __future__ import annotations

import uuid

__all__ = ["ApiError", "ProviderError", "not_found"]


class ApiError(Exception):
    """An error the emulated API returns; becomes a Terraform error diagnostic."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status
        self.request_id = str(uuid.uuid4()).upper()

    def summary(self, action: str) -> str:
        return f"{action} failed: {self.code}"

    def detail(self) -> str:
        return (
            f"{self.message}\n\nStatusCode: {self.status}\nCode: {self.code}\nRequestId: {self.request_id}\n"
            "(returned by the constructs-vpn alicloud emulator)"
        )


class ProviderError(ApiError):
    """A refusal of the provider itself, before any API call: Terraform shows the provider's message alone."""

    def __init__(self, message: str) -> None:
        super().__init__("", message)

    def summary(self, action: str) -> str:
        return self.message

    def detail(self) -> str:
        return "(refused by the provider before calling the API; constructs-vpn alicloud emulator)"


def not_found(code: str, what: str, id: object) -> ApiError:
    """``Invalid<Thing>Id.NotFound``-style error for a reference to an object that does not exist."""
    return ApiError(code, f"The specified {what} {id} does not exist.", status=404)
