"""IMDb files as real accounts export them: every header generation, localized title types,
spreadsheet-resaved dates. Fixtures mirror real layouts, with invented films."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange import ImportPlan
from filmdesk.core.exchange.imdb import TitleKind, title_kind
from filmdesk.core.exchange.planning import plan_import

IMDB = Path(__file__).resolve().parent.parent / "data" / "imdb"


def imported(catalog: Catalog, name: str | Path) -> ImportPlan:
    """Plan and apply the file (a fixture's name, or a path) as a user would (no
    --skip-bad-rows); the plan it used."""
    plan = plan_import(catalog, IMDB / name)  # (an absolute path stays itself)
    assert plan.format == "imdb"
    assert plan.problems == []  # nothing refused
    catalog.imports.apply(plan)
    return plan


def left_out(plan: ImportPlan) -> list[tuple[int | None, str | None]]:
    return [(n.line, n.film) for n in plan.notices]


def film(catalog: Catalog, title: str) -> tuple[object, ...]:
    f = catalog.films.resolve(title)
    return (f.imdb_id, f.year, f.rating, f.watched, f.watched_on)


# (file, films imported, (line, title) of each notice)
GENERATIONS = [
    ("ratings_2024.csv", 3, [(4, "Salt Orchard")]),
    ("ratings_2018.csv", 3, [(4, "Lanterns Over Kellan Bay"), (5, "The Cartographer Returns")]),
    ("ratings_2017.csv", 2, [(4, "The Fenwick Files")]),
    ("ratings_before_2017.csv", 3, [(4, "Il faro spento"), (5, "Il faro spento: La notte lunga")]),
    ("watchlist_17_columns.csv", 2, [(3, "Harbour Lights"), (5, "Fog District")]),
    ("list_15_columns.csv", 2, [(4, "Kitchen Table Stories")]),
    ("ratings_italian.csv", 4, [(4, "Le stanze di Clara"), (6, "Il lungo inverno"),
                                (7, "Concerto sul tetto")]),
    ("ratings_russian.csv", 2, [(3, "Дачный сезон"), (5, "Северный ветер")]),
    ("ratings_excel_mdy.csv", 2, [(4, "Coastline Rescue")]),
    ("ratings_dmy_ambiguous.csv", 2, [(2, "Der Uhrmacher von Lindau")]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "count", "notices"), GENERATIONS)
def test_every_generation_imports_and_a_second_time_adds_nothing(
    catalog: Catalog, name: str, count: int, notices: list[tuple[int, str]]
) -> None:
    before = len(catalog.films.all())
    plan = imported(catalog, name)
    assert len(plan.new) == count and left_out(plan) == notices
    assert all(n.file.endswith(name) for n in plan.notices)
    assert len(catalog.films.all()) == before + count
    again = plan_import(catalog, IMDB / name)
    assert (len(again.new), len(again.updates), again.unchanged) == (0, 0, count)
    assert again.problems == [] and left_out(again) == notices


def test_ratings_2024_with_original_titles_and_several_directors(catalog: Catalog) -> None:
    imported(catalog, "ratings_2024.csv")
    keeper = catalog.films.resolve("The Lighthouse Keeper's Daughter")
    assert keeper.original_title == "Dochka smotritelya mayaka"
    assert film(catalog, keeper.title) == ("tt9900101", 1968, 4.5, True, date(2025, 3, 14))
    # Joined by "," with no space.
    assert catalog.films.resolve("Paper Rivers").directors == ("Ines Marlow", "Tobias Wren")
    assert catalog.films.resolve("Nine Minutes to Dawn").runtime_minutes == 9  # a short
    with pytest.raises(LookupError):
        catalog.films.resolve("Salt Orchard")


def test_ratings_2018_keeps_tv_films_and_videos(catalog: Catalog) -> None:
    imported(catalog, "ratings_2018.csv")
    assert film(catalog, "The Glass Harbour") == ("tt9900201", 1974, 5.0, True, date(2023, 11, 5))
    quarry = catalog.films.resolve("Weekend at the Quarry")  # tvMovie
    assert (quarry.rating, quarry.directors) == (2.5, ("Dana Whitfield", "Marco Aleni"))
    assert film(catalog, "Static Garden")[2:] == (2.0, True, date(2023, 12, 1))  # video


def test_ratings_2017_date_added_is_the_day_it_was_rated(catalog: Catalog) -> None:
    imported(catalog, "ratings_2017.csv")
    assert film(catalog, "Winter in Odessa") == ("tt9900301", 1961, 4.0, True, date(2017, 6, 11))
    assert film(catalog, "Mall Cops in Space")[2:] == (1.5, True, date(2017, 6, 12))


def test_before_2017_you_rated_and_its_dates(catalog: Catalog) -> None:
    imported(catalog, "ratings_before_2017.csv")
    assert film(catalog, "La casa sul fiume") == ("tt9900401", 1963, 4.0, True, date(2011, 3, 12))
    friends = catalog.films.resolve("Quattro amici al mare")
    assert friends.watched_on == date(2011, 11, 3)  # "Thu Nov  3 01:33:20 2011"
    assert friends.directors == ("Lia Ferrante", "Nino Carrai")
    assert film(catalog, "Avventura in soffitta")[2] == 2.5


def test_a_watchlist_with_tv_series_is_not_blocked(catalog: Catalog) -> None:
    plan = imported(catalog, "watchlist_17_columns.csv")
    assert all("TV series" in n.message for n in plan.notices)
    assert film(catalog, "The Quiet Ferryman") == ("tt9900501", 1958, None, False, None)
    pellinor = catalog.films.resolve("Goodbye, Mr. Pellinor")
    assert (pellinor.original_title, pellinor.rating, pellinor.watched_on) == (
        "Addio signor Pellinor", 4.0, date(2025, 2, 11)
    )  # fmt: skip
    assert pellinor.directors == ("Carla Vinci", "Piero Ansaldo")


def test_a_15_column_list_has_no_ratings(catalog: Catalog) -> None:
    imported(catalog, "list_15_columns.csv")
    assert film(catalog, "The Tin Accordion") == ("tt9900602", 1947, None, False, None)


def test_italian_title_types_and_an_unknown_one(catalog: Catalog) -> None:
    plan = imported(catalog, "ratings_italian.csv")
    assert film(catalog, "La valle dei gabbiani")[:3] == ("tt9900701", 1971, 4.5)
    assert catalog.films.resolve("Il postino di Borgo Alto").rating == 3.5  # Film TV
    assert catalog.films.resolve("Un minuto di silenzio").runtime_minutes == 12  # Cortometraggio
    # Not a type filmdesk knows: it comes in as a film, and the dry run says so.
    assert catalog.films.resolve("Concerto sul tetto").rating == 2.5
    unknown = plan.notices[-1]
    assert "'Evento dal vivo'" in unknown.message and "imported as a film" in unknown.message


def test_russian_title_types(catalog: Catalog) -> None:
    imported(catalog, "ratings_russian.csv")
    platform = catalog.films.resolve("Тихий перрон")
    assert (platform.original_title, platform.rating, platform.directors) == (
        "Tikhiy perron", 5.0, ("Олег Крылов", "Нина Светлова")
    )  # fmt: skip
    assert catalog.films.resolve("Вечер у реки").year == 2011  # Короткометражка


def test_excel_resaved_month_first_dates(catalog: Catalog) -> None:
    plan = imported(catalog, "ratings_excel_mdy.csv")
    # 4/18/2026 settles it: every date of the file is month first, so 3/2/2026 is 2 March.
    assert film(catalog, "Borrowed Summer")[2:] == (4.0, True, date(2026, 4, 18))
    assert film(catalog, "The Ninth Tenant")[2:] == (3.0, True, date(2026, 3, 2))
    assert not any("read as" in n.message for n in plan.notices)


def test_ambiguous_dates_say_which_order_was_assumed(catalog: Catalog) -> None:
    plan = imported(catalog, "ratings_dmy_ambiguous.csv")
    (notice,) = plan.notices
    assert "3.2.2026" in notice.message and "day/month/year" in notice.message
    assert catalog.films.resolve("Der Uhrmacher von Lindau").watched_on == date(2026, 2, 3)
    assert catalog.films.resolve("Die Brücke im Nebel").watched_on == date(2026, 1, 5)


def test_day_first_settled_by_a_day_over_12(catalog: Catalog, tmp_path: Path) -> None:
    text = (IMDB / "ratings_excel_mdy.csv").read_text(encoding="utf-8")
    text = text.replace("4/18/2026", "18/4/2026").replace("6/4/2004", "25/4/2004")
    resaved = tmp_path / "ratings.csv"
    resaved.write_text(text, encoding="utf-8")
    plan = plan_import(catalog, resaved)
    assert plan.problems == [] and not any("read as" in n.message for n in plan.notices)
    catalog.imports.apply(plan)
    assert catalog.films.resolve("The Ninth Tenant").watched_on == date(2026, 2, 3)


def test_wrong_rows_name_file_line_and_film(catalog: Catalog, tmp_path: Path) -> None:
    text = (IMDB / "ratings_2018.csv").read_text(encoding="utf-8")
    text = text.replace("tt9900202,5,2023-11-06", "tt9900202,12,2023-11-06")
    text = text.replace("tt9900205,4,2023-12-01", "tt9900205,4,someday")
    broken = tmp_path / "ratings.csv"
    broken.write_text(text, encoding="utf-8")
    plan = plan_import(catalog, broken)
    assert [(p.line, p.field) for p in plan.problems] == [(3, "Your Rating"), (6, "Date Rated")]
    assert "Weekend at the Quarry" in str(plan.problems[0]) and "ratings.csv" in str(
        plan.problems[0]
    )
    assert "Static Garden" in str(plan.problems[1])
    assert len(plan.new) == 1  # The Glass Harbour; the series and episode are notices
    assert len(plan.notices) == 2


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("movie", TitleKind.FILM),
        ("Feature Film", TitleKind.FILM),
        ("Film", TitleKind.FILM),
        ("Película", TitleKind.FILM),
        ("Kurzfilm", TitleKind.FILM),
        ("Téléfilm", TitleKind.FILM),
        ("Фильм", TitleKind.FILM),
        ("Corto", TitleKind.FILM),  # Italian, as a real 2025 ratings file has it
        ("tvMiniSeries", TitleKind.SERIES),
        ("TV Mini-Series", TitleKind.SERIES),
        ("Mini-série", TitleKind.SERIES),
        ("Serie TV", TitleKind.SERIES),
        ("Série de TV", TitleKind.SERIES),
        ("Сериал", TitleKind.SERIES),
        ("videoGame", TitleKind.OTHER),
        ("Something new", None),
    ],
)
def test_title_types_in_several_languages(name: str, kind: TitleKind | None) -> None:
    assert title_kind(name) is kind


def test_a_repeated_film_is_named(catalog: Catalog, tmp_path: Path) -> None:
    lines = (IMDB / "ratings_2017.csv").read_text(encoding="utf-8").splitlines()
    twice = tmp_path / "ratings.csv"
    twice.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    (problem,) = plan_import(catalog, twice).problems
    assert (problem.line, problem.film, problem.message) == (
        5, "Winter in Odessa", "repeats the film of line 2"
    )  # fmt: skip


def test_a_file_resaved_by_a_western_excel_keeps_its_accents(
    catalog: Catalog, tmp_path: Path
) -> None:
    text = (IMDB / "ratings_excel_mdy.csv").read_text(encoding="utf-8")
    resaved = tmp_path / "ratings.csv"
    resaved.write_bytes(text.replace("Rosa Quintero", "Rosa Núñez").encode("cp1252"))
    imported_plan = plan_import(catalog, resaved)
    assert imported_plan.problems == []
    catalog.imports.apply(imported_plan)
    assert catalog.films.resolve("Borrowed Summer").directors == ("Rosa Núñez",)


def test_a_file_resaved_with_semicolons_is_still_imdb(catalog: Catalog, tmp_path: Path) -> None:
    with (IMDB / "ratings_2017.csv").open(encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source))
    resaved = tmp_path / "ratings.csv"
    with resaved.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    plan = imported(catalog, resaved)
    assert (len(plan.new), left_out(plan)) == (2, [(4, "The Fenwick Files")])
    assert catalog.films.resolve("Winter in Odessa").watched_on == date(2017, 6, 11)
