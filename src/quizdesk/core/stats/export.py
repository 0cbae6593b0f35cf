"""CSV export of progress: attempts, questions and topics, for a spreadsheet or a script.

The files open cleanly in Excel with Chinese text (UTF-8 with a byte-order
mark, a header row, CRLF rows, ISO-8601 local times with their UTC offset) and
no cell can run as a formula: text starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return gets a leading apostrophe.

All three files or none: each is written to a temporary file in the target
folder first; only when all three are complete are they renamed into place,
and a failed rename puts back the files that were there before. A caller
may cancel (``cancelled`` is asked between stages and every
:data:`CHECK_EVERY` rows): the temporary files are removed and no file in the
folder is touched.
"""

from __future__ import annotations

import csv
import errno
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from quizdesk.core.atomic_file import create_temp_beside
from quizdesk.core.clock import as_utc, db_time, utc_or_now
from quizdesk.core.stats.mastery import (
    FSRS_DECAY,
    FSRS_FACTOR,
    TopicStats,
    ensure_math_functions,
    julian_day,
    topic_stats,
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_FILES = ("attempts.csv", "questions.csv", "topics.csv")
#: Rows written between two looks at ``cancelled`` (a few milliseconds at 200k attempts).
CHECK_EVERY = 1000

# ExportError.kind: what went wrong, for a UI that words it in its own language.
BLOCKED = "blocked"  # a file where the folder should be, or a folder where one of the files should be
READONLY = "readonly"  # no permission, or a read-only file system
FULL = "full"  # disk full or quota exceeded
MISSING = "missing"  # the folder does not exist (or vanished during the export)
OTHER = "other"

CancelledFn = Callable[[], bool]

ATTEMPT_COLUMNS = ("time", "session", "mode", "question_id", "title", "module", "topic", "type", "score", "correct", "seconds", "rating")
QUESTION_COLUMNS = ("question_id", "title", "module", "topic", "type", "attempts", "accuracy", "last_seen", "next_due", "stability", "retrievability")
TOPIC_COLUMNS = (
    "level", "module", "topic", "questions", "attempted", "attempts", "mastery", "confidence", "accuracy",
    "coverage", "retrievability", "due", "last_seen", "reason", "reason_detail",
)


@dataclass(frozen=True)
class ExportResult:
    files: list[Path]
    rows: dict[str, int]  # file name -> data rows


class ExportError(RuntimeError):
    """The export failed; the message says why and what to do. Nothing was left behind.

    The message is English, for the command line and the log; a UI words the
    problem from ``kind`` (:data:`BLOCKED`, :data:`READONLY`, :data:`FULL`,
    :data:`MISSING` or :data:`OTHER`) and ``path`` (the folder, or the thing
    in the way for :data:`BLOCKED`).
    """

    def __init__(self, message: str, *, kind: str = OTHER, path: Path | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path


class ExportCancelled(Exception):
    """The caller cancelled: the temporary files are gone, no file in the folder was touched."""


def _check(cancelled: CancelledFn | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled()


def neutralise(cell: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value == value else ""
    if isinstance(value, datetime):
        return value.astimezone().isoformat(timespec="seconds")
    return neutralise(str(value))


def _local_iso(stored: str | None) -> str:
    """A stored time (naive UTC text) as local ISO-8601 with its offset."""
    if not stored:
        return ""
    return datetime.fromisoformat(stored).replace(tzinfo=timezone.utc).astimezone().isoformat(timespec="seconds")


def _question_cells(connection: sqlite3.Connection) -> dict[int, list[str]]:
    """Id, title, module, topic and type of every question (retired too: their attempts stay)."""
    rows = connection.execute(
        """SELECT q.id, q.external_id, q.title, coalesce(m.name, t.name), CASE WHEN m.id IS NULL THEN '' ELSE t.name END, q.qtype
           FROM questions q JOIN topics t ON t.id = q.topic_id LEFT JOIN topics m ON m.id = t.parent_id"""
    )
    return {row[0]: [_cell(v) for v in row[1:]] for row in rows}


def _attempt_rows(connection: sqlite3.Connection, since: datetime | None, now: datetime) -> Iterator[list[str]]:
    # Question cells are looked up in a dict: joining them in SQL read each
    # question's whole row (with its answer) once per attempt, 4x slower.
    questions = _question_cells(connection)
    unknown = ["", "", "", "", ""]
    rows = connection.execute(
        """SELECT answered_at, session_id, mode, question_id, score, correct, seconds_spent, rating
           FROM attempts WHERE answered_at >= :since AND answered_at <= :now
           ORDER BY answered_at, id""",
        {"since": db_time(since) if since else "", "now": db_time(now)},
    )
    for answered_at, session_id, mode, question_id, score, correct, seconds, rating in rows:
        yield [
            _local_iso(answered_at), "" if session_id is None else str(session_id), _cell(mode),
            *questions.get(question_id, unknown), _cell(float(score)), "" if correct is None else ("1" if correct else "0"),
            _cell(round(float(seconds or 0), 1)), "" if rating is None else str(rating),
        ]


def _question_rows(connection: sqlite3.Connection, now: datetime) -> Iterator[list[str]]:
    ensure_math_functions(connection)
    rows = connection.execute(
        """SELECT q.external_id, q.title, coalesce(m.name, t.name), CASE WHEN m.id IS NULL THEN '' ELSE t.name END,
                  q.qtype, coalesce(s.attempts, 0), s.accuracy, s.last_seen, r.due_at, r.stability,
                  CASE WHEN r.stability > 0 AND r.last_review_at IS NOT NULL THEN
                      pow(1 + :factor * max(0, CAST(:now_jd - julianday(r.last_review_at) AS INTEGER)) / r.stability, :decay)
                  END
           FROM questions q JOIN topics t ON t.id = q.topic_id LEFT JOIN topics m ON m.id = t.parent_id
                LEFT JOIN (SELECT question_id, count(*) AS attempts, avg(score) AS accuracy, max(answered_at) AS last_seen
                           FROM attempts WHERE answered_at <= :now GROUP BY question_id) s ON s.question_id = q.id
                LEFT JOIN review_states r ON r.question_id = q.id
           WHERE q.retired_at IS NULL
           ORDER BY coalesce(m.sort_order, t.sort_order), coalesce(m.name, t.name), t.sort_order, t.name, q.sort_order, q.id""",
        {"now": db_time(now), "now_jd": julian_day(now), "factor": FSRS_FACTOR, "decay": FSRS_DECAY},
    )
    for external_id, title, module, topic, qtype, attempts, accuracy, last_seen, due, stability, retrievability in rows:
        yield [_cell(external_id), _cell(title), _cell(module), _cell(topic), _cell(qtype), _cell(attempts),
               _cell(accuracy), _local_iso(last_seen), _local_iso(due), _cell(stability), _cell(retrievability)]


def _topic_rows(stats: list[TopicStats]) -> Iterator[list[str]]:
    names = {s.topic_id: s.name for s in stats}
    for s in stats:
        module, topic = (s.name, "") if s.parent_id is None else (names.get(s.parent_id, ""), s.name)
        yield [
            "module" if s.parent_id is None else "topic", _cell(module), _cell(topic), _cell(s.questions),
            _cell(s.attempted), _cell(s.attempts), _cell(None if s.mastery is None else round(s.mastery, 1)),
            _cell(s.confidence), _cell(s.accuracy), _cell(s.coverage), _cell(s.retrievability), _cell(s.due),
            _cell(s.last_seen), s.reason.value, _cell(s.reason_detail),
        ]


def _check_folder(out_dir: Path) -> None:
    if not out_dir.exists():
        raise ExportError(f"The folder {out_dir} does not exist. Create it or choose another folder.", kind=MISSING, path=out_dir)
    if not out_dir.is_dir():
        raise ExportError(f"{out_dir} is not a folder. Choose a folder to export into.", kind=BLOCKED, path=out_dir)
    for name in EXPORT_FILES:
        target = out_dir / name
        if (target.exists() or target.is_symlink()) and not target.is_file():
            raise ExportError(f"{target} is in the way: it is not a file. Move it or choose another folder.", kind=BLOCKED, path=target)


def _explain(exc: OSError, out_dir: Path) -> ExportError:
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return ExportError(
            f"The disk holding {out_dir} is full; nothing was exported. Free some space or choose another folder.", kind=FULL, path=out_dir
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) or isinstance(exc, PermissionError):
        return ExportError(
            f"Cannot write to {out_dir} ({reason}); nothing was exported. Choose a folder you can write to.", kind=READONLY, path=out_dir
        )
    kind = MISSING if exc.errno == errno.ENOENT else OTHER  # e.g. the folder was removed during the export
    return ExportError(f"The export to {out_dir} failed ({reason}); nothing was exported.", kind=kind, path=out_dir)


def make_folder(out_dir: Path) -> None:
    """Create ``out_dir`` and its parents if needed, as ``mkdir -p`` would; raises :class:`ExportError`.

    For a folder typed by hand: ``quizdesk export --out`` and the export dialog's folder field.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        # The first part of the path that exists but is not a folder is what is in the way.
        blocker = next((p for p in (out_dir, *out_dir.parents) if p.exists() and not p.is_dir()), out_dir)
        raise ExportError(f"{blocker} is a file, so the folder {out_dir} cannot be made. Move it or choose another folder.",
                          kind=BLOCKED, path=blocker) from exc
    except OSError as exc:
        # Name the folder the new one would go into: that is the one that cannot be written.
        parent = next((p for p in out_dir.parents if p.is_dir()), out_dir)
        raise _explain(exc, parent) from exc


def _write_temp(
    out_dir: Path, name: str, header: Iterable[str], rows: Iterable[list[str]], cancelled: CancelledFn | None = None
) -> tuple[Path, int]:
    """Write one complete CSV file under a temporary name; returns it and its data rows."""
    fd, temp = create_temp_beside(out_dir / name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            count = 0
            for row in rows:
                writer.writerow(row)
                count += 1
                if count % CHECK_EVERY == 0:
                    _check(cancelled)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp, count


def _move_into_place(temps: list[tuple[Path, Path]]) -> None:
    """Rename every temp file to its target; on failure, put the old targets back."""
    token = secrets.token_hex(4)
    saved: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        for temp, target in temps:
            if target.exists() or target.is_symlink():
                backup = target.with_name(f".{target.name}.{token}.old")
                os.replace(target, backup)
                saved.append((backup, target))
            os.replace(temp, target)
            placed.append(target)
    except BaseException:
        for target in placed:
            target.unlink(missing_ok=True)
        for backup, target in saved:
            os.replace(backup, target)
        raise
    for backup, _ in saved:
        backup.unlink(missing_ok=True)


def export_csv(
    connection: sqlite3.Connection,
    out_dir: Path,
    *,
    since: datetime | None = None,
    now: datetime | None = None,
    cancelled: CancelledFn | None = None,
) -> ExportResult:
    """Write ``attempts.csv``, ``questions.csv`` and ``topics.csv`` into ``out_dir``.

    ``since`` limits attempts.csv to attempts from that moment on; the other
    two files describe the state now and always cover the whole history.
    Existing files of the same names are replaced. Raises :class:`ExportError`.

    ``cancelled`` (thread-safe, e.g. ``threading.Event().is_set``) is asked
    between stages and every :data:`CHECK_EVERY` rows until the files are
    complete; when it says yes, :class:`ExportCancelled` is raised and the
    folder is as it was. The renames at the end are not interrupted.
    """
    moment = utc_or_now(now)
    since = None if since is None else as_utc(since, "since")
    out_dir = Path(out_dir)
    _check_folder(out_dir)
    _check(cancelled)
    stats = topic_stats(connection, now=moment)
    plan = [
        ("attempts.csv", ATTEMPT_COLUMNS, _attempt_rows(connection, since, moment)),
        ("questions.csv", QUESTION_COLUMNS, _question_rows(connection, moment)),
        ("topics.csv", TOPIC_COLUMNS, _topic_rows(stats)),
    ]
    temps: list[tuple[Path, Path]] = []
    rows: dict[str, int] = {}
    try:
        for name, header, data in plan:
            _check(cancelled)
            temp, count = _write_temp(out_dir, name, header, data, cancelled)
            temps.append((temp, out_dir / name))
            rows[name] = count
        _check(cancelled)
        _move_into_place(temps)
    except OSError as exc:
        raise _explain(exc, out_dir) from exc
    finally:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
    return ExportResult(files=[out_dir / name for name, _, _ in plan], rows=rows)
