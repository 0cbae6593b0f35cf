"""Render every main screen offscreen, in the light and the dark theme.

    QT_QPA_PLATFORM=offscreen python tests/ui/screenshots.py [OUT_DIR] [--bank DIR]

Writes main-window.png (light, for the README), {main-window,study,exam,
results,weak-areas}-{light,dark}.png, and the Chinese UI: {main-window,exam,settings}-zh.png. The default bank is the bundled ``content/``; the
screens are driven through the same objects a user drives. Used to produce
``docs/img/`` and by ``test_screenshots.py`` (which checks they render).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
SIZE = (1280, 800)


def _prepare_store(data_dir: Path, bank: Path):
    from sqlalchemy import select

    from quizdesk.core.content.bundled import sync_bundled_bank
    from quizdesk.core.db.models import Question
    from quizdesk.core.db.store import open_store
    from quizdesk.core.study.reviews import record_choice, record_recall

    store = open_store(data_dir)
    with store.session() as session:
        sync_bundled_bank(session, bank)
    # A little history, so counts, due cards and scores are not all zero.
    past = datetime.now(timezone.utc) - timedelta(days=12)
    with store.session() as session:
        questions = list(session.scalars(select(Question).order_by(Question.id)))
        for i, q in enumerate(questions[::3]):
            if q.qtype == "open":
                record_recall(session, q.id, list(range(i % 3)), now=past, seconds=40)
            else:  # two answers in three right, as a learner a few days in
                right = [j for j, c in enumerate(q.choices) if c["correct"]]
                wrong = [j for j, c in enumerate(q.choices) if not c["correct"]][:1]
                record_choice(session, q.id, right if i % 3 else wrong, now=past, seconds=12)
    return store


def _make_week(store, now):
    """A realistic week of study: a few topics every evening with their own skill,
    some topics only seen once long ago, some never; fixed seed, same pictures."""
    import random
    from datetime import timedelta

    from sqlalchemy import select

    from quizdesk.core.db.models import Question
    from quizdesk.core.study.reviews import record_choice, record_rating, record_recall

    rng = random.Random(7)
    with store.session() as session:
        questions = list(session.scalars(select(Question).where(Question.retired_at.is_(None)).order_by(Question.id)))
        by_topic: dict[int, list[Question]] = {}
        for q in questions:
            by_topic.setdefault(q.topic_id, []).append(q)
        topics = sorted(by_topic)
        skill = {t: rng.choice((0.3, 0.55, 0.75, 0.9, 0.97)) for t in topics}
        studied = [t for i, t in enumerate(topics) if i % 4 != 3]  # a quarter never touched
        old = studied[::5]  # seen once, three weeks ago

        def answer(q: Question, when) -> None:
            right = rng.random() < skill[q.topic_id]
            if q.qtype == "open":
                if q.key_points:
                    n = len(q.key_points)
                    recalled = [i for i in range(n) if rng.random() < skill[q.topic_id]]
                    record_recall(session, q.id, recalled, now=when, seconds=rng.randint(30, 120))
                else:
                    record_rating(session, q.id, 3 if right else 1, now=when, seconds=rng.randint(30, 120))
                return
            correct = [i for i, c in enumerate(q.choices) if c["correct"]]
            wrong = [i for i, c in enumerate(q.choices) if not c["correct"]][:1] or [0]
            record_choice(session, q.id, correct if right else wrong, now=when, seconds=rng.randint(8, 40))

        for t in old:
            for q in by_topic[t][:4]:
                answer(q, now - timedelta(days=21, hours=rng.randint(0, 5)))
        for day in range(7, -1, -1):
            evening = now - timedelta(days=day, hours=rng.randint(1, 3))
            recent = [t for t in studied if t not in old] or studied
            tonight = rng.sample(recent, k=min(3, len(recent)))
            for t in tonight:
                for q in rng.sample(by_topic[t], k=min(len(by_topic[t]), rng.randint(5, 10))):
                    answer(q, evening + timedelta(minutes=rng.randint(0, 90)))


class _Clock:
    """A monotonic clock moved by hand, so the pictures show plausible times."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def _settle(app) -> None:
    import time

    from quizdesk.ui.tasks import TaskRunner

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # figures read on worker threads (mastery dots, weak areas) land first
        app.processEvents()
        # Every background read runs on the collection's task runner (ui/tasks.py).
        runners = [getattr(getattr(w, "collection", None), "tasks", None) for w in app.topLevelWidgets()]
        if not any(r.busy() for r in runners if isinstance(r, TaskRunner)):
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def _save(widget, path: Path, app) -> None:
    _settle(app)
    widget.grab().save(str(path))


