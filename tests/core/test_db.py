from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from filmdesk.core.catalog import open_catalog
from filmdesk.core.db import (
    SCHEMA_HEAD,
    DatabaseOpenError,
    alembic_config,
    create_catalog_engine,
    head_revision,
)
from filmdesk.core.models import Base
from filmdesk.paths import database_target, default_database_path


def test_default_location_honours_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_database_path() == tmp_path / "xdg" / "filmdesk" / "library.sqlite3"
    assert database_target(None) == str(tmp_path / "xdg" / "filmdesk" / "library.sqlite3")
    monkeypatch.setenv("FILMDESK_DATABASE", str(tmp_path / "env.sqlite3"))
    assert database_target(None) == str(tmp_path / "env.sqlite3")
    assert database_target(str(tmp_path / "arg.sqlite3")) == str(tmp_path / "arg.sqlite3")


def test_sqlite_pragmas(db_path: Path) -> None:
    opened = open_catalog(str(db_path))
    with opened.catalog.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    opened.catalog.close()


def test_migrated_schema_matches_the_models(db_path: Path) -> None:
    opened = open_catalog(str(db_path))
    with opened.catalog.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    opened.catalog.close()
    assert diff == []


def test_schema_head_constant_matches_the_migrations() -> None:
    assert head_revision() == SCHEMA_HEAD


def test_new_database_needs_no_backup(db_path: Path) -> None:
    opened = open_catalog(str(db_path))
    assert opened.migration.from_revision is None
    assert opened.migration.backup_path is None
    assert list(db_path.parent.rglob("*.bak")) == []
    opened.catalog.close()


def catalog_at(db_path: Path, revision: str, *statements: str) -> None:
    """A catalog as an earlier filmdesk left it: the schema at ``revision``, then ``statements``."""
    engine = create_catalog_engine(str(db_path))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


_FILM_500 = (
    "INSERT INTO films (id, title, original_title, directors, countries, description, fact,"
    " trailer_url, availability_note, watched, notes, created_at, updated_at)"
    " VALUES (500, '{title}', '', '[]', '[]', '', '', '', '', 0, '', '2020-01-01', '2020-01-01')"
)


def test_existing_database_is_backed_up_then_upgraded(db_path: Path) -> None:
    # A catalog written by an earlier filmdesk, at the first schema revision, with a user's film.
    catalog_at(
        db_path,
        "0001",
        "INSERT INTO films (title, original_title, year, directors, countries, description,"
        " fact, trailer_url, availability_note, watched, notes, rating_half_stars,"
        " created_at, updated_at) VALUES ('Mirror', 'Зеркало', 1975,"
        " '[\"Andrei Tarkovsky\"]', '[]', '', '', '', '', 1, 'my notes', 9,"
        " '2020-01-01', '2020-01-01')",
    )

    opened = open_catalog(str(db_path))
    assert opened.migration.from_revision == "0001"
    assert opened.migration.to_revision == head_revision()
    backup = opened.migration.backup_path
    assert backup is not None and backup.parent == db_path.parent / "backups"
    mirror = opened.catalog.films.resolve("Mirror")
    assert (mirror.original_title, mirror.rating, mirror.notes) == ("Зеркало", 4.5, "my notes")
    assert mirror.directors == ("Andrei Tarkovsky",)
    assert len(opened.catalog.films.all()) == 11  # the seed was added beside it
    opened.catalog.close()

    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT title, notes FROM films").fetchall() == [("Mirror", "my notes")]


def test_a_database_from_a_newer_filmdesk_is_refused(db_path: Path) -> None:
    open_catalog(str(db_path)).catalog.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseOpenError, match="newer filmdesk"):
        open_catalog(str(db_path))


