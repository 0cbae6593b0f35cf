"""The interview countdown on the weak-areas page (docs/plan.md).

One card per saved interview: name, date, days left, readiness on the day if
you stop now and if you follow the plan (overall and per topic), a line of the
forecast per evening, "On track" / "Behind by N cards", tonight's plan and the
buttons that start it. The plans are computed on the task runner (one channel:
the newest request wins) and recomputed when answers, exams, the bank, the
interviews or the store change. Writes (add / edit / delete an interview, the
planned mock exam) go through ``ui/ops.py``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QEvent, QMargins, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quizdesk.core.clock import utcnow
from quizdesk.core.plan.countdown import InterviewPlan, minutes_needed, plan_interview
from quizdesk.core.plan.interviews import InterviewSpec, read_interviews
from quizdesk.ui import ops
from quizdesk.ui.widgets.chart_theme import style_axis, style_chart
from quizdesk.ui.collection import Collection
from quizdesk.ui.events import app_events
from quizdesk.ui.i18n import format_date, format_percent, is_english
from quizdesk.ui.widgets.named import named
from quizdesk.ui.widgets.theme import colors

if TYPE_CHECKING:
    from quizdesk.core.study.exams import ExamSpec

#: What changes a plan: answers, exams, the bank, the interviews, a restored store.
COUNTDOWN_CHANGES = ops.Changes.ATTEMPTS | ops.Changes.EXAM | ops.Changes.BANK | ops.Changes.INTERVIEWS | ops.Changes.STORE


@dataclass(frozen=True)
class Countdown:
    """One interview's figures, as the worker hands them back."""

    spec: InterviewSpec
    plan: InterviewPlan
    minutes_needed: int | None  # only asked when behind


def local_zone() -> tzinfo:
    """The user's zone: the computer's."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def compute_countdowns(connection: sqlite3.Connection, specs: list[InterviewSpec], now: datetime, tz: tzinfo) -> list[Countdown]:
    """Every interview's plan (on the worker: no widget here)."""
    result = []
    for spec in specs:
        plan = plan_interview(connection, spec, now=now, tz=tz)
        needed = None if plan.on_track else minutes_needed(connection, spec, now=now, tz=tz)
        result.append(Countdown(spec, plan, needed))
    return result


def planned_exam_spec(countdown: Countdown) -> ExamSpec | None:
    """The exam spec of tonight's planned mock exam: exactly the plan's questions, in its
    order, with its time limit; None on an evening without one."""
    from quizdesk.core.study.exams import ExamSpec

    tonight = countdown.plan.tonight
    if tonight is None or tonight.exam is None:
        return None
    return ExamSpec(topic_ids=tuple(t.topic_id for t in countdown.plan.topics), count=tonight.exam.count,
                    time_limit_s=tonight.exam.time_limit_s, order="due", question_ids=tonight.exam.question_ids)


