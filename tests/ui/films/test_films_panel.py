"""The films page on its own, without a window: it reads the catalog and follows Changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.core.operations import Changes, films_added, films_changed, films_removed
from filmdesk.ui.films.detail_panel import FilmDetailPanel
from filmdesk.ui.films.details import FilmDetails
from filmdesk.ui.films.film_order import Column
from filmdesk.ui.films.films_panel import FilmsPanel

CRANES = "The Cranes Are Flying"


@pytest.fixture
def panel(qtbot: QtBot, catalog: Catalog) -> FilmsPanel:
    films = FilmsPanel(catalog)
    qtbot.addWidget(films)
    films.load()
    return films


def titles(panel: FilmsPanel) -> list[str]:
    model = panel.model
    return [model.index(r, Column.TITLE).data() for r in range(model.rowCount())]


def test_the_panel_follows_changes_to_films(
    qtbot: QtBot, panel: FilmsPanel, catalog: Catalog, qtmodeltester: object
) -> None:
    assert len(titles(panel)) == 10
    cranes = catalog.films.resolve(CRANES)
    (edited,) = catalog.films.edit_many({cranes.id: {"title": "Летят журавли", "tags": ["war"]}})
    with qtbot.waitSignal(panel.status_changed):
        panel.apply_changes(films_changed([edited], tags=True))
    assert "Летят журавли" in titles(panel)
    assert panel.tag_names() == ["war"]
    new = catalog.films.add({"title": "Mirror", "year": 1975})
    with qtbot.waitSignal(panel.current_film_changed) as chosen:
        panel.apply_changes(films_added([new]))
    assert chosen.args == [new.id]  # a film added is selected
    assert panel.status_text() == "11 films · 0 watched"
    catalog.films.delete_many([new.id])
    panel.apply_changes(films_removed([new.id]))
    assert "Mirror" not in titles(panel)
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]


def test_a_scope_and_a_search_together(qtbot: QtBot, panel: FilmsPanel, catalog: Catalog) -> None:
    catalog.films.edit_many({6: {"tags": ["war"]}, 10: {"tags": ["war"]}})
    panel.reread()
    panel.scope_to("tag", "war")
    assert titles(panel) == ["The Ballad of a Soldier", CRANES]
    qtbot.keyClicks(panel.search.field, "zzz")
    assert panel.stack.currentWidget() is panel.empty_state
    assert "No films match" in panel.empty_label.text()
    panel.clear_search()
    panel.set_scope([], "Nothing in this collection.")
    assert panel.empty_label.text() == "Nothing in this collection."
    assert panel.status_text() == "10 films · 0 watched · 0 shown"


def test_details_follow_the_film_shown(qtbot: QtBot, catalog: Catalog) -> None:
    detail = FilmDetailPanel()
    qtbot.addWidget(detail)
    details = FilmDetails(catalog, detail, lambda: ["war"])
    cranes = catalog.films.resolve(CRANES)
    details.show_film(cranes.id)
    assert detail.title.text() == CRANES
    (edited,) = catalog.films.edit_many({cranes.id: {"notes": "Урусевский"}})
    details.apply_changes(films_changed([edited]))
    assert detail.notes.toPlainText() == "Урусевский"
    details.apply_changes(Changes(films_removed=frozenset({cranes.id})))
    assert detail.film() is None


def test_thousands_of_films_added_are_selected_in_one_step(
    qtbot: QtBot, panel: FilmsPanel, catalog: Catalog, tmp_path: Path
) -> None:
    # An import of thousands of films froze the window: each one was selected on its own,
    # and every selection made the views (and the detail panel) read it all again.
    from filmdesk.core.exchange.planning import plan_import

    source = tmp_path / "letters.csv"
    rows = "".join(f"Letter {n:04},1960\n" for n in range(3000))
    source.write_text("title,year\n" + rows, encoding="utf-8")
    outcome = catalog.imports.run(plan_import(catalog, source))
    added = catalog.films.get_many(outcome.result.added)
    selections: list[object] = []
    panel.table.selectionModel().selectionChanged.connect(lambda *_: selections.append(1))
    panel.apply_changes(films_added(added))
    chosen = panel.table.selectionModel().selectedRows()
    assert len(chosen) == 3000
    assert len(selections) <= 2  # the current film, then all the others at once


def test_thousands_of_films_added_are_searchable_by_their_notes(
    qtbot: QtBot, panel: FilmsPanel, catalog: Catalog, tmp_path: Path
) -> None:
    # Many films at once are shown first; their notes become searchable in steps after, and
    # a search typed before that finishes them first.
    from filmdesk.core.exchange.planning import plan_import

    source = tmp_path / "letters.csv"
    rows = "".join(f"Letter {n:04},1960,note{n:04}\n" for n in range(2000))
    source.write_text("title,year,notes\n" + rows, encoding="utf-8")
    outcome = catalog.imports.run(plan_import(catalog, source))
    panel.apply_changes(films_added(catalog.films.get_many(outcome.result.added)))
    assert panel.model.shown_count() == 2010
    panel.search.field.setText("note1234")
    qtbot.waitUntil(lambda: titles(panel) == ["Letter 1234"])
    panel.search.field.setText("")
    qtbot.waitUntil(lambda: panel.model.shown_count() == 2010)
    # Left alone, the window makes every note searchable by itself.
    qtbot.waitUntil(panel.model.search_ready)
    panel.search.field.setText("note0007")
    qtbot.waitUntil(lambda: titles(panel) == ["Letter 0007"])
