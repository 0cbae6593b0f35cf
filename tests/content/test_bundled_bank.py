"""The bundled bank in content/: the whole syllabus, well-formed, renderable (that it is original: test_seed_copies.py)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path


from quizdesk.core.content.bank_parser import parse_bank
from quizdesk.core.content.model import ParsedQuestion

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
# Our syllabus of the bundled bank, committed with it (the tests read nothing outside the repository).
SYLLABUS = Path(__file__).resolve().parent / "data" / "syllabus.md"
EXTRA_MODULES = ("大模型", "AI多模态", "数字人", "自动驾驶")


@lru_cache(maxsize=1)
def bank() -> tuple[ParsedQuestion, ...]:
    result = parse_bank(CONTENT)
    assert result.errors == [], [str(p) for p in result.errors]
    return tuple(result.questions)


def normalise_title(title: str) -> str:
    """Titles compare ignoring full/half-width punctuation and spaces."""
    text = unicodedata.normalize("NFKC", title)
    return re.sub(r"[\s?？()（）、,，.。:：!！\-_·]", "", text).lower()


def syllabus() -> dict[str, list[str]]:
    modules: dict[str, list[str]] = {}
    current = None
    for line in SYLLABUS.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].split(" (")[0].strip()
            modules[current] = []
        elif line.startswith("- ") and current:
            modules[current].append(re.sub(r"\s*\(\d{3}\)\s*$", "", line[2:]).strip())
    return modules


def test_syllabus_is_read_correctly() -> None:
    modules = syllabus()
    assert len(modules) == 8 and sum(len(v) for v in modules.values()) == 75


def test_every_syllabus_question_is_an_open_question_in_its_module() -> None:
    present = {(q.topic.module_name, normalise_title(q.title)): q for q in bank()}
    missing = []
    for module, titles in syllabus().items():
        for title in titles:
            question = present.get((module, normalise_title(title)))
            if question is None or question.qtype != "open":
                missing.append(f"{module}: {title}")
    assert missing == []


def test_open_answers_are_substantial_with_key_points() -> None:
    short = []
    for q in bank():
        if q.qtype != "open":
            continue
        prose = re.sub(r"```.*?```", "", q.answer_md, flags=re.S)
        if not 300 <= len(prose) <= 1200 or not 3 <= len(q.key_points) <= 6:
            short.append(f"{q.source_path}:{q.source_line} {q.title}: {len(prose)} chars, {len(q.key_points)} points")
    assert short == []


def test_correct_choices_are_not_given_away_by_position() -> None:
    """Always picking the same letter (or A+B+C) must not beat chance in a mock exam."""
    singles = [q for q in bank() if q.qtype == "single"]
    positions = Counter([c.correct for c in q.choices].index(True) for q in singles)
    assert singles and max(positions.values()) <= 0.40 * len(singles), sorted(positions.items())
    four = [q for q in bank() if q.qtype == "single" and len(q.choices) == 4]
    four_positions = Counter([c.correct for c in q.choices].index(True) for q in four)
    for position in range(4):
        assert four_positions[position] >= 0.15 * len(four), sorted(four_positions.items())

    multis = [q for q in bank() if q.qtype == "multi"]
    prefix = [
        q.external_id for q in multis
        if [c.correct for c in q.choices] == sorted((c.correct for c in q.choices), reverse=True)
    ]
    assert multis and len(prefix) < 0.25 * len(multis), prefix


def test_correct_single_choice_is_not_given_away_by_length() -> None:
    """The right option may not be much longer than every distractor, nor usually the longest."""
    singles = [q for q in bank() if q.qtype == "single"]
    giveaways = []
    longest = 0
    for q in singles:
        correct = next(len(c.text) for c in q.choices if c.correct)
        distractor = max(len(c.text) for c in q.choices if not c.correct)
        if correct > 1.6 * distractor:
            giveaways.append(f"{q.external_id}: {correct} vs {distractor} chars")
        longest += correct > distractor
    assert giveaways == []
    assert longest <= 0.40 * len(singles), f"correct option is the longest in {longest}/{len(singles)}"


def test_every_module_can_fill_a_mixed_mock_exam() -> None:
    objective = Counter(q.topic.module_name for q in bank() if q.qtype != "open")
    types = {m: {q.qtype for q in bank() if q.topic.module_name == m} for m in syllabus()}
    for module in syllabus():
        assert objective[module] >= 15, module
        assert {"single", "multi", "truefalse", "open"} <= types[module], module
    assert sum(objective[m] for m in syllabus()) >= 120


def test_extra_modules_exist() -> None:
    open_counts = Counter(q.topic.module_name for q in bank() if q.qtype == "open")
    for module in EXTRA_MODULES:
        assert open_counts[module] >= 6, module


def test_every_question_has_difficulty_tags_and_english_names() -> None:
    for q in bank():
        assert q.tags, q.external_id
        assert q.topic.module_name_en and q.topic.module_name_en != q.topic.module_name or q.topic.module_name.isascii(), q.external_id
        assert q.topic.topic_name_en, q.external_id


def test_every_question_shows_as_written() -> None:
    """Every formula draws, every image resolves, every code fence names a language Pygments knows
    (what ``quizdesk lint --render content`` reports)."""
    from quizdesk.core.content.render_check import rendering_problems

    assert [str(p) for p in rendering_problems(bank(), lambda q: CONTENT / q.source_path)] == []


# Words that make a true/false statement sweeping. A reader who has learnt "absolute means false"
# scores without knowing the subject when most false statements carry one of them.
ABSOLUTE_WORDS = (
    "只要", "一定", "必定", "必然", "不可能", "总是", "始终", "永远", "从不", "从来",
    "所有", "任何", "全部", "一切", "绝对", "完全", "必须", "唯一", "无论",
)


def correct_is_strictly_longest(q: ParsedQuestion) -> bool:
    correct = max(len(c.text) for c in q.choices if c.correct)
    return correct > max(len(c.text) for c in q.choices if not c.correct)


def test_correct_single_choice_is_rarely_the_longest_overall_and_per_module() -> None:
    """'Pick the longest option' must stay near chance (25 % with four options): at most 30 %
    of all single-choice questions and at most 40 % in any one module."""
    singles = [q for q in bank() if q.qtype == "single"]
    longest = [q for q in singles if correct_is_strictly_longest(q)]
    assert len(longest) <= 0.30 * len(singles), f"{len(longest)}/{len(singles)} overall"
    per_module = Counter(q.topic.module_name for q in singles)
    longest_per_module = Counter(q.topic.module_name for q in longest)
    over = {
        module: f"{longest_per_module[module]}/{total}"
        for module, total in per_module.items()
        if longest_per_module[module] > 0.40 * total
    }
    assert over == {}


def test_false_statements_are_not_given_away_by_absolute_words() -> None:
    """At most 20 % of the false true/false statements (title and body) may hinge on an absolute word."""
    false_items = [
        q for q in bank()
        if q.qtype == "truefalse" and not next(c.correct for c in q.choices if c.text == "正确")
    ]
    absolute = [
        f"{q.external_id}: {[w for w in ABSOLUTE_WORDS if w in q.title + q.body_md]}"
        for q in false_items
        if any(w in q.title + q.body_md for w in ABSOLUTE_WORDS)
    ]
    assert false_items
    assert len(absolute) <= 0.20 * len(false_items), f"{len(absolute)}/{len(false_items)}: {absolute}"
