"""Set up a mock exam: topics (any subtrees), size, question types, time limit,
order and an optional seed. Shows live how many questions match and refuses
to start on an empty selection. On "Start" it creates the exam in the DB and
keeps its id in :attr:`ExamSetupDialog.exam_id`."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from quizdesk.core.catalog import topic_tree
from quizdesk.core.content.model import QUESTION_TYPES
from quizdesk.core.db.store import Store
from quizdesk.ui import ops
from quizdesk.ui.collection import Collection, as_collection
from quizdesk.ui.i18n import is_english
from quizdesk.ui.widgets.named import named
from quizdesk.ui.preferences import DEFAULT_EXAM_MINUTES, default_exam_count, default_exam_minutes, setting_int
from quizdesk.ui.widgets.question_widgets import qtype_label
from quizdesk.ui.widgets.theme import colors
from quizdesk.ui.widgets.topic_tree import SUBTREE_IDS_ROLE, TopicTreeWidget

SETTINGS_GROUP = "examSetup"
TYPE_OBJECT_NAMES = {"open": "typeOpenCheck", "single": "typeSingleCheck", "multi": "typeMultiCheck", "truefalse": "typeTrueFalseCheck"}


class ExamSetupDialog(QDialog):
    def __init__(self, collection: Collection | Store, parent: QWidget | None = None, *, topic_keys: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("examSetupDialog")
        self.setWindowTitle(self.tr("New mock exam"))
        self.collection = as_collection(collection)
        self.exam_id: int | None = None
        self.match_count = 0
        # Starting an exam remembers its choices for next time; a drill started
        # from Weak areas (its topics, weakest first) should not replace them.
        self.remember_choices = True
        # A weak-areas drill: topic keys weakest first; the exam shares its questions
        # among them by rank (core/study/drill.py). Empty for an ordinary exam.
        self.ranked_keys: list[str] = []
        # Named so a test can wait for the pending recount without reaching into the dialog.
        self._recount_timer = named(QTimer(self, singleShot=True, interval=0), "examSetupRecountTimer")
        self._recount_timer.timeout.connect(self._recount)

        self.tree = TopicTreeWidget(checkable=True)
        self.tree.setObjectName("examTopicTree")
        self.tree.setMinimumWidth(300)
        self.tree.set_tree(self.collection.read(topic_tree), english=is_english())
        self.tree.expandAll()
        self.tree.checkedChanged.connect(self._schedule_recount)
        all_button = named(QPushButton(self.tr("All")), "examTopicsAllButton")
        all_button.clicked.connect(lambda: self.tree.set_all_checked(True))
        none_button = named(QPushButton(self.tr("None")), "examTopicsNoneButton")
        none_button.clicked.connect(lambda: self.tree.set_all_checked(False))
        for button in (all_button, none_button):
            button.setAutoDefault(False)  # Enter starts the exam
        topic_buttons = QHBoxLayout()
        topic_buttons.addWidget(all_button)
        topic_buttons.addWidget(none_button)
        topic_buttons.addStretch(1)
        topics_box = QGroupBox(self.tr("Topics"))
        topics_layout = QVBoxLayout(topics_box)
        topics_layout.addWidget(self.tree, 1)
        topics_layout.addLayout(topic_buttons)

        self.count_spin = named(QSpinBox(), "examCountSpin")
        self.count_spin.setRange(1, 500)
        self.count_spin.setValue(20)
        self.count_spin.setSuffix(self.tr(" questions"))
        self.count_spin.valueChanged.connect(self._schedule_recount)

        self.type_checks: dict[str, QCheckBox] = {}
        types_widget = QWidget()
        types_layout = QVBoxLayout(types_widget)
        types_layout.setContentsMargins(0, 0, 0, 0)
        types_layout.setSpacing(4)
        for qtype in QUESTION_TYPES:
            check = named(QCheckBox(qtype_label(qtype)), TYPE_OBJECT_NAMES[qtype])
            check.setChecked(True)
            check.toggled.connect(self._schedule_recount)
            self.type_checks[qtype] = check
            types_layout.addWidget(check)

        self.time_check = named(QCheckBox(self.tr("Time limit")), "examTimeLimitCheck")
        self.time_check.setChecked(True)
        self.minutes_spin = named(QSpinBox(), "examMinutesSpin")
        self.minutes_spin.setRange(1, 600)
        self.minutes_spin.setValue(30)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.time_check.toggled.connect(self.minutes_spin.setEnabled)
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_check)
        time_row.addWidget(self.minutes_spin, 1)

        self.order_combo = named(QComboBox(), "examOrderCombo")
        self.order_combo.addItem(self.tr("Random"), "random")
        self.order_combo.addItem(self.tr("Weakest first"), "weakest")
        self.order_combo.addItem(self.tr("Due first"), "due")

        self.seed_edit = named(QLineEdit(), "examSeedEdit")
        self.seed_edit.setValidator(QIntValidator(0, 2**31 - 1, self))
        self.seed_edit.setPlaceholderText(self.tr("random"))
        self.seed_edit.setToolTip(self.tr("The same seed and settings give the same exam again"))

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Size:"), self.count_spin)
        form.addRow(self.tr("Question types:"), types_widget)
        form.addRow(self.tr("Time:"), time_row)
        form.addRow(self.tr("Order:"), self.order_combo)
        form.addRow(self.tr("Seed (optional):"), self.seed_edit)
        options_box = QGroupBox(self.tr("Exam"))
        options_layout = QVBoxLayout(options_box)
        options_layout.addLayout(form)
        options_layout.addStretch(1)

        self.match_label = named(QLabel(), "examMatchLabel")
        self.match_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.addButton(self.tr("Start exam"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("examStartButton")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("examCancelButton")
        # Enter starts the exam from anywhere in the dialog: Cancel must not become
        # the default when the dialog shows (Qt picks the first auto-default button).
        cancel.setAutoDefault(False)
        self.start_button.setAutoDefault(True)
        self.start_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addWidget(topics_box, 3)
        columns.addWidget(options_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.match_label)
        layout.addWidget(self.buttons)
        self.resize(760, 520)

        self._restore(topic_keys)
        self._recount()

    # -- settings --------------------------------------------------------------
    def _restore(self, topic_keys: list[str] | None) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        self.count_spin.setValue(setting_int(settings.value("count"), default_exam_count()))
        saved_types = settings.value("types", None)
        if isinstance(saved_types, str):
            saved_types = [saved_types]
        if isinstance(saved_types, list) and saved_types:
            for qtype, check in self.type_checks.items():
                check.setChecked(qtype in saved_types)
        minutes = setting_int(settings.value("minutes"), default_exam_minutes())
        self.time_check.setChecked(minutes > 0)
        self.minutes_spin.setValue(minutes if minutes > 0 else default_exam_minutes() or DEFAULT_EXAM_MINUTES)
        self.minutes_spin.setEnabled(minutes > 0)
        index = self.order_combo.findData(settings.value("order", "random"))
        self.order_combo.setCurrentIndex(max(0, index))
        saved_keys = settings.value("topics", None)
        settings.endGroup()
        keys: list[str] = list(topic_keys or [])
        if not keys and isinstance(saved_keys, str):
            keys = [saved_keys]
        elif not keys and isinstance(saved_keys, list):
            keys = [str(key) for key in saved_keys]
        if keys:
            self.tree.set_checked_keys(keys)
        else:
            self.tree.set_all_checked(True)

    def _save(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        settings.setValue("count", self.count_spin.value())
        settings.setValue("types", [t for t, c in self.type_checks.items() if c.isChecked()])
        settings.setValue("minutes", self.minutes_spin.value() if self.time_check.isChecked() else 0)
        settings.setValue("order", self.order_combo.currentData())
        settings.setValue("topics", self.tree.checked_keys())
        settings.endGroup()

    # -- the spec --------------------------------------------------------------
    def spec(self):
        """The :class:`ExamSpec` the controls describe."""
        from quizdesk.core.study.exams import ExamSpec

        seed_text = self.seed_edit.text().strip()
        checked = self.tree.checked_topic_ids()
        ranked: list[tuple[int, ...]] = []
        for key in self.ranked_keys:
            item = self.tree.item_for_key(key)
            if item is not None:
                group = tuple(i for i in item.data(0, SUBTREE_IDS_ROLE) or () if i in set(checked))
                if group:
                    ranked.append(group)
        return ExamSpec(
            topic_ids=tuple(checked),
            ranked_topics=tuple(ranked),
            count=self.count_spin.value(),
            qtypes=tuple(t for t, c in self.type_checks.items() if c.isChecked()),
            time_limit_s=self.minutes_spin.value() * 60 if self.time_check.isChecked() else None,
            order=str(self.order_combo.currentData()),
            seed=int(seed_text) if seed_text else None,
        )

    def _schedule_recount(self) -> None:
        self._recount_timer.start()

    def _recount(self) -> None:
        from quizdesk.core.study.exams import matching_count

        spec = self.spec()
        self.match_count = self.collection.read_orm(lambda session: matching_count(session, spec))
        c = colors()
        if self.match_count == 0:
            self.match_label.setText(self._empty_message(spec))
            self.match_label.setStyleSheet(f"color: {c.danger}; font-weight: bold;")
        else:
            used = min(self.match_count, spec.count)
            matches = self.match_count  # a plain name: lupdate skips calls whose count is an expression
            self.match_label.setText(self.tr("%n question(s) match; the exam will have %1.", "", matches).replace("%1", str(used)))
            self.match_label.setStyleSheet(f"color: {c.muted};")
        self.start_button.setEnabled(self.match_count > 0)

    def _empty_message(self, spec) -> str:
        if not spec.topic_ids:
            return self.tr("Pick at least one topic.")
        if not spec.qtypes:
            return self.tr("Pick at least one question type.")
        return self.tr("No question of the chosen types is in the chosen topics. Add topics or question types.")

    def accept(self) -> None:
        from quizdesk.core.study.exams import EmptySelectionError

        spec = self.spec()
        result = ops.create_exam(self, self.collection, spec, now=datetime.now(timezone.utc), on_failure=self._show_failure)
        if not result.ok:
            if isinstance(result.error, EmptySelectionError):
                self._recount()
                self.match_label.setText(self._empty_message(spec))
            return  # the dialog stays open with the reason
        self.exam_id = result.value
        if self.remember_choices:
            self._save()
        super().accept()

    def _show_failure(self, message: str) -> None:
        # A locked or full database: say so where the user looks, keep the choices.
        self.match_label.setText(message)
        self.match_label.setStyleSheet(f"color: {colors().danger}; font-weight: bold;")
