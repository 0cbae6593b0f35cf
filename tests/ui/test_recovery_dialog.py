"""The recovery dialog on a damaged database: restore the newest good backup or start fresh."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from sqlalchemy import func, select

from quizdesk.core.db.backup import timestamped_backup
from quizdesk.core.db.models import Question
from quizdesk.core.db.store import Store, start_check
from quizdesk.ui.app.launch import open_store_with_recovery


def _click_when_shown(button_name: str, seen: list[str]) -> None:
    def click() -> None:
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, click)
            return
        seen.append(box.text() + "\n" + box.informativeText() + "\n" + box.detailedText())
        button = box.findChild(QPushButton, button_name)
        if button is None:  # not the expected choice: end the box, so the test fails instead of waiting forever
            box.reject()
            return
        button.click()

    QTimer.singleShot(0, click)


def _damage(path: Path) -> bytes:
    data = path.read_bytes()
    damaged = data[:100] + b"\xff" * 4000 + data[4100:]
    path.write_bytes(damaged)
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    return damaged


def test_restore_latest_backup_from_the_dialog(qtbot, synced_store: Store) -> None:
    timestamped_backup(synced_store.path, "daily")
    synced_store.close()
    damaged = _damage(synced_store.path)
    seen: list[str] = []
    _click_when_shown("restoreBackupButton", seen)
    store = open_store_with_recovery(synced_store.path.parent)
    assert store is not None
    assert "The QuizDesk database is damaged." in seen[0] and "Restore the newest good backup" in seen[0]
    assert str(synced_store.path) in seen[0]  # where the file is, and the core's detail below
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Question)) == 5
    store.close()
    kept = list(synced_store.path.parent.glob("quizdesk.db.damaged-*"))
    assert [p.read_bytes() for p in kept if not p.name.endswith(("-wal", "-shm"))] == [damaged]


def test_start_fresh_keeps_the_damaged_file(qtbot, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "quizdesk.db").write_bytes(b"this is not a database at all")
    seen: list[str] = []
    _click_when_shown("startFreshButton", seen)
    store = open_store_with_recovery(data_dir)
    assert store is not None and "is not a QuizDesk database" in seen[0]
    store.close()
    kept = list(data_dir.glob("quizdesk.db.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"this is not a database at all"


def test_quit_leaves_everything_as_it_was(qtbot, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "quizdesk.db").write_bytes(b"junk")
    _click_when_shown("quitButton", [])
    assert open_store_with_recovery(data_dir) is None
    assert sorted(p.name for p in data_dir.iterdir()) == ["quizdesk.db"]


def test_damage_found_by_the_checks_started_on_a_thread_offers_the_same_recovery(qtbot, synced_store: Store) -> None:
    # The app starts the store's checks on a thread while it imports its window (run_gui).
    timestamped_backup(synced_store.path, "daily")
    synced_store.close()
    _damage(synced_store.path)
    seen: list[str] = []
    _click_when_shown("restoreBackupButton", seen)
    store = open_store_with_recovery(synced_store.path.parent, start_check(synced_store.path.parent))
    assert store is not None and "The QuizDesk database is damaged." in seen[0]
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Question)) == 5  # the restored file, checked anew
    store.close()
