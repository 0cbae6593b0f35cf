"""Parser of the bundled bank format (docs/content-format.md).

It never raises on bad input: every problem is reported with file and line,
and every question that is valid on its own is still returned, so one broken
heading does not hide the rest of the bank.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from quizdesk.core.content.model import (
    QUESTION_TYPES,
    Choice,
    ParsedQuestion,
    ParseResult,
    Problem,
    TopicRef,
)
from quizdesk.core.markdown_blocks import ATX_RE, atx_heading, scan_fences, strip_closing_hashes

MAX_FILE_BYTES = 5 * 1024 * 1024
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,79}$")
ORDER_PREFIX_RE = re.compile(r"^(\d+)[-_ ]")
META_RE = re.compile(r"^\s*<!--(.*?)-->\s*$")
CHOICE_RE = re.compile(r"^\s*[-*+]\s+\[([ xX])\]\s+(.*)$")
LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
SECTION_RE = re.compile(r"^###\s+(要点|解析)\s*[:：]?\s*#*\s*$")
# A run of "#" followed by anything but a space or tab (a full-width space too): meant as a heading, read as text.
NO_SPACE_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})[^# \t]")
TRUE_WORDS = {"true", "yes", "对", "正确", "是"}
FALSE_WORDS = {"false", "no", "错", "错误", "否"}


@dataclass
class _ModuleNamed:
    """The module a file's header names, and the line of that comment."""

    name: str
    line: int


@dataclass
class _Heading:
    level: int
    text: str
    line: int  # 1-based


def _order_of(name: str) -> int:
    match = ORDER_PREFIX_RE.match(name)
    return int(match.group(1)) if match else 0


def parse_metadata(comment: str) -> dict[str, str]:
    """``key: value; key: value`` inside an HTML comment → dict (keys lower-case)."""
    meta: dict[str, str] = {}
    for part in comment.split(";"):
        if ":" not in part:
            continue
        key, value = part.split(":", 1)
        meta[key.strip().lower()] = value.strip()
    return meta


def split_tags(value: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in re.split(r"[,，、]", value) if t.strip())


