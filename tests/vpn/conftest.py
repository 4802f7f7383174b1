from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.core import App, TerraformStack, TerraformVariable
from constructs_vpn.core.testing import Testing
from constructs_vpn.vpn import CenInstance, CustomerGateway, IpsecConnection, TransitRouter


class Site:
    """A stack with a CEN, a transit router and a customer gateway, ready for connections."""

    def __init__(self, app: App | None = None) -> None:
        self.app = app or Testing.app()
        self.stack = TerraformStack(self.app, "net")
        AlicloudProvider(self.stack, "alicloud", region="cn-hangzhou")
        self.cen = CenInstance(self.stack, "cen", name="corp")
        self.tr = TransitRouter(self.stack, "tr", cen=self.cen)
        self.cgw = CustomerGateway(self.stack, "cgw", ip_address="203.0.113.10", asn=65010)
        self.psk = TerraformVariable(self.stack, "psk", type="string", sensitive=True)

    def connect(self, id: str = "site", **options: Any) -> IpsecConnection:
        options.setdefault("customer_gateway", self.cgw)
        options.setdefault("psk", self.psk)
        return IpsecConnection(self.stack, id, transit_router=self.tr, **options)

    def synth(self) -> dict[str, Any]:
        self.app.synthesize()
        document: dict[str, Any] = json.loads(Testing.synth(self.stack))
        return document

    def resource(self, type_name: str, prefix: str = "site_") -> dict[str, Any]:
        bodies = self.synth()["resource"][type_name]
        (name,) = [n for n in bodies if n.startswith(prefix)]
        found: dict[str, Any] = bodies[name]
        return found


@pytest.fixture
def site() -> Site:
    return Site()


@pytest.fixture
def make_site() -> Callable[..., Site]:
    return Site
