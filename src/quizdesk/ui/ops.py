"""Every write the UI performs: one function each (Anki's ``aqt/operations``).

An operation runs one core call in one transaction (``collection.transaction()``;
the core function takes the session and ``now``), then emits
``collection.changed`` once with :class:`Changes` saying what changed, so each
view refreshes only for what concerns it. On failure nothing is emitted and the
error is shown in the UI's language: in the window's status bar (a routine
error, STYLE.md), or, with no main window around, in a message box.

Every operation returns an :class:`OpResult`: ``.ok``, ``.value`` (what the
core call returned), ``.error`` and ``.message`` (the translated text). A caller
that shows the failure itself passes ``on_failure=`` (called with the message
instead of the default display) or ``quiet=True`` (nothing shown): the exam's
routine saves do, keeping the answer in memory and retrying on the clock tick
with a short ``busy_timeout_ms``.

To add a write: add a function here that calls :func:`run` with the core call
and the flags, and call it from the widget.
"""

from __future__ import annotations

import enum
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QWidget

from quizdesk.core.db.store import StoreError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from quizdesk.core.study.exams import ExamSpec
    from quizdesk.ui.collection import Collection
    from quizdesk.ui.tasks import Task

log = logging.getLogger(__name__)
T = TypeVar("T")
FAILURE_MESSAGE_MS = 15000


class Changes(enum.Flag):
    """What a committed write changed; listeners refresh only for their flags."""

    NONE = 0
    ATTEMPTS = enum.auto()  # a rating / answer recorded: due counts, weak areas, mastery
    EXAM_ANSWER = enum.auto()  # one saved answer, flag or clock of a running exam: most listeners ignore it
    EXAM = enum.auto()  # an exam created, submitted, graded or discarded: history, resume
    BANK = enum.auto()  # questions imported, synced or retired: tree, lists, counts
    SETTINGS = enum.auto()  # a setting stored in the database (retention, backups kept)
    STORE = enum.auto()  # the database file was replaced (restore): everything
    INTERVIEWS = enum.auto()  # reserved for the interview countdown


# What changes the counts the library shows (questions, due): it ignores EXAM_ANSWER.
LIBRARY_CHANGES = Changes.ATTEMPTS | Changes.EXAM | Changes.BANK | Changes.STORE


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """The outcome of an operation: ``ok`` and ``value``, or ``error`` and its ``message``."""

    ok: bool
    value: T | None = None
    error: BaseException | None = None
    message: str = ""


def describe_error(exc: BaseException) -> str:
    """A failed write in the UI's language: what happened and what to do."""
    if isinstance(exc, StoreError):
        return exc.message  # its kinds already say what to do
    detail = str(getattr(exc, "orig", None) or exc)
    lowered = detail.lower()
    if "locked" in lowered or "busy" in lowered:
        return QCoreApplication.translate("Ops", "Not saved: another program is using the database. Try again in a moment.")
    if "full" in lowered or "no space" in lowered:
        return QCoreApplication.translate("Ops", "Not saved: the disk is full. Free some space and try again.")
    if "readonly" in lowered or "read-only" in lowered or "permission" in lowered:
        return QCoreApplication.translate("Ops", "Not saved: the data folder is read-only.")
    return QCoreApplication.translate("Ops", "Not saved: %1").replace("%1", detail)


def show_failure(parent: QWidget | None, message: str) -> None:
    """A routine failure: in the window's status bar, else in a (non-blocking) message box."""
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, FAILURE_MESSAGE_MS)
        return
    from PySide6.QtWidgets import QMessageBox  # here: the start path makes no box (PySide builds its enums on first import)

    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Ops", "Not saved"), message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("opFailureBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def run(
    parent: QWidget | None,
    collection: Collection,
    work: Callable[[Session], T],
    changes: Changes,
    *,
    quiet: bool = False,
    on_failure: Callable[[str], None] | None = None,
    busy_timeout_ms: int | None = None,
) -> OpResult[T]:
    """Run ``work(session)`` in one transaction; emit ``changes`` once if it committed.

    The generic operation every function below is made of. ``parent`` is the
    widget the failure is shown for (its window's status bar).
    """
    try:
        with collection.transaction(busy_timeout_ms=busy_timeout_ms) as session:
            value = work(session)
    except (StoreError, sqlite3.Error, OSError, ValueError, LookupError) as exc:
        return _failed(parent, exc, quiet, on_failure)
    except Exception as exc:  # SQLAlchemy wraps sqlite3's errors in its own classes
        if type(exc).__module__.split(".")[0] != "sqlalchemy":
            raise  # a bug, not a refused write: the excepthook shows it
        return _failed(parent, exc, quiet, on_failure)
    if changes:
        collection.changed.emit(changes)
    return OpResult(True, value)


