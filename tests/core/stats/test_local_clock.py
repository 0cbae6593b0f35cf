"""The weak-area figures, the history and the CSV export in Shanghai, in the morning and in the evening.

At 07:30 there it is 23:30 UTC the day before: a day boundary taken from UTC
instead of the local calendar would put this morning's answers on yesterday.
"""

from __future__ import annotations

import csv
from datetime import datetime, timedelta

from quizdesk.core.stats.export import export_csv
from quizdesk.core.stats.history import daily_history
from quizdesk.core.stats.mastery import topic_stats


def test_todays_answers_count_on_todays_local_date(bank, local_clock) -> None:
    """The history and the export's --since cut-off go by the local calendar, at any hour."""
    bank.answer("t1", 0, True, local_clock.ago(minutes=5))
    bank.answer("t1", 1, False, local_clock.ago(days=1))
    bank.answer("t1", 2, True, local_clock.ago(days=3))
    with bank.store.read() as connection:
        days = daily_history(connection, days=3)  # the core's clock: local_clock.now
        assert [(d.day, d.reviews) for d in days] == [
            (local_clock.today - timedelta(days=2), 0),
            (local_clock.today - timedelta(days=1), 1),
            (local_clock.today, 1),
        ]
        stats = {s.name: s for s in topic_stats(connection)}
        assert stats["主题t1"].attempts == 3
        midnight = datetime.combine(local_clock.today - timedelta(days=1), datetime.min.time()).astimezone()
        assert midnight.utcoffset() == timedelta(hours=8)  # the process runs in Shanghai time
        out = bank.store.path.parent / "export"
        out.mkdir()
        export_csv(connection, out, since=midnight)
    with (out / "attempts.csv").open(encoding="utf-8-sig", newline="") as handle:
        times = [datetime.fromisoformat(row["time"]) for row in csv.DictReader(handle)]
    assert times == [local_clock.ago(days=1), local_clock.ago(minutes=5)]
    assert all(t.utcoffset() == timedelta(hours=8) for t in times)  # written in local time
