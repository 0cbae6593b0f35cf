"""The main window's actions, in one table: name, keys, text, tip, what they do.

Each text is written once, here, marked for translation with
``QT_TRANSLATE_NOOP`` and translated when it is shown — on start and again on a
language switch — so building the actions and retranslating them cannot drift
apart. The context stays ``MainWindow``: the catalogues' translations carry over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from quizdesk import APP_NAME

if TYPE_CHECKING:
    from quizdesk.ui.app.main_window import MainWindow

CONTEXT = "MainWindow"  # spelled out in each QT_TRANSLATE_NOOP: lupdate reads literals only


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks ``text`` for lupdate, as Qt's own does; typed, unlike PySide6's (it returns ``object``)."""
    return text


@dataclass(frozen=True)
class ActionSpec:
    name: str  # the object name: the window, the tests and style sheets find it by this
    keys: tuple[str, ...]
    text: str  # source text, translated in ``context`` when shown
    run: Callable[[MainWindow], object]
    tip: str = ""  # longer tool tip; the text when empty
    context: str = CONTEXT  # the catalogue context of text (About shares the About dialog's title)
    icon_text: str = ""  # the toolbar's shorter label; the text when empty
    locked_in_exam: bool = True  # disabled while an exam or its grading is on screen


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("newExamAction", ("Ctrl+N",), QT_TRANSLATE_NOOP("MainWindow", "New mock exam…"),
               lambda w: w.new_exam()),
    ActionSpec("studyDueAction", ("Ctrl+D",), QT_TRANSLATE_NOOP("MainWindow", "Study due cards"),
               lambda w: w.study_due(), tip=QT_TRANSLATE_NOOP("MainWindow", "Study the due cards of all topics, then new ones")),
    ActionSpec("studyTopicAction", ("Ctrl+T",), QT_TRANSLATE_NOOP("MainWindow", "Study selected topic"),
               lambda w: w.study_topic(), tip=QT_TRANSLATE_NOOP("MainWindow", "Study the selected topic: its due cards, then new ones")),
    ActionSpec("weakAreasAction", ("Ctrl+Shift+W",), QT_TRANSLATE_NOOP("MainWindow", "Weak areas…"),
               lambda w: w.show_weak_areas()),
    ActionSpec("interviewAction", ("Ctrl+Shift+D",), QT_TRANSLATE_NOOP("MainWindow", "Interview countdown…"),
               lambda w: w.show_interview_countdown(),
               tip=QT_TRANSLATE_NOOP("MainWindow", "Plan your interview: readiness forecast and tonight's study")),
    ActionSpec("historyAction", ("Ctrl+H",), QT_TRANSLATE_NOOP("MainWindow", "Exam history…"),
               lambda w: w.show_history()),
    ActionSpec("importAction", ("Ctrl+I",), QT_TRANSLATE_NOOP("MainWindow", "Import files…"),
               lambda w: w.import_files(folder=False), icon_text=QT_TRANSLATE_NOOP("MainWindow", "Import")),
    ActionSpec("importFolderAction", ("Ctrl+Shift+I",), QT_TRANSLATE_NOOP("MainWindow", "Import folder…"),
               lambda w: w.import_files(folder=True)),
    ActionSpec("exportAction", ("Ctrl+E",), QT_TRANSLATE_NOOP("MainWindow", "Progress as CSV…"),
               lambda w: w.export_data(), tip=QT_TRANSLATE_NOOP("MainWindow", "Export your progress as CSV files"),
               icon_text=QT_TRANSLATE_NOOP("MainWindow", "Export")),
    ActionSpec("exportAnkiAction", ("Ctrl+Shift+E",), QT_TRANSLATE_NOOP("MainWindow", "Anki deck…"),
               lambda w: w.export_anki(), tip=QT_TRANSLATE_NOOP("MainWindow", "Export questions as an Anki deck")),
    ActionSpec("settingsAction", ("Ctrl+,",), QT_TRANSLATE_NOOP("MainWindow", "Settings…"),
               lambda w: w.show_settings(), locked_in_exam=False),
    ActionSpec("quitAction", ("Ctrl+Q",), QT_TRANSLATE_NOOP("MainWindow", "Quit"),
               lambda w: w.close(), locked_in_exam=False),
    ActionSpec("focusSearchAction", ("Ctrl+F", "Ctrl+K"), QT_TRANSLATE_NOOP("MainWindow", "Search"),
               lambda w: w.focus_search()),
    ActionSpec("focusTopicsAction", ("Alt+1",), QT_TRANSLATE_NOOP("MainWindow", "Go to topics"),
               lambda w: w.focus_library_part(w.library.topic_tree)),
    ActionSpec("focusQuestionsAction", ("Alt+2",), QT_TRANSLATE_NOOP("MainWindow", "Go to questions"),
               lambda w: w.focus_library_part(w.library.question_list)),
    ActionSpec("focusAnswerAction", ("Alt+3",), QT_TRANSLATE_NOOP("MainWindow", "Go to answer"),
               lambda w: w.focus_library_part(w.answer_view)),
    ActionSpec("shortcutsAction", ("F1", "Ctrl+/"), QT_TRANSLATE_NOOP("MainWindow", "Keyboard shortcuts"),
               lambda w: w.show_shortcuts(), locked_in_exam=False),
    # No shortcut, as in most apps; on macOS Qt moves it to the application menu.
    # Its text is the About dialog's own title, so both share one translation.
    ActionSpec("aboutAction", (), QT_TRANSLATE_NOOP("AboutDialog", "About %1"), lambda w: w.show_about(),
               locked_in_exam=False, context="AboutDialog"),
)


def _translate(text: str, context: str = CONTEXT) -> str:
    # %1 is the app's name (the About dialog's title); other texts have none.
    return QCoreApplication.translate(context, text).replace("%1", APP_NAME) if text else ""


def apply_texts(action: QAction, spec: ActionSpec) -> None:
    """The action's text, tool tip and toolbar label in the current language."""
    text = _translate(spec.text, spec.context)
    action.setText(text)
    if spec.icon_text:
        action.setIconText(_translate(spec.icon_text))
    tip = _translate(spec.tip) or text.rstrip("…")
    shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({shown})" if shown else tip)


def build_actions(window: MainWindow) -> dict[str, QAction]:
    """Every action of the table, added to ``window`` with its keys and texts, by object name."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(window)
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, run=spec.run: run(window))
        window.addAction(action)
        apply_texts(action, spec)
        actions[spec.name] = action
    actions["aboutAction"].setMenuRole(QAction.MenuRole.AboutRole)
    return actions


def retranslate_actions(actions: dict[str, QAction]) -> None:
    for spec in ACTIONS:
        apply_texts(actions[spec.name], spec)
