"""Typed bindings for the ``aliyun/alicloud`` resources this project uses, and a schema check."""
