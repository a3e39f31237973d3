"""filmdesk CSV both ways, with real-shaped files from tests/data."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.exchange import UnreadableFileError
from filmdesk.core.exchange.csv_format import export_csv, neutralise, restore
from filmdesk.core.exchange.planning import plan_import

DATA = Path(__file__).resolve().parent.parent / "data"


def comparable(catalog: Catalog) -> list[object]:
    # Ids and seed keys belong to one catalog; everything else must survive a round trip.
    return sorted(
        (
            replace(f, id=0, seed_key=None, created_at=None, updated_at=None)
            for f in catalog.all_films()
        ),
        key=lambda f: (f.title, f.year or 0),
    )


def empty_catalog(path: Path) -> Catalog:
    catalog = open_catalog(str(path)).catalog
    for film in catalog.all_films():
        catalog.delete_film(film.id)
    return catalog


def test_round_trip_into_an_empty_catalog_gives_identical_data(
    catalog: Catalog, tmp_path: Path
) -> None:
    cranes = catalog.resolve_film("The Cranes Are Flying")
    catalog.edit_film(
        cranes.id,
        {
            "rating": 4.5,
            "watched_on": "2026-11-01",
            "notes": 'Line 1\n"quoted", and; commas\n=SUM(A1)\n-dash',
            "tags": ["war", "Классика"],
            "trailer_url": "https://example.org/cranes",
            "imdb_id": "tt0050634",
        },
    )
    catalog.add_film({"title": "=cmd|' /C calc'!A0", "year": 2000, "directors": ["A", "B"]})
    out = tmp_path / "films.csv"
    assert export_csv(out, catalog.all_films()) == 11
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the Cyrillic right

    other = empty_catalog(tmp_path / "other.sqlite3")
    plan = plan_import(other, out)
    assert (len(plan.new), len(plan.updates), plan.unchanged, plan.problems) == (11, 0, 0, [])
    other.apply_import(plan)
    assert comparable(other) == comparable(catalog)
    # Importing the same file again adds nothing.
    again = plan_import(other, out)
    assert (len(again.new), len(again.updates), again.unchanged) == (0, 0, 11)


def test_formula_cells_are_neutralised_in_the_file(catalog: Catalog, tmp_path: Path) -> None:
    catalog.add_film({"title": '=HYPERLINK("x")', "notes": "@SUM(1)", "tags": ["+tag"]})
    out = tmp_path / "films.csv"
    export_csv(out, catalog.all_films(), bom=False)
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert ",".join(rows[0]) == (
        "title,original_title,year,directors,countries,runtime_minutes,description,fact,"
        "trailer_url,availability_note,availability_checked_on,imdb_id,letterboxd_uri,rating,"
        "watched,watched_on,notes,tags"
    )
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    for text in ["=1", "'=1", "''+x", "'plain", "-", "\tx", "safe"]:
        assert restore(neutralise(text)) == text


@pytest.mark.parametrize("name", ["excel_cp1251_semicolon.csv", "utf8_bom.csv", "utf16_bom.csv"])
def test_encodings_and_separators(tmp_path: Path, name: str) -> None:
    catalog = empty_catalog(tmp_path / "c.sqlite3")
    plan = plan_import(catalog, DATA / name)
    assert plan.problems == []
    catalog.apply_import(plan)
    mirror = catalog.resolve_film("Зеркало")
    assert mirror.directors == ("Андрей Тарковский",)
    assert mirror.notes == "Смотрели всей семьёй;\nобсудить сон"
    assert mirror.tags == ("драма", "классика")
    assert (mirror.rating, mirror.watched, mirror.imdb_id) == (5.0, True, "tt0072443")
    assert catalog.list_films("ежик")[0].title == "Ёжик в тумане"


def test_formula_cells_from_filmdesk_are_restored(tmp_path: Path) -> None:
    catalog = empty_catalog(tmp_path / "c.sqlite3")
    catalog.apply_import(plan_import(catalog, DATA / "formula_cells.csv"))
    (film,) = catalog.all_films()
    assert film.title == '=HYPERLINK("http://evil")'
    assert film.description == "-starts with a dash"
    assert (film.notes, film.tags) == ("@note", ("+tag",))


def test_a_bad_row_names_its_line_and_field_and_nothing_is_imported(tmp_path: Path) -> None:
    catalog = empty_catalog(tmp_path / "c.sqlite3")
    plan = plan_import(catalog, DATA / "bad_year_line57.csv")
    (problem,) = plan.problems
    assert (problem.line, problem.field) == (57, "year")
    assert "line 57, year" in str(problem) and "abc" in str(problem)
    with pytest.raises(UnreadableFileError):
        catalog.apply_import(plan)
    assert catalog.all_films() == []
    # The user may choose to skip it: the other 56 films come in, in one step.
    result = catalog.apply_import(plan, skip_bad_rows=True)
    assert len(result.added) == 56
    assert result.backup is not None and result.backup.exists()


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.csv", "is empty"),
        ("binary.csv", "binary"),
        ("wrong_columns.csv", "no 'title' column"),
    ],
)
def test_unusable_files_are_refused_with_a_clear_message(
    tmp_path: Path, name: str, words: str
) -> None:
    catalog = empty_catalog(tmp_path / "c.sqlite3")
    with pytest.raises(UnreadableFileError) as err:
        plan_import(catalog, DATA / name)
    assert words in str(err.value) and name in str(err.value)


def test_a_huge_cell_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_text("title,notes\nHuge," + "x" * 10_000_000 + "\nSmall,ok\n", encoding="utf-8")
    catalog = empty_catalog(tmp_path / "c.sqlite3")
    plan = plan_import(catalog, big)
    assert [(p.line, p.field) for p in plan.problems] == [(2, "notes")]
    assert [f.fields["title"] for f in plan.new] == ["Small"]


def test_duplicate_rows_are_reported(tmp_path: Path) -> None:
    catalog = empty_catalog(tmp_path / "c.sqlite3")
    plan = plan_import(catalog, DATA / "duplicates.csv")
    assert len(plan.new) == 1
    assert [p.line for p in plan.problems] == [3]
    assert "repeats the film of line 2" in str(plan.problems[0])


def test_a_failed_export_leaves_the_old_file_alone(catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "films.csv"
    out.write_text("precious", encoding="utf-8")

    def broken() -> object:
        yield catalog.all_films()[0]
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        export_csv(out, broken())  # type: ignore[arg-type]
    assert out.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".films")] == []


def test_watched_no_with_a_date_is_a_problem(tmp_path: Path, catalog: Catalog) -> None:
    bad = tmp_path / "w.csv"
    bad.write_text(
        "title,year,watched,watched_on\nThe Letter,1982,no,2026-01-05\n", encoding="utf-8"
    )
    plan = plan_import(catalog, bad)
    assert [(p.line, p.field) for p in plan.problems] == [(2, "watched_on")]
    assert plan.updates == [] and len(plan.new) == 0


def test_a_watched_date_for_an_unwatched_film_marks_it_watched(
    tmp_path: Path, catalog: Catalog
) -> None:
    good = tmp_path / "w.csv"
    good.write_text(
        "title,year,watched,watched_on\nThe Letter,1982,yes,2026-01-05\n", encoding="utf-8"
    )
    catalog.apply_import(plan_import(catalog, good))
    letter = catalog.resolve_film("The Letter")
    assert letter.watched and str(letter.watched_on) == "2026-01-05"


def test_a_cancelled_import_changes_nothing(tmp_path: Path) -> None:
    from filmdesk.core.exchange import ImportCancelled

    catalog = empty_catalog(tmp_path / "c.sqlite3")
    plan = plan_import(catalog, DATA / "bad_year_line57.csv")

    def cancel(done: int, total: int) -> None:
        raise ImportCancelled

    with pytest.raises(ImportCancelled):
        catalog.apply_import(plan, skip_bad_rows=True, progress=cancel)
    assert catalog.all_films() == []
