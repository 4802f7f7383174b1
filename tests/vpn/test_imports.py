"""Importing the construct classes loads neither pydantic nor a binding (issue #16); the props models load with
the first construct and stay importable from each construct's module."""

from __future__ import annotations

from types import ModuleType

import pytest

from constructs_vpn.vpn import cen, customer_gateway, ipsec_connection, props, transit_router
from tests.tooling import python_output


def test_importing_the_constructs_loads_no_pydantic_until_one_is_built() -> None:
    code = (
        "import sys\n"
        "from constructs_vpn.vpn import CenInstance, CustomerGateway, IpsecConnection, TransitRouter\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('pydantic', 'constructs_vpn.alicloud',"
        " 'constructs_vpn.codegen', 'constructs_vpn.vpn.props', 'constructs_vpn.vpn.options')))\n"
        "print(loaded)\n"
        "from constructs_vpn.core import App, TerraformStack\n"
        "CustomerGateway(TerraformStack(App(), 'site'), 'cgw', ip_address='203.0.113.1')\n"
        "print('pydantic' in sys.modules, 'constructs_vpn.vpn.props' in sys.modules)\n"
    )
    assert python_output(code) == ["[]", "True True"]


@pytest.mark.parametrize("module", [cen, customer_gateway, transit_router, ipsec_connection])
def test_each_construct_module_still_has_its_props_names(module: ModuleType) -> None:
    names = [n for n in module.__all__ if n.endswith(("Props", "Attributes", "Options", "CidrBlock"))]
    assert names
    for name in names:
        assert getattr(module, name) is getattr(props, name)
    with pytest.raises(AttributeError, match="has no attribute 'NotAThing'"):
        module.NotAThing  # noqa: B018
