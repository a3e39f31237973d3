"""filmdesk CSV both ways, with real-shaped files from tests/data."""

from __future__ import annotations

import csv
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.exchange import UnreadableFileError
from filmdesk.core.exchange.csv_format import COLUMNS, export_csv, neutralise, restore
from filmdesk.core.exchange.planning import plan_import

DATA = Path(__file__).resolve().parent.parent / "data"


def comparable(catalog: Catalog) -> list[object]:
    # Ids and seed keys belong to one catalog; everything else must survive a round trip.
    return sorted(
        (
            replace(f, id=0, seed_key=None, created_at=None, updated_at=None)
            for f in catalog.films.all()
        ),
        key=lambda f: (f.title, f.year or 0),
    )


def empty_catalog(path: Path) -> Catalog:
    catalog = open_catalog(str(path)).catalog
    for film in catalog.films.all():
        catalog.films.delete(film.id)
    return catalog


def test_round_trip_into_an_empty_catalog_gives_identical_data(
    catalog: Catalog, tmp_path: Path
) -> None:
    cranes = catalog.films.resolve("The Cranes Are Flying")
    catalog.films.edit(
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
    catalog.films.add({"title": "=cmd|' /C calc'!A0", "year": 2000, "directors": ["A", "B"]})
    out = tmp_path / "films.csv"
    assert export_csv(out, catalog.films.all()) == 11
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the Cyrillic right

    other = empty_catalog(tmp_path / "other.sqlite3")
    plan = plan_import(other, out)
    assert (len(plan.new), len(plan.updates), plan.unchanged, plan.problems) == (11, 0, 0, [])
    other.imports.apply(plan)
    assert comparable(other) == comparable(catalog)
    # Importing the same file again adds nothing.
    again = plan_import(other, out)
    assert (len(again.new), len(again.updates), again.unchanged) == (0, 0, 11)


def test_formula_cells_are_neutralised_in_the_file(catalog: Catalog, tmp_path: Path) -> None:
    catalog.films.add({"title": '=HYPERLINK("x")', "notes": "@SUM(1)", "tags": ["+tag"]})
    out = tmp_path / "films.csv"
    export_csv(out, catalog.films.all(), bom=False)
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
    catalog.imports.apply(plan)
    mirror = catalog.films.resolve("Зеркало")
    assert mirror.directors == ("Андрей Тарковский",)
    assert mirror.notes == "Смотрели всей семьёй;\nобсудить сон"
    assert mirror.tags == ("драма", "классика")
    assert (mirror.rating, mirror.watched, mirror.imdb_id) == (5.0, True, "tt0072443")
    assert catalog.films.search("ежик")[0].title == "Ёжик в тумане"


def test_formula_cells_from_filmdesk_are_restored(tmp_path: Path) -> None:
    catalog = empty_catalog(tmp_path / "c.sqlite3")
    catalog.imports.apply(plan_import(catalog, DATA / "formula_cells.csv"))
    (film,) = catalog.films.all()
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
        catalog.imports.apply(plan)
    assert catalog.films.all() == []
    # The user may choose to skip it: the other 56 films come in, in one step.
    result = catalog.imports.apply(plan, skip_bad_rows=True)
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
        yield catalog.films.all()[0]
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
    catalog.imports.apply(plan_import(catalog, good))
    letter = catalog.films.resolve("The Letter")
    assert letter.watched and str(letter.watched_on) == "2026-01-05"


def test_a_cancelled_import_changes_nothing(tmp_path: Path) -> None:
    from filmdesk.core.progress import ImportCancelled

    catalog = empty_catalog(tmp_path / "c.sqlite3")
    plan = plan_import(catalog, DATA / "bad_year_line57.csv")

    def cancel(done: int, total: int) -> None:
        raise ImportCancelled

    with pytest.raises(ImportCancelled):
        catalog.imports.apply(plan, skip_bad_rows=True, progress=cancel)
    assert catalog.films.all() == []


def test_exporting_catalog_columns_writes_the_same_file_as_records(
    catalog: Catalog, tmp_path: Path
) -> None:
    catalog.films.add({"title": "@risky", "notes": "+1", "tags": ["=x", "b"], "rating": 2.5})
    by_records, by_columns = tmp_path / "records.csv", tmp_path / "columns.csv"
    export_csv(by_records, catalog.films.all())
    export_csv(by_columns, catalog.films.columns())
    assert by_columns.read_bytes() == by_records.read_bytes()
    some = [f.id for f in catalog.films.all()][3:0:-1]
    export_csv(by_records, catalog.films.get_many(some))
    export_csv(by_columns, catalog.films.columns(some))
    assert by_columns.read_bytes() == by_records.read_bytes()


def test_a_cancelled_export_leaves_the_old_file(catalog: Catalog, tmp_path: Path) -> None:
    from filmdesk.core.progress import ImportCancelled

    out = tmp_path / "films.csv"
    out.write_text("precious", encoding="utf-8")

    def cancel(done: int, total: int) -> None:
        raise ImportCancelled

    with pytest.raises(ImportCancelled):
        export_csv(out, catalog.films.columns(), progress=cancel)
    assert out.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".films")] == []


