"""File → Import of Anki packages and File → Export → Anki deck, through the real dialogs,
the task runner and a real SQLite file (docs/anki.md)."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from sqlalchemy import func, select

from quizdesk.core.anki import run_anki_import
from quizdesk.core.db.models import Attempt, Question
from quizdesk.core.db.store import Store, open_store
from quizdesk.ui.dialogs import anki_export_dialog
from quizdesk.ui.dialogs.anki_export_dialog import AnkiExportDialog
from quizdesk.ui.dialogs.anki_import import AnkiImportFlow, AnkiImportSummaryDialog, import_packages, run_anki_import_flow
from quizdesk.ui.collection import Collection
from quizdesk.ui.ops import Changes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "anki"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def package(tmp_path: Path) -> Path:
    target = tmp_path / "deck.apkg"
    shutil.copyfile(FIXTURES / "anki26.apkg", target)
    return target


def _counts(store: Store) -> tuple[int, int]:
    with store.session() as s:
        return (s.scalar(select(func.count()).select_from(Question)) or 0, s.scalar(select(func.count()).select_from(Attempt)) or 0)


def _wait_import(qtbot, flow: AnkiImportFlow):
    with qtbot.wait_signal(flow.finished, timeout=30000) as finished:
        pass
    return finished.args[0]


def test_import_shows_the_summary_and_announces_bank_and_attempts(qtbot, parent: QWidget, store: Store, package: Path) -> None:
    collection = Collection(store)
    changes: list[Changes] = []
    collection.changed.connect(changes.append)
    report = _wait_import(qtbot, run_anki_import_flow(parent, package, collection))
    assert report is not None and report.notes == len(EXPECTED["notes"]) and report.reviews == len(EXPECTED["revlog"])
    assert changes == [Changes.BANK | Changes.ATTEMPTS]
    questions, attempts = _counts(store)
    assert questions == report.imported > 0 and attempts == len(EXPECTED["revlog"])
    dialog = parent.findChild(AnkiImportSummaryDialog, "importSummaryDialog")
    assert dialog is not None and dialog.isVisible()
    rows = [[dialog.topic_tree.topLevelItem(i).text(c) for c in range(3)] for i in range(dialog.topic_tree.topLevelItemCount())]
    # Deck A::B::C → module A, topic "B · C"; a top-level deck A → module A, topic A (docs/anki.md).
    decks = {tuple(n["deck"].split("::")) for n in EXPECTED["notes"]}
    assert {(r[0], r[1]) for r in rows} == {(d[0], " · ".join(d[1:]) or d[0]) for d in decks}
    assert sum(int(r[2]) for r in rows) == questions
    assert dialog.anki_label.text().startswith(f"deck.apkg: {len(EXPECTED['notes'])} notes, 0 skipped. {len(EXPECTED['revlog'])} reviews added")
    dialog.findChild(QPushButton, "importCloseButton").click()


def test_a_damaged_package_is_a_message_and_changes_nothing(qtbot, parent: QWidget, store: Store, package: Path) -> None:
    _wait_import(qtbot, run_anki_import_flow(parent, package, Collection(store), show_summary=False))
    before = _counts(store)
    data = package.read_bytes()
    broken = package.with_name("broken.apkg")
    broken.write_bytes(data[: len(data) // 2])  # a truncated download
    changes: list[Changes] = []
    collection = Collection(store)
    collection.changed.connect(changes.append)
    report = _wait_import(qtbot, run_anki_import_flow(parent, broken, collection))
    assert report is None and changes == [] and _counts(store) == before
    box = parent.findChild(QMessageBox, "importErrorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "This file cannot be imported as an Anki deck; nothing was changed."
    assert box.informativeText().startswith("broken.apkg: damaged package")
    assert parent.findChild(AnkiImportSummaryDialog) is None


def test_a_text_file_named_apkg_is_not_an_anki_package(qtbot, parent: QWidget, store: Store, tmp_path: Path) -> None:
    fake = tmp_path / "notes.apkg"
    fake.write_text("not a zip", encoding="utf-8")
    assert _wait_import(qtbot, run_anki_import_flow(parent, fake, Collection(store))) is None
    box = parent.findChild(QMessageBox, "importErrorBox")
    assert "not an Anki package" in box.informativeText() and _counts(store) == (0, 0)


def test_file_import_routes_packages_to_the_anki_import_and_mixed_choices_get_a_message(qtbot, parent: QWidget, store: Store, package: Path, tmp_path: Path) -> None:
    note = tmp_path / "a.md"
    note.write_text("## 什么是 A？\n\na\n", encoding="utf-8")
    collection = Collection(store)
    assert import_packages(parent, [note], collection) is False  # Markdown: the caller's import
    assert import_packages(parent, [note, package], collection) is True
    assert parent.findChild(QMessageBox, "ankiMixedImportBox").isVisible() and _counts(store) == (0, 0)
    renamed = tmp_path / "deck.zip"  # a renamed package is still recognised by its content
    shutil.copyfile(package, renamed)
    assert import_packages(parent, [renamed], collection) is True
    flow = parent.findChild(AnkiImportFlow)
    assert flow is not None and _wait_import(qtbot, flow) is not None and _counts(store)[0] > 0


def test_main_window_imports_a_package_and_the_library_and_weak_areas_show_it(qtbot, store: Store, package: Path, monkeypatch) -> None:
    import quizdesk.ui.dialogs.import_dialog as import_dialog
    from quizdesk.ui.app.main_window import MainWindow
    from quizdesk.ui.weak_areas.page import WeakAreasDialog

    window = MainWindow(store)
    qtbot.add_widget(window)
    monkeypatch.setattr(import_dialog, "choose_import_paths", lambda parent, folder: [package])
    window.action("importAction").trigger()
    flow = window.findChild(AnkiImportFlow)
    assert flow is not None
    report = _wait_import(qtbot, flow)
    assert report is not None
    tree = window.library.topic_tree
    qtbot.waitUntil(lambda: any(tree.topLevelItem(i).text(0) == "ML" for i in range(tree.topLevelItemCount())))
    ml = next(item for item in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount())) if item is not None and item.text(0) == "ML")
    assert int(ml.text(1)) == sum(n for m, _t, n in report.per_topic() if m == "ML")
    tree.setCurrentItem(ml)
    titles = {window.library.question_list.title_at(i) for i in range(window.library.question_list.count())}
    assert {"What is gradient descent?", "Why use momentum?"} <= titles

    # Dropping a .colpkg on the window imports it the same way (a re-import: nothing new, no duplicate).
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    colpkg = package.with_name("collection.colpkg")
    shutil.copyfile(FIXTURES / "anki26.colpkg", colpkg)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(colpkg))])
    questions = _counts(store)[0]
    window.dropEvent(QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    first = flow
    qtbot.waitUntil(lambda: any(f is not first for f in window.findChildren(AnkiImportFlow)))
    dropped = _wait_import(qtbot, next(f for f in window.findChildren(AnkiImportFlow) if f is not first))
    assert dropped is not None and dropped.imported == 0 and _counts(store)[0] == questions

    window.action("exportAnkiAction").trigger()  # File → Export → Anki deck…
    assert window.anki_export_dialog.isVisible() and window.anki_export_dialog.objectName() == "ankiExportDialog"
    window.anki_export_dialog.close()

    dialog = WeakAreasDialog(window.collection)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    stats = {s.name: s for s in dialog.stats if s.parent_id is None}  # the modules (a topic may be named ML too)
    assert stats["ML"].attempts == sum(1 for r in EXPECTED["revlog"] if r["guid"] in {n["guid"] for n in EXPECTED["notes"] if n["deck"].startswith("ML")})
    assert stats["ML"].attempts > 0 and stats["ML"].mastery is not None


# -- export ---------------------------------------------------------------------


@pytest.fixture
def imported_store(store: Store, package: Path) -> Store:
    """The fixture package imported (questions with reviews and FSRS states to carry)."""
    run_anki_import(package, session_factory=store.session_factory, data_dir=store.path.parent)
    return store


def _export(qtbot, dialog: AnkiExportDialog):
    with qtbot.wait_signal(dialog.exportFinished, timeout=30000) as finished:
        dialog.export_button.click()
    return finished.args[0]


def test_export_writes_a_deck_the_import_reads_back_with_the_same_notes(qtbot, imported_store: Store, tmp_path: Path, monkeypatch) -> None:
    dialog = AnkiExportDialog(Collection(imported_store))
    qtbot.add_widget(dialog)
    dialog.show()
    assert dialog.file_edit.text().endswith(".apkg") and "QuizDesk-" in dialog.file_edit.text()
    out = tmp_path / "out" / "phone"  # no extension typed: .apkg is added
    dialog.file_edit.setText(str(out))
    texts = [dialog.scope_combo.itemText(i) for i in range(dialog.scope_combo.count())]
    dialog.scope_combo.setCurrentIndex(texts.index(next(t for t in texts if t.startswith("ML ("))))  # the module, as a user picks it
    dialog.progress_check.setChecked(True)
    report = _export(qtbot, dialog)
    target = out.with_name("phone.apkg")
    assert report is not None and report.path == target and target.is_file()
    with imported_store.read() as connection:
        ml_titles = sorted(t for (t,) in connection.execute(
            "SELECT q.title FROM questions q JOIN topics t ON t.id = q.topic_id JOIN topics m ON m.id = t.parent_id WHERE m.name = 'ML'"
        ))
    assert report.notes == len(ml_titles) > 0 and report.scheduled > 0
    assert dialog.status_label.text().startswith(f"Wrote {report.notes} note(s) to {target}.")
    opened: list[Path] = []
    monkeypatch.setattr(anki_export_dialog, "open_folder", lambda path: opened.append(path) or True)
    dialog.folder_button.click()
    assert opened == [target.parent]
    with zipfile.ZipFile(target) as archive:
        assert "collection.anki2" in archive.namelist()

    fresh = open_store(tmp_path / "fresh")
    try:
        back = run_anki_import(target, session_factory=fresh.session_factory, data_dir=fresh.path.parent)
        assert back.notes == report.notes and back.skipped_notes == 0
        assert sorted(q.title for q in back.questions) == ml_titles
        assert back.reviews > 0  # the schedule and answers travelled
    finally:
        fresh.close()


def test_cancel_button_and_escape_cancel_a_running_export(qtbot, imported_store: Store, tmp_path: Path, monkeypatch) -> None:
    import threading

    import quizdesk.core.anki.exporter as exporter

    reached, release = threading.Event(), threading.Event()
    real_model = exporter._model

    def slow_model():
        reached.set()
        release.wait(10)
        return real_model()

    monkeypatch.setattr(exporter, "_model", slow_model)
    dialog = AnkiExportDialog(Collection(imported_store))
    qtbot.add_widget(dialog)
    dialog.show()
    target = tmp_path / "escaped.apkg"
    dialog.file_edit.setText(str(target))
    with qtbot.wait_signal(dialog.exportFinished, timeout=30000) as finished:
        dialog.export_button.click()
        qtbot.waitUntil(reached.is_set, timeout=10000)
        assert dialog.cancel_button.isVisible() and not dialog.export_button.isEnabled()
        dialog.reject()  # Esc while writing cancels and keeps the dialog open
        assert dialog.isVisible() and not dialog.cancel_button.isEnabled()
        release.set()
    assert finished.args == [None] and dialog.was_cancelled and not target.exists()
    assert [p.name for p in tmp_path.glob("*.part")] == []  # nor its temporary file
    assert dialog.status_label.text() == "Export cancelled; nothing was written."
    assert dialog.export_button.isEnabled() and dialog.close_button.isVisible() and not dialog.folder_button.isVisible()


def test_the_file_field_takes_any_text_typed(qtbot, imported_store: Store, tmp_path: Path) -> None:
    """Typing a path goes through "/" and folders: no error, Export only when there is a file to write."""
    dialog = AnkiExportDialog(Collection(imported_store))
    qtbot.add_widget(dialog)
    for typed in ("", "/", "~/"):
        dialog.file_edit.setText(typed)  # raised ValueError ("'/' has an empty name") on each keystroke before
        assert dialog.target() is None or dialog.target().name.startswith("QuizDesk-")
    dialog.file_edit.setText("")
    assert not dialog.export_button.isEnabled()
    dialog.file_edit.setText(str(tmp_path))  # a folder: the day's file inside it
    assert dialog.target().parent == tmp_path and dialog.target().name.startswith("QuizDesk-") and dialog.export_button.isEnabled()
    dialog.file_edit.setText(str(tmp_path / "deck.APKG"))
    assert dialog.target() == tmp_path / "deck.APKG"


def test_a_folder_that_cannot_be_written_is_a_message(qtbot, imported_store: Store, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    dialog = AnkiExportDialog(Collection(imported_store))
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(blocker / "deck.apkg"))  # a file where the folder should be
    assert _export(qtbot, dialog) is None and dialog.error is not None
    assert dialog.status_label.text().startswith("Nothing was exported: ")
    assert dialog.export_button.isEnabled() and not dialog.folder_button.isVisible()


def test_deck_names_follow_the_ui_language(qtbot, qapp, imported_store: Store, tmp_path: Path) -> None:
    from quizdesk.ui.i18n import install_language

    install_language("zh_CN", qapp)
    dialog = AnkiExportDialog(Collection(imported_store))
    qtbot.add_widget(dialog)
    assert dialog.windowTitle() != "Export an Anki deck"  # translated
    assert dialog.options() is not None and dialog.options().lang == "zh"
    assert dialog.scope_combo.itemText(0).startswith("全部")

