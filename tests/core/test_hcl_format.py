"""``format_hcl``: hclwrite.Format as the cdktf CLI applies it (tests/differential compares it with the real
``@cdktf/hcl-tools`` on every differential app; these pin its rules one by one)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from constructs_vpn.core.hcl_format import format_hcl
from constructs_vpn.core.hcl_render import render_attributes, typed


def test_lines_are_indented_per_open_bracket_and_neighbouring_equals_aligned() -> None:
    text = 'resource "a" "b" {\nname = "x"\nlonger_name = 1\nlist = [\n"a",\n]\nafter = true\n}'
    assert format_hcl(text) == (
        'resource "a" "b" {\n  name        = "x"\n  longer_name = 1\n  list = [\n    "a",\n  ]\n  after = true\n}'
    )


def test_spaces_between_tokens_follow_hclwrite() -> None:
    assert format_hcl('a = {"k":1}\nb = !var.x\nc = -1\nd = f( 1,2 )[0]\ne = "${x . y}"\n') == (
        'a = { "k" : 1 }\nb = !var.x\nc = -1\nd = f(1, 2)[0]\ne = "${x.y}"\n'
    )


def test_heredocs_multi_line_strings_and_comments_keep_their_text() -> None:
    text = 'x {\nt = <<EOF\n  a  b\nEOF\ns = "one\ntwo"\n# note \n}'
    assert format_hcl(text) == 'x {\n  t = <<EOF\n  a  b\nEOF\n  s = "one\ntwo"\n  # note \n}'


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='ab "$}{\\', max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["a", "b-c", "1"]), inner, max_size=3),
    max_leaves=8,
)


@given(st.dictionaries(st.sampled_from(["x", "yy", "lifecycle"]), _values, max_size=3))
def test_formatting_what_cdktf_renders_twice_changes_nothing(attributes: dict[str, Any]) -> None:
    text = 'resource "t" "n" {\n' + render_attributes({**attributes, "s": typed("v", "simple", "string")}) + "\n}"
    once = format_hcl(text)
    assert format_hcl(once) == once
    assert once.replace(" ", "") == text.replace(" ", "")  # only spaces change
