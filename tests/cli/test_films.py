"""filmdesk-cli list, show, add, edit and delete, run as a real subprocess on a real file."""

from __future__ import annotations

import json

import pytest

from filmdesk.core.records import FILM_JSON_KEYS
from tests.cli.helpers import Cli, ok, one_line_error


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


def test_json_always_carries_where_a_film_came_from(cli: Cli) -> None:
    (cranes,) = cli.films("--search", "cranes")
    assert (cranes["imdb_id"], cranes["letterboxd_uri"]) == (None, None)
    cli("edit", str(cranes["id"]), "--imdb-id", "tt9900001")
    shown = json.loads(cli("show", str(cranes["id"]), "--json").stdout)
    assert (shown["imdb_id"], shown["letterboxd_uri"]) == ("tt9900001", None)


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


def test_tags_and_titles_match_as_the_core_folds_them(cli: Cli) -> None:
    # ё and е, and case, are one letter to the core; the command line asks it, not casefold.
    added = cli("add", "--title", "Ёлки", "--year", "2010", "--tag", "Ёлка", "--tag", "Новый год")
    assert added.returncode == 0, added.stderr
    (found,) = cli.films("--search", "tag:елка")
    assert found["title"] == "Ёлки"
    shown = json.loads(cli("show", "ЕЛКИ", "--json").stdout)
    assert shown["id"] == found["id"]
    edited = cli("edit", "елки", "--remove-tag", "ЕЛКА", "--json")
    assert edited.returncode == 0, edited.stderr
    assert json.loads(edited.stdout)["tags"] == ["Новый год"]


def test_watch_records_viewings_that_show_lists_in_date_order(cli: Cli) -> None:
    ok(cli("watch", "The Stationmaster", "--on", "2025-01-02", "--note", "Again, with Dad"))
    ok(cli("watch", "The Stationmaster", "--on", "2024-03-12", "--rating", "4.5"))
    out = ok(cli("watch", "The Stationmaster", "--on", "unknown"))
    assert "seen 3×" in out
    shown = json.loads(ok(cli("show", "The Stationmaster", "--json")))
    assert (shown["watched"], shown["watched_on"]) == (True, "2025-01-02")
    assert shown["viewings"] == [
        {"watched_on": None, "rating": None, "rewatch": True, "note": ""},
        {"watched_on": "2024-03-12", "rating": 4.5, "rewatch": False, "note": ""},
        {"watched_on": "2025-01-02", "rating": None, "rewatch": False, "note": "Again, with Dad"},
    ]
    text = ok(cli("show", "The Stationmaster"))
    assert "Seen 3 times:" in text and "2024-03-12, rated 4.5" in text


def test_unwatch_removes_one_viewing_and_the_last_one_unwatches(cli: Cli) -> None:
    ok(cli("watch", "The Stationmaster", "--on", "2024-03-12"))
    ok(cli("watch", "The Stationmaster", "--on", "2025-01-02"))
    one_line_error(
        cli("unwatch", "The Stationmaster", "--on", "2023-05-05"), 2, "no viewing on 2023-05-05"
    )
    assert "1 viewing left" in ok(cli("unwatch", "The Stationmaster", "--on", "2025-01-02"))
    shown = json.loads(ok(cli("show", "The Stationmaster", "--json")))
    assert shown["watched_on"] == "2024-03-12" and len(shown["viewings"]) == 1
    ok(cli("unwatch", "The Stationmaster", "--all"))
    shown = json.loads(ok(cli("show", "The Stationmaster", "--json")))
    assert (shown["watched"], shown["watched_on"], shown["viewings"]) == (False, None, [])


def test_a_wrong_viewing_is_refused_naming_the_option(cli: Cli) -> None:
    one_line_error(
        cli("watch", "The Stationmaster", "--on", "2999-01-01"), 2, "--on", "in the future"
    )
    one_line_error(cli("watch", "The Stationmaster", "--rating", "7"), 2, "--rating")
    assert json.loads(ok(cli("show", "The Stationmaster", "--json")))["viewings"] == []
