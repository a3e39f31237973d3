"""A second process writing to the catalog (a file, or a shared catalog on PostgreSQL): a write
here waits its turn instead of failing, and never overwrites what the other wrote."""

from __future__ import annotations

import pytest

from filmdesk.core.catalog import Catalog, open_catalog
from tests.unusual_catalogs import writer_holding_the_lock


def test_an_edit_waits_for_another_writer_and_is_saved(database: str) -> None:
    catalog: Catalog = open_catalog(database).catalog
    film = catalog.films.get(1)
    writer = writer_holding_the_lock(database, 3)
    # An edit reads the film first, then writes: it used to fail at once with "database is
    # locked" (a read turned write does not wait), and the window threw the typed text away.
    catalog.films.edit(film.id, {"notes": "typed while the import ran"}, add_tags=["kept"])
    assert writer.wait(timeout=30) == 0
    assert catalog.films.get(film.id).notes == "typed while the import ran"
    assert "kept" in catalog.films.get(film.id).tags
    assert catalog.films.get(2).notes == "from the other process"  # theirs is kept too
    catalog.close()


def test_deleting_and_creating_lists_wait_too(database: str) -> None:
    catalog = open_catalog(database).catalog
    writer = writer_holding_the_lock(database, 2)
    created = catalog.lists.create("Year 9")
    catalog.films.delete(3)
    assert writer.wait(timeout=30) == 0
    assert [s.name for s in catalog.lists.summaries()] == [created.name]
    assert 3 not in {f.id for f in catalog.films.all()}
    catalog.close()


def test_an_undo_never_overwrites_a_later_change_made_elsewhere(database: str) -> None:
    from filmdesk.core.errors import StaleEditError
    from filmdesk.core.films.operations import EditFilms

    db = database
    window = open_catalog(db).catalog
    done = window.run(EditFilms({4: {"rating": 2}}))  # rated 2 stars in the window
    other = open_catalog(db).catalog  # filmdesk-cli edit 4 --rating 4.5
    other.films.edit(4, {"rating": 4.5})
    with pytest.raises(StaleEditError, match=r"\(rating is now 4.5\); nothing was overwritten"):
        window.run(done.inverse)  # Ctrl+Z in the window
    assert window.films.get(4).rating == 4.5
    # Without a change elsewhere, undo and redo work as ever.
    done = window.run(EditFilms({4: {"notes": "mine"}}))
    undone = window.run(done.inverse)
    assert window.films.get(4).notes == ""
    window.run(undone.inverse)
    assert window.films.get(4).notes == "mine"
    other.close()
    window.close()


def test_an_edit_made_on_what_the_window_showed_is_refused_when_that_changed(
    database: str,
) -> None:
    from filmdesk.core.errors import StaleEditError
    from filmdesk.core.films.operations import EditFilms

    db = database
    window = open_catalog(db).catalog
    shown = window.films.get(5)
    other = open_catalog(db).catalog
    other.films.edit(5, {"title": "Renamed elsewhere"})
    edit = EditFilms({5: {"title": "Renamed here"}}, expected={5: {"title": shown.title}})
    with pytest.raises(StaleEditError, match="title is now 'Renamed elsewhere'"):
        window.run(edit)
    assert window.films.get(5).title == "Renamed elsewhere"
    other.close()
    window.close()