def decode_bank_file(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of a bank file, or None and the reason."""
    if b"\x00" in data[:8192]:
        return None, [Problem(path, 1, "binary file, not Markdown text")]
    if len(data) > MAX_FILE_BYTES:
        return None, [Problem(path, 1, f"file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [Problem(path, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8")]


def _code_lines(lines: list[str]) -> set[int]:
    """1-based numbers of the lines that are fences or inside fenced code blocks."""
    return _fenced(lines).code


class _Fences(NamedTuple):
    code: set[int]  # 1-based numbers of fence lines and the lines inside
    unclosed: int | None  # the line of a fence never closed
    openings: list[int]  # the lines that open a block
    closings: list[int | None]  # the line closing each block (None: never closed)


class FencedBlock(NamedTuple):
    """One fenced code block: the line of its opening fence (1-based), its language (lower-case, "" if none) and its code."""

    line: int
    language: str
    source: str


def _fenced(lines: list[str]) -> _Fences:
    """Where the fenced code blocks are (core/markdown_blocks.py's rules: CommonMark's).

    A fence closes only with the same character, at least as many of them, and
    nothing else on the line, so a ```` fence can show a ``` fence inside it.
    A fence never closed runs to the end of the file.
    """
    scan = scan_fences(lines)
    code: set[int] = set()
    for block in scan.blocks:
        code.update(range(block.open + 1, (block.close if block.close is not None else len(lines) - 1) + 2))
    unclosed = scan.unclosed
    return _Fences(
        code,
        unclosed.open + 1 if unclosed is not None else None,
        [block.open + 1 for block in scan.blocks],
        [block.close + 1 if block.close is not None else None for block in scan.blocks],
    )


def fenced_blocks(text: str) -> list[FencedBlock]:
    """Every fenced code block of ``text``, found by the same fence walk as the parser's headings
    (a block never closed runs to the end of the text)."""
    lines = text.split("\n")
    blocks = []
    for block in scan_fences(lines).blocks:
        language = block.fence.language.split("{")[0].lower()
        end = block.close if block.close is not None else len(lines)
        blocks.append(FencedBlock(block.open + 1, language, "\n".join(lines[block.open + 1 : end])))
    return blocks


def fence_languages(text: str) -> list[str]:
    """The language named by each fenced code block of ``text`` (lower-case; blocks without one left out)."""
    return [block.language for block in fenced_blocks(text) if block.language]


def _scan_headings(lines: list[str], code: set[int]) -> Iterator[_Heading]:
    """ATX headings outside fenced code blocks."""
    for number, line in enumerate(lines, start=1):
        if number in code:
            continue
        heading = ATX_RE.match(line)  # atx_heading()'s rule, without a call per line
        if heading:
            yield _Heading(len(heading.group(1)), strip_closing_hashes(heading.group(2) or "").strip(), number)


def _is_question_metadata(line: str) -> bool:
    match = META_RE.match(line)
    return match is not None and not {"id", "type"}.isdisjoint(parse_metadata(match.group(1)))


def _misplaced_lines(lines: list[str], code: set[int], path: str) -> tuple[list[Problem], list[int]]:
    """Headings missing their space and question metadata not under a ``## `` heading.

    Returns the problems and the lines where a question that cannot be read
    starts: the question above ends there instead of absorbing its text.
    A ``#word`` line is taken for a heading only when question metadata follows
    it, so a hashtag at the start of a line is left alone.
    """
    text_lines = [n for n in range(1, len(lines) + 1) if n not in code and lines[n - 1].strip()]
    following = dict(zip(text_lines, text_lines[1:]))
    preceding = dict(zip(text_lines[1:], text_lines))
    problems: list[Problem] = []
    cuts: list[int] = []
    broken: set[int] = set()
    for number in text_lines:
        line = lines[number - 1]
        match = NO_SPACE_HEADING_RE.match(line)
        if match is None:
            continue
        hashes = match.group(1)
        next_line = following.get(number)
        starts_question = next_line is not None and _is_question_metadata(lines[next_line - 1])
        if len(hashes) == 1 and not starts_question:
            continue
        shown = line.strip() if len(line.strip()) <= 40 else line.strip()[:39] + "…"
        problems.append(Problem(path, number, f"'{shown}' is not a heading: put a space after the '{hashes}'"))
        broken.add(number)
        if len(hashes) == 2 or starts_question:
            cuts.append(number)
    for number in text_lines:
        if not _is_question_metadata(lines[number - 1]):
            continue
        above = preceding.get(number)
        above_heading = atx_heading(lines[above - 1]) if above is not None else None
        if above in broken or (above_heading is not None and above_heading.level == 2):
            continue
        problems.append(
            Problem(path, number, "question metadata comment is not directly under a '## ' question heading; the question is skipped")
        )
        # Under a heading of another level, the question starts at that heading.
        cuts.append(above if above is not None and above_heading is not None else number)
    return problems, cuts


def _parse_header(lines: list[str], path: str, fallback: TopicRef) -> tuple[TopicRef, _ModuleNamed | None, list[Problem]]:
    problems: list[Problem] = []
    non_blank = [(i, l) for i, l in enumerate(lines, start=1) if l.strip()][:2]
    if not non_blank or not non_blank[0][1].startswith("# "):
        line = non_blank[0][0] if non_blank else 1
        return fallback, None, [Problem(path, line, "the file must start with a level-1 heading (# title)")]
    if len(non_blank) < 2 or not META_RE.match(non_blank[1][1]):
        line = non_blank[0][0] + 1
        return fallback, None, [Problem(path, line, "missing the module/topic comment under the title (<!-- module: …; topic: … -->)")]
    meta = parse_metadata(META_RE.match(non_blank[1][1]).group(1))  # type: ignore[union-attr]
    for key in ("module", "topic"):
        if not meta.get(key):
            problems.append(Problem(path, non_blank[1][0], f"the file comment has no '{key}'"))
    topic = TopicRef(
        module_key=fallback.module_key,
        module_name=meta.get("module") or fallback.module_name,
        module_name_en=meta.get("module_en") or meta.get("module") or fallback.module_name_en,
        topic_key=fallback.topic_key,
        topic_name=meta.get("topic") or fallback.topic_name,
        topic_name_en=meta.get("topic_en") or meta.get("topic") or fallback.topic_name_en,
        module_order=fallback.module_order,
        topic_order=fallback.topic_order,
    )
    named = _ModuleNamed(meta["module"], non_blank[1][0]) if meta.get("module") else None
    return topic, named, problems


def _sections(block: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    """Split a question's lines into the main part and its 要点/解析 sections."""
    main: list[str] = []
    sections: dict[str, list[str]] = {}
    current = main
    code = _code_lines(block)
    for number, line in enumerate(block, start=1):
        match = None if number in code else SECTION_RE.match(line)
        if match:
            current = sections.setdefault(match.group(1), [])
            continue
        current.append(line)
    return main, sections


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n").strip()


def _list_items(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        match = LIST_ITEM_RE.match(line)
        if match and match.group(1).strip():
            items.append(match.group(1).strip())
        elif items and line.startswith((" ", "\t")) and line.strip():
            items[-1] += " " + line.strip()
    return items


def _split_choices(main: list[str]) -> tuple[list[str], list[Choice], list[str]]:
    """Body lines before the task list, the choices, and lines after them."""
    body: list[str] = []
    choices: list[Choice] = []
    after: list[str] = []
    for line in main:
        match = CHOICE_RE.match(line)
        if match and not after:
            choices.append(Choice(match.group(2).strip(), match.group(1) in "xX"))
        elif choices and line.startswith(("  ", "\t")) and line.strip() and not after:
            last = choices[-1]
            choices[-1] = Choice(last.text + " " + line.strip(), last.correct)
        elif choices:
            after.append(line)
        else:
            body.append(line)
    return body, choices, after


def _build_question(
    heading: _Heading, block: list[str], path: str, topic: TopicRef, order: int
) -> tuple[ParsedQuestion | None, list[Problem]]:
    where = heading.line
    if not heading.text:
        return None, [Problem(path, where, "question heading has no title")]
    offset = 0
    while offset < len(block) and not block[offset].strip():
        offset += 1
    meta_match = META_RE.match(block[offset]) if offset < len(block) else None
    if meta_match is None:
        return None, [Problem(path, where, f"question '{heading.text}' has no metadata comment under its heading")]
    meta = parse_metadata(meta_match.group(1))
    rest = block[offset + 1 :]
    problems: list[Problem] = []
    qid = meta.get("id", "")
    qtype = meta.get("type", "")
    if not qid:
        return None, [Problem(path, where, f"question '{heading.text}' has no id")]
    if not ID_RE.match(qid):
        return None, [Problem(path, where, f"invalid id '{qid}': use 2–80 lower-case letters, digits, '-', '_', '.'")]
    if qtype not in QUESTION_TYPES:
        return None, [Problem(path, where, f"unknown question type '{qtype}' (expected one of {', '.join(QUESTION_TYPES)})")]
    difficulty = 2
    if "difficulty" in meta:
        try:
            difficulty = int(meta["difficulty"])
            if not 1 <= difficulty <= 3:
                raise ValueError
        except ValueError:
            problems.append(Problem(path, where, f"difficulty must be 1, 2 or 3, not '{meta['difficulty']}'"))
            difficulty = 2
    main, sections = _sections(rest)
    fields: dict[str, object] = {}
    if qtype == "open":
        answer = _join(main + (["", "### 解析", *sections["解析"]] if "解析" in sections else []))
        points = _list_items(sections.get("要点", []))
        if not answer:
            return None, [Problem(path, where, f"open question '{heading.text}' has no answer")]
        if not points:
            problems.append(Problem(path, where, f"open question '{heading.text}' has no '### 要点' key-point list"))
        fields = {"answer_md": answer, "key_points": tuple(points)}
    elif qtype in ("single", "multi"):
        body, choices, after = _split_choices(main)
        correct = sum(c.correct for c in choices)
        if len(choices) < 2:
            return None, [Problem(path, where, f"{qtype} question '{heading.text}' needs at least two '- [ ]' choices")]
        if qtype == "single" and correct != 1:
            return None, [Problem(path, where, f"single-choice question '{heading.text}' has {correct} correct choices; it needs exactly one")]
        if qtype == "multi" and (correct < 2 or correct == len(choices)):
            return None, [Problem(path, where, f"multiple-choice question '{heading.text}' needs at least two correct and one wrong choice")]
        fields = {"body_md": _join(body + after), "choices": tuple(choices), "answer_md": _join(sections.get("解析", []))}
    else:
        truth = meta.get("answer", "").lower()
        if truth not in TRUE_WORDS | FALSE_WORDS:
            return None, [Problem(path, where, f"true/false question '{heading.text}' needs 'answer: true' or 'answer: false'")]
        is_true = truth in TRUE_WORDS
        fields = {
            "body_md": _join(main),
            "choices": (Choice("正确", is_true), Choice("错误", not is_true)),
            "answer_md": _join(sections.get("解析", [])),
        }
    if qtype != "open" and not fields.get("answer_md"):
        problems.append(Problem(path, where, f"question '{heading.text}' has no '### 解析' explanation", "warning"))
    question = ParsedQuestion(
        external_id=qid,
        qtype=qtype,
        title=heading.text,
        topic=topic,
        difficulty=difficulty,
        tags=split_tags(meta.get("tags", "")),
        source_path=path,
        source_line=where,
        order=order,
        **fields,  # type: ignore[arg-type]
    )
    return question, problems


def parse_bank_text(text: str, path: str, fallback: TopicRef) -> ParseResult:
    """Parse one bank file's text. ``fallback`` names the topic if the header is broken."""
    return _parse_file(text, path, fallback)[0]


def _parse_file(text: str, path: str, fallback: TopicRef) -> tuple[ParseResult, _ModuleNamed | None]:
    result = ParseResult()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    topic, named, header_problems = _parse_header(lines, path, fallback)
    result.problems.extend(header_problems)
    fences = _fenced(lines)
    code, unclosed = fences.code, fences.unclosed
    if unclosed is not None:
        hidden = sum(1 for line in lines[unclosed:] if line.strip())
        result.problems.append(Problem(
            path, unclosed,
            f"code fence never closed: the {hidden} non-blank line(s) after it are read as code, headings included; close it",
        ))
    headings = [h for h in _scan_headings(lines, code) if h.level == 2]
    misplaced, cuts = _misplaced_lines(lines, code, path)
    result.problems.extend(misplaced)
    starts = sorted({h.line for h in headings} | set(cuts))
    for order, heading in enumerate(headings):
        end = next((line - 1 for line in starts if line > heading.line), len(lines))
        block = lines[heading.line : end]
        question, problems = _build_question(heading, block, path, topic, order)
        result.problems.extend(problems)
        if question is not None:
            result.questions.append(question)
    if not headings:
        result.problems.append(Problem(path, 1, "no questions (## headings) in this file", "warning"))
    result.problems.sort(key=lambda problem: problem.line)
    return result, named


def _fallback_topic(root: Path, file: Path) -> TopicRef:
    rel = file.relative_to(root)
    module_dir = rel.parts[0] if len(rel.parts) > 1 else root.name
    module_name = ORDER_PREFIX_RE.sub("", module_dir) or module_dir
    topic_name = ORDER_PREFIX_RE.sub("", file.stem) or file.stem
    return TopicRef(
        module_key=f"bank:{module_dir}",
        module_name=module_name,
        module_name_en=module_name,
        topic_key=f"bank:{rel.with_suffix('').as_posix()}",
        topic_name=topic_name,
        topic_name_en=topic_name,
        module_order=_order_of(module_dir),
        topic_order=_order_of(file.stem),
    )


def bank_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*.md") if p.is_file() and p.name.lower() != "readme.md")


def parse_bank(root: Path, *, paths_as_given: bool = False) -> ParseResult:
    """Parse every ``*.md`` file under ``root`` (or the single file ``root``).

    Cross-file checks: ids unique across the bank, one module name per folder.
    Problems name files relative to the bank folder (questions always do:
    that is their ``source_path``); with ``paths_as_given`` they name them from
    ``root`` as the caller wrote it (``content/01-x/02-y.md``), so a
    ``file:line`` printed by ``lint`` opens from the folder it was run in.
    """
    result = ParseResult()
    base = root.parent if root.is_file() else root
    seen_ids: dict[str, str] = {}
    module_names: dict[str, tuple[str, str]] = {}
    for file in bank_files(root):
        rel = file.relative_to(base).as_posix()
        shown = (base / rel).as_posix() if paths_as_given else rel
        try:
            data = file.read_bytes()
        except OSError as exc:
            result.problems.append(Problem(shown, 1, f"cannot read: {exc.strerror or exc}"))
            continue
        text, problems = decode_bank_file(data, shown)
        result.problems.extend(problems)
        if text is None:
            continue
        fallback = _fallback_topic(base, file)
        parsed, named = _parse_file(text, rel, fallback)
        file_problems = [replace(problem, path=shown) for problem in parsed.problems]
        for question in parsed.questions:
            if question.external_id in seen_ids:
                file_problems.append(
                    Problem(shown, question.source_line, f"duplicate id '{question.external_id}' (first used at {seen_ids[question.external_id]})")
                )
                continue
            seen_ids[question.external_id] = f"{shown}:{question.source_line}"
            result.questions.append(question)
        # Checked from the header, so a file whose questions are all broken is checked too.
        if named is not None:
            first = module_names.setdefault(fallback.module_key, (named.name, shown))
            if first[0] != named.name:
                file_problems.append(
                    Problem(shown, named.line, f"module '{named.name}' differs from '{first[0]}' named in {first[1]} (same folder)")
                )
        result.problems.extend(sorted(file_problems, key=lambda problem: problem.line))
    return result
