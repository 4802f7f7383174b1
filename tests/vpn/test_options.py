"""The keyword-argument types users see match the models that check them, field for field."""

from __future__ import annotations

from typing import get_type_hints

import pytest
from pydantic import BaseModel

from constructs_vpn.vpn.cen import CenInstanceOptions, CenInstanceProps
from constructs_vpn.vpn.customer_gateway import CustomerGatewayOptions, CustomerGatewayProps
from constructs_vpn.vpn.ipsec_connection import IpsecConnectionOptions, IpsecConnectionProps
from constructs_vpn.vpn.transit_router import TransitRouterOptions, TransitRouterProps


@pytest.mark.parametrize(
    ("options", "model"),
    [
        (CenInstanceOptions, CenInstanceProps),
        (CustomerGatewayOptions, CustomerGatewayProps),
        (TransitRouterOptions, TransitRouterProps),
        (IpsecConnectionOptions, IpsecConnectionProps),
    ],
)
def test_typed_dict_matches_model(options: type, model: type[BaseModel]) -> None:
    assert list(get_type_hints(options)) == list(model.model_fields)


def test_every_field_documents_its_default() -> None:
    for model in (CenInstanceProps, CustomerGatewayProps, TransitRouterProps, IpsecConnectionProps):
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no docstring"
            if not field.is_required():
                assert "default" in field.description.lower(), (
                    f"{model.__name__}.{name} does not say what happens when it is left out"
                )
