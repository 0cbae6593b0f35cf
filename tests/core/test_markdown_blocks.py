"""core/markdown_blocks: the fence and heading rules, and the five scanners that use them agreeing.

The rules are CommonMark's (spec 0.31, "Fenced code blocks" and "ATX headings");
the expected values below are what the CommonMark reference implementation
gives for the same lines.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizdesk.core.content.bank_parser import _code_lines, fence_languages, fenced_blocks
from quizdesk.core.content.importer.headings import scan
from quizdesk.core.markdown_blocks import atx_heading, open_fence, scan_fences
from quizdesk.core.render.code_blocks import lift_fences
from quizdesk.core.render.list_indent import normalize_list_indent
from quizdesk.core.render.math_delimiters import _code_block_lines, protect_math


def code_mask(text: str) -> list[bool]:
    return list(scan_fences(text.split("\n")).code)


# --- the rules -------------------------------------------------------------


def test_backticks_do_not_close_a_tilde_fence_nor_tildes_a_backtick_one() -> None:
    assert code_mask("~~~\n```\n# x\n~~~\nafter") == [True, True, True, True, False]
    assert code_mask("```\n~~~\n# x\n```\nafter") == [True, True, True, True, False]


def test_a_longer_closing_fence_closes_a_shorter_one_does_not() -> None:
    assert code_mask("```\nx\n`````\nafter") == [True, True, True, False]
    assert code_mask("````\n```\nx\n````\nafter") == [True, True, True, True, False]


def test_a_closing_fence_has_nothing_after_it_but_spaces() -> None:
    assert code_mask("```\n``` x\n```  \nafter") == [True, True, True, False]


def test_a_closing_fence_indented_four_columns_past_the_opening_one_is_code() -> None:
    assert code_mask("```\n    ```\n# still code\n```\nafter") == [True, True, True, True, False]
    assert code_mask("```\n   ```\n# heading") == [True, True, False]
    # Inside a list item the opening fence is deeper, and so may the closing one be.
    fence = open_fence("    ```")
    assert fence is not None and fence.indent == 4
    assert fence.closes("     ```") and fence.closes("```") and not fence.closes("        ```")


def test_a_backtick_fence_info_string_holds_no_backtick_a_tilde_one_may() -> None:
    assert open_fence("``` a`b") is None  # inline code, not a fence
    tilde = open_fence("~~~ a`b")
    assert tilde is not None and tilde.info == "a`b"
    assert code_mask("``` js`x`\n# heading") == [False, False]


def test_a_fence_indented_four_columns_is_indented_code_at_the_top_level() -> None:
    assert code_mask("    ```\n# heading") == [False, False]
    assert code_mask("\t```\n# heading") == [False, False]  # a tab is four columns
    assert code_mask("   ```\n# code") == [True, True]


def test_an_unclosed_fence_runs_to_the_end() -> None:
    scanned = scan_fences("a\n```py\n# x\n\n## y".split("\n"))
    assert scanned.code == (False, True, True, True, True)
    assert scanned.unclosed is not None and scanned.unclosed.open == 1 and scanned.unclosed.close is None


def test_atx_headings() -> None:
    assert atx_heading("## Title ##") is not None and atx_heading("## Title ##").text == "Title"
    assert atx_heading("## C#").text == "C#"
    assert atx_heading("   # three spaces").level == 1
    assert atx_heading("#\ttab").text == "tab"
    assert atx_heading("##").text == ""
    for not_heading in ("#word", "####### seven", "    # four spaces", "##\u3000全角空格", "\\# escaped"):
        assert atx_heading(not_heading) is None, not_heading


# --- the callers on the edge cases -------------------------------------------


def test_a_heading_inside_a_fence_is_no_heading_for_the_bank_nor_the_importer() -> None:
    text = "# T\n\n~~~\n```\n## inside\n~~~\n\n## outside"
    assert [h.text for h in scan(text).headings] == ["T", "outside"]
    assert 5 in _code_lines(text.split("\n")) and 8 not in _code_lines(text.split("\n"))


def test_the_bank_reads_a_longer_closing_fence_and_an_unclosed_one() -> None:
    text = "```python\nx = 1\n`````\n~~~ text\n```\nnever closed"
    assert fenced_blocks(text)[0].source == "x = 1"
    assert [b.language for b in fenced_blocks(text)] == ["python", "text"]
    assert fenced_blocks(text)[1].source == "```\nnever closed"
    assert fence_languages("``` js`x`\n```py\n```") == ["py"]


def test_a_fence_inside_a_list_item_is_lifted_and_keeps_its_fence_inside() -> None:
    lifted = lift_fences("1. item\n\n    ````md\n    ```\n    $x$\n    ```\n    ````\n2. next")
    assert [(b.language, b.code) for b in lifted.blocks] == [("md", "```\n$x$\n```")]
    # list re-indenting leaves a fence's lines alone: "- b" inside it is code, not an item.
    assert normalize_list_indent("- a\n  ~~~\n  - b\n  ```\n  ~~~\n  - c") == "- a\n    ~~~\n    - b\n    ```\n    ~~~\n    - c"


def test_formulas_after_a_backtick_line_that_is_no_fence_are_still_formulas() -> None:
    # "``` js`x`" is inline code (CommonMark); the formula protection took it for a
    # fence and left every formula after it unprotected, while the fence lifting
    # (which runs first) did not lift it.
    protected = protect_math(lift_fences("``` js`x`\n\n$a_1$ and $b_2$").text)
    assert [span.tex for span in protected.spans] == ["a_1", "b_2"]


def test_a_deep_closing_fence_does_not_end_the_code_for_any_caller() -> None:
    text = "```\n    ```\n## no heading $x$\n```\n## heading $y$"
    lines = text.split("\n")
    assert [h.text for h in scan(text).headings] == ["heading $y$"]
    assert _code_lines(lines) == {1, 2, 3, 4}
    assert _code_block_lines(lines) == [True, True, True, True, False]
    assert [b.code for b in lift_fences(text).blocks] == ["    ```\n## no heading $x$"]


# --- the callers agree -------------------------------------------------------

_INFO = st.sampled_from(["", "python", "py {.x}", "a`b", " text  "])


@st.composite
def _fenced_text(draw: st.DrawFn) -> tuple[list[str], list[bool]]:
    """Top-level Markdown with fences of every kind, and which lines are code (built, not scanned)."""
    lines: list[str] = []
    code: list[bool] = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["prose", "heading", "fence", "fence", "not-fence"]))
        indent = " " * draw(st.integers(0, 3))
        if kind == "prose":
            lines.append(indent + draw(st.sampled_from(["text $x$", "#word", "- item", ""])))
            code.append(False)
        elif kind == "heading":
            lines.append(indent + draw(st.sampled_from(["# h", "## h ##", "### C#"])))
            code.append(False)
        elif kind == "not-fence":
            lines.append(indent + "``` js`x`")  # inline code: text
            code.append(False)
        else:
            char = draw(st.sampled_from("`~"))
            length = draw(st.integers(3, 5))
            info = draw(_INFO)
            if char == "`" and "`" in info:
                info = "python"
            lines.append(indent + char * length + info)
            code.append(True)
            for _ in range(draw(st.integers(0, 4))):
                # Lines that look like closing fences but are not: the other character,
                # too short, text after, or indented four columns past the opening fence.
                lines.append(draw(st.sampled_from([
                    "## inside",
                    "text $y$",
                    ("~" if char == "`" else "`") * 5,
                    char * (length - 1),
                    char * length + " x",
                    " " * (len(indent) + 4) + char * length,
                    "",
                ])))
                code.append(True)
            if draw(st.booleans()):
                lines.append(" " * draw(st.integers(0, 3)) + char * draw(st.integers(length, 6)) + draw(st.sampled_from(["", "  "])))
                code.append(True)
            else:
                break  # never closed: runs to the end
    return lines, code


def _lifted_mask(lines: list[str]) -> list[bool | None]:
    """The lines lift_fences took into code blocks: each line is tagged, and a tag gone from the output was lifted."""
    tagged = [f"{line} w{i}z" if not open_fence(line) and line.strip(" `~") else line for i, line in enumerate(lines)]
    out = lift_fences("\n".join(tagged)).text
    return [f" w{i}z" not in out if tagged[i] != lines[i] else None for i in range(len(lines))]  # None: an untagged fence line


@settings(max_examples=300, deadline=None)
@given(_fenced_text())
def test_the_scanners_agree_on_which_lines_are_code(case: tuple[list[str], list[bool]]) -> None:
    lines, expected = case
    text = "\n".join(lines)
    assert list(scan_fences(lines).code) == expected
    assert [n in _code_lines(lines) for n in range(1, len(lines) + 1)] == expected  # bank parser
    assert scan(text).opaque == expected  # importer headings
    assert _code_block_lines(lines) == expected  # formula protection (no indented code here)
    lifted = _lifted_mask(lines)
    assert [m for m, e in zip(lifted, expected) if m is not None] == [e for m, e in zip(lifted, expected) if m is not None]
    # List re-indenting: inside a list item, a fence's lines keep their place; "- item" lines
    # inside it are code, not items (outside, the items would be moved to four spaces).
    if any(not is_code and line.lstrip().startswith("- ") for line, is_code in zip(lines, expected)):
        return  # a sub-item outside the fences would move the lines after it
    item = ["- top"] + ["  " + line if line else line for line in lines]
    shifted = normalize_list_indent("\n".join(item)).split("\n")[1:]
    for line, out, is_code in zip(lines, shifted, expected):
        if is_code and line:
            assert out == "    " + line, (line, out)
