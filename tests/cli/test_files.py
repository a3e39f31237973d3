"""filmdesk-cli export and import, run as a real subprocess on a real file."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.cli.helpers import Cli, dump, ok, one_line_error, refused_without_change


def test_export_then_import_through_the_command_line(cli: Cli, tmp_path: Path) -> None:
    cli("edit", "The Letter", "--rating", "3", "--notes", "Line 1\nLine, 2", "--add-tag", "школа")
    out = tmp_path / "films.csv"
    result = cli("export", str(out), "--search", "year:1982", "--delimiter", ";")
    assert result.returncode == 0, result.stderr
    assert "Exported 1 film to" in result.stdout
    other = Cli(tmp_path / "other.sqlite3")
    dry = other("import", str(out), "--dry-run")
    assert "0 new, 1 updated, 0 unchanged, 0 problems" in dry.stdout
    assert "nothing was changed" in dry.stdout.lower()
    assert json.loads(other("show", "The Letter", "--json").stdout)["rating"] is None
    done = other("import", str(out))
    assert done.returncode == 0, done.stderr
    letter = json.loads(other("show", "The Letter", "--json").stdout)
    assert (letter["rating"], letter["notes"], letter["tags"]) == (
        3.0,
        "Line 1\nLine, 2",
        ["школа"],
    )


def test_import_with_a_bad_row_changes_nothing_unless_asked(cli: Cli) -> None:
    data = Path(__file__).resolve().parent.parent / "data" / "bad_year_line57.csv"
    before = cli.films()
    result = cli("import", str(data))
    assert result.returncode == 1
    assert "line 57, year" in result.stdout
    assert "nothing was imported" in result.stderr
    assert cli.films() == before
    skipped = cli("import", str(data), "--skip-bad-rows")
    assert skipped.returncode == 0 and "56 added" in skipped.stdout


def test_export_a_list(cli: Cli, tmp_path: Path) -> None:
    ok(cli("lists", "create", "Девятый класс"))
    ok(cli("lists", "add", "Девятый класс", "The Letter", "--note", "Вопросы"))
    ok(cli("lists", "add", "Девятый класс", "The Cranes Are Flying", "--date", "2026-12-08"))
    exported = ok(cli("export", str(tmp_path / "list.csv"), "--list", "девятый класс"))
    assert exported.strip() == f"Exported Девятый класс (2 films) to {tmp_path / 'list.csv'}"
    rows = list(csv.DictReader((tmp_path / "list.csv").open(encoding="utf-8-sig", newline="")))
    assert [(r["position"], r["title"], r["date"], r["note"]) for r in rows] == [
        ("1", "The Letter", "", "Вопросы"),
        ("2", "The Cranes Are Flying", "2026-12-08", ""),
    ]
    ok(cli("export", str(tmp_path / "lb.csv"), "--list", "1", "--format", "letterboxd"))
    lines = (tmp_path / "lb.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Position,Title,Year,Directors,imdbID,LetterboxdURI,Review"
    assert lines[1].startswith("1,The Letter,1982,")
    ok(cli("export", str(tmp_path / "handout.html"), "--list", "1", "--lines", "2"))
    page = (tmp_path / "handout.html").read_text(encoding="utf-8")
    assert page.index("The Letter") < page.index("The Cranes Are Flying")
    assert page.count('<div class="lines">') == 2
    ok(cli("export", str(tmp_path / "handout.pdf"), "--list", "1", "--no-notes"))
    data = (tmp_path / "handout.pdf").read_bytes()
    assert data.startswith(b"%PDF") and b"DejaVu" in data
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "handout.pdf"), "-"],
            capture_output=True, text=True, encoding="utf-8", check=True, timeout=60,
        ).stdout  # fmt: skip
        assert "Девятый класс" in text and "Вопросы" not in text
        assert text.index("The Letter") < text.index("The Cranes Are Flying")


def test_a_backup_from_the_command_line_carries_lists(cli: Cli, tmp_path: Path) -> None:
    ok(cli("lists", "create", "Year 9"))
    ok(cli("lists", "add", "Year 9", "The Letter", "--date", "2026-12-01T10:30"))
    ok(cli("collection", "rate", "1", "3"))
    ok(cli("collection", "comment", "1", "Good"))
    ok(cli("export", str(tmp_path / "backup.json")))
    document = json.loads((tmp_path / "backup.json").read_text(encoding="utf-8"))
    assert document["version"] == 4
    assert document["lists"][0]["entries"][0]["scheduled_at"] == "2026-12-01T10:30"
    assert document["collections"][0]["rating"] == 3
    assert document["collections"][0]["comments"][0]["text"] == "Good"
    other = Cli(tmp_path / "other.sqlite3")
    dry = ok(other("import", str(tmp_path / "backup.json"), "--dry-run"))
    assert "screening list 'Year 9' (1 film)" in dry
    ok(other("import", str(tmp_path / "backup.json")))
    assert json.loads(ok(other("lists", "show", "Year 9", "--json")))["film_count"] == 1
    assert json.loads(ok(other("collections", "--json")))[0]["comment_count"] == 1


@pytest.mark.parametrize(
    ("args", "status", "words"),
    [
        (["export", "x.json", "--list", "Year 9"], 2, ["json"]),
        (["export", "x.pdf", "--list", "Year 9", "--lines", "31"], 2, ["--lines", "31"]),
        (["export", "x.csv", "--list", "Nope"], 1, ["Nope"]),
    ],
)
def test_bad_input_is_one_clear_line_and_changes_nothing(
    cli: Cli, tmp_path: Path, args: list[str], status: int, words: list[str]
) -> None:
    refused_without_change(cli, tmp_path, args, status, words)


def test_a_dry_run_lists_rows_left_out_apart_from_notes_on_rows_imported(cli: Cli) -> None:
    ratings = Path(__file__).resolve().parent.parent / "data" / "imdb" / "ratings_italian.csv"
    out = ok(cli("import", str(ratings), "--dry-run"))
    assert "0 problems, 2 left out by design, 1 note" in out
    left_out, notes = out.split("Left out by design (not problems):\n")[1].split(
        "Notes on rows that are imported (not problems):\n"
    )
    assert "(Le stanze di Clara)" in left_out and "(Il lungo inverno)" in left_out
    assert "(Concerto sul tetto)" in notes and "imported as a film" in notes
    assert "Concerto" not in left_out


def test_a_damaged_file_is_one_clear_line_and_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    # Once a traceback ending in "zlib.error: Error -3 while decompressing data".
    archive = tmp_path / "letterboxd-someone-2024-06-03-09-15-utc.zip"
    watched = (
        b"Date,Name,Year,Letterboxd URI\r\n" + b"2024-01-02,Wings,1966,https://boxd.it/w\r\n" * 50
    )
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("watched.csv", watched)
    raw = bytearray(archive.read_bytes())
    raw[60:70] = b"\xff" * 10
    archive.write_bytes(raw)
    ok(cli("list"))  # (the catalog made)
    before = dump(cli.db)
    one_line_error(
        cli("import", str(archive)), 1, f"{archive}: is a damaged ZIP archive (watched.csv"
    )
    assert dump(cli.db) == before


def test_a_backup_whose_films_are_a_number_is_refused_in_words(cli: Cli, tmp_path: Path) -> None:
    # The dry run passed and the import crashed with "TypeError: 'int' object is not iterable".
    backup = tmp_path / "backup.json"
    backup.write_text('{"format": "filmdesk-backup", "version": 3, "films": 5}')
    dry = cli("import", str(backup), "--dry-run")
    assert f"  {backup}, films: is a number, not a list" in ok(dry)
    before = dump(cli.db)
    result = cli("import", str(backup))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "nothing was imported because of the problems above" in result.stderr
    assert dump(cli.db) == before
