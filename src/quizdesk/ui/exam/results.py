"""The results of one exam: score, time used, per-topic breakdown (table and
bar chart), every question with the user's answer, the right answer and the
explanation, and a button that drills the wrong ones in study mode."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QMargins, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from quizdesk.core.db.store import Store
from quizdesk.core.paths import bundled_content_dir
from quizdesk.core.queries.questions import question_base_dir
from quizdesk.core.study.exam_state import ExamState
from quizdesk.ui.collection import Collection, as_collection
from quizdesk.ui.widgets.chart_theme import style_axis, style_chart
from quizdesk.ui.events import app_events
from quizdesk.ui.i18n import content_name, format_percent
from quizdesk.ui.widgets.markdown_pane import make_markdown_view
from quizdesk.ui.widgets.named import named
from quizdesk.ui.widgets.question_widgets import format_seconds, qtype_label
from quizdesk.ui.widgets.theme import button_css, colors

QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole
CORRECT_ROLE = Qt.ItemDataRole.UserRole + 1


def _item(text: str, *, align_right: bool = False, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _one_line(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


DRILL_KEY = "Ctrl+R"


def key_help() -> list[tuple[str, str]]:
    """The results page's keys, for Help → Keyboard shortcuts."""
    return [
        (DRILL_KEY, QCoreApplication.translate("ExamResultsView", "Drill the wrong ones")),
        ("Esc", QCoreApplication.translate("ExamResultsView", "Back to library")),
    ]


