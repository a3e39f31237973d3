"""Every operation, then its inverse, leaves the catalog as it was; and the inverse of the
inverse (what Redo runs) does the change again. The undo pairs are code: this test runs them."""

from __future__ import annotations

import importlib
import io
import pkgutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import text

import filmdesk.core
from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.exchange.json_format import export_backup
from filmdesk.core.exchange.planning import plan_import
from filmdesk.core.films.operations import (
    AddFilm,
    DeleteFilms,
    EditFilms,
    RestoreFilms,
    change_tags,
)
from filmdesk.core.films.viewings import (
    AddViewing,
    EditViewing,
    RemoveViewings,
    RestoreViewings,
    SetViewings,
)
from filmdesk.core.groups.collection_ops import (
    AddComment,
    AddToCollection,
    CreateCollection,
    DeleteCollection,
    DeleteComment,
    EditCollection,
    EditComment,
    MoveInCollection,
    RemoveFromCollection,
    RestoreCollection,
    RestoreComment,
    SetCollectionFilms,
)
from filmdesk.core.groups.list_ops import (
    AddToList,
    CreateList,
    DeleteList,
    DuplicateList,
    EditEntry,
    EditList,
    MoveInList,
    RemoveFromList,
    RestoreEntries,
    RestoreList,
    SetListOrder,
    SortListByDate,
)
from filmdesk.core.importing.apply import ApplyImport
from filmdesk.core.operations import Batch, Operation
from filmdesk.core.posters.images import PosterImage, prepare_poster
from filmdesk.core.posters.operations import SetPoster
from filmdesk.core.searches import DeleteSearch, EditSearch, RestoreSearch, SaveSearch
from tests.posters import image_bytes

# Timestamps of the last change move on with every change, undo included; everything else
# must come back exactly.
_MOVING = {"updated_at"}