def test_a_large_file_with_some_bad_rows(tmp_path: Path) -> None:
    # Over 10,000 films: the quick column-by-column reading and the bulk insert that builds
    # the indexes afterwards. Unusual rows are still reported by line, in file order.
    rows = [",".join(COLUMNS)]
    for number in range(10_050):
        cells = [f"Film {number}", "", str(1950 + number % 70), f"Director {number % 40}"]
        rows.append(",".join(cells + [""] * (len(COLUMNS) - len(cells))))
    rows[100] = rows[100].replace(",1", ",abc", 1)
    rows[200] = "'=quoted formula,," + rows[200].split(",", 2)[2]
    rows[300] = "Short row,,1999"
    rows[400] = "   ,,1999" + "," * (len(COLUMNS) - 3)
    # The last row of the first piece read (10,000 rows) and the first of the next.
    for index in (10_000, 10_001):
        cells = rows[index].split(",")
        cells[2] = "19x"
        rows[index] = ",".join(cells)
    source = tmp_path / "many.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    catalog = empty_catalog(tmp_path / "c.sqlite3")
    plan = plan_import(catalog, source)
    assert [(p.line, p.field) for p in plan.problems] == [
        (101, "year"),
        (401, "title"),
        (10_001, "year"),
        (10_002, "year"),
    ]
    assert len(plan.new) == 10_046
    assert [plan.new[i].line for i in (98, 99, 198, 199)] == [100, 102, 201, 202]
    assert [plan.new[i].line for i in (9_996, 9_997)] == [10_000, 10_003]
    assert plan.new[198].fields["title"] == "=quoted formula"  # read on its own, in order
    catalog.imports.apply(plan, skip_bad_rows=True)
    assert catalog.films.resolve("=quoted formula").year == 1950 + 199 % 70
    assert catalog.films.resolve("Short row").year == 1999
    assert catalog.films.stats().films == 10_046
    with catalog.engine.connect() as conn:
        indexes = {
            row[0]
            for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='index'")
        }
    assert {"ix_films_year", "ix_films_sort_title", "ix_film_tags_tag_id"} <= indexes


def test_an_emptied_cell_empties_the_field_on_import(catalog: Catalog, tmp_path: Path) -> None:
    cranes = catalog.films.resolve("The Cranes Are Flying")
    assert cranes.runtime_minutes == 97
    edited = tmp_path / "edited.csv"
    edited.write_text("title,year,runtime_minutes\nThe Cranes Are Flying,1957,\n")
    catalog.imports.apply(plan_import(catalog, edited))
    assert catalog.films.get(cranes.id).runtime_minutes is None


def test_line_numbers_count_the_line_breaks_inside_notes(tmp_path: Path) -> None:
    source = tmp_path / "notes.csv"
    source.write_bytes(
        b'title,year,notes\r\nA,1960,"one\r\ntwo\nthree"\r\nB,abc,\r\nC,1961,"x\ry"\r\nD,19x,\r\n'
    )
    plan = plan_import(empty_catalog(tmp_path / "c.sqlite3"), source)
    assert [(p.line, p.field) for p in plan.problems] == [(5, "year"), (8, "year")]
    assert [film.line for film in plan.new] == [4, 7]


