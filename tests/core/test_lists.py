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
from filmdesk.core.records import ScreeningListRecord
from filmdesk.core.validation import ValidationError


def titles(record: ScreeningListRecord) -> list[str]:
    return [e.film.title for e in record.entries]


def state(catalog: Catalog) -> list[ScreeningListRecord]:
    """Every list with every entry: what an undo must give back exactly."""
    return [catalog.screening_list(s.id) for s in catalog.screening_lists()]


@pytest.fixture
def ids(catalog: Catalog) -> dict[str, int]:
    return {f.title: f.id for f in catalog.all_films()}


@pytest.fixture
def year9(catalog: Catalog, ids: dict[str, int]) -> ScreeningListRecord:
    """A list of four films, the second with a date, a time and a note."""
    year9 = catalog.create_list("Year 9: letters", audience="9B", description="Autumn term")
    catalog.add_to_list(
        year9.id, [ids["The Letter"], ids["The Cranes Are Flying"], ids["The Ballad of a Soldier"]]
    )
    catalog.edit_entry(
        year9.id,
        ids["The Cranes Are Flying"],
        {"scheduled_at": datetime(2026, 12, 1, 10, 30), "note": "Watch the stairs scene."},
    )
    catalog.add_to_list(year9.id, [ids["The Lady with the Dog"]])
    return catalog.screening_list(year9.id)


def test_a_new_list_is_empty_and_named(catalog: Catalog) -> None:
    created = catalog.create_list("  Film   club ", audience=" Fridays ", description=" x ")
    assert (created.name, created.audience, created.description) == ("Film club", "Fridays", "x")
    assert created.entries == () and created.film_count == 0 and created.runtime_minutes == 0
    (summary,) = catalog.screening_lists()
    assert (summary.id, summary.name, summary.film_count) == (created.id, "Film club", 0)
    assert catalog.resolve_list("FILM CLUB") == created
    assert catalog.resolve_list(str(created.id)) == created


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
    summary = next(s for s in catalog.screening_lists() if s.id == year9.id)
    assert (summary.film_count, summary.runtime_minutes) == (4, year9.runtime_minutes)