def render_all(out_dir: Path, bank: Path, themes: tuple[str, ...] = ("light", "dark")) -> list[Path]:
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from quizdesk.core.study.exams import ExamSpec, create_exam, load_exam
    from quizdesk.ui.app.main_window import MainWindow
    from quizdesk.ui.widgets.theme import apply_theme

    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication), "a QCoreApplication is running: screenshots need widgets"
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))
        QCoreApplication.setOrganizationName("QuizDeskScreenshots")
        QCoreApplication.setApplicationName("QuizDeskScreenshots")
        from quizdesk.ui.i18n import install_language

        install_language("en", app)  # the English catalogue: plural forms, as users see them
        for theme in themes:
            store = _prepare_store(Path(tmp) / f"data-{theme}", bank)
            apply_theme(app, theme)
            clock = _Clock()
            window = MainWindow(store, clock=clock)
            window.resize(*SIZE)
            window.show()
            tree = window.library.topic_tree
            module = tree.topLevelItem(0)
            assert module is not None, "the bank has no module"
            module.setExpanded(True)
            tree.setCurrentItem(module.child(min(1, module.childCount() - 1)) or module)
            window.library.question_list.setCurrentRow(min(1, window.library.question_list.count() - 1))
            path = out_dir / f"main-window-{theme}.png"
            _save(window, path, app)
            written.append(path)
            if theme == "light":
                _save(window, out_dir / "main-window.png", app)
                written.append(out_dir / "main-window.png")

            # New mock exam: the setup dialog over the main window, one module left out.
            window.new_exam()
            setup = window.exam_setup_dialog
            setup.tree.topLevelItem(min(1, setup.tree.topLevelItemCount() - 1)).setCheckState(0, Qt.CheckState.Unchecked)
            setup.type_checks["open"].setChecked(False)
            setup._recount()
            path = out_dir / f"exam-setup-{theme}.png"
            _save(setup, path, app)
            written.append(path)
            setup.reject()

            # Study: an open question with its answer shown and two key points ticked.
            with store.read() as connection:
                open_ids = [r[0] for r in connection.execute("SELECT id FROM questions WHERE qtype='open' AND key_points != '[]' ORDER BY id")]
            window.start_study(open_ids[1:6], "Study: " + module.text(0))
            study = window.page
            study.reveal()
            study.points.toggle(0)
            study.points.toggle(2)
            path = out_dir / f"study-{theme}.png"
            _save(window, path, app)
            written.append(path)

            # Exam: ten questions, a few answered, one flagged, on a multiple-choice page.
            with store.read() as connection:
                topic_ids = tuple(r[0] for r in connection.execute("SELECT id FROM topics"))
            notes: dict[int, bool] = {}
            with store.session() as session:
                exam_id = create_exam(session, ExamSpec(topic_ids, count=10, time_limit_s=1800, seed=11), datetime.now(timezone.utc))
                questions = load_exam(session, exam_id).questions
            window.run_exam(exam_id)
            runner = window.exam_runner
            for index, q in enumerate(questions[:7]):
                runner.go_to(index)
                clock.t += 83  # a realistic pace: the countdown and "time used" show it
                if q.qtype == "open":
                    notes[q.id] = True
                    runner.notes.setPlainText("先说定义，再说为什么需要，最后举一个训练中的例子。")
                    runner.flush_notes()
                elif index % 3 == 2 or not q.correct:
                    runner.choices.toggle(0)
                else:
                    for i in q.correct:  # most answers right, as in a real attempt
                        runner.choices.toggle(i)
            runner.go_to(2)
            runner.toggle_flag()
            choice_pages = [i for i, q in enumerate(questions) if q.qtype in ("single", "multi")]
            runner.go_to(choice_pages[0] if choice_pages else 0)
            runner.tick()
            path = out_dir / f"exam-{theme}.png"
            _save(window, path, app)
            written.append(path)

            # Results: submit, grade the open answers, show the breakdown.
            runner.submit()
            grading = window.page
            if hasattr(grading, "pending"):
                path = out_dir / f"self-grading-{theme}.png"
                _save(window, path, app)
                written.append(path)
                while grading.question is not None:
                    if grading.question.id not in notes:  # nothing written: nothing covered
                        if grading.question.key_points:
                            grading.record_points()
                        else:
                            grading.record_rating(1)
                    elif grading.question.key_points:
                        for i in range(0, len(grading.question.key_points), 2):
                            grading.points.toggle(i)
                        grading.record_points()
                    else:
                        grading.record_rating(3)
            results = window.page
            path = out_dir / f"results-{theme}.png"
            _save(window, path, app)
            written.append(path)
            results.tabs.setCurrentIndex(1)
            path = out_dir / f"results-questions-{theme}.png"
            _save(window, path, app)
            written.append(path)

            window.show_history()
            path = out_dir / f"history-{theme}.png"
            _save(window.history_dialog, path, app)
            written.append(path)
            window.history_dialog.reject()
            window.show_shortcuts()
            path = out_dir / f"shortcuts-{theme}.png"
            _save(window.shortcuts_dialog, path, app)
            written.append(path)
            window.shortcuts_dialog.reject()

            # Weak areas after a realistic week of study (fixed seed: the same picture every run).
            _make_week(store, datetime.now(timezone.utc))
            window.show_browse()
            window.show_weak_areas()
            dashboard = window.weak_areas_dialog
            dashboard.resize(*SIZE)
            path = out_dir / f"weak-areas-{theme}.png"
            _save(dashboard, path, app)
            written.append(path)
            dashboard.close()

            window.close()
            window.deleteLater()
            _settle(app)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            store.close()
        written += _render_chinese(out_dir, bank, Path(tmp) / "data-zh", app)
    return written