def _failed(parent: QWidget | None, exc: BaseException, quiet: bool, on_failure: Callable[[str], None] | None) -> OpResult[Any]:
    message = describe_error(exc)
    log.warning("write failed: %s", getattr(exc, "orig", None) or exc)  # the SQL statement is noise in a log line
    if on_failure is not None:
        on_failure(message)
    elif not quiet:
        show_failure(parent, message)
    return OpResult(False, None, exc, message)


# -- study ------------------------------------------------------------------------
def record_rating(parent: QWidget | None, collection: Collection, question_id: int, rating: int, *,
                  now: datetime, seconds: float, **options: Any) -> OpResult[Any]:
    """Again / Hard / Good / Easy for a studied card; the value is the attempt."""
    from quizdesk.core.study.reviews import record_rating as core

    return run(parent, collection, lambda s: core(s, question_id, rating, now=now, seconds=seconds), Changes.ATTEMPTS, **options)


def record_recall(parent: QWidget | None, collection: Collection, question_id: int, recalled: list[int], *,
                  now: datetime, seconds: float, **options: Any) -> OpResult[Any]:
    """The key points recalled for an open card; the value is the score."""
    from quizdesk.core.study.reviews import record_recall as core

    return run(parent, collection, lambda s: core(s, question_id, recalled, now=now, seconds=seconds), Changes.ATTEMPTS, **options)


def record_choice(parent: QWidget | None, collection: Collection, question_id: int, given: list[int], *,
                  now: datetime, seconds: float, **options: Any) -> OpResult[Any]:
    """The choice(s) picked for an objective card; the value is the graded result."""
    from quizdesk.core.study.reviews import record_choice as core

    return run(parent, collection, lambda s: core(s, question_id, given, now=now, seconds=seconds), Changes.ATTEMPTS, **options)


# -- exams ------------------------------------------------------------------------
def create_exam(parent: QWidget | None, collection: Collection, spec: ExamSpec, *, now: datetime, **options: Any) -> OpResult[int]:
    """A new exam from ``spec``; the value is its id. When nothing matches, ``.error`` is an
    ``EmptySelectionError`` (the setup dialog passes ``on_failure`` and explains it in its own words).
    An exam of listed questions (``spec.question_ids``, the interview plan's) that had to leave
    some out — deleted or retired since the plan was made — says so in the status bar."""
    from quizdesk.core.study.exams import create_exam as core
    from quizdesk.core.study.exams import left_out_questions

    left_out: list[int] = []

    def work(session: Session) -> int:
        exam_id = core(session, spec, now)
        left_out[:] = left_out_questions(session, exam_id)
        return exam_id

    result = run(parent, collection, work, Changes.EXAM, **options)
    window = parent.window() if parent is not None else None
    if result.ok and left_out and isinstance(window, QMainWindow) and not options.get("quiet"):
        window.statusBar().showMessage(
            QCoreApplication.translate("Ops", "%1 of the planned questions are no longer in the question bank; "
                                       "the exam has the other %2.").replace("%1", str(len(left_out)))
            .replace("%2", str(len(set(spec.question_ids)) - len(left_out))),
            FAILURE_MESSAGE_MS,
        )
    return result