def test_line_numbers_when_one_cell_ends_a_line_and_the_next_starts_one(tmp_path: Path) -> None:
    # "x\r" then "\ny": two line breaks, though the two cells side by side read as one.
    source = tmp_path / "notes.csv"
    source.write_bytes(b'title,description,fact,year\r\nA,"x\r","\ny",1990\r\nB,,,abc\r\n')
    plan = plan_import(empty_catalog(tmp_path / "c.sqlite3"), source)
    assert [(p.line, p.field) for p in plan.problems] == [(5, "year")]


def test_a_new_tag_takes_its_first_spelling(tmp_path: Path) -> None:
    source = tmp_path / "tags.csv"
    source.write_text("title,tags\nA,Drama\nB,drama | War\nC,war\n", encoding="utf-8")
    catalog = empty_catalog(tmp_path / "c.sqlite3")
    catalog.imports.apply(plan_import(catalog, source))
    assert catalog.films.resolve("C").tags == ("War",)
    assert catalog.films.resolve("B").tags == ("Drama", "War")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_libreoffice_round_trip_loses_nothing(catalog: Catalog, tmp_path: Path) -> None:
    # What a user does: export, open in LibreOffice Calc (every column as text, as its CSV
    # dialog offers), save as CSV again, import into an empty catalog.
    cranes = catalog.films.resolve("The Cranes Are Flying")
    catalog.films.edit(
        cranes.id,
        {
            "rating": 4.5,
            "watched_on": "2026-11-01",
            "notes": 'Line 1\n"quoted", and; commas\n=SUM(A1)\n-dash',
            "tags": ["war", "Классика"],
            "imdb_id": "tt0050634",
        },
    )
    catalog.films.add({"title": "=cmd|' /C calc'!A0", "year": 2000, "directors": ["A", "Б"]})
    exported = tmp_path / "films.csv"
    export_csv(exported, catalog.films.columns())
    text_columns = "/".join(f"{column}/2" for column in range(1, len(COLUMNS) + 1))
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    run = ["soffice", profile, "--headless", "--norestore"]
    subprocess.run(
        [*run, f"--infilter=CSV:44,34,76,1,{text_columns}", "--convert-to", "ods", str(exported)],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=120,
    )
    back = tmp_path / "back"
    subprocess.run(
        [
            *run,
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
            str(back),
            str(tmp_path / "films.ods"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    other = empty_catalog(tmp_path / "other.sqlite3")
    plan = plan_import(other, back / "films.csv")
    assert (len(plan.new), plan.problems) == (11, [])
    other.imports.apply(plan)
    assert comparable(other) == comparable(catalog)


def test_an_export_is_readable_like_any_new_file(catalog: Catalog, tmp_path: Path) -> None:
    out = tmp_path / "films.csv"
    export_csv(out, catalog.films.columns())
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()
    out.chmod(0o600)
    export_csv(out, catalog.films.columns())
    assert out.stat().st_mode & 0o777 == 0o600  # replacing a file keeps its permissions


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize(
    ("column", "cells"),
    [
        ("title", ["Летят журавли", " The  Letter ", "A\tB", "x\u00a0y", "Ok", "\x1cZ"]),
        ("original_title", ["", "  ", "Дама с собачкой", "a  b"]),
        ("description", [" text ", "line\nbreak", "", "\u3000wide"]),
        ("imdb_id", ["tt0050634", " tt0050634", "", "tt12345678"]),
        ("notes", ["  kept as typed  ", "a\nb"]),
    ],
)
def test_whole_columns_convert_as_each_cell_does(column: str, cells: list[str]) -> None:
    from filmdesk.core.exchange.csv_reading import _convert, _quick_column

    quick = _quick_column(column, cells)
    assert quick == [_convert(column, cell) for cell in cells]


def test_a_column_with_a_bad_cell_is_left_to_the_cells(tmp_path: Path) -> None:
    from filmdesk.core.exchange.csv_reading import _quick_column

    assert _quick_column("imdb_id", ["tt0050634", "nm0000001"]) is None
    assert _quick_column("title", ["Ok", "   "]) is None


def test_a_repeated_column_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    twice = tmp_path / "twice.csv"
    twice.write_text("title,year,year\nA,1999,2001\n", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="more than one column named year"):
        plan_import(catalog, twice)


def test_a_file_with_carriage_returns_only(tmp_path: Path) -> None:
    old_mac = tmp_path / "cr.csv"
    old_mac.write_bytes(
        b"title;notes\r" + b"".join(f"Film {n};a note, with, commas\r".encode() for n in range(3))
    )
    plan = plan_import(empty_catalog(tmp_path / "c.sqlite3"), old_mac)
    assert (len(plan.new), plan.problems) == (3, [])
    assert plan.new[2].fields["notes"] == "a note, with, commas"


def test_a_cell_holding_nul_is_checked_on_its_own() -> None:
    from filmdesk.core.exchange.csv_reading import _convert_column

    values, bad = _convert_column("imdb_id", ["tt1234567\0tt7654321", "tt0050634"])
    assert bad and values[1] == "tt0050634"


def test_a_file_that_turns_out_not_to_be_utf8_is_read_as_windows_1251(tmp_path: Path) -> None:
    # The first Cyrillic letter comes after more than a piece of rows has been read as UTF-8.
    rows = ["title,year", *(f"Film {number},1960" for number in range(12_000))]
    rows.append("Ёжик в тумане,1975")
    source = tmp_path / "excel.csv"
    source.write_bytes("\r\n".join(rows).encode("cp1251"))
    plan = plan_import(empty_catalog(tmp_path / "c.sqlite3"), source)
    assert plan.problems == []
    assert len(plan.new) == 12_001
    assert (plan.new[12_000].fields["title"], plan.new[12_000].line) == ("Ёжик в тумане", 12_002)

    # A file that says it is UTF-8 (a BOM) and is not: refused, by name.
    source.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode("cp1251"))
    with pytest.raises(UnreadableFileError, match=r"excel\.csv: is not valid utf-8-sig text"):
        plan_import(empty_catalog(tmp_path / "d.sqlite3"), source)


@pytest.mark.parametrize(
    ("title", "director"),
    [("Café", "Jean Renoir"), ("Évora", "José Fonseca"), ("Ma nuit chez Maud", "Éric Rohmer")],
)
def test_a_western_spreadsheet_keeps_its_accents(tmp_path: Path, title: str, director: str) -> None:
    # Excel on a Western Windows saves Windows-1252: an accent at a word's end or start ("Café",
    # "Éric") is as Latin as one inside it, and reads as such, not as Cyrillic ("Cafй").
    source = tmp_path / "western.csv"
    source.write_bytes(f"title,year,directors\r\n{title},1999,{director}\r\n".encode("cp1252"))
    plan = plan_import(empty_catalog(tmp_path / "c.sqlite3"), source)
    assert plan.problems == []
    assert plan.new[0].fields["title"] == title
    assert plan.new[0].fields["directors"] == [director]


def test_russian_text_quoting_latin_titles_stays_windows_1251(tmp_path: Path) -> None:
    # Guillemets and curly quotes are the same bytes in Windows-1251 and -1252: around a Latin
    # word they are no accent (a review found «Criterion» turned the file into "Êîïèÿ").
    source = tmp_path / "russian.csv"
    notes = ("Копия «Criterion»", "«Director’s Cut» на «Blu-ray»", "Смотрели на «Netflix»")
    rows = [f"Film {n},1979,{note}" for n, note in enumerate(notes)]
    source.write_bytes("\r\n".join(["title,year,notes", *rows]).encode("cp1251"))
    plan = plan_import(empty_catalog(tmp_path / "c.sqlite3"), source)
    assert [film.fields["notes"] for film in plan.new] == list(notes)
