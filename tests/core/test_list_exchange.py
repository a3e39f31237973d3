"""A screening list in and out of files: its CSV, Letterboxd's list CSV, Letterboxd's lists."""

from __future__ import annotations

import csv
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange import UnreadableFileError
from filmdesk.core.exchange.letterboxd import LIST_EXPORT_COLUMNS, export_letterboxd_list
from filmdesk.core.exchange.list_csv import COLUMNS, export_list_csv
from filmdesk.core.exchange.planning import plan_import
from filmdesk.core.records import ScreeningListRecord


@pytest.fixture
def year9(catalog: Catalog) -> ScreeningListRecord:
    """Three films: one with a day, one with a day and time and a two-line note, one screened."""
    ids = {f.title: f.id for f in catalog.films.all()}
    made = catalog.lists.create("Year 9", audience="9B")
    catalog.lists.add(
        made.id, [ids["The Letter"], ids["The Cranes Are Flying"], ids["The Stationmaster"]]
    )
    catalog.films.add({"title": "=Formula", "year": 2001})
    catalog.films.edit(
        ids["The Cranes Are Flying"],
        {"imdb_id": "tt0050634", "letterboxd_uri": "https://boxd.it/2bWk"},
    )
    catalog.lists.schedule(made.id, ids["The Letter"], date(2026, 12, 1))
    catalog.lists.edit_entry(
        made.id,
        ids["The Cranes Are Flying"],
        {"scheduled_at": datetime(2026, 12, 8, 10, 30), "note": 'Вопросы:\n1. "Who" writes, why?'},
    )
    catalog.lists.set_screened(made.id, ids["The Stationmaster"], on=date(2025, 11, 3))
    return catalog.lists.get(made.id)


def read_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8-sig", newline="")))


def test_list_csv_has_the_entries_in_order_with_dates_and_notes(
    year9: ScreeningListRecord, tmp_path: Path
) -> None:
    out = tmp_path / "year-9.csv"
    assert export_list_csv(out, year9) == 3
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_rows(out)
    assert tuple(rows[0]) == COLUMNS
    assert [(r["position"], r["title"], r["date"], r["time"]) for r in rows] == [
        ("1", "The Letter", "2026-12-01", ""),
        ("2", "The Cranes Are Flying", "2026-12-08", "10:30"),
        ("3", "The Stationmaster", "", ""),
    ]
    cranes = rows[1]
    assert cranes["note"] == 'Вопросы:\n1. "Who" writes, why?'
    assert (cranes["original_title"], cranes["directors"], cranes["runtime_minutes"]) == (
        "Летят журавли", "Mikhail Kalatozov", "97"
    )  # fmt: skip
    assert (cranes["imdb_id"], cranes["screened"]) == ("tt0050634", "no")
    assert (rows[2]["screened"], rows[2]["screened_on"]) == ("yes", "2025-11-03")


def test_list_csv_round_trip_into_another_catalog(
    catalog: Catalog, year9: ScreeningListRecord, tmp_path: Path
) -> None:
    from filmdesk.core.catalog import open_catalog

    out = tmp_path / "Year 9.csv"
    export_list_csv(out, year9, delimiter=";")
    other = open_catalog(str(tmp_path / "other.sqlite3")).catalog
    plan = plan_import(other, out)
    assert plan.format == "list-csv" and plan.problems == []
    assert (len(plan.new), plan.unchanged + len(plan.updates)) == (0, 3)  # all in the seed
    other.imports.apply(plan)
    (summary,) = other.lists.summaries()
    copy = other.lists.get(summary.id)
    assert copy.name == "Year 9"
    strip = lambda r: [  # noqa: E731
        (e.position, e.film.title, e.scheduled_at, e.note, e.screened, e.screened_on)
        for e in r.entries
    ]
    assert strip(copy) == strip(year9)
    other.close()