def test_insert_move_remove_keep_positions_dense(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    catalog.add_to_list(
        year9.id, [ids["The Stationmaster"], ids["The House I Live In"]], position=2
    )
    now = catalog.screening_list(year9.id)
    assert titles(now)[:4] == [
        "The Letter",
        "The Stationmaster",
        "The House I Live In",
        "The Cranes Are Flying",
    ]
    assert [e.position for e in now.entries] == [1, 2, 3, 4, 5, 6]

    catalog.move_in_list(year9.id, ids["The Letter"], 6)
    now = catalog.screening_list(year9.id)
    assert titles(now)[0] == "The Stationmaster" and titles(now)[-1] == "The Letter"
    assert [e.position for e in now.entries] == [1, 2, 3, 4, 5, 6]

    catalog.remove_from_list(year9.id, [ids["The House I Live In"], ids["The Ballad of a Soldier"]])
    now = catalog.screening_list(year9.id)
    assert titles(now) == [
        "The Stationmaster",
        "The Cranes Are Flying",
        "The Lady with the Dog",
        "The Letter",
    ]
    assert [e.position for e in now.entries] == [1, 2, 3, 4]
    assert (
        catalog.get_film(ids["The House I Live In"]).title == "The House I Live In"
    )  # the film stays


def test_a_film_appears_in_a_list_once(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    with pytest.raises(DuplicateEntryError, match=r"The Letter \(1982\).*position 1"):
        catalog.add_to_list(year9.id, [ids["The Stationmaster"], ids["The Letter"]])
    assert catalog.screening_list(year9.id) == year9  # nothing changed, Mimino neither
    added = catalog.add_to_list(
        year9.id, [ids["The Stationmaster"], ids["The Letter"]], skip_present=True
    )
    assert [e.film.title for e in added] == ["The Stationmaster"]
    assert titles(catalog.screening_list(year9.id)).count("The Letter") == 1


def test_bad_positions_films_and_names_are_refused(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    with pytest.raises(ValidationError, match=r"position: 5 is outside 1\.\.4"):
        catalog.move_in_list(year9.id, ids["The Letter"], 5)
    with pytest.raises(ValidationError, match="position: 0 is outside"):
        catalog.move_in_list(year9.id, ids["The Letter"], 0)
    with pytest.raises(EntryNotFoundError, match="The Stationmaster"):
        catalog.move_in_list(year9.id, ids["The Stationmaster"], 1)
    with pytest.raises(EntryNotFoundError, match="The Stationmaster"):
        catalog.remove_from_list(year9.id, [ids["The Letter"], ids["The Stationmaster"]])
    with pytest.raises(FilmNotFoundError, match="999"):
        catalog.add_to_list(year9.id, [999])
    with pytest.raises(ScreeningListNotFoundError):
        catalog.add_to_list(999, [ids["The Stationmaster"]])
    with pytest.raises(NameTakenError, match="taken"):
        catalog.create_list("YEAR 9:  letters")
    with pytest.raises(ValidationError, match="name: a name is required"):
        catalog.create_list("   ")
    with pytest.raises(ValidationError, match="name: is 201 characters long"):
        catalog.rename_list(year9.id, "x" * 201)
    with pytest.raises(ValidationError, match="scheduled_at: '2026-13-01' is not a date"):
        catalog.schedule_entry(year9.id, ids["The Letter"], "2026-13-01")
    future = date.today() + timedelta(days=3)
    with pytest.raises(ValidationError, match=r"screened_on: .* is in the future"):
        catalog.set_screened(year9.id, ids["The Letter"], on=future)
    assert catalog.screening_list(year9.id) == year9


def test_deleting_a_film_takes_it_out_of_the_list_and_restoring_puts_it_back(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    catalog.set_screened(year9.id, ids["The Cranes Are Flying"], on=date(2025, 10, 1))
    before = state(catalog)
    club = catalog.create_list("Club")
    catalog.add_to_list(club.id, [ids["The Cranes Are Flying"], ids["The Letter"]])
    before = state(catalog)

    deleted = catalog.delete_films([ids["The Cranes Are Flying"], ids["The Lady with the Dog"]])
    now = catalog.screening_list(year9.id)
    assert titles(now) == ["The Letter", "The Ballad of a Soldier"]
    assert [e.position for e in now.entries] == [1, 2]
    assert titles(catalog.screening_list(club.id)) == ["The Letter"]
    assert catalog.screening_list(club.id).entries[0].position == 1

    catalog.restore_films(deleted)
    assert state(catalog) == before
    cranes = catalog.screening_list(year9.id).entries[1]
    assert (cranes.screened_on, cranes.note) == (date(2025, 10, 1), "Watch the stairs scene.")


def test_removing_the_last_film_of_a_deleted_list_is_harmless(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    deleted_film = catalog.delete_films([ids["The Letter"]])
    deleted_list = catalog.delete_list(year9.id)
    catalog.restore_films(deleted_film)  # the list is gone: the film comes back alone
    assert catalog.screening_lists() == []
    restored = catalog.restore_list(deleted_list)
    assert titles(restored) == titles(deleted_list)


# --- every change, undone with what it returned ---------------------------------------------


def test_undo_create_and_delete_list(catalog: Catalog, year9: ScreeningListRecord) -> None:
    before = state(catalog)
    created = catalog.create_list("Spare")
    catalog.delete_list(created.id)
    assert state(catalog) == before

    snapshot = catalog.delete_list(year9.id)
    assert catalog.screening_lists() == []
    assert catalog.restore_list(snapshot) == year9
    assert state(catalog) == before
    with pytest.raises(ValueError, match="exists already"):
        catalog.restore_list(snapshot)


def test_undo_edit_list(catalog: Catalog, year9: ScreeningListRecord) -> None:
    before = state(catalog)
    edited = catalog.edit_list(year9.id, {"name": "Year 10", "audience": "10A"})
    assert (edited.record.name, edited.record.audience) == ("Year 10", "10A")
    assert edited.before == {"name": "Year 9: letters", "audience": "9B"}
    catalog.edit_list(year9.id, edited.before)
    assert state(catalog) == before


def test_duplicate_copies_entries_but_not_the_screening_log(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    catalog.set_screened(year9.id, ids["The Letter"], on=date(2025, 9, 1))
    before = state(catalog)
    copy = catalog.duplicate_list(year9.id)
    assert copy.name == "Year 9: letters (copy)" and copy.audience == "9B"
    assert titles(copy) == titles(year9)
    assert copy.entries[1].note == "Watch the stairs scene."
    assert copy.entries[1].scheduled_at == datetime(2026, 12, 1, 10, 30)
    assert copy.screened_count == 0
    assert catalog.duplicate_list(year9.id).name == "Year 9: letters (copy 2)"
    bare = catalog.duplicate_list(year9.id, "9A", keep_schedule=False)
    assert bare.entries[1].scheduled_at is None
    for made in (copy.id, bare.id):
        catalog.delete_list(made)
    catalog.delete_list(catalog.resolve_list("Year 9: letters (copy 2)").id)
    assert state(catalog) == before


def test_undo_add_and_remove_entries(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    before = state(catalog)
    added = catalog.add_to_list(
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
    catalog.remove_from_list(year9.id, [e.film_id for e in added])
    assert state(catalog) == before

    removed = catalog.remove_from_list(
        year9.id, [ids["The Lady with the Dog"], ids["The Cranes Are Flying"]]
    )
    assert [(e.film.title, e.position) for e in removed] == [
        ("The Cranes Are Flying", 2),
        ("The Lady with the Dog", 4),
    ]
    catalog.restore_list_entries(removed)
    assert state(catalog) == before


def test_undo_moves_and_reorders(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    before = state(catalog)
    moved = catalog.move_in_list(year9.id, ids["The Lady with the Dog"], 1)
    assert titles(moved.record)[0] == "The Lady with the Dog"
    catalog.set_list_order(year9.id, moved.before)
    assert state(catalog) == before

    reversed_ = catalog.set_list_order(year9.id, list(reversed(year9.film_ids)))
    assert titles(reversed_.record) == list(reversed(titles(year9)))
    catalog.set_list_order(year9.id, reversed_.before)
    assert state(catalog) == before


def test_undo_entry_edits(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    cranes = ids["The Cranes Are Flying"]
    before = state(catalog)
    steps = [
        catalog.schedule_entry(year9.id, cranes, "2026-12-02"),
        catalog.set_entry_note(year9.id, cranes, "Questions:\n1. Who writes?"),
        catalog.set_screened(year9.id, cranes, on=date(2025, 12, 2)),
        catalog.set_screened(year9.id, cranes, False),
        catalog.schedule_entry(year9.id, cranes, None),
    ]
    assert steps[0].record.scheduled_text == "2026-12-02" and not steps[0].record.has_time
    assert steps[2].record.screened and steps[2].record.screened_on == date(2025, 12, 2)
    assert steps[2].before == {"screened": False, "screened_on": None}
    assert not steps[3].record.screened and steps[3].record.screened_on is None
    for step in reversed(steps):
        catalog.edit_entry(year9.id, cranes, step.before)
    assert state(catalog) == before


def test_screened_without_a_date_keeps_an_earlier_date(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    letter = ids["The Letter"]
    assert catalog.set_screened(year9.id, letter).record.screened_on is None
    catalog.set_screened(year9.id, letter, on=date(2025, 3, 1))
    again = catalog.set_screened(year9.id, letter)
    assert (again.record.screened, again.record.screened_on) == (True, date(2025, 3, 1))
    with pytest.raises(ValidationError, match="not screened has no screening date"):
        catalog.edit_entry(year9.id, letter, {"screened": False, "screened_on": date(2025, 3, 1)})


def test_the_screening_log_is_not_the_users_watched(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    catalog.set_screened(year9.id, ids["The Letter"], on=date(2025, 3, 1))
    assert not catalog.get_film(ids["The Letter"]).watched
    assert [e.list_id for e in catalog.lists_with_film(ids["The Letter"])] == [year9.id]


def test_scheduled_times_are_naive_local_minutes(
    catalog: Catalog, year9: ScreeningListRecord, ids: dict[str, int]
) -> None:
    letter = ids["The Letter"]
    at = catalog.schedule_entry(year9.id, letter, "2026-12-01 09:05:59").record.scheduled_at
    assert at == datetime(2026, 12, 1, 9, 5) and at.tzinfo is None
    assert catalog.screening_list(year9.id).entries[0].scheduled_at == datetime(2026, 12, 1, 9, 5)
