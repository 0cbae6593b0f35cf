"""Times in the core: aware datetimes in, UTC inside.

Every core function that takes a time (``now``, ``since``) passes it through
:func:`as_utc` first: an aware datetime in any zone is converted to UTC (FSRS
and the database store UTC only), a naive one is refused with a message that
says what to pass instead. A naive time is ambiguous — local or UTC? — and
guessing wrong moves a review or an export's cut-off by the zone's offset.
"""

from __future__ import annotations

from datetime import datetime, timezone


def utcnow() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(timezone.utc)


def as_utc(moment: datetime, name: str = "now") -> datetime:
    """``moment`` in UTC; raises ValueError for a naive datetime, TypeError for anything else.

    ``name`` is the parameter's name, for the message.
    """
    if not isinstance(moment, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(moment).__name__}")
    if moment.utcoffset() is None:
        raise ValueError(
            f"{name} must be an aware datetime (with a time zone), not the naive {moment.isoformat()}: "
            "pass e.g. datetime.now(timezone.utc) or datetime.now().astimezone()"
        )
    return moment.astimezone(timezone.utc)


def utc_or_now(moment: datetime | None, name: str = "now") -> datetime:
    """:func:`as_utc` of ``moment``, or the current time when it is None."""
    return utcnow() if moment is None else as_utc(moment, name)


def db_time(moment: datetime, name: str = "now") -> str:
    """``moment`` as the database stores times (naive UTC text), for comparisons in raw SQL."""
    return as_utc(moment, name).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
