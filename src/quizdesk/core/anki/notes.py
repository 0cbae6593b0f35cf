"""Anki notes → QuizDesk questions (pure: no database, no files).

* Any note type: the first field is the question (its text the title; the
  field itself the question's body when it shows more than the title — an
  image, a formula, a list, a longer text), the other non-empty fields the
  answer (each under its field name when there are several).
* Cloze: each cloze number is a question; its deletions are shown as ``[…]``
  (or ``[hint]``) in the question and marked in the answer, the other
  deletions shown as text; the note's other fields follow in the answer.
* The deck ``A::B::C`` of the question's card → module ``A``, topic ``B · C``;
  a top-level deck ``A`` → module ``A``, topic ``A``.
* Ids: ``anki-`` + a hash of the note's GUID, ``-c<n>`` for cloze ``n``, so
  re-importing the same note updates the same question.
* A note made by QuizDesk's export names the question it came from (its
  "QuizDesk ID" field): its reviews go to that question when it exists here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from quizdesk.core.anki.collection import CardRow, Collection, Note
from quizdesk.core.anki.fields import (
    as_markdown,
    cloze_back,
    cloze_front,
    cloze_numbers,
    field_html,
    fields_html,
    has_more_than_text,
    has_text,
    html_to_text,
    make_title,
)
from quizdesk.core.content.model import ParsedQuestion, Problem, TopicRef

QUIZDESK_ID_FIELD = "QuizDesk ID"
MODULE_ORDER = 9500  # after the bundled modules and the Markdown imports (9000+)
TopicOrders = dict[str, int]


@dataclass(frozen=True)
class PlannedQuestion:
    question: ParsedQuestion
    note_id: int
    cards: tuple[CardRow, ...]  # whose reviews and schedule belong to this question
    primary: CardRow | None  # whose FSRS state the question takes
    linked_id: str | None = None  # a QuizDesk question id this note was exported from


@dataclass
class NotePlan:
    questions: list[PlannedQuestion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped_notes: int = 0


def question_id(guid: str, cloze: int | None = None) -> str:
    digest = hashlib.sha256(guid.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return f"anki-{digest}" + (f"-c{cloze}" if cloze is not None else "")


def _order(orders: TopicOrders, key: str) -> int:
    """``key``'s place among the modules (``m:``) or topics (``t:``) in the order first seen."""
    found = orders.get(key)
    if found is None:  # counted only for a new one: once per note, it was a tenth of the import
        found = orders[key] = sum(1 for k in orders if k.startswith(key[:2]))
    return found


def topic_for(deck: str, orders: TopicOrders) -> TopicRef:
    parts = [p.strip() for p in deck.split("::") if p.strip()] or ["Default"]
    module = parts[0]
    topic = " · ".join(parts[1:]) or module
    module_order = _order(orders, f"m:{module}")
    topic_order = _order(orders, f"t:{module}/{topic}")
    key = f"import:anki/{module}"
    return TopicRef(key, module, module, f"{key}/{topic}", topic, topic, MODULE_ORDER + module_order, topic_order)


def _answer_parts(note: Note, names: tuple[str, ...], skip: int, convert: Callable[[str], str], first: str = "") -> str:
    parts = [(names[i] if i < len(names) else f"Field {i + 1}", convert(value)) for i, value in enumerate(note.fields) if i != skip]
    shown = [(name, html) for name, html in parts if has_text(html) or "<img" in html]
    if first:
        shown.insert(0, ("", first))
    if len(shown) == 1:
        return as_markdown(shown[0][1])
    return "\n\n".join(as_markdown((f"<p><b>{name}</b></p>" if name else "") + html) for name, html in shown)


