"""The user's preferences kept in QSettings, read where they are used.

The settings dialog writes them; the screens read them through these
functions, so the keys, defaults and limits live in one place. (Desired
retention and the number of backups kept are stored in the database instead,
so the command line honours them too.)
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ANSWER_FONT_SETTING = "appearance/answerFontPx"
DEFAULT_ANSWER_FONT_PX = 15
MIN_ANSWER_FONT_PX, MAX_ANSWER_FONT_PX = 11, 28

EXAM_COUNT_SETTING = "exam/defaultCount"
EXAM_MINUTES_SETTING = "exam/defaultMinutes"  # 0 = no time limit
DEFAULT_EXAM_COUNT = 20
DEFAULT_EXAM_MINUTES = 30
MAX_EXAM_COUNT, MAX_EXAM_MINUTES = 500, 600


def setting_int(value: object, default: int) -> int:
    """A QSettings value as an int: the INI file holds text, and a hand-edited one anything."""
    if isinstance(value, (int, float, str)):
        try:
            return int(value)
        except ValueError:
            return default
    return default


def _int_setting(key: str, default: int, low: int, high: int) -> int:
    return min(high, max(low, setting_int(QSettings().value(key, default), default)))


def answer_font_px() -> int:
    """Pixel size of answer and question text."""
    return _int_setting(ANSWER_FONT_SETTING, DEFAULT_ANSWER_FONT_PX, MIN_ANSWER_FONT_PX, MAX_ANSWER_FONT_PX)


def default_exam_count() -> int:
    return _int_setting(EXAM_COUNT_SETTING, DEFAULT_EXAM_COUNT, 1, MAX_EXAM_COUNT)


def default_exam_minutes() -> int:
    """Minutes of a new exam's time limit; 0 means no limit."""
    return _int_setting(EXAM_MINUTES_SETTING, DEFAULT_EXAM_MINUTES, 0, MAX_EXAM_MINUTES)
