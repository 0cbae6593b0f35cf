"""The bank parser on bad and tricky input: errors carry file and line, nothing raises."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quizdesk.core.content.bank_parser import (
    FencedBlock,
    _code_lines,
    decode_bank_file,
    fence_languages,
    fenced_blocks,
    parse_bank,
    parse_bank_text,
)
from quizdesk.core.content.model import TopicRef

FALLBACK = TopicRef("bank:m", "m", "m", "bank:m/t", "t", "t")
HEADER = "# 标题\n<!-- module: 模块; module_en: Module; topic: 主题; topic_en: Topic -->\n\n"


def _parse(body: str):
    return parse_bank_text(HEADER + body, "f.md", FALLBACK)


def test_header_names_module_and_topic_in_both_languages() -> None:
    result = _parse("## 问题？\n<!-- id: q-1; type: open -->\n\n答案\n\n### 要点\n- 一\n")
    topic = result.questions[0].topic
    assert (topic.module_name, topic.module_name_en, topic.topic_name, topic.topic_name_en) == ("模块", "Module", "主题", "Topic")


def test_heading_inside_code_fence_is_not_a_question() -> None:
    body = "## 问题\n<!-- id: q-1; type: open -->\n\n```bash\n## not a heading\necho hi\n```\n\n### 要点\n- 一\n"
    result = _parse(body)
    assert [q.title for q in result.questions] == ["问题"]
    assert "## not a heading" in result.questions[0].answer_md


def test_errors_name_the_line() -> None:
    body = (
        "## 第一题\n<!-- id: q-1; type: open -->\n\n答案\n\n### 要点\n- 一\n\n"  # lines 4-10
        "## 单选题\n<!-- id: q-2; type: single -->\n\n- [x] 甲\n- [x] 乙\n\n"  # line 12
        "## 坏 id\n<!-- id: Bad ID; type: open -->\n\n答案\n"  # line 18
    )
    result = _parse(body)
    assert [q.external_id for q in result.questions] == ["q-1"]
    assert [(p.line, p.severity) for p in result.errors] == [(12, "error"), (18, "error")]
    assert "exactly one" in result.errors[0].message


def test_missing_header_is_an_error_but_questions_still_load() -> None:
    result = parse_bank_text("## 题目\n<!-- id: q-1; type: open -->\n\n答\n\n### 要点\n- 一\n", "x.md", FALLBACK)
    assert [q.title for q in result.questions] == ["题目"]
    assert result.questions[0].topic == FALLBACK
    assert result.errors[0].line == 1


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(HEADER + "## 题\n<!-- id: same; type: open -->\n\n答\n\n### 要点\n- 一\n", encoding="utf-8")
    result = parse_bank(tmp_path)
    assert len(result.questions) == 1
    assert [str(p) for p in result.errors] == ["b.md:4: duplicate id 'same' (first used at a.md:4)"]


def test_non_utf8_and_binary_are_reported_with_a_line() -> None:
    text, problems = decode_bank_file("第一行\n第二行 ".encode("utf-8") + b"\xff\xfe", "g.md")
    assert text is None and problems[0].line == 2
    text, problems = decode_bank_file(b"\x00\x01binary", "b.md")
    assert text is None and "binary" in problems[0].message


def test_crlf_and_bom_are_fine() -> None:
    raw = ("\ufeff" + HEADER + "## 题\n<!-- id: q-1; type: truefalse; answer: true -->\n\n### 解析\n对。\n").replace("\n", "\r\n")
    text, problems = decode_bank_file(raw.encode("utf-8"), "c.md")
    assert text is not None and not problems
    result = parse_bank_text(text, "c.md", FALLBACK)
    assert result.questions[0].choices[0].correct and result.questions[0].answer_md == "对。"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#<!->:;[]x \n-*`题答要点解析idtypeopensinglemulti")), max_size=400))
def test_parser_never_raises(text: str) -> None:
    result = parse_bank_text(text, "fuzz.md", FALLBACK)
    assert all(q.title for q in result.questions)


def test_one_folder_names_one_module(tmp_path: Path) -> None:
    folder = tmp_path / "01-m"
    folder.mkdir()
    body = "## 题{n}\n<!-- id: q-{n}; type: open -->\n\n答\n\n### 要点\n- 一\n"
    (folder / "a.md").write_text("# A\n<!-- module: 甲; topic: 一 -->\n\n" + body.format(n=1), encoding="utf-8")
    (folder / "b.md").write_text("# B\n<!-- module: 乙; topic: 二 -->\n\n" + body.format(n=2), encoding="utf-8")
    result = parse_bank(tmp_path)
    assert [str(p) for p in result.errors] == ["01-m/b.md:2: module '乙' differs from '甲' named in 01-m/a.md (same folder)"]


FIRST = "## 第一题\n<!-- id: q-1; type: open -->\n\n答案一\n\n### 要点\n- 一\n\n"  # lines 4-11


def test_heading_without_space_is_an_error_and_not_merged_into_the_question_above() -> None:
    body = FIRST + "##Broken heading no space\n<!-- id: broken-h; type: open -->\n\n答案二\n\n### 要点\n- 二\n"  # line 12
    result = _parse(body)
    assert [(p.line, p.severity) for p in result.problems] == [(12, "error")]
    assert "put a space after the '##'" in result.problems[0].message
    first = result.questions[0]
    assert [q.external_id for q in result.questions] == ["q-1"]
    assert (first.answer_md, first.key_points) == ("答案一", ("一",))


def test_section_heading_without_space_is_an_error() -> None:
    result = _parse("## 题\n<!-- id: q-1; type: open -->\n\n答\n\n###要点\n- 一\n")  # lines 4-10
    assert [p.line for p in result.errors] == [4, 9]
    assert "has no '### 要点'" in result.errors[0].message and "'###要点' is not a heading" in result.errors[1].message


def test_level_one_line_followed_by_question_metadata_is_an_error() -> None:
    result = _parse(FIRST + "#第二题\n<!-- id: q-2; type: open -->\n\n答案二\n")  # line 12
    assert [p.line for p in result.errors] == [12]
    assert result.questions[0].answer_md == "答案一"


def test_metadata_comment_not_under_a_question_heading_is_an_error() -> None:
    body = (
        "<!-- id: intro; type: open -->\n\n"  # line 4: in the introduction
        + FIRST  # lines 6-13
        + "### 第二题\n<!-- id: q-2; type: open -->\n\n答案二\n\n"  # lines 14-15
        + "## 第三题\n<!-- id: q-3; type: truefalse; answer: true -->\n<!-- id: q-4; type: open -->\n\n### 解析\n对。\n"  # 19-21
    )
    result = _parse(body)
    assert [p.line for p in result.errors] == [4, 15, 21]
    assert all("not directly under" in p.message for p in result.errors)
    assert result.questions[0].answer_md == "答案一"  # '### 第二题' and what follows are cut off
    assert [q.external_id for q in result.questions] == ["q-1", "q-3"]


def test_hash_lines_in_code_and_hashtags_in_text_are_not_headings() -> None:
    body = (
        "## 题\n<!-- id: q-1; type: open -->\n\n#话题 写在行首的标签\n\n"
        "```c\n#include <stdio.h>\n##define\n<!-- id: in-code; type: open -->\n```\n\n"
        "~~~~bash\n#!/bin/bash\n```\n##not-a-heading\n~~~~\n\n### 要点\n- 一\n"
    )
    result = _parse(body)
    assert result.problems == []
    assert "#include" in result.questions[0].answer_md and "##not-a-heading" in result.questions[0].answer_md


def test_module_mismatch_is_reported_even_when_the_file_has_no_valid_question(tmp_path: Path) -> None:
    folder = tmp_path / "01-m"
    folder.mkdir()
    body = "## 题{n}\n<!-- id: q-{n}; type: open -->\n\n答\n\n### 要点\n- 一\n"
    (folder / "a.md").write_text("# A\n<!-- module: 甲; topic: 一 -->\n\n" + body.format(n=1), encoding="utf-8")
    (folder / "b.md").write_text("# B\n<!-- module: 乙; topic: 二 -->\n\n## 坏题\n<!-- id: q-2; type: essay -->\n", encoding="utf-8")
    (folder / "c.md").write_text("# C\n\n<!-- module: 丙; topic: 三 -->\n", encoding="utf-8")  # no questions at all
    result = parse_bank(tmp_path)
    assert [str(p) for p in result.errors] == [
        "01-m/b.md:2: module '乙' differs from '甲' named in 01-m/a.md (same folder)",
        "01-m/b.md:4: unknown question type 'essay' (expected one of open, single, multi, truefalse)",
        "01-m/c.md:3: module '丙' differs from '甲' named in 01-m/a.md (same folder)",
    ]


DOC = Path(__file__).resolve().parents[3] / "docs" / "content-format.md"


def test_format_doc_renders_its_examples_as_code_blocks() -> None:
    import markdown  # type: ignore[import-untyped]

    source = DOC.read_text(encoding="utf-8")
    html = markdown.markdown(source, extensions=["fenced_code"])
    rendered = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h[1-6]>(.*?)</h[1-6]>", html)]
    outside_code = [line for n, line in enumerate(source.split("\n"), start=1) if n not in _code_lines(source.split("\n"))]
    written = [re.sub(r"`", "", line.lstrip("#").strip()) for line in outside_code if re.match(r"#{1,6} ", line)]
    assert rendered == written
    assert "single — one correct choice" in rendered and "要点" not in rendered


def test_format_doc_examples_are_valid_questions() -> None:
    source = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"^(`{3,}|~{3,})markdown\n(.*?)^\1$", source, re.S | re.M)
    examples = [text for _, text in blocks if "<!-- id:" in text and text.count("\n") > 2]  # one per type
    assert len(examples) == 4
    for example in examples:
        result = _parse(example)
        assert result.problems == [] and len(result.questions) == 1, example


def test_a_code_fence_never_closed_is_reported_where_it_opens() -> None:
    body = (
        "## 第一题\n<!-- id: q-1; type: open -->\n\n答案\n\n```python\nprint(1)\n\n### 要点\n- 一\n\n"
        "## 第二题\n<!-- id: q-2; type: open -->\n\n答案二\n\n### 要点\n- 二\n"
    )
    result = _parse(body)
    fence_line = (HEADER + body).split("\n").index("```python") + 1
    unclosed = [p for p in result.problems if "never closed" in p.message]
    assert [(p.line, p.severity) for p in unclosed] == [(fence_line, "error")]
    assert "headings included" in unclosed[0].message
    closed = _parse(body.replace("print(1)\n", "print(1)\n```\n"))
    assert not [p for p in closed.problems if "never closed" in p.message]
    assert [q.external_id for q in closed.questions] == ["q-1", "q-2"]


def test_fenced_blocks_give_line_language_and_code_by_the_parser_s_own_closing_rules() -> None:
    text = (
        "intro\n"
        "```Python {linenos}\nprint(1)\n\nprint(2)\n```\n"  # language lower-cased, attributes dropped
        "````markdown\n```python\nnot a block of its own\n```\n````\n"  # a longer fence shows a shorter one
        "~~~\nplain\n~~~~\n"  # closes with the same character, at least as many
        "```bash\necho never closed\n## heading?"
    )
    assert fenced_blocks(text) == [
        FencedBlock(2, "python", "print(1)\n\nprint(2)"),
        FencedBlock(7, "markdown", "```python\nnot a block of its own\n```"),
        FencedBlock(12, "", "plain"),
        FencedBlock(15, "bash", "echo never closed\n## heading?"),
    ]
    assert fence_languages(text) == ["python", "markdown", "bash"]
