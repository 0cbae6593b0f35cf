"""Light and dark themes: Fusion style with a palette, plus a few semantic colours.

``apply_theme(app, "light" | "dark" | "system")`` is what the settings dialog
calls. Widgets that draw their own colours (choice rows, the countdown, the
exam palette) read :func:`colors` and listen to ``AppEvents.themeChanged``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QTextEdit, QWidget

from quizdesk.ui.events import app_events

THEMES = ("light", "dark", "system")
#: QSettings key holding "light", "dark" or "system" (written by the settings dialog).
THEME_SETTING = "appearance/theme"


@dataclass(frozen=True)
class ThemeColors:
    """Colours with a meaning, as CSS strings, for the current theme."""

    dark: bool
    text: str
    muted: str  # secondary text (captions, counts)
    border: str
    card: str  # background of cards and choice rows
    card_hover: str
    accent: str
    accent_bg: str
    accent_strong: str  # filled buttons (white text on it)
    success: str
    success_bg: str
    danger: str
    danger_bg: str
    warning: str
    warning_bg: str


LIGHT = ThemeColors(
    dark=False,
    text="#1f2328",
    muted="#656d76",
    border="#d0d7de",
    card="#ffffff",
    card_hover="#f3f6fa",
    accent="#2f6fde",
    accent_bg="#e3ecfc",
    accent_strong="#2f6fde",
    success="#1a7f37",
    success_bg="#dcf3e2",
    danger="#c62828",
    danger_bg="#fde4e4",
    warning="#b45309",
    warning_bg="#fff1d6",
)

DARK = ThemeColors(
    dark=True,
    text="#dfe1e5",
    muted="#9aa0a6",
    border="#4a4d52",
    card="#2b2d31",
    card_hover="#33363b",
    accent="#6ea1ff",
    accent_bg="#243653",
    accent_strong="#3574f0",
    success="#5fcf7f",
    success_bg="#1f3a28",
    danger="#ff7b72",
    danger_bg="#4a2325",
    warning="#f0b429",
    warning_bg="#45361a",
)


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, alt, text = QColor("#232427"), QColor("#1b1c1f"), QColor("#26282c"), QColor("#dfe1e5")
    button, highlight, disabled = QColor("#313338"), QColor("#3574f0"), QColor("#7b7f86")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: alt,
        QPalette.ColorRole.ToolTipBase: QColor("#33363b"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#80868b"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ffffff"),
        QPalette.ColorRole.Light: QColor("#45484e"),
        QPalette.ColorRole.Midlight: QColor("#3a3d42"),
        QPalette.ColorRole.Mid: QColor("#2c2e32"),
        QPalette.ColorRole.Dark: QColor("#141517"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#6ea1ff"),
        QPalette.ColorRole.LinkVisited: QColor("#b59cff"),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor("#4a4d52"))
    return p


def _light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    p = QPalette(style.standardPalette()) if style is not None else QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor("#f4f5f7"))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#f6f8fa"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fde"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Link, QColor("#2f6fde"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.ToolTipText, QColor("#1f2328"))
    return p


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


class QuizDeskStyle(QProxyStyle):
    """The app's style: Fusion. On a dark palette it is :class:`DarkQuizDeskStyle`."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))


