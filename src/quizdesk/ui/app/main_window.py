"""The main window: browse the bank (topic tree, question list, answer view,
search), and host the study, exam, self-grading and results screens.

The screens are pages of one stacked widget; each emits what the user decided
(finished, submitted, drill these…) and the window moves to the next page.
Dialogs owned by other modules (weak areas, import, export, settings) are
imported only when their action is used, which keeps them off the start-up
path. Every write goes through ``ui/ops.py`` and ends with the
collection's ``changed(Changes)``; the window refreshes its library and counts
for the changes that concern them (at once if the library is on screen, else
when it comes back), never for one saved exam answer.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from quizdesk import APP_NAME
from quizdesk.core.clock import utcnow
from quizdesk.core.db.store import Store
from quizdesk.core.queries.counts import due_count, has_resumable_exam, question_count
from quizdesk.core.study.exam_state import ExamState
from quizdesk.ui import ops
from quizdesk.ui.app.actions import ACTIONS, build_actions, retranslate_actions
from quizdesk.ui.collection import Collection, as_collection
from quizdesk.ui.events import app_events
from quizdesk.ui.library.library_view import LibraryView
from quizdesk.ui.widgets.named import named
from quizdesk.ui.widgets.theme import colors

if TYPE_CHECKING:  # the pages are imported when first opened: off the start-up path
    # So are the classes only a drop, a close or a message box needs: PySide builds
    # a class's Python enums when the class is first imported (QMessageBox: ~1.5 ms).
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QMessageBox

    from quizdesk.ui.exam.runner import ExamRunner
    from quizdesk.ui.weak_areas.page import WeakAreasDialog

SEARCH_DEBOUNCE_MS = 150
SETTINGS_GROUP = "mainWindow"
BROWSE, STUDY, EXAM, GRADING, RESULTS = "browse", "study", "exam", "grading", "results"


class MainWindow(QMainWindow):
    library: LibraryView

    # Emitted once, just after the window's first paint: work that must not delay it hooks in here.
    firstPainted = Signal()

    def __init__(
        self,
        collection: Collection | Store,
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utcnow,
        defer_answer_view: bool = False,
    ) -> None:
        """``defer_answer_view``: start with an empty answer pane and load the real
        answer view (Markdown, math and code rendering: ~0.2 s of imports) right
        after the window's first paint. The app does this on start."""
        super().__init__()
        self.collection = as_collection(collection)
        self._clock = clock
        self._now = now
        self.mode = BROWSE
        self.page: QWidget | None = None  # the study / exam / grading / results page on screen
        self.weak_areas_dialog: WeakAreasDialog | None = None  # made on first use, then shown again with its state
        self.quit_box: QMessageBox | None = None  # "the exam is saved" on quitting mid-exam, while it is open
        self._quit_confirmed = False
        self._stale = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.resize(1240, 780)
        self.setAcceptDrops(True)  # drop Markdown files or folders to import them

        self.library = LibraryView(self.collection, defer_answer_view=defer_answer_view)
        self.library.studyRequested.connect(self.start_study)
        self.library.topicPicked.connect(self._clear_search)

        self.pages = named(QStackedWidget(), "pages")
        self.pages.addWidget(self.library)
        self.setCentralWidget(self.pages)

        self.search_box = named(QLineEdit(), "searchBox")
        self.search_box.setPlaceholderText(self.tr("Search questions and answers (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(300)
        self.search_box.textChanged.connect(self._on_search_text)
        # Esc clears the search (and so shows the topic's questions again).
        clear_search = named(QAction(self.search_box), "clearSearchAction")
        clear_search.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear_search.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear_search.triggered.connect(self.search_box.clear)
        self.search_box.addAction(clear_search)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._run_search)

        self.bank_status = named(QLabel(), "bankStatusLabel")
        self.bank_status.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.bank_status)
        self.statusBar().setObjectName("statusBar")

        self._build_actions()
        self._build_menus_and_toolbar()

        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self._refresh_if_visible)
        self.collection.changed.connect(self._on_changed)
        app_events().themeChanged.connect(self._on_theme_changed)

        self.refresh()
        self._restore_settings()
        self._on_theme_changed(colors().dark)
        app_events().answerFontChanged.connect(self.library.set_answer_font_px)
        self.installEventFilter(self)  # until the first paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)
            # firstPainted first: its handlers (the formula disk cache) are in place
            # before the answer view draws its first answer.
            QTimer.singleShot(0, self.firstPainted.emit)
            if not self.library.answer_ready:
                QTimer.singleShot(0, self.library.load_answer_view)
        return False

    @property
    def store(self) -> Store:
        """The open store (the collection's: a restore replaces it)."""
        return self.collection.store

    @property
    def answer_view(self) -> Any:
        return self.library.answer_view

    # -- actions, menus, toolbar -----------------------------------------------
    def action(self, name: str) -> QAction:
        """The window's action of that object name (``ui/app/actions.py``'s table)."""
        return self._actions[name]

    def _build_actions(self) -> None:
        self._actions = build_actions(self)
        self.browse_actions = [self._actions[spec.name] for spec in ACTIONS if spec.locked_in_exam]

    def _build_menus_and_toolbar(self) -> None:
        act = self.action
        menu = self.menuBar()
        menu.setObjectName("menuBar")
        file_menu = self.file_menu = menu.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        for name in ("importAction", "importFolderAction"):
            file_menu.addAction(act(name))
        export_menu = self.export_menu = file_menu.addMenu(self.tr("&Export"))
        export_menu.setObjectName("exportMenu")
        export_menu.addAction(act("exportAction"))
        export_menu.addAction(act("exportAnkiAction"))
        file_menu.addSeparator()
        file_menu.addAction(act("settingsAction"))
        file_menu.addSeparator()
        file_menu.addAction(act("quitAction"))
        study_menu = self.study_menu = menu.addMenu(self.tr("&Study"))
        study_menu.setObjectName("studyMenu")
        for name in ("studyDueAction", "studyTopicAction", "newExamAction", "historyAction", "weakAreasAction", "interviewAction"):
            study_menu.addAction(act(name))
        view_menu = self.view_menu = menu.addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")
        for name in ("focusSearchAction", "focusTopicsAction", "focusQuestionsAction", "focusAnswerAction"):
            view_menu.addAction(act(name))
        help_menu = self.help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(act("shortcutsAction"))
        help_menu.addSeparator()
        help_menu.addAction(act("aboutAction"))

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        groups = (("studyDueAction", "newExamAction"), ("weakAreasAction", "historyAction"),
                  ("importAction", "exportAction", "settingsAction"))
        for i, group in enumerate(groups):
            if i:
                toolbar.addSeparator()
            for name in group:
                toolbar.addAction(act(name))
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search_box)
        for name in (name for group in groups for name in group):
            button = toolbar.widgetForAction(act(name))
            if button is not None:
                button.setObjectName(name.replace("Action", "ToolButton"))
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def retranslate_ui(self) -> None:
        """Every text of the window in the current language (after a language switch)."""
        retranslate_actions(self._actions)
        self.export_menu.setTitle(self.tr("&Export"))
        self.file_menu.setTitle(self.tr("&File"))
        self.study_menu.setTitle(self.tr("&Study"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.search_box.setPlaceholderText(self.tr("Search questions and answers (Ctrl+F)"))
        try:
            self.refresh_status()
        except sqlite3.Error:
            pass  # the database is busy or gone: the counts follow with the next refresh

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- browsing --------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the library and the counts, keeping the selection."""
        self._stale = False
        self.library.refresh()
        self.refresh_status()

    def refresh_status(self) -> None:
        now = self._now()
        total, due = self.collection.read(lambda connection: (question_count(connection), due_count(connection, now)))
        self.bank_status.setText(
            self.tr("%n question(s) in the bank", "", total) + "  ·  " + self.tr("%n due", "", due)
        )

    def _on_changed(self, changes: ops.Changes) -> None:
        # One saved exam answer changes no count the library shows: no query for it.
        if changes & ops.LIBRARY_CHANGES:
            self._refresh_timer.start()  # several writes in a row refresh once

    def _refresh_if_visible(self) -> None:
        if self.mode == BROWSE:
            self.refresh()
        else:
            self._stale = True
            self.refresh_status()

    def _on_search_text(self, text: str) -> None:
        if self.mode not in (BROWSE, EXAM, GRADING):
            self.show_browse()
        if not text.strip():
            self._search_timer.stop()
            self.library.show_topic_questions()
            return
        self._search_timer.start()

    def _run_search(self) -> None:
        self.library.run_search(self.search_box.text())

    def _clear_search(self) -> None:
        self.search_box.clear()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def focus_library_part(self, widget: QWidget) -> None:
        """Alt+1/2/3: focus the topic tree, the question list or the answer (browsing only)."""
        if self.mode == BROWSE:
            widget.setFocus()

    # -- pages -----------------------------------------------------------------
    def _set_page(self, widget: QWidget | None, mode: str) -> None:
        old = self.page
        if widget is None:
            self.pages.setCurrentWidget(self.library)
        else:
            self.pages.addWidget(widget)
            self.pages.setCurrentWidget(widget)
        self.page = widget
        if old is not None and old is not widget:
            self.pages.removeWidget(old)
            old.deleteLater()
        self.mode = mode
        locked = mode in (EXAM, GRADING)
        for action in self.browse_actions:
            action.setEnabled(not locked)
        self.search_box.setEnabled(not locked)
        if widget is not None:
            self.collection.warm_writes()  # every page but the library writes: a grade, an answer, a plan
            getattr(widget, "focus_default", widget.setFocus)()

    def show_browse(self) -> None:
        self._set_page(None, BROWSE)
        if self._stale:
            self.refresh()
        self.library.question_list.setFocus()

    def start_study(self, question_ids: list[int], title: str = "") -> None:
        from quizdesk.ui.study.study_view import StudyView

        view = StudyView(self.collection, question_ids, title=title, clock=self._clock, now=self._now)
        view.finished.connect(self.show_browse)
        self._set_page(view, STUDY)

    def study_due(self) -> None:
        """Ctrl+D: the due cards of every topic (those the status bar counts), then new ones.

        The selected topic does not narrow it: that is :meth:`study_topic` (Ctrl+T).
        """
        from quizdesk.core.queries.study import study_queue

        now = self._now()
        queue = self.collection.read(lambda connection: study_queue(connection, None, now))
        if not queue:
            self.statusBar().showMessage(self.tr("Nothing is due and there are no new cards."), 8000)
            return
        self.start_study(queue, self.tr("Due cards") + "  ·  " + self.tr("all topics"))

    def study_topic(self) -> None:
        """Ctrl+T: the selected topic (with its sub-topics): its due cards, then new ones."""
        from quizdesk.core.queries.study import study_queue

        topic_ids = self.library.topic_tree.selected_topic_ids()
        if topic_ids is None:
            self.statusBar().showMessage(self.tr("Select a topic in the tree first."), 8000)
            return
        now = self._now()
        queue = self.collection.read(lambda connection: study_queue(connection, topic_ids, now))
        if not queue:
            self.statusBar().showMessage(self.tr("Nothing is due and there are no new cards here."), 8000)
            return
        self.start_study(queue, self.tr("Study: %1").replace("%1", self.library.topic_tree.selected_label()))

    def new_exam(
        self, topic_keys: list[str] | None = None, order: str | None = None, *, start_now: bool = False, ranked: bool = False
    ) -> None:
        """The exam setup: on ``topic_keys`` (else the selected topic) and in ``order`` if given.

        With ``start_now`` the exam starts at once with the remembered size, types
        and time limit; the dialog only shows if that exam cannot be made. With
        ``ranked`` the keys are weakest first and share the exam 50/30/20 %.
        """
        from quizdesk.ui.exam.setup_dialog import ExamSetupDialog

        self.collection.warm_writes()  # while the user picks the exam, not when it starts
        key = self.library.topic_tree.current_key()
        dialog = ExamSetupDialog(self.collection, self, topic_keys=topic_keys or ([key] if key else None))
        if order is not None and dialog.order_combo.findData(order) >= 0:
            dialog.order_combo.setCurrentIndex(dialog.order_combo.findData(order))
        if ranked and topic_keys:
            dialog.ranked_keys = list(topic_keys)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.run_exam(dialog.exam_id) if dialog.exam_id is not None else None)
        self.exam_setup_dialog = dialog
        if start_now:
            dialog.remember_choices = False
            dialog.accept()  # says why in the dialog and stays open when nothing matches
            if dialog.exam_id is not None:
                return
        dialog.open()

    def run_exam(self, exam_id: int) -> None:
        from quizdesk.ui.exam.runner import ExamRunner

        runner = ExamRunner(self.collection, exam_id, clock=self._clock, now=self._now)
        runner.submitted.connect(self._after_submit)
        self._set_page(runner, EXAM)
        runner.tick()

    @property
    def exam_runner(self) -> ExamRunner | None:
        from quizdesk.ui.exam.runner import ExamRunner

        return self.page if isinstance(self.page, ExamRunner) else None

    def _after_submit(self, exam_id: int) -> None:
        runner = self.exam_runner
        if runner is not None and runner.time_up:
            self.statusBar().showMessage(self.tr("Time is up: the exam was submitted."), 10000)
        self.grade_or_show_results(exam_id)

    def grade_or_show_results(self, exam_id: int) -> None:
        from quizdesk.ui.exam.self_grade import SelfGradeView

        view = SelfGradeView(self.collection, exam_id, now=self._now)
        if not view.pending:
            view.deleteLater()
            self.show_results(exam_id)
            return
        view.finished.connect(self.show_results)
        view.laterRequested.connect(lambda _id: self._later(self.tr("Grade the open questions later from Exam history (Ctrl+H).")))
        self._set_page(view, GRADING)

    def _later(self, message: str) -> None:
        self.show_browse()
        self.statusBar().showMessage(message, 10000)

    def show_results(self, exam_id: int) -> None:
        from quizdesk.ui.exam.results import ExamResultsView

        view = ExamResultsView(self.collection, exam_id)
        view.drillRequested.connect(lambda ids: self.start_study(ids, self.tr("Drill: wrong answers")))
        view.closeRequested.connect(self.show_browse)
        self._set_page(view, RESULTS)

    def continue_exam(self, exam_id: int) -> None:
        """Resume an unfinished exam: answering, or self-grading if it was submitted."""
        from quizdesk.core.study.exams import load_exam

        state = self.collection.read_orm(lambda session: load_exam(session, exam_id).state)
        if state == ExamState.GRADING:
            self.grade_or_show_results(exam_id)
        elif state.answerable:
            self.run_exam(exam_id)
        else:
            self.show_results(exam_id)

    def offer_resume(self) -> None:
        """If an exam was left unfinished, ask whether to continue it (non-blocking)."""
        if not self.collection.read(has_resumable_exam):
            return
        from quizdesk.core.study.exams import find_resumable
        from quizdesk.ui.exam.resume_dialog import ResumeDialog

        info = self.collection.read_orm(find_resumable)
        if info is None:
            return
        dialog = ResumeDialog(info, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._on_resume_choice(dialog.choice, info.session_id))
        self.resume_dialog = dialog
        dialog.open()

    def _on_resume_choice(self, choice: str, exam_id: int) -> None:
        from quizdesk.ui.exam.resume_dialog import DISCARD, RESUME

        if choice == RESUME:
            self.continue_exam(exam_id)
        elif choice == DISCARD:
            from quizdesk.ui.exam.resume_dialog import DiscardConfirmation

            # Discarding cannot be undone: ask once more; "Keep it" offers the choice again.
            confirm = DiscardConfirmation(self)
            confirm.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            confirm.finished.connect(lambda _result: self._discard_exam(exam_id) if confirm.confirmed else self.offer_resume())
            self.discard_confirmation = confirm
            confirm.open()
        else:
            self.statusBar().showMessage(self.tr("The unfinished exam waits in Exam history (Ctrl+H)."), 8000)

    def _discard_exam(self, exam_id: int) -> None:
        if not ops.discard_exam(self, self.collection, exam_id, now=self._now()).ok:
            return  # the status bar says why; the exam stays resumable
        self.statusBar().showMessage(self.tr("The unfinished exam was discarded; its answers stay in the history."), 8000)

    # -- dialogs ------------------------------------------------------------------
    def show_history(self) -> None:
        from quizdesk.ui.exam.history_view import HistoryDialog

        dialog = HistoryDialog(self.collection, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.openResults.connect(self.show_results)
        dialog.resumeExam.connect(self.continue_exam)
        self.history_dialog = dialog
        dialog.open()

    def show_weak_areas(self) -> None:
        """The weak-areas window (non-modal); its drill buttons start a session here."""
        from quizdesk.ui.weak_areas.page import WeakAreasDialog

        if self.weak_areas_dialog is None:
            dialog = WeakAreasDialog(self.collection, self, now=self._now)
            dialog.studyRequested.connect(self._drill_study)
            dialog.examRequested.connect(self._drill_exam)
            dialog.plannedExamRequested.connect(self._planned_exam)
            self.weak_areas_dialog = dialog
        self.weak_areas_dialog.show()
        self.weak_areas_dialog.raise_()
        self.weak_areas_dialog.activateWindow()

    def show_interview_countdown(self) -> None:
        """The weak-areas page, where the countdown is; with no interview saved yet, the dialog to add one."""
        from quizdesk.core.plan.interviews import read_interviews

        self.show_weak_areas()
        dialog = self.weak_areas_dialog
        assert dialog is not None
        if not self.collection.read(read_interviews):
            dialog.countdown.edit_interview(None)

    def _planned_exam(self, spec: Any) -> None:
        """The interview plan's mock exam (an ``ExamSpec``): created and started at once."""
        if self._busy_with_exam():
            return
        result = ops.create_exam(self, self.collection, spec, now=self._now())
        if result.ok and result.value is not None:
            self.run_exam(result.value)

    def _busy_with_exam(self) -> bool:
        if self.mode in (EXAM, GRADING):
            self.statusBar().showMessage(self.tr("Finish the exam first; then drill your weak areas."), 8000)
            return True
        return False

    def _drill_study(self, question_ids: list[int], title: str) -> None:
        if not self._busy_with_exam():
            self.start_study(question_ids, title)

    def _drill_exam(self, topic_keys: list[str]) -> None:
        if not self._busy_with_exam():
            self.new_exam(topic_keys, order="weakest", start_now=True, ranked=True)  # one click: "Drill these"

    def import_files(self, *, folder: bool = False, paths: list[Path] | None = None) -> None:
        """Import Markdown files or a folder (asked for unless ``paths`` are given, e.g. dropped)."""
        from quizdesk.ui.dialogs import import_dialog

        if paths is None:
            paths = import_dialog.choose_import_paths(self, folder=folder)
        if paths:
            from quizdesk.ui.dialogs import anki_import

            if anki_import.import_packages(self, list(paths), self.collection):
                return  # .apkg / .colpkg: the Anki import (same flow, its own summary line)
            # The import runs on the task runner, commits in one transaction and emits changed(BANK).
            import_dialog.run_import_flow(self, list(paths), self.collection)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt API)
        if self.mode == BROWSE and event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt API)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.mode == BROWSE:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.import_files(paths=paths))  # not inside the drop handler

    def export_data(self) -> None:
        from quizdesk.ui.dialogs.export_dialog import run_export_flow

        self.export_dialog = run_export_flow(self, self.collection)

    def export_anki(self) -> None:
        from quizdesk.ui.dialogs.anki_export_dialog import run_anki_export_flow

        self.anki_export_dialog = run_anki_export_flow(self, self.collection)

    def show_settings(self) -> None:
        from quizdesk.ui.settings.settings_dialog import SettingsDialog

        self.collection.warm_writes()
        dialog = SettingsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settings_dialog = dialog
        dialog.open()

    def restore_database(self, backup: Path) -> Path | None:
        """Replace the database with ``backup`` and show its data; returns where
        the current database was kept (a backup, or a set-aside file).

        The backup is checked first (ValueError with the reason if unusable:
        nothing changes then). An exam on screen is saved and closed, the store
        is closed so no connection holds the old file, and the restored file is
        opened as on start (migrated if it is older).
        """
        # The collection swaps the store and emits storeReplaced: every view reads the new file.
        result = ops.restore_backup(self, self.collection, backup, before=self._close_pages, quiet=True)
        if not result.ok:
            assert result.error is not None
            raise result.error
        self.refresh()
        self.statusBar().showMessage(self.tr("The backup was restored."), 10000)
        return result.value

    def _close_pages(self) -> None:
        """A restore is about to swap the database: the exam on screen is saved and closed."""
        runner = self.exam_runner
        if runner is not None:
            runner.suspend()
        self._set_page(None, BROWSE)  # no page keeps using the old store

    def show_shortcuts(self) -> None:
        from quizdesk.ui.exam import results as exam_results
        from quizdesk.ui.exam import runner as exam_runner
        from quizdesk.ui.exam import self_grade as exam_self_grade
        from quizdesk.ui.study import study_view
        from quizdesk.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        def keys(action: QAction) -> str:
            return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())

        main_rows = [(keys(a), a.text().replace("&", "").rstrip("…")) for a in self.main_actions()]
        main_rows.append(("Enter", self.tr("Study the selected question (in the question list)")))
        sections = [
            (self.tr("Main window"), main_rows),
            (self.tr("Study"), study_view.key_help()),
            (self.tr("Mock exam"), exam_runner.key_help()),
            (self.tr("Grading your open answers"), exam_self_grade.key_help()),
            (self.tr("Exam results"), exam_results.key_help()),
        ]
        dialog = ShortcutsDialog(sections, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog = dialog
        dialog.open()

    def show_about(self) -> None:
        from quizdesk.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.collection.data_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog = dialog
        dialog.open()

    def main_actions(self) -> list[QAction]:
        return [a for a in self.actions() if a.shortcuts()]

    # -- settings, theme, closing ----------------------------------------------
    def _restore_settings(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.value("splitter")
        if splitter is not None:
            self.library.restoreState(splitter)
        topic_key = settings.value("topicKey")
        question_id = settings.value("questionId")
        settings.endGroup()
        if topic_key:
            self.library.topic_tree.select_key(str(topic_key))
        if question_id not in (None, ""):
            try:
                self.library.question_list.select_question(int(question_id))
            except (TypeError, ValueError):
                pass

    def save_settings(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("state", self.saveState())
        settings.setValue("splitter", self.library.saveState())
        settings.setValue("topicKey", self.library.topic_tree.current_key() or "")
        question_id = self.library.question_list.current_question_id()
        settings.setValue("questionId", "" if question_id is None else question_id)
        settings.endGroup()
        settings.sync()

    def _on_theme_changed(self, dark: bool) -> None:
        self.bank_status.setStyleSheet(f"color: {colors().muted};")
        self.library.apply_theme(dark)

    def _confirm_quit_unsaved(self) -> bool:
        """The database refused the last answers (disk full, locked…): quitting would lose them."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Answers not saved"),
            self.tr("Some answers of this exam could not be saved, so quitting now would lose them."),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("unsavedQuitBox")
        box.setInformativeText(self.exam_runner.error_label.text() if self.exam_runner is not None else "")
        stay = box.addButton(self.tr("Keep the exam open"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(self.tr("Quit and lose them"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(stay)
        box.exec()
        return box.clickedButton() is not stay

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        runner = self.exam_runner
        if runner is not None:
            runner.suspend()  # the exam stays resumable with the time it had left
            if runner.has_unsaved_changes and not self._confirm_quit_unsaved():
                runner.resume_ticking()
                event.ignore()
                return
        if self.mode in (EXAM, GRADING) and not self._quit_confirmed:
            # Quitting mid-exam loses nothing, but say so and let the user stay.
            event.ignore()
            self._ask_quit_during_exam()
            return
        self.save_settings()
        super().closeEvent(event)

    def _ask_quit_during_exam(self) -> None:
        from quizdesk.ui.exam.resume_dialog import QuitDuringExamBox

        if self.quit_box is not None and self.quit_box.isVisible():
            return
        runner = self.exam_runner
        remaining = runner.clock.remaining() if runner is not None else None
        box = QuitDuringExamBox(remaining, grading=self.mode == GRADING, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._on_quit_answer(box.quit))
        self.quit_box = box
        box.open()

    def _on_quit_answer(self, quit_now: bool) -> None:
        self.quit_box = None
        if quit_now:
            self._quit_confirmed = True
            self.close()
        elif self.exam_runner is not None:
            self.exam_runner.resume_ticking()
