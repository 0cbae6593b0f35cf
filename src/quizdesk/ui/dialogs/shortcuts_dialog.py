"""Help → Keyboard shortcuts: every key of every screen, in one table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from quizdesk.ui.widgets.named import named

Section = tuple[str, list[tuple[str, str]]]


class ShortcutsDialog(QDialog):
    def __init__(self, sections: list[Section], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = named(QTreeWidget(), "shortcutsTree")
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for title, rows in sections:
            section = QTreeWidgetItem([title, ""])
            font = QFont(section.font(0))
            font.setBold(True)
            section.setFont(0, font)
            section.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(section)
            section.setFirstColumnSpanned(True)
            for keys, description in rows:
                QTreeWidgetItem(section, [keys, description])
            section.setExpanded(True)
        self.tree.setItemsExpandable(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("shortcutsCloseButton")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(660, 720)

    def all_keys(self) -> list[str]:
        keys: list[str] = []
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            if section is not None:  # never None below topLevelItemCount(); the stubs cannot know
                keys.extend(child.text(0) for j in range(section.childCount()) if (child := section.child(j)) is not None)
        return keys
