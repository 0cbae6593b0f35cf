"""Study → Weak areas (Ctrl+Shift+W): what to study tonight, and why.

A non-modal window over the main window. On top, the answer: the weakest
topics with the reason each is weak, what is due, and two buttons that drill
those topics, as a mock exam (weakest questions first) or a study session.
Below, mastery per module as bars (click one for its topics), the last 30
days of reviews and accuracy, and a sortable table of every topic.

It reads through ``quizdesk.core.stats`` on the task runner (over a long
history the model takes a tenth of a second or more; the newest request wins),
and refreshes on the collection's ``changed`` (attempts, exams, bank, a restored
store: not one saved exam answer) while it is on screen (or when it is shown again). The drill buttons only say what to drill; the main window
starts the session (``studyRequested``, ``examRequested``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from quizdesk.core.clock import utcnow
from quizdesk.core.catalog import questions_in, topic_tree
from quizdesk.core.db.store import Store
from quizdesk.core.stats.history import DayStats, daily_history
from quizdesk.core.stats.mastery import Reason, TopicStats, topic_stats, weakest_topics
from quizdesk.ui import ops
from quizdesk.ui.collection import Collection, as_collection
from quizdesk.ui.events import app_events
from quizdesk.ui.i18n import is_english
from quizdesk.ui.widgets.mastery_indicator import display_name, mastery_pixmap
from quizdesk.ui.widgets.named import named
from quizdesk.ui.widgets.theme import button_css, colors
from quizdesk.ui.weak_areas.charts import HistoryChartView, MasteryChartView
from quizdesk.ui.weak_areas.model import MASTERY, TOPIC_ID_ROLE, TopicSortProxy, WeakAreasModel, reason_color, reason_text

HEADLINE_TOPICS = 3
HISTORY_DAYS = 30
STUDY_LIMIT = 50
SETTINGS_GROUP = "weakAreas"
# The most the countdown claims of the page before it scrolls: a card's figures and buttons,
# while the page still fits a 900-pixel-high screen beside the charts' minimum heights.
COUNTDOWN_MAX_MIN_HEIGHT = 200
# What changes the figures: answers (study, exams), the bank, a restored store.
WEAK_AREA_CHANGES = ops.Changes.ATTEMPTS | ops.Changes.EXAM | ops.Changes.BANK | ops.Changes.STORE


class WeakAreasDialog(QDialog):
    #: Study these question ids, with a title (the main window's ``start_study``).
    studyRequested = Signal(list, str)
    #: Start a mock exam on these topic keys now, weakest questions first.
    examRequested = Signal(list)
    #: Start the interview plan's mock exam: an ``ExamSpec`` (ui/weak_areas/countdown_panel.py).
    plannedExamRequested = Signal(object)
    #: New figures from the database are on screen.
    refreshed = Signal()
    #: Reading the figures failed (database gone, locked past the timeout…): the message.
    readFailed = Signal(str)

    def __init__(self, collection: Collection | Store, parent: QWidget | None = None, *, now: Callable[[], datetime] = utcnow) -> None:
        super().__init__(parent)
        self.setObjectName("weakAreasDialog")
        self.setModal(False)
        self.setSizeGripEnabled(True)
        self.collection = as_collection(collection)
        self._now = now
        self.stats: list[TopicStats] = []
        self.history: list[DayStats] = []
        self.weakest: list[TopicStats] = []
        self._figures_now = now()
        self._stale = True
        self.loaded = False
        self._channel = f"weak-areas-{id(self)}"
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self._refresh_if_visible)
        self._build()
        self.resize(1180, 800)
        self._restore_layout()
        self.collection.changed.connect(self._on_data_changed)
        app_events().themeChanged.connect(self._restyle)
        self.refresh()

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.title_label = named(QLabel(), "weakTitle")
        big = self.title_label.font()
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        self.title_label.setFont(big)
        self.headline = QGridLayout()
        self.headline.setHorizontalSpacing(10)
        self.headline.setVerticalSpacing(4)
        self.headline.setHorizontalSpacing(12)
        self.headline.setColumnStretch(3, 1)  # the reason sits next to its topic, not at the far edge
        self.summary_label = named(QLabel(), "weakSummaryLabel")
        self.summary_label.setWordWrap(True)
        self.hint_label = named(QLabel(), "weakHintLabel")
        self.hint_label.setWordWrap(True)

        self.exam_button = named(QPushButton(), "weakDrillExamButton")
        self.exam_button.clicked.connect(self.drill_exam)
        self.study_button = named(QPushButton(), "weakDrillStudyButton")
        self.study_button.clicked.connect(self.drill_study)
        for button in (self.exam_button, self.study_button):
            button.setMinimumHeight(34)
            button.setAutoDefault(False)
        buttons = QVBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.exam_button)
        buttons.addWidget(self.study_button)
        buttons.addStretch(1)

        text_column = QVBoxLayout()
        text_column.setSpacing(6)
        text_column.addWidget(self.title_label)
        text_column.addLayout(self.headline)
        text_column.addWidget(self.summary_label)
        text_column.addWidget(self.hint_label)
        header = QHBoxLayout()
        header.setContentsMargins(18, 14, 18, 14)
        header.setSpacing(24)
        header.addLayout(text_column, 1)
        header.addLayout(buttons)
        self.header_bar = named(QFrame(), "weakHeader")
        self.header_bar.setLayout(header)

        self.mastery_chart = MasteryChartView()
        self.mastery_chart.moduleShown.connect(self._on_module_shown)
        self.back_button = named(QPushButton(), "weakChartBackButton")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(lambda: self.mastery_chart.show_module(None))
        self.back_button.setVisible(False)
        self.chart_hint = named(QLabel(), "weakChartHint")
        self.history_chart = HistoryChartView()
        self.charts_splitter = named(QSplitter(Qt.Orientation.Horizontal), "weakChartsSplitter")
        self.charts_splitter.addWidget(self.mastery_chart)
        self.charts_splitter.addWidget(self.history_chart)
        self.charts_splitter.setSizes([640, 500])
        self.charts_splitter.setChildrenCollapsible(False)
        # The drill-down controls sit above both charts, so the two stay level.
        chart_bar = QHBoxLayout()
        chart_bar.setContentsMargins(0, 0, 0, 0)
        chart_bar.addWidget(self.back_button)
        chart_bar.addWidget(self.chart_hint)
        chart_bar.addStretch(1)
        charts = QWidget()
        charts_layout = QVBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.setSpacing(4)
        charts_layout.addLayout(chart_bar)
        charts_layout.addWidget(self.charts_splitter, 1)

        self.model = WeakAreasModel(self)
        self.proxy = TopicSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = named(QTableView(), "weakTopicTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(MASTERY, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(self._on_row_activated)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header_view.setStretchLastSection(True)
        header_view.setHighlightSections(False)

        self.body_splitter = named(QSplitter(Qt.Orientation.Vertical), "weakBodySplitter")
        self.body_splitter.addWidget(self._countdown_area())
        self.body_splitter.addWidget(charts)
        self.body_splitter.addWidget(self.table)
        self.body_splitter.setSizes([300, 380, 280])
        self.body_splitter.setChildrenCollapsible(False)

        self.close_button = named(QPushButton(), "weakCloseButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        footer = QHBoxLayout()
        footer.setContentsMargins(12, 0, 12, 10)
        footer.addStretch(1)
        footer.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.header_bar)
        body = QVBoxLayout()
        body.setContentsMargins(12, 0, 12, 0)
        body.addWidget(self.body_splitter, 1)
        layout.addLayout(body, 1)
        layout.addLayout(footer)

        self.refresh_action = QAction(self)
        self.refresh_action.setObjectName("weakRefreshAction")
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(lambda _checked=False: self.refresh())
        self.addAction(self.refresh_action)
        self._retranslate_static()

    def _countdown_area(self) -> QScrollArea:
        """The interview countdown (ui/weak_areas/countdown_panel.py): it reads and writes on its own;
        its session requests leave through this page's signals, like the drill buttons'."""
        from quizdesk.ui.weak_areas.countdown_panel import CountdownPanel

        self.countdown = CountdownPanel(self.collection, now=self._now)
        self.countdown.studyRequested.connect(self._start_planned)
        self.countdown.examRequested.connect(self._start_planned_exam)
        area = named(QScrollArea(), "weakCountdownScroll")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(self.countdown)
        # After the new cards' layout request is handled: until then the size hint is the empty panel's.
        self.countdown.refreshed.connect(lambda: QTimer.singleShot(0, self, lambda: self._fit_countdown(area)))
        return area

    def _fit_countdown(self, area: QScrollArea) -> None:
        """Leave room for the first interview's figures and buttons: the charts' minimum
        heights otherwise squeezed the countdown to a sliver that had to be scrolled."""
        needed = min(self.countdown.sizeHint().height(), COUNTDOWN_MAX_MIN_HEIGHT)
        area.setMinimumHeight(needed if self.countdown.cards else 0)

    def _start_planned(self, question_ids: list[int], title: str) -> None:
        self.close()
        self.studyRequested.emit(question_ids, title)

    def _start_planned_exam(self, spec: object) -> None:
        self.close()
        self.plannedExamRequested.emit(spec)

    def _retranslate_static(self) -> None:
        self.setWindowTitle(self.tr("Weak areas"))
        self.exam_button.setToolTip(self.tr("Start a mock exam on these topics now, weakest questions first, with your usual exam settings"))
        self.study_button.setToolTip(self.tr("Flashcards of these topics: due cards, new ones, then the rest"))
        self.back_button.setText(self.tr("‹ All modules"))
        self._on_module_shown(self.mastery_chart.module_id)
        self.table.setToolTip(self.tr("Double-click a topic to study it"))
        self.close_button.setText(self.tr("Close"))
        self.refresh_action.setText(self.tr("Refresh"))

    def retranslate_ui(self) -> None:
        """Every text in the current language (after a language switch)."""
        self._retranslate_static()
        if self.loaded:
            self._show_figures()
        else:
            self._show_loading()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- data ------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute everything from the database (on a worker; ``refreshed`` when shown)."""
        now = self._now()
        self._stale = False
        if not self.loaded:
            self._show_loading()
        # The path is read now: after a restore the collection's store is the new file.
        self.collection.tasks.read(self.collection.path, lambda connection: _load_figures(connection, now),
                                   on_done=self._on_loaded, on_failed=self._on_load_failed, channel=self._channel, owner=self)

    @property
    def ready(self) -> bool:
        """The figures on screen are the newest the database has."""
        return self.loaded and not self.collection.tasks.busy(self._channel)

    def _on_loaded(self, figures: tuple[list[TopicStats], list[DayStats], datetime]) -> None:
        self.show_figures(*figures)
        self.refreshed.emit()

    def show_figures(self, stats: list[TopicStats], history: list[DayStats], now: datetime) -> None:
        """Show these figures (what a refresh read at ``now``): headline, table, both charts."""
        self.stats, self.history, self._figures_now = stats, history, now
        self.loaded = True
        self._show_figures()

    def _on_load_failed(self, error: BaseException) -> None:
        # Rare (the database went away or stayed locked); the last figures stay on screen.
        message = str(error)
        self.summary_label.setText(self.tr("Could not read your progress: %1").replace("%1", message))
        self.readFailed.emit(message)

    def _show_loading(self) -> None:
        self.title_label.setText(self.tr("Working out your weak areas…"))
        self.summary_label.setText("")
        self.hint_label.setVisible(False)
        self.exam_button.setEnabled(False)
        self.study_button.setEnabled(False)

    def _show_figures(self) -> None:
        self.weakest = weakest_topics(self.stats, limit=HEADLINE_TOPICS)
        self.model.set_stats(self.stats, self._figures_now)
        self.mastery_chart.set_stats(self.stats)
        self.history_chart.set_history(self.history)
        self._fill_header()

    def _on_data_changed(self, changes: ops.Changes) -> None:
        if not changes & WEAK_AREA_CHANGES:
            return  # one saved exam answer, a setting: no figure here changes
        self._stale = True
        self._refresh_timer.start()  # several writes in a row refresh once

    def _refresh_if_visible(self) -> None:
        if self.isVisible() and self._stale:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        if self._stale:
            self.refresh()
        super().showEvent(event)

    @property
    def never_practised(self) -> bool:
        return all(s.mastery is None for s in self.stats)

    def _fill_header(self) -> None:
        c = colors()
        while self.headline.count():
            item = self.headline.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # out of findChild's reach at once, not only after deleteLater
                widget.deleteLater()
        if not self.stats:
            self.title_label.setText(self.tr("No questions yet"))
            self.summary_label.setText("")
            self.hint_label.setText(self.tr("Import a question bank (File → Import, Ctrl+I) to see your weak areas here."))
            self.hint_label.setVisible(True)
            self.exam_button.setEnabled(False)
            self.study_button.setEnabled(False)
            return
        weak = [s for s in self.weakest if s.reason is not Reason.STRONG]
        if self.never_practised:
            self.title_label.setText(self.tr("Tonight: start with these topics"))
        elif weak:
            self.title_label.setText(self.tr("Tonight: study these topics"))
        else:
            self.title_label.setText(self.tr("Nothing is weak right now: keep these fresh"))
        modules = {s.topic_id: display_name(s) for s in self.stats if s.parent_id is None}
        for row, s in enumerate(self.weakest):
            dot = named(QLabel(), f"weakHeadlineDot{row}")
            dot.setPixmap(mastery_pixmap(s.mastery, s.confidence, 14))
            module = modules.get(s.parent_id, "") if s.parent_id is not None else ""
            name = named(QLabel(), f"weakHeadlineTopic{row}")
            name.setTextFormat(Qt.TextFormat.RichText)
            where = f" <span style='color:{c.muted}'>· {module}</span>" if module else ""
            name.setText(f"<b>{row + 1}. {_html(display_name(s))}</b>{where}")
            name.setToolTip(s.name if is_english() else (s.name_en or s.name))
            reason = named(QLabel(reason_text(s)), f"weakHeadlineReason{row}")
            reason.setStyleSheet(f"color: {reason_color(s).name()};")  # the band's colour, as the dot's
            self.headline.addWidget(dot, row, 0)
            self.headline.addWidget(name, row, 1)
            self.headline.addWidget(reason, row, 2)
        self.summary_label.setText(self._summary())
        self.hint_label.setText(
            self.tr(
                "You have not practised yet. Study a few cards (Ctrl+D) or take a short mock exam (Ctrl+N): "
                "this page then shows where you are weak and why."
            )
        )
        self.hint_label.setVisible(self.never_practised)
        has_topics = bool(self.weakest)
        self.exam_button.setEnabled(has_topics)
        self.study_button.setEnabled(has_topics)
        count = len(self.weakest)
        self.exam_button.setText(self.tr("Mock exam on these %n topic(s)", "", count))
        self.study_button.setText(self.tr("Study these %n topic(s)", "", count))

    def _summary(self) -> str:
        modules = [s for s in self.stats if s.parent_id is None]
        due = sum(s.due for s in modules)
        rows = self.model.rowCount()
        never = sum(1 for r in range(rows) if self.model.stats_at(r).mastery is None)
        reviews = sum(d.reviews for d in self.history)
        parts = [
            self.tr("%n question(s) due now", "", due),
            self.tr("%1 of %2 topics never practised").replace("%1", str(never)).replace("%2", str(rows)),
            self.tr("%n review(s) in the last %1 days", "", reviews).replace("%1", str(len(self.history) or HISTORY_DAYS)),
        ]
        return "  ·  ".join(parts)

    # -- drilling --------------------------------------------------------------
    def drill_topic_ids(self) -> list[int]:
        return [s.topic_id for s in self.weakest]

    def drill_exam(self) -> None:
        """Ask for a mock exam on the headline topics, in their ranking (weakest first).

        The exam shares its questions 50/30/20 % over the three (core/study/drill.py).
        """
        ranked = self.drill_topic_ids()
        if not ranked:
            return
        key_of = self.collection.read(_topic_keys)
        keys = [key_of[topic_id] for topic_id in ranked if topic_id in key_of]
        self.close()
        self.examRequested.emit(keys)

    def drill_study(self) -> None:
        self.study_topics(self.drill_topic_ids(), ", ".join(display_name(s) for s in self.weakest))

    def study_topics(self, topic_ids: list[int], label: str) -> None:
        """Flashcards of these topics: due cards, then new ones (the core's study queue), then the rest."""
        from quizdesk.core.queries.study import study_queue

        subtree = self._subtree_ids(topic_ids)
        if not subtree:
            return
        now = self._now()
        queue = self.collection.read(lambda connection: study_queue(connection, subtree, now, limit=STUDY_LIMIT))
        rest = [q.id for q in self.collection.read(lambda connection: questions_in(connection, subtree)) if q.id not in set(queue)]
        question_ids = (queue + rest)[:STUDY_LIMIT]
        if not question_ids:
            return
        self.close()
        self.studyRequested.emit(question_ids, self.tr("Drill: %1").replace("%1", label))

    def _subtree_ids(self, topic_ids: list[int]) -> list[int]:
        # A module row (a module without sub-topics, or one picked by hand) means its whole subtree.
        wanted = set(topic_ids)
        ids = [s.topic_id for s in self.stats if s.topic_id in wanted or s.parent_id in wanted]
        return list(dict.fromkeys(ids))

    def _on_row_activated(self, index) -> None:
        topic_id = index.siblingAtColumn(0).data(TOPIC_ID_ROLE)
        name = index.siblingAtColumn(0).data()
        if topic_id is not None:
            self.study_topics([int(topic_id)], str(name))

    def _on_module_shown(self, module_id: object) -> None:
        self.back_button.setVisible(module_id is not None)
        self.chart_hint.setText(
            self.tr("Click a module's bar to see its topics.") if module_id is None else self.tr("Topics of one module.")
        )

    # -- look, layout ------------------------------------------------------------
    def _restyle(self, _dark: bool = False) -> None:
        c = colors()
        self.header_bar.setStyleSheet(f"QFrame#weakHeader {{ border-bottom: 1px solid {c.border}; }}")
        self.summary_label.setStyleSheet(f"color: {c.muted};")
        self.chart_hint.setStyleSheet(f"color: {c.muted};")
        self.hint_label.setStyleSheet(
            f"color: {c.text}; background: {c.accent_bg}; border: 1px solid {c.border}; border-radius: 6px; padding: 8px;"
        )
        self.exam_button.setStyleSheet(button_css("primary", "weakDrillExamButton"))
        self.study_button.setStyleSheet(button_css("neutral", "weakDrillStudyButton"))
        self.back_button.setStyleSheet(button_css("neutral", "weakChartBackButton"))
        self.close_button.setStyleSheet(button_css("neutral", "weakCloseButton"))
        self.mastery_chart.redraw()
        self.history_chart.redraw()
        if self.stats:
            self._fill_header()
        self.table.viewport().update()

    def _restore_layout(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for key, splitter in (("charts", self.charts_splitter), ("body", self.body_splitter)):
            state = settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        settings.endGroup()
        self._restyle()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("charts", self.charts_splitter.saveState())
        settings.setValue("body", self.body_splitter.saveState())
        settings.endGroup()
        super().closeEvent(event)


def _load_figures(connection, now: datetime) -> tuple[list[TopicStats], list[DayStats], datetime]:
    """Everything the page shows, read in one snapshot (runs on the worker)."""
    return topic_stats(connection, now=now), daily_history(connection, days=HISTORY_DAYS, now=now), now


def _topic_keys(connection) -> dict[int, str]:
    keys: dict[int, str] = {}
    stack = list(topic_tree(connection))
    while stack:
        node = stack.pop()
        keys[node.id] = node.key
        stack.extend(node.children)
    return keys


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