def save_exam_answer(parent: QWidget | None, collection: Collection, exam_id: int, question_id: int, given: Any, *,
                     seconds_spent: float, remaining_s: float | None, elapsed_s: float, current_index: int,
                     **options: Any) -> OpResult[None]:
    """One answer of a running exam (and its clock). Emits only EXAM_ANSWER."""
    from quizdesk.core.study.exams import save_answer

    return run(parent, collection, lambda s: save_answer(s, exam_id, question_id, given, seconds_spent=seconds_spent,
                                                         remaining_s=remaining_s, elapsed_s=elapsed_s, current_index=current_index),
               Changes.EXAM_ANSWER, **options)


def set_exam_flag(parent: QWidget | None, collection: Collection, exam_id: int, question_id: int, flagged: bool, *,
                  remaining_s: float | None, elapsed_s: float, current_index: int, **options: Any) -> OpResult[None]:
    """Flag or unflag a question of a running exam. Emits only EXAM_ANSWER."""
    from quizdesk.core.study.exams import set_flag

    return run(parent, collection, lambda s: set_flag(s, exam_id, question_id, flagged, remaining_s=remaining_s,
                                                      elapsed_s=elapsed_s, current_index=current_index),
               Changes.EXAM_ANSWER, **options)


def save_exam_clock(parent: QWidget | None, collection: Collection, exam_id: int, *, remaining_s: float | None,
                    elapsed_s: float, current_index: int, paused: bool = False, **options: Any) -> OpResult[None]:
    """The running exam's clock (every few seconds, on pause and on quit). Emits only EXAM_ANSWER."""
    from quizdesk.core.study.exams import save_clock

    return run(parent, collection, lambda s: save_clock(s, exam_id, remaining_s=remaining_s, elapsed_s=elapsed_s,
                                                        current_index=current_index, paused=paused),
               Changes.EXAM_ANSWER, **options)


def submit_exam(parent: QWidget | None, collection: Collection, exam_id: int, *, now: datetime, **options: Any) -> OpResult[None]:
    """Grade and close the exam: its objective answers become attempts."""
    from quizdesk.core.study.exams import submit_exam as core

    return run(parent, collection, lambda s: core(s, exam_id, now), Changes.EXAM | Changes.ATTEMPTS, **options)


def score_blank_open_answers(parent: QWidget | None, collection: Collection, exam_id: int, *, now: datetime,
                             **options: Any) -> OpResult[list[int]]:
    """Blank open answers of a submitted exam score 0 without asking; the value is their ids."""
    from quizdesk.core.study.exams import score_blank_open_answers as core

    return run(parent, collection, lambda s: core(s, exam_id, now), Changes.EXAM | Changes.ATTEMPTS, **options)


def self_grade(parent: QWidget | None, collection: Collection, exam_id: int, question_id: int, *,
               recalled: list[int] | None = None, rating: int | None = None, now: datetime, **options: Any) -> OpResult[Any]:
    """The user's grade of one open answer of a submitted exam."""
    from quizdesk.core.study.exams import self_grade as core

    return run(parent, collection, lambda s: core(s, exam_id, question_id, recalled=recalled, rating=rating, now=now),
               Changes.EXAM | Changes.ATTEMPTS, **options)


def discard_exam(parent: QWidget | None, collection: Collection, exam_id: int, *, now: datetime, **options: Any) -> OpResult[None]:
    """Give up an unfinished exam (its answers stay in the history)."""
    from quizdesk.core.study.exams import abandon_exam

    return run(parent, collection, lambda s: abandon_exam(s, exam_id, now), Changes.EXAM, **options)


# -- settings, bank, store ------------------------------------------------------------
def save_database_settings(parent: QWidget | None, collection: Collection, *, retention: float, backups_kept: int,
                           **options: Any) -> OpResult[int]:
    """The settings kept in the database (they travel with a backup): the FSRS desired
    retention (0.70–0.99) and how many backups to keep. The value is the number kept."""
    from quizdesk.core.db.backup import write_configured_keep
    from quizdesk.core.queries import raw_connection
    from quizdesk.core.study.scheduler import set_desired_retention

    def work(session: Session) -> int:
        set_desired_retention(session, retention)
        return write_configured_keep(raw_connection(session), backups_kept)  # same transaction

    return run(parent, collection, work, Changes.SETTINGS, **options)