def test_a_bad_list_csv_row_names_its_line_and_field(catalog: Catalog, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "position,date,time,title,year,note\n"
        "1,2026-12-01,10:30,The Letter,1982,fine\n"
        "2,2026-12-32,,Mirror,1975,\n"
        "3,,09:00,,1975,\n",
        encoding="utf-8",
    )
    plan = plan_import(catalog, bad)
    assert plan.format == "list-csv"
    found = sorted((p.line, p.field) for p in plan.problems)
    assert found == [(3, "scheduled_at"), (4, "time"), (4, "title")]


def test_letterboxd_list_export(year9: ScreeningListRecord, tmp_path: Path) -> None:
    out = tmp_path / "letterboxd-list.csv"
    assert export_letterboxd_list(out, year9) == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == LIST_EXPORT_COLUMNS
    assert [(r["Position"], r["Title"], r["Year"]) for r in rows] == [
        ("1", "The Letter", "1982"),
        ("2", "The Cranes Are Flying", "1957"),
        ("3", "The Stationmaster", "1972"),
    ]
    cranes = rows[1]
    assert (cranes["imdbID"], cranes["LetterboxdURI"], cranes["Directors"]) == (
        "tt0050634", "https://boxd.it/2bWk", "Mikhail Kalatozov"
    )  # fmt: skip
    assert cranes["Review"] == 'Вопросы:\n1. "Who" writes, why?'


LIST = """Letterboxd list export v7
Date,Name,Tags,URL,Description
2024-05-01,Зимние письма,"school, winter",https://letterboxd.com/someone/list/winter/,"For 9B.
Two lines."

Position,Name,Year,URL,Description
3,Wings,1966,https://boxd.it/1Kx2,
1,The Cranes Are Flying,1957,https://boxd.it/2bWk,"Stairs scene, 40 min in"
2,Зеркало,1975,https://boxd.it/abcd,
"""


def test_a_letterboxd_list_becomes_an_ordered_screening_list(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "winter.csv"
    path.write_text(LIST, encoding="utf-8")
    plan = plan_import(catalog, path)
    assert plan.format == "letterboxd" and plan.problems == []
    assert "screening list 'Зимние письма' (3 films)" in plan.summary()
    result = catalog.imports.apply(plan)
    assert len(result.added) == 2 and len(result.lists_added) == 1
    winter = catalog.lists.get(result.lists_added[0])
    assert (winter.name, winter.description) == ("Зимние письма", "For 9B.\nTwo lines.")
    assert [e.film.title for e in winter.entries] == ["The Cranes Are Flying", "Зеркало", "Wings"]
    assert winter.entries[0].note == "Stairs scene, 40 min in"
    assert catalog.films.resolve("Wings").tags == ()  # a list is no longer a tag


def test_a_letterboxd_list_import_is_all_or_nothing(catalog: Catalog, tmp_path: Path) -> None:
    before = (catalog.films.all(), catalog.lists.summaries())
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("lists/winter.csv", LIST)
        out.writestr(
            "ratings.csv",
            "Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,Mirror,1975,https://boxd.it/m,7\n",
        )
    plan = plan_import(catalog, archive)
    assert [p.field for p in plan.problems] == ["rating"]
    with pytest.raises(UnreadableFileError):
        catalog.imports.apply(plan)
    assert (catalog.films.all(), catalog.lists.summaries()) == before


def test_a_cancelled_letterboxd_import_leaves_no_list(catalog: Catalog, tmp_path: Path) -> None:
    from filmdesk.core.progress import ImportCancelled

    before = (catalog.films.all(), catalog.lists.summaries())
    path = tmp_path / "winter.csv"
    path.write_text(LIST, encoding="utf-8")

    def cancel(done: int, total: int) -> None:
        raise ImportCancelled

    with pytest.raises(ImportCancelled):
        catalog.imports.apply(plan_import(catalog, path), progress=cancel)
    assert (catalog.films.all(), catalog.lists.summaries()) == before
