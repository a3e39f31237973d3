"""The viewings column of filmdesk CSV: written by an export, read back by an import."""

from __future__ import annotations

import csv
from datetime import date
from functools import partial
from pathlib import Path

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.exchange.csv_format import HEADER, VIEWINGS_COLUMN, export_csv
from filmdesk.core.exchange.formats import ExportOptions, FilmSelection, film_export
from filmdesk.core.exchange.planning import plan_import


def _export(catalog: Catalog, path: Path) -> list[dict[str, str]]:
    film_export("csv").write(path, FilmSelection(catalog), ExportOptions(bom=False))
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_an_export_lists_every_viewing_and_an_import_brings_them_back(
    catalog: Catalog, tmp_path: Path
) -> None:
    films = catalog.films
    cranes = films.resolve("The Cranes Are Flying")
    films.add_viewing(cranes.id, {"watched_on": date(2021, 5, 9), "rating": 3.5})
    films.add_viewing(cranes.id, {"watched_on": None})
    films.add_viewing(cranes.id, {"watched_on": date(2024, 1, 4), "note": "Better now."})
    path = tmp_path / "films.csv"
    rows = _export(catalog, path)
    assert tuple(rows[0]) == HEADER
    (row,) = [r for r in rows if r["title"] == "The Cranes Are Flying"]
    assert row[VIEWINGS_COLUMN] == "undated rewatch | 2021-05-09 3.5 | 2024-01-04 rewatch"
    assert row["watched_on"] == "2024-01-04"

    other = open_catalog(str(tmp_path / "other.sqlite3")).catalog
    other.imports.apply(plan_import(other, path))
    again = other.films.resolve("The Cranes Are Flying")
    read = [(v.watched_on, v.rating, v.rewatch) for v in other.films.viewings(again.id)]
    assert read == [
        (None, None, True),
        (date(2021, 5, 9), 3.5, False),
        (date(2024, 1, 4), None, True),
    ]
    other.close()
    # Into the catalog it came from: nothing new, nothing changed.
    plan = plan_import(catalog, path)
    assert (len(plan.new), len(plan.updates), plan.problems) == (0, 0, [])


def test_a_viewing_that_cannot_be_read_names_its_line_film_and_column(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "films.csv"
    path.write_text(
        "title,year,watched,viewings\r\n"
        "Quiet Relay,1964,yes,2019-02-03 4 | 2020-13-45\r\n"
        'Glass Harbour,1961,yes,"2018-01-01 | 2023-06-07 4,5 rewatch"\r\n',
        encoding="utf-8",
    )
    plan = plan_import(catalog, path)
    (problem,) = plan.problems
    assert (problem.line, problem.field, problem.film) == (2, VIEWINGS_COLUMN, "Quiet Relay")
    assert "viewing 2" in problem.message and "2020-13-45" in problem.message
    assert [f.fields["title"] for f in plan.new] == ["Glass Harbour"]
    before = len(catalog.films.all())
    catalog.imports.apply(plan, skip_bad_rows=True)
    harbour = catalog.films.resolve("Glass Harbour")
    seen = [(str(v.watched_on), v.rating, v.rewatch) for v in catalog.films.viewings(harbour.id)]
    assert seen == [("2018-01-01", None, False), ("2023-06-07", 4.5, True)]
    assert (harbour.watched, str(harbour.watched_on)) == (True, "2023-06-07")
    assert len(catalog.films.all()) == before + 1


def test_a_file_without_the_column_gives_a_watched_film_one_viewing(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "films.csv"
    path.write_text(
        "title,year,watched,watched_on\r\nQuiet Relay,1964,yes,4/18/2026\r\n", encoding="utf-8"
    )
    catalog.imports.apply(plan_import(catalog, path))
    relay = catalog.films.resolve("Quiet Relay")
    assert [str(v.watched_on) for v in catalog.films.viewings(relay.id)] == ["2026-04-18"]


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_read_a_piece_at_a_time_the_file_is_the_one_read_at_once(
    catalog: Catalog, tmp_path: Path
) -> None:
    """File › Export reads the films ``PIECE`` at a time (a million films' columns are not
    all held at once): the file is the same, every film, in the order asked for."""
    films = catalog.films
    cranes = films.resolve("The Cranes Are Flying").id
    films.add_viewing(cranes, {"watched_on": date(2021, 5, 9), "rating": 3.5})
    films.add_viewing(cranes, {"watched_on": None})
    films.edit(films.resolve("The Letter").id, {"tags": ["war", "classic"]})
    every = [f.id for f in films.all()]
    chosen = [every[7], cranes, every[0], every[9], every[3]]
    for ids in (None, chosen):
        whole, pieces = tmp_path / "whole.csv", tmp_path / "pieces.csv"
        export_csv(whole, films.columns(ids), viewings=films.viewings_of(ids or every))
        for size in (1, 3, 10_000):
            written = films.read_in_pieces(ids, partial(export_csv, pieces), size=size)
            assert written == len(ids or every)
            assert _text(pieces) == _text(whole), (ids, size)
    film_export("csv").write(pieces, FilmSelection(catalog, chosen), ExportOptions())
    assert _text(pieces) == _text(whole)


def test_what_another_program_changes_during_an_export_is_not_in_the_file(
    catalog: Catalog, database: str, tmp_path: Path
) -> None:
    """The pieces are read from one snapshot of the catalog: a film deleted, one renamed and a
    viewing added by a second program between two pieces leave the file as the catalog was
    when the export began."""
    films = catalog.films
    every = [f.id for f in films.all()]
    before, during = tmp_path / "before.csv", tmp_path / "during.csv"
    export_csv(before, films.columns(), viewings=films.viewings_of(every))
    other = open_catalog(database).catalog
    changed: list[int] = []

    def meanwhile(done: int, total: int) -> None:
        if done >= 3 and not changed:  # (the first piece is written; the rest not yet read)
            other.films.delete(every[8])
            other.films.edit(every[9], {"title": "Renamed Meanwhile"})
            other.films.add_viewing(every[6], {"watched_on": date(2025, 2, 2)})
            changed.append(done)

    try:
        written = films.read_in_pieces(
            None, lambda p: export_csv(during, p, progress=meanwhile), size=3
        )
    finally:
        other.close()
    assert changed and written == len(every)
    assert _text(during) == _text(before)
    assert films.get(every[9]).title == "Renamed Meanwhile"  # (it was written meanwhile)
    assert len(films.all()) == len(every) - 1
