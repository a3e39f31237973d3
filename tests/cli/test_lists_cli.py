"""filmdesk-cli collections and screening lists, run as a real subprocess on a real file."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from filmdesk.core.catalog import open_catalog
from filmdesk.core.records import FILM_JSON_KEYS
from tests.cli.test_cli import Cli


@pytest.fixture
def cli(db_path: Path) -> Cli:
    return Cli(db_path)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def one_line_error(result: subprocess.CompletedProcess[str], status: int, *words: str) -> None:
    assert result.returncode == status, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("filmdesk-cli: error: "), result.stderr
    for word in words:
        assert word in lines[0]


def test_collections_rate_comment_and_show(cli: Cli) -> None:
    table = ok(cli("collections")).splitlines()
    assert table[0].split() == ["ID", "Name", "Films", "Rating", "Comments"]
    assert "Soviet Films About Correspondence" in table[2] and table[-1] == "1 collection"
    assert "4.5 / 5" in ok(cli("collection", "rate", "soviet films about correspondence", "4.5"))
    ok(cli("collection", "comment", "1", "Seen with 9B"))
    ok(cli("collection", "comment", "1", "Второй раз — лучше"))
    shown = json.loads(ok(cli("collection", "show", "1", "--json")))
    assert (shown["name"], shown["source"], shown["rating"]) == (
        "Soviet Films About Correspondence", "cinepicker.com", 4.5
    )  # fmt: skip
    assert [c["text"] for c in shown["comments"]] == ["Второй раз — лучше", "Seen with 9B"]
    assert len(shown["films"]) == 10 and list(shown["films"][0])[:3] == [
        "id",
        "title",
        "original_title",
    ]
    text = ok(cli("collection", "show", "1"))
    assert "Rating:     4.5 / 5" in text and "Comments (2), newest first:" in text
    listed = json.loads(ok(cli("collections", "--json")))
    assert (listed[0]["rating"], listed[0]["comment_count"], len(listed[0]["films"])) == (
        4.5,
        2,
        10,
    )


def test_collection_create_add_remove_delete_keeps_films(cli: Cli) -> None:
    ok(cli("collection", "create", "Оттепель", "--description", "1956-1966"))
    ok(cli("collection", "add", "оттепель", "The Letter"))
    one_line_error(cli("collection", "add", "Оттепель", "The Letter"), 2, "already")
    ok(cli("collection", "remove", "Оттепель", "the letter"))
    assert "its films stay" in ok(cli("collection", "delete", "Оттепель"))
    assert len(cli.films()) == 10


@pytest.mark.parametrize(
    ("args", "status", "words"),
    [
        (["collection", "rate", "1", "7"], 2, ["rating", "7"]),
        (["collection", "rate", "No such", "4"], 1, ["No such"]),
        (["collection", "comment", "1", "  "], 2, ["comment"]),
        (["collection", "create", "SOVIET FILMS about correspondence"], 2, ["taken"]),
        (["lists", "create", ""], 2, ["name", "required"]),
        (["lists", "show", "No such"], 1, ["No such"]),
        (["lists", "add", "Year 9", "No Such Film"], 1, ["No Such Film"]),
        (["lists", "add", "Year 9", "The Letter"], 2, ["The Letter (1982)", "already"]),
        (["lists", "add", "Year 9", "Mirror", "--date", "2026-13-01"], 2, ["2026-13-01"]),
        (["lists", "add", "Year 9", "The Stationmaster", "--position", "x"], 2, ["position"]),
        (["lists", "add", "Year 9", "Mirror", "--position", "5"], 2, ["position", "1..4"]),
        (["lists", "move", "Year 9", "The Letter", "4"], 2, ["position", "4", "1..3"]),
        (["lists", "move", "Year 9", "Mirror", "1"], 1, ["Mirror", "not in"]),
        (["lists", "remove", "Year 9", "The Stationmaster"], 1, ["Stationmaster", "not in"]),
        (["lists", "screened", "Year 9", "The Letter", "--on", "someday"], 2, ["--on"]),
        (["lists", "edit", "Year 9"], 2, ["nothing to change"]),
        (["export", "x.json", "--list", "Year 9"], 2, ["json"]),
        (["export", "x.pdf", "--list", "Year 9", "--lines", "31"], 2, ["--lines", "31"]),
        (["export", "x.csv", "--list", "Nope"], 1, ["Nope"]),
    ],
)
def test_bad_input_is_one_clear_line_and_changes_nothing(
    cli: Cli, db_path: Path, tmp_path: Path, args: list[str], status: int, words: list[str]
) -> None:
    catalog = open_catalog(str(db_path)).catalog
    catalog.films.add({"title": "Mirror", "year": 1975})
    made = catalog.lists.create("Year 9")
    films = ["The Letter", "The Cranes Are Flying", "The Ballad of a Soldier"]
    catalog.lists.add(made.id, [catalog.films.resolve(t).id for t in films])
    catalog.close()
    before = dump(db_path)
    if args[0] == "export":
        args = [args[0], str(tmp_path / args[1]), *args[2:]]
    one_line_error(cli(*args), status, *words)
    assert dump(db_path) == before
    assert not list(tmp_path.glob("x.*"))


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables lists and collections live in."""
    tables = ("films", "collections", "collection_films", "collection_comments",
              "screening_lists", "list_entries")  # fmt: skip
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}


