"""The interface's language: filmdesk's translations and Qt's own, chosen once at start.

The language follows the system (``QLocale.system().uiLanguages()``, i.e. ``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES``, ``LANG`` on Linux) unless the ``language`` setting says ``en`` or
``ru``. Compiled translations live in ``resources/translations/*.qm`` (built from the ``.ts``
files by ``pyside6-lrelease``: scripts/dev-env in a checkout, hatch_build.py for the wheel).
English has a ``.qm`` too, with only the plural forms ("1 film", "2 films").
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from filmdesk.paths import shipped_file

# The setting's values; "system" follows the desktop.
LANGUAGE_SETTINGS = ("system", "en", "ru")
# Languages with a filmdesk translation; the first is the fallback.
LANGUAGES = ("en", "ru")

_installed: list[QTranslator] = []
_YEAR_WORD = re.compile(r"yyyy\s*'[^']*'\.?$")


def translations_dir() -> Path:
    """Where filmdesk's compiled translations (``filmdesk_<lang>.qm``) are."""
    return shipped_file("resources", "translations")


def qt_translations_dir() -> Path:
    """Where Qt's own translations (``qtbase_<lang>.qm``) are."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """The language to use: the setting's, or the first of the system's we have, else English."""
    if setting in LANGUAGES:
        return setting
    system = system or QLocale.system()
    for name in system.uiLanguages():  # e.g. ["ru-RU", "ru", "en-US", "en"]
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return LANGUAGES[0]


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """Formats for dates and numbers: the system's when it speaks ``language`` (so en_GB keeps
    its dates), else the language's usual country."""
    system = system or QLocale.system()
    wanted = QLocale(language)
    if system.language() == wanted.language():
        return system
    return wanted


def install_translators(setting: str, system: QLocale | None = None) -> str:
    """Load filmdesk's and Qt's translations for ``setting`` (system/en/ru); return the language.

    Also makes the language's locale the default, so dates and numbers follow it. Translations
    installed by an earlier call are removed first.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create the application first"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = choose_language(setting, system)
    QLocale.setDefault(locale_for(language, system))
    _short_dates.clear()
    for folder, name in (
        (translations_dir(), f"filmdesk_{language}.qm"),
        (qt_translations_dir(), f"qtbase_{language}.qm"),
    ):
        translator = QTranslator(app)
        if translator.load(str(folder / name)):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def _day_pattern(locale: QLocale) -> str:
    # The long format names the month but also the weekday, which says nothing here.
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    for weekday in ("dddd, ", "dddd ", ", dddd", "dddd"):
        pattern = pattern.replace(weekday, "")
    return pattern.strip()


def format_date(day: date) -> str:
    """A date as people write it in the interface's language: "1 мая 2024 г.", "May 1, 2024"."""
    locale = QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), _day_pattern(locale))


def format_medium_date(day: date) -> str:
    """A date with the month's short name, where space is short: "12 мар. 2024",
    "Mar 12, 2024" (en_GB: "12 Mar 2024")."""
    locale = QLocale()
    pattern = _day_pattern(locale).replace("MMMM", "MMM")
    # Nor the word "year" after it (Russian "2024 г."): the four digits say so.
    pattern = _YEAR_WORD.sub("yyyy", pattern)
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def short_date_format() -> str:
    """The locale's short date format with a four-digit year (films go back to 1874)."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def format_short_date(day: date) -> str:
    """A date in the locale's short form: "01.05.2024", "5/1/2024"."""
    text = _short_dates.get(day)
    if text is None:
        if len(_short_dates) > 50_000:
            _short_dates.clear()
        text = QLocale().toString(QDate(day.year, day.month, day.day), short_date_format())
        _short_dates[day] = text
    return text


# Each day written once in the default locale's short form (the film table writes a page's
# watch dates on every keystroke); forgotten when the default locale changes.
_short_dates: dict[date, str] = {}


def format_number(value: float) -> str:
    """A number in the locale's form, without trailing zeros: "4,5", "4.5", "100 000"."""
    locale = QLocale()
    if float(value).is_integer():
        return locale.toString(int(value))
    return locale.toString(float(value), "g", 12)


def interface_language() -> str:
    """The language the interface speaks now (en or ru): handouts are printed in it."""
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


def format_runtime(minutes: int) -> str:
    """A running time in the interface's language: "1 h 37 min", "1 ч 37 мин"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        text = QCoreApplication.translate("Runtime", "{minutes} min")
    elif not rest:
        text = QCoreApplication.translate("Runtime", "{hours} h")
    else:
        text = QCoreApplication.translate("Runtime", "{hours} h {minutes} min")
    return text.replace("{hours}", str(hours)).replace("{minutes}", str(rest))


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which knows this name) and returns it untranslated; translate
    it with QCoreApplication.translate(context, text) when shown. Typed, unlike PySide6's."""
    return text
