"""filmdesk-cli run as a real subprocess against a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from filmdesk.core.records import FILM_JSON_KEYS


class Cli:
    def __init__(self, db: Path) -> None:
        self.db = db

    def __call__(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "filmdesk.cli", "--database", str(self.db), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        )

    def films(self, *args: str) -> list[dict[str, object]]:
        result = self("list", "--json", *args)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def cli(db_path: Path) -> Cli:
    return Cli(db_path)


def test_list_shows_the_ten_films_as_an_aligned_table(cli: Cli) -> None:
    result = cli("list", "--sort", "year")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "Title", "Year", "Director", "Rating", "Watched", "Tags"]
    assert lines[-1] == "10 films"
    body = lines[2:-1]
    assert len(body) == 10
    assert "The Cranes Are Flying" in body[0] and "1957" in body[0]
    year_column = lines[0].index("Year")
    assert {line[year_column : year_column + 4] for line in body} <= {
        "1957",
        "1959",
        "1960",
        "1966",
        "1972",
        "1975",
        "1980",
        "1982",
    }
    assert len(cli.films()) == 10  # a second process still sees ten


def test_json_has_the_documented_keys(cli: Cli) -> None:
    films = cli.films("--search", "cranes")
    assert len(films) == 1
    (cranes,) = films
    assert list(cranes)[: len(FILM_JSON_KEYS)] == list(FILM_JSON_KEYS)
    assert cranes["directors"] == ["Mikhail Kalatozov"]
    assert cranes["rating"] is None and cranes["watched_on"] is None and cranes["tags"] == []
    assert cranes["original_title"] == "Летят журавли"


def test_edit_persists_into_the_next_process(cli: Cli) -> None:
    result = cli(
        "edit",
        "the cranes are flying",
        "--rating",
        "4.5",
        "--watched",
        "2026-11-20",
        "--notes",
        'Line one\nline, "two"',
        "--add-tag",
        "war",
        "--add-tag",
        "Classic",
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(cli("show", "The Cranes Are Flying", "--json").stdout)
    assert shown["rating"] == 4.5
    assert shown["watched"] is True and shown["watched_on"] == "2026-11-20"
    assert shown["notes"] == 'Line one\nline, "two"'
    assert sorted(shown["tags"]) == ["Classic", "war"]
    cli("edit", str(shown["id"]), "--clear-rating", "--unwatched", "--remove-tag", "WAR")
    again = json.loads(cli("show", str(shown["id"]), "--json").stdout)
    assert (again["rating"], again["watched"], again["watched_on"], again["tags"]) == (
        None,
        False,
        None,
        ["Classic"],
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["edit", "The Letter", "--rating", "7"], ["The Letter (1982)", "rating", "7"]),
        (["edit", "The Letter", "--rating", "3.3"], ["rating", "3.3"]),
        (["edit", "The Letter", "--rating", "-1"], ["rating", "-1"]),
        (["edit", "The Letter", "--title", ""], ["title", "required"]),
        (["edit", "The Letter", "--year", "1500"], ["year", "1500"]),
        (
            ["edit", "The Letter", "--trailer-url", "javascript:alert(1)"],
            ["trailer_url", "javascript"],
        ),
        (["edit", "The Letter", "--rating", "4", "--year", "abc"], ["year", "abc"]),
        (["edit", "No Such Film", "--rating", "4"], ["No Such Film"]),
        (["show", "No Such Film"], ["No Such Film"]),
        (["delete", "999"], ["999"]),
        (["add", "--title", "", "--year", "1500"], ["title", "year"]),
        (["list", "--search", "year:abc"], ["year:abc"]),
        (["list", "--sort", "colour"], ["colour"]),
    ],
)
def test_bad_input_is_one_clear_line_and_changes_nothing(
    cli: Cli, args: list[str], words: list[str]
) -> None:
    before = cli.films()
    result = cli(*args)
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("filmdesk-cli: error: ")
    for word in words:
        assert word in lines[0]
    assert cli.films() == before


def test_ambiguous_title_lists_the_candidates(cli: Cli) -> None:
    assert cli("add", "--title", "The Letter", "--year", "1999").returncode == 0
    result = cli("show", "the letter")
    assert result.returncode == 1
    assert "id 3: The Letter (1982)" in result.stderr
    assert "The Letter (1999)" in result.stderr


def test_add_and_delete(cli: Cli) -> None:
    result = cli(
        "add",
        "--title",
        "Mirror",
        "--year",
        "1975",
        "--original-title",
        "Зеркало",
        "--director",
        "Andrei Tarkovsky",
        "--tag",
        "dream",
        "--watched",
    )
    assert result.returncode == 0, result.stderr
    assert "Mirror (1975)" in result.stdout
    mirror = cli.films("--search", "зеркало")[0]
    assert mirror["directors"] == ["Andrei Tarkovsky"] and mirror["watched"] is True
    assert cli("delete", "mirror").returncode == 0
    assert len(cli.films()) == 10


def test_database_from_environment(tmp_path: Path, cli: Cli) -> None:
    target = tmp_path / "from-env.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "filmdesk.cli", "list", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, "FILMDESK_DATABASE": str(target)},
    )
    assert result.returncode == 0, result.stderr
    assert target.exists() and len(json.loads(result.stdout)) == 10


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("filmdesk ")


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


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--database", "", "list"], "--database is empty"),
        (["--database", "nosuchdialect://x", "list"], "cannot open"),
        (["--database", "/proc/nonexistent/x.sqlite3", "list"], "cannot create"),
    ],
)
def test_bad_database_arguments_are_one_line(args: list[str], words: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "filmdesk.cli", *args],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and words in result.stderr


def test_a_locked_catalog_is_one_line_and_changes_nothing(cli: Cli) -> None:
    import sqlite3

    assert cli("list").returncode == 0
    holder = sqlite3.connect(cli.db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = cli("edit", "The Letter", "--rating", "4")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1
    assert result.stderr.startswith("filmdesk-cli: error: ") and result.stderr.count("\n") == 1
    assert "nothing was changed" in result.stderr
    assert json.loads(cli("show", "The Letter", "--json").stdout)["rating"] is None


def test_values_that_start_with_a_dash(cli: Cli) -> None:
    cli("edit", "The Letter", "--add-tag", "war")
    result = cli("list", "--search", "-tag:war", "--sort", "-year", "--json")
    assert result.returncode == 0, result.stderr
    films = json.loads(result.stdout)
    assert len(films) == 9 and films[0]["year"] == 1980
