"""Settings → Restore from backup…: pick a backup (or any QuizDesk database
file), see whether it is usable, confirm, and have the main window swap it in.

Each backup is checked before it is offered (``validate_database_file``); an
unusable one is listed with the reason and cannot be picked. The swap itself
(:meth:`MainWindow.restore_database`) keeps a copy of the current database
first, so a restore can be undone by restoring that copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quizdesk.core.db.backup import list_backups
from quizdesk.core.db.recovery import validate_database_file
from quizdesk.ui.i18n import format_datetime, format_size
from quizdesk.ui.widgets.named import named

PATH_ROLE = Qt.ItemDataRole.UserRole


def _problem(path: Path) -> str | None:
    problem = validate_database_file(path)
    return None if problem is None else describe_problem(problem)


@dataclass(frozen=True)
class Candidate:
    path: Path
    when: str
    reason: str
    size: int
    problem: str | None


def describe_reason(reason: str) -> str:
    """What made a backup, in words ("daily", "before-import"…)."""
    from PySide6.QtCore import QCoreApplication

    names = {
        "daily": QCoreApplication.translate("RestoreDialog", "daily"),
        "manual": QCoreApplication.translate("RestoreDialog", "made by hand"),
        "before-import": QCoreApplication.translate("RestoreDialog", "before an import"),
        "before-restore": QCoreApplication.translate("RestoreDialog", "before a restore"),
    }
    if reason.startswith("before-migration"):
        return QCoreApplication.translate("RestoreDialog", "before an update")
    return names.get(reason, reason)


def describe_problem(problem: str) -> str:
    """The core's reason a file cannot be restored, in the UI's language."""
    from PySide6.QtCore import QCoreApplication

    exact = {
        "it is not an SQLite database": QCoreApplication.translate("RestoreDialog", "it is not an SQLite database"),
        "it is not a QuizDesk database": QCoreApplication.translate("RestoreDialog", "it is not a QuizDesk database"),
        "it was written by a newer QuizDesk": QCoreApplication.translate("RestoreDialog", "it was written by a newer QuizDesk"),
    }
    if problem in exact:
        return exact[problem]
    for prefix, text in (
        ("it is damaged", QCoreApplication.translate("RestoreDialog", "it is damaged")),
        ("it cannot be read", QCoreApplication.translate("RestoreDialog", "it cannot be read")),
    ):
        if problem.startswith(prefix):
            return text + problem[len(prefix) :]  # the technical detail in brackets stays as it is
    return problem


class RestoreDialog(QDialog):
    """Lists the backups beside ``db_path``; :attr:`chosen` is the picked file after ``accept``."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.db_path = db_path
        self.chosen: Path | None = None
        self.candidates = [
            Candidate(b.path, format_datetime(b.created_at), describe_reason(b.reason), b.size, _problem(b.path))
            for b in list_backups(db_path)
        ]
        intro = QLabel(
            self.tr(
                "Pick the state to go back to. Your current data is saved as a backup first, "
                "so you can come back to it the same way."
            )
        )
        intro.setWordWrap(True)
        self.table = named(QTableWidget(len(self.candidates), 4), "restoreBackupTable")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Made"), self.tr("Size"), self.tr("Usable")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for row, c in enumerate(self.candidates):
            usable = self.tr("yes") if c.problem is None else self.tr("no: %1").replace("%1", c.problem)
            for column, text in enumerate((c.when, c.reason, format_size(c.size), usable)):
                item = QTableWidgetItem(text)
                item.setData(PATH_ROLE, str(c.path))
                if c.problem is not None:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)  # listed with its reason, not pickable
                    item.setToolTip(c.problem)
                self.table.setItem(row, column, item)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self._restore_selected())
        self.empty_label = named(QLabel(self.tr("There are no backups yet. Use Back up now first, or pick a file.")), "restoreEmptyLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not self.candidates)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("restoreCancelButton")
        self.file_button = self.buttons.addButton(self.tr("Other file…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.file_button.setObjectName("restoreFileButton")
        self.file_button.clicked.connect(self._pick_file)
        self.restore_button = self.buttons.addButton(self.tr("Restore…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreSelectedButton")
        self.restore_button.clicked.connect(self._restore_selected)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.buttons)
        self.resize(640, 400)
        usable_rows = [i for i, c in enumerate(self.candidates) if c.problem is None]
        if usable_rows:
            self.table.selectRow(usable_rows[0])
        self._update_buttons()

    def selected_path(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        candidate = self.candidates[rows[0].row()]
        return candidate.path if candidate.problem is None else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_path() is not None)

    def _restore_selected(self) -> None:
        path = self.selected_path()
        if path is not None:
            self.choose(path)

    def _pick_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a file"), str(self.db_path.parent), self.tr("QuizDesk database (*.db);;All files (*)")
        )
        if name:
            self.choose(Path(name))

    def choose(self, path: Path) -> bool:
        """Check ``path``; accept the dialog with it if usable, else say why (and stay open)."""
        problem = validate_database_file(path)
        if problem is not None:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot restore"), "", QMessageBox.StandardButton.Ok, self)
            box.setObjectName("restoreRefusedBox")
            box.setText(self.tr("%1 cannot be restored: %2.").replace("%1", path.name).replace("%2", describe_problem(problem)))
            box.setInformativeText(self.tr("Nothing was changed."))
            box.open()
            self.refused_box = box
            return False
        self.chosen = path
        self.accept()
        return True
