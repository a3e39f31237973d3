"""The film table's model on its own: the model tester, sorting, searching, adding and removing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from filmdesk.core.catalog import Catalog
from filmdesk.core.records import FilmRecord, FilmRow
from filmdesk.ui.films.film_order import Column
from filmdesk.ui.films.film_table_model import FilmTableModel

CRANES = "The Cranes Are Flying"


def big_films() -> list[FilmRecord]:
    """6,000 generated films, without notes or descriptions (the rows' searchable text)."""
    from dataclasses import replace

    from tests.core.test_search_index import make_films

    return [replace(f, notes="", description="") for f in make_films(6000)]


def sorted_table(films: list[FilmRecord]) -> FilmTableModel:
    """A table of ``films`` with every column's order made (as a window has once prepared)."""
    model = FilmTableModel()
    model.set_films([FilmRow.of(f) for f in films])
    while not model.prepare_sorting_step():
        pass
    return model


def test_models_pass_the_model_tester(qtmodeltester: object, catalog: Catalog) -> None:
    model = FilmTableModel()
    model.set_films([FilmRow.of(f) for f in catalog.films.all()])
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


@pytest.mark.parametrize(
    "text",
    ["the s", "the soldier", "letters war", "ch letter", "ти зо", '"the so', 'a "ballad of" s'],
)
def test_typing_letter_by_letter_finds_what_the_whole_query_finds(
    catalog: Catalog, text: str
) -> None:
    from filmdesk.core.search import parse_query

    typed = FilmTableModel()
    typed.set_films(catalog.films.rows(), catalog.films.search_texts)
    for end in range(1, len(text) + 1):
        typed.set_query(parse_query(text[:end]))
    at_once = FilmTableModel()
    at_once.set_films(catalog.films.rows(), catalog.films.search_texts)
    at_once.set_query(parse_query(text))
    rows = range(typed.rowCount())
    assert [typed.film_at(r).id for r in rows] == [
        at_once.film_at(r).id for r in range(at_once.rowCount())
    ]


def test_a_big_table_searches_right_after_edits_additions_removals_and_sorts() -> None:
    """Thousands of films are searched from the table's order kept as an array: after each
    change, the films found (and their order) are those of a table made afresh."""
    from dataclasses import replace

    from filmdesk.core.search import parse_query

    films = big_films()
    model = sorted_table(films)

    def found(table: FilmTableModel, query: str) -> list[int]:
        table.set_query(parse_query(query))
        ids = [table.film_at(r).id for r in range(table.rowCount())]
        table.set_query(None)
        return ids

    def agrees_with_a_fresh_table(queries: list[str]) -> None:
        fresh = FilmTableModel()
        fresh.set_films([FilmRow.of(f) for f in films])
        fresh.sort(*model.sort_state())
        for query in queries:
            assert found(model, query) == found(fresh, query), query

    queries = ["l", "let", "c", "year:1957", "rating:>=4", "zzyzx", "watched:no"]
    assert len(found(model, "l")) > 2000  # (enough rows to be picked as an array)
    edited = replace(films[10], title="Zzyzx Letters")
    films[10] = edited
    model.update_film(edited)
    assert found(model, "zzyzx") == [edited.id]
    agrees_with_a_fresh_table(queries)
    model.remove_films([films[20].id])
    del films[20]
    added = replace(films[0], id=50_000, title="Another Zzyzx")
    films.append(added)
    model.add_films([added])
    agrees_with_a_fresh_table(queries)
    model.sort(Column.YEAR, Qt.SortOrder.DescendingOrder)
    agrees_with_a_fresh_table(queries)


def test_typing_on_after_a_film_is_added_and_one_removed_finds_what_a_fresh_table_does() -> None:
    """A search that grows starts from the rows shown (their array kept by the index): a film
    added and one removed while it is shown are counted in, as a fresh table counts them."""
    from dataclasses import replace

    from filmdesk.core.search import parse_query

    films = big_films()
    model = sorted_table(films)
    model.set_query(parse_query("l"))
    model.set_query(parse_query("le"))
    assert model.rowCount() > 2000  # (enough rows to be picked as an array)
    added = replace(films[0], id=50_000, title="Letters Never Sent Again")
    model.add_films([added])
    gone = model.film_at(5).id
    model.remove_films([gone])
    films = [*(f for f in films if f.id != gone), added]
    model.set_query(parse_query("let"))
    typed = [model.film_at(r).id for r in range(model.rowCount())]
    fresh = FilmTableModel()
    fresh.set_films([FilmRow.of(f) for f in films])
    fresh.set_query(parse_query("let"))
    assert typed == [fresh.film_at(r).id for r in range(fresh.rowCount())]
    assert added.id in typed and gone not in typed


def test_a_big_search_keeps_the_selection_through_a_sort_and_finds_each_films_row() -> None:
    """A search that keeps thousands of films holds them as the array it picked them in
    (``Positions``): a film's row, the rows kept across a sort, and the films shown are what
    they would be with a plain list."""
    from PySide6.QtCore import QPersistentModelIndex

    from filmdesk.core.search import Positions, parse_query

    films = big_films()
    model = sorted_table(films)
    model.set_query(parse_query("l"))
    assert isinstance(model._rows, Positions)  # (what this test is about)
    shown = [model.film_at(r).id for r in range(model.rowCount())]
    assert [model.row_of(film_id) for film_id in shown[::500]] == list(range(0, len(shown), 500))
    hidden = next(f.id for f in films if f.id not in set(shown))
    assert model.row_of(hidden) is None
    kept = [QPersistentModelIndex(model.index(r, 0)) for r in (0, 7, len(shown) - 1)]
    model.sort(Column.YEAR, Qt.SortOrder.DescendingOrder)
    assert [model.film_at(k.row()).id for k in kept] == [shown[0], shown[7], shown[-1]]
    assert sorted(model.film_at(r).id for r in range(model.rowCount())) == sorted(shown)


def test_a_search_that_changes_no_row_leaves_the_view_be(catalog: Catalog) -> None:
    """Typing a word every film has (or clearing it) resets nothing: the selection, the
    current row and the scroll position stay."""
    from filmdesk.core.search import parse_query

    model = FilmTableModel()
    model.set_films([FilmRow.of(f)._replace(title=f"Film {f.id}") for f in catalog.films.all()])
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_query(parse_query("film"))
    assert model.rowCount() == len(catalog.films.all())
    model.set_query(None)
    model.sort(Column.YEAR, Qt.SortOrder.DescendingOrder)
    model.set_query(parse_query("fil"))
    model.set_query(None)
    assert resets == []


def test_films_replaced_during_an_import_drop_its_texts_to_come() -> None:
    """A catalog read again while an import's notes were still being made searchable: the
    table searches the new films, and the import's positions are not looked at."""
    from filmdesk.core.search import parse_query

    films = big_films()
    model = FilmTableModel()
    model.set_films([FilmRow.of(f) for f in films[:10]])
    model.add_films([replace_id(f, 10_000 + n) for n, f in enumerate(films[:1500])])
    model.set_films([FilmRow.of(f) for f in films[:5]])
    assert model.load_texts_step()
    assert model.shown_count() == 5
    model.set_query(parse_query(films[0].title.split()[0]))
    assert films[0].id in model.matching_ids(parse_query(films[0].title.split()[0]))


def test_ids_read_without_rows_are_those_of_the_rows(catalog: Catalog) -> None:
    films = catalog.films.all()
    model = sorted_table(films)
    model.remove_films([films[3].id])
    shown = [model.film_at(row).id for row in range(model.rowCount())]
    assert model.shown_ids() == shown
    assert sorted(i for i, _ in model.films_with("watched")) == sorted(shown)
    watched = {f.id for f in films if f.watched and f.id != films[3].id}
    assert {i for i, seen in model.films_with("watched") if seen} == watched
    assert model.tag_names() == sorted(
        {t for f in films if f.id != films[3].id for t in f.tags}, key=str.casefold
    )


def replace_id(film: FilmRecord, film_id: int) -> FilmRecord:
    from dataclasses import replace

    return replace(film, id=film_id)
