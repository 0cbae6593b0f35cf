"""What an interview covers: module and topic names → stable keys → topic ids.

Names are accepted as the user sees them, in Chinese or English (``name`` or
``name_en``, case-insensitive), or as the stable key itself. An unknown or
ambiguous name raises :class:`ScopeError` whose message lists the valid names.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass


class ScopeError(ValueError):
    """A module or topic name matches nothing (or more than one topic)."""


@dataclass(frozen=True)
class TopicRow:
    id: int
    key: str
    parent_id: int | None
    name: str
    name_en: str


def _topics(connection: sqlite3.Connection) -> list[TopicRow]:
    """Topics that hold active questions (directly or below them), in tree order."""
    rows = [TopicRow(*r) for r in connection.execute(
        "SELECT id, key, parent_id, name, name_en FROM topics ORDER BY sort_order, name, id"
    )]
    active = {r[0] for r in connection.execute("SELECT DISTINCT topic_id FROM questions WHERE retired_at IS NULL")}
    parents = {r.id: r.parent_id for r in rows}
    for topic_id in list(active):
        parent = parents.get(topic_id)
        while parent is not None and parent not in active:
            active.add(parent)
            parent = parents.get(parent)
    return [r for r in rows if r.id in active]


def _matches(row: TopicRow, name: str) -> bool:
    wanted = name.strip().casefold()
    return wanted in (row.name.casefold(), row.name_en.casefold(), row.key.casefold())


def _resolve(candidates: list[TopicRow], names: Sequence[str], kind: str, describe: dict[int, str]) -> list[str]:
    keys: list[str] = []
    for name in names:
        found = [row for row in candidates if _matches(row, name)]
        if len(found) == 1:
            keys.append(found[0].key)
            continue
        if found:
            listed = "; ".join(f"{describe[row.id]} (key {row.key})" for row in found)
            raise ScopeError(f"{kind} {name!r} is ambiguous: {listed}. Name it by its key.")
        valid = "\n  ".join(describe[row.id] for row in candidates)
        raise ScopeError(f"unknown {kind} {name!r}. Valid {kind}s:\n  {valid}")
    return list(dict.fromkeys(keys))


def _label(row: TopicRow, module: TopicRow | None) -> str:
    both = row.name if not row.name_en or row.name_en == row.name else f"{row.name} / {row.name_en}"
    return both if module is None else f"{both}  [{module.name}]"


def resolve_scope(
    connection: sqlite3.Connection, modules: Sequence[str] = (), topics: Sequence[str] = ()
) -> tuple[list[str], list[str]]:
    """(module keys, topic keys) for the names given; raises :class:`ScopeError` naming the valid ones."""
    rows = _topics(connection)
    by_id = {r.id: r for r in rows}
    module_rows = [r for r in rows if r.parent_id is None or r.parent_id not in by_id]
    topic_rows = [r for r in rows if r not in module_rows]
    describe = {r.id: _label(r, None if r in module_rows else by_id.get(r.parent_id or -1)) for r in rows}
    return _resolve(module_rows, modules, "module", describe), _resolve(topic_rows, topics, "topic", describe)


def scope_topics(connection: sqlite3.Connection, module_keys: Sequence[str], topic_keys: Sequence[str]) -> list[TopicRow]:
    """The topics an interview covers: the named ones and everything below them (keys that no longer exist are skipped)."""
    rows = connection.execute("SELECT id, key, parent_id, name, name_en FROM topics ORDER BY sort_order, name, id").fetchall()
    all_rows = [TopicRow(*r) for r in rows]
    children: dict[int, list[TopicRow]] = {}
    for row in all_rows:
        if row.parent_id is not None:
            children.setdefault(row.parent_id, []).append(row)
    wanted = set(module_keys) | set(topic_keys)
    chosen: dict[int, TopicRow] = {}
    stack = [r for r in all_rows if r.key in wanted]
    while stack:
        row = stack.pop()
        if row.id not in chosen:
            chosen[row.id] = row
            stack.extend(children.get(row.id, []))
    ordered: list[TopicRow] = []  # tree order: each module, then its sub-topics

    def visit(row: TopicRow) -> None:
        if row.id in chosen:
            ordered.append(row)
        for child in children.get(row.id, []):
            visit(child)

    known = {r.id for r in all_rows}
    for row in all_rows:
        if row.parent_id is None or row.parent_id not in known:
            visit(row)
    return ordered