class CountdownPanel(QWidget):
    #: Study these question ids with this title (tonight's queue).
    studyRequested = Signal(list, str)
    #: Start tonight's planned mock exam: an ``ExamSpec`` (the main window creates it
    #: through ``ops.create_exam`` once no exam is on screen).
    examRequested = Signal(object)
    #: New plans are on screen.
    refreshed = Signal()

    def __init__(self, collection: Collection, parent: QWidget | None = None, *, now: Callable[[], datetime] = utcnow,
                 tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownPanel")
        self.collection = collection
        self._now = now
        self._tz = tz
        self.countdowns: list[Countdown] = []
        self.loaded = False
        self.error = ""
        self._stale = True
        self._channel = f"countdown-{id(self)}"
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self._refresh_if_visible)

        self.title_label = named(QLabel(), "countdownTitle")
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.add_button = named(QPushButton(), "countdownAddButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.edit_interview(None))
        self.status_label = named(QLabel(), "countdownStatusLabel")
        self.status_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.add_button)
        self.cards_layout = QVBoxLayout()
        self.cards_layout.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addLayout(self.cards_layout)
        self.cards: list[CountdownCard] = []
        self.collection.changed.connect(self._on_data_changed)
        # A bound method, not a lambda: Qt drops the connection when the panel is deleted
        # (a lambda on the app-wide signal outlived it and touched deleted cards).
        app_events().themeChanged.connect(self._on_theme_changed)
        self._retranslate()
        self._show()

    # -- data ----------------------------------------------------------------------
    @property
    def zone(self) -> tzinfo:
        return self._tz if self._tz is not None else local_zone()

    def refresh(self) -> None:
        """Recompute every plan on a worker (``refreshed`` once they are on screen)."""
        self._stale = False
        now, tz = self._now(), self.zone
        self.collection.tasks.read(self.collection.path, lambda c: compute_countdowns(c, read_interviews(c), now, tz),
                                   on_done=self._on_loaded, on_failed=self._on_failed, channel=self._channel, owner=self)

    @property
    def ready(self) -> bool:
        return self.loaded and not self.collection.tasks.busy(self._channel)

    def _on_loaded(self, countdowns: list[Countdown]) -> None:
        self.countdowns, self.loaded, self.error = countdowns, True, ""
        self._show()
        self.refreshed.emit()

    def _on_failed(self, error: BaseException) -> None:
        self.error = self.tr("Could not work out the interview plan: %1").replace("%1", str(error))
        self._show()

    def _on_data_changed(self, changes: ops.Changes) -> None:
        if changes & COUNTDOWN_CHANGES:
            self._stale = True
            self._refresh_timer.start()  # several writes in a row: one refresh

    def _refresh_if_visible(self) -> None:
        if self._stale and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._show()
        super().changeEvent(event)

    # -- showing ---------------------------------------------------------------------
    def _on_theme_changed(self, _dark: bool = False) -> None:
        self._show()  # the cards' frame and the charts take the theme's colours when built

    def _retranslate(self) -> None:
        self.title_label.setText(self.tr("Interview countdown"))
        self.add_button.setText(self.tr("Add interview…"))

    def _show(self) -> None:
        for card in self.cards:
            if shiboken6.isValid(card):
                card.setParent(None)
                card.deleteLater()
        self.cards = []
        if self.error:
            self.status_label.setText(self.error)
        elif not self.loaded:
            self.status_label.setText(self.tr("Working out your interview plan…"))
        elif not self.countdowns:
            self.status_label.setText(self.tr("Add the date of your interview and the topics it covers: you get a plan "
                                              "for each evening and a forecast of how ready you will be."))
        else:
            self.status_label.setText("")
        self.status_label.setVisible(bool(self.status_label.text()))
        for countdown in self.countdowns:
            card = CountdownCard(countdown, self)
            card.studyRequested.connect(self.studyRequested)
            card.examRequested.connect(lambda c=countdown: self.start_exam(c))
            card.editRequested.connect(lambda c=countdown: self.edit_interview(c.spec))
            self.cards_layout.addWidget(card)
            self.cards.append(card)

    # -- actions -----------------------------------------------------------------------
    def edit_interview(self, spec: InterviewSpec | None) -> None:
        """The interview dialog (non-blocking); its save or delete refreshes the panel through ``changed``."""
        from quizdesk.ui.weak_areas.interview_dialog import InterviewDialog

        dialog = InterviewDialog(self.collection, self, interview=spec, now=self._now, tz=self._tz)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.interview_dialog = dialog
        dialog.open()

    def start_exam(self, countdown: Countdown) -> None:
        """Tonight's planned mock exam: the plan's questions (``ExamSpec.question_ids``) and time limit."""
        spec = planned_exam_spec(countdown)
        if spec is not None:
            self.examRequested.emit(spec)


