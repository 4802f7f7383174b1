"""A reader of the Go the provider declares its schemas in: composite literals (``&schema.Resource{...}``,
``map[string]*schema.Schema{...}``), calls (``StringInSlice([]string{"a"}, false)``), strings, numbers and
identifiers. Function literals (``DiffSuppressFunc: func(...) bool {...}``) are kept as their text.

It reads only what a schema literal holds; it is not a Go parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Call", "Composite", "Expr", "Ident", "Parser", "Sum", "find_function_return", "parse_expression"]

_TOKEN = re.compile(
    r"""
    (?P<space>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:\\.|[^"\\])*"|`[^`]*`)
  | (?P<number>-?\d+(?:\.\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)
  | (?P<punct>\.\.\.|:=|==|!=|&&|\|\||<-|[{}()\[\],:&*+\-/%<>=!.;|^])
    """,
    re.X | re.S,
)


@dataclass
class Ident:
    name: str


@dataclass
class Call:
    name: str
    args: list[Any]


@dataclass
class Composite:
    """``type{...}``: ``fields`` for ``Key: value`` elements (string keys unquoted), ``items`` otherwise."""

    type: str
    fields: dict[str, Any] = field(default_factory=dict)
    items: list[Any] = field(default_factory=list)


@dataclass
class Expr:
    """Anything else (arithmetic, function literals): its source text."""

    text: str


@dataclass
class Sum(Expr):
    """``a + b + ...`` (string concatenation in the acceptance tests' configurations): the terms, parsed."""

    terms: list[Any] = field(default_factory=list)


def _tokens(source: str) -> list[tuple[str, str, int]]:
    out = []
    position = 0
    while position < len(source):
        match = _TOKEN.match(source, position)
        if match is None:
            raise ValueError(f"cannot read Go at {source[position : position + 40]!r}")
        kind = match.lastgroup or ""
        if kind != "space":
            out.append((kind, match.group(), match.start()))
        position = match.end()
    return out


def _unquote(text: str) -> str:
    if text.startswith("`"):
        return text[1:-1]
    return bytes(text[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


class Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = _tokens(source)
        self.index = 0

    def peek(self, offset: int = 0) -> tuple[str, str, int]:
        index = self.index + offset
        return self.tokens[index] if index < len(self.tokens) else ("eof", "", len(self.source))

    def take(self, expected: str | None = None) -> tuple[str, str, int]:
        token = self.peek()
        if expected is not None and token[1] != expected:
            raise ValueError(f"expected {expected!r}, got {token[1]!r} at {self.source[token[2] : token[2] + 60]!r}")
        self.index += 1
        return token

    def skip_balanced(self, opening: str, closing: str) -> None:
        depth = 0
        while True:
            kind, text, _ = self.take()
            if kind == "eof":
                raise ValueError(f"unbalanced {opening!r}")
            if text == opening:
                depth += 1
            elif text == closing:
                depth -= 1
                if depth == 0:
                    return

    def type_text(self) -> str:
        """A type before ``{``: ``&schema.Resource``, ``map[string]*schema.Schema``, ``[]string``."""
        parts: list[str] = []
        while self.peek()[1] != "{":
            if self.peek()[0] == "eof":
                raise ValueError(f"no composite literal after {''.join(parts)!r}")
            parts.append(self.take()[1])
            if parts[-1] == "interface" and self.peek(1)[1] == "}":  # interface{} is part of the type
                parts.append(self.take()[1] + self.take()[1])
        return "".join(parts).lstrip("&")

    def expression(self) -> Any:
        start = self.peek()[2]
        value = self.operand()
        after_first = self.index
        terms = [value]
        try:
            while self.peek()[1] == "+":
                self.take()
                terms.append(self.operand())
        except ValueError:
            terms = [value]
        if len(terms) > 1 and self.peek()[1] in (",", "}", ")", ";", "eof"):
            return Sum(self.source[start : self.peek()[2]].strip(), terms)
        self.index = after_first
        if self.peek()[1] in ("*", "+", "-", "/", "%", "|"):
            while self.peek()[1] not in (",", "}", ")", "eof"):
                if self.peek()[1] in ("(", "{", "["):
                    self.skip_balanced(self.peek()[1], {"(": ")", "{": "}", "[": "]"}[self.peek()[1]])
                else:
                    self.take()
            return Expr(self.source[start : self.peek()[2]].strip().rstrip(","))
        return value

    def operand(self) -> Any:
        kind, text, position = self.peek()
        if kind == "string":
            self.take()
            return _unquote(text)
        if kind == "number":
            self.take()
            return float(text) if "." in text else int(text)
        if text == "func":
            self.take()
            self.skip_balanced("(", ")")
            while self.peek()[1] != "{":
                self.take()
            self.skip_balanced("{", "}")
            return Expr(self.source[position : self.peek()[2]].strip())
        if text == "&" and self.peek(1)[0] == "name" and self.peek(2)[1] != "{":  # an address: &v
            self.take()
            return self.operand()
        if text in ("&", "[", "map", "*") or (kind == "name" and self.peek(1)[1] == "{"):
            return self.composite(self.type_text())
        if text == "{":  # an element whose type is implied by its container
            return self.composite("")
        if kind == "name":
            self.take()
            if self.peek()[1] == "(":
                return Call(text, self.arguments())
            return {"true": True, "false": False, "nil": None}.get(text, Ident(text))
        raise ValueError(f"unexpected {text!r} at {self.source[position : position + 60]!r}")

    def arguments(self) -> list[Any]:
        self.take("(")
        args = []
        while self.peek()[1] != ")":
            args.append(self.expression())
            if self.peek()[1] == ",":
                self.take()
        self.take(")")
        return args

    def composite(self, type_name: str) -> Composite:
        self.take("{")
        literal = Composite(type_name)
        while self.peek()[1] != "}":
            first = self.expression()
            if self.peek()[1] == ":":
                self.take()
                key = first.name if isinstance(first, Ident) else str(first)
                literal.fields[key] = self.expression()
            else:
                literal.items.append(first)
            if self.peek()[1] == ",":
                self.take()
        self.take("}")
        return literal


def parse_expression(source: str) -> Any:
    return Parser(source).expression()


def find_function_return(source: str, function: str) -> Any:
    """The expression ``function`` returns (its first ``return``), parsed."""
    match = re.search(rf"\nfunc {re.escape(function)}\(\)[^{{]*\{{\s*return\s", source)
    if match is None:
        raise KeyError(f"no func {function}() returning a literal")
    parser = Parser(source[match.end() :])
    return parser.expression()
