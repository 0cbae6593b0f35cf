"""The interview countdown: interviews, the readiness forecast and the nightly plan (docs/plan.md).

- :mod:`.interviews` — saving, listing and deleting interviews (``session``);
- :mod:`.scope` — which questions an interview covers, and module/topic names → keys;
- :mod:`.memory` — the FSRS forgetting curve and expected review outcomes;
- :mod:`.inputs` — reading the scope's memory states and the user's pace (``sqlite3``);
- :mod:`.planner` — the day-by-day plan and its simulation;
- :mod:`.countdown` — one call for a view: tonight's plan and the forecast.
"""
