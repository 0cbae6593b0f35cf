"""Saving, updating, listing and deleting interviews; module and topic names to keys."""

from __future__ import annotations

from datetime import date

import pytest

from quizdesk.core.plan.interviews import delete_interview, list_interviews, save_interview, update_interview
from quizdesk.core.plan.scope import ScopeError, resolve_scope, scope_topics

from .conftest import NOW, Bank


def test_save_updates_by_name_and_lists_soonest_first(bank: Bank) -> None:
    with bank.store.session() as session:
        first = save_interview(session, name="字节", on=date(2026, 4, 2), module_keys=["m"], now=NOW)
        save_interview(session, name="腾讯", on=date(2026, 3, 20), topic_keys=["m/never", "m/never"], daily_minutes=30, now=NOW)
        again = save_interview(session, name=" 字节 ", on=date(2026, 4, 3), module_keys=["m"], daily_minutes=60, now=NOW)
    assert again.id == first.id and again.date == date(2026, 4, 3) and again.daily_minutes == 60
    with bank.store.session() as session:
        listed = list_interviews(session)
    assert [(i.name, i.topic_keys) for i in listed] == [("腾讯", ("m/never",)), ("字节", ())]


def test_update_and_delete(bank: Bank) -> None:
    with bank.store.session() as session:
        one = save_interview(session, name="a", on=date(2026, 4, 2), module_keys=["m"], now=NOW)
        save_interview(session, name="b", on=date(2026, 4, 2), module_keys=["m"], now=NOW)
        assert one.id is not None
        changed = update_interview(session, one.id, now=NOW, daily_minutes=20, topic_keys=["m/fading"], module_keys=[])
        assert (changed.daily_minutes, changed.module_keys, changed.topic_keys) == (20, (), ("m/fading",))
        with pytest.raises(ValueError, match="already called"):
            update_interview(session, one.id, now=NOW, name="b")
        with pytest.raises(LookupError):
            update_interview(session, 999, now=NOW, name="c")
        assert delete_interview(session, one.id) and not delete_interview(session, one.id)
        assert [i.name for i in list_interviews(session)] == ["b"]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": "  "}, "needs a name"),
    ({"module_keys": []}, "at least one module or topic"),
    ({"daily_minutes": 0}, "between 1 and 1440"),
])
def test_bad_interviews_are_refused_with_a_reason(bank: Bank, kwargs: dict, message: str) -> None:
    args = {"name": "x", "on": date(2026, 4, 2), "module_keys": ["m"], "now": NOW, **kwargs}
    with bank.store.session() as session, pytest.raises(ValueError, match=message):
        save_interview(session, **args)


def test_names_in_chinese_or_english_become_keys_and_unknown_ones_list_the_valid(bank: Bank) -> None:
    with bank.store.read() as connection:
        assert resolve_scope(connection, ["模块"], ["Topic fading", "主题never"]) == (["m"], ["m/fading", "m/never"])
        assert resolve_scope(connection, ["MODULE"]) == (["m"], [])
        with pytest.raises(ScopeError) as info:
            resolve_scope(connection, ["大模型"])
        assert "unknown module '大模型'" in str(info.value) and "模块 / Module" in str(info.value)
        with pytest.raises(ScopeError, match="(?s)unknown topic 'Topic x'.*主题mastered / Topic mastered"):
            resolve_scope(connection, [], ["Topic x"])
        assert [t.key for t in scope_topics(connection, ["m"], [])] == ["m", "m/never", "m/mastered", "m/fading"]
        assert [t.key for t in scope_topics(connection, [], ["m/fading", "gone"])] == ["m/fading"]
