"""Opening the window holds off Python's cyclic garbage collector while it is made (what is made
then lives as long as the window), and always gives it back."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import open_catalog
from filmdesk.core.db import DatabaseOpenError
from tests.unusual_catalogs import writer_holding_the_lock


def test_the_collector_is_back_once_the_window_is_open_or_could_not_be(
    qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    from filmdesk import app

    open_catalog(str(db_path)).catalog.close()
    gc.unfreeze()
    window = app.open_window(str(db_path))
    qtbot.addWidget(window)
    try:
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what the start made is set aside, not walked again
        window.show()
        qtbot.waitUntil(lambda: not window.films.is_preparing(), timeout=10000)

        # Garbage made once the window is up is collected by the collector on its own.
        class Node:
            other: object = None

        made = []
        for _ in range(5000):
            first, second = Node(), Node()
            first.other, second.other = second, first
            made.append(weakref.ref(first))
        del first, second
        assert sum(ref() is None for ref in made) > 0
    finally:
        window.close()
        window.catalog.close()

    broken = tmp_path / "not-a-catalog.sqlite3"
    broken.write_bytes(b"this is not a database\n" * 500)
    with pytest.raises(DatabaseOpenError, match="not a database"):
        app.open_window(str(broken))
    assert gc.isenabled()


def test_a_window_closed_before_its_films_are_prepared_can_go(db_path: Path) -> None:
    """What the start set aside from the collector goes with a window closed early (another
    window of the same program, a catalog opened again)."""
    import shiboken6

    from filmdesk import app

    open_catalog(str(db_path)).catalog.close()
    window = app.open_window(str(db_path))
    catalog = weakref.ref(window.catalog)
    window.close()
    window.catalog.close()
    shiboken6.delete(window)
    del window
    gc.collect()
    assert catalog() is None


def test_the_window_opens_while_another_program_writes_to_the_catalog(
    qtbot: QtBot, db_path: Path
) -> None:
    """An import in another program holds the catalog's write lock: the window opens all the
    same (what it would write at opening waits for another time), its films shown."""
    from filmdesk import app

    open_catalog(str(db_path)).catalog.close()
    writer = writer_holding_the_lock(db_path, 60)
    try:
        window = app.open_window(str(db_path))
        qtbot.addWidget(window)
        assert window.films.model.rowCount() == 10
    finally:
        writer.kill()
        writer.wait()
    window.close()
    window.catalog.close()