def sync_bundled_bank(parent: QWidget | None, collection: Collection, content_dir: Path, **options: Any) -> OpResult[Any]:
    """Bring the bundled bank into the database (start-up, when its files changed)."""
    from quizdesk.core.content.bundled import sync_bundled_bank as core

    return run(parent, collection, lambda s: core(s, content_dir), Changes.BANK, **options)


def start_import(
    collection: Collection,
    paths: list[Path],
    *,
    topic: str | None = None,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    on_cancelled: Callable[[], None],
    on_progress: Callable[[int, int, str], None] | None = None,
    owner: QWidget | None = None,
) -> Task:
    """Import Markdown ``paths`` on the task runner, in one transaction; returns the task (``.cancel()``).

    The core reads, parses and writes on the worker (hundreds of files take
    seconds) and rolls back when cancelled (``on_cancelled`` then) or when it
    fails (``on_failed(exc)``: ImportError-like messages are the core's). A
    committed import that changed something emits ``changed(BANK)`` before
    ``on_done(report)``.
    """
    from quizdesk.core.content.importer import ImportCancelled, run_import

    session_factory = collection.store.session_factory  # made here: the worker only uses it

    def work(task: Task) -> Any:
        return run_import(paths, session_factory=session_factory, data_dir=collection.data_dir, topic=topic,
                          progress=task.report, cancelled=task.cancel_event.is_set)

    return _start_cancellable(collection, "import", work, ImportCancelled,
                              lambda report: Changes.BANK if report.changed else Changes(0),
                              on_done=on_done, on_failed=on_failed, on_cancelled=on_cancelled,
                              on_progress=on_progress, owner=owner)


def _start_cancellable(
    collection: Collection,
    name: str,
    work: Callable[[Task], Any],
    cancelled_error: type[BaseException],
    changes: Callable[[Any], Changes],
    *,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    on_cancelled: Callable[[], None],
    on_progress: Callable[[int, int, str], None] | None,
    owner: QWidget | None,
) -> Task:
    """Run a long core call on the task runner: the core's ``cancelled_error`` becomes the
    runner's cancel (``on_cancelled``), and what ``changes(result)`` names is announced once
    before ``on_done(result)``."""

    def guarded(task: Task) -> Any:
        try:
            return work(task)
        except cancelled_error:
            task.cancel()  # rolled back: the runner calls on_cancelled
            return None

    def done(result: Any) -> None:
        flags = changes(result) if result is not None else Changes(0)
        if flags:
            collection.changed.emit(flags)
        on_done(result)

    return collection.tasks.run(guarded, on_done=done, on_failed=on_failed, on_progress=on_progress,
                                on_cancelled=on_cancelled, owner=owner, name=name)


def start_anki_import(
    collection: Collection,
    path: Path,
    *,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    on_cancelled: Callable[[], None],
    on_progress: Callable[[int, int, str], None] | None = None,
    owner: QWidget | None = None,
) -> Task:
    """Import one Anki package (.apkg / .colpkg) on the task runner, in one transaction.

    As :func:`start_import`: a damaged package fails with the core's
    ``AnkiPackageError`` (nothing changed); a cancel rolls back. A committed
    import that changed questions or added answers emits ``changed(BANK | ATTEMPTS)``
    (its review log becomes attempts and FSRS states) before ``on_done(report)``.
    """
    from quizdesk.core.anki import AnkiCancelled, run_anki_import

    session_factory = collection.store.session_factory  # made here: the worker only uses it
    data_dir = collection.data_dir

    def work(task: Task) -> Any:
        return run_anki_import(path, session_factory=session_factory, data_dir=data_dir,
                               progress=task.report, cancelled=task.cancel_event.is_set)

    def changes(report: Any) -> Changes:
        wrote = report.changed or report.reviews or report.review_states
        return Changes.BANK | Changes.ATTEMPTS if wrote else Changes(0)

    return _start_cancellable(collection, "anki-import", work, AnkiCancelled, changes,
                              on_done=on_done, on_failed=on_failed, on_cancelled=on_cancelled,
                              on_progress=on_progress, owner=owner)


