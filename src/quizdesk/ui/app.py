"""Start the desktop app: QApplication, the store, the bundled bank, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from quizdesk import APP_NAME, __version__
from quizdesk.core.db.store import Store, StoreError, open_store
from quizdesk.core.paths import bundled_content_dir, data_dir


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    return QApplication(argv if argv is not None else sys.argv[:1])


def open_store_with_dialog(directory: Path) -> Store | None:
    """The store, or None after telling the user why it cannot be opened."""
    try:
        return open_store(directory)
    except StoreError as exc:
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, exc.message)
        box.setObjectName("storeErrorDialog")
        box.exec()
        return None


def run_gui(data_dir_arg: str | None = None) -> int:
    app = make_application()
    store = open_store_with_dialog(data_dir(data_dir_arg))
    if store is None:
        return 1
    from quizdesk.core.content.bundled import sync_bundled_bank
    from quizdesk.ui.main_window import MainWindow

    with store.session() as session:
        report = sync_bundled_bank(session, bundled_content_dir())
    window = MainWindow(store)
    if report is not None and report.problems:
        window.statusBar().showMessage(
            QCoreApplication.translate("App", "%n problem(s) in the question bank; run 'quizdesk lint content/'", "", len(report.problems)),
            15000,
        )
    window.show()
    code = app.exec()
    store.close()
    return code
