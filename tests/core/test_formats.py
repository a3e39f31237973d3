"""The one table of file formats: names, suffixes, what each writes, and its writer."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange import UnreadableFileError
from filmdesk.core.exchange.formats import (
    FILM_EXPORTS,
    IMPORT_FORMATS,
    LIST_EXPORTS,
    ExportOptions,
    FilmSelection,
    UnknownFormatError,
    detect_format,
    export_name_for,
    film_export,
    film_export_for,
    import_format,
    list_export,
    list_export_for,
)
from filmdesk.core.exchange.planning import FORMATS, plan_import


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("films.csv", "csv"),
        ("films.CSV", "csv"),
        ("films.txt", "csv"),
        ("films", "csv"),
        ("backup.json", "json"),
        ("catalog.htm", "html"),
        ("catalog.HTML", "html"),
        ("catalog.pdf", "pdf"),
    ],
)
def test_a_path_chooses_its_format_by_suffix_else_csv(path: str, name: str) -> None:
    assert export_name_for(path) == name
    assert film_export_for(Path(path)).name == name


def test_what_each_kind_offers_and_the_errors_that_list_them() -> None:
    assert [f.name for f in FILM_EXPORTS] == ["csv", "json", "letterboxd", "html", "pdf"]
    assert [f.name for f in LIST_EXPORTS] == ["pdf", "html", "csv", "letterboxd"]
    assert {f.writes for f in FILM_EXPORTS} == {"films"}
    assert {f.writes for f in LIST_EXPORTS} == {"list"}
    assert list_export_for("year9.htm").name == "html"
    with pytest.raises(UnknownFormatError) as refused:
        list_export_for("year9.json")
    assert str(refused.value) == "a list exports as pdf, html, csv or letterboxd, not json"
    assert refused.value.choices == ("pdf", "html", "csv", "letterboxd")
    with pytest.raises(UnknownFormatError, match=r"films export as csv, json, .* or pdf, not xml"):
        film_export("xml")
    with pytest.raises(ValueError, match="imports as csv, json, letterboxd, imdb or list-csv"):
        import_format("xml")
    assert ("auto", *(f.name for f in IMPORT_FORMATS)) == FORMATS


def test_a_new_file_is_named_with_the_suffix_of_its_format() -> None:
    assert {f.name: f.save_suffix for f in FILM_EXPORTS} == {
        "csv": ".csv",
        "json": ".json",
        "letterboxd": ".csv",
        "html": ".html",
        "pdf": ".pdf",
    }


@pytest.mark.parametrize("name", [f.name for f in FILM_EXPORTS])
def test_every_film_format_writes_the_films_chosen_in_order_or_all(
    catalog: Catalog, tmp_path: Path, name: str
) -> None:
    chosen = film_export(name)
    ids = {f.title: f.id for f in catalog.films.all()}
    picked = [ids["The Letter"], ids["The Cranes Are Flying"]]
    some = tmp_path / f"some{chosen.save_suffix}"
    every = tmp_path / f"all{chosen.save_suffix}"
    assert chosen.write(some, FilmSelection(catalog, picked), ExportOptions()) == 2
    assert chosen.write(every, FilmSelection(catalog), ExportOptions(title="All")) == 10
    if name in ("csv", "letterboxd"):
        rows = list(csv.DictReader(some.open(encoding="utf-8-sig", newline="")))
        assert [r.get("title") or r.get("Title") for r in rows] == [
            "The Letter",
            "The Cranes Are Flying",
        ]
    elif name == "json":
        films = json.loads(some.read_text(encoding="utf-8"))["films"]
        assert [f["title"] for f in films] == ["The Letter", "The Cranes Are Flying"]
        assert json.loads(every.read_text(encoding="utf-8"))["films"][0]["created_at"]
    elif name == "html":
        page = some.read_text(encoding="utf-8")
        assert page.index("The Letter") < page.index("The Cranes Are Flying")
        assert "<h1>All</h1>" in every.read_text(encoding="utf-8")
    else:
        assert some.read_bytes().startswith(b"%PDF")


def test_csv_options_and_a_printable_order(catalog: Catalog, tmp_path: Path) -> None:
    ids = [f.id for f in catalog.films.all()]
    out = tmp_path / "semi.csv"
    options = ExportOptions(bom=False, delimiter=";")
    film_export("csv").write(out, FilmSelection(catalog, ids[:1]), options)
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert out.read_text(encoding="utf-8").startswith("title;original_title;")
    first = []
    for spec in ("year", "-year"):
        page = tmp_path / f"by{spec}.html"
        film_export("html").write(page, FilmSelection(catalog), ExportOptions(sort=spec))
        text = page.read_text(encoding="utf-8")
        first.append(min(("The Letter", "The Cranes Are Flying"), key=text.index))
    assert first == ["The Cranes Are Flying", "The Letter"]  # 1957, 1982


@pytest.mark.parametrize("name", [f.name for f in LIST_EXPORTS])
def test_every_list_format_writes_the_list(catalog: Catalog, tmp_path: Path, name: str) -> None:
    made = catalog.lists.create("Year 9")
    catalog.lists.add(made.id, [catalog.films.resolve("The Letter").id])
    chosen = list_export(name)
    out = tmp_path / f"year9{chosen.save_suffix}"
    assert chosen.write(out, catalog.lists.get(made.id), ExportOptions()) == 1
    assert out.stat().st_size > 0


def test_what_is_written_is_recognised_when_read_back(catalog: Catalog, tmp_path: Path) -> None:
    made = catalog.lists.create("Year 9")
    catalog.lists.add(made.id, [catalog.films.resolve("The Letter").id])
    screening_list = catalog.lists.get(made.id)
    # (Letterboxd's import CSV is for Letterboxd; filmdesk reads Letterboxd's own export.)
    for name in ("csv", "json"):
        chosen = film_export(name)
        out = tmp_path / f"films-{name}{chosen.save_suffix}"
        chosen.write(out, FilmSelection(catalog), ExportOptions())
        assert detect_format(out) == name
        assert plan_import(catalog, out).format == name
    out = tmp_path / "list.csv"
    list_export("csv").write(out, screening_list, ExportOptions())
    assert detect_format(out) == "list-csv"


@pytest.mark.parametrize(
    ("name", "text"), [("films.json", "[]"), ("films.json", "null"), ("films.txt", "[1, 2]")]
)
def test_json_that_is_not_a_backup_is_called_so(
    catalog: Catalog, tmp_path: Path, name: str, text: str
) -> None:
    # An array, or a file named .json: it was "has no 'title' column", a CSV's message.
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert detect_format(path) == "json"
    with pytest.raises(UnreadableFileError, match=r"is not a filmdesk-backup file$"):
        plan_import(catalog, path)


def test_a_folder_without_a_letterboxd_export_says_so(catalog: Catalog, tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "notes.csv").write_text("title\nCopper Meadow\n", encoding="utf-8")
    with pytest.raises(UnreadableFileError) as refused:
        plan_import(catalog, tmp_path / "photos")
    assert str(refused.value) == (
        f"{tmp_path / 'photos'}: is a folder with no Letterboxd export in it (watched.csv, "
        "diary.csv, ratings.csv...): filmdesk imports a folder only when it holds one"
    )
