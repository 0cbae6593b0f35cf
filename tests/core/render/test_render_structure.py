"""Markdown preparation: nested-list indentation and fenced code lifted wherever it is."""

from __future__ import annotations

from quizdesk.core.render.code_blocks import lift_fences
from quizdesk.core.render.list_indent import normalize_list_indent


def test_nested_list_indentation_becomes_four_spaces() -> None:
    assert normalize_list_indent("1. a\n   - b\n   - c\n2. d") == "1. a\n    - b\n    - c\n2. d"
    assert normalize_list_indent("- a\n  - b\n    - c\n- d") == "- a\n    - b\n        - c\n- d"


def test_four_space_lists_and_plain_text_are_unchanged() -> None:
    for text in ("* a\n    * b\n        * c", "text\n\n    code block\n", "- a\nlazy"):
        assert normalize_list_indent(text) == text


def test_fences_are_lifted_at_any_indentation_inside_lists() -> None:
    lifted = lift_fences("- item\n  ```python\n  x = 1\n    y\n  ```\n- next")
    assert [(b.language, b.code) for b in lifted.blocks] == [("python", "x = 1\n  y")]
    assert lifted.text.splitlines()[1].strip().startswith("qzc")


def test_top_level_fence_becomes_its_own_block() -> None:
    lifted = lift_fences("para\n```\ncode\n```\nafter")
    lines = lifted.text.split("\n")
    assert lines[0] == "para" and lines[1] == "" and lines[3] == ""


def test_unclosed_fence_runs_to_the_end_and_indented_fence_outside_lists_is_code() -> None:
    assert lift_fences("```\nopen").blocks[0].code == "open"
    assert lift_fences("text\n\n    ```\n    x\n    ```").blocks == ()
