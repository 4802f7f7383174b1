"""HCL formatting as ``cdktf synth --hcl`` applies it to each ``cdk.tf`` after the app wrote it: a port of
``hclwrite.Format`` (hashicorp/hcl v2, ``hclwrite/format.go``; the cdktf CLI runs it through ``@cdktf/hcl-tools``).

Only whitespace changes: each line is indented two spaces per open bracket, the spaces between tokens follow
``spaceAfterToken``, and the ``=`` of neighbouring one-line arguments is aligned. A quoted string or heredoc
that spans lines is one token and is left as it is, as hclwrite leaves it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["format_hcl", "is_one_line_expression", "sequence_end"]

_MASTER = re.compile(
    r"""(?P<space>[ \t]+)
    |(?P<newline>\r?\n)
    |(?P<comment>(?:\#|//)[^\n]*\n?|/\*.*?(?:\*/|\Z))
    |(?P<quote>")
    |(?P<heredoc><<-?(?P<marker>[A-Za-z_][A-Za-z0-9_-]*)\n)
    |(?P<ident>[A-Za-z_][A-Za-z0-9_-]*)
    |(?P<number>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
    |(?P<op>\.\.\.|=>|::|==|!=|<=|>=|&&|\|\||\$\{|%\{|[{}\[\]()=<>+\-*/%!?:,.])
    |(?P<invalid>.)""",
    re.X | re.S,
)
_KINDS = {"newline": "NEWLINE", "comment": "COMMENT", "ident": "IDENT", "number": "NUMBER", "invalid": "INVALID"}
#: In a quoted template: an escape, a literal ``$${``/``%%{``, an interpolation or directive, the closing quote.
_TEMPLATE_STOP = re.compile(r'\\.|\$\$\{|%%\{|\$\{|%\{|"', re.S)
_OPEN = frozenset({"{", "[", "(", "${", "%{"})
_CLOSE = frozenset({"}", "]", ")", "SEQ_END"})


@dataclass
class _Token:
    kind: str
    """The punctuation itself, or IDENT, NUMBER, OQUOTE, QUOTED, CQUOTE, OHEREDOC, STRING, CHEREDOC, SEQ_END,
    COMMENT, NEWLINE, INVALID."""
    text: str
    spaces: int = 0


@dataclass
class _Line:
    lead: list[_Token] = field(default_factory=list)
    assign: list[_Token] = field(default_factory=list)
    comment: list[_Token] = field(default_factory=list)


def _bracket_change(token: _Token) -> int:
    return 1 if token.kind in _OPEN else -1 if token.kind in _CLOSE else 0


class _Lexer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.tokens: list[_Token] = []
        #: Per open ``{``, ``${`` or ``%{``: does its ``}`` end a template sequence?
        self.braces: list[bool] = []

    def run(self) -> list[_Token]:
        self.expression(0)
        return self.tokens

    def expression(self, depth: int) -> None:
        """Tokens up to the end, or (inside an interpolation) until the brace at ``depth`` closes."""
        text, tokens, braces = self.text, self.tokens, self.braces
        while self.i < len(text) and len(braces) >= depth:
            found = _MASTER.match(text, self.i)
            assert found is not None  # the last alternative matches any character
            kind, value = found.lastgroup or "", found.group()
            self.i = found.end()
            if kind == "op":
                if value in ("${", "%{") or value == "{":
                    braces.append(value != "{")
                elif value == "}":
                    value_kind = "SEQ_END" if (braces.pop() if braces else False) else "}"
                    tokens.append(_Token(value_kind, value))
                    if len(braces) < depth:
                        return
                    continue
                tokens.append(_Token(value, value))
            elif kind == "quote":
                tokens.append(_Token("OQUOTE", value))
                self.template()
            elif kind == "heredoc":
                tokens.append(_Token("OHEREDOC", value))
                self.heredoc(found["marker"])
            elif kind != "space":
                tokens.append(_Token(_KINDS[kind], value))

    def template(self) -> None:
        """A quoted template's literal parts and interpolations, up to its closing quote."""
        text = self.text
        start = self.i
        while (stop := _TEMPLATE_STOP.search(text, self.i)) is not None:
            self.i = stop.end()
            marker = stop.group()
            if marker == '"':
                self.flush(start, stop.start())
                self.tokens.append(_Token("CQUOTE", marker))
                return
            if marker in ("${", "%{"):
                self.flush(start, stop.start())
                self.braces.append(True)
                self.tokens.append(_Token(marker, marker))
                self.expression(len(self.braces))
                start = self.i
        self.i = len(text)
        self.flush(start, self.i)

    def flush(self, start: int, end: int) -> None:
        if end > start:
            self.tokens.append(_Token("QUOTED", self.text[start:end]))

    def heredoc(self, marker: str) -> None:
        """Each line of the heredoc is a string token; the closing marker line ends it."""
        text = self.text
        while self.i < len(text):
            end = text.find("\n", self.i)
            end = len(text) if end < 0 else end + 1
            if text[self.i : end].strip() == marker:
                stop = self.i + text[self.i : end].index(marker) + len(marker)
                self.tokens.append(_Token("CHEREDOC", text[self.i : stop]))
                self.i = stop
                return
            self.tokens.append(_Token("STRING", text[self.i : end]))
            self.i = end


def sequence_end(text: str, start: int) -> int | None:
    """Where the interpolation or directive opened by the ``${``/``%{`` just before ``start`` ends (after its
    ``}``), as this lexer reads it, or None when it never closes. The renderer uses it to copy an expression of a
    template verbatim (its strings keep their quotes) while escaping the literal text around it."""
    lexer = _Lexer(text)
    lexer.i = start
    lexer.braces.append(True)
    lexer.expression(1)
    return None if lexer.braces else lexer.i


def is_one_line_expression(text: str) -> bool:
    """Does ``text`` stay one expression on its line when pasted after ``name =``: no newline, comment or
    heredoc, and every bracket and quote it opens closed, none closed that it did not open? The renderer writes
    an address or a type constraint as it is only then (Terraform parses the JSON output's string as one
    expression anyway)."""
    if "\n" in text or "\r" in text:
        return False
    lexer = _Lexer(text)
    tokens = lexer.run()
    depth = quotes = 0
    for token in tokens:
        if token.kind in ("COMMENT", "INVALID", "OHEREDOC"):
            return False
        depth += _bracket_change(token)
        quotes += 1 if token.kind == "OQUOTE" else -1 if token.kind == "CQUOTE" else 0
        if depth < 0:
            return False
    return bool(tokens) and depth == 0 and quotes == 0 and not lexer.braces


def _is_newline(token: _Token) -> bool:
    return token.kind == "NEWLINE" or (token.kind == "COMMENT" and token.text.endswith("\n"))


def _lines(tokens: list[_Token]) -> list[_Line]:
    lines: list[_Line] = []
    current: list[_Token] = []
    for token in tokens:
        current.append(token)
        if _is_newline(token):
            lines.append(_Line(current))
            current = []
    lines.append(_Line(current))
    for line in lines:
        if len(line.lead) > 1 and line.lead[-1].kind == "COMMENT":
            line.comment = line.lead[-1:]
            line.lead = line.lead[:-1]
        for index, token in enumerate(line.lead):
            if index > 0 and token.kind == "=":
                if sum(_bracket_change(t) for t in line.lead[index:]) == 0:
                    line.assign = line.lead[index:]
                    line.lead = line.lead[:index]
                break
    return lines


def _net_brackets(tokens: list[_Token]) -> int:
    net = 0
    for token in tokens:
        net += _bracket_change(token)
        if token.kind == "OHEREDOC":
            break
    return net


def _indent(lines: list[_Line]) -> None:
    indents: list[int] = []
    for line in lines:
        if not line.lead:
            continue
        if line.lead[0].kind == "NEWLINE":
            line.lead[0].spaces = 0
            continue
        net = _net_brackets(line.lead) + sum(_bracket_change(t) for t in line.assign)
        if net > 0:
            line.lead[0].spaces = 2 * len(indents)
            indents.append(net)
            continue
        closed = -net
        while closed > 0 and indents:
            if closed > indents[-1]:
                closed -= indents.pop()
            elif closed < indents[-1]:
                indents[-1] -= closed
                closed = 0
            else:
                indents.pop()
                closed = 0
        line.lead[0].spaces = 2 * len(indents)


_NEGATION_AFTER = frozenset(
    {"", "(", "{", "[", "=", ":", ",", "?", "+", "*", "/", "%", "-", "==", "!=", ">", ">=", "<", "<=", "&&", "||", "!"}
)
_TEMPLATE_TEXT = frozenset({"QUOTED", "STRING"})


def _space_after(subject: _Token, before: _Token | None, after: _Token | None) -> bool:
    """``spaceAfterToken`` of hclwrite: is there one space between ``subject`` and ``after``?"""
    kind = subject.kind
    next_kind = after.kind if after is not None else ""
    if next_kind in ("NEWLINE", ""):
        return False
    if kind == "IDENT" and next_kind == "(":
        return False
    if (kind == "IDENT" and next_kind == "::") or (kind == "::" and next_kind == "IDENT"):
        return False
    if "." in (kind, next_kind):
        return False
    if next_kind in (",", "..."):
        return False
    if kind == ",":
        return True
    if (
        kind in _TEMPLATE_TEXT
        or kind in ("OQUOTE", "OHEREDOC")
        or next_kind in ("QUOTED", "STRING", "CQUOTE", "CHEREDOC")
    ):
        return False
    if kind == "IDENT" and subject.text == "in" and before is not None and before.kind == "IDENT":
        return True
    if next_kind == "[" and (kind in ("IDENT", "NUMBER") or _bracket_change(subject) < 0):
        return False
    if kind == "!":
        return False
    if kind == "-":
        return (before.kind if before is not None else "") not in _NEGATION_AFTER
    if kind == "{" or next_kind == "}":
        return not (kind == "{" and next_kind == "}")
    if kind in ("${", "%{") and next_kind == "{":
        return True
    if kind == "}" and next_kind == "SEQ_END":
        return True
    if kind == "SEQ_END" and next_kind in ("${", "%{"):
        return False
    if _bracket_change(subject) > 0:
        return False
    return not (after is not None and _bracket_change(after) < 0)


def _spaces(cell: list[_Token], first: int | None = None) -> None:
    if first is not None and cell:
        cell[0].spaces = first
    for index, token in enumerate(cell[:-1]):
        before = cell[index - 1] if index > 0 else None
        after = cell[index + 1]
        after.spaces = 1 if _space_after(token, before, after) else 0


def _columns(tokens: list[_Token]) -> int:
    return sum(token.spaces + len(token.text) for token in tokens)


def _align(lines: list[_Line], cell: str) -> None:
    """Align the first token of each line's ``cell`` over runs of neighbouring lines that have one."""
    chain: list[_Line] = []

    def close() -> None:
        width = max((_before(line, cell) for line in chain), default=0)
        for line in chain:
            getattr(line, cell)[0].spaces = width - _before(line, cell) + 1
        chain.clear()

    for line in lines:
        if getattr(line, cell):
            chain.append(line)
        elif chain:
            close()
    if chain:
        close()


def _before(line: _Line, cell: str) -> int:
    columns = _columns(line.lead)
    return columns + _columns(line.assign) if cell == "comment" else columns


def format_hcl(text: str) -> str:
    """``text`` formatted as ``hclwrite.Format`` formats it."""
    tokens = _Lexer(text).run()
    lines = _lines(tokens)
    _indent(lines)
    for line in lines:
        _spaces(line.lead)
        _spaces(line.assign, first=1)
    _align(lines, "assign")
    _align(lines, "comment")
    return "".join(" " * token.spaces + token.text for token in tokens)