def test_a_foreign_database_is_refused_and_left_alone(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER)")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="not a filmdesk catalog"):
        open_catalog(str(db_path))
    # Not a byte changed (it was not even switched to WAL mode), nothing beside it.
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_a_file_that_is_no_database_is_refused_and_left_alone(db_path: Path) -> None:
    db_path.write_text("title,year\nMirror,1975\n", encoding="utf-8")
    with pytest.raises(DatabaseOpenError, match="not a filmdesk catalog: it is not a database"):
        open_catalog(str(db_path))
    assert db_path.read_text(encoding="utf-8") == "title,year\nMirror,1975\n"
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_a_read_only_catalog_opens_read_only(db_path: Path, tmp_path: Path) -> None:
    from filmdesk.core.problems import ReadOnlyCatalogError
    from tests.unusual_catalogs import read_only_folder

    open_catalog(str(db_path)).catalog.close()
    with read_only_folder(tmp_path / "shared", db_path) as copy:
        opened = open_catalog(str(copy))
        catalog = opened.catalog
        assert catalog.read_only and opened.backup is None
        assert catalog.films.stats().films == 10
        with pytest.raises(ReadOnlyCatalogError, match="is read-only") as refused:
            catalog.films.edit(catalog.films.resolve("The Letter").id, {"rating": 4})
        assert str(copy) in str(refused.value) and "nothing was changed" in str(refused.value)
        catalog.close()
        assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]


def test_a_damaged_catalog_is_found_before_it_is_shown(db_path: Path) -> None:
    from filmdesk.core.problems import DamagedCatalogError
    from tests.unusual_catalogs import damage

    open_catalog(str(db_path)).catalog.close()
    damage(db_path)
    with pytest.raises(DamagedCatalogError, match="is damaged") as raised:
        # (Today's automatic backup checks the copy it makes.)
        open_catalog(str(db_path))
    assert str(db_path) in str(raised.value) and "sqlite+" not in str(raised.value)


def test_the_whole_file_check_started_early_finds_damage_and_a_check_of_another_file_is_not_taken(
    db_path: Path, tmp_path: Path
) -> None:
    """The window starts the check before the catalog is opened (WholeFileCheck); the
    catalog waits for it, and checks itself when it was given one of another file."""
    import shutil

    from filmdesk.core.catalog_file import WholeFileCheck
    from filmdesk.core.problems import DamagedCatalogError
    from tests.unusual_catalogs import damage

    open_catalog(str(db_path)).catalog.close()
    good = tmp_path / "good.sqlite3"
    shutil.copyfile(db_path, good)
    assert WholeFileCheck(good).found() == []
    catalog = open_catalog(str(db_path)).catalog  # (today's backup is made: not made again)
    catalog.close()
    damage(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="malformed"):  # (or what it found)
        WholeFileCheck(db_path).found()
    catalog = open_catalog(str(db_path)).catalog
    try:
        with pytest.raises(DamagedCatalogError, match="is damaged"):
            catalog.check_whole(WholeFileCheck(db_path))
        with pytest.raises(DamagedCatalogError, match="is damaged"):
            catalog.check_whole(WholeFileCheck(good))  # (not this file's: checked again)
        with pytest.raises(DamagedCatalogError, match="is damaged"):
            catalog.check_whole()
    finally:
        catalog.close()
    text_file = tmp_path / "films.csv"
    text_file.write_text("title,year\nMirror,1975\n" * 100, encoding="utf-8")
    with pytest.raises(sqlite3.DatabaseError):
        WholeFileCheck(text_file).found()


def test_a_check_started_early_without_an_answer_is_done_again_once_the_catalog_is_open(
    db_path: Path, tmp_path: Path
) -> None:
    """The early check is a head start only: where it could not answer (here the file was no
    database yet when it read it), the catalog checks the file as it opened it. It starts only
    for a catalog file in WAL mode: a file in rollback-journal mode (a backup put back, an old
    catalog) is turned to WAL when opened, which waits for every reader, and a journal a crash
    left behind is rolled back then, which a reading check could not do."""
    import shutil

    from filmdesk.core.backups.naming import Reason
    from filmdesk.core.backups.writing import make_backup
    from filmdesk.core.catalog_file import WholeFileCheck

    open_catalog(str(db_path)).catalog.close()
    good = tmp_path / "good.sqlite3"
    shutil.copyfile(db_path, good)
    db_path.write_text("not yet a catalog\n" * 200, encoding="utf-8")
    failed = WholeFileCheck(db_path.resolve())
    with pytest.raises(sqlite3.DatabaseError):
        failed.found()
    shutil.copyfile(good, db_path)
    catalog = open_catalog(str(db_path)).catalog
    try:
        catalog.check_whole(failed)  # (checked again: the file is whole)
        backup = make_backup(db_path, Reason.BEFORE_IMPORT)
    finally:
        catalog.close()
    assert WholeFileCheck.started(str(db_path)) is not None
    assert WholeFileCheck.started(str(backup.path)) is None  # (a backup: rollback journal)
    assert WholeFileCheck.started(str(tmp_path / "new.sqlite3")) is None  # (not made yet)
    assert WholeFileCheck.started("postgresql://server/films") is None


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="is a folder"):
        open_catalog(str(tmp_path))


