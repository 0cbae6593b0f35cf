"""Property tests: any text or bytes → no exception, no empty title, no answer text lost."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizdesk.core.content.importer import plan_import, split_text
from quizdesk.core.content.importer.split import is_trimmable

# Text with the characters that make Markdown interesting.
MARKUP = st.text(
    alphabet=st.sampled_from(list("#<>/h1236[]()`~$-*_!？?：。、【】一二 \n\tab中文Q第题.,|=\\{}\r\ufeff\x00")),
    max_size=400,
)
ANY_TEXT = st.one_of(MARKUP, st.text(max_size=300))


def _check_invariants(text: str) -> None:
    result = split_text(text)
    lines = result.scan.lines
    used: set[int] = set()
    for segment in result.segments:
        assert segment.answer == "\n".join(lines[i] for i in segment.answer_lines)
        assert used.isdisjoint(segment.answer_lines)
        used.update(segment.answer_lines)
    # No text lost between a question and the next question or section heading.
    bounds = sorted([(s.heading.start, s.heading.end, s) for s in result.segments] + [(h.start, h.end, None) for h in result.sections], key=lambda b: b[0])
    for k, (start, end, segment) in enumerate(bounds):
        if segment is None:
            continue
        stop = bounds[k + 1][0] if k + 1 < len(bounds) else len(lines)
        for index in range(end + 1, stop):
            if index in segment.answer_lines or index in result.toc.lines or is_trimmable(lines[index]):
                continue
            # Only blank/rule lines at the ends may be trimmed; anything else must be in the answer.
            raise AssertionError(f"line {index} {lines[index]!r} lost from {segment.title.text!r}")


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT)
def test_split_never_raises_and_keeps_every_answer_line(text: str) -> None:
    _check_invariants(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600) | MARKUP.map(lambda t: t.encode("utf-8")) | MARKUP.map(lambda t: t.encode("gb18030", "replace")))
def test_any_bytes_import_without_raising_and_titles_are_never_empty(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.md"
        path.write_bytes(data)
        plan = plan_import([path], media_root=Path(tmp) / "media")
    for question in plan.questions:
        assert question.title.strip()
        assert question.qtype == "open" and question.key_points == ()
    assert all(p.severity == "warning" and p.path for p in plan.problems)


# A generated bank with a known structure: the importer must find exactly its questions.
WORD = st.text(alphabet=st.sampled_from(list("梯度注意力模型训练损失函数归一化abcXYZ")), min_size=1, max_size=8)
BODY_LINE = st.one_of(
    WORD.map(lambda w: f"{w}是一种方法，公式 $x_{{i}}^2$。"),
    WORD.map(lambda w: f"<font color=red>{w}</font><br>"),
    st.just("$$\n\\frac{a}{b}\n$$"),
    st.just("```python\n# 注释\n## 不是标题\nx = 1\n```"),
    WORD.map(lambda w: f"- {w}"),
)


@st.composite
def bank(draw: st.DrawFn) -> tuple[str, list[str], list[list[str]]]:
    level = draw(st.integers(1, 4))
    numbering = draw(st.sampled_from(["{n}. ", "【{n}】", "Q{n}: ", "第{n}题 ", "{n}.", ""]))
    use_toc = draw(st.booleans())
    sections = draw(st.booleans()) and level > 1
    count = draw(st.integers(1, 8))
    titles = [f"什么是{draw(WORD)}{i}？" for i in range(count)]
    bodies = []
    out = ["# 题库标题", ""] if level > 1 else []
    if use_toc:
        out += ["## 目录", ""] + [f"- [{t}](#{t})" for t in titles] + [""]
    for i, title in enumerate(titles):
        if sections and i % 3 == 0:
            out += ["#" * (level - 1) + f" 第{i}节", "", "本节说明。", ""]
        heading = numbering.format(n=i + 1) + title
        out += ["#" * level + " " + heading if draw(st.booleans()) else f"<h{level} id='q{i}'>{heading}</h{level}>", ""]
        body = []
        for _ in range(draw(st.integers(1, 4))):
            body.append(draw(BODY_LINE))
            if level < 6 and draw(st.integers(0, 4)) == 0:
                body.append("#" * (level + 1) + f" {draw(WORD)}")  # a sub-heading inside the answer
        bodies.append(body)
        out += ["\n\n".join(body), ""]
    return "\n".join(out), titles, bodies


@settings(max_examples=200, deadline=None)
@given(bank())
def test_generated_banks_split_into_exactly_their_questions(case: tuple[str, list[str], list[list[str]]]) -> None:
    text, titles, bodies = case
    result = split_text(text)
    assert [s.title.text for s in result.segments] == titles
    for segment, body in zip(result.segments, bodies):
        assert segment.answer == "\n\n".join(body)
