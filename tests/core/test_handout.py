"""The handout of a screening list: PDF and HTML, entries in order, Cyrillic included."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange.handout import (
    HandoutOptions,
    export_handout_html,
    export_handout_pdf,
    render_handout_html,
    render_handout_pdf,
)
from filmdesk.core.records import ScreeningListRecord

ORDER = ["The Cranes Are Flying", "Зеркало", "The Letter", "The Ballad of a Soldier"]


@pytest.fixture
def year9(catalog: Catalog) -> ScreeningListRecord:
    catalog.films.add(
        {
            "title": "Зеркало",
            "year": 1975,
            "directors": ["Андрей Тарковский"],
            "runtime_minutes": 107,
            "description": "Фильм о памяти, снах и письмах.",
            "fact": "Тарковский снимал в фильме свою мать.",
        }
    )
    ids = {f.title: f.id for f in catalog.films.all()}
    made = catalog.lists.create(
        "Девятый класс: письма", audience="9Б", description="Фильмы, где письмо двигает сюжет."
    )
    catalog.lists.add(made.id, [ids[t] for t in ORDER])
    catalog.lists.edit_entry(
        made.id,
        ids["The Cranes Are Flying"],
        {"scheduled_at": datetime(2026, 12, 4, 10, 30), "note": "Вопрос: кто пишет письмо?"},
    )
    catalog.lists.schedule(made.id, ids["Зеркало"], date(2026, 12, 11))
    return catalog.lists.get(made.id)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; scripts/dev-env installs it")
    path = tmp_path / "handout.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        capture_output=True, text=True, encoding="utf-8", check=True, timeout=60,
    ).stdout  # fmt: skip


def positions(text: str, words: list[str]) -> list[int]:
    found = [text.find(w) for w in words]
    assert -1 not in found, [w for w, at in zip(words, found, strict=True) if at < 0]
    return found


def test_pdf_has_the_heading_then_every_entry_in_order(
    year9: ScreeningListRecord, tmp_path: Path
) -> None:
    text = pdf_text(render_handout_pdf(year9), tmp_path)
    heading = positions(text, ["Девятый класс: письма", "For 9Б", "Фильмы, где письмо"])
    assert heading == sorted(heading)
    titles = positions(text, ORDER)
    assert titles == sorted(titles) and titles[0] > heading[-1]
    assert "FRIDAY 4 DECEMBER 2026, 10:30" in text[heading[-1] : titles[0]]  # above its title
    cranes = text[titles[0] : titles[1]]
    for words in [
        "(Летят журавли)",
        "1957 · Mikhail Kalatozov · 1 h 37 min",
        "Did you know?",
        "TEACHER’S NOTE",
        "Вопрос: кто пишет письмо?",
    ]:
        assert words in cranes
    mirror = text[titles[1] : titles[2]]
    assert "FRIDAY 11 DECEMBER 2026" in cranes and "10:30" not in mirror
    assert "1975 · Андрей Тарковский · 1 h 47 min" in mirror
    assert "Тарковский снимал в фильме свою мать." in mirror
    assert "4 films · 4 h 52 min (runtime unknown for 1)" in text
    assert "page 1 of 1" in text


def test_descriptions_facts_and_notes_can_be_left_out(
    year9: ScreeningListRecord, tmp_path: Path
) -> None:
    bare = HandoutOptions(descriptions=False, facts=False, notes=False)
    text = pdf_text(render_handout_pdf(year9, bare), tmp_path)
    assert positions(text, ORDER) == sorted(positions(text, ORDER))
    for gone in ["Did you know?", "TEACHER’S NOTE", "Вопрос", "Фильм о памяти"]:
        assert gone not in text
    page = render_handout_html(year9, bare)
    for gone in ["Did you know?", "Teacher’s note", "Вопрос", "Фильм о памяти"]:
        assert gone not in page


def test_ruled_lines_for_students_and_pages_numbered(
    catalog: Catalog, year9: ScreeningListRecord, tmp_path: Path
) -> None:
    for number in range(12):
        film = catalog.films.add({"title": f"Фильм {number}", "description": "Описание. " * 30})
        catalog.lists.add(year9.id, [film.id], note="Заметка " * 20)
    longer = catalog.lists.get(year9.id)
    data = render_handout_pdf(longer, HandoutOptions(student_lines=4))
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert pages >= 4 and b"DejaVu" in data
    text = pdf_text(data, tmp_path)
    assert text.count("Your notes") == 16
    assert f"page {pages} of {pages}" in text
    # Each film's block stays on one page: its number, title and notes share a page.
    for page in text.split("\f"):
        for title in re.findall(r"Фильм \d+", page):
            assert "Your notes" in page.split(title, 1)[1]
    with pytest.raises(ValueError, match="student_lines: 31"):
        HandoutOptions(student_lines=31)


def test_html_handout(year9: ScreeningListRecord, tmp_path: Path) -> None:
    page = render_handout_html(year9, HandoutOptions(student_lines=2))
    assert '<meta charset="utf-8">' in page and "<h1>Девятый класс: письма</h1>" in page
    at = positions(page, ORDER)
    assert at == sorted(at)
    assert "Friday 4 December 2026, 10:30" in page and "(Летят журавли)" in page
    assert page.count('<div class="lines">') == 4 and "break-inside: avoid" in page
    out = tmp_path / "handout.html"
    assert export_handout_html(out, year9) == 4
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    pdf = tmp_path / "handout.pdf"
    assert export_handout_pdf(pdf, year9) == 4 and pdf.read_bytes()[:4] == b"%PDF"


def test_an_empty_list_prints_its_heading(catalog: Catalog, tmp_path: Path) -> None:
    empty = catalog.lists.create("Nothing yet <b>")
    assert "0 films" in pdf_text(render_handout_pdf(empty), tmp_path)
    assert "<h1>Nothing yet &lt;b&gt;</h1>" in render_handout_html(empty)


def test_a_handout_in_russian_has_its_own_words_and_dates_in_russian(
    year9: ScreeningListRecord,
) -> None:
    page = render_handout_html(year9, HandoutOptions(student_lines=2, language="ru"))
    for words in ("Знаете ли вы?", "Заметка учителя", "Ваши заметки", 'lang="ru"'):
        assert words in page
    assert "Did you know" not in page and "Teacher" not in page
    assert re.search(r"\d+ фильм(а|ов)? · \d+ ч \d+ мин", page)
    assert re.search(r"(понедельник|вторник|среда|четверг|пятница|суббота|воскресенье), "
                     r"\d+ (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
                     r"|ноября|декабря) \d{4} г\.", page)  # fmt: skip
    with pytest.raises(ValueError, match="language"):
        HandoutOptions(language="de")
