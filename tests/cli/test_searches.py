"""filmdesk-cli searches (saved searches) and list --saved, run as real subprocesses."""

from __future__ import annotations

import json

from tests.cli.helpers import Cli, dump, ok, one_line_error


def _titles(cli: Cli, *args: str) -> list[str]:
    return [str(f["title"]) for f in cli.films(*args)]


def test_saved_searches_from_the_command_line(cli: Cli) -> None:
    assert ok(cli("searches")) == "No saved searches.\n"
    assert "Saved search 'Seventies'" in ok(cli("searches", "save", "Seventies", "year:1970..1979"))
    letters = "Soviet Films About Correspondence"
    ok(cli("searches", "save", "Письма до 1960", "year:<1960", "--scope", f"collection:{letters}"))
    assert _titles(cli, "--saved", "seventies") == [
        "The Dawns Here Are Quiet",
        "The Irony of Fate, or Enjoy Your Bath!",
        "The Stationmaster",
    ]
    fifties = _titles(cli, "--saved", "письма ДО 1960")
    assert fifties == ["The Ballad of a Soldier", "The Cranes Are Flying", "The House I Live In"]
    # --search narrows a saved search further.
    assert _titles(cli, "--saved", "Seventies", "--search", "ryazanov") == [
        "The Irony of Fate, or Enjoy Your Bath!"
    ]
    ok(cli("searches", "edit", "Seventies", "--query", "year:1980..1989"))
    eighties = _titles(cli, "--search", "year:1980..1989")
    assert eighties and _titles(cli, "--saved", "Seventies") == eighties
    ok(cli("searches", "rename", "Seventies", "Eighties"))
    listed = json.loads(ok(cli("searches", "--json")))
    assert listed == [
        {"name": "Eighties", "query": "year:1980..1989", "scope": ""},
        {"name": "Письма до 1960", "query": "year:<1960", "scope": f"collection:{letters}"},
    ]
    ok(cli("searches", "delete", "eighties"))
    assert [s["name"] for s in json.loads(ok(cli("searches", "--json")))] == ["Письма до 1960"]


def test_a_saved_search_that_cannot_be_is_refused_in_one_line(cli: Cli) -> None:
    ok(cli("searches", "save", "War", "tag:war"))
    before = dump(cli.db)
    one_line_error(cli("searches", "save", "WAR", "x"), 2, "is taken")
    one_line_error(cli("searches", "save", "Odd", "year:abc"), 2, "year:abc")
    one_line_error(cli("searches", "save", "  ", "x"), 2, "needs a name")
    one_line_error(cli("searches", "save", "S", "x", "--scope", "shelf:3"), 2, "shelf:3")
    one_line_error(cli("searches", "edit", "War"), 2, "nothing to change")
    assert dump(cli.db) == before
    one_line_error(cli("list", "--saved", "Nope"), 1, "no saved search named 'Nope'")
    one_line_error(cli("searches", "delete", "Nope"), 1, "no saved search named 'Nope'")
