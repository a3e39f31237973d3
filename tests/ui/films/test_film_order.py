"""The table's orders, kept as arrays and mended when films change, are those of a fresh sort."""

from __future__ import annotations

import random

import pytest

from filmdesk.core.records import FilmRow
from filmdesk.ui.films.film_order import Column, FilmOrder
from tests.core.test_search_index import make_films


def rows(count: int) -> list[FilmRow | None]:
    # Many equal titles, years, ratings and empty values: ties are where orders go wrong.
    return [FilmRow.of(f) for f in make_films(count)]


def every_order(order: FilmOrder) -> dict[tuple[Column, bool], list[int]]:
    return {(c, d): order.positions(c, d) for c in Column for d in (False, True)}


def fresh(films: list[FilmRow | None]) -> dict[tuple[Column, bool], list[int]]:
    order = FilmOrder(lambda: films)
    order.reset()
    return every_order(order)


def prepared(films: list[FilmRow | None]) -> FilmOrder:
    order = FilmOrder(lambda: films)
    order.reset()
    steps = 0
    while not order.prepare_step():
        steps += 1
    assert steps >= 2 * len(Column)  # (each order made ahead, in steps)
    return order


@pytest.mark.parametrize("changes", [5, 400])  # mended in place, or made again
def test_orders_after_edits_additions_and_removals_are_a_fresh_sorts(changes: int) -> None:
    films = rows(1500)
    order = prepared(films)
    order.set_sort(Column.YEAR, True)
    assert every_order(order) == fresh(films)
    rng = random.Random(changes)
    for _ in range(changes):
        position = rng.randrange(len(films))
        film = films[position]
        if film is None:
            continue
        if rng.random() < 0.2:
            films[position] = None
            order.drop({position})
            continue
        edited = film._replace(
            title=rng.choice(["The Letter", "Aelita", "Ёлка", film.title]),
            year=rng.choice([None, 1957, 2001, film.year]),
            rating=rng.choice([None, 2.5, film.rating]),
            tags=rng.choice([(), ("war",), film.tags]),
            directors=rng.choice([(), ("Ryazanov",), film.directors]),
        )
        films[position] = edited
        order.take_out(position)
        order.film_changed(position, edited)
        order.put_in(position)
        if rng.random() < 0.1:
            films.append(edited._replace(id=100_000 + len(films)))
            order.film_added(films[-1])  # type: ignore[arg-type]
            order.put_in(len(films) - 1)
    expected = fresh(films)
    assert list(order.shown) == expected[(Column.YEAR, True)]
    assert every_order(order) == expected


def test_many_films_added_at_once_are_ordered_with_the_rest() -> None:
    films = rows(800)
    order = prepared(films)
    order.set_sort(Column.TAGS, False)
    films.extend(f._replace(id=f.id + 10_000) for f in rows(600) if f is not None)
    order.films_added(films[800:])  # type: ignore[arg-type]
    order.reorder()
    expected = fresh(films)
    assert list(order.shown) == expected[(Column.TAGS, False)]
    assert every_order(order) == expected
