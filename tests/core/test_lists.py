"""Screening lists: ordered entries with dates, notes and a screening log, each change undoable."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from filmdesk.core.catalog import (
    Catalog,
    DuplicateEntryError,
    EntryNotFoundError,
    FilmNotFoundError,
    NameTakenError,
    ScreeningListNotFoundError,
)
from filmdesk.core.groups.list_ops import EditEntry, EditList, MoveInList, SetListOrder
from filmdesk.core.records import ScreeningListRecord
from filmdesk.core.validation import EntryFields, ValidationError


def titles(record: ScreeningListRecord) -> list[str]:
    return [e.film.title for e in record.entries]


def state(catalog: Catalog) -> list[ScreeningListRecord]:
    """Every list with every entry: what an undo must give back exactly."""
    return [catalog.lists.get(s.id) for s in catalog.lists.summaries()]


@pytest.fixture
def ids(catalog: Catalog) -> dict[str, int]:
    return {f.title: f.id for f in catalog.films.all()}


@pytest.fixture
def year9(catalog: Catalog, ids: dict[str, int]) -> ScreeningListRecord:
    """A list of four films, the second with a date, a time and a note."""
    year9 = catalog.lists.create("Year 9: letters", audience="9B", description="Autumn term")
    catalog.lists.add(
        year9.id, [ids["The Letter"], ids["The Cranes Are Flying"], ids["The Ballad of a Soldier"]]
    )
    catalog.lists.edit_entry(
        year9.id,
        ids["The Cranes Are Flying"],
        {"scheduled_at": datetime(2026, 12, 1, 10, 30), "note": "Watch the stairs scene."},
    )
    catalog.lists.add(year9.id, [ids["The Lady with the Dog"]])
    return catalog.lists.get(year9.id)


def test_a_new_list_is_empty_and_named(catalog: Catalog) -> None:
    created = catalog.lists.create("  Film   club ", audience=" Fridays ", description=" x ")
    assert (created.name, created.audience, created.description) == ("Film club", "Fridays", "x")
    assert created.entries == () and created.film_count == 0 and created.runtime_minutes == 0
    (summary,) = catalog.lists.summaries()
    assert (summary.id, summary.name, summary.film_count) == (created.id, "Film club", 0)
    assert catalog.lists.resolve("FILM CLUB") == created
    assert catalog.lists.resolve(str(created.id)) == created


def test_entries_are_in_order_with_positions_from_one(
    catalog: Catalog, year9: ScreeningListRecord
) -> None:
    assert titles(year9) == [
        "The Letter",
        "The Cranes Are Flying",
        "The Ballad of a Soldier",
        "The Lady with the Dog",
    ]
    assert [e.position for e in year9.entries] == [1, 2, 3, 4]
    cranes = year9.entries[1]
    assert cranes.scheduled_text == "2026-12-01T10:30" and cranes.has_time
    assert cranes.note == "Watch the stairs scene." and not cranes.screened
    assert year9.runtime_minutes == sum(e.film.runtime_minutes or 0 for e in year9.entries)
    assert year9.runtime_minutes > 0
    summary = next(s for s in catalog.lists.summaries() if s.id == year9.id)
    assert (summary.film_count, summary.runtime_minutes) == (4, year9.runtime_minutes)


def test_insert_move_remove_keep_positions_dense(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    catalog.lists.add(year9.id, [ids["The Stationmaster"], ids["The House I Live In"]], position=2)
    now = catalog.lists.get(year9.id)
    assert titles(now)[:4] == [
        "The Letter",
        "The Stationmaster",
        "The House I Live In",
        "The Cranes Are Flying",
    ]
    assert [e.position for e in now.entries] == [1, 2, 3, 4, 5, 6]

    catalog.lists.move(year9.id, ids["The Letter"], 6)
    now = catalog.lists.get(year9.id)
    assert titles(now)[0] == "The Stationmaster" and titles(now)[-1] == "The Letter"
    assert [e.position for e in now.entries] == [1, 2, 3, 4, 5, 6]

    catalog.lists.remove(year9.id, [ids["The House I Live In"], ids["The Ballad of a Soldier"]])
    now = catalog.lists.get(year9.id)
    assert titles(now) == [
        "The Stationmaster",
        "The Cranes Are Flying",
        "The Lady with the Dog",
        "The Letter",
    ]
    assert [e.position for e in now.entries] == [1, 2, 3, 4]
    assert (
        catalog.films.get(ids["The House I Live In"]).title == "The House I Live In"
    )  # the film stays


def test_a_film_appears_in_a_list_once(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    with pytest.raises(DuplicateEntryError, match=r"The Letter \(1982\).*position 1"):
        catalog.lists.add(year9.id, [ids["The Stationmaster"], ids["The Letter"]])
    assert catalog.lists.get(year9.id) == year9  # nothing changed, Mimino neither
    added = catalog.lists.add(
        year9.id, [ids["The Stationmaster"], ids["The Letter"]], skip_present=True
    )
    assert [e.film.title for e in added] == ["The Stationmaster"]
    assert titles(catalog.lists.get(year9.id)).count("The Letter") == 1


def test_bad_positions_films_and_names_are_refused(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    with pytest.raises(ValidationError, match=r"position: 5 is outside 1\.\.4"):
        catalog.lists.move(year9.id, ids["The Letter"], 5)
    with pytest.raises(ValidationError, match="position: 0 is outside"):
        catalog.lists.move(year9.id, ids["The Letter"], 0)
    with pytest.raises(EntryNotFoundError, match="The Stationmaster"):
        catalog.lists.move(year9.id, ids["The Stationmaster"], 1)
    with pytest.raises(EntryNotFoundError, match="The Stationmaster"):
        catalog.lists.remove(year9.id, [ids["The Letter"], ids["The Stationmaster"]])
    with pytest.raises(FilmNotFoundError, match="999"):
        catalog.lists.add(year9.id, [999])
    with pytest.raises(ScreeningListNotFoundError):
        catalog.lists.add(999, [ids["The Stationmaster"]])
    with pytest.raises(NameTakenError, match="taken"):
        catalog.lists.create("YEAR 9:  letters")
    with pytest.raises(ValidationError, match="name: a name is required"):
        catalog.lists.create("   ")
    with pytest.raises(ValidationError, match="name: is 201 characters long"):
        catalog.lists.rename(year9.id, "x" * 201)
    with pytest.raises(ValidationError, match="scheduled_at: '2026-13-01' is not a date"):
        catalog.lists.schedule(year9.id, ids["The Letter"], "2026-13-01")
    future = date.today() + timedelta(days=3)
    with pytest.raises(ValidationError, match=r"screened_on: .* is in the future"):
        catalog.lists.set_screened(year9.id, ids["The Letter"], on=future)
    assert catalog.lists.get(year9.id) == year9


def test_deleting_a_film_takes_it_out_of_the_list_and_restoring_puts_it_back(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    catalog.lists.set_screened(year9.id, ids["The Cranes Are Flying"], on=date(2025, 10, 1))
    before = state(catalog)
    club = catalog.lists.create("Club")
    catalog.lists.add(club.id, [ids["The Cranes Are Flying"], ids["The Letter"]])
    before = state(catalog)

    deleted = catalog.films.delete_many(
        [ids["The Cranes Are Flying"], ids["The Lady with the Dog"]]
    )
    now = catalog.lists.get(year9.id)
    assert titles(now) == ["The Letter", "The Ballad of a Soldier"]
    assert [e.position for e in now.entries] == [1, 2]
    assert titles(catalog.lists.get(club.id)) == ["The Letter"]
    assert catalog.lists.get(club.id).entries[0].position == 1

    catalog.films.restore(deleted)
    assert state(catalog) == before
    cranes = catalog.lists.get(year9.id).entries[1]
    assert (cranes.screened_on, cranes.note) == (date(2025, 10, 1), "Watch the stairs scene.")


def test_removing_the_last_film_of_a_deleted_list_is_harmless(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    deleted_film = catalog.films.delete_many([ids["The Letter"]])
    deleted_list = catalog.lists.delete(year9.id)
    catalog.films.restore(deleted_film)  # the list is gone: the film comes back alone
    assert catalog.lists.summaries() == []
    restored = catalog.lists.restore(deleted_list)
    assert titles(restored) == titles(deleted_list)


# --- every change, undone with what it returned ---------------------------------------------


def test_undo_create_and_delete_list(catalog: Catalog, year9: ScreeningListRecord) -> None:
    before = state(catalog)
    created = catalog.lists.create("Spare")
    catalog.lists.delete(created.id)
    assert state(catalog) == before

    snapshot = catalog.lists.delete(year9.id)
    assert catalog.lists.summaries() == []
    assert catalog.lists.restore(snapshot) == year9
    assert state(catalog) == before
    with pytest.raises(ValueError, match="exists already"):
        catalog.lists.restore(snapshot)


def test_undo_edit_list(catalog: Catalog, year9: ScreeningListRecord) -> None:
    before = state(catalog)
    edited = catalog.run(EditList(year9.id, {"name": "Year 10", "audience": "10A"}))
    assert (edited.result.name, edited.result.audience) == ("Year 10", "10A")
    assert edited.inverse == EditList(year9.id, {"name": "Year 9: letters", "audience": "9B"})
    catalog.run(edited.inverse)
    assert state(catalog) == before


def test_duplicate_copies_entries_but_not_the_screening_log(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    catalog.lists.set_screened(year9.id, ids["The Letter"], on=date(2025, 9, 1))
    before = state(catalog)
    copy = catalog.lists.duplicate(year9.id)
    assert copy.name == "Year 9: letters (copy)" and copy.audience == "9B"
    assert titles(copy) == titles(year9)
    assert copy.entries[1].note == "Watch the stairs scene."
    assert copy.entries[1].scheduled_at == datetime(2026, 12, 1, 10, 30)
    assert copy.screened_count == 0
    assert catalog.lists.duplicate(year9.id).name == "Year 9: letters (copy 2)"
    bare = catalog.lists.duplicate(year9.id, "9A", keep_schedule=False)
    assert bare.entries[1].scheduled_at is None
    for made in (copy.id, bare.id):
        catalog.lists.delete(made)
    catalog.lists.delete(catalog.lists.resolve("Year 9: letters (copy 2)").id)
    assert state(catalog) == before


def test_undo_add_and_remove_entries(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    before = state(catalog)
    added = catalog.lists.add(
        year9.id,
        [ids["The Stationmaster"]],
        position=1,
        scheduled_at=date(2026, 12, 8),
        note="Georgia",
    )
    assert (added[0].position, added[0].scheduled_text, added[0].note) == (
        1,
        "2026-12-08",
        "Georgia",
    )
    catalog.lists.remove(year9.id, [e.film_id for e in added])
    assert state(catalog) == before

    removed = catalog.lists.remove(
        year9.id, [ids["The Lady with the Dog"], ids["The Cranes Are Flying"]]
    )
    assert [(e.film.title, e.position) for e in removed] == [
        ("The Cranes Are Flying", 2),
        ("The Lady with the Dog", 4),
    ]
    catalog.lists.restore_entries(removed)
    assert state(catalog) == before


def test_undo_moves_and_reorders(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    before = state(catalog)
    moved = catalog.run(MoveInList(year9.id, ids["The Lady with the Dog"], 1))
    assert titles(moved.result)[0] == "The Lady with the Dog"
    catalog.run(moved.inverse)
    assert state(catalog) == before

    reversed_ = catalog.run(SetListOrder(year9.id, tuple(reversed(year9.film_ids))))
    assert titles(reversed_.result) == list(reversed(titles(year9)))
    catalog.run(reversed_.inverse)
    assert state(catalog) == before


def test_undo_entry_edits(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    cranes = ids["The Cranes Are Flying"]
    before = state(catalog)
    steps = [
        catalog.run(EditEntry(year9.id, cranes, fields))
        for fields in (
            EntryFields(scheduled_at="2026-12-02"),  # type: ignore[typeddict-item]
            EntryFields(note="Questions:\n1. Who writes?"),
            EntryFields(screened=True, screened_on=date(2025, 12, 2)),
            EntryFields(screened=False),
            EntryFields(scheduled_at=None),
        )
    ]
    assert steps[0].result.scheduled_text == "2026-12-02" and not steps[0].result.has_time
    assert steps[2].result.screened and steps[2].result.screened_on == date(2025, 12, 2)
    assert steps[2].inverse == EditEntry(year9.id, cranes, {"screened": False, "screened_on": None})
    assert not steps[3].result.screened and steps[3].result.screened_on is None
    for step in reversed(steps):
        catalog.run(step.inverse)
    assert state(catalog) == before


def test_screened_without_a_date_keeps_an_earlier_date(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    letter = ids["The Letter"]
    assert catalog.lists.set_screened(year9.id, letter).screened_on is None
    catalog.lists.set_screened(year9.id, letter, on=date(2025, 3, 1))
    again = catalog.lists.set_screened(year9.id, letter)
    assert (again.screened, again.screened_on) == (True, date(2025, 3, 1))
    with pytest.raises(ValidationError, match="not screened has no screening date"):
        catalog.lists.edit_entry(
            year9.id, letter, {"screened": False, "screened_on": date(2025, 3, 1)}
        )


def test_the_screening_log_is_not_the_users_watched(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    catalog.lists.set_screened(year9.id, ids["The Letter"], on=date(2025, 3, 1))
    assert not catalog.films.get(ids["The Letter"]).watched
    assert [e.list_id for e in catalog.lists.with_film(ids["The Letter"])] == [year9.id]


def test_scheduled_times_are_naive_local_minutes(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    letter = ids["The Letter"]
    at = catalog.lists.schedule(year9.id, letter, "2026-12-01 09:05:59").scheduled_at
    assert at == datetime(2026, 12, 1, 9, 5) and at.tzinfo is None
    assert catalog.lists.get(year9.id).entries[0].scheduled_at == datetime(2026, 12, 1, 9, 5)


def test_the_lists_holding_every_one_of_some_films(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    other = catalog.lists.create("Club")
    catalog.lists.add(other.id, [ids["The Letter"]])
    assert catalog.lists.holding_all([ids["The Letter"]]) == {year9.id, other.id}
    assert catalog.lists.holding_all([ids["The Letter"], ids["The Cranes Are Flying"]]) == {
        year9.id
    }
    assert catalog.lists.holding_all([]) == set()
