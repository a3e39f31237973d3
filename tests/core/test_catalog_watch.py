"""The watch (``CatalogWatch``) reports exactly what other connections changed, and not what
the window said it changed itself, through adds, edits and deletes in any order of ids."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.operations import Changes
from filmdesk.core.watch import CatalogWatch


def sql(catalog: Catalog, *statements: str) -> None:
    with catalog.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


def add_copy(catalog: Catalog, film_id: int, new_id: int) -> None:
    """A film added under ``new_id`` (a copy of another, as a second program might add one)."""
    columns = (
        "title, original_title, year, directors, countries, runtime_minutes, description, fact,"
        " trailer_url, availability_note, watched, notes, sort_title, created_at, updated_at"
    )
    sql(
        catalog,
        f"INSERT INTO films (id, {columns}) SELECT {new_id}, {columns} FROM films"
        f" WHERE id = {film_id}",
    )


def test_a_look_reports_just_the_films_others_added_changed_and_removed(db_path: Path) -> None:
    mine = open_catalog(str(db_path)).catalog
    other = open_catalog(str(db_path)).catalog
    watch = CatalogWatch(mine)
    try:
        ids = sorted(film.id for film in mine.films.all())
        assert watch.poll() is None
        sql(
            other,
            f"UPDATE films SET notes = 'theirs', updated_at = '2031-01-01' WHERE id = {ids[1]}",
            f"UPDATE films SET year = 1999, updated_at = '2031-01-02' WHERE id = {ids[3]}",
            f"DELETE FROM films WHERE id = {ids[5]}",
        )
        add_copy(other, ids[0], 500)
        add_copy(other, ids[0], 501)
        changes = watch.poll()
        assert changes is not None
        assert changes.films_changed == {ids[1], ids[3]}
        assert changes.films_removed == {ids[5]}
        assert changes.films_added == {500, 501}
        assert {film.id for film in changes.films} == {ids[1], ids[3], 500, 501}
        assert watch.poll() is None

        # The window's own changes, said with ``saw``: not reported as another's. A film of
        # its own added among the known ids (where a deleted one was), one removed, one edited.
        add_copy(mine, ids[0], ids[5])
        sql(mine, f"DELETE FROM films WHERE id = {ids[2]}")
        sql(mine, f"UPDATE films SET updated_at = '2032-01-01' WHERE id = {ids[4]}")
        watch.saw(
            Changes(
                films_added=frozenset({ids[5]}),
                films_removed=frozenset({ids[2]}),
                films_changed=frozenset({ids[4]}),
            )
        )
        assert watch.poll() is None
        # ... and what others do next is still seen, on the films the window added too.
        sql(other, f"UPDATE films SET updated_at = '2033-01-01' WHERE id IN ({ids[5]}, {ids[6]})")
        changes = watch.poll()
        assert changes is not None
        assert (changes.films_added, changes.films_removed) == (set(), set())
        assert changes.films_changed == {ids[5], ids[6]}
    finally:
        watch.close()
        other.close()
        mine.close()


def test_many_films_of_its_own_removed_and_put_back_are_followed(db_path: Path) -> None:
    """The window deletes a run of films and puts them back (an undo), more than a few at a
    time: what others change afterwards is still reported exactly."""
    mine = open_catalog(str(db_path)).catalog
    other = open_catalog(str(db_path)).catalog
    watch = CatalogWatch(mine)
    try:
        first = min(film.id for film in mine.films.all())
        for new_id in range(100, 160):
            add_copy(other, first, new_id)
        changes = watch.poll()
        assert changes is not None and changes.films_added == set(range(100, 160))

        run = frozenset(range(110, 130))  # (more than are put in or taken out one by one)
        sql(mine, "DELETE FROM films WHERE id BETWEEN 110 AND 129")
        watch.saw(Changes(films_removed=run))
        sql(other, "UPDATE films SET updated_at = '2031-01-01' WHERE id = 140")
        changes = watch.poll()
        assert changes is not None
        assert (changes.films_added, changes.films_removed) == (set(), set())
        assert changes.films_changed == {140}

        for new_id in sorted(run):
            add_copy(mine, first, new_id)
        watch.saw(Changes(films_added=run))
        sql(other, "UPDATE films SET updated_at = '2032-01-01' WHERE id IN (115, 150)")
        changes = watch.poll()
        assert changes is not None
        assert (changes.films_added, changes.films_removed) == (set(), set())
        assert changes.films_changed == {115, 150}
    finally:
        watch.close()
        other.close()
        mine.close()
