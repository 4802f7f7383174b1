"""Terraform functions (``Fn``) and operators (``Op``) as tokens, with cdktf 0.21's Python names and parameters.

A parameter that cdktf types as a list is a list here too: ``Fn.format(fmt, [a, b])``, ``Fn.concat([l1, l2])``,
``Fn.cidrsubnets(prefix, [4, 4, 8])``; where Terraform's function is variadic the list is spread into its
arguments, as cdktf does. Functions return what cdktf's return: a string token for strings, a list token for
lists, an ``Expression`` otherwise. The method list was made from the cdktf 0.21.0 Python package (signatures)
and ``terraform-functions.generated.ts`` (first sentence of each docstring); ``tests/core/test_fn.py`` checks it
against the names cdktf exports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .tokens import Expression, ResolveContext, render_hcl

__all__ = ["Fn", "Op", "conditional"]

_IDENTIFIER = re.compile(r"^[_a-zA-Z][_a-zA-Z0-9]*$")
#: cdktf's return type of list functions (a one-element list token); an alias because parameters named
#: ``list`` shadow the builtin.
_Strings = list[str]


class FunctionCall(Expression):
    """``name(arg, ...)``."""

    __slots__ = ("args", "name")

    def __init__(self, name: str, *args: Any) -> None:
        super().__init__()
        self.name = name
        self.args = args

    def to_expression(self, ctx: ResolveContext) -> str:
        return f"{self.name}({', '.join(render_hcl(a, ctx) for a in self.args)})"


def _call(name: str, *args: Any) -> Expression:
    return FunctionCall(name, *args)


def _string(expression: Expression) -> str:
    return str(expression)


def _list(expression: Expression) -> _Strings:
    return expression._list_token()


class _Operation(Expression):
    __slots__ = ("operands", "operator")

    def __init__(self, operator: str, *operands: Any) -> None:
        super().__init__()
        self.operator = operator
        self.operands = operands

    def to_expression(self, ctx: ResolveContext) -> str:
        if len(self.operands) == 1:
            return f"{self.operator}{render_hcl(self.operands[0], ctx)}"
        left, right = (render_hcl(o, ctx) for o in self.operands)
        return f"({left} {self.operator} {right})"


class _Conditional(Expression):
    __slots__ = ("condition", "false_value", "true_value")

    def __init__(self, condition: Any, true_value: Any, false_value: Any) -> None:
        super().__init__()
        self.condition = condition
        self.true_value = true_value
        self.false_value = false_value

    def to_expression(self, ctx: ResolveContext) -> str:
        parts = (render_hcl(v, ctx) for v in (self.condition, self.true_value, self.false_value))
        return "{} ? {} : {}".format(*parts)


class _PropertyAccess(Expression):
    """``target.a[0]["b-c"]``, as cdktf writes ``Fn.lookup_nested`` and ``Fn.lookup`` without a default."""

    __slots__ = ("path", "target")

    def __init__(self, target: Any, path: Sequence[Any]) -> None:
        super().__init__()
        self.target = target
        self.path = list(path)

    def to_expression(self, ctx: ResolveContext) -> str:
        parts = []
        for step in self.path:
            if step == "*":
                parts.append("[*]")
            elif (isinstance(step, str) and _IDENTIFIER.match(step)) or (
                isinstance(step, int) and not isinstance(step, bool)
            ):
                parts.append(f".{step}")
            else:
                parts.append(f"[{render_hcl(step, ctx)}]")
        fqn = getattr(self.target, "fqn", None)
        target = fqn if isinstance(fqn, str) else render_hcl(self.target, ctx)
        return target + "".join(parts)


class _RawString(Expression):
    """``Fn.raw_string``: text whose ``${`` and quotes are escaped, for use as a literal."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def _escaped(self) -> str:
        return self.text.replace("\n", "\\n").replace("${", "$${").replace('"', '\\"')

    def to_expression(self, ctx: ResolveContext) -> str:
        return f'"{self._escaped()}"'

    def resolve_value(self, ctx: ResolveContext) -> Any:
        return self._escaped()


def conditional(condition: Any, true_value: Any, false_value: Any) -> Any:
    """``condition ? true_value : false_value`` (also ``Fn.conditional``)."""
    return _Conditional(condition, true_value, false_value)


class Fn:
    """Terraform's built-in functions; ``Fn.call`` reaches any other by name."""

    @staticmethod
    def call(name: str, *args: Any) -> Expression:
        """``name(*args)``: a function this class does not list (e.g. a provider-defined one)."""
        return FunctionCall(name, *args)

    @staticmethod
    def bcrypt(str: Any, cost: Any = None) -> str:
        """``bcrypt(str, cost)``: computes a hash of the given string using the Blowfish cipher."""
        return _string(_call("bcrypt", str, *([cost] if cost else [])))

    @staticmethod
    def conditional(condition: Any, true_value: Any, false_value: Any) -> Any:
        """``condition ? true_value : false_value``."""
        return _Conditional(condition, true_value, false_value)

    @staticmethod
    def join(separator: Any, list: Sequence[Any] | Expression) -> str:
        """``join(separator, list)``: produces a string by concatenating the elements of a list with a separator."""
        return _string(_call("join", separator, list))

    @staticmethod
    def lookup(input_map: Any, key: Any, default_value: Any = None) -> Any:
        """``lookup(input_map, key, default_value)``; without a (truthy) default ``input_map[key]``, as in cdktf."""
        if default_value:
            return _call("lookup", input_map, key, default_value)
        return _PropertyAccess(input_map, [key])

    @staticmethod
    def lookup_nested(input_map: Any, path: Sequence[Any]) -> Any:
        """``input_map.a.b[0]``: the value at ``path`` inside nested maps and lists."""
        return _PropertyAccess(input_map, path)

    @staticmethod
    def range(start: Any, limit: Any, step: Any = 1) -> _Strings:
        """``range(start, limit, step)``: a list of numbers from ``start`` up to (not including) ``limit``."""
        return _list(_call("range", start, limit, step))

    @staticmethod
    def raw_string(str: Any) -> str:
        """A string written literally: ``${`` and double quotes in it are escaped."""
        return _string(_RawString(str))

    @staticmethod
    def abs(num: Any) -> Any:
        """``abs(num)``: returns the absolute value of the given number."""
        return _call("abs", num)

    @staticmethod
    def abspath(path: Any) -> str:
        """``abspath(path)``: takes a string containing a filesystem path and converts it to an absolute path."""
        return _string(_call("abspath", path))

    @staticmethod
    def alltrue(list: Sequence[Any] | Expression) -> Any:
        """``alltrue(list)``: returns ``true`` if all elements in a given collection are ``true`` or ``"true"``."""
        return _call("alltrue", list)

    @staticmethod
    def anytrue(list: Sequence[Any] | Expression) -> Any:
        """``anytrue(list)``: returns ``true`` if any element in a given collection is ``true`` or ``"true"``."""
        return _call("anytrue", list)

    @staticmethod
    def base64decode(str: Any) -> str:
        """``base64decode(str)``: takes a string containing a Base64 character sequence and returns the original
        string."""
        return _string(_call("base64decode", str))

    @staticmethod
    def base64encode(str: Any) -> str:
        """``base64encode(str)``: applies Base64 encoding to a string."""
        return _string(_call("base64encode", str))

    @staticmethod
    def base64gzip(str: Any) -> str:
        """``base64gzip(str)``: compresses a string with gzip and then encodes the result in Base64 encoding."""
        return _string(_call("base64gzip", str))

    @staticmethod
    def base64sha256(str: Any) -> str:
        """``base64sha256(str)``: computes the SHA256 hash of a given string and encodes it with Base64."""
        return _string(_call("base64sha256", str))

    @staticmethod
    def base64sha512(str: Any) -> str:
        """``base64sha512(str)``: computes the SHA512 hash of a given string and encodes it with Base64."""
        return _string(_call("base64sha512", str))

    @staticmethod
    def basename(path: Any) -> str:
        """``basename(path)``: takes a string containing a filesystem path and removes all except the last portion
        from it."""
        return _string(_call("basename", path))

    @staticmethod
    def can(expression: Any) -> Any:
        """``can(expression)``: evaluates the given expression and returns a boolean value indicating whether the
        expression produced a result without any errors."""
        return _call("can", expression)

    @staticmethod
    def ceil(num: Any) -> Any:
        """``ceil(num)``: returns the closest whole number that is greater than or equal to the given value, which
        may be a fraction."""
        return _call("ceil", num)

    @staticmethod
    def chomp(str: Any) -> str:
        """``chomp(str)``: removes newline characters at the end of a string."""
        return _string(_call("chomp", str))

    @staticmethod
    def chunklist(list: Sequence[Any] | Expression, size: Any) -> _Strings:
        """``chunklist(list, size)``: splits a single list into fixed-size chunks, returning a list of lists."""
        return _list(_call("chunklist", list, size))

    @staticmethod
    def cidrhost(prefix: Any, hostnum: Any) -> str:
        """``cidrhost(prefix, hostnum)``: calculates a full host IP address for a given host number within a given IP
        network address prefix."""
        return _string(_call("cidrhost", prefix, hostnum))

    @staticmethod
    def cidrnetmask(prefix: Any) -> str:
        """``cidrnetmask(prefix)``: converts an IPv4 address prefix given in CIDR notation into a subnet mask
        address."""
        return _string(_call("cidrnetmask", prefix))

    @staticmethod
    def cidrsubnet(prefix: Any, newbits: Any, netnum: Any) -> str:
        """``cidrsubnet(prefix, newbits, netnum)``: calculates a subnet address within given IP network address
        prefix."""
        return _string(_call("cidrsubnet", prefix, newbits, netnum))

    @staticmethod
    def cidrsubnets(prefix: Any, newbits: Sequence[Any]) -> _Strings:
        """``cidrsubnets(prefix, *newbits)``: calculates a sequence of consecutive IP address ranges within a
        particular CIDR prefix."""
        return _list(_call("cidrsubnets", prefix, *newbits))

    @staticmethod
    def coalesce(vals: Sequence[Any]) -> Any:
        """``coalesce(*vals)``: takes any number of arguments and returns the first one that isn't null or an empty
        string."""
        return _call("coalesce", *vals)

    @staticmethod
    def coalescelist(vals: Sequence[Any]) -> Any:
        """``coalescelist(*vals)``: takes any number of list arguments and returns the first one that isn't empty."""
        return _call("coalescelist", *vals)

    @staticmethod
    def compact(list: Sequence[Any] | Expression) -> _Strings:
        """``compact(list)``: takes a list of strings and returns a new list with any empty string elements removed."""
        return _list(_call("compact", list))

    @staticmethod
    def concat(seqs: Sequence[Any]) -> Any:
        """``concat(*seqs)``: takes two or more lists and combines them into a single list."""
        return _call("concat", *seqs)

    @staticmethod
    def contains(list: Any, value: Any) -> Any:
        """``contains(list, value)``: determines whether a given list or set contains a given single value as one of
        its elements."""
        return _call("contains", list, value)

    @staticmethod
    def csvdecode(str: Any) -> Any:
        """``csvdecode(str)``: decodes a string containing CSV-formatted data and produces a list of maps
        representing that data."""
        return _call("csvdecode", str)

    @staticmethod
    def dirname(path: Any) -> str:
        """``dirname(path)``: takes a string containing a filesystem path and removes the last portion from it."""
        return _string(_call("dirname", path))

    @staticmethod
    def distinct(list: Sequence[Any] | Expression) -> _Strings:
        """``distinct(list)``: takes a list and returns a new list with any duplicate elements removed."""
        return _list(_call("distinct", list))

    @staticmethod
    def element(list: Any, index: Any) -> Any:
        """``element(list, index)``: retrieves a single element from a list."""
        return _call("element", list, index)

    @staticmethod
    def endswith(str: Any, suffix: Any) -> Any:
        """``endswith(str, suffix)``: takes two values: a string to check and a suffix string."""
        return _call("endswith", str, suffix)

    @staticmethod
    def file(path: Any) -> str:
        """``file(path)``: reads the contents of a file at the given path and returns them as a string."""
        return _string(_call("file", path))

    @staticmethod
    def filebase64(path: Any) -> str:
        """``filebase64(path)``: reads the contents of a file at the given path and returns them as a base64-encoded
        string."""
        return _string(_call("filebase64", path))

    @staticmethod
    def filebase64sha256(path: Any) -> str:
        """``filebase64sha256(path)``: is a variant of ``base64sha256`` that hashes the contents of a given file
        rather than a literal string."""
        return _string(_call("filebase64sha256", path))

    @staticmethod
    def filebase64sha512(path: Any) -> str:
        """``filebase64sha512(path)``: is a variant of ``base64sha512`` that hashes the contents of a given file
        rather than a literal string."""
        return _string(_call("filebase64sha512", path))

    @staticmethod
    def fileexists(path: Any) -> Any:
        """``fileexists(path)``: determines whether a file exists at a given path."""
        return _call("fileexists", path)

    @staticmethod
    def filemd5(path: Any) -> str:
        """``filemd5(path)``: is a variant of ``md5`` that hashes the contents of a given file rather than a literal
        string."""
        return _string(_call("filemd5", path))

    @staticmethod
    def fileset(path: Any, pattern: Any) -> _Strings:
        """``fileset(path, pattern)``: enumerates a set of regular file names given a path and pattern."""
        return _list(_call("fileset", path, pattern))

    @staticmethod
    def filesha1(path: Any) -> str:
        """``filesha1(path)``: is a variant of ``sha1`` that hashes the contents of a given file rather than a
        literal string."""
        return _string(_call("filesha1", path))

    @staticmethod
    def filesha256(path: Any) -> str:
        """``filesha256(path)``: is a variant of ``sha256`` that hashes the contents of a given file rather than a
        literal string."""
        return _string(_call("filesha256", path))

    @staticmethod
    def filesha512(path: Any) -> str:
        """``filesha512(path)``: is a variant of ``sha512`` that hashes the contents of a given file rather than a
        literal string."""
        return _string(_call("filesha512", path))

    @staticmethod
    def flatten(list: Any) -> Any:
        """``flatten(list)``: takes a list and replaces any elements that are lists with a flattened sequence of the
        list contents."""
        return _call("flatten", list)

    @staticmethod
    def floor(num: Any) -> Any:
        """``floor(num)``: returns the closest whole number that is less than or equal to the given value, which may
        be a fraction."""
        return _call("floor", num)

    @staticmethod
    def format(format: Any, args: Sequence[Any]) -> Any:
        """``format(format, *args)``: Terraform's ``format`` function."""
        return _call("format", format, *args)

    @staticmethod
    def formatdate(format: Any, time: Any) -> str:
        """``formatdate(format, time)``: converts a timestamp into a different time format."""
        return _string(_call("formatdate", format, time))

    @staticmethod
    def formatlist(format: Any, args: Sequence[Any]) -> Any:
        """``formatlist(format, *args)``: produces a list of strings by formatting a number of other values according
        to a specification string."""
        return _call("formatlist", format, *args)

    @staticmethod
    def indent(spaces: Any, str: Any) -> str:
        """``indent(spaces, str)``: adds a given number of spaces to the beginnings of all but the first line in a
        given multi-line string."""
        return _string(_call("indent", spaces, str))

    @staticmethod
    def index(list: Any, value: Any) -> Any:
        """``index(list, value)``: finds the element index for a given value in a list."""
        return _call("index", list, value)

    @staticmethod
    def jsondecode(str: Any) -> Any:
        """``jsondecode(str)``: interprets a given string as JSON, returning a representation of the result of
        decoding that string."""
        return _call("jsondecode", str)

    @staticmethod
    def jsonencode(val: Any) -> str:
        """``jsonencode(val)``: encodes a given value to a string using JSON syntax."""
        return _string(_call("jsonencode", val))

    @staticmethod
    def keys(input_map: Any) -> Any:
        """``keys(input_map)``: takes a map and returns a list containing the keys from that map."""
        return _call("keys", input_map)

    @staticmethod
    def length_of(value: Any) -> Any:
        """``length(value)``: determines the length of a given list, map, or string."""
        return _call("length", value)

    @staticmethod
    def log(num: Any, base: Any) -> Any:
        """``log(num, base)``: returns the logarithm of a given number in a given base."""
        return _call("log", num, base)

    @staticmethod
    def lower(str: Any) -> str:
        """``lower(str)``: converts all cased letters in the given string to lowercase."""
        return _string(_call("lower", str))

    @staticmethod
    def matchkeys(
        values: Sequence[Any] | Expression, keys: Sequence[Any] | Expression, searchset: Sequence[Any] | Expression
    ) -> _Strings:
        """``matchkeys(values, keys, searchset)``: constructs a new list by taking a subset of elements from one list
        whose indexes match the corresponding indexes of values in another list."""
        return _list(_call("matchkeys", values, keys, searchset))

    @staticmethod
    def max(numbers: Sequence[Any]) -> Any:
        """``max(*numbers)``: takes one or more numbers and returns the greatest number from the set."""
        return _call("max", *numbers)

    @staticmethod
    def md5(str: Any) -> str:
        """``md5(str)``: computes the MD5 hash of a given string and encodes it with hexadecimal digits."""
        return _string(_call("md5", str))

    @staticmethod
    def merge(maps: Sequence[Any]) -> Any:
        """``merge(*maps)``: takes an arbitrary number of maps or objects, and returns a single map or object that
        contains a merged set of elements from all arguments."""
        return _call("merge", *maps)

    @staticmethod
    def min(numbers: Sequence[Any]) -> Any:
        """``min(*numbers)``: takes one or more numbers and returns the smallest number from the set."""
        return _call("min", *numbers)

    @staticmethod
    def nonsensitive(value: Any) -> Any:
        """``nonsensitive(value)``: takes a sensitive value and returns a copy of that value with the sensitive
        marking removed, thereby exposing the sensitive value."""
        return _call("nonsensitive", value)

    @staticmethod
    def one(list: Any) -> Any:
        """``one(list)``: takes a list, set, or tuple value with either zero or one elements."""
        return _call("one", list)

    @staticmethod
    def parseint(number: Any, base: Any) -> Any:
        """``parseint(number, base)``: parses the given string as a representation of an integer in the specified
        base and returns the resulting number."""
        return _call("parseint", number, base)

    @staticmethod
    def pathexpand(path: Any) -> str:
        """``pathexpand(path)``: takes a filesystem path that might begin with a ``~`` segment, and if so it replaces
        that segment with the current user's home directory path."""
        return _string(_call("pathexpand", path))

    @staticmethod
    def plantimestamp() -> str:
        """``plantimestamp()``: returns a UTC timestamp string in [RFC 3339](https://tools.ietf.org/html/rfc3339)
        format, fixed to a constant time representing the time of the plan."""
        return _string(_call("plantimestamp"))

    @staticmethod
    def pow(num: Any, power: Any) -> Any:
        """``pow(num, power)``: calculates an exponent, by raising its first argument to the power of the second
        argument."""
        return _call("pow", num, power)

    @staticmethod
    def regex(pattern: Any, str: Any) -> Any:
        """``regex(pattern, str)``: applies a [regular expression](https://en.wikipedia.org/wiki/Regular_expression)
        to a string and returns the matching substrings."""
        return _call("regex", pattern, str)

    @staticmethod
    def regexall(pattern: Any, str: Any) -> _Strings:
        """``regexall(pattern, str)``: applies a [regular
        expression](https://en.wikipedia.org/wiki/Regular_expression) to a string and returns a list of all
        matches."""
        return _list(_call("regexall", pattern, str))

    @staticmethod
    def replace(str: Any, substr: Any, replace: Any) -> str:
        """``replace(str, substr, replace)``: searches a given string for another given substring, and replaces each
        occurrence with a given replacement string."""
        return _string(_call("replace", str, substr, replace))

    @staticmethod
    def reverse(list: Any) -> Any:
        """``reverse(list)``: takes a sequence and produces a new sequence of the same length with all of the same
        elements as the given sequence but in reverse order."""
        return _call("reverse", list)

    @staticmethod
    def rsadecrypt(ciphertext: Any, privatekey: Any) -> str:
        """``rsadecrypt(ciphertext, privatekey)``: decrypts an RSA-encrypted ciphertext, returning the corresponding
        cleartext."""
        return _string(_call("rsadecrypt", ciphertext, privatekey))

    @staticmethod
    def sensitive(value: Any) -> Any:
        """``sensitive(value)``: takes any value and returns a copy of it marked so that Terraform will treat it as
        sensitive, with the same meaning and behavior as for [sensitive input
        variables](/terraform/language/values/variables#suppressing-values-in-cli-output)."""
        return _call("sensitive", value)

    @staticmethod
    def setintersection(first_set: Sequence[Any] | Expression, other_sets: Sequence[Any]) -> _Strings:
        """``setintersection(first_set, *other_sets)``: Terraform's ``setintersection`` function."""
        return _list(_call("setintersection", first_set, *other_sets))

    @staticmethod
    def setproduct(sets: Sequence[Any]) -> Any:
        """``setproduct(*sets)``: Terraform's ``setproduct`` function."""
        return _call("setproduct", *sets)

    @staticmethod
    def setsubtract(a: Sequence[Any] | Expression, b: Sequence[Any] | Expression) -> _Strings:
        """``setsubtract(a, b)``: Terraform's ``setsubtract`` function."""
        return _list(_call("setsubtract", a, b))

    @staticmethod
    def setunion(first_set: Sequence[Any] | Expression, other_sets: Sequence[Any]) -> _Strings:
        """``setunion(first_set, *other_sets)``: Terraform's ``setunion`` function."""
        return _list(_call("setunion", first_set, *other_sets))

    @staticmethod
    def sha1(str: Any) -> str:
        """``sha1(str)``: computes the SHA1 hash of a given string and encodes it with hexadecimal digits."""
        return _string(_call("sha1", str))

    @staticmethod
    def sha256(str: Any) -> str:
        """``sha256(str)``: computes the SHA256 hash of a given string and encodes it with hexadecimal digits."""
        return _string(_call("sha256", str))

    @staticmethod
    def sha512(str: Any) -> str:
        """``sha512(str)``: computes the SHA512 hash of a given string and encodes it with hexadecimal digits."""
        return _string(_call("sha512", str))

    @staticmethod
    def signum(num: Any) -> Any:
        """``signum(num)``: determines the sign of a number, returning a number between -1 and 1 to represent the
        sign."""
        return _call("signum", num)

    @staticmethod
    def slice(list: Any, start_index: Any, end_index: Any) -> Any:
        """``slice(list, start_index, end_index)``: extracts some consecutive elements from within a list."""
        return _call("slice", list, start_index, end_index)

    @staticmethod
    def sort(list: Sequence[Any] | Expression) -> _Strings:
        """``sort(list)``: takes a list of strings and returns a new list with those strings sorted
        lexicographically."""
        return _list(_call("sort", list))

    @staticmethod
    def split(separator: Any, str: Any) -> _Strings:
        """``split(separator, str)``: produces a list by dividing a given string at all occurrences of a given
        separator."""
        return _list(_call("split", separator, str))

    @staticmethod
    def startswith(str: Any, prefix: Any) -> Any:
        """``startswith(str, prefix)``: takes two values: a string to check and a prefix string."""
        return _call("startswith", str, prefix)

    @staticmethod
    def strcontains(str: Any, substr: Any) -> Any:
        """``strcontains(str, substr)``: takes two values: a string to check and an expected substring."""
        return _call("strcontains", str, substr)

    @staticmethod
    def strrev(str: Any) -> str:
        """``strrev(str)``: reverses the characters in a string."""
        return _string(_call("strrev", str))

    @staticmethod
    def substr(str: Any, offset: Any, length: Any) -> str:
        """``substr(str, offset, length)``: extracts a substring from a given string by offset and (maximum) length."""
        return _string(_call("substr", str, offset, length))

    @staticmethod
    def sum(list: Any) -> Any:
        """``sum(list)``: takes a list or set of numbers and returns the sum of those numbers."""
        return _call("sum", list)

    @staticmethod
    def templatefile(path: Any, vars: Any) -> Any:
        """``templatefile(path, vars)``: reads the file at the given path and renders its content as a template using
        a supplied set of template variables."""
        return _call("templatefile", path, vars)

    @staticmethod
    def textdecodebase64(source: Any, encoding: Any) -> str:
        """``textdecodebase64(source, encoding)``: function decodes a string that was previously Base64-encoded, and
        then interprets the result as characters in a specified character encoding."""
        return _string(_call("textdecodebase64", source, encoding))

    @staticmethod
    def textencodebase64(str: Any, encoding: Any) -> str:
        """``textencodebase64(str, encoding)``: encodes the unicode characters in a given string using a specified
        character encoding, returning the result base64 encoded because Terraform language strings are always
        sequences of unicode characters."""
        return _string(_call("textencodebase64", str, encoding))

    @staticmethod
    def timeadd(timestamp: Any, duration: Any) -> str:
        """``timeadd(timestamp, duration)``: adds a duration to a timestamp, returning a new timestamp."""
        return _string(_call("timeadd", timestamp, duration))

    @staticmethod
    def timecmp(timestamp_a: Any, timestamp_b: Any) -> Any:
        """``timecmp(timestamp_a, timestamp_b)``: compares two timestamps and returns a number that represents the
        ordering of the instants those timestamps represent."""
        return _call("timecmp", timestamp_a, timestamp_b)

    @staticmethod
    def timestamp() -> str:
        """``timestamp()``: returns a UTC timestamp string in [RFC 3339](https://tools.ietf.org/html/rfc3339) format."""
        return _string(_call("timestamp"))

    @staticmethod
    def title(str: Any) -> str:
        """``title(str)``: converts the first letter of each word in the given string to uppercase."""
        return _string(_call("title", str))

    @staticmethod
    def tobool(v: Any) -> Any:
        """``tobool(v)``: converts its argument to a boolean value."""
        return _call("tobool", v)

    @staticmethod
    def tolist(v: Any) -> _Strings:
        """``tolist(v)``: converts its argument to a list value."""
        return _list(_call("tolist", v))

    @staticmethod
    def tomap(v: Any) -> Any:
        """``tomap(v)``: converts its argument to a map value."""
        return _call("tomap", v)

    @staticmethod
    def tonumber(v: Any) -> Any:
        """``tonumber(v)``: converts its argument to a number value."""
        return _call("tonumber", v)

    @staticmethod
    def toset(v: Any) -> _Strings:
        """``toset(v)``: converts its argument to a set value."""
        return _list(_call("toset", v))

    @staticmethod
    def tostring(v: Any) -> str:
        """``tostring(v)``: converts its argument to a string value."""
        return _string(_call("tostring", v))

    @staticmethod
    def transpose(values: Any) -> Any:
        """``transpose(values)``: takes a map of lists of strings and swaps the keys and values to produce a new map
        of lists of strings."""
        return _call("transpose", values)

    @staticmethod
    def trim(str: Any, cutset: Any) -> str:
        """``trim(str, cutset)``: removes the specified set of characters from the start and end of the given string."""
        return _string(_call("trim", str, cutset))

    @staticmethod
    def trimprefix(str: Any, prefix: Any) -> str:
        """``trimprefix(str, prefix)``: removes the specified prefix from the start of the given string."""
        return _string(_call("trimprefix", str, prefix))

    @staticmethod
    def trimspace(str: Any) -> str:
        """``trimspace(str)``: removes any space characters from the start and end of the given string."""
        return _string(_call("trimspace", str))

    @staticmethod
    def trimsuffix(str: Any, suffix: Any) -> str:
        """``trimsuffix(str, suffix)``: removes the specified suffix from the end of the given string."""
        return _string(_call("trimsuffix", str, suffix))

    @staticmethod
    def try_(expressions: Sequence[Any]) -> Any:
        """``try(*expressions)``: evaluates all of its argument expressions in turn and returns the result of the
        first one that does not produce any errors."""
        return _call("try", *expressions)

    @staticmethod
    def upper(str: Any) -> str:
        """``upper(str)``: converts all cased letters in the given string to uppercase."""
        return _string(_call("upper", str))

    @staticmethod
    def urlencode(str: Any) -> str:
        """``urlencode(str)``: applies URL encoding to a given string."""
        return _string(_call("urlencode", str))

    @staticmethod
    def uuid() -> str:
        """``uuid()``: generates a unique identifier string."""
        return _string(_call("uuid"))

    @staticmethod
    def uuidv5(namespace: Any, name: Any) -> str:
        """``uuidv5(namespace, name)``: generates a _name-based_ UUID, as described in [RFC 4122 section
        4.3](https://tools.ietf.org/html/rfc4122#section-4.3), also known as a "version 5" UUID."""
        return _string(_call("uuidv5", namespace, name))

    @staticmethod
    def values(mapping: Any) -> Any:
        """``values(mapping)``: takes a map and returns a list containing the values of the elements in that map."""
        return _call("values", mapping)

    @staticmethod
    def yamldecode(src: Any) -> Any:
        """``yamldecode(src)``: parses a string as a subset of YAML, and produces a representation of its value."""
        return _call("yamldecode", src)

    @staticmethod
    def yamlencode(value: Any) -> str:
        """``yamlencode(value)``: encodes a given value to a string using [YAML
        1.2](https://yaml.org/spec/1.2/spec.html) block syntax."""
        return _string(_call("yamlencode", value))

    @staticmethod
    def zipmap(keys: Sequence[Any] | Expression, values: Any) -> Any:
        """``zipmap(keys, values)``: constructs a map from a list of keys and a corresponding list of values."""
        return _call("zipmap", keys, values)


class Op:
    """Terraform operators, as cdktf's ``Op`` (for conditions, validations and pre/postconditions)."""

    @staticmethod
    def not_(expression: Any) -> Expression:
        return _Operation("!", expression)

    @staticmethod
    def negate(expression: Any) -> Any:
        return _Operation("-", expression)

    @staticmethod
    def mul(left: Any, right: Any) -> Any:
        return _Operation("*", left, right)

    @staticmethod
    def div(left: Any, right: Any) -> Any:
        return _Operation("/", left, right)

    @staticmethod
    def mod(left: Any, right: Any) -> Any:
        return _Operation("%", left, right)

    @staticmethod
    def add(left: Any, right: Any) -> Any:
        return _Operation("+", left, right)

    @staticmethod
    def sub(left: Any, right: Any) -> Any:
        return _Operation("-", left, right)

    @staticmethod
    def gt(left: Any, right: Any) -> Expression:
        return _Operation(">", left, right)

    @staticmethod
    def gte(left: Any, right: Any) -> Expression:
        return _Operation(">=", left, right)

    @staticmethod
    def lt(left: Any, right: Any) -> Expression:
        return _Operation("<", left, right)

    @staticmethod
    def lte(left: Any, right: Any) -> Expression:
        return _Operation("<=", left, right)

    @staticmethod
    def eq(left: Any, right: Any) -> Expression:
        return _Operation("==", left, right)

    @staticmethod
    def neq(left: Any, right: Any) -> Expression:
        return _Operation("!=", left, right)

    @staticmethod
    def and_(left: Any, right: Any) -> Expression:
        return _Operation("&&", left, right)

    @staticmethod
    def or_(left: Any, right: Any) -> Expression:
        return _Operation("||", left, right)
