"""filmdesk-cli stats, run as a real subprocess on a catalog with known viewings."""

from __future__ import annotations

import json

from filmdesk.core.catalog import open_catalog
from tests.cli.helpers import Cli, ok, one_line_error
from tests.core.watching import build

KEYS = [
    "year", "films", "watched", "never_watched", "viewings", "rewatches", "hours", "minutes",
    "no_runtime", "undated", "by_month", "by_year", "ratings", "by_decade", "top_directors",
    "top_countries", "top_tags", "highest_rated",
]  # fmt: skip


def built(cli: Cli) -> dict[str, int]:
    catalog = open_catalog(cli.db).catalog
    try:
        return build(catalog)
    finally:
        catalog.close()


def test_json_of_all_time_and_of_a_year(cli: Cli) -> None:
    built(cli)
    figures = json.loads(ok(cli("stats", "--json")))
    assert list(figures) == KEYS
    assert (figures["films"], figures["watched"], figures["viewings"]) == (6, 4, 10)
    assert (figures["rewatches"], figures["hours"], figures["no_runtime"]) == (6, 14.0, 3)
    assert figures["by_year"] == {"2022": 1, "2023": 1, "2024": 7}
    assert figures["ratings"]["4.5"] == 2
    assert figures["top_directors"][0] == {"name": "Andrei Tarkovsky", "viewings": 5, "films": 2}

    year = json.loads(ok(cli("stats", "--year", "2024", "--json")))
    assert year["year"] == 2024
    assert year["by_month"]["2024-03"] == 3 and len(year["by_month"]) == 12
    assert (year["viewings"], year["rewatches"], year["hours"]) == (7, 5, 10.6)
    assert year["highest_rated"][0]["title"] == "Stalker"


def test_a_search_limits_the_films(cli: Cli) -> None:
    built(cli)
    figures = json.loads(ok(cli("stats", "--search", "director:калатозов", "--json")))
    assert (figures["films"], figures["viewings"], figures["undated"]) == (1, 2, 1)
    assert figures["top_countries"] == [{"name": "Soviet Union", "viewings": 2, "films": 1}]
    figures = json.loads(ok(cli("stats", "--search", "-watched:2024", "--json")))
    assert (figures["films"], figures["never_watched"], figures["viewings"]) == (2, 2, 0)


def test_plain_text(cli: Cli) -> None:
    built(cli)
    year = ok(cli("stats", "--year", "2024"))
    assert "Viewings by month" in year
    lines = year.splitlines()
    assert any(line.split() == ["March", "3"] for line in lines)
    assert any(line.split() == ["Rewatches", "5"] for line in lines)
    assert any(line.split() == ["Hours", "10.6"] for line in lines)
    assert "Михаил Калатозов" in year
    whole = ok(cli("stats"))
    assert any(line.split()[:2] == ["2024", "3"] and line.split()[-1] == "7"
               for line in whole.splitlines())  # fmt: skip


def test_errors_are_one_line(cli: Cli) -> None:
    built(cli)
    one_line_error(cli("stats", "--year", "20x4"), 2, "--year", "20x4")
    one_line_error(cli("stats", "--year", "99"), 2, "99")
    one_line_error(cli("stats", "--search", "watched:2024-13"), 2, "2024-13")
    one_line_error(cli("stats", "--search", "colour:red", "--json"), 2, "colour")
