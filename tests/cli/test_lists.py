"""filmdesk-cli lists (screening lists), run as a real subprocess on a real file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from filmdesk.core.records import FILM_JSON_KEYS
from tests.cli.helpers import Cli, ok, refused_without_change


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


@pytest.mark.parametrize(
    ("args", "status", "words"),
    [
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
    ],
)
def test_bad_input_is_one_clear_line_and_changes_nothing(
    cli: Cli, tmp_path: Path, args: list[str], status: int, words: list[str]
) -> None:
    refused_without_change(cli, tmp_path, args, status, words)


def test_a_film_of_the_list_is_named_as_the_core_folds_titles(cli: Cli) -> None:
    # Two films called "Ёлка"; the list holds one. "елка" (е for ё, another case) names that
    # one in the list, as the core folds titles, rather than both films of the catalog.
    new = json.loads(ok(cli("add", "--title", "Ёлка", "--year", "2010", "--json")))
    ok(cli("add", "--title", "Ёлка", "--year", "1990"))
    ok(cli("lists", "create", "Зима"))
    ok(cli("lists", "add", "Зима", str(new["id"])))
    ok(cli("lists", "add", "Зима", "The Letter"))
    assert "Moved Ёлка (2010) to position 2" in ok(cli("lists", "move", "Зима", "елка", "2"))
    ok(cli("lists", "note", "зима", "ЕЛКА", "Новый год"))
    ok(cli("lists", "screened", "Зима", "Елка", "--on", "2025-12-31"))
    entry = json.loads(ok(cli("lists", "show", "Зима", "--json")))["entries"][1]
    assert (entry["film"]["id"], entry["note"], entry["screened_on"]) == (
        new["id"],
        "Новый год",
        "2025-12-31",
    )
    assert "Removed Ёлка (2010)" in ok(cli("lists", "remove", "Зима", "елка"))
