"""The search texts a catalog keeps (``film_search_texts``): made once, read at the next start,
and dropped by the catalog itself whenever what they are made of changes, whoever changes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.db import own_connection
from filmdesk.core.search import KEPT_TEXT_MARK, SearchIndex
from filmdesk.core.watch import CatalogWatch
from tests.unusual_catalogs import writer_holding_the_lock


def kept(catalog: Catalog) -> dict[int, str]:
    with catalog.engine.connect() as conn:
        rows = conn.execute(text("SELECT film_id, text FROM film_search_texts")).all()
    return {int(film_id): str(value) for film_id, value in rows}


def folded_now(catalog: Catalog) -> dict[int, str]:
    """Each film's text as search folds it from the film itself."""
    return {film.id: SearchIndex.of([film]).text(0) for film in catalog.films.all()}


def sql(catalog: Catalog, statement: str) -> None:
    with catalog.engine.begin() as conn:
        conn.execute(text(statement))


def test_texts_are_made_once_kept_and_then_read(catalog: Catalog) -> None:
    assert kept(catalog) == {}
    made = dict(catalog.films.search_texts())
    assert made == folded_now(catalog) and len(made) == 10
    assert kept(catalog) == {i: KEPT_TEXT_MARK + t for i, t in made.items()}
    # The next reader takes what is kept, not a new folding.
    sql(catalog, f"UPDATE film_search_texts SET text = '{KEPT_TEXT_MARK} kept ' WHERE film_id = 3")
    assert dict(catalog.films.search_texts())[3] == " kept "
    # In pieces, as the window reads them.
    first = catalog.films.search_texts(0, 4)
    rest = catalog.films.search_texts(first[-1][0], 100)
    assert [i for i, _ in first + rest] == sorted(made)


def test_any_change_to_what_a_text_is_made_of_drops_it(catalog: Catalog) -> None:
    catalog.films.search_texts()
    film = catalog.films.resolve("The Cranes Are Flying")
    changes = [
        lambda: catalog.films.edit(film.id, {"title": "The Cranes Are Flying Zzyzx"}),
        lambda: catalog.films.edit(film.id, {"original_title": "Летят журавли ёжик"}),
        lambda: catalog.films.edit(film.id, {"directors": ["Mikhail Kalatozov", "Someone Else"]}),
        lambda: catalog.films.edit(film.id, {"notes": "Seen at the Illusion cinema"}),
        lambda: catalog.films.edit(film.id, {"description": "Veronika waits for Boris."}),
        lambda: catalog.films.edit(film.id, {}, add_tags=["Wartime Love"]),
        lambda: catalog.films.edit(film.id, {}, remove_tags=["Wartime Love"]),
        lambda: catalog.films.edit(film.id, {}, add_tags=["melodrama"]),
        # Other programs change the catalog with plain SQL: the catalog drops the text itself.
        lambda: sql(catalog, f"UPDATE films SET notes = 'plain sql note' WHERE id = {film.id}"),
        lambda: sql(catalog, "UPDATE tags SET name = 'Melodramas' WHERE key = 'melodrama'"),
        lambda: sql(catalog, "UPDATE tags SET key = 'a melodrama' WHERE key = 'melodrama'"),
        lambda: sql(
            catalog,
            "UPDATE film_tags SET tag_id = (SELECT min(id) FROM tags)"
            f" WHERE film_id = {film.id} AND tag_id = (SELECT max(id) FROM tags)",
        ),
        lambda: sql(catalog, f"DELETE FROM film_tags WHERE film_id = {film.id}"),
    ]
    for change in changes:
        change()
        assert film.id not in kept(catalog)
        assert len(kept(catalog)) == 9  # (the other films' stay)
        assert dict(catalog.films.search_texts()) == folded_now(catalog)
        assert film.id in kept(catalog)
    catalog.films.edit(film.id, {"rating": 4.5, "year": 1958})  # not part of the text
    assert film.id in kept(catalog)
    catalog.films.delete(film.id)
    assert film.id not in kept(catalog) and len(kept(catalog)) == 9


def test_texts_folded_by_other_rules_are_folded_again(catalog: Catalog) -> None:
    catalog.films.search_texts()
    sql(catalog, "UPDATE film_search_texts SET text = 'v0 old rules ' WHERE film_id = 5")
    assert dict(catalog.films.search_texts()) == folded_now(catalog)
    assert kept(catalog)[5].startswith(KEPT_TEXT_MARK + " ")


def test_while_another_writer_holds_the_catalog_texts_are_made_and_not_kept(
    database: str,
) -> None:
    catalog = open_catalog(database).catalog
    try:
        before = folded_now(catalog)
        writer = writer_holding_the_lock(database, 3)  # (film 2's notes changed, not committed)
        try:
            made = dict(catalog.films.search_texts())
        finally:
            writer.wait()
        assert kept(catalog) == {}
        assert made == before
        assert "from the other process" in dict(catalog.films.search_texts())[2]
        assert len(kept(catalog)) == 10
    finally:
        catalog.close()


def test_a_read_only_catalog_makes_texts_without_keeping_them(database: str) -> None:
    open_catalog(database).catalog.close()
    catalog = open_catalog(database, read_only=True).catalog
    try:
        assert dict(catalog.films.search_texts()) == folded_now(catalog)
        assert kept(catalog) == {}
    finally:
        catalog.close()


