"""Start the desktop app: QApplication, the store and its one Collection, the bundled bank, the main window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from quizdesk import APP_NAME, __version__
from quizdesk.core.db.store import Store, StoreError, open_store, start_check
from quizdesk.core.instance_lock import InstanceLock
from quizdesk.core.paths import DB_FILENAME, bundled_content_dir, data_dir
from quizdesk.ui.widgets.app_icon import app_icon
from quizdesk.ui.collection import Collection


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setWindowIcon(app_icon())
    # Wayland compositors find the icon and name through the desktop file's name.
    app.setDesktopFileName("quizdesk")
    from quizdesk.ui.widgets.content_font import apply_content_font

    apply_content_font(app)  # Chinese content in the Simplified Chinese face in every locale
    return app


def open_store_with_recovery(directory: Path, checked: Callable[[], str | None] | None = None) -> Store | None:
    """The store, or None after the user chose to quit.

    A damaged, foreign or too-new database offers restore / start fresh; other
    problems (read-only folder, locked file) are explained and end the start.
    ``checked``: the store's checks, already started (``start_check``).
    """
    for _attempt in range(3):
        try:
            return open_store(directory, checked=checked)
        except StoreError as exc:
            checked = None  # a recovery replaces the file: the next try checks it anew
            # Imported here: a store that opens (nearly always) keeps it off the start path.
            from quizdesk.ui.app.recovery_dialog import QUIT, offer_recovery

            if offer_recovery(exc, directory / DB_FILENAME) == QUIT:
                return None
    return None


def _claim_instance(directory: Path) -> tuple[InstanceLock | None, int | None]:
    """(the lock, None) for the first instance; (None, exit code) for a later one."""
    lock = InstanceLock(directory)
    try:
        if lock.acquire():
            return lock, None
    except OSError:
        return None, None  # unwritable folder: open_store explains it
    from quizdesk.ui.app.single_instance import ask_running_instance_to_activate

    if ask_running_instance_to_activate(directory):
        return None, 0
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(
        None,
        APP_NAME,
        QCoreApplication.translate("App", "Another QuizDesk is using the data folder %1. Close it, then start QuizDesk again.").replace(
            "%1", str(directory)
        ),
    )
    return None, 1


def _bring_to_front(window: QWidget) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


class ActivationServing:
    """Answering later launches on this data folder (``single_instance.py``).

    Started just after the window's first paint and its first answer, which keeps
    QtNetwork's import (~10 ms) off both: a later launch retries for five seconds. Started at once
    before a step that can take longer (a recovery dialog, a migration, the
    bank's first sync), so that a launch during it still hands over.
    """

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self.server: QObject | None = None
        self.window: QWidget | None = None

    def start(self) -> None:
        if self.server is None:
            from quizdesk.ui.app.single_instance import ActivationServer

            server = ActivationServer(self._directory)
            server.activationRequested.connect(self._bring_window_forward)
            self.server = server

    def _bring_window_forward(self) -> None:
        if self.window is not None:
            _bring_to_front(self.window)

    def around(self, checked: Callable[[], str | None]) -> Callable[[], str | None]:
        """The store's started checks, starting the server first when a slow step follows them."""

        def run() -> str | None:
            from quizdesk.core.db.migrate import SCHEMA_HEAD

            try:
                revision = checked()
            except StoreError:
                self.start()  # the recovery dialog follows
                raise
            if revision != SCHEMA_HEAD:
                self.start()  # a migration follows, or a new database and the bank's first sync
            return revision

        return run


def _after_first_paint(window: QMainWindow, collection: Collection) -> None:
    """Work that must not delay the first paint: the disk caches and the daily backup.

    The caches are on before the deferred answer view draws its first answer
    (firstPainted handlers run first; tests/ui/test_startup_probe.py). The backup
    copies the whole database (seconds for a large one): it runs on the task
    runner, never on the GUI thread; SQLite's online backup API lets answers be
    written meanwhile.
    """
    from quizdesk.core.db.backup import daily_backup_if_due
    from quizdesk.core.render.answer_cache import enable_disk_caches

    # Formulas drawn and answers rendered once are kept (compressed), so the next
    # start shows a formula-heavy answer without the renderer or the math engine.
    enable_disk_caches(collection.data_dir / "cache")

    db_path = collection.path

    def failed(exc: BaseException) -> None:
        window.statusBar().showMessage(
            QCoreApplication.translate("App", "Could not write the daily backup: %1").replace("%1", str(exc)), 15000
        )

    collection.tasks.run(lambda _task: daily_backup_if_due(db_path), on_failed=failed, owner=window, name="daily-backup")


def run_gui(data_dir_arg: str | None = None) -> int:
    app = make_application()
    from quizdesk.ui.i18n import install_language, saved_language

    install_language(saved_language(), app)  # before the first message box
    directory = data_dir(data_dir_arg)
    from quizdesk.ui.app.error_dialog import install_error_handling

    # From here on an uncaught error (a slot, a paintEvent) goes to logs/quizdesk.log and a dialog, not a lost traceback.
    install_error_handling(directory / "logs")
    lock, exit_code = _claim_instance(directory)
    if exit_code is not None:
        return exit_code
    serving = ActivationServing(directory) if lock is not None else None
    # The store's checks read the whole file inside SQLite (20-45 ms at 5,000
    # questions), which leaves the interpreter free: they run on a thread while
    # the window's modules are imported.
    checked = start_check(directory)
    from quizdesk.core.content.bundled import bank_needs_sync
    from quizdesk.ui import ops
    from quizdesk.ui.app.main_window import MainWindow

    store = open_store_with_recovery(directory, checked if serving is None else serving.around(checked))
    if store is None:
        return 1
    collection = Collection(store)  # the one owner of the open store, passed down to every view
    report = None
    if collection.read(lambda connection: bank_needs_sync(connection, bundled_content_dir())):
        if serving is not None:
            serving.start()  # the sync takes seconds
        report = ops.sync_bundled_bank(None, collection, bundled_content_dir()).value  # a failure is shown; the old bank stays
    from quizdesk.ui.widgets.theme import apply_theme, follow_system_scheme, saved_theme

    apply_theme(app, saved_theme())
    follow_system_scheme(app)
    window = MainWindow(collection, defer_answer_view=True)
    if serving is not None:
        serving.window = window
        # A zero timer from the first paint: it runs after the deferred answer view
        # (queued at the paint) has drawn the first answer, so QtNetwork's import
        # delays neither.
        window.firstPainted.connect(lambda: QTimer.singleShot(0, serving.start))
    if report is not None and report.problems:
        problems = len(report.problems)  # a plain name: lupdate skips calls whose count is an expression
        window.statusBar().showMessage(
            QCoreApplication.translate("App", "%n problem(s) in the question bank; run 'quizdesk lint content/'", "", problems),
            15000,
        )
    from quizdesk.ui.app.startup_probe import install_if_requested

    install_if_requested(app, window)
    window.show()
    # An exam left unfinished by a crash or a kill: offer to resume it once the
    # window is up (a raw one-row query when there is none).
    QTimer.singleShot(0, window.offer_resume)
    window.firstPainted.connect(lambda: _after_first_paint(window, collection))
    # The ORM is not loaded here: reading answers never needs it, and a page or dialog
    # that writes loads it as it opens (Collection.warm_writes).
    code = app.exec()
    # Waits for the jobs still running (an import writing while the interpreter
    # shuts down crashes it), then closes the store (the restored one, after a restore).
    collection.close()
    if lock is not None:
        lock.release()
    return code
