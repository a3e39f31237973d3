"""Letterboxd and IMDb files, as those services export them."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange import UnreadableFileError
from filmdesk.core.exchange.formats import ExportOptions, FilmSelection, film_export
from filmdesk.core.exchange.letterboxd import EXPORT_COLUMNS, export_letterboxd
from filmdesk.core.exchange.planning import plan_import

DATA = Path(__file__).resolve().parent.parent / "data"
LETTERBOXD = DATA / "letterboxd"


def letterboxd_zip(tmp_path: Path) -> Path:
    archive = tmp_path / "letterboxd-someone-2024-06-01.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in [*sorted(LETTERBOXD.glob("*.csv")), *sorted(LETTERBOXD.glob("lists/*.csv"))]:
            out.write(path, path.relative_to(LETTERBOXD).as_posix())
        out.writestr("profile.csv", "Date Joined,Username\n2020-01-01,someone\n")
    return archive


def test_the_letterboxd_zip_combines_its_files(catalog: Catalog, tmp_path: Path) -> None:
    plan = plan_import(catalog, letterboxd_zip(tmp_path))
    assert plan.format == "letterboxd" and plan.problems == []
    assert (len(plan.new), len(plan.updates)) == (2, 1)  # Mirror and Wings new; Cranes matched
    catalog.imports.apply(plan)
    cranes = catalog.films.resolve("The Cranes Are Flying")
    assert (cranes.rating, cranes.watched, str(cranes.watched_on)) == (4.5, True, "2024-02-28")
    assert set(cranes.tags) == {"war", "classic"}
    # A matched film gains the diary's viewings; a second import adds none.
    seen = [(str(v.watched_on), v.rewatch) for v in catalog.films.viewings(cranes.id)]
    assert seen and seen[-1] == ("2024-02-28", True)
    again = plan_import(catalog, letterboxd_zip(tmp_path))
    assert (len(again.new), len(again.updates)) == (0, 0)
    assert cranes.notes == (
        'The camera runs with Veronika.\nThe ending, at the station, "breaks" me.'
    )
    assert cranes.letterboxd_uri == "https://boxd.it/2bWk"
    wings = catalog.films.resolve("Wings")
    assert not wings.watched and set(wings.tags) == {"watchlist"}
    assert catalog.films.resolve("Mirror").rating == 5.0
    # The list in lists/ became a screening list, in Letterboxd's order.
    (summary,) = catalog.lists.summaries()
    soviet = catalog.lists.get(summary.id)
    assert soviet.name == "Soviet letters"
    assert [(e.position, e.film.title) for e in soviet.entries] == [
        (1, "The Cranes Are Flying"),
        (2, "Wings"),
    ]
    # The same export again changes nothing.
    again = plan_import(catalog, letterboxd_zip(tmp_path))
    assert (len(again.new), len(again.updates), again.unchanged) == (0, 0, 3)
    catalog.imports.apply(again)
    assert catalog.lists.get(summary.id) == soviet


def test_a_single_letterboxd_csv(catalog: Catalog) -> None:
    plan = plan_import(catalog, LETTERBOXD / "watchlist.csv")
    assert plan.format == "letterboxd"
    assert [f.fields["title"] for f in plan.new] == ["Wings"]


def test_a_truncated_zip_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    whole = letterboxd_zip(tmp_path).read_bytes()
    broken = tmp_path / "broken.zip"
    broken.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(UnreadableFileError) as err:
        plan_import(catalog, broken)
    assert "broken.zip" in str(err.value)


def test_letterboxd_export_has_the_importers_columns(catalog: Catalog, tmp_path: Path) -> None:
    cranes = catalog.films.resolve("The Cranes Are Flying")
    catalog.films.edit(
        cranes.id, {"rating": 4.5, "watched_on": "2024-01-04", "tags": ["war"], "notes": "x\ny"}
    )
    out = tmp_path / "letterboxd.csv"
    assert export_letterboxd(out, catalog.films.all()) == 10
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    row = next(r for r in rows if r["Title"] == "The Cranes Are Flying")
    assert (row["Year"], row["Rating"], row["WatchedDate"], row["Tags"], row["Review"]) == (
        "1957", "4.5", "2024-01-04", "war", "x\ny"
    )  # fmt: skip


def test_letterboxd_export_writes_a_diary_row_per_viewing(catalog: Catalog, tmp_path: Path) -> None:
    cranes = catalog.films.resolve("The Cranes Are Flying")
    catalog.films.edit(cranes.id, {"rating": 4, "notes": "Veronika runs."})
    catalog.films.add_viewing(cranes.id, {"watched_on": "2021-05-09", "rating": 3.5})
    catalog.films.add_viewing(cranes.id, {"watched_on": "2024-01-04", "note": "Better now."})
    catalog.films.add_viewing(cranes.id, {"watched_on": "2025-11-30"})
    out = tmp_path / "letterboxd.csv"
    film_export("letterboxd").write(out, FilmSelection(catalog), ExportOptions())
    rows = [
        r for r in csv.DictReader(out.open(encoding="utf-8", newline="")) if r["Year"] == "1957"
    ]
    rows = [r for r in rows if r["Title"] == "The Cranes Are Flying"]
    assert [(r["WatchedDate"], r["Rewatch"], r["Rating"], r["Review"]) for r in rows] == [
        ("2021-05-09", "", "3.5", ""),
        ("2024-01-04", "Yes", "", "Better now."),
        ("2025-11-30", "Yes", "4", ""),  # the film's rating on its latest viewing
    ]


@pytest.mark.parametrize("name", ["imdb_ratings_new.csv", "imdb_list_old.csv"])
def test_imdb_exports(catalog: Catalog, name: str) -> None:
    plan = plan_import(catalog, DATA / name)
    assert plan.format == "imdb" and plan.problems == []
    # The TV series (episode) is left out by design, said, and blocks nothing.
    (notice,) = plan.notices
    assert "TV series" in notice.message and notice.line == (4 if "new" in name else 3)
    assert notice.film == ("Breaking Bad" if "new" in name else "Some Episode")
    catalog.imports.apply(plan)
    if "new" in name:
        cranes = catalog.films.resolve("The Cranes Are Flying")
        assert (cranes.imdb_id, cranes.rating, str(cranes.watched_on)) == (
            "tt0050634", 4.5, "2024-01-05"
        )  # fmt: skip
        mirror = catalog.films.resolve("Mirror")
        assert (mirror.rating, mirror.directors, mirror.runtime_minutes) == (
            5.0, ("Andrei Tarkovsky",), 107
        )  # fmt: skip
    else:
        wings = catalog.films.resolve("Wings")
        assert (wings.imdb_id, wings.watched, wings.rating) == ("tt0060966", False, None)
