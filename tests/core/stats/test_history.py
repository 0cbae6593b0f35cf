"""Reviews per local day for the history chart."""

from __future__ import annotations

from datetime import date, datetime, timezone

from quizdesk.core.stats.history import daily_history


def test_days_are_local_oldest_first_and_zero_filled(bank, shanghai_time) -> None:
    now = datetime(2026, 6, 10, 4, 0, tzinfo=timezone.utc)  # 12:00 on 10 June in Shanghai
    # 17:30 UTC on 8 June is 01:30 on 9 June in Shanghai.
    bank.answer("t1", 0, True, datetime(2026, 6, 8, 17, 30, tzinfo=timezone.utc))
    bank.answer("t1", 1, False, datetime(2026, 6, 8, 18, 0, tzinfo=timezone.utc))
    bank.answer("t1", 2, True, datetime(2026, 6, 8, 15, 0, tzinfo=timezone.utc))  # 23:00 on 8 June there
    bank.answer("t1", 3, True, datetime(2026, 6, 10, 3, 0, tzinfo=timezone.utc))
    bank.answer("t2", 0, True, datetime(2026, 6, 1, 0, 0, tzinfo=timezone.utc))  # before the window
    bank.answer("t2", 1, True, datetime(2026, 6, 10, 5, 0, tzinfo=timezone.utc))  # after "now"
    with bank.store.read() as connection:
        days = daily_history(connection, days=5, now=now)
    assert [d.day for d in days] == [date(2026, 6, d) for d in (6, 7, 8, 9, 10)]
    assert [(d.reviews, d.correct) for d in days] == [(0, 0), (0, 0), (1, 1), (2, 1), (1, 1)]
    assert [d.accuracy for d in days] == [None, None, 1.0, 0.5, 1.0]


def test_default_is_thirty_days_and_nothing_for_no_days(bank) -> None:
    now = datetime(2026, 6, 10, 12, 0, tzinfo=timezone.utc)
    with bank.store.read() as connection:
        days = daily_history(connection, now=now)
        assert daily_history(connection, days=0, now=now) == []
    assert len(days) == 30 and days[-1].day == now.astimezone().date()
    assert all(d.reviews == 0 and d.accuracy is None for d in days)