def test_a_catalog_at_schema_0003_keeps_its_collection_and_gains_lists(db_path: Path) -> None:
    catalog_at(
        db_path,
        "0003",
        "INSERT INTO collections (name, description, source, created_at, updated_at)"
        " VALUES ('Mine', 'about', 'me', '2020-01-01', '2020-01-01')",
    )
    opened = open_catalog(str(db_path))
    assert opened.migration.from_revision == "0003"
    mine = opened.catalog.collections.resolve("Mine")
    assert (mine.description, mine.rating, mine.comment_count) == ("about", None, 0)
    made = opened.catalog.lists.create("Year 9")
    assert opened.catalog.lists.summaries()[0].id == made.id
    opened.catalog.close()


def test_a_catalog_at_schema_0004_keeps_its_tags_in_a_table_without_rowid(db_path: Path) -> None:
    catalog_at(
        db_path,
        "0004",
        _FILM_500.format(title="Mirror"),
        "INSERT INTO tags (id, name, key) VALUES (7, 'Drama', 'drama')",
        "INSERT INTO tags (id, name, key) VALUES (8, 'To show', 'to show')",
        "INSERT INTO film_tags (film_id, tag_id) VALUES (500, 8), (500, 7)",
    )

    opened = open_catalog(str(db_path))
    assert opened.migration.from_revision == "0004"
    assert opened.catalog.films.resolve("Mirror").tags == ("Drama", "To show")
    with opened.catalog.engine.connect() as conn:
        schema = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'film_tags'"))
        assert schema.scalar_one().endswith("WITHOUT ROWID")
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    # The links still follow their film and tag.
    opened.catalog.films.delete_many([500])
    with opened.catalog.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT count(*) FROM film_tags WHERE film_id = 500")).scalar() == 0
        )
    opened.catalog.close()


def test_tag_links_left_without_their_film_do_not_stop_the_upgrade(db_path: Path) -> None:
    catalog_at(db_path, "0004")
    # A film deleted by a tool that runs without foreign keys (the sqlite3 shell, DB Browser)
    # leaves its tag links behind.
    with sqlite3.connect(db_path) as raw:
        raw.execute(_FILM_500.format(title="Gone"))
        raw.execute("INSERT INTO tags (id, name, key) VALUES (7, 'Drama', 'drama')")
        raw.execute("INSERT INTO film_tags (film_id, tag_id) VALUES (500, 7)")
        raw.execute("DELETE FROM films WHERE id = 500")
    raw.close()

    opened = open_catalog(str(db_path))
    assert opened.migration.from_revision == "0004"
    with opened.catalog.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM film_tags")).scalar() == 0
    assert len(opened.catalog.films.all()) == 10
    opened.catalog.close()


def test_a_failed_upgrade_says_so_and_leaves_the_catalog_as_it_was(db_path: Path) -> None:
    # Something the migration does not expect (a table left by a hand edit).
    catalog_at(db_path, "0004", "CREATE TABLE film_tags_rebuilt (x INTEGER)")

    with pytest.raises(
        DatabaseOpenError, match=f"could not be brought to schema {SCHEMA_HEAD}"
    ) as raised:
        open_catalog(str(db_path))
    assert "left unchanged" in str(raised.value) and ".bak" in str(raised.value)
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
        assert (
            "WITHOUT ROWID"
            not in raw.execute("SELECT sql FROM sqlite_master WHERE name = 'film_tags'").fetchone()[
                0
            ]
        )
    raw.close()


