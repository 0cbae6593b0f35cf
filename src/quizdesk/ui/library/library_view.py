"""The library page of the main window: topic tree, question list, answer view.

Reads only through the raw-``sqlite3`` catalog and search functions, so it can
fill itself on start before SQLAlchemy is imported. The answer view can be
loaded after the window's first paint (``defer_answer_view``): the real one
pulls in the Markdown / math / code renderer, a few hundred milliseconds.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from quizdesk.core.catalog import question_titles, topic_tree
from quizdesk.core.db.store import Store
from quizdesk.core.paths import bundled_content_dir
from quizdesk.core.stats.mastery import TopicStats, topic_stats
from quizdesk.core.queries.questions import question_base_dir, question_detail
from quizdesk.ui.collection import Collection, as_collection
from quizdesk.ui.i18n import content_name, is_english
from quizdesk.ui.widgets.mastery_indicator import decorate_topic_tree, mastery_icon
from quizdesk.ui.widgets.markdown_pane import FallbackMarkdownView, make_markdown_view
from quizdesk.ui.widgets.named import named
from quizdesk.ui.preferences import answer_font_px
from quizdesk.ui.library.question_list import QuestionListWidget
from quizdesk.ui.widgets.question_widgets import LETTERS, qtype_label
from quizdesk.ui.widgets.theme import colors
from quizdesk.ui.widgets.topic_tree import TopicTreeWidget

if TYPE_CHECKING:  # the search modules load with the first search, not on the start path
    from quizdesk.core.search_snippet import Snippet

ANSWER_MARGIN_PX = 14


class LibraryView(QSplitter):
    """Browse the bank. The splitter itself is the page (objectName ``mainSplitter``)."""

    #: Study these questions (Enter / double-click on a question): ids, a title.
    studyRequested = Signal(list, str)
    #: A topic was picked while a search was shown: the owner clears its search box.
    topicPicked = Signal()
    #: The topic tree's mastery dots are up to date with the database.
    masteryShown = Signal()

    def __init__(self, collection: Collection | Store, *, defer_answer_view: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainSplitter")
        self.collection = as_collection(collection)
        self.query = ""
        self.topic_tree = TopicTreeWidget(mastery_icon=mastery_icon)
        self.topic_tree.setObjectName("topicTree")
        self.topic_tree.itemSelectionChanged.connect(self._on_topic_selected)
        # Mastery over a long history takes ~0.1 s: computed on a worker, shown when ready.
        self._mastery: list[TopicStats] = []
        self._mastery_channel = f"library-mastery-{id(self)}"

        self.list_header = named(QLabel(), "questionListHeader")
        self.list_header.setContentsMargins(10, 6, 10, 6)
        self.question_list = QuestionListWidget()
        self.question_list.currentQuestionChanged.connect(self.show_answer)
        self.question_list.questionActivated.connect(self._on_activated)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(0)
        middle_layout.addWidget(self.list_header)
        middle_layout.addWidget(self.question_list, 1)

        self.answer_ready = not defer_answer_view
        self._pending_answer: int | None = None
        self.answer_view: Any = (
            FallbackMarkdownView() if defer_answer_view else make_markdown_view("answerView", margin=ANSWER_MARGIN_PX, tasks=self.collection.tasks)
        )
        self.answer_view.setObjectName("answerView")
        self.answer_view.set_font_px(answer_font_px())

        self.addWidget(self.topic_tree)
        self.addWidget(middle)
        self.addWidget(self.answer_view)
        self.setStretchFactor(2, 1)
        self.setSizes([300, 350, 590])
        self.setChildrenCollapsible(False)

    # -- filling ---------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the tree and the list, keeping the selection and the search."""
        tree = self.collection.read(topic_tree)
        self.topic_tree.blockSignals(True)
        try:
            self.topic_tree.set_tree(tree, english=is_english())
            # The last known dots stay until the new ones arrive, so nothing blinks.
            decorate_topic_tree(self.topic_tree, self._mastery)
        finally:
            self.topic_tree.blockSignals(False)
        self.collection.tasks.read(self.collection.path, topic_stats, on_done=self._show_mastery,
                                   channel=self._mastery_channel, owner=self)
        if self.query:
            self.run_search(self.query)
        else:
            self.show_topic_questions()

    @property
    def mastery_pending(self) -> bool:
        """True while the mastery dots are being recomputed."""
        return self.collection.tasks.busy(self._mastery_channel)

    def _show_mastery(self, stats: list[TopicStats]) -> None:
        self._mastery = stats
        decorate_topic_tree(self.topic_tree, stats)
        self.masteryShown.emit()

    def show_topic_questions(self) -> None:
        """The questions of the selected topic (all when none is selected)."""
        self.query = ""
        topic_ids = self.topic_tree.selected_topic_ids()
        rows = self.collection.read(lambda connection: question_titles(connection, topic_ids))
        label = self.topic_tree.selected_label() if topic_ids is not None else self.tr("All topics")
        self.list_header.setText(f"{label}  ·  " + self.tr("%n question(s)", "", len(rows)))
        self._fill_list(rows)

    def run_search(self, query: str) -> None:
        """Full-text search (Chinese included) over titles and answers."""
        from quizdesk.core.search import search

        self.query = query.strip()
        if not self.query:
            self.show_topic_questions()
            return
        hits = self.collection.read(lambda connection: search(connection, query))
        self.list_header.setText(self.tr("Search: %n result(s)", "", len(hits)))
        self._fill_list([(h.question_id, h.title, h.qtype) for h in hits], self.query)

    def _snippet(self, question_id: int, query: str) -> Snippet | None:
        """Where question ``question_id`` matched ``query`` (the list asks for the rows on screen)."""
        from quizdesk.core.search_snippet import snippet

        try:
            return self.collection.read(lambda connection: snippet(connection, question_id, query))
        except sqlite3.Error:
            return None  # busy or gone: the row shows its title alone

    def _fill_list(self, rows: list[tuple[int, str, str]], query: str = "") -> None:
        keep = self.question_list.current_question_id()
        self.question_list.fill(rows, query, self._snippet if query else None)
        if keep is None or not self.question_list.select_question(keep):
            self.show_answer(None)

    def _on_topic_selected(self) -> None:
        if self.query:
            self.topicPicked.emit()  # the owner clears the search, which shows the topic
            return
        self.show_topic_questions()

    def _on_activated(self, question_id: int) -> None:
        self.studyRequested.emit([question_id], QCoreApplication.translate("MainWindow", "Study: one question"))

    # -- the answer ------------------------------------------------------------
    def show_answer(self, question_id: int | None) -> None:
        if not self.answer_ready:
            self._pending_answer = question_id  # shown once the real view is loaded
            return
        detail = None
        if question_id is not None:
            detail = self.collection.read(lambda connection: question_detail(connection, question_id))
        if detail is None:
            self.answer_view.set_markdown(self.tr("*Pick a question to read its answer.*"), None)
            return
        where = f"{content_name(detail.module, detail.module_en)} › {content_name(detail.topic, detail.topic_en)}"
        parts = [f"## {detail.title}", f"*{where} · {qtype_label(detail.qtype)}*"]
        if detail.body_md.strip():
            parts.append(detail.body_md)
        if detail.choices:
            keys = "TF" if detail.qtype == "truefalse" else LETTERS
            parts.append(
                "\n".join(
                    f"- **{keys[i] if i < len(keys) else i + 1}.** {text}" + ("  ✓" if i in detail.correct else "")
                    for i, text in enumerate(detail.choices)
                )
            )
        if detail.answer_md.strip():
            heading = self.tr("Answer") if detail.qtype == "open" else self.tr("Explanation")
            parts += [f"### {heading}", detail.answer_md]
        if detail.key_points:
            parts += ["### " + self.tr("Key points (要点)"), "\n".join(f"- {p}" for p in detail.key_points)]
        base = question_base_dir(detail.origin, detail.source_path, bundled_content_dir(), self.collection.data_dir)
        self.answer_view.set_markdown("\n\n".join(parts), base)

    def load_answer_view(self) -> None:
        """Swap the placeholder answer pane for the real answer view and show the pending answer."""
        if self.answer_ready:
            return
        view = make_markdown_view("answerView", margin=ANSWER_MARGIN_PX, tasks=self.collection.tasks)
        view.set_font_px(answer_font_px())
        view.set_dark(colors().dark)
        sizes = self.sizes()
        old = self.replaceWidget(self.indexOf(self.answer_view), view)
        self.setSizes(sizes)
        if old is not None:
            old.deleteLater()
        self.answer_view = view
        self.answer_ready = True
        self.show_answer(self._pending_answer)

    def set_answer_font_px(self, px: int) -> None:
        self.answer_view.set_font_px(px)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Topic names in the UI's language, the list header and the answer's headings."""
        try:
            self.refresh()
            self.show_answer(self.question_list.current_question_id())
        except sqlite3.Error:
            pass  # the database is busy or gone: the texts follow with the next refresh

    def apply_theme(self, dark: bool) -> None:
        c = colors()
        self.list_header.setStyleSheet(f"color: {c.muted}; font-weight: bold;")
        self.answer_view.set_dark(dark)
