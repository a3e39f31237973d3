"""A small catalog with known viewings, for the tests of statistics and of the search terms on
viewings (core and command line): its films, and every figure worked out by hand beside it."""

from __future__ import annotations

from datetime import date

from filmdesk.core.catalog import Catalog

# title -> (fields, viewings as (day, rating given then, rewatch))
FILMS: dict[str, tuple[dict[str, object], list[tuple[date | None, float | None, bool]]]] = {
    "Mirror": (
        {"year": 1975, "directors": ["Andrei Tarkovsky"], "countries": ["Soviet Union"],
         "runtime_minutes": 107, "rating": 5, "tags": ["жара", "ёлка"]},
        [(date(2023, 12, 30), 4, False), (date(2024, 3, 12), None, True),
         (date(2024, 3, 20), 4.5, True)],
    ),
    "Stalker": (
        {"year": 1979, "directors": ["Andrei Tarkovsky"], "countries": ["Soviet Union"],
         "runtime_minutes": 162, "rating": 4.5},
        [(date(2024, 3, 1), 5, False), (date(2024, 7, 4), None, False)],
    ),
    "Летят журавли": (
        {"year": 1957, "directors": ["Михаил Калатозов"], "countries": ["Soviet Union"],
         "runtime_minutes": 97, "rating": 4.5, "tags": ["war"]},
        [(None, None, False), (date(2024, 5, 9), None, True)],
    ),
    "Amélie": (
        {"year": 2001, "directors": ["Emil Loteanu", "élise Girardot"], "countries": ["France"],
         "rating": 3.5, "tags": ["comedy"]},
        [(date(2024, 11, 2), None, False), (date(2024, 11, 3), None, False),
         (date(2022, 1, 15), None, False)],
    ),
    "Never Seen": ({"year": 1962, "directors": ["Ёлкин"], "rating": 2}, []),
    "No Year": ({}, []),
}  # fmt: skip


def build(catalog: Catalog) -> dict[str, int]:
    """Replace the seeded films with FILMS and their viewings; the films' ids by title."""
    catalog.films.delete_many([film.id for film in catalog.films.all()])
    ids = {}
    for title, (fields, viewings) in FILMS.items():
        film = catalog.films.add({"title": title, **fields})  # type: ignore[typeddict-item]
        ids[title] = film.id
        for day, rating, rewatch in viewings:
            catalog.films.add_viewing(
                film.id, {"watched_on": day, "rating": rating, "rewatch": rewatch}
            )
    return ids