class DarkQuizDeskStyle(QuizDeskStyle):
    """Fusion, with check boxes, radio buttons and text fields that can be seen on a dark background.

    Fusion outlines an indicator or a line edit with the window colour made
    darker, which on a dark palette is all but the colour of the box itself: an
    unchecked topic in the exam setup looked like no check box at all, and the
    search box in the toolbar like no field at all. The outline is redrawn here
    from the text colour, faded (a focused field keeps Fusion's accent frame).

    Only the dark theme installs it: a Python ``drawPrimitive`` is a call into
    Python for every frame, arrow and indicator Qt draws, and PySide makes a
    Python class (with its enums) for each kind of style option it passes, ~25
    of them at the window's first paint (~2 % of the start), which the light
    theme, drawing plain Fusion, does not need.
    """

    _INDICATORS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    )

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter, widget: QWidget | None = None) -> None:  # noqa: N802 (Qt API)
        super().drawPrimitive(element, option, painter, widget)
        if option.palette.color(QPalette.ColorRole.Window).lightness() >= 128:
            return
        if element == QStyle.PrimitiveElement.PE_FrameLineEdit:
            self._outline_field(option, painter)
            return
        if element == QStyle.PrimitiveElement.PE_Frame and isinstance(widget, (QPlainTextEdit, QTextEdit)) and not widget.isReadOnly():
            self._outline_field(option, painter, accent_on_focus=True)  # the exam's answer field
            return
        if element not in self._INDICATORS:
            return
        outline = QColor(option.palette.color(QPalette.ColorRole.Text))
        outline.setAlphaF(0.6 if option.state & QStyle.StateFlag.State_Enabled else 0.3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(outline, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 2, 2)
        painter.restore()


    @staticmethod
    def _outline_field(option: QStyleOption, painter: QPainter, *, accent_on_focus: bool = False) -> None:
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if focused and not accent_on_focus:
            return  # Fusion's highlight frame shows
        if focused:
            outline = QColor(option.palette.color(QPalette.ColorRole.Highlight))
        else:
            outline = QColor(option.palette.color(QPalette.ColorRole.Text))
            outline.setAlphaF(0.4 if option.state & QStyle.StateFlag.State_Enabled else 0.2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(outline, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
        painter.restore()


def apply_theme(app: QApplication, mode: str = "system") -> bool:
    """Switch the whole app to ``mode``; returns True if the result is dark."""
    if mode not in THEMES:
        mode = "system"
    dark = system_prefers_dark() if mode == "system" else mode == "dark"
    style = DarkQuizDeskStyle if dark else QuizDeskStyle
    if type(app.style()) is not style:
        app.setStyle(style())
    app.setPalette(_dark_palette() if dark else _light_palette())
    app_events().themeChanged.emit(dark)
    return dark


def follow_system_scheme(app: QApplication) -> None:
    """With the "system" theme, switch when the OS switches between light and dark (Qt 6.5+)."""
    hints = QGuiApplication.styleHints()
    signal = getattr(hints, "colorSchemeChanged", None)
    if signal is not None:
        signal.connect(lambda _scheme: apply_theme(app, "system") if saved_theme() == "system" else None)


def saved_theme() -> str:
    """The theme chosen in the settings (QSettings key :data:`THEME_SETTING`), default "system"."""
    from PySide6.QtCore import QSettings

    value = QSettings().value(THEME_SETTING, "system")
    return value if value in THEMES else "system"


def is_dark() -> bool:
    """Whether the current palette is dark (whatever set it)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colors() -> ThemeColors:
    return DARK if is_dark() else LIGHT


def button_css(kind: str = "primary", object_name: str = "") -> str:
    """A style sheet for an emphasised push button.

    ``kind``: "primary" (filled accent), "neutral" (plain, same size as the
    others) or "again" / "hard" / "good" / "easy" (tinted with the grade's
    colour). Scoped to ``object_name`` if given. A checkable neutral button
    shows its checked state in the warning colour (the exam's flag).
    """
    c = colors()
    selector = f"QPushButton#{object_name}" if object_name else "QPushButton"
    if kind == "neutral":
        return (
            f"{selector} {{ color: {c.text}; background: {c.card}; border: 1px solid {c.border}; border-radius: 6px;"
            f" padding: 6px 16px; }}"
            f"{selector}:hover {{ background: {c.card_hover}; border-color: {c.accent}; }}"
            f"{selector}:pressed {{ background: {c.accent_bg}; }}"
            f"{selector}:checked {{ color: {c.warning}; background: {c.warning_bg}; border-color: {c.warning}; }}"
            f"{selector}:disabled {{ color: {c.muted}; background: {c.card_hover}; border-color: {c.border}; }}"
        )
    if kind == "primary":
        fg, bg, border, hover = "#ffffff", c.accent_strong, c.accent_strong, c.accent_strong
    else:
        tint = {"again": (c.danger, c.danger_bg), "hard": (c.warning, c.warning_bg), "good": (c.success, c.success_bg), "easy": (c.accent, c.accent_bg)}
        fg, bg = tint.get(kind, (c.text, c.card))
        border, hover = fg, bg
    return (
        f"{selector} {{ color: {fg}; background: {bg}; border: 1px solid {border}; border-radius: 6px;"
        f" padding: 6px 16px; font-weight: bold; }}"
        f"{selector}:hover {{ background: {hover}; border-width: 2px; padding: 5px 15px; }}"
        f"{selector}:pressed {{ background: {border}; color: #ffffff; }}"
        f"{selector}:disabled {{ color: {c.muted}; background: {c.card_hover}; border-color: {c.border}; }}"
    )
