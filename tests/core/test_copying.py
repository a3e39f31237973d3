"""Copying a whole catalog into an empty one, between SQLite files and PostgreSQL databases:
every row of every table arrives as it was, ids and seed bookkeeping included; a target that
is not empty, the catalog itself, a target that cannot be used, a failure or a Cancel half-way
all leave the target as it was."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, PngImagePlugin
from sqlalchemy import Engine, select, text

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.copying import (
    TABLES,
    CopyError,
    CopyResult,
    SameCatalogError,
    TargetNotEmptyError,
    copy_catalog,
)
from filmdesk.core.db import create_catalog_engine, database_url, location_of, open_database
from filmdesk.core.posters.images import PosterImage, prepare_poster
from filmdesk.core.progress import ImportCancelled
from filmdesk.core.rows import aware
from tests.pg_server import LocalServer

Rows = dict[str, list[tuple[Any, ...]]]
CRANES = "The Cranes Are Flying"
LETTER = "The Letter"


def fill(catalog: Catalog) -> None:
    """Beside the seeded ten: a film with every field, a bare one, viewings, tags, a
    collection with comments by two people, a screening list with dates, times and its log,
    and a seeded film deleted (its seed record stays, so it is never brought back)."""
    films = catalog.films
    solaris = films.add(
        {
            "title": "Солярис",
            "original_title": "Solaris",
            "year": 1972,
            "directors": ["Андрей Тарковский", "Second Unit"],
            "countries": ["Soviet Union", "Россия"],
            "runtime_minutes": 167,
            "description": "Кельвин летит на станцию «Солярис».\nВторая строка.",
            "fact": 'Снят в Токио; "the future" city',
            "trailer_url": "https://example.org/solaris?x=1&y=2",
            "availability_note": "On DVD, library 3",
            "availability_checked_on": date(2024, 2, 29),
            "imdb_id": "tt0069293",
            "letterboxd_uri": "https://boxd.it/2a1m",
            "rating": 4.5,
            "notes": "Second time 🎬, <b>not bold</b>",
            "tags": ["space", "Классика"],
        }
    )
    films.add_viewing(solaris.id, {"watched_on": date(2020, 1, 1), "rating": 3.5, "note": "x"})
    films.add_viewing(solaris.id, {"watched_on": date(2024, 3, 1), "rating": 5, "rewatch": True})
    films.add_viewing(solaris.id, {"watched_on": None, "note": "on a plane, day forgotten"})
    bare = films.add({"title": "Untitled reel"})
    cranes = films.resolve(CRANES)
    films.edit(cranes.id, {"tags": ["war", "space"], "rating": 5})
    films.add_viewing(cranes.id, {"watched_on": date(1999, 12, 31)})
    films.delete(films.resolve(LETTER).id)

    made = catalog.collections.create("Тарковский и другие", "Космос и война", "my own")
    catalog.collections.add(made.id, [solaris.id, cranes.id, bare.id])
    catalog.collections.rate(made.id, 3.5)
    first = catalog.collections.add_comment(made.id, "Смотреть по порядку")
    catalog.collections.add_comment(made.id, "Agreed,\nwith a second line")
    catalog.collections.edit_comment(first.id, "Смотреть по порядку, в субботу")
    with catalog.engine.begin() as conn:
        conn.execute(text("UPDATE collection_comments SET author = 'Анна' WHERE id = :id"),
                     {"id": first.id})  # fmt: skip
        conn.execute(text("UPDATE collection_comments SET author = 'boris' WHERE id != :id"),
                     {"id": first.id})  # fmt: skip

    year9 = catalog.lists.create("Year 9", "9B", "Spring term")
    catalog.lists.add(year9.id, [solaris.id], scheduled_at=datetime(2025, 3, 4, 14, 30),
                      note="Watch the rain")  # fmt: skip
    catalog.lists.add(year9.id, [cranes.id], scheduled_at=date(2025, 3, 11))
    catalog.lists.add(year9.id, [bare.id])
    catalog.lists.set_screened(year9.id, cranes.id, True, date(2025, 3, 11))
    catalog.lists.create("Empty list")
    # Two posters, one shown by two films: every byte of each must arrive (bytea and BLOB).
    catalog.posters.set(solaris.id, poster("PNG", (120, 180), (10, 90, 200, 100)))
    catalog.posters.set(bare.id, poster("PNG", (120, 180), (10, 90, 200, 100)))
    catalog.posters.set(cranes.id, poster("JPEG", (400, 600), (200, 30, 30)))


def poster(kind: str, size: tuple[int, int], colour: tuple[int, ...]) -> PosterImage:
    """A poster of one colour, with every byte value somewhere in its data (a PNG's text
    chunk): a byte COPY or a driver mangled would show."""
    picture = Image.new("RGBA" if len(colour) == 4 else "RGB", size, colour)
    out = io.BytesIO()
    if kind == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("bytes", bytes(range(256)).decode("latin-1"), zip=True)
        picture.save(out, kind, pnginfo=info)
    else:
        picture.save(out, kind)
    return prepare_poster(out.getvalue(), f"poster.{kind.lower()}")


def filled(target: str) -> Catalog:
    catalog = open_catalog(target).catalog
    fill(catalog)
    return catalog


def rows(engine: Engine) -> Rows:
    """Every row of every table, in key order, as Python values: a moment as an aware UTC
    datetime (SQLite keeps them without a zone), JSON as the lists and dicts it holds."""
    found: Rows = {}
    with engine.connect() as conn:
        for table in TABLES:
            zoned = [c.type.timezone if hasattr(c.type, "timezone") else False
                     for c in table.columns]  # fmt: skip
            query = select(table).order_by(*table.primary_key.columns)
            found[table.name] = [
                tuple(aware(v) if z else v for v, z in zip(row, zoned, strict=True))
                for row in conn.execute(query)
            ]
    return found


def rows_at(target: str) -> Rows:
    engine = create_catalog_engine(target)
    try:
        return rows(engine)
    finally:
        engine.dispose()


def raw_rows(path: Path) -> Rows:
    """Every row of a SQLite file as SQLite keeps it (timestamps and JSON as their text)."""
    connection = sqlite3.connect(path)
    try:
        return {
            t.name: connection.execute(
                f"SELECT * FROM {t.name} ORDER BY "
                + ", ".join(c.name for c in t.primary_key.columns)
            ).fetchall()
            for t in TABLES
        }
    finally:
        connection.close()


def shown(target: str) -> str:
    """``target`` as a message names it (a path, or a URL without the driver's name)."""
    return location_of(database_url(target))


def row_count(target: str) -> int:
    return sum(len(found) for found in rows_at(target).values())


@pytest.fixture(params=["file", "server"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a copy goes: a new file, or an empty database on the tests' server."""
    if request.param == "file":
        (tmp_path / "copy").mkdir()
        return str(tmp_path / "copy" / "films.sqlite3")
    server: LocalServer = request.getfixturevalue("pg_server")
    return server.new_database()


@pytest.fixture
def source(database: str) -> Iterator[Catalog]:
    catalog = filled(database)
    yield catalog
    catalog.close()


def test_a_catalog_arrives_whole_from_either_backend_in_either(
    source: Catalog, target: str
) -> None:
    before = rows(source.engine)

    result = copy_catalog(source.engine, target)

    assert result == CopyResult(target=result.target, films=11, viewings=4, tags=3,
                                collections=2, comments=2, lists=2, entries=3,
                                posters=2)  # fmt: skip
    assert rows_at(target) == before
    assert len(before["posters"]) == 2
    assert rows(source.engine) == before  # only read
    copy = open_catalog(target)
    try:
        # The seed's bookkeeping came along: nothing is seeded again, the deleted film stays
        # deleted, and the copy reads as the catalog did.
        assert not copy.seeded
        assert LETTER not in [f.title for f in copy.catalog.films.all()]
        assert copy.catalog.films.all(timestamps=True) == source.films.all(timestamps=True)
        assert copy.catalog.lists.summaries() == source.lists.summaries()
        (year9,) = [s for s in source.lists.summaries() if s.name == "Year 9"]
        assert copy.catalog.lists.get(year9.id) == source.lists.get(year9.id)
        # Films show the same posters, byte for byte.
        shows = source.posters.of_films()
        assert copy.catalog.posters.of_films() == shows and len(shows) == 3
        for key in set(shows.values()):
            assert copy.catalog.posters.image(key) == source.posters.image(key)
        for collection in source.collections.all():
            assert copy.catalog.collections.comments(collection.id) == (
                source.collections.comments(collection.id)
            )
    finally:
        copy.catalog.close()


def test_a_file_to_the_server_and_back_is_the_same_file_to_the_character(
    tmp_path: Path, pg_server: LocalServer
) -> None:
    start = tmp_path / "start.sqlite3"
    catalog = filled(str(start))
    server = pg_server.new_database()
    # A server in another time zone gives every moment back in it: the copy is still exact.
    pg_server.sql(f"ALTER DATABASE {server.rsplit('/', 1)[1]} SET timezone TO 'Asia/Tokyo'")
    copy_catalog(catalog.engine, server)
    catalog.close()
    on_server = open_catalog(server).catalog
    back = tmp_path / "back.sqlite3"
    copy_catalog(on_server.engine, str(back))
    on_server.close()

    before, after = raw_rows(start), raw_rows(back)
    assert after == before
    # (What that compares: timestamps to the microsecond, JSON as the text it was written.)
    with contextlib.closing(sqlite3.connect(start)) as connection:
        names = [column[1] for column in connection.execute("PRAGMA table_info(films)")]
    created = before["films"][-1][names.index("created_at")]
    assert isinstance(created, str) and len(created) == len("2026-11-29 18:55:54.123456")
    (solaris,) = [row for row in before["films"] if row[2] == "Солярис"]
    assert json.dumps(["Андрей Тарковский", "Second Unit"]) in solaris


def test_a_catalog_that_holds_films_is_refused_and_left_as_it_was(
    database: str, tmp_path: Path
) -> None:
    catalog = filled(str(tmp_path / "source.sqlite3"))
    seeded = open_catalog(database).catalog  # the shipped ten films, nothing else
    seeded.close()
    before = rows_at(database)

    with pytest.raises(TargetNotEmptyError) as refused:
        copy_catalog(catalog.engine, database)

    assert str(refused.value) == (
        f"{shown(database)} already holds a catalog (10 films, 1 collection); a catalog is "
        "copied only into an empty one, so nothing was changed"
    )
    assert rows_at(database) == before
    catalog.close()


def test_a_catalog_is_not_copied_onto_itself(database: str, tmp_path: Path) -> None:
    catalog = filled(database)
    before = rows(catalog.engine)
    if "://" in database:
        # The same database, however its server is named.
        spellings = [database, database.replace("127.0.0.1", "localhost")]
    else:
        (tmp_path / "link").symlink_to(tmp_path)
        spellings = [database, str(tmp_path / "link" / ".." / tmp_path.name / "library.sqlite3")]
    for spelling in spellings:
        with pytest.raises(SameCatalogError, match="is the catalog being copied"):
            copy_catalog(catalog.engine, spelling)
    assert rows(catalog.engine) == before
    catalog.close()


def test_on_the_server_a_copy_numbers_new_rows_after_the_copied_ones(
    tmp_path: Path, pg_server: LocalServer
) -> None:
    source = filled(str(tmp_path / "source.sqlite3"))
    server = pg_server.new_database()
    copy_catalog(source.engine, server)
    highest = {t: max(r[0] for r in found) for t, found in rows(source.engine).items()
               if t in ("films", "viewings", "tags", "collections", "collection_comments",
                        "screening_lists")}  # fmt: skip
    source.close()

    copy = open_catalog(server).catalog
    film = copy.films.add({"title": "Mirror", "year": 1975, "tags": ["new tag"]})
    viewing = copy.films.add_viewing(film.id, {"watched_on": date(2025, 1, 2)})
    collection = copy.collections.create("Another")
    comment = copy.collections.add_comment(collection.id, "New")
    screening_list = copy.lists.create("Year 10")
    tag = next(t for t in rows(copy.engine)["tags"] if t[1] == "new tag")
    copy.close()

    assert film.id == highest["films"] + 1
    assert viewing.id == highest["viewings"] + 1
    assert tag[0] == highest["tags"] + 1
    assert collection.id == highest["collections"] + 1
    assert comment.id == highest["collection_comments"] + 1
    assert screening_list.id == highest["screening_lists"] + 1


def test_a_cancel_half_way_leaves_the_target_as_it_was(source: Catalog, target: str) -> None:
    calls: list[int] = []

    def cancel_after_a_while(done: int, _total: int) -> None:
        calls.append(done)
        if done > 10:  # some films are in the target by now
            raise ImportCancelled

    with pytest.raises(ImportCancelled):
        copy_catalog(source.engine, target, progress=cancel_after_a_while, piece=3)

    assert len(calls) > 3
    if "://" in target:
        assert row_count(target) == 0
    else:
        assert list(Path(target).parent.iterdir()) == []  # the new file is gone again
    copy_catalog(source.engine, target)  # (and the target takes a copy afterwards)
    assert rows_at(target) == rows(source.engine)


def test_a_value_the_server_refuses_half_way_leaves_it_empty(
    tmp_path: Path, pg_server: LocalServer
) -> None:
    source = filled(str(tmp_path / "source.sqlite3"))
    # SQLite keeps a title of any length; the server holds titles of at most 500 characters.
    last = source.films.add({"title": "A long one"})
    with source.engine.begin() as conn:
        conn.execute(text("UPDATE films SET title = :t WHERE id = :id"),
                     {"t": "Long " * 120, "id": last.id})  # fmt: skip
    server = pg_server.new_database()

    with pytest.raises(CopyError) as failed:
        copy_catalog(source.engine, server, piece=2)

    assert str(failed.value).startswith(f"the catalog could not be copied to {shown(server)} (")
    assert str(failed.value).endswith("); it was left as it was")
    assert row_count(server) == 0
    source.close()


def test_a_target_that_cannot_be_used_is_refused_in_a_sentence(
    tmp_path: Path, pg_server: LocalServer
) -> None:
    source = open_catalog(str(tmp_path / "source.sqlite3")).catalog
    notes = tmp_path / "notes.txt"
    notes.write_text("not a catalog")
    foreign = pg_server.new_database()
    pg_server.sql("CREATE TABLE invoices (id integer)", foreign.rsplit("/", 1)[1])
    nowhere = f"postgresql+psycopg://filmdesk@127.0.0.1:{pg_server.port}/no_such_catalog"
    said = {
        str(tmp_path / "gone" / "films.sqlite3"): (
            f"cannot copy to {tmp_path / 'gone' / 'films.sqlite3'}: the folder "
            f"{tmp_path / 'gone'} does not exist"
        ),
        str(tmp_path): f"{tmp_path} is a folder; give the path of a new catalog file in it",
        str(notes): f"{notes} is not a filmdesk catalog: it is not a database",
        "postgresql+psycopg://filmdesk@127.0.0.1:1/films": (
            "cannot copy to postgresql://filmdesk@127.0.0.1:1/films: the catalog's server "
            "cannot be reached; check the address and try again"
        ),
        nowhere: f"cannot copy to {shown(nowhere)}: the server has no such database or "
        "account; check the names",
        foreign: f"nothing was copied: {shown(foreign)} is not a filmdesk catalog: it has "
        "tables (invoices) but no filmdesk schema version",
        "postgresql+psycopg://u@h:port/x": "nothing was copied: not a database URL: "
        "'postgresql+psycopg://u@h:port/x' (its port must be a number)",
    }
    for where, sentence in said.items():
        with pytest.raises(CopyError) as refused:
            copy_catalog(source.engine, where)
        assert str(refused.value) == sentence
    assert notes.read_text() == "not a catalog"
    assert not (tmp_path / "gone").exists()
    source.close()


def test_an_empty_catalog_that_was_used_takes_a_copy(database: str, tmp_path: Path) -> None:
    # Opened (seeded) once, then every film deleted: empty, though it remembers its seed.
    used = open_catalog(database).catalog
    used.films.delete_many([f.id for f in used.films.all()])
    for collection in used.collections.all():
        used.collections.delete(collection.id)
    used.close()
    source = filled(str(tmp_path / "source.sqlite3"))

    copy_catalog(source.engine, database)

    assert rows_at(database) == rows(source.engine)
    source.close()


def test_the_copy_opens_at_the_current_schema(tmp_path: Path) -> None:
    source = filled(str(tmp_path / "source.sqlite3"))
    copy_catalog(source.engine, str(tmp_path / "copy.sqlite3"))
    engine, migration = open_database(str(tmp_path / "copy.sqlite3"))
    engine.dispose()
    assert migration.from_revision == migration.to_revision
    source.close()
