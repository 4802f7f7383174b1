"""The keyword-argument types users see match the models that check them, field for field."""

from __future__ import annotations

import ast
import inspect
import itertools
import textwrap
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest
from pydantic import BaseModel

from constructs_vpn.vpn.cen import CenInstanceOptions, CenInstanceProps
from constructs_vpn.vpn.customer_gateway import CustomerGatewayOptions, CustomerGatewayProps
from constructs_vpn.vpn.ipsec_connection import IpsecConnectionOptions, IpsecConnectionProps
from constructs_vpn.vpn.transit_router import TransitRouterOptions, TransitRouterProps

PAIRS = [
    (CenInstanceOptions, CenInstanceProps),
    (CustomerGatewayOptions, CustomerGatewayProps),
    (TransitRouterOptions, TransitRouterProps),
    (IpsecConnectionOptions, IpsecConnectionProps),
]


@pytest.mark.parametrize(("options", "model"), PAIRS)
def test_typed_dict_matches_model(options: type, model: type[BaseModel]) -> None:
    assert list(get_type_hints(options)) == list(model.model_fields)


def attribute_docstrings(model: type) -> dict[str, str]:
    """Field name → the docstring under its line in the class body (what an editor shows)."""
    body = ast.parse(textwrap.dedent(inspect.getsource(model))).body[0]
    assert isinstance(body, ast.ClassDef)
    found: dict[str, str] = {}
    for line, following in itertools.pairwise(body.body):
        documented = isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
        if documented and isinstance(line, ast.AnnAssign) and isinstance(line.target, ast.Name):
            found[line.target.id] = str(following.value.value)  # type: ignore[attr-defined]
    return found


def test_every_field_documents_its_default() -> None:
    for model in (CenInstanceProps, CustomerGatewayProps, TransitRouterProps, IpsecConnectionProps):
        docs = attribute_docstrings(model)
        for name, field in model.model_fields.items():
            assert docs.get(name), f"{model.__name__}.{name} has no docstring"
            if not field.is_required():
                assert "default" in docs[name].lower(), (
                    f"{model.__name__}.{name} does not say what happens when it is left out"
                )


def expected_input(annotation: Any) -> Any:
    """The keyword-argument type a props field implies: a nested model may also be given as a dict."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return frozenset({annotation, ("dict", str, Any)})
    return canonical(annotation, expected_input)


def canonical(annotation: Any, inner: Any = None) -> Any:
    """A comparable form of a type: unions as sets (``None`` dropped: omit the key instead), generics as tuples."""
    inner = inner or canonical
    origin, arguments = get_origin(annotation), get_args(annotation)
    if origin in (Union, UnionType):
        members: set[Any] = set()
        for argument in arguments:
            if argument is not type(None):
                found = inner(argument)
                members |= found if isinstance(found, frozenset) else {found}
        return frozenset(members) if len(members) > 1 else next(iter(members))
    if origin in (list, dict):
        return (origin.__name__, *(inner(a) for a in arguments))
    if annotation is Any:
        return Any
    return annotation


#: Fields whose validator takes more than the type it stores: the ASN also in dotted text ("1.10").
WIDER_INPUT = {("CustomerGatewayProps", "asn"): frozenset({int, str})}


@pytest.mark.parametrize(("options", "model"), PAIRS)
def test_typed_dict_types_match_the_model(options: type, model: type[BaseModel]) -> None:
    """Types, not only names: a field's keyword type is its model type, nested models also as dicts."""
    given = get_type_hints(options)
    stored = get_type_hints(model)
    drift = {}
    for name in model.model_fields:
        want = WIDER_INPUT.get((model.__name__, name)) or expected_input(stored[name])
        if canonical(given[name]) != want:
            drift[name] = (given[name], stored[name])
    assert drift == {}
