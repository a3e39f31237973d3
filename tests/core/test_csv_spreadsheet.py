"""filmdesk CSV as a spreadsheet saves it again: its dates (4/18/2026, 18.04.2026, 18/04/2026),
decimal commas, and ratings out of 10. Fixtures in tests/data/spreadsheet, invented films."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange import ImportPlan
from filmdesk.core.exchange.csv_format import export_csv
from filmdesk.core.exchange.planning import plan_import

SHEETS = Path(__file__).resolve().parent.parent / "data" / "spreadsheet"


def imported(catalog: Catalog, path: Path) -> ImportPlan:
    plan = plan_import(catalog, path)
    assert plan.format == "csv" and plan.problems == []
    catalog.imports.apply(plan)
    return plan


def seen(catalog: Catalog, title: str) -> tuple[object, ...]:
    film = catalog.films.resolve(title)
    return film.rating, film.watched, film.watched_on


def test_a_file_excel_saved_again_in_the_us_reads_month_first(catalog: Catalog) -> None:
    sheet = SHEETS / "excel_us_resaved.csv"
    assert b"\r\n" in sheet.read_bytes()  # (a checkout that rewrote line ends would hide it)
    plan = imported(catalog, sheet)
    assert plan.notices == []  # 4/18/2026 settles it: nothing to say
    assert seen(catalog, "Orchard Lamps") == (4.5, True, date(2026, 4, 18))
    assert seen(catalog, "The Ninth Ferry") == (3.0, True, date(2026, 3, 2))  # 2 March
    assert seen(catalog, "Paper Kites Over Leith") == (None, False, None)
    lamps = catalog.films.resolve("Orchard Lamps")
    assert lamps.availability_checked_on == date(2026, 11, 2)  # any date column
    assert lamps.notes == "Slow, then all at once.\r\nSee again in spring"
    assert lamps.tags == ("autumn", "quiet")
    # Saved as Windows-1252, as Excel for Windows writes "CSV (Comma delimited)".
    cafe = catalog.films.resolve("Les Nuits du Café Bleu")
    assert (cafe.directors, cafe.watched_on) == (("Hélène Marchetti",), date(2025, 12, 24))


def test_a_file_libreoffice_saved_in_german_reads_day_first_with_decimal_commas(
    catalog: Catalog,
) -> None:
    plan = imported(catalog, SHEETS / "libreoffice_de_resaved.csv")
    assert plan.notices == []
    assert seen(catalog, "Das gläserne Dorf") == (4.5, True, date(2026, 4, 18))
    assert seen(catalog, "Winterhafen") == (3.5, True, date(2026, 2, 3))
    assert seen(catalog, "Die Uhr am Fluss") == (0.5, True, date(2025, 10, 1))


def test_a_file_excel_saved_again_in_the_uk_reads_day_first(catalog: Catalog) -> None:
    plan = imported(catalog, SHEETS / "excel_uk_resaved.csv")
    assert plan.notices == []
    # 18/04/2026 on the last line settles the order for the line before it too: 3 February.
    assert seen(catalog, "The Tidewater Clerk") == (4.0, True, date(2026, 2, 3))
    assert seen(catalog, "Small Hours at Dunmore") == (2.5, True, date(2026, 4, 18))


def test_dates_that_read_either_way_are_read_month_first_and_the_dry_run_says_so(
    catalog: Catalog,
) -> None:
    plan = imported(catalog, SHEETS / "ambiguous_dates.csv")
    assert [(n.line, n.film, n.left_out) for n in plan.notices] == [(2, "Copper Meadow", False)]
    assert "4/5/2026 read as month/day/year" in plan.notices[0].message
    assert plan.notices[0].file.endswith("ambiguous_dates.csv")
    assert plan.summary() == "3 new, 0 updated, 0 unchanged, 0 problems, 1 note"
    assert seen(catalog, "Copper Meadow")[2] == date(2026, 4, 5)
    assert seen(catalog, "Lantern Street Ballad")[2] == date(2025, 11, 3)
    assert seen(catalog, "Same Day Twice")[2] == date(2026, 7, 7)


def test_dotted_dates_that_read_either_way_are_read_day_first(
    catalog: Catalog, tmp_path: Path
) -> None:
    sheet = tmp_path / "dotted.csv"
    sheet.write_text("title;watched;watched_on\nMoss Garden;yes;04.05.2026\n", encoding="utf-8")
    plan = imported(catalog, sheet)
    assert "read as day/month/year" in plan.notices[0].message
    assert seen(catalog, "Moss Garden")[2] == date(2026, 5, 4)


def test_a_file_with_dates_of_both_kinds_names_the_line_and_field(catalog: Catalog) -> None:
    sheet = SHEETS / "mixed_date_orders.csv"
    plan = plan_import(catalog, sheet)
    assert [(p.file, p.line, p.field) for p in plan.problems] == [(str(sheet), 4, "watched_on")]
    assert str(plan.problems[0]) == (
        f"{sheet}, line 4, watched_on: 4/18/2026 reads month/day/year, but 25/03/2026 (line 2) "
        "reads day/month/year: write every date of the file one way"
    )
    # The rest imports when the user leaves that row out; the first date settled the order.
    catalog.imports.apply(plan, skip_bad_rows=True)
    assert seen(catalog, "The Quiet Signal")[2] == date(2026, 3, 2)
    with pytest.raises(LookupError):
        catalog.films.resolve("Blue Kettle Road")


def test_two_digit_years_as_libreoffice_writes_them_in_the_us(
    catalog: Catalog, tmp_path: Path
) -> None:
    sheet = tmp_path / "films.csv"
    sheet.write_text("title,watched,watched_on\nCopper Meadow,yes,04/18/26\n", encoding="utf-8")
    imported(catalog, sheet)
    assert seen(catalog, "Copper Meadow")[2] == date(2026, 4, 18)


def test_a_date_that_is_no_date_is_a_problem(catalog: Catalog, tmp_path: Path) -> None:
    sheet = tmp_path / "films.csv"
    sheet.write_text(
        "title,watched,watched_on\nA,yes,4/18/2026\nB,yes,2/30/2026\nC,yes,4/18/2027\n",
        encoding="utf-8",
    )
    plan = plan_import(catalog, sheet)
    assert [(p.line, p.field, p.message) for p in plan.problems] == [
        (3, "watched_on", "'2/30/2026' is not a date"),
        (4, "watched_on", "2027-04-18 is in the future"),
    ]


def test_ratings_out_of_ten_become_half_stars(catalog: Catalog) -> None:
    imported(catalog, SHEETS / "ratings_out_of_ten.csv")
    assert seen(catalog, "Orchard Lamps")[0] == 3.5
    assert seen(catalog, "The Ninth Ferry")[0] == 5.0
    assert seen(catalog, "Paper Kites Over Leith")[0] == 0.5
    assert seen(catalog, "Copper Meadow")[0] is None


@pytest.mark.parametrize(
    "header", ["rating10", "Rating/10", "RATING (1 - 10)", "rating (out of 10)"]
)
def test_every_header_that_says_out_of_ten_is_read_so(
    catalog: Catalog, tmp_path: Path, header: str
) -> None:
    sheet = tmp_path / "films.csv"
    sheet.write_text(f'title,"{header}"\nCopper Meadow,"8,0"\n', encoding="utf-8")
    imported(catalog, sheet)
    assert seen(catalog, "Copper Meadow")[0] == 4.0


def test_a_rating_out_of_ten_that_is_no_half_star_names_file_line_and_column(
    catalog: Catalog, tmp_path: Path
) -> None:
    sheet = tmp_path / "films.csv"
    sheet.write_text(
        "Title,Rating (1-10)\nCopper Meadow,7.5\nSame Day Twice,0\nBlue Kettle Road,11\n"
        "Orchard Lamps,seven\nThe Ninth Ferry,6\n",
        encoding="utf-8",
    )
    plan = plan_import(catalog, sheet)
    assert [(p.file, p.line, p.field) for p in plan.problems] == [
        (str(sheet), line, "Rating (1-10)") for line in (2, 3, 4, 5)
    ]
    assert plan.problems[0].message == (
        "7.5 is not a rating from 1 to 10 in whole steps (out of 10, 7 is 3.5 stars)"
    )
    assert plan.problems[3].message == "'seven' is not a rating from 1 to 10"
    assert [f.fields["rating"] for f in plan.new] == [3.0]


def test_a_rating_in_stars_with_a_decimal_comma(catalog: Catalog, tmp_path: Path) -> None:
    sheet = tmp_path / "films.csv"
    sheet.write_text('title,rating\nCopper Meadow,"4,5"\nSame Day Twice,"4,25"\n', "utf-8")
    plan = plan_import(catalog, sheet)
    assert [(p.line, p.field) for p in plan.problems] == [(3, "rating")]
    assert [f.fields["rating"] for f in plan.new] == [4.5]


def test_our_own_file_saved_again_by_excel_changes_nothing(
    catalog: Catalog, tmp_path: Path
) -> None:
    # Every date column rewritten as M/D/YYYY, CRLF line ends, ratings with a decimal comma:
    # the catalog it came from finds nothing new and nothing changed.
    cranes = catalog.films.resolve("The Cranes Are Flying")
    catalog.films.edit(
        cranes.id,
        {"rating": 4.5, "watched_on": "2026-04-18", "availability_checked_on": "2026-01-05"},
    )
    ours = tmp_path / "films.csv"
    export_csv(ours, catalog.films.all())
    with ours.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    for row in rows[1:]:
        for name in ("watched_on", "availability_checked_on"):
            at = header.index(name)
            if row[at]:
                day = date.fromisoformat(row[at])
                row[at] = f"{day.month}/{day.day}/{day.year}"
        at = header.index("rating")
        row[at] = row[at].replace(".", ",")
    resaved = tmp_path / "resaved.csv"
    with resaved.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    assert "4/18/2026" in resaved.read_text(encoding="utf-8-sig")
    plan = plan_import(catalog, resaved)
    assert (len(plan.new), len(plan.updates), plan.problems) == (0, 0, [])
    assert plan.unchanged == len(catalog.films.all())
