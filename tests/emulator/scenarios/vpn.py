"""VPN family: ``alicloud_vpn_customer_gateway``. ForceNew flags from
``constructs_vpn/alicloud/schema/constraints.json`` (provider v1.289.0); error codes from the VPN API reference
(CreateCustomerGateway)."""

from __future__ import annotations

from typing import Any

from tests.emulator.scenarios import CREATE, REPLACE, UPDATE, Scenario, Step

CGW = "alicloud_vpn_customer_gateway"


def _gateway(ip: str = "198.51.100.10", **extra: Any) -> dict[str, Any]:
    return {"ip_address": ip, "asn": "65010", "customer_gateway_name": "scenario-dc", **extra}


CUSTOMER_GATEWAY = Scenario(
    "customer_gateway",
    (
        Step(
            "alicloud_vpn_customer_gateway: created by CreateCustomerGateway",
            {CGW: {"dc": _gateway()}},
            {f"{CGW}.dc": CREATE},
        ),
        Step(
            "alicloud_vpn_customer_gateway: customer_gateway_name and description update in place "
            "(ModifyCustomerGatewayAttribute)",
            {CGW: {"dc": _gateway(customer_gateway_name="scenario-renamed", description="changed")}},
            {f"{CGW}.dc": UPDATE},
        ),
        Step(
            "CreateCustomerGateway: one customer gateway per public IP address in a region "
            "(InvalidIpAddress.AlreadyExist)",
            {
                CGW: {
                    "dc": _gateway(customer_gateway_name="scenario-renamed", description="changed"),
                    "twin": _gateway(),
                }
            },
            refused="InvalidIpAddress.AlreadyExist",
        ),
        Step(
            "alicloud_vpn_customer_gateway: ip_address is ForceNew, a new address replaces the gateway",
            {CGW: {"dc": _gateway("198.51.100.11", customer_gateway_name="scenario-renamed", description="changed")}},
            {f"{CGW}.dc": REPLACE},
        ),
    ),
)

SCENARIOS = (CUSTOMER_GATEWAY,)
