"""The film table's model on its own: the model tester, sorting, searching, adding and removing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from filmdesk.core.catalog import Catalog
from filmdesk.ui.films.film_order import Column
from filmdesk.ui.films.film_table_model import FilmTableModel

CRANES = "The Cranes Are Flying"


def test_models_pass_the_model_tester(qtmodeltester: object, catalog: Catalog) -> None:
    model = FilmTableModel()
    model.set_films(catalog.films.all())
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(Column.YEAR, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    from filmdesk.core.search import parse_query

    model.set_query(parse_query("year:1957"))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    film = catalog.films.resolve(CRANES)
    model.remove_films([film.id])
    assert model.rowCount() == 1
    model.add_films([film])
    assert model.rowCount() == 2
    qtmodeltester.check(model)  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", ["the s", "the soldier", "letters war", "ch letter", "ти зо"])
def test_typing_letter_by_letter_finds_what_the_whole_query_finds(
    catalog: Catalog, text: str
) -> None:
    from filmdesk.core.search import parse_query

    typed = FilmTableModel()
    typed.set_films(catalog.films.rows(), catalog.films.texts)
    for end in range(1, len(text) + 1):
        typed.set_query(parse_query(text[:end]))
    at_once = FilmTableModel()
    at_once.set_films(catalog.films.rows(), catalog.films.texts)
    at_once.set_query(parse_query(text))
    rows = range(typed.rowCount())
    assert [typed.film_at(r).id for r in rows] == [
        at_once.film_at(r).id for r in range(at_once.rowCount())
    ]
