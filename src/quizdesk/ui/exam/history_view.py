"""Past mock exams, newest first: open the results of a finished one or
continue an unfinished one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quizdesk.core.db.store import Store
from quizdesk.core.study.exam_state import RESUMABLE, ExamState
from quizdesk.ui.collection import Collection, as_collection
from quizdesk.ui.i18n import content_name, format_datetime, format_percent, is_english
from quizdesk.ui.widgets.named import named

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole


class HistoryDialog(QDialog):
    #: Show the results of this exam.
    openResults = Signal(int)
    #: Continue this unfinished exam (answering or self-grading).
    resumeExam = Signal(int)

    def __init__(self, collection: Collection | Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from quizdesk.core.study.exam_results import exam_history

        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Exam history"))
        self.exams = as_collection(collection).read_orm(exam_history)
        self.table = named(QTableWidget(len(self.exams), 5), "historyTable")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Topics"), self.tr("Questions"), self.tr("Score"), self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        states = {
            ExamState.ACTIVE: self.tr("unfinished"),
            ExamState.PAUSED: self.tr("paused"),
            ExamState.GRADING: self.tr("waiting for self-grading"),
            ExamState.FINISHED: self.tr("finished"),
            ExamState.ABANDONED: self.tr("discarded"),
        }
        for row, exam in enumerate(self.exams):
            when = format_datetime(exam.started_at)
            names = [content_name(name, en) for name, en in zip(exam.topics, exam.topics_en or [""] * len(exam.topics))]
            separator = ", " if is_english() else "、"
            topics = separator.join(names[:4]) + ("…" if len(names) > 4 else "")
            score = format_percent(exam.score) if exam.score is not None and exam.state == ExamState.FINISHED else "—"
            cells = [when, topics, str(exam.total), score, states.get(exam.state, exam.state)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(SESSION_ID_ROLE, exam.session_id)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self._open())
        empty = named(QLabel(self.tr("No mock exams yet. Start one with New mock exam (Ctrl+N).")), "historyEmptyLabel")
        empty.setVisible(not self.exams)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("historyCloseButton")
        self.open_button = self.buttons.addButton(self.tr("Open"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("historyOpenButton")
        self.open_button.clicked.connect(self._open)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(self.buttons)
        self.resize(720, 420)
        if self.exams:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_exam(self):
        rows = self.table.selectionModel().selectedRows()
        return self.exams[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        exam = self.selected_exam()
        self.open_button.setEnabled(exam is not None and exam.state != ExamState.ABANDONED)
        if exam is not None and exam.state in RESUMABLE:
            self.open_button.setText(self.tr("Continue"))
        else:
            self.open_button.setText(self.tr("Open results"))

    def _open(self) -> None:
        exam = self.selected_exam()
        if exam is None or exam.state == ExamState.ABANDONED:
            return
        self.accept()
        if exam.state in RESUMABLE:
            self.resumeExam.emit(exam.session_id)
        else:
            self.openResults.emit(exam.session_id)
