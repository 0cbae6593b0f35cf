"""The jump-to-question palette of the exam runner: one numbered button per
question, showing which are answered, flagged, unanswered and current."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from quizdesk.ui.widgets.named import named
from quizdesk.ui.widgets.theme import ThemeColors, colors

COLUMNS = 5


def _swatch(style: str) -> QLabel:
    label = QLabel()
    label.setFixedSize(12, 12)
    label.setStyleSheet(style)
    return label


class ExamPalette(QWidget):
    jumpRequested = Signal(int)

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("examPalette")
        self.buttons: list[QToolButton] = []
        self._states: list[tuple[bool, bool, bool]] = [(False, False, False)] * count
        grid = QGridLayout()
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 0, 0)
        for i in range(count):
            button = named(QToolButton(), f"paletteButton{i + 1}")
            button.setText(str(i + 1))
            button.setFixedSize(QSize(38, 34))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, i=i: self.jumpRequested.emit(i))
            grid.addWidget(button, i // COLUMNS, i % COLUMNS)
            self.buttons.append(button)
        self.summary = named(QLabel(), "examPaletteSummary")
        self.summary.setWordWrap(True)
        self._legend_labels: list[tuple[QLabel, str]] = []
        self._legend_texts: dict[str, QLabel] = {}
        legend = QVBoxLayout()
        legend.setSpacing(4)
        for kind in ("answered", "flagged", "unanswered"):
            row = QHBoxLayout()
            swatch = _swatch("")
            self._legend_labels.append((swatch, kind))
            row.addWidget(swatch)
            self._legend_texts[kind] = QLabel()
            row.addWidget(self._legend_texts[kind])
            row.addStretch(1)
            legend.addLayout(row)
        self._retranslate_legend()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(grid)
        layout.addWidget(self.summary)
        layout.addLayout(legend)
        layout.addStretch(1)

    def _retranslate_legend(self) -> None:
        self._legend_texts["answered"].setText(QCoreApplication.translate("ExamPalette", "Answered"))
        self._legend_texts["flagged"].setText(QCoreApplication.translate("ExamPalette", "Flagged for review"))
        self._legend_texts["unanswered"].setText(QCoreApplication.translate("ExamPalette", "Unanswered"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_legend()
            current = next((i for i, state in enumerate(self._states) if state[2]), 0)
            self.update_states([s[0] for s in self._states], [s[1] for s in self._states], current)
        super().changeEvent(event)

    def update_states(self, answered: list[bool], flagged: list[bool], current: int) -> None:
        self._states = [(answered[i], flagged[i], i == current) for i in range(len(self.buttons))]
        c = colors()
        for i, button in enumerate(self.buttons):
            is_answered, is_flagged, is_current = self._states[i]
            button.setStyleSheet(self._button_css(c, is_answered, is_flagged, is_current))
            state = []
            if is_answered:
                state.append(QCoreApplication.translate("ExamPalette", "answered"))
            if is_flagged:
                state.append(QCoreApplication.translate("ExamPalette", "flagged"))
            button.setToolTip(
                QCoreApplication.translate("ExamPalette", "Question %1").replace("%1", str(i + 1))
                + (f" ({', '.join(state)})" if state else "")
            )
            button.setProperty("answered", is_answered)
            button.setProperty("flagged", is_flagged)
        done = sum(answered)
        flags = sum(flagged)
        self.summary.setText(
            QCoreApplication.translate("ExamPalette", "%1 of %2 answered · %3 flagged")
            .replace("%1", str(done))
            .replace("%2", str(len(self.buttons)))
            .replace("%3", str(flags))
        )
        self.summary.setStyleSheet(f"color: {c.muted};")
        for swatch, kind in self._legend_labels:
            swatch.setStyleSheet(self._swatch_css(c, kind))

    @staticmethod
    def _button_css(c: ThemeColors, answered: bool, flagged: bool, current: bool) -> str:
        background, color, border = c.card, c.text, c.border
        if answered:
            background, color, border = c.accent_bg, c.accent, c.accent
        if flagged:
            border = c.warning
            if not answered:
                background, color = c.warning_bg, c.warning
        width = "2px" if current or flagged else "1px"
        if current:
            border = c.text if not flagged else c.warning
        weight = "bold" if current else "normal"
        return (
            f"QToolButton {{ background: {background}; color: {color}; border: {width} solid {border};"
            f" border-radius: 6px; font-weight: {weight}; }}"
            f"QToolButton:hover {{ border-color: {c.accent}; }}"
        )

    @staticmethod
    def _swatch_css(c: ThemeColors, kind: str) -> str:
        if kind == "answered":
            return f"background: {c.accent_bg}; border: 1px solid {c.accent}; border-radius: 3px;"
        if kind == "flagged":
            return f"background: {c.warning_bg}; border: 2px solid {c.warning}; border-radius: 3px;"
        return f"background: {c.card}; border: 1px solid {c.border}; border-radius: 3px;"
