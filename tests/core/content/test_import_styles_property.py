"""Property (issue 15): for any generated mix of the repository styles, every line of question text is
in exactly one card, or reported (section text, an empty stub) — never lost, never in two cards.

A generated file uses one of the styles public interview repositories use —
``## 【一】title``, ``### 1. title``, a ``### 3.1.1`` outline with generic leaves
and parents with text, ``<h1 id>12.title</h1>``, ``<h2 id>问题 7：…</h2>`` with
``### 基本概念`` sub-headings at the same or a deeper level, a table of
contents of ``[title](#anchor)`` — with ``<font>`` tags, formulas, code and
empty stubs mixed in. Every text line carries a marker ``〔Ln〕``.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizdesk.core.content.importer.split import split_text

WORD = st.text(alphabet=st.sampled_from(list("梯度注意力模型训练损失归一化卷积池化")), min_size=2, max_size=6)
_MARK = re.compile(r"〔L\d+〕")


@st.composite
def styled_file(draw: st.DrawFn) -> tuple[str, list[tuple[str, bool]]]:
    """A file and its intended questions: (marker of the question's heading, has a body)."""
    style = draw(st.sampled_from(["bracket", "numbered", "outline", "html_h1", "html_h2", "html_mixed"]))
    counter = iter(range(100_000))
    out: list[str] = []
    questions: list[tuple[str, bool]] = []

    def mark() -> str:
        return f"〔L{next(counter)}〕"

    def body(sub_level: int | None) -> list[str]:
        lines: list[str] = [""]
        for _ in range(draw(st.integers(1, 3))):
            kind = draw(st.integers(0, 4))
            if kind == 0:
                lines += [f"{draw(WORD)}是一种方法{mark()}，公式 $x_i^2$。"]
            elif kind == 1:
                lines += [f"<font color=red>{draw(WORD)}{mark()}</font><br>"]
            elif kind == 2:
                lines += ["$$", f"\\frac{{a}}{{b}} % {mark()}", "$$"]
            elif kind == 3:
                lines += ["```python", f"# 注释{mark()}", f"## 不是标题{mark()}", "```"]
            else:
                lines += [f"- 要点{mark()}", f"- 要点{mark()}"]
            lines.append("")
            if sub_level is not None and draw(st.integers(0, 3)) == 0:
                # A sub-heading inside the answer: same level or deeper, never numbered like a question.
                name = draw(st.sampled_from(["基本概念", "训练时", "推理时", "实现细节"]))
                lines += ["#" * draw(st.integers(sub_level, min(sub_level + 2, 6))) + f" {name}{mark()}", "", f"说明{mark()}。", ""]
        return lines

    count = draw(st.integers(2, 8))
    stubs = {k for k in range(count) if draw(st.integers(0, 7)) == 0}
    if style == "outline":
        out += [f"# 第五章 {draw(WORD)}", ""]
        k = 0
        for section in range(1, draw(st.integers(2, 3)) + 1):
            title = f"{draw(WORD)}{mark()}"
            out += [f"## 5.{section} {title}", ""]
            if draw(st.booleans()):
                out += [f"本节{draw(WORD)}的长一点的介绍，说明它的来龙去脉和用途{mark()}。", f"第二行{mark()}。", ""]
                questions.append((_MARK.findall(title)[0], True))
            for leaf in range(1, draw(st.integers(1, 3)) + 1):
                generic = draw(st.booleans())
                name = (draw(st.sampled_from(["模型结构", "定义", "输入层"])) if generic else f"什么是{draw(WORD)}？") + mark()
                out += [f"### 5.{section}.{leaf} {name}"]
                has_body = k not in stubs
                out += body(4) if has_body else [""]
                questions.append((_MARK.findall(name)[0], has_body))
                k += 1
        return "\n".join(out), questions
    titles = [f"什么是{draw(WORD)}{k}{mark()}？" for k in range(count)]
    anchors = [f"q{k}" for k in range(count)]
    if style.startswith("html") or draw(st.booleans()):
        out += ["## 目录", ""] + [f"- [{t}](#{a})" for t, a in zip(titles, anchors)] + [""]
    for k, title in enumerate(titles):
        if style == "bracket":
            level, line = 2, f"## 【{k + 1}】{title}"
        elif style == "numbered":
            level, line = 3, f"### {k + 1}. {title}"
        elif style == "html_h1":
            level, line = 1, f'<h1 id="{anchors[k]}">{k + 11}.{title}</h1>'
        else:
            level = draw(st.sampled_from([2, 2, 1, 3])) if style == "html_mixed" else 2
            line = f'<h{level} id="{anchors[k]}">问题 {k + 1}：{title}</h{level}>'
        out.append(line)
        has_body = k not in stubs
        out += body(level) if has_body else [""]  # sub-headings at the same level or deeper, in every style
        questions.append((_MARK.findall(title)[0], has_body))
    return "\n".join(out), questions


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(styled_file())
def test_every_line_of_question_text_is_in_exactly_one_card_or_reported(case: tuple[str, list[tuple[str, bool]]]) -> None:
    text, questions = case
    result = split_text(text)
    lines = result.scan.lines
    heading_lines = {i for h in result.scan.headings for i in range(h.start, h.end + 1)}
    dropped = {i for d in result.dropped for i in d.lines}
    owner: dict[int, int] = {}
    for n, segment in enumerate(result.segments):
        for i in segment.answer_lines:
            assert i not in owner, f"line {i + 1} {lines[i]!r} in two cards"
            owner[i] = n
    for i, line in enumerate(lines):
        if not _MARK.search(line) or i in heading_lines or i in result.toc.lines:
            continue
        assert (i in owner) != (i in dropped), f"line {i + 1} {line!r}: in a card {i in owner}, reported {i in dropped}"
    # Every intended question is one card (its title), or, without a body, reported as an empty stub.
    titles = [_MARK.findall(s.title.text) for s in result.segments]
    stubbed = [m for _h, t in getattr(result, "stubs", []) for m in _MARK.findall(t.text)]
    for marker, has_body in questions:
        carded = sum(marker in found for found in titles)
        if has_body:
            assert carded == 1, f"question {marker} is in {carded} card titles: {[s.title.text for s in result.segments]}"
        else:
            assert carded == 0 and marker in stubbed, f"empty question {marker}: cards {carded}, stubs {stubbed}"