def _render_chinese(out_dir: Path, bank: Path, data_dir: Path, app) -> list[Path]:
    """The main window, an exam page and the settings in the Chinese UI (light)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from quizdesk.core.study.exams import ExamSpec, create_exam
    from quizdesk.ui.i18n import install_language, remove_translations
    from quizdesk.ui.app.main_window import MainWindow
    from quizdesk.ui.widgets.theme import apply_theme

    written: list[Path] = []
    store = _prepare_store(data_dir, bank)
    apply_theme(app, "light")
    install_language("zh_CN", app)
    try:
        window = MainWindow(store, clock=_Clock())
        window.resize(*SIZE)
        window.show()
        module = window.library.topic_tree.topLevelItem(0)
        assert module is not None, "the bank has no module"
        module.setExpanded(True)
        window.library.topic_tree.setCurrentItem(module.child(0) or module)
        window.library.question_list.setCurrentRow(0)
        _save(window, out_dir / "main-window-zh.png", app)
        written.append(out_dir / "main-window-zh.png")
        with store.read() as connection:
            topic_ids = tuple(r[0] for r in connection.execute("SELECT id FROM topics"))
        with store.session() as session:
            exam_id = create_exam(session, ExamSpec(topic_ids, count=10, time_limit_s=1800, seed=11), datetime.now(timezone.utc))
        window.run_exam(exam_id)
        window.exam_runner.toggle_flag()
        window.exam_runner.tick()
        _save(window, out_dir / "exam-zh.png", app)
        written.append(out_dir / "exam-zh.png")
        window.show_settings()
        for index, name in enumerate(("settings-zh.png", "settings-study-zh.png", "settings-data-zh.png")):
            window.settings_dialog.tabs.setCurrentIndex(index)
            _save(window.settings_dialog, out_dir / name, app)
            written.append(out_dir / name)
        window.settings_dialog.reject()
        window.exam_runner.submit()
        window.show_browse()
        _make_week(store, datetime.now(timezone.utc))
        window.show_weak_areas()
        window.weak_areas_dialog.resize(1180, 800)  # its default size
        _save(window.weak_areas_dialog, out_dir / "weak-areas-zh.png", app)
        written.append(out_dir / "weak-areas-zh.png")
        window.weak_areas_dialog.close()
        window.close()
        window.deleteLater()
        _settle(app)
        # processEvents() leaves deferred deletes alone: without this the window
        # outlives its (deleted) data folder and answers later tests' signals.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        remove_translations(app)
        store.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default=str(REPO / "docs" / "img"))
    parser.add_argument("--bank", default=str(REPO / "content"))
    args = parser.parse_args()
    for path in render_all(Path(args.out_dir), Path(args.bank)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
