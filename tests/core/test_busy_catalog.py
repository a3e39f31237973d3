"""A second process writing to the catalog: a write here waits its turn instead of failing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog, open_catalog

_HOLD = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE films SET notes = 'from the other process' WHERE id = 2")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("COMMIT")
"""


def _writer_holding_the_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    writer = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None and writer.stdout.readline().strip() == "holding"
    return writer


def test_an_edit_waits_for_another_writer_and_is_saved(tmp_path: Path) -> None:
    db = tmp_path / "catalog.sqlite3"
    catalog: Catalog = open_catalog(str(db)).catalog
    film = catalog.films.get(1)
    writer = _writer_holding_the_lock(db, 3)
    # An edit reads the film first, then writes: it used to fail at once with "database is
    # locked" (a read turned write does not wait), and the window threw the typed text away.
    catalog.films.edit(film.id, {"notes": "typed while the import ran"}, add_tags=["kept"])
    assert writer.wait(timeout=30) == 0
    assert catalog.films.get(film.id).notes == "typed while the import ran"
    assert "kept" in catalog.films.get(film.id).tags
    assert catalog.films.get(2).notes == "from the other process"  # theirs is kept too
    catalog.close()


def test_deleting_and_creating_lists_wait_too(tmp_path: Path) -> None:
    db = tmp_path / "catalog.sqlite3"
    catalog = open_catalog(str(db)).catalog
    writer = _writer_holding_the_lock(db, 2)
    created = catalog.lists.create("Year 9")
    catalog.films.delete(3)
    assert writer.wait(timeout=30) == 0
    assert [s.name for s in catalog.lists.summaries()] == [created.name]
    assert 3 not in {f.id for f in catalog.films.all()}
    catalog.close()


def test_an_undo_never_overwrites_a_later_change_made_elsewhere(tmp_path: Path) -> None:
    from filmdesk.core.errors import StaleEditError
    from filmdesk.core.films.operations import EditFilms

    db = str(tmp_path / "catalog.sqlite3")
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
    tmp_path: Path,
) -> None:
    from filmdesk.core.errors import StaleEditError
    from filmdesk.core.films.operations import EditFilms

    db = str(tmp_path / "catalog.sqlite3")
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
