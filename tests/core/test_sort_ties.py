"""The core's sort (filmdesk-cli list --sort): ties stay in title order in either direction."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from filmdesk.core.catalog import Catalog
from filmdesk.core.records import FilmRecord
from filmdesk.core.sorting import sort_films

FOURS = [6, 9, 10, 7]  # Cranes, House, Ballad, Lady: their ids are not in title order
IN_TITLE_ORDER = [
    "The Ballad of a Soldier",
    "The Cranes Are Flying",
    "The House I Live In",
    "The Lady with the Dog",
]


@pytest.fixture
def rated(catalog: Catalog) -> Catalog:
    for film_id in FOURS:
        catalog.films.rate(film_id, 4.0)
    catalog.films.rate(8, 5.0)  # The Story of Asya Klyachina
    return catalog


def titles(films: list[FilmRecord]) -> list[str]:
    return [f.title for f in films]


@pytest.mark.parametrize("spec", ["rating", "-rating", "rating:desc", "rating:asc"])
def test_equal_ratings_stay_in_title_order(rated: Catalog, spec: str) -> None:
    films = rated.films.search(sort=spec)
    fours = [f.title for f in films if f.rating == 4.0]
    assert fours == IN_TITLE_ORDER
    assert all(f.rating is None for f in films[5:])  # unrated last, both ways
    unrated = titles(films[5:])
    assert unrated == titles(sort_films(films[5:], "title"))


def test_reverse_sorts_reverse_only_the_sorted_column(rated: Catalog) -> None:
    # The shipped catalog has two films of 1957; Cranes comes before House either way.
    for spec in ("year", "-year"):
        shown = titles(rated.films.search(sort=spec))
        assert shown.index("The Cranes Are Flying") < shown.index("The House I Live In")
    assert titles(rated.films.search(sort="rating"))[:5] == [
        *IN_TITLE_ORDER,
        "The Story of Asya Klyachina",
    ]


def test_the_command_line_lists_reverse_rating_ties_by_title(rated: Catalog, database: str) -> None:
    rated.close()
    result = subprocess.run(
        [sys.executable, "-m", "filmdesk.cli", "--database", database,
         "list", "--sort", "-rating", "--json"],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    films = json.loads(result.stdout)
    assert [f["title"] for f in films][:5] == ["The Story of Asya Klyachina", *IN_TITLE_ORDER]