def test_a_catalog_at_schema_0005_numbers_collection_films_from_one(db_path: Path) -> None:
    catalog_at(
        db_path,
        "0005",
        _FILM_500.format(title="Mirror"),
        _FILM_500.replace("500", "501").format(title="Solaris"),
        "INSERT INTO collections (id, name, description, source, created_at, updated_at)"
        " VALUES (3, 'Mine', '', '', '2020-01-01', '2020-01-01')",
        "INSERT INTO collection_films (collection_id, film_id, position) VALUES (3, 501, 0)",
        "INSERT INTO collection_films (collection_id, film_id, position) VALUES (3, 500, 1)",
    )
    opened = open_catalog(str(db_path))
    assert opened.migration.from_revision == "0005"
    catalog = opened.catalog
    assert catalog.collections.get(3).film_ids == (501, 500)
    with catalog.engine.connect() as conn:
        positions = conn.execute(
            text("SELECT film_id, position FROM collection_films WHERE collection_id = 3")
        ).all()
    assert sorted(positions) == [(500, 2), (501, 1)]
    # Positions count from 1, as in screening lists: moving to 1 puts a film first.
    assert catalog.collections.move(3, 500, 1).film_ids == (500, 501)
    opened.catalog.close()


def test_a_catalog_at_schema_0006_keeps_its_watched_dates_as_viewings(db_path: Path) -> None:
    watched = _FILM_500.replace(", 0, '', '2020", ", 1, '', '2020")
    catalog_at(
        db_path,
        "0006",
        watched.format(title="Mirror"),
        "UPDATE films SET watched_on = '2024-03-12' WHERE id = 500",
        watched.replace("500", "501").format(title="Solaris"),  # watched, day not known
        _FILM_500.replace("500", "502").format(title="Stalker"),  # not watched
    )
    opened = open_catalog(str(db_path))
    assert opened.migration.from_revision == "0006"
    films = opened.catalog.films
    assert [v.to_json() for v in films.viewings(500)] == [
        {"watched_on": "2024-03-12", "rating": None, "rewatch": False, "note": ""}
    ]
    assert [v.watched_on for v in films.viewings(501)] == [None]
    assert films.viewings(502) == ()
    mirror = films.get(500)
    assert (mirror.watched, str(mirror.watched_on)) == (True, "2024-03-12")
    # A second viewing moves the watch date on; removing it brings the first one's back.
    again = films.add_viewing(500, {"watched_on": date(2025, 1, 2), "rating": 4})
    assert again.rewatch and str(films.get(500).watched_on) == "2025-01-02"
    films.remove_viewings([again.id])
    assert str(films.get(500).watched_on) == "2024-03-12"
    opened.catalog.close()


def test_a_mistyped_folder_is_refused_not_made_with_a_catalog_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a tester: --database /nonexist/x.sqlite3 made the folder, a seeded catalog and
    # its backups, and listed 10 films.
    missing = tmp_path / "Fims" / "library.sqlite3"
    with pytest.raises(ValueError, match=r"there is no folder .*Fims; filmdesk makes a new"):
        database_target(str(missing))
    monkeypatch.setenv("FILMDESK_DATABASE", str(missing))
    with pytest.raises(ValueError, match="there is no folder"):
        database_target(None)
    assert not (tmp_path / "Fims").exists()
    # A new file in a folder that is there, a file that is there, and a server are taken.
    assert database_target(str(tmp_path / "new.sqlite3")) == str(tmp_path / "new.sqlite3")
    assert database_target("postgresql://club@host/films") == "postgresql://club@host/films"
    # "~/…" that no shell expanded (quoted, or in the variable): opening expands it, and so
    # does the check (found by a review: an existing ~/films.sqlite3 was refused).
    monkeypatch.setenv("HOME", str(tmp_path))
    assert database_target("~/films.sqlite3") == "~/films.sqlite3"
    with pytest.raises(ValueError, match="there is no folder"):
        database_target("~/Fims/films.sqlite3")
