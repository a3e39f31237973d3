"""File › Year in Review…: a year with viewings chosen (the latest offered first), a PDF
written where the user said, in the interface's language, and the status bar says where."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from tests.ui.test_main_window import make_window


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_a_year_chosen_is_written_where_asked(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mirror = catalog.films.add({"title": "Mirror", "year": 1975, "runtime_minutes": 107})
    for day in (date(2024, 3, 12), date(2025, 3, 12)):
        catalog.films.add_viewing(mirror.id, {"watched_on": day, "rating": 4})
    window = make_window(qtbot, catalog)
    offered: list[list[str]] = []

    def choose(_parent: object, _title: str, _label: str, items: list[str], *_: object):  # type: ignore[no-untyped-def]
        offered.append(list(items))
        return "2024", True

    asked: list[str] = []

    def save(_parent: object, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(Path(start).name)
        return str(tmp_path / "my review"), ""  # the .pdf is added

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.window_actions["year_review"].trigger()
    assert offered == [["2025", "2024"]]
    assert asked == ["review-2024.pdf"]
    out = tmp_path / "my review.pdf"
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "2024 in films" in text and "12 March" in text and "Mirror (1975)" in text
    assert str(out) in window.statusBar().currentMessage()


def test_without_viewings_it_says_why_and_asks_nothing(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog.films.delete_many([film.id for film in catalog.films.all()])
    window = make_window(qtbot, catalog)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: pytest.fail("asked for a year"))
    window.window_actions["year_review"].trigger()
    assert told and "Nothing has been watched" in told[0]
