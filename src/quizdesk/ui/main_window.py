"""The main window: topic tree, question list, answer view, search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quizdesk import APP_NAME
from quizdesk.core.catalog import TopicNode, question_count, questions_in, topic_tree
from quizdesk.core.db.store import Store
from quizdesk.core.search import search

TOPIC_IDS_ROLE = Qt.ItemDataRole.UserRole
QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 760)

        self.search_box = QLineEdit(objectName="searchBox")
        self.search_box.setPlaceholderText(self.tr("Search questions and answers…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._on_search)

        self.topic_tree = QTreeWidget(objectName="topicTree")
        self.topic_tree.setHeaderLabels([self.tr("Topic"), self.tr("Questions")])
        self.topic_tree.itemSelectionChanged.connect(self._on_topic_selected)

        self.question_list = QListWidget(objectName="questionList")
        self.question_list.currentItemChanged.connect(self._on_question_selected)

        self.answer_view = QTextBrowser(objectName="answerView")

        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.topic_tree)

        splitter = QSplitter(objectName="mainSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.question_list)
        splitter.addWidget(self.answer_view)
        splitter.setSizes([280, 340, 580])
        self.setCentralWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        with self.store.read() as connection:
            tree = topic_tree(connection)
            total = question_count(connection)
        self.topic_tree.clear()
        for node in tree:
            self.topic_tree.addTopLevelItem(self._tree_item(node))
        self.topic_tree.resizeColumnToContents(0)
        self.statusBar().showMessage(self.tr("%n question(s) in the bank", "", total))
        self._show_questions(None)

    def _tree_item(self, node: TopicNode) -> QTreeWidgetItem:
        item = QTreeWidgetItem([node.name, str(node.total_count)])
        item.setData(0, TOPIC_IDS_ROLE, node.subtree_ids())
        for child in node.children:
            item.addChild(self._tree_item(child))
        return item

    def _on_topic_selected(self) -> None:
        items = self.topic_tree.selectedItems()
        self._show_questions(items[0].data(0, TOPIC_IDS_ROLE) if items else None)

    def _show_questions(self, topic_ids: list[int] | None) -> None:
        with self.store.read() as connection:
            rows = questions_in(connection, topic_ids)
        self._fill_list([(r.id, r.title) for r in rows])

    def _fill_list(self, rows: list[tuple[int, str]]) -> None:
        self.question_list.clear()
        for question_id, title in rows:
            item = QListWidgetItem(title)
            item.setData(QUESTION_ID_ROLE, question_id)
            self.question_list.addItem(item)

    def _on_search(self, query: str) -> None:
        if not query.strip():
            self._on_topic_selected()
            return
        with self.store.read() as connection:
            hits = search(connection, query)
        self._fill_list([(h.question_id, h.title) for h in hits])

    def _on_question_selected(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            self.answer_view.clear()
            return
        with self.store.read() as connection:
            row = connection.execute(
                "SELECT title, body_md, answer_md FROM questions WHERE id = ?", (current.data(QUESTION_ID_ROLE),)
            ).fetchone()
        markdown = f"## {row[0]}\n\n{row[1]}\n\n{row[2]}" if row else ""
        self.answer_view.setMarkdown(markdown)
