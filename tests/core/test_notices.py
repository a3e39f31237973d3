"""Rows left out by design are notices: said in the dry run, never a reason to refuse. A notice
on a row that is imported all the same (read differently) is a note, and said as one."""

from __future__ import annotations

from pathlib import Path

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange import ImportPlan, Notice
from filmdesk.core.exchange.planning import plan_import

DATA = Path(__file__).resolve().parent.parent / "data"


def test_a_plan_counts_notices_apart_from_problems(tmp_path: Path) -> None:
    plan = ImportPlan(
        source=tmp_path / "ratings.csv",
        format="imdb",
        notices=[Notice("ratings.csv", 3, "A Series", "a TV series, left out")],
    )
    assert plan.summary() == "0 new, 0 updated, 0 unchanged, 0 problems, 1 left out by design"
    assert str(plan.notices[0]) == "ratings.csv, line 3 (A Series): a TV series, left out"


def test_the_summary_tells_rows_left_out_from_notes_on_rows_imported(tmp_path: Path) -> None:
    plan = ImportPlan(
        source=tmp_path / "diary.csv",
        format="letterboxd",
        notices=[
            Notice("diary.csv", 2, "The Lost Reel", "comes in by name", left_out=False),
            Notice("likes/reviews.csv", None, None, "left out"),
            Notice("diary.csv", 5, "Second Reel", "comes in by name", left_out=False),
        ],
    )
    assert plan.summary() == (
        "0 new, 0 updated, 0 unchanged, 0 problems, 1 left out by design, 2 notes"
    )
    assert [n.film for n in plan.left_out()] == [None]
    assert [n.film for n in plan.notes()] == ["The Lost Reel", "Second Reel"]


def test_the_readers_say_which_rows_they_left_out(catalog: Catalog) -> None:
    def kinds(path: Path) -> list[tuple[str | None, bool]]:
        return [(n.film, n.left_out) for n in plan_import(catalog, path).notices]

    # A TV series is left out; a type filmdesk does not know comes in as a film.
    assert kinds(DATA / "imdb" / "ratings_italian.csv") == [
        ("Le stanze di Clara", True),
        ("Il lungo inverno", True),
        ("Concerto sul tetto", False),
    ]
    # Dates that read either way are read one way: a note, the film comes in.
    assert kinds(DATA / "imdb" / "ratings_dmy_ambiguous.csv") == [
        ("Der Uhrmacher von Lindau", False)
    ]
    # A film Letterboxd no longer has comes in by name; what the user deleted is left out.
    export = DATA / "letterboxd" / "exports" / "v7-2024"
    inside = {
        (n.file.removeprefix(f"{export}/"), n.film): n.left_out
        for n in plan_import(catalog, export).notices
    }
    assert inside[("orphaned/diary.csv", "The Lost Reel of Dunmore")] is False
    assert inside[("deleted/diary.csv", None)] is True
    assert inside[("likes/reviews.csv", None)] is True
