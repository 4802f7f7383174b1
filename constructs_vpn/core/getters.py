"""cdktf's typed attribute getters, shared by resources, data sources and the bindings' nested objects."""

from __future__ import annotations

from .tokens import Expression

__all__ = ["AttributeGetters"]


class AttributeGetters:
    """``get_<shape>_attribute`` over ``interpolation_for_attribute``, with cdktf's names. Strings come as cdktf's
    string token; the other shapes as the expression itself (cdktf's number and map tokens have no use in Python
    beyond being passed on)."""

    __slots__ = ()

    def interpolation_for_attribute(self, terraform_attribute: str) -> Expression:
        raise NotImplementedError

    def get_string_attribute(self, terraform_attribute: str) -> str:
        return str(self.interpolation_for_attribute(terraform_attribute))

    def get_number_attribute(self, terraform_attribute: str) -> Expression:
        return self.interpolation_for_attribute(terraform_attribute)

    def get_boolean_attribute(self, terraform_attribute: str) -> Expression:
        return self.interpolation_for_attribute(terraform_attribute)

    def get_list_attribute(self, terraform_attribute: str) -> Expression:
        """The list as an expression (cdktf returns a list token; ``Token.as_list`` gives one): the VPN layer
        and the generated bindings index it (``tables[0].id``)."""
        return self.interpolation_for_attribute(terraform_attribute)

    def get_number_list_attribute(self, terraform_attribute: str) -> Expression:
        return self.interpolation_for_attribute(terraform_attribute)

    def get_string_map_attribute(self, terraform_attribute: str) -> Expression:
        return self.interpolation_for_attribute(terraform_attribute)

    def get_number_map_attribute(self, terraform_attribute: str) -> Expression:
        return self.interpolation_for_attribute(terraform_attribute)

    def get_boolean_map_attribute(self, terraform_attribute: str) -> Expression:
        return self.interpolation_for_attribute(terraform_attribute)

    def get_any_map_attribute(self, terraform_attribute: str) -> Expression:
        return self.interpolation_for_attribute(terraform_attribute)