def plan_notes(col: Collection, source: str, media: Callable[[str], str | None]) -> NotePlan:
    """Every note of ``col`` as questions; ``source`` names the package in messages."""
    plan = NotePlan()
    cards_by_note: dict[int, list[CardRow]] = {}
    for card in col.cards:
        cards_by_note.setdefault(card.note_id, []).append(card)
    orders: TopicOrders = {}
    # Every field of every note but the clozes' (converted per deletion) in one batch: its
    # sanitiser runs on two threads (fields.fields_html), and a text repeated is converted once.
    converted = fields_html(
        (v for note in col.notes if not getattr(col.notetypes.get(note.notetype_id), "cloze", True) for v in note.fields), media
    )

    def convert(raw: str) -> str:
        found = converted.get(raw)
        return found if found is not None else field_html(raw, media)

    for note in col.notes:
        notetype = col.notetypes.get(note.notetype_id)
        cards = sorted(cards_by_note.get(note.id, []), key=lambda c: c.ord)
        where = f"note {note.id}"
        if notetype is None:
            plan.skipped_notes += 1
            plan.problems.append(Problem(source, 0, f"{where}: its note type is missing from the package; skipped", "warning"))
            continue
        if not cards:
            plan.skipped_notes += 1
            plan.problems.append(Problem(source, 0, f"{where}: has no cards; skipped", "warning"))
            continue
        names = notetype.field_names

        def deck_of(card: CardRow) -> str:
            return col.decks.get(card.original_deck or card.deck_id, "Default")

        if notetype.cloze:
            numbers = cloze_numbers(*note.fields)
            if not numbers:
                plan.skipped_notes += 1
                plan.problems.append(Problem(source, 0, f"{where}: a cloze note without any {{{{c1::…}}}} deletion; skipped", "warning"))
                continue
            by_ord = {c.ord: c for c in cards}
            for n in numbers:
                card = by_ord.get(n - 1, cards[0])
                front = field_html(cloze_front(note.fields[0], n), media)
                back = field_html(cloze_back(note.fields[0], n), media)
                title = make_title(html_to_text(front)) or f"Cloze {n}"
                question = ParsedQuestion(
                    external_id=question_id(note.guid, n), qtype="open", title=title, topic=topic_for(deck_of(card), orders),
                    body_md=as_markdown(front) if has_more_than_text(front, title) else "",
                    answer_md=_answer_parts(note, names, 0, convert, first=back),
                    tags=tuple(note.tags), source_path=where, source_line=n, order=len(plan.questions),
                )
                plan.questions.append(PlannedQuestion(question, note.id, (card,) if n - 1 in by_ord else (), by_ord.get(n - 1)))
            continue
        first = convert(note.fields[0]) if note.fields else ""
        title = make_title(html_to_text(first))
        if not title and "<img" not in first:
            plan.skipped_notes += 1
            plan.problems.append(Problem(source, 0, f"{where}: its first field ({names[0] if names else 'Front'}) is empty; skipped", "warning"))
            continue
        linked = None
        if QUIZDESK_ID_FIELD in names:
            index = names.index(QUIZDESK_ID_FIELD)
            linked = html_to_text(note.fields[index]) if index < len(note.fields) else None
            skip_fields = {index}
        else:
            skip_fields = set()
        body = as_markdown(first) if has_more_than_text(first, title) else ""
        if linked is not None and {"Question", "Answer"} <= set(names):
            # QuizDesk's own note type (exporter.py): Title, Question (the body), Answer.
            value = note.fields[names.index("Question")] if names.index("Question") < len(note.fields) else ""
            body = as_markdown(convert(value))
            skip_fields.add(names.index("Question"))
        kept = Note(note.id, note.guid, note.notetype_id, note.tags, tuple("" if i in skip_fields else v for i, v in enumerate(note.fields)))
        question = ParsedQuestion(
            external_id=question_id(note.guid), qtype="open", title=title or "(image)", topic=topic_for(deck_of(cards[0]), orders),
            body_md=body,
            answer_md=_answer_parts(kept, names, 0, convert),
            tags=tuple(note.tags), source_path=where, source_line=0, order=len(plan.questions),
        )
        primary = max(cards, key=lambda c: (c.ctype != 0, c.reps, -c.ord))
        plan.questions.append(PlannedQuestion(question, note.id, tuple(cards), primary, linked or None))
    return plan