class ExamResultsView(QWidget):
    #: Study these question ids (the wrong ones).
    drillRequested = Signal(list)
    closeRequested = Signal()

    def __init__(self, collection: Collection | Store, exam_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from quizdesk.core.study.exam_results import exam_result

        self.setObjectName("examResultsView")
        self.collection = as_collection(collection)
        self.exam_id = exam_id
        self.result = self.collection.read_orm(lambda session: exam_result(session, exam_id))
        self._build()
        self._fill()
        back = self.back_action = QAction(self.tr("Back to library"), self)
        back.setObjectName("resultsBackAction")
        back.setShortcut(QKeySequence("Esc"))
        back.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.triggered.connect(lambda _checked=False: self.closeRequested.emit())
        self.addAction(back)
        drill = self.drill_action = QAction(self.tr("Drill the wrong ones"), self)
        drill.setObjectName("resultsDrillAction")
        drill.setShortcut(QKeySequence(DRILL_KEY))
        drill.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        drill.triggered.connect(lambda _checked=False: self.drill_button.click())  # a no-op while it is disabled
        self.addAction(drill)
        app_events().themeChanged.connect(self._restyle)
        self._restyle()

    def retranslate_ui(self) -> None:
        """Every text in the current language; the selected question stays selected."""
        self.back_action.setText(self.tr("Back to library"))
        self.drill_action.setText(self.tr("Drill the wrong ones"))
        self.back_button.setText(self.tr("Back to library"))
        self._set_headers()
        self.tabs.setTabText(0, self.tr("By topic"))
        self.tabs.setTabText(1, self.tr("Questions"))
        rows = self.question_table.selectionModel().selectedRows()
        selected = rows[0].row() if rows else 0
        self._fill()
        if self.result.rows:
            self.question_table.selectRow(selected)
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _set_headers(self) -> None:
        self.topic_table.setHorizontalHeaderLabels(
            [self.tr("Topic"), self.tr("Module"), self.tr("Questions"), self.tr("Answered"), self.tr("Correct"), self.tr("Score")]
        )
        for column in range(2, 6):
            header = self.topic_table.horizontalHeaderItem(column)
            if header is not None:  # set just above; the stubs cannot know
                header.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.question_table.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Type"), self.tr("Your answer"), self.tr("Right answer"), self.tr("Result")]
        )

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.score_label = named(QLabel(), "resultsScore")
        big = self.score_label.font()
        big.setPointSizeF(big.pointSizeF() * 2.6)
        big.setBold(True)
        self.score_label.setFont(big)
        self.summary_label = named(QLabel(), "resultsSummary")
        self.summary_label.setWordWrap(True)
        self.note_label = named(QLabel(), "resultsNote")
        self.note_label.setWordWrap(True)
        self.drill_button = named(QPushButton(), "drillWrongButton")
        self.drill_button.clicked.connect(lambda: self.drillRequested.emit(list(self.result.wrong_question_ids)))
        self.back_button = named(QPushButton(self.tr("Back to library")), "resultsBackButton")
        self.back_button.clicked.connect(self.closeRequested.emit)
        for button in (self.drill_button, self.back_button):
            button.setMinimumHeight(34)
        text_column = QVBoxLayout()
        text_column.setSpacing(2)
        text_column.addWidget(self.summary_label)
        text_column.addWidget(self.note_label)
        header = QHBoxLayout()
        header.setContentsMargins(20, 14, 20, 14)
        header.setSpacing(18)
        header.addWidget(self.score_label)
        header.addLayout(text_column, 1)
        header.addWidget(self.drill_button)
        header.addWidget(self.back_button)
        self.header_bar = named(QFrame(), "resultsHeader")
        self.header_bar.setLayout(header)

        self.topic_table = named(QTableWidget(0, 6), "topicTable")
        self._table_defaults(self.topic_table)
        self.chart_view = self._make_chart_view()
        topic_page = named(QSplitter(Qt.Orientation.Horizontal), "resultsTopicSplitter")
        topic_page.addWidget(self.topic_table)
        topic_page.addWidget(self.chart_view)
        topic_page.setSizes([520, 480])
        topic_page.setChildrenCollapsible(False)

        self.question_table = named(QTableWidget(0, 5), "questionTable")
        self._table_defaults(self.question_table)
        self._set_headers()
        self.question_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.question_table.itemSelectionChanged.connect(self._show_detail)
        self.detail_view = make_markdown_view("resultDetailView", margin=12)
        self.detail_view.set_font_px(14)
        question_page = named(QSplitter(Qt.Orientation.Vertical), "resultsQuestionSplitter")
        question_page.addWidget(self.question_table)
        question_page.addWidget(self.detail_view)
        question_page.setSizes([300, 260])
        question_page.setChildrenCollapsible(False)

        self.tabs = named(QTabWidget(), "resultsTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(topic_page, self.tr("By topic"))
        self.tabs.addTab(question_page, self.tr("Questions"))

        body = QVBoxLayout()
        body.setContentsMargins(12, 8, 12, 12)
        body.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header_bar)
        layout.addLayout(body, 1)

    @staticmethod
    def _table_defaults(table: QTableWidget) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _make_chart_view(self) -> QWidget:
        from PySide6.QtCharts import QChart, QChartView

        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setMargins(QMargins(4, 4, 40, 4))  # room for the "100%" label
        self.chart.setBackgroundRoundness(0)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        view = QChartView(self.chart)
        view.setObjectName("topicChart")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumWidth(320)
        return view

    # -- content ---------------------------------------------------------------
    def _fill(self) -> None:
        r = self.result
        self.score_label.setText(format_percent(r.score))
        used = format_seconds(r.time_used_s)
        time_text = (
            self.tr("time used %1 of %2").replace("%1", used).replace("%2", format_seconds(r.time_limit_s))
            if r.time_limit_s
            else self.tr("time used %1 (no limit)").replace("%1", used)
        )
        self.summary_label.setText(
            self.tr("%1 of %2 correct").replace("%1", str(r.correct)).replace("%2", str(r.total)) + "  ·  " + time_text
        )
        if r.state == ExamState.GRADING:
            self.note_label.setText(
                self.tr("%n open question(s) still wait for your grade; they count as 0 until graded.", "", r.total - r.graded)
            )
        else:
            self.note_label.setText(self.tr("Scores count each question equally; open questions by the share of key points covered."))
        wrong = len(r.wrong_question_ids)
        self.drill_button.setText(self.tr("Drill the wrong ones (%1)").replace("%1", str(wrong)))
        self.drill_button.setEnabled(wrong > 0)

        self.topic_table.setRowCount(len(r.per_topic))
        for row, t in enumerate(r.per_topic):
            cells = [
                _item(content_name(t.topic, t.topic_en)),
                _item(content_name(t.module, t.module_en)),
                _item(str(t.questions), align_right=True),
                _item(str(t.answered), align_right=True),
                _item(str(t.correct), align_right=True),
                _item(format_percent(t.score), align_right=True),
            ]
            for column, cell in enumerate(cells):
                self.topic_table.setItem(row, column, cell)

        self.question_table.setRowCount(len(r.rows))
        for row, q in enumerate(r.rows):
            title = _item(f"{row + 1}. {q.title}", tooltip=q.title)
            title.setData(QUESTION_ID_ROLE, q.question_id)
            if q.flagged:
                title.setText("⚑ " + title.text())
            result = _item(self._result_text(q.correct, q.score))
            result.setData(CORRECT_ROLE, q.correct)
            right = "；".join(line.lstrip("- ").strip() for line in q.right_text.splitlines()) if q.qtype == "open" else q.right_text
            cells = [
                title,
                _item(qtype_label(q.qtype)),
                _item(_one_line(q.given_text, 28) or self.tr("(no answer)"), tooltip=q.given_text),
                _item(_one_line(right, 28), tooltip=q.right_text),
                result,
            ]
            for column, cell in enumerate(cells):
                self.question_table.setItem(row, column, cell)
        if r.rows:
            self.question_table.selectRow(0)

    def _result_text(self, correct: bool | None, score: float | None) -> str:
        if score is None:
            return self.tr("not graded")
        mark = "✓" if correct else "✗"
        return f"{mark} {format_percent(score)}"

    def _fill_chart(self) -> None:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QHorizontalBarSeries, QValueAxis

        c = colors()
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        topics = list(reversed(self.result.per_topic))  # top-to-bottom in table order
        bar_set = QBarSet(self.tr("Score"))
        bar_set.append([round(t.score * 100) for t in topics])
        bar_set.setColor(QColor(c.accent))
        bar_set.setBorderColor(QColor(c.accent))
        bar_set.setLabelColor(QColor(c.text))
        series = QHorizontalBarSeries()
        series.append(bar_set)
        series.setBarWidth(0.6)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value%")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([_one_line(content_name(t.topic, t.topic_en), 14) for t in topics])
        value_axis = QValueAxis()
        value_axis.setRange(0, 100)
        value_axis.setTickCount(6)
        value_axis.setLabelFormat("%d")
        value_axis.setTitleText(self.tr("Score (%)"))
        for axis in (categories, value_axis):
            style_axis(axis, c)
        categories.setGridLineVisible(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(value_axis)
        chart.setTitle(self.tr("Score by topic"))
        style_chart(chart, c)

    def _show_detail(self) -> None:
        rows = self.question_table.selectionModel().selectedRows()
        if not rows:
            self.detail_view.set_markdown("")
            return
        q = self.result.rows[rows[0].row()]
        given = q.given_text or self.tr("(no answer)")
        verdict = self._result_text(q.correct, q.score)
        # lupdate does not look inside f-strings: the texts are translated first.
        your_answer = self.tr("Your answer")
        right = self.tr("Key points") if q.qtype == "open" else self.tr("Right answer")
        explanation = self.tr("Explanation") if q.qtype != "open" else self.tr("Reference answer")
        parts = [
            f"### {q.title}",
            f"*{qtype_label(q.qtype)} · {content_name(q.topic, q.topic_en)} · {verdict}*",
            f"**{your_answer}:**",
            given if q.qtype == "open" else f"> {given}",
            f"**{right}:**",
            self._key_points_text(q) if q.key_points else q.right_text or "—",
        ]
        if q.explanation.strip():
            parts += ["---", f"**{explanation}:**", q.explanation]
        base_dir = question_base_dir(q.origin, q.source_path, bundled_content_dir(), self.collection.data_dir)
        self.detail_view.set_markdown("\n\n".join(parts), base_dir)

    def _key_points_text(self, q) -> str:
        """The key points, each marked covered (✓) or missed (✗) as ticked when grading."""
        if q.covered is None:
            return "\n".join(f"- {point}" for point in q.key_points)
        covered_count = len(q.covered)
        lines = [
            self.tr("Covered %1 of %2:").replace("%1", str(covered_count)).replace("%2", str(len(q.key_points)))
        ]
        covered_word, missed_word = self.tr("covered"), self.tr("missed")
        for i, point in enumerate(q.key_points):
            mark = f"✓ **{covered_word}**" if i in q.covered else f"✗ *{missed_word}*"
            lines.append(f"- {mark} · {point}")
        return "\n".join([lines[0], ""] + lines[1:])

    def _restyle(self, _dark: bool = False) -> None:
        c = colors()
        percent = self.result.score * 100
        tone = c.success if percent >= 80 else c.warning if percent >= 60 else c.danger
        self.score_label.setStyleSheet(f"color: {tone};")
        self.note_label.setStyleSheet(f"color: {c.muted};")
        self.header_bar.setStyleSheet(f"QFrame#resultsHeader {{ border-bottom: 1px solid {c.border}; }}")
        self.drill_button.setStyleSheet(button_css("primary", "drillWrongButton"))
        self.back_button.setStyleSheet(button_css("neutral", "resultsBackButton"))
        self.detail_view.set_dark(c.dark)
        for row in range(self.question_table.rowCount()):
            cell = self.question_table.item(row, 4)
            correct = cell.data(CORRECT_ROLE) if cell is not None else None
            if cell is not None and correct is not None:
                cell.setForeground(QColor(c.success if correct else c.danger))
        self._fill_chart()