def test_a_large_import_keeps_the_triggers_that_drop_texts(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large import of new films pauses the tag triggers (SQLite) and makes them again: a
    film's tags changed afterwards still drop its text."""
    from filmdesk.core.exchange.csv_format import export_csv
    from filmdesk.core.exchange.planning import plan_import
    from filmdesk.core.importing import apply

    catalog = open_catalog(str(db_path)).catalog
    source = tmp_path / "films.csv"
    export_csv(source, catalog.films.columns())
    catalog.close()
    other = open_catalog(str(tmp_path / "other.sqlite3")).catalog
    try:
        with other.engine.begin() as conn:  # (an empty one: every film of the file is new)
            conn.execute(text("DELETE FROM films"))
        monkeypatch.setattr(apply, "REBUILD_INDEXES_FROM", 1)  # (10 films count as many)
        triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        with other.engine.connect() as conn:
            before = conn.execute(text(triggers)).all()
        other.imports.apply(plan_import(other, source))
        assert len(other.films.all()) == 10 and kept(other) == {}
        with other.engine.connect() as conn:
            assert conn.execute(text(triggers)).all() == before and len(before) >= 4
        other.films.search_texts()
        film = other.films.resolve("The Cranes Are Flying")
        other.films.edit(film.id, {}, add_tags=["after the import"])
        assert film.id not in kept(other) and len(kept(other)) == 9
        assert dict(other.films.search_texts()) == folded_now(other)
    finally:
        other.close()


def test_a_film_deleted_with_foreign_keys_off_takes_its_text_along(db_path: Path) -> None:
    """The sqlite3 shell leaves foreign keys off: a film deleted there still loses its text,
    and the next film given its id does not inherit it."""
    import sqlite3

    catalog = open_catalog(str(db_path)).catalog
    try:
        catalog.films.search_texts()
        last = max(kept(catalog))
        shell = sqlite3.connect(db_path)
        shell.execute(f"DELETE FROM films WHERE id = {last}")
        shell.commit()
        shell.close()
        assert last not in kept(catalog)
        added = catalog.films.add({"title": "Zzyzx Arrives"})
        assert added.id == last  # (SQLite gives the id again)
        assert "zzyzx" in dict(catalog.films.search_texts())[added.id]
    finally:
        catalog.close()


def test_a_full_disk_makes_texts_without_keeping_them(db_path: Path) -> None:
    catalog = open_catalog(str(db_path)).catalog
    try:
        long = " ".join(f"word{n}" for n in range(20_000))  # (its text needs new pages)
        catalog.films.edit(4, {"description": long})
        with own_connection(catalog.engine).raw() as raw:  # (the one that keeps texts)
            assert raw is not None
            raw.execute("VACUUM")  # (no free pages left either)
            pages = raw.execute("PRAGMA page_count").fetchone()[0]
            raw.execute(f"PRAGMA max_page_count = {pages}")
        assert dict(catalog.films.search_texts()) == folded_now(catalog)
        assert kept(catalog) == {}
    finally:
        catalog.close()


def test_after_giving_up_a_change_still_waits_its_usual_turn(database: str) -> None:
    """Keeping texts gives up after a moment when another writer holds the catalog; a change
    made afterwards on the same connection still waits as long as any change does."""
    catalog = open_catalog(database).catalog
    try:
        writer = writer_holding_the_lock(database, 1.0)
        try:
            catalog.films.search_texts()  # (gives up keeping them)
        finally:
            writer.wait()
        assert kept(catalog) == {}
        writer = writer_holding_the_lock(database, 1.0)
        try:
            catalog.films.edit(3, {"notes": "typed while another program wrote"})
        finally:
            writer.wait()
        assert catalog.films.get(3).notes == "typed while another program wrote"
    finally:
        catalog.close()


def test_keeping_texts_is_not_taken_for_another_programs_change(db_path: Path) -> None:
    """The window's watch looks for other programs' commits; texts the window keeps itself
    are none (a false one read every film's stamp again and said every collection changed,
    each second of a first start)."""
    catalog = open_catalog(str(db_path)).catalog
    watch = CatalogWatch(catalog)
    try:
        catalog.films.search_texts()
        assert len(kept(catalog)) == 10
        assert watch.poll() is None
        sql(catalog, "UPDATE films SET notes = 'elsewhere', updated_at = '2030-01-01' WHERE id = 2")
        changes = watch.poll()  # (what another connection commits is still seen)
        assert changes is not None and changes.films_changed == {2}
        assert watch.poll() is None
    finally:
        watch.close()
        catalog.close()


def test_after_a_damaged_catalog_is_restored_the_watch_and_the_texts_follow_the_new_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Restoring a damaged catalog puts another file in its place: the window's own connection
    (its watch, the texts it keeps) is opened anew on it, not left on the old one."""
    from filmdesk.core.backups import restoring
    from filmdesk.core.backups.naming import Reason
    from filmdesk.core.backups.writing import make_backup
    from filmdesk.core.problems import DamagedCatalogError

    catalog = open_catalog(str(db_path)).catalog
    watch = CatalogWatch(catalog)
    try:
        backup = make_backup(db_path, Reason.AUTOMATIC).path

        def damaged(*_args: object, **_kwargs: object) -> None:
            raise DamagedCatalogError(db_path, "part of it cannot be read")

        monkeypatch.setattr(restoring, "make_backup", damaged)  # (the path a damaged one takes)
        catalog.backups.restore(backup)
        watch.reset()
        assert watch.poll() is None
        sql(catalog, "UPDATE films SET notes = 'elsewhere', updated_at = '2030-01-01' WHERE id = 3")
        changes = watch.poll()
        assert changes is not None and changes.films_changed == {3}
        catalog.films.search_texts()
        assert len(kept(catalog)) == 10  # (in the file the catalog is now)
    finally:
        watch.close()
        catalog.close()