class CountdownCard(QFrame):
    """One interview: figures, chart, tonight's plan, buttons."""

    studyRequested = Signal(list, str)
    examRequested = Signal()
    editRequested = Signal()

    def __init__(self, countdown: Countdown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownCard")
        self.countdown = countdown
        c = colors()
        self.setStyleSheet(f"#countdownCard {{ background: {c.card}; border: 1px solid {c.border}; border-radius: 6px; }}")
        plan, spec = countdown.plan, countdown.spec
        english = is_english()

        self.name_label = named(QLabel(), "countdownNameLabel")
        big = self.name_label.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        big.setBold(True)
        self.name_label.setFont(big)
        self.name_label.setText(spec.name)
        self.date_label = named(QLabel(), "countdownDateLabel")
        if plan.days_left > 0:
            when = self.tr("%n day(s) left", "", plan.days_left)
        else:
            when = self.tr("The interview day has come")
        self.date_label.setText(f"{format_date(spec.date)} · {when}")
        self.readiness_label = named(QLabel(), "countdownReadinessLabel")
        self.readiness_label.setText(
            self.tr("Ready on the day: %1 if you stop now, %2 if you follow the plan")
            .replace("%1", format_percent(plan.if_stopped)).replace("%2", format_percent(plan.if_planned))
        )
        self.track_label = named(QLabel(), "countdownTrackLabel")
        if plan.on_track:
            self.track_label.setText(self.tr("On track"))
            self.track_label.setStyleSheet(f"color: {c.success}; font-weight: bold;")
        else:
            behind = self.tr("Behind by %n card(s)", "", plan.missing_views)
            if countdown.minutes_needed is not None:
                minutes = countdown.minutes_needed
                behind += " " + self.tr("(needs %n min/day)", "", minutes)
            else:
                behind += " " + self.tr("(too few evenings left to see every question twice)")
            self.track_label.setText(behind)
            self.track_label.setStyleSheet(f"color: {c.warning}; font-weight: bold;")
        self.tonight_label = named(QLabel(), "countdownTonightLabel")
        self.tonight_label.setWordWrap(True)
        self.tonight_label.setText(self._tonight_text())
        self.topics_label = named(QLabel(), "countdownTopicsLabel")
        self.topics_label.setTextFormat(Qt.TextFormat.PlainText)
        self.topics_label.setWordWrap(True)
        self.topics_label.setText("\n".join(
            self.tr("%1: %2 → %3").replace("%1", t.name_en if english else t.name)
            .replace("%2", format_percent(t.if_stopped)).replace("%3", format_percent(t.if_planned))
            for t in plan.topics
        ))
        self.topics_label.setToolTip(self.tr("Per topic: ready on the day if you stop now → if you follow the plan"))

        tonight = plan.tonight
        self.start_button = named(QPushButton(self.tr("Start tonight's session")), "countdownStartButton")
        self.start_button.setEnabled(bool(tonight and tonight.study_queue))
        self.start_button.clicked.connect(self.start_tonight)
        self.exam_button = named(QPushButton(self.tr("Start the planned mock exam")), "countdownExamButton")
        self.exam_button.setVisible(bool(tonight and tonight.exam))
        self.exam_button.clicked.connect(self.examRequested)
        self.edit_button = named(QPushButton(self.tr("Edit…")), "countdownEditButton")
        self.edit_button.clicked.connect(self.editRequested)
        for button in (self.start_button, self.exam_button, self.edit_button):
            button.setAutoDefault(False)

        self.chart_view = named(QChartView(self._chart()), "countdownChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(320, 180)

        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.name_label)
        text.addWidget(self.date_label)
        text.addWidget(self.readiness_label)
        text.addWidget(self.track_label)
        text.addWidget(self.tonight_label)
        # Right under tonight's plan: the page gives the countdown little height, and the
        # per-topic list below can be long.
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.exam_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        text.addLayout(buttons)
        text.addWidget(self.topics_label)
        text.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.addLayout(text, 0, 0)
        grid.addWidget(self.chart_view, 0, 1)
        grid.setColumnStretch(1, 1)

    def _tonight_text(self) -> str:
        tonight = self.countdown.plan.tonight
        if tonight is None:
            return self.tr("No evenings left to plan: good luck!")
        parts = [
            self.tr("Tonight: %n due", "", len(tonight.due)),
            self.tr("%n new", "", len(tonight.new)),
            self.tr("%n extra review(s)", "", len(tonight.extra)),
        ]
        minutes = max(1, round(tonight.seconds / 60))
        parts.append(self.tr("about %n min", "", minutes))
        if tonight.exam is not None:
            exam_minutes = max(1, round(tonight.exam.time_limit_s / 60))
            parts.append(self.tr("mock exam tonight: %1 questions, %2 min")
                         .replace("%1", str(tonight.exam.count)).replace("%2", str(exam_minutes)))
        return " · ".join(parts)

    def _chart(self) -> QChart:
        c = colors()
        plan = self.countdown.plan
        chart = QChart()
        chart.setBackgroundRoundness(0)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        style_chart(chart, c)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(2, 2, 2, 2))

        def moment(day: date) -> float:
            return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())

        # The x axis runs from today to the interview: with one evening left, the lines still
        # have two ends (a single point draws nothing, and the chart showed bare axes).
        interview_day = plan.interview.date
        days = [d.day for d in plan.days] or [plan.today]
        start, end = min(plan.today, days[0]), max(interview_day, days[-1])
        planned = QLineSeries()
        planned.setName(self.tr("Following the plan"))
        planned.setPointsVisible(True)
        for day_plan in plan.days:
            planned.append(moment(day_plan.day), day_plan.readiness * 100)
        if interview_day > days[-1]:
            planned.append(moment(interview_day), plan.if_planned * 100)
        stopped = QLineSeries()
        stopped.setName(self.tr("If you stop now"))
        for day in (plan.today, end):
            stopped.append(moment(day), plan.if_stopped * 100)
        planned.setPen(QPen(QColor(c.accent), 2.5))
        dashed = QPen(QColor(c.muted), 1.5)
        dashed.setStyle(Qt.PenStyle.DashLine)
        stopped.setPen(dashed)
        chart.addSeries(planned)
        chart.addSeries(stopped)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("M/d")
        x_axis.setTickCount(min(max(2, (end - start).days + 1), 6))
        first, last = moment(start), moment(end)
        x_axis.setRange(QDateTime.fromMSecsSinceEpoch(int(first)),
                        QDateTime.fromMSecsSinceEpoch(int(last if last > first else first + 86_400_000)))
        y_axis = QValueAxis()
        y_axis.setRange(0, 100)
        y_axis.setLabelFormat("%d%%")
        y_axis.setTickCount(5)
        for axis in (x_axis, y_axis):
            style_axis(axis, c)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (planned, stopped):
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        return chart

    def start_tonight(self) -> None:
        tonight = self.countdown.plan.tonight
        if tonight is None or not tonight.study_queue:
            return
        self.studyRequested.emit(list(tonight.study_queue), self.tr("Tonight: %1").replace("%1", self.countdown.spec.name))