def start_anki_export(
    collection: Collection,
    options: Any,
    *,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    on_cancelled: Callable[[], None],
    on_progress: Callable[[int, int, str], None] | None = None,
    owner: QWidget | None = None,
) -> Task:
    """Write an Anki deck (``options``: an ``AnkiExportOptions``) on the task runner.

    A read: the worker's session is rolled back, nothing is emitted. A cancelled
    export leaves no file (the core writes a temporary file and renames it last).
    """
    from quizdesk.core.anki import AnkiCancelled, run_anki_export

    session_factory = collection.store.session_factory
    data_dir = collection.data_dir

    def work(task: Task) -> Any:
        with session_factory() as session:
            try:
                return run_anki_export(session, options, data_dir=data_dir,
                                       progress=task.report, cancelled=task.cancel_event.is_set)
            finally:
                session.rollback()

    return _start_cancellable(collection, "anki-export", work, AnkiCancelled, lambda _report: Changes(0),
                              on_done=on_done, on_failed=on_failed, on_cancelled=on_cancelled,
                              on_progress=on_progress, owner=owner)


def restore_backup(parent: QWidget | None, collection: Collection, backup: Path, *,
                   before: Callable[[], None] | None = None, **options: Any) -> OpResult[Path | None]:
    """Replace the database with ``backup`` (checked first) and open it as on start.

    The value is where the replaced database was kept. ``before`` runs once the
    backup passed its checks, before the store closes (the main window saves and
    closes an exam on screen). The collection emits ``storeReplaced`` and
    ``changed(STORE)``; a backup that cannot be used fails with its reason and
    changes nothing.
    """
    from quizdesk.core.db.recovery import restore_backup as core
    from quizdesk.core.db.recovery import validate_database_file
    from quizdesk.core.db.store import open_store

    problem = validate_database_file(backup)
    if problem is not None:
        error = ValueError(
            # The main window's words of before: one string, one translation.
            QCoreApplication.translate("MainWindow", "%1 cannot be restored: %2.").replace("%1", backup.name).replace("%2", problem)
        )
        return _failed(parent, error, options.get("quiet", False), options.get("on_failure"))
    if before is not None:
        before()
    old = collection.store
    old.close()  # no connection may hold the old file while it is replaced
    try:
        kept = core(old.path, backup)
        store = open_store(old.path.parent)
    except (StoreError, sqlite3.Error, OSError) as exc:
        return _failed(parent, exc, options.get("quiet", False), options.get("on_failure"))
    collection.replace_store(store)  # emits storeReplaced, then changed(STORE)
    return OpResult(True, kept)


# -- interviews (the countdown, docs/plan.md) ------------------------------------------
def save_interview(parent: QWidget | None, collection: Collection, *, interview_id: int | None, name: str, on: date,
                   module_keys: list[str], topic_keys: list[str], daily_minutes: int, now: datetime,
                   **options: Any) -> OpResult[Any]:
    """Add an interview (``interview_id`` None) or change one; the value is its ``InterviewSpec``.
    A name another interview has, no topic or a budget out of range fail with the core's reason."""
    from quizdesk.core.plan.interviews import save_interview as add
    from quizdesk.core.plan.interviews import update_interview as change

    def work(session: Session) -> Any:
        if interview_id is None:
            return add(session, name=name, on=on, module_keys=module_keys, topic_keys=topic_keys,
                       daily_minutes=daily_minutes, now=now)
        return change(session, interview_id, now=now, name=name, on=on, module_keys=module_keys,
                      topic_keys=topic_keys, daily_minutes=daily_minutes)

    return run(parent, collection, work, Changes.INTERVIEWS, **options)


def delete_interview(parent: QWidget | None, collection: Collection, interview_id: int, **options: Any) -> OpResult[bool]:
    """Delete an interview (its plan is never stored: nothing else goes); the value is False if it was gone."""
    from quizdesk.core.plan.interviews import delete_interview as core

    return run(parent, collection, lambda s: core(s, interview_id), Changes.INTERVIEWS, **options)
