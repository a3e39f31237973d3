"""Every GUI string is translated, translations keep their placeholders, and the window speaks
Russian or English as chosen.

When a test here fails after you added or changed a string: run scripts/update-translations,
translate what it lists in resources/translations/filmdesk_ru.ts (pyside6-linguist, or an
editor: fill <translation>, remove type="unfinished"; plural forms for 1 / 2-4 / 5 films), and
run it again.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.ui.dialogs.about_dialog import AboutDialog
from filmdesk.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from filmdesk.ui.films.film_order import Column
from filmdesk.ui.main_window import MainWindow
from filmdesk.ui.shell.i18n import (
    choose_language,
    format_date,
    format_short_date,
    install_translators,
)

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = [*sorted((ROOT / "src" / "filmdesk" / "ui").rglob("*.py")), ROOT / "src/filmdesk/app.py"]
HOW_TO_FIX = (
    "\nRun scripts/update-translations, translate what it lists in "
    "resources/translations/filmdesk_ru.ts (pyside6-linguist or an editor), and run it again."
)
FORMS = {"ru": 3, "en": 2}  # plural forms: ru 1 / 2-4 / 5 (фильм, фильма, фильмов); en 1 / 2
PLACEHOLDER = re.compile(r"%L?n|%\d|\{\w+\}")


def messages(language: str) -> Iterator[tuple[str, ET.Element]]:
    root = ET.parse(TRANSLATIONS / f"filmdesk_{language}.ts").getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_message_is_translated_and_keeps_its_placeholders(language: str) -> None:
    problems = []
    for context, message in messages(language):
        source = message.findtext("source") or ""
        where = f"[{context}] {source!r}"
        kind = message.find("translation").get("type")  # type: ignore[union-attr]
        if kind in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{where}: {kind}")
            continue
        forms = translations_of(message)
        if message.get("numerus") == "yes" and len(forms) != FORMS[language]:
            problems.append(f"{where}: {len(forms)} plural forms, {language} has {FORMS[language]}")
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for form in forms:
            if not form.strip():
                problems.append(f"{where}: empty translation")
            elif sorted(set(PLACEHOLDER.findall(form))) != wanted:
                problems.append(f"{where}: {form!r} does not keep the placeholders {wanted}")
            elif "&" in source.replace("&&", "") and "&" not in form.replace("&&", ""):
                problems.append(f"{where}: {form!r} lost the keyboard mnemonic (&)")
    assert not problems, "\n".join(problems) + HOW_TO_FIX


def calls_in(path: Path) -> Iterator[tuple[str, str, bool, int]]:
    """(context, source, plural, line) of every tr()/translate()/QT_TRANSLATE_NOOP with text."""

    class Finder(ast.NodeVisitor):
        def __init__(self) -> None:
            self.classes: list[str] = []
            self.found: list[tuple[str, str, bool, int]] = []

        def visit_ClassDef(self, node: ast.ClassDef) -> None:
            self.classes.append(node.name)
            self.generic_visit(node)
            self.classes.pop()

        def visit_Call(self, node: ast.Call) -> None:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if (
                name == "tr"
                and self.classes
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                plural = len(node.args) >= 3
                self.found.append((self.classes[-1], str(texts[0]), plural, node.lineno))
            elif (
                name in ("translate", "QT_TRANSLATE_NOOP")
                and len(node.args) >= 2
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[1], ast.Constant)
            ):
                plural = len(node.args) >= 4
                self.found.append((str(texts[0]), str(texts[1]), plural, node.lineno))
            self.generic_visit(node)

    finder = Finder()
    finder.visit(ast.parse(path.read_text(encoding="utf-8")))
    yield from finder.found


def test_every_string_in_the_code_is_in_the_translation() -> None:
    known = {(c, m.findtext("source")): m.get("numerus") == "yes" for c, m in messages("ru")}
    plurals = {(c, m.findtext("source")) for c, m in messages("en")}
    problems = []
    for path in SOURCES:
        for context, source, plural, line in calls_in(path):
            where = f"{path.relative_to(ROOT)}:{line} [{context}] {source!r}"
            if (context, source) not in known:
                problems.append(f"{where}: not in filmdesk_ru.ts")
            elif known[(context, source)] != plural:
                # lupdate's Python reader missed the count (e.g. a call as translate()'s count).
                problems.append(f"{where}: plural in the code, not in the .ts (or the reverse)")
            elif plural and (context, source) not in plurals:
                problems.append(f"{where}: no English plural forms in filmdesk_en.ts")
    assert not problems, "\n".join(problems) + HOW_TO_FIX


@pytest.mark.skipif(not shutil.which("pyside6-lupdate"), reason="pyside6-lupdate not on PATH")
def test_the_translation_sources_are_up_to_date(tmp_path: Path) -> None:
    # What scripts/update-translations would do, on a copy: nothing may come out unfinished.
    copy = tmp_path / "filmdesk_ru.ts"
    shutil.copy(TRANSLATIONS / "filmdesk_ru.ts", copy)
    subprocess.run(
        ["pyside6-lupdate", "-extensions", "py", "-locations", "none", "-no-obsolete", "-silent",
         "src/filmdesk/ui", "src/filmdesk/app.py", "-ts", str(copy)],
        cwd=ROOT, check=True, timeout=120,
    )  # fmt: skip
    root = ET.parse(copy).getroot()
    todo = [
        f"[{c.findtext('name')}] {m.findtext('source')!r}"
        for c in root.iter("context")
        for m in c.iter("message")
        if m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert not todo, "not translated yet:\n" + "\n".join(todo) + HOW_TO_FIX


def test_the_language_follows_the_system_unless_set() -> None:
    russian, german = QLocale("ru_RU"), QLocale("de_DE")
    assert choose_language("system", russian) == "ru"
    assert choose_language("system", german) == "en"  # no German: English
    assert choose_language("en", russian) == "en"
    assert choose_language("ru", german) == "ru"


@pytest.fixture
def russian() -> Iterator[None]:
    install_translators("ru")
    yield
    install_translators("en")


def make_window(qtbot: QtBot, catalog: Catalog) -> MainWindow:
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def headers(window: MainWindow) -> list[str]:
    return [window.films.model.headerData(c, Qt.Orientation.Horizontal) for c in Column]


def test_the_window_in_russian(qtbot: QtBot, catalog: Catalog, russian: None) -> None:
    window = make_window(qtbot, catalog)
    assert menu_titles(window) == ["&Файл", "&Правка", "&Вид", "&Справка"]
    assert headers(window)[:3] == ["Название", "Оригинал", "Год"]
    assert window.status_label.text() == "10 фильмов · 0 просмотрено"
    plural = {n: window.films.tr("%Ln film(s)", "", n) for n in (1, 2, 5, 11, 21, 22)}
    assert plural == {
        1: "1 фильм", 2: "2 фильма", 5: "5 фильмов", 11: "11 фильмов", 21: "21 фильм",
        22: "22 фильма",
    }  # fmt: skip
    assert window.window_actions["new_film"].text() == "&Новый фильм…"
    # Qt's own texts come from qtbase_ru.qm.
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == (
        "Отмена"
    )
    assert format_date(date(2026, 5, 1)) == "1 мая 2026\u202fг."  # a narrow no-break space
    assert QLocale().toString(4.5, "g", 3) == "4,5"


def test_short_dates_follow_the_language_when_it_changes() -> None:
    """The film table's watch dates are written once per day and kept: a new language
    writes them anew."""
    day = date(2026, 5, 1)
    install_translators("en")
    english = format_short_date(day)
    assert "2026" in english and english != "01.05.2026"
    install_translators("ru")
    try:
        assert format_short_date(day) == "01.05.2026"
    finally:
        install_translators("en")
    assert format_short_date(day) == english


def test_the_window_in_english(qtbot: QtBot, catalog: Catalog) -> None:
    install_translators("en")
    window = make_window(qtbot, catalog)
    assert menu_titles(window) == ["&File", "&Edit", "&View", "&Help"]
    assert headers(window)[:3] == ["Title", "Original title", "Year"]
    assert window.status_label.text() == "10 films · 0 watched"
    assert [window.films.tr("%Ln film(s)", "", n) for n in (1, 2)] == ["1 film", "2 films"]
    tr = QCoreApplication.translate
    assert tr("Commands", "Import {file}") == "Import {file}"


def test_keyboard_shortcuts_sheet_lists_the_window_shortcuts(
    qtbot: QtBot, catalog: Catalog
) -> None:
    window = make_window(qtbot, catalog)
    dialog = ShortcutsDialog(window.window_actions.shortcut_sections(), window)
    qtbot.addWidget(dialog)
    rows = dict(dialog.rows())
    assert rows["New Film…"] == "Ctrl+N"
    assert rows["Mark Watched"] == "Ctrl+W"
    assert rows["Keyboard Shortcuts"] == "F1"
    assert "Ctrl+Shift+Z" in rows["Redo"]
    assert "Clear the search" in rows


def test_about_shows_version_licence_and_data_folder(qtbot: QtBot, catalog: Catalog) -> None:
    from filmdesk import __version__
    from filmdesk.paths import data_dir

    dialog = AboutDialog("sqlite:///x.sqlite3")
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert __version__ in text
    assert "GPL-3.0-or-later" in text
    assert str(data_dir()) in text
    assert "https://github.com/filmdesk/filmdesk" in text


def test_language_setting_is_kept(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = make_window(qtbot, catalog)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    (russian,) = [a for a in window.language_group.actions() if a.data() == "ru"]
    russian.trigger()
    assert window.settings.value("language") == "ru"