def snapshot(catalog: Catalog) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, by content: tags by name (a tag that went with its last film
    comes back with a new id), the rest as stored."""
    tables = {
        "films": "SELECT * FROM films ORDER BY id",
        "film_tags": "SELECT film_id, tags.name FROM film_tags JOIN tags ON tags.id = tag_id"
        " ORDER BY film_id, tags.key",
        "tags": "SELECT name, key FROM tags ORDER BY key",
        "collections": "SELECT * FROM collections ORDER BY id",
        "collection_films": "SELECT * FROM collection_films ORDER BY collection_id, position",
        "collection_comments": "SELECT * FROM collection_comments ORDER BY id",
        "screening_lists": "SELECT * FROM screening_lists ORDER BY id",
        "list_entries": "SELECT * FROM list_entries ORDER BY list_id, position",
        "viewings": "SELECT * FROM viewings ORDER BY id",
        # (Those films show: a deleted film's poster stays until the catalog is next opened
        # alone, for an undo to bring back; no one sees it.)
        "posters": "SELECT hash, format, width, height, data FROM posters"
        " WHERE hash IN (SELECT poster_hash FROM films) ORDER BY hash",
        "saved_searches": "SELECT id, name, key, query, scope FROM saved_searches ORDER BY id",
    }
    result = {}
    with catalog.engine.connect() as conn:
        for name, query in tables.items():
            rows = conn.execute(text(query))
            keep = [i for i, column in enumerate(rows.keys()) if column not in _MOVING]
            result[name] = [tuple(row[i] for i in keep) for row in rows]
    return result


def make_busy(catalog: Catalog) -> Catalog:
    """The seeded catalog with a bit of everything: tags, a rating, comments, two lists."""
    ids = _ids(catalog)
    catalog.films.edit(ids[0], {"rating": 4.5, "tags": ["war", "Ёлка"], "notes": "first"})
    catalog.films.edit(ids[1], {"tags": ["war"], "watched": True, "watched_on": date(2025, 5, 1)})
    catalog.films.add_viewing(ids[1], {"watched_on": date(2024, 2, 3), "rating": 3, "note": "Cold"})
    catalog.films.add_viewing(ids[2], {"watched_on": None})
    shipped = catalog.collections.all()[0]
    catalog.collections.rate(shipped.id, 4)
    catalog.collections.add_comment(shipped.id, "Seen with 9B")
    thaw = catalog.collections.create("Thaw", "1956-1966")
    catalog.collections.add(thaw.id, ids[:3])
    year9 = catalog.lists.create("Year 9", "9B", "Autumn")
    catalog.lists.add(year9.id, ids[:4], scheduled_at="2026-12-08T10:30")
    catalog.lists.add(year9.id, ids[4:5], note="Who writes?", scheduled_at="2026-12-01")
    catalog.lists.set_screened(year9.id, ids[1], on=date(2025, 11, 3))
    catalog.lists.create("Club", "Friday")
    catalog.posters.set(ids[0], poster((200, 30, 30)))
    catalog.posters.set(ids[3], prepare_poster(image_bytes(colour=(1, 2, 3)), "p.png"))
    catalog.posters.set(ids[4], prepare_poster(image_bytes(colour=(1, 2, 3)), "p.png"))
    catalog.searches.save("Seventies", "year:1970..1979", "collection:Thaw")
    return catalog


def poster(colour: tuple[int, int, int]) -> PosterImage:
    """A small poster of one colour."""
    out = io.BytesIO()
    Image.new("RGB", (60, 90), colour).save(out, "PNG")
    return prepare_poster(out.getvalue(), "poster.png")


@pytest.fixture
def busy(catalog: Catalog) -> Catalog:
    """A catalog made by ``make_busy``."""
    return make_busy(catalog)


def _ids(catalog: Catalog) -> list[int]:
    return [f.id for f in catalog.films.all()]


def _list(catalog: Catalog, name: str) -> int:
    return catalog.lists.resolve(name).id


def _collection(catalog: Catalog, name: str) -> int:
    return catalog.collections.resolve(name).id


def _import(catalog: Catalog, tmp_path: Path) -> Operation[Any]:
    """An import that adds films, updates one, merges a list into an existing one, adds a
    list, rates a collection, adds a comment and films to a collection."""
    other = open_catalog(str(tmp_path / "other.sqlite3")).catalog
    ids = _ids(other)
    other.films.edit(ids[2], {"rating": 2, "tags": ["from-backup"]})
    new = [other.films.add({"title": f"Letter {n}", "year": 1960 + n}).id for n in range(3)]
    other.posters.set(ids[2], poster((30, 200, 30)))  # a film that had none gets one
    other.posters.set(new[0], poster((30, 30, 200)))  # a new film brings its own
    shipped = other.collections.all()[0]
    other.collections.rate(shipped.id, 1.5)
    other.collections.add_comment(shipped.id, "From the other catalog")
    other.collections.add(shipped.id, new[:1])
    year9 = other.lists.create("year 9")
    other.lists.add(year9.id, [ids[7], new[1]])
    fresh = other.lists.create("Imported list", "club")
    other.lists.add(fresh.id, [new[2], ids[0]])
    backup = tmp_path / "backup.json"
    export_backup(backup, other, other.films.all(timestamps=True))
    other.close()
    plan = plan_import(catalog, backup)
    assert plan.problems == [] and len(plan.new) == 3 and plan.updates and plan.lists
    return ApplyImport(plan)


def _poster_of(catalog: Catalog, film_id: int) -> PosterImage | None:
    return catalog.posters.image(catalog.posters.of_films([film_id])[film_id])


def _restore_films(catalog: Catalog) -> Operation[Any]:
    ids = _ids(catalog)
    deleted = catalog.films.delete_many(ids[:2])
    return RestoreFilms(tuple(deleted))


def _restore_collection(catalog: Catalog) -> Operation[Any]:
    return RestoreCollection(catalog.collections.delete(_collection(catalog, "Thaw")))


def _restore_comment(catalog: Catalog) -> Operation[Any]:
    shipped = catalog.collections.all()[0]
    (comment,) = catalog.collections.comments(shipped.id)
    return RestoreComment(catalog.collections.delete_comment(comment.id))


def _restore_list(catalog: Catalog) -> Operation[Any]:
    return RestoreList(catalog.lists.delete(_list(catalog, "Year 9")))


def _restore_entries(catalog: Catalog) -> Operation[Any]:
    year9 = catalog.lists.resolve("Year 9")
    removed = catalog.lists.remove(year9.id, year9.film_ids[1:3])
    return RestoreEntries(tuple(removed))


# Each case builds its operation against the busy catalog (some need a step first: the thing
# to restore must have been deleted).
CASES: dict[str, Callable[[Catalog, Path], Operation[Any]]] = {
    "set a poster": lambda c, _: SetPoster(_ids(c)[0], prepare_poster(image_bytes(), "a.png")),
    "replace a poster": lambda c, _: SetPoster(
        _ids(c)[3], prepare_poster(image_bytes("JPEG"), "b.jpg")
    ),
    "remove a poster": lambda c, _: SetPoster(_ids(c)[4], None),
    "save a search": lambda c, _: SaveSearch("Unwatched war", "tag:war", "unwatched"),
    "edit a search": lambda c, _: EditSearch(
        c.searches.resolve("Seventies").id, {"name": "70s", "query": "year:>=1970", "scope": ""}
    ),
    "delete a search": lambda c, _: DeleteSearch(c.searches.resolve("Seventies").id),
    "restore a search": lambda c, _: RestoreSearch(
        c.searches.delete(c.searches.resolve("Seventies").id)
    ),
    "add film": lambda c, _: AddFilm({"title": "Mirror", "year": 1975, "tags": ["new-tag"]}),
    "edit films": lambda c, _: EditFilms(
        {
            _ids(c)[0]: {"rating": None, "notes": "changed", "tags": ["other"]},
            _ids(c)[1]: {"watched": False, "title": "Renamed"},
        }
    ),
    "add and remove tags": lambda c, _: change_tags(_ids(c)[:3], ["war"], ["ёлка"]),
    "delete films": lambda c, _: DeleteFilms(tuple(_ids(c)[:5])),
    "restore films": lambda c, _: _restore_films(c),
    "create collection": lambda c, _: CreateCollection("New", "desc", "src"),
    "edit collection": lambda c, _: EditCollection(
        _collection(c, "Thaw"), {"name": "Оттепель", "rating": 3.5, "description": ""}
    ),
    "delete collection": lambda c, _: DeleteCollection(c.collections.all()[0].id),
    "restore collection": lambda c, _: _restore_collection(c),
    "add to collection": lambda c, _: AddToCollection(
        _collection(c, "Thaw"), tuple(_ids(c)[5:8]), position=2
    ),
    "remove from collection": lambda c, _: RemoveFromCollection(
        _collection(c, "Thaw"), tuple(_ids(c)[:2])
    ),
    "move in collection": lambda c, _: MoveInCollection(_collection(c, "Thaw"), _ids(c)[0], 3),
    "set collection films": lambda c, _: SetCollectionFilms(
        _collection(c, "Thaw"), (_ids(c)[6], _ids(c)[1])
    ),
    "add comment": lambda c, _: AddComment(c.collections.all()[0].id, "Another"),
    "edit comment": lambda c, _: EditComment(
        c.collections.comments(c.collections.all()[0].id)[0].id, "Edited"
    ),
    "delete comment": lambda c, _: DeleteComment(
        c.collections.comments(c.collections.all()[0].id)[0].id
    ),
    "restore comment": lambda c, _: _restore_comment(c),
    "create list": lambda c, _: CreateList("Year 10", "10A", "Spring"),
    "edit list": lambda c, _: EditList(_list(c, "Year 9"), {"name": "Y9", "audience": ""}),
    "duplicate list": lambda c, _: DuplicateList(_list(c, "Year 9")),
    "delete list": lambda c, _: DeleteList(_list(c, "Year 9")),
    "restore list": lambda c, _: _restore_list(c),
    "add to list": lambda c, _: AddToList(
        _list(c, "Year 9"), tuple(_ids(c)[6:9]), position=1, note="n"
    ),
    "remove from list": lambda c, _: RemoveFromList(_list(c, "Year 9"), tuple(_ids(c)[1:3])),
    "restore entries": lambda c, _: _restore_entries(c),
    "move in list": lambda c, _: MoveInList(_list(c, "Year 9"), _ids(c)[0], 4),
    "set list order": lambda c, _: SetListOrder(
        _list(c, "Year 9"), tuple(reversed(c.lists.resolve("Year 9").film_ids))
    ),
    "sort list by date": lambda c, _: SortListByDate(_list(c, "Year 9")),
    "edit entry": lambda c, _: EditEntry(
        _list(c, "Year 9"),
        _ids(c)[1],
        {"screened": False, "note": "changed", "scheduled_at": None},  # type: ignore[typeddict-item]
    ),
    "add viewing": lambda c, _: AddViewing(
        _ids(c)[1], {"watched_on": date(2026, 1, 2), "rating": 5, "note": "Again"}
    ),
    "edit viewing": lambda c, _: EditViewing(
        c.films.viewings(_ids(c)[1])[0].id, {"watched_on": date(2023, 1, 1), "rating": None}
    ),
    "remove viewings": lambda c, _: RemoveViewings(
        tuple(v.id for v in c.films.viewings(_ids(c)[1]))
    ),
    "restore viewings": lambda c, _: RestoreViewings(
        tuple(c.films.remove_viewings([c.films.viewings(_ids(c)[1])[-1].id]))
    ),
    "set viewings": lambda c, _: SetViewings({_ids(c)[1]: (), _ids(c)[3]: ()}),
    "mark watched": lambda c, _: EditFilms(
        {
            _ids(c)[3]: {"watched": True, "watched_on": date(2022, 3, 4)},
            _ids(c)[2]: {"watched_on": date(2026, 2, 2)},
        }
    ),
    "import": _import,
    "share a poster": lambda c, _: SetPoster(_ids(c)[1], _poster_of(c, _ids(c)[0])),
    "batch": lambda c, _: Batch(
        (AddFilm({"title": "Solaris"}), DeleteList(_list(c, "Club")), change_tags(_ids(c), ["x"]))
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_every_operation_then_its_inverse_leaves_the_catalog_as_it_was(
    busy: Catalog, tmp_path: Path, case: str
) -> None:
    operation = CASES[case](busy, tmp_path)
    before = snapshot(busy)
    done = busy.run(operation)
    after = snapshot(busy)
    assert after != before, "the operation changed nothing: the case tests nothing"
    assert not done.changes.is_empty
    undone = busy.run(done.inverse)
    assert snapshot(busy) == before
    # Redo: the inverse of the inverse does the same change again, with the same ids.
    busy.run(undone.inverse)
    assert snapshot(busy) == after


def _operation_classes() -> set[type[Operation[Any]]]:
    for module in pkgutil.walk_packages(filmdesk.core.__path__, "filmdesk.core."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)
    found: set[type[Operation[Any]]] = set()
    todo: list[type[Operation[Any]]] = [Operation]
    while todo:
        for subclass in todo.pop().__subclasses__():
            found.add(subclass)
            todo.append(subclass)
    return found


def test_every_operation_of_the_core_has_a_case(tmp_path: Path) -> None:
    covered = set()
    for number, make in enumerate(CASES.values()):
        folder = tmp_path / str(number)
        folder.mkdir()
        fresh = make_busy(open_catalog(str(folder / "c.sqlite3")).catalog)
        covered.add(type(make(fresh, folder)))
        fresh.close()
    missing = {cls.__name__ for cls in _operation_classes() - covered}
    assert missing == set()


def test_an_import_is_undone_in_one_transaction(busy: Catalog, tmp_path: Path) -> None:
    operation = _import(busy, tmp_path)
    before = snapshot(busy)
    done = busy.run(operation)
    assert isinstance(done.inverse, Batch) and len(done.inverse.steps) >= 5
    # A step of the undo that cannot be done (its list is gone) rolls back the whole undo.
    result = done.result
    busy.lists.delete(result.lists_added[0])
    after = snapshot(busy)
    with pytest.raises(LookupError):
        busy.run(done.inverse)
    assert snapshot(busy) == after != before


def test_undoing_an_import_empties_what_it_filled_in_a_list_it_merged_into(
    catalog: Catalog, tmp_path: Path
) -> None:
    ids = _ids(catalog)
    year9 = catalog.lists.create("Year 9")  # no audience, no description
    catalog.lists.add(year9.id, ids[:1])
    other = open_catalog(str(tmp_path / "other.sqlite3")).catalog
    theirs = other.lists.create("year 9", "9B", "Autumn term")
    other.lists.add(theirs.id, ids[:1])  # nothing new to add: only the details are filled
    backup = tmp_path / "backup.json"
    export_backup(backup, other, other.films.all(timestamps=True))
    other.close()
    before = snapshot(catalog)
    done = catalog.run(ApplyImport(plan_import(catalog, backup)))
    filled = catalog.lists.get(year9.id)
    assert (filled.audience, filled.description) == ("9B", "Autumn term")
    # The list page showing "Year 9" learns that it changed.
    assert year9.id in done.changes.lists_changed
    undone = catalog.run(done.inverse)
    assert snapshot(catalog) == before
    assert year9.id in undone.changes.lists_changed
    catalog.run(undone.inverse)
    assert catalog.lists.get(year9.id).audience == "9B"


def test_a_change_that_changes_nothing_says_so(busy: Catalog) -> None:
    year9 = busy.lists.resolve("Year 9")
    thaw = busy.collections.resolve("Thaw")
    for operation in (
        AddToList(year9.id, year9.film_ids[:2], skip_present=True),
        AddToCollection(thaw.id, thaw.film_ids, skip_present=True),
        SetListOrder(year9.id, year9.film_ids),
        MoveInCollection(thaw.id, thaw.film_ids[0], 1),
    ):
        before = snapshot(busy)
        assert busy.run(operation).changes.is_empty, operation
        assert snapshot(busy) == before


def test_entries_of_a_list_deleted_since_are_left_out(busy: Catalog) -> None:
    year9 = busy.lists.resolve("Year 9")
    club = busy.lists.resolve("Club")
    busy.lists.add(club.id, year9.film_ids[:1])
    removed = busy.lists.remove(year9.id, year9.film_ids[:2]) + busy.lists.remove(
        club.id, year9.film_ids[:1]
    )
    busy.lists.delete(club.id)
    restored = busy.run(RestoreEntries(tuple(removed)))
    assert {e.list_id for e in restored.result} == {year9.id}
    assert busy.lists.get(year9.id).film_ids == year9.film_ids
