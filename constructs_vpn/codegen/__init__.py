"""Typed bindings for any Terraform provider: the generator behind ``constructs-vpn get`` and the runtime its
output imports.

The layer sits between ``constructs_vpn.core`` (its only dependency) and the provider packages it generates
(``constructs_vpn.alicloud`` is its output, and so is whatever ``constructs-vpn get`` writes into ``imports/``).
``runtime`` and ``rules`` are imported by generated code at run time; ``generate`` (with the private ``_ir`` and
``_render``) only when bindings are written. This ``__init__`` imports nothing, so a binding's import does not pay
for the generator.
"""