def test_a_screening_list_from_the_command_line(cli: Cli, tmp_path: Path) -> None:
    made = ok(cli("lists", "create", "Year 9", "--audience", "9B", "--description", "Autumn"))
    assert "Created screening list #1: Year 9" in made
    ok(cli("lists", "add", "Year 9", "The Letter", "--date", "2026-12-01T10:30", "--note", "Who?"))
    ok(cli("lists", "add", "year 9", "летят журавли", "--date", "2026-12-08"))
    ok(cli("lists", "add", "1", "The Ballad of a Soldier", "--position", "1"))
    assert "position 3" in ok(cli("lists", "move", "Year 9", "The Ballad of a Soldier", "3"))
    ok(cli("lists", "screened", "Year 9", "The Letter", "--on", "2025-11-02"))
    ok(cli("lists", "remove", "Year 9", "The Cranes Are Flying"))
    ok(cli("lists", "add", "Year 9", "The Cranes Are Flying", "--position", "2"))

    shown = json.loads(ok(cli("lists", "show", "Year 9", "--json")))
    assert (shown["name"], shown["audience"], shown["film_count"]) == ("Year 9", "9B", 3)
    entries = shown["entries"]
    assert [e["position"] for e in entries] == [1, 2, 3]
    assert [e["film"]["title"] for e in entries] == [
        "The Letter",
        "The Cranes Are Flying",
        "The Ballad of a Soldier",
    ]
    assert list(entries[0]) == [
        "position",
        "film",
        "scheduled_at",
        "note",
        "screened",
        "screened_on",
    ]
    assert list(entries[0]["film"])[: len(FILM_JSON_KEYS)] == list(FILM_JSON_KEYS)
    assert (entries[0]["scheduled_at"], entries[0]["note"]) == ("2026-12-01T10:30", "Who?")
    assert (entries[0]["screened"], entries[0]["screened_on"]) == (True, "2025-11-02")
    assert entries[1]["scheduled_at"] is None  # re-added without a date
    assert shown["runtime_minutes"] == 97 + 88

    text = ok(cli("lists", "show", "Year 9")).splitlines()
    assert text[0] == "#1 Year 9"
    assert any(line.startswith("1  2026-12-01 10:30  The Letter") for line in text)
    assert "   Note: Who?" in text and text[-1] == "3 films · 3 h 5 min · 1 screened"
    listed = ok(cli("lists")).splitlines()
    assert listed[0].split() == ["ID", "Name", "Audience", "Films", "Runtime", "Screened"]
    assert listed[-1] == "1 screening list"
    summary = json.loads(ok(cli("lists", "--json")))
    assert summary == [
        {
            "id": 1,
            "name": "Year 9",
            "audience": "9B",
            "description": "Autumn",
            "film_count": 3,
            "runtime_minutes": 185,
            "screened_count": 1,
        }
    ]

    ok(cli("lists", "schedule", "Year 9", "The Cranes Are Flying", "2026-12-08T09:00"))
    ok(cli("lists", "note", "Year 9", "The Cranes Are Flying", "Лестница"))
    ok(cli("lists", "screened", "Year 9", "The Letter", "--not"))
    ok(cli("lists", "edit", "Year 9", "--audience", "9A"))
    again = json.loads(ok(cli("lists", "show", "Year 9", "--json")))
    assert again["audience"] == "9A"
    assert (again["entries"][1]["scheduled_at"], again["entries"][1]["note"]) == (
        "2026-12-08T09:00", "Лестница"
    )  # fmt: skip
    assert again["entries"][0]["screened"] is False

    assert "Year 9 (copy)" in ok(cli("lists", "duplicate", "Year 9"))
    ok(cli("lists", "rename", "Year 9 (copy)", "Year 9A"))
    ok(cli("lists", "delete", "Year 9A"))
    assert len(json.loads(ok(cli("lists", "--json")))) == 1

    # Deleting a film takes it out of the list; the list stays.
    ok(cli("delete", "The Letter"))
    shown = json.loads(ok(cli("lists", "show", "Year 9", "--json")))
    assert [(e["position"], e["film"]["title"]) for e in shown["entries"]] == [
        (1, "The Cranes Are Flying"),
        (2, "The Ballad of a Soldier"),
    ]


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
    assert document["version"] == 2
    assert document["lists"][0]["entries"][0]["scheduled_at"] == "2026-12-01T10:30"
    assert document["collections"][0]["rating"] == 3
    assert document["collections"][0]["comments"][0]["text"] == "Good"
    other = Cli(tmp_path / "other.sqlite3")
    dry = ok(other("import", str(tmp_path / "backup.json"), "--dry-run"))
    assert "screening list 'Year 9' (1 films)" in dry
    ok(other("import", str(tmp_path / "backup.json")))
    assert json.loads(ok(other("lists", "show", "Year 9", "--json")))["film_count"] == 1
    assert json.loads(ok(other("collections", "--json")))[0]["comment_count"] == 1
