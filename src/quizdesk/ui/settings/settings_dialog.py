"""File → Settings: language, theme, answer text size, exam defaults, desired
retention, backups (how many, back up now, restore) and where the data lives.

Changes take effect on OK or Apply, while everything stays open: a language
or theme switch re-labels and restyles the screens in place, so an exam in
progress keeps its answers, page and clock. The answer text size is
previewed live as the spin box moves; Cancel puts back what was saved.

Stored in QSettings, except desired retention and the number of backups kept,
which live in the database (``app_meta``) so the command line honours them too.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from quizdesk.ui import ops
from quizdesk.ui import preferences as prefs
from quizdesk.ui.events import app_events
from quizdesk.ui.i18n import LANGUAGE_SETTING, format_datetime, install_language, saved_language
from quizdesk.ui.widgets.named import named
from quizdesk.ui.widgets.theme import THEME_SETTING, apply_theme, colors, saved_theme

MIN_RETENTION_PERCENT, MAX_RETENTION_PERCENT = 70, 97
#: Exam-setup keys that remember the last exam; cleared when the defaults change
#: so the next exam starts from the new defaults.
REMEMBERED_EXAM_KEYS = ("examSetup/count", "examSetup/minutes")


class SettingsDialog(QDialog):
    """``host`` is the main window: its collection owns the store; it closes the exam on a restore."""

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else host)
        self.setObjectName("settingsDialog")
        self.host = host
        self._saved_font_px = prefs.answer_font_px()
        self._build()
        self.retranslate_ui()
        self._load()
        self.resize(600, 440)

    @property
    def db_path(self) -> Path:
        return Path(self.host.collection.path)

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.language_combo = named(QComboBox(), "languageCombo")
        for code in ("system", "zh_CN", "en"):
            self.language_combo.addItem("", code)
        self.theme_combo = named(QComboBox(), "themeCombo")
        for mode in ("system", "light", "dark"):
            self.theme_combo.addItem("", mode)
        self.font_spin = named(QSpinBox(), "answerFontSpin")
        self.font_spin.setRange(prefs.MIN_ANSWER_FONT_PX, prefs.MAX_ANSWER_FONT_PX)
        self.font_spin.valueChanged.connect(self._preview_font)
        self.appearance_labels = [QLabel() for _ in range(3)]
        self.appearance_form = QFormLayout()
        for label, field in zip(self.appearance_labels, (self.language_combo, self.theme_combo, self.font_spin)):
            self.appearance_form.addRow(label, field)
        appearance = QWidget()
        appearance_layout = QVBoxLayout(appearance)
        appearance_layout.addLayout(self.appearance_form)
        self.language_note = named(QLabel(), "languageNote")
        self.language_note.setWordWrap(True)
        appearance_layout.addWidget(self.language_note)
        appearance_layout.addStretch(1)

        self.count_spin = named(QSpinBox(), "settingsExamCountSpin")
        self.count_spin.setRange(1, prefs.MAX_EXAM_COUNT)
        self.time_check = named(QCheckBox(), "settingsTimeLimitCheck")
        self.minutes_spin = named(QSpinBox(), "settingsMinutesSpin")
        self.minutes_spin.setRange(1, prefs.MAX_EXAM_MINUTES)
        self.time_check.toggled.connect(self.minutes_spin.setEnabled)
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_check)
        time_row.addWidget(self.minutes_spin, 1)
        self.retention_spin = named(QSpinBox(), "retentionSpin")
        self.retention_spin.setRange(MIN_RETENTION_PERCENT, MAX_RETENTION_PERCENT)
        self.retention_note = named(QLabel(), "retentionNote")
        self.retention_note.setWordWrap(True)
        self.study_labels = [QLabel() for _ in range(3)]
        self.study_form = QFormLayout()
        self.study_form.addRow(self.study_labels[0], self.count_spin)
        self.study_form.addRow(self.study_labels[1], time_row)
        self.study_form.addRow(self.study_labels[2], self.retention_spin)
        study = QWidget()
        study_layout = QVBoxLayout(study)
        study_layout.addLayout(self.study_form)
        study_layout.addWidget(self.retention_note)
        study_layout.addStretch(1)

        self.data_dir_label = named(QLabel(), "dataDirLabel")
        self.data_dir_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_dir_label.setWordWrap(True)
        self.open_dir_button = named(QPushButton(), "openDataDirButton")
        self.open_dir_button.clicked.connect(self.open_data_dir)
        dir_row = QHBoxLayout()
        dir_row.addWidget(self.data_dir_label, 1)
        dir_row.addWidget(self.open_dir_button)
        self.data_box = QGroupBox()
        data_layout = QVBoxLayout(self.data_box)
        data_layout.addLayout(dir_row)

        self.keep_spin = named(QSpinBox(), "backupKeepSpin")
        from quizdesk.core.db.backup import MAX_KEEP, MIN_KEEP

        self.keep_spin.setRange(MIN_KEEP, MAX_KEEP)
        self.backup_button = named(QPushButton(), "backupNowButton")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = named(QPushButton(), "restoreBackupButton")
        self.restore_button.clicked.connect(self.choose_restore)
        self.backup_status = named(QLabel(), "backupStatusLabel")
        self.backup_status.setWordWrap(True)
        self.backup_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep_label = QLabel()
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep_label)
        keep_row.addWidget(self.keep_spin)
        keep_row.addStretch(1)
        backup_buttons = QHBoxLayout()
        backup_buttons.addWidget(self.backup_button)
        backup_buttons.addWidget(self.restore_button)
        backup_buttons.addStretch(1)
        self.backup_box = QGroupBox()
        backup_layout = QVBoxLayout(self.backup_box)
        backup_layout.addLayout(keep_row)
        backup_layout.addLayout(backup_buttons)
        backup_layout.addWidget(self.backup_status)
        data = QWidget()
        data_page = QVBoxLayout(data)
        data_page.addWidget(self.data_box)
        data_page.addWidget(self.backup_box)
        data_page.addStretch(1)

        self.tabs = named(QTabWidget(), "settingsTabs")
        self.tabs.addTab(appearance, "")
        self.tabs.addTab(study, "")
        self.tabs.addTab(data, "")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        for button, name in (
            (QDialogButtonBox.StandardButton.Ok, "settingsOkButton"),
            (QDialogButtonBox.StandardButton.Apply, "settingsApplyButton"),
            (QDialogButtonBox.StandardButton.Cancel, "settingsCancelButton"),
        ):
            self.buttons.button(button).setObjectName(name)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("Appearance"))
        self.tabs.setTabText(1, self.tr("Study and exams"))
        self.tabs.setTabText(2, self.tr("Data and backups"))
        # The languages are named in their own language, as everywhere.
        for index, text in enumerate((self.tr("System language"), "简体中文", "English")):
            self.language_combo.setItemText(index, text)
        for index, text in enumerate((self.tr("Follow the system"), self.tr("Light"), self.tr("Dark"))):
            self.theme_combo.setItemText(index, text)
        self.font_spin.setSuffix(self.tr(" px"))
        for label, text in zip(
            self.appearance_labels + self.study_labels,
            (self.tr("Language:"), self.tr("Theme:"), self.tr("Answer text size:"),
             self.tr("Questions per exam:"), self.tr("Time limit:"), self.tr("Desired retention:")),
        ):
            label.setText(text)
        self.language_note.setText(self.tr("Question content stays in the language it was written in."))
        self.count_spin.setSuffix(self.tr(" questions"))
        self.time_check.setText(self.tr("Limit"))
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.retention_spin.setSuffix("%")
        self.retention_note.setText(
            self.tr(
                "The chance you still remember a card when it comes due. Higher means more reviews "
                "at shorter intervals; 90% is a good balance. Applies to every review from now on."
            )
        )
        self.data_box.setTitle(self.tr("Data folder"))
        self.data_dir_label.setText(str(self.db_path.parent))
        self.open_dir_button.setText(self.tr("Open folder"))
        self.backup_box.setTitle(self.tr("Backups"))
        self.keep_label.setText(self.tr("Backups to keep:"))
        self.keep_spin.setToolTip(self.tr("A backup is made every day you start QuizDesk and before every import or restore; the oldest beyond this number are removed then."))
        self.backup_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore from backup…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- values ----------------------------------------------------------------
    def _load(self) -> None:
        from quizdesk.core.db.backup import configured_keep
        from quizdesk.core.study.scheduler import desired_retention

        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(saved_language())))
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(saved_theme())))
        self.font_spin.blockSignals(True)
        self.font_spin.setValue(self._saved_font_px)
        self.font_spin.blockSignals(False)
        self.count_spin.setValue(prefs.default_exam_count())
        minutes = prefs.default_exam_minutes()
        self.time_check.setChecked(minutes > 0)
        self.minutes_spin.setValue(minutes or prefs.DEFAULT_EXAM_MINUTES)
        self.minutes_spin.setEnabled(minutes > 0)
        self.retention_spin.setValue(round(self.host.collection.read_orm(desired_retention) * 100))
        self.keep_spin.setValue(configured_keep(self.db_path))

    def _preview_font(self, px: int) -> None:
        app_events().answerFontChanged.emit(px)

    def apply(self) -> None:
        """Store every value and put it into effect now."""
        settings = QSettings()
        language = str(self.language_combo.currentData())
        if language != saved_language():
            settings.setValue(LANGUAGE_SETTING, language)
            install_language(language)
        theme = str(self.theme_combo.currentData())
        if theme != saved_theme():
            settings.setValue(THEME_SETTING, theme)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, theme)
        settings.setValue(prefs.ANSWER_FONT_SETTING, self.font_spin.value())
        self._saved_font_px = self.font_spin.value()
        app_events().answerFontChanged.emit(self._saved_font_px)
        minutes = self.minutes_spin.value() if self.time_check.isChecked() else 0
        if (self.count_spin.value(), minutes) != (prefs.default_exam_count(), prefs.default_exam_minutes()):
            settings.setValue(prefs.EXAM_COUNT_SETTING, self.count_spin.value())
            settings.setValue(prefs.EXAM_MINUTES_SETTING, minutes)
            for key in REMEMBERED_EXAM_KEYS:
                settings.remove(key)
        settings.sync()
        ops.save_database_settings(self, self.host.collection, retention=self.retention_spin.value() / 100,
                                   backups_kept=self.keep_spin.value(), on_failure=lambda m: self._status(m, error=True))

    def accept(self) -> None:
        self.apply()
        super().accept()

    def reject(self) -> None:
        if self.font_spin.value() != self._saved_font_px:
            app_events().answerFontChanged.emit(self._saved_font_px)  # undo the preview
        super().reject()

    # -- data ------------------------------------------------------------------
    def open_data_dir(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db_path.parent)))

    def backup_now(self) -> Path | None:
        """A backup made on demand; the status line says where it went (or why not)."""
        from quizdesk.core.db.backup import configured_keep, prune_backups, timestamped_backup

        try:
            path = timestamped_backup(self.db_path, "manual")
            prune_backups(self.db_path, max(configured_keep(self.db_path), self.keep_spin.value()))
        except (OSError, sqlite3.Error) as exc:
            self._status(self.tr("The backup failed: %1").replace("%1", str(exc)), error=True)
            return None
        self._status(self.tr("Backed up to %1").replace("%1", str(path)))
        return path

    def choose_restore(self) -> None:
        from quizdesk.ui.settings.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.db_path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.confirm_restore(dialog.chosen) if dialog.chosen is not None else None)
        self.restore_dialog = dialog
        dialog.open()

    def confirm_restore(self, backup: Path) -> None:
        """Ask once (the exam in progress, if any, is closed), then restore."""
        from quizdesk.core.db.backup import list_backups

        when = next((format_datetime(b.created_at) for b in list_backups(self.db_path) if b.path == backup), backup.name)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore from backup"), "", QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("restoreConfirmBox")
        box.setText(self.tr("Go back to the data of %1?").replace("%1", when))
        details = [self.tr("Everything done since then is replaced. Your current data is first saved as a backup, so you can restore it again.")]
        if getattr(self.host, "exam_runner", None) is not None:
            details.append(self.tr("The exam in progress is saved and closed."))
        box.setInformativeText(" ".join(details))
        yes = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("confirmRestoreButton")
        no = box.addButton(QMessageBox.StandardButton.Cancel)
        no.setObjectName("cancelRestoreButton")
        box.setDefaultButton(no)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self.restore(backup) if box.clickedButton() is yes else None)
        self.restore_confirm_box = box
        box.open()

    def restore(self, backup: Path) -> bool:
        """Swap the database for ``backup`` through the main window; True if it worked."""
        try:
            kept = self.host.restore_database(backup)
        except (ValueError, OSError, sqlite3.Error) as exc:
            self._status(self.tr("Nothing was restored: %1").replace("%1", str(exc)), error=True)
            return False
        message = self.tr("Restored. Your data from before is kept in %1").replace("%1", str(kept)) if kept else self.tr("Restored.")
        self._status(message)
        self._load()  # retention and backups now come from the restored database
        return True

    def _status(self, text: str, *, error: bool = False) -> None:
        c = colors()
        self.backup_status.setStyleSheet(f"color: {c.danger if error else c.success};")
        self.backup_status.setText(text)
