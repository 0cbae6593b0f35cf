"""Property tests: any text or bytes → no exception, no empty title, no answer text lost."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizdesk.core.content.importer import plan_import, split_text
from quizdesk.core.content.importer.headings import github_slug
from quizdesk.core.content.importer.split import Segment, is_trimmable

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
    segment: Segment | None
    for segment in result.segments:
        assert segment.answer == "\n".join(lines[i] for i in segment.answer_lines)
        assert used.isdisjoint(segment.answer_lines)
        used.update(segment.answer_lines)
    dropped = {i for d in result.dropped for i in d.lines}
    assert used.isdisjoint(dropped)
    toc_entries = {e.line for e in result.toc.entries}
    # No text lost between a question and the next question or section heading
    # (a table of contents cut out of it is reported).
    bounds = sorted([(s.heading.start, s.heading.end, s) for s in result.segments] + [(h.start, h.end, None) for h in result.sections], key=lambda b: b[0])
    for k, (start, end, segment) in enumerate(bounds):
        if segment is None:
            continue
        stop = bounds[k + 1][0] if k + 1 < len(bounds) else len(lines)
        for index in range(end + 1, stop):
            if index in segment.answer_lines or is_trimmable(lines[index]):
                continue
            if index in result.toc.lines and (index not in toc_entries or index in dropped):
                continue
            # Only blank/rule lines at the ends may be trimmed; anything else must be in the answer.
            raise AssertionError(f"line {index} {lines[index]!r} lost from {segment.title.text!r}")
    if not result.segments:
        return  # the whole file is skipped, with a warning
    # Nowhere else either: every text line is in an answer, reported as dropped, or
    # one of the things that go silently (headings, front matter, TOC, navigation).
    silent = set(range(result.scan.front_matter_end)) | result.toc.lines
    for heading in result.scan.headings:
        silent.update(range(heading.start, heading.end + 1))
    for index, line in enumerate(lines):
        if index in used or index in dropped or index in silent or is_trimmable(line):
            continue
        raise AssertionError(f"line {index} {line!r} neither imported nor reported")


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


# Any mix of heading levels and styles, with text under every heading: each
# heading's text goes wholly into an imported question or is reported by one
# warning naming the heading, the first line and the number of lines.
HEADING_STYLES = (
    "{n}. {w}",  # weakly numbered
    "什么是{w}？",  # question-like
    "为什么{w}有效？",
    "{w}",  # plain
    "第{n}章 {w}",  # chapter
    "参考资料",  # a document part
    "{n}.{m} {w}",  # section numbering
    "{n}.{m}.{k} 什么是{w}？",
    "【{n}】{w}的原理",
    "Q{n}: {w}",
    "{n}.",  # nothing but numbering
)
_NOT_IMPORTED_RE = re.compile(r'^(\d+): (\d+) lines? (?:under "(.*)"|before the first heading) not imported \(.+\)$')


@st.composite
def mixed_document(draw: st.DrawFn) -> tuple[str, list[tuple[str | None, list[tuple[int, str]]]]]:
    """A document and its blocks: (heading as shown, or None before the first heading; [(1-based line, text line)])."""
    out: list[str] = []
    blocks: list[tuple[str | None, list[tuple[int, str]]]] = []
    marker = iter(range(10_000))

    def body() -> list[str]:
        parts: list[str] = []
        for _ in range(draw(st.integers(1, 3))):
            kind = draw(st.integers(0, 5))
            m = next(marker)
            if kind == 0:
                parts += [f"正文〔L{m}〕是一段说明。"]
            elif kind == 1:
                parts += [f"- 列表〔L{m}〕", f"- 列表〔L{next(marker)}〕"]
            elif kind == 2:
                parts += ["$$", f"x_{{L{m}}}^2", "$$"]
            elif kind == 3:
                parts += ["```python", f"# 注释〔L{m}〕", f"## 不是标题〔L{next(marker)}〕", "```"]
            elif kind == 4:
                parts += [f"<font color=red>〔L{m}〕</font><br>公式 $a_{{L{next(marker)}}}$"]
            else:
                parts += ["---"]  # a rule: no text
            parts.append("")
        return parts

    def add(heading: str | None, lines: list[str]) -> None:
        start = len(out)
        out.extend(lines)
        text = [(start + i + 1, line) for i, line in enumerate(lines) if not is_trimmable(line)]
        blocks.append((heading, text))

    if draw(st.booleans()):
        add(None, body())
    count = draw(st.integers(1, 12))
    shown = []
    for k in range(count):
        style = draw(st.sampled_from(HEADING_STYLES))
        shown.append(style.format(n=k + 1, m=draw(st.integers(1, 3)), k=draw(st.integers(1, 3)), w=draw(WORD) + str(k)))
    if draw(st.integers(0, 3)) == 0:
        # A table of contents naming some of the headings: it goes silently, as a table of contents.
        named = draw(st.lists(st.sampled_from(shown), min_size=1, max_size=len(shown), unique=True))
        out += ["## 目录", ""] + [f"- [{t}](#{github_slug(t)})" for t in named] + [""]
    for k, text in enumerate(shown):
        level = draw(st.integers(1, 4))
        line = f"{'#' * level} {text}" if draw(st.booleans()) else f'<h{level} id="h{k}">{text}</h{level}>'
        out.append(line)
        add(text, [""] + body())
    return "\n".join(out), blocks


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_document())
def test_every_text_line_is_imported_or_reported(case: tuple[str, list[tuple[str | None, list[tuple[int, str]]]]]) -> None:
    text, blocks = case
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.md"
        path.write_text(text, encoding="utf-8")
        plan = plan_import([path])
    messages = [p.message for p in plan.problems]
    if not plan.questions:
        assert any("no question headings found" in m for m in messages)
        return
    imported = set(re.findall(r"L\d+", "\n".join(q.title + "\n" + q.answer_md for q in plan.questions)))
    reported = {}
    for problem in plan.problems:
        match = _NOT_IMPORTED_RE.match(f"{problem.line}: {problem.message}")
        if match:
            reported[(match.group(3), int(match.group(1)))] = int(match.group(2))
    expected = {}
    for heading, lines in blocks:
        markers = [m for _, line in lines for m in re.findall(r"L\d+", line)]
        kept = [m in imported for m in markers]
        if all(kept):
            continue
        # A heading's text is never split between an answer and a warning.
        assert not any(kept), f"part of the text under {heading!r} imported, part not"
        expected[(heading, lines[0][0])] = len(lines)
    assert reported == expected
