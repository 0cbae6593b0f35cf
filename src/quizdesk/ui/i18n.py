"""The UI language: which one, loading its translations, switching at run time,
and dates / numbers written the way that language writes them.

The language is "system" (follow ``QLocale.system()``), "zh_CN" or "en",
stored in QSettings under :data:`LANGUAGE_SETTING`. :func:`install_language`
replaces the app's translators; Qt then sends ``QEvent.LanguageChange`` to
every widget, and each screen re-applies its texts in ``retranslate_ui()``
(called from its ``changeEvent``), so nothing on screen is rebuilt and an exam
in progress keeps its answers, page and clock.

Compiled catalogues (``quizdesk_<lang>.qm``) live in ``resources/i18n`` of the
bundle root (the repository from source, the unpacked folder in a PyInstaller
build); Qt's own strings (standard buttons, context menus, the file dialogs)
come from the ``qtbase_<lang>.qm`` PySide6 ships, and what that catalogue
lacks for Qt 6 or words oddly from our ``qtbase_fixes_<lang>.qm`` beside ours.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from quizdesk.core.paths import resources_dir

#: QSettings key holding "system", "zh_CN" or "en" (written by the settings dialog).
LANGUAGE_SETTING = "appearance/language"
CHOICES = ("system", "zh_CN", "en")
LANGUAGES = ("zh_CN", "en")
CATALOGUE_PREFIX = "quizdesk_"
#: Our corrections to Qt's own catalogue (resources/i18n/qtbase_fixes_<lang>.ts, written by hand).
QT_FIXES_PREFIX = "qtbase_fixes_"

_installed: list[QTranslator] = []
_current = "en"


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def qt_translations_dir(language: str = "zh_CN") -> Path:
    """The folder holding Qt's own ``qtbase_<language>.qm``: where Qt says, else inside
    the PySide6 package (the same folder in a PyInstaller bundle)."""
    qt_says = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if (qt_says / f"qtbase_{language}.qm").is_file():
        return qt_says
    return Path(PySide6.__file__).parent / "Qt" / "translations"


def catalogue_files(language: str) -> list[Path]:
    """The ``.qm`` files a language installs, in installation order: Qt asks the last one first,
    so ours come after Qt's and win where both translate a string."""
    ours = translations_dir() / f"{CATALOGUE_PREFIX}{language}.qm"
    if language == "en":
        return [ours]
    return [qt_translations_dir(language) / f"qtbase_{language}.qm", translations_dir() / f"{QT_FIXES_PREFIX}{language}.qm", ours]


def saved_language() -> str:
    """The choice stored in the settings: "system" (the default), "zh_CN" or "en"."""
    value = QSettings().value(LANGUAGE_SETTING, "system")
    return value if value in CHOICES else "system"


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """The language a choice means: "zh_CN" or "en". "system" takes Chinese
    for any Chinese locale (Simplified is the only Chinese we have) and English
    for everything else."""
    if choice in LANGUAGES:
        return choice
    locale = system if system is not None else QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"
    for name in locale.uiLanguages():  # e.g. an English locale with Chinese preferred for UIs
        if name.lower().startswith("zh"):
            return "zh_CN"
        if name.lower().startswith("en"):
            return "en"
    return "en"


def formatting_locale(language: str, system: QLocale | None = None) -> QLocale:
    """The locale dates and numbers follow: the system's when it speaks the UI
    language (a British user keeps day/month order), else the language's own."""
    system = system if system is not None else QLocale.system()
    wanted = QLocale.Language.Chinese if language == "zh_CN" else QLocale.Language.English
    if system.language() == wanted:
        return system
    if wanted == QLocale.Language.Chinese:
        return QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedHanScript, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def current_language() -> str:
    """The language installed now: "zh_CN" or "en"."""
    return _current


def is_english() -> bool:
    return _current == "en"


def content_name(name: str, name_en: str) -> str:
    """A module or topic name from the bank in the UI's language (Chinese when no English one)."""
    return name_en if name_en and is_english() else name


def _load(translator: QTranslator, path: Path) -> bool:
    return path.is_file() and translator.load(str(path))


def install_language(choice: str = "system", app: QCoreApplication | None = None) -> str:
    """Make ``choice`` the UI language now; returns the language installed.

    Removing and installing translators makes Qt send ``LanguageChange`` to
    every widget. A missing catalogue is not an error: the English source
    strings show.
    """
    global _current
    app = app or QCoreApplication.instance()
    language = resolve_language(choice)
    removed = bool(_installed)
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(formatting_locale(language))
    _current = language
    for path in catalogue_files(language):
        translator = QTranslator()
        if _load(translator, path) and app is not None:
            app.installTranslator(translator)
            _installed.append(translator)
    if app is not None:
        from PySide6.QtCore import QEvent

        if not removed and not _installed:
            # Qt posts LanguageChange only when a translator comes or goes; the
            # screens re-read texts (and topic names) on every switch all the same.
            QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
        # Deliver it now, so the screens show the new language when this returns:
        # the app's event first, which posts one to each window, then those.
        for _round in range(2):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return language


def installed_catalogues() -> list[str]:
    """File paths of the catalogues in use (for the About box and tests)."""
    return [t.filePath() for t in _installed]


# -- dates and numbers ---------------------------------------------------------
def _locale() -> QLocale:
    return QLocale()  # the default locale, set by install_language


def format_datetime(moment: datetime) -> str:
    """A moment in local time, short form: "3/4/25 2:05 PM" / "2025/3/4 14:05"."""
    from PySide6.QtCore import QTime

    local = moment.astimezone() if moment.tzinfo is not None else moment
    clock = _locale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{format_date(local.date())} {clock}"


def format_date(day: date) -> str:
    from PySide6.QtCore import QDate

    return _locale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def format_percent(fraction: float, decimals: int = 0) -> str:
    """``0.873`` → "87%" (the locale's digits and sign)."""
    number = _locale().toString(fraction * 100, "f", decimals)
    return f"{number}%"


def format_number(value: float, decimals: int = 0) -> str:
    """Grouped digits: 12,345 / 12,345.6."""
    return _locale().toString(float(value), "f", decimals) if decimals else _locale().toString(int(round(value)))


def format_size(size: int) -> str:
    """A file size for people: "1.2 MB", "640 KB"."""
    return _locale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def remove_translations(app: QCoreApplication | None = None) -> None:
    """Back to the untranslated source strings and the system locale (tests use this between cases)."""
    global _current
    app = app or QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale.system())
    _current = "en"
