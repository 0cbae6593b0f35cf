"""Chinese content is drawn with a Simplified Chinese face in every UI language.

The bank is Simplified Chinese, but which CJK face Qt falls back to for a Han
character depends on the locale: fontconfig answers an English (or any
non-Chinese) locale with Noto Sans CJK *JP*, whose ？ ； ： are centred in
their cell and whose 直 骨 differ from the mainland forms. Listing the
Simplified Chinese faces after the UI's own family makes Qt take them for
every character the first family lacks, whatever the locale; Latin text keeps
the system's UI font. A family that is not installed is skipped by Qt.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication

#: Simplified Chinese sans faces, most common first (Linux, then Windows and macOS).
SIMPLIFIED_CHINESE_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
)


def with_simplified_chinese(font: QFont) -> QFont:
    """``font`` with the Simplified Chinese faces after the family it resolves to.

    The resolved family, not the requested one: the system font is often an
    alias ("Sans Serif") that QFontDatabase does not list, and in a family
    list Qt would skip it and draw Latin text with the CJK face as well."""
    own = [QFontInfo(font).family()]
    families = own + [name for name in SIMPLIFIED_CHINESE_FAMILIES if name not in own]
    result = QFont(font)
    result.setFamilies(families)
    return result


def apply_content_font(app: QApplication) -> None:
    """Make the application font (which every widget, label, list and answer
    view inherits) prefer the Simplified Chinese faces for Han characters."""
    app.setFont(with_simplified_chinese(app.font()))
