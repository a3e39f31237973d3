"""Letterboxd exports as Letterboxd really writes them (the fixtures mirror real exports'
layouts: CRLF, the v7 line or an empty first line, multi-line list descriptions, likes/,
deleted/, orphaned/, header-only files, reviews in HTML), with invented films and text."""

from __future__ import annotations

import zipfile
from pathlib import Path

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange.html_text import html_to_text
from filmdesk.core.exchange.planning import plan_import
from filmdesk.core.records import FilmRecord

EXPORTS = Path(__file__).resolve().parent.parent / "data" / "letterboxd" / "exports"
V7 = EXPORTS / "v7-2024"  # a ZIP as Letterboxd names it, CRLF
OLDER = EXPORTS / "older-2021"  # an extracted folder, LF, lists start with an empty line


def export_zip(folder: Path, tmp_path: Path) -> Path:
    archive = tmp_path / "letterboxd-harbourwatcher-2024-06-03-09-15-utc.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted(folder.rglob("*.csv")):
            out.write(path, path.relative_to(folder).as_posix())
    return archive


def by_title(catalog: Catalog, title: str) -> list[FilmRecord]:
    return [f for f in catalog.films.all() if f.title == title]


def test_the_fixtures_keep_the_real_layouts() -> None:
    # What the tests below rely on; a checkout that rewrote line endings would hide it.
    assert b"\r\n" in (V7 / "watched.csv").read_bytes()
    assert b"\r" not in (OLDER / "watched.csv").read_bytes()
    assert (OLDER / "lists" / "winter-term.csv").read_bytes().startswith(b"\n")
    assert (V7 / "lists" / "harbour-nights.csv").read_bytes().startswith(b"Letterboxd list")


def test_a_v7_export_comes_in_whole(catalog: Catalog, tmp_path: Path) -> None:
    before = len(catalog.films.all())
    plan = plan_import(catalog, export_zip(V7, tmp_path))
    assert plan.format == "letterboxd" and plan.problems == []
    where = {n.file.rsplit(":", 1)[-1]: n for n in plan.notices}
    # One notice per file that is not about the user's films; header-only files say nothing.
    # (And the diary's row of two namesakes: below.)
    assert set(where) == {
        "diary.csv",
        "profile.csv",
        "comments.csv",
        "likes/lists.csv",
        "likes/reviews.csv",
        "deleted/diary.csv",
        "deleted/lists/abandoned.csv",
        "orphaned/diary.csv",
    }
    orphan = where["orphaned/diary.csv"]
    assert (orphan.line, orphan.film) == (2, "The Lost Reel of Dunmore")
    catalog.imports.apply(plan)

    assert len(catalog.films.all()) == before + 7
    assert not by_title(catalog, "Paper Moons Over Ashby")  # deleted on Letterboxd
    lanterns = catalog.films.resolve("Tidewater Lanterns")
    assert lanterns.rating == 4.5  # ratings.csv, not the diary's older 4
    assert (lanterns.watched, str(lanterns.watched_on)) == (True, "2024-08-21")
    assert set(lanterns.tags) == {"silent", "harbour", "liked"}
    # Every diary entry is a viewing; the review is the note of its diary entry's viewing.
    viewings = [v.to_json() for v in catalog.films.viewings(lanterns.id)]
    assert [(v["watched_on"], v["rating"], v["rewatch"]) for v in viewings] == [
        ("2024-02-03", 4.0, False),
        ("2024-05-10", 4.5, True),
        ("2024-08-21", None, True),
    ]
    assert viewings[0]["note"] == viewings[2]["note"] == ""
    assert viewings[1]["note"] == lanterns.notes
    assert lanterns.letterboxd_uri == "https://boxd.it/aa01"  # the film's, not a diary entry's
    assert lanterns.notes == (
        'Second time, and the lanterns still "breathe".\n\n'
        "The harbour scene: see my notes (https://example.org/lanterns).\n"
        "It's still the best reel."
    )
    # Two films of one name and year that Letterboxd tells apart stay two.
    orchards = by_title(catalog, "The Glass Orchard")
    assert sorted(f.letterboxd_uri or "" for f in orchards) == [
        "https://boxd.it/aa02",
        "https://boxd.it/aa03",
    ]
    salt = catalog.films.resolve("Salt Meridian")
    assert set(salt.tags) == {"liked", "watchlist"}
    assert catalog.films.resolve("Transit Over the Sun").year == 1874
    (ferry,) = by_title(catalog, "The Unfinished Ferry")
    assert (ferry.year, ferry.watched, ferry.tags) == (None, False, ("watchlist",))
    (lost,) = by_title(catalog, "The Lost Reel of Dunmore")
    assert (lost.year, lost.letterboxd_uri, lost.rating) == (None, None, 3.0)

    (summary,) = [s for s in catalog.lists.summaries() if s.name == "Harbour nights"]
    harbour = catalog.lists.get(summary.id)
    assert harbour.description == (
        "Films for a long evening by the water.\n\n"
        'Start with the lantern one (https://example.org/lanterns); end with "the orchard".'
    )
    assert [(e.position, e.film.title, e.film.letterboxd_uri, e.note) for e in harbour.entries] == [
        (1, "Tidewater Lanterns", "https://boxd.it/aa01", "Watch the second reel twice."),
        (2, "The Glass Orchard", "https://boxd.it/aa03", ""),
        (3, "Salt Meridian", "https://boxd.it/aa06", "The quiet one."),
    ]

    again = plan_import(catalog, export_zip(V7, tmp_path))
    assert (len(again.new), len(again.updates), again.problems) == (0, 0, [])
    catalog.imports.apply(again)
    assert len(catalog.films.all()) == before + 7
    assert catalog.lists.get(summary.id) == harbour


def test_namesakes_stay_apart_when_the_catalog_has_one_without_a_uri(
    catalog: Catalog, tmp_path: Path
) -> None:
    catalog.films.add({"title": "The Glass Orchard", "year": 2009})
    plan = plan_import(catalog, export_zip(V7, tmp_path))
    assert plan.problems == []
    catalog.imports.apply(plan)
    orchards = by_title(catalog, "The Glass Orchard")
    assert sorted(f.letterboxd_uri or "" for f in orchards) == [
        "https://boxd.it/aa02",
        "https://boxd.it/aa03",
    ]
    again = plan_import(catalog, export_zip(V7, tmp_path))
    assert (len(again.new), len(again.updates), again.problems) == (0, 0, [])


def test_an_older_export_folder_with_empty_first_lines(catalog: Catalog) -> None:
    before = len(catalog.films.all())
    plan = plan_import(catalog, OLDER)
    assert plan.format == "letterboxd" and plan.problems == []
    assert [n.file for n in plan.notices] == [str(OLDER / "profile.csv")]
    catalog.imports.apply(plan)
    assert len(catalog.films.all()) == before + 3
    kite = catalog.films.resolve("A Kite for Orla")
    # The diary's URI is the entry's (an older export's long form): not kept as the film's.
    assert (kite.letterboxd_uri, str(kite.watched_on)) == ("https://boxd.it/bb02", "2020-11-11")
    (summary,) = [s for s in catalog.lists.summaries() if s.name == "Winter term"]
    winter = catalog.lists.get(summary.id)
    assert winter.description == "For the winter term.\n\nTwo films, one after the other."
    assert [(e.film.title, e.note) for e in winter.entries] == [
        ("A Kite for Orla", ""),
        ("The Ninth Lighthouse", "Before the holidays."),
        ("Winter at Calder Mill", ""),
    ]
    again = plan_import(catalog, OLDER)
    assert (len(again.new), len(again.updates), again.problems) == (0, 0, [])


def test_a_zip_of_the_extracted_folder(catalog: Catalog, tmp_path: Path) -> None:
    archive = tmp_path / "my-letterboxd.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted(OLDER.rglob("*.csv")):
            out.write(path, f"letterboxd-reelkeeper-2021/{path.relative_to(OLDER).as_posix()}")
    plan = plan_import(catalog, archive)
    assert (len(plan.new), plan.problems, len(plan.lists)) == (3, [], 1)
    assert [n.file for n in plan.notices] == [f"{archive}:letterboxd-reelkeeper-2021/profile.csv"]


def test_without_ratings_csv_the_latest_diary_entry_gives_the_rating(
    catalog: Catalog, tmp_path: Path
) -> None:
    diary = tmp_path / "diary.csv"
    # Letterboxd orders the diary by the day an entry was logged, not the day it was watched.
    diary.write_bytes(
        b"Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\r\n"
        b"2024-05-01,Clockwork Pier,1952,https://boxd.it/Zq7b,4.5,Yes,,2024-04-30\r\n"
        b"2024-06-01,Clockwork Pier,1952,https://boxd.it/Zq7a,2,,,2019-02-02\r\n"
    )
    plan = plan_import(catalog, diary)
    (film,) = plan.new
    assert (film.fields["rating"], str(film.fields["watched_on"])) == (4.5, "2024-04-30")
    assert "letterboxd_uri" not in film.fields  # the diary entries' URIs, not the film's


def test_one_older_list_file_on_its_own(catalog: Catalog) -> None:
    plan = plan_import(catalog, OLDER / "lists" / "winter-term.csv")
    assert plan.format == "letterboxd" and plan.problems == [] and plan.notices == []
    (winter,) = plan.lists
    assert (winter.name, len(winter.entries), len(plan.new)) == ("Winter term", 3, 3)


def test_a_problem_names_the_file_in_the_zip_the_line_and_the_film(
    catalog: Catalog, tmp_path: Path
) -> None:
    archive = tmp_path / "letterboxd-x-2024-01-01-00-00-utc.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("watched.csv", "Date,Name,Year,Letterboxd URI\r\n")
        out.writestr(
            "lists/year-9.csv",
            "Letterboxd list export v7\r\nDate,Name,Tags,URL,Description\r\n"
            "2024-01-01,Year 9,,https://boxd.it/Ls77,\r\n\r\n"
            "Position,Name,Year,URL,Description\r\n"
            "1,Tidewater Lanterns,1931,https://boxd.it/aa01,\r\n"
            "2,Clockwork Pier,1805,https://boxd.it/aa77,\r\n",
        )
    plan = plan_import(catalog, archive)
    (problem,) = plan.problems
    assert (problem.file, problem.line, problem.film, problem.field) == (
        f"{archive}:lists/year-9.csv",
        7,
        "Clockwork Pier",
        "year",
    )
    assert str(problem).startswith(f"{archive}:lists/year-9.csv, line 7 (Clockwork Pier), year:")


def test_reviews_become_plain_text() -> None:
    assert html_to_text(
        "<p>One &amp; two.</p><p>Three<br />four <a href='https://example.org/x'>here</a>"
        " <b>bold</b> <em>and</em> https://example.org/y</p>"
    ) == ("One & two.\n\nThree\nfour here (https://example.org/x) bold and https://example.org/y")
    assert html_to_text('<a href="https://example.org/z">https://example.org/z</a>') == (
        "https://example.org/z"
    )
    assert html_to_text("a < b, unclosed <i>tag") == "a < b, unclosed tag"


def _export_folder(tmp_path: Path, name: str, files: dict[str, str]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file, text in files.items():
        (folder / file).write_text(text, encoding="utf-8", newline="")
    return folder


_WATCHED = "Date,Name,Year,Letterboxd URI\r\n2023-03-01,Pale Signal,1968,https://boxd.it/ps01\r\n"


def test_a_newer_export_dates_a_viewing_the_older_one_only_marked(
    catalog: Catalog, tmp_path: Path
) -> None:
    old = _export_folder(tmp_path, "2023", {"watched.csv": _WATCHED})
    catalog.imports.apply(plan_import(catalog, old))
    (film,) = by_title(catalog, "Pale Signal")
    assert [v.watched_on for v in catalog.films.viewings(film.id)] == [None]
    diary = (
        "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\r\n"
        "2024-01-03,Pale Signal,1968,https://boxd.it/d001,3.5,,,2024-01-02\r\n"
    )
    new = _export_folder(tmp_path, "2024", {"watched.csv": _WATCHED, "diary.csv": diary})
    done = catalog.imports.run(plan_import(catalog, new))
    # The day is known now: one viewing, not "day not known" beside it.
    assert [(str(v.watched_on), v.rating) for v in catalog.films.viewings(film.id)] == [
        ("2024-01-02", 3.5)
    ]
    catalog.run(done.inverse)  # undo: the viewing without a day is back
    assert [v.watched_on for v in catalog.films.viewings(film.id)] == [None]


def test_importing_an_export_again_keeps_what_the_user_added(
    catalog: Catalog, tmp_path: Path
) -> None:
    reviews = (
        "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\r\n"
        "2024-01-03,Pale Signal,1968,https://boxd.it/r001,4,,Quiet and exact.,radio,2024-01-02\r\n"
    )
    export = _export_folder(tmp_path, "x", {"watched.csv": _WATCHED, "reviews.csv": reviews})
    catalog.imports.apply(plan_import(catalog, export))
    (film,) = by_title(catalog, "Pale Signal")
    catalog.films.edit(
        film.id, {"notes": "Quiet and exact.\n\nShow it after the radio unit."}, add_tags=["9B"]
    )
    plan = plan_import(catalog, export)
    assert (len(plan.new), len(plan.updates)) == (0, 0)
    catalog.imports.apply(plan)
    again = catalog.films.get(film.id)
    assert set(again.tags) == {"radio", "9B"}
    assert again.notes == "Quiet and exact.\n\nShow it after the radio unit."


def test_importing_a_v7_export_again_changes_nothing_and_names_no_list(
    catalog: Catalog, tmp_path: Path
) -> None:
    archive = export_zip(V7, tmp_path)
    catalog.imports.apply(plan_import(catalog, archive))
    before = sorted(tmp_path.parent.rglob("*.bak"))
    plan = plan_import(catalog, archive)
    assert (len(plan.new), len(plan.updates), plan.lists) == (0, 0, [])
    assert "screening list" not in plan.summary()
    result = catalog.imports.apply(plan)
    assert result.backup is None and sorted(tmp_path.parent.rglob("*.bak")) == before


def test_a_zip_beside_an_exports_files_is_named_not_passed_over(
    catalog: Catalog, tmp_path: Path
) -> None:
    folder = _export_folder(tmp_path, "repo", {"watched.csv": _WATCHED})
    export_zip(V7, folder)  # the whole export, kept as a ZIP in the same folder
    plan = plan_import(catalog, folder)
    (notice,) = [n for n in plan.notices if n.file.endswith(".zip")]
    assert "import the ZIP on its own" in notice.message
    assert [f.fields["title"] for f in plan.new] == ["Pale Signal"]


def test_a_bad_diary_date_is_one_problem_of_its_row(catalog: Catalog, tmp_path: Path) -> None:
    # The diary's date is the viewing's and the film's watch date: it was said twice, once
    # as "Watched Date" and once as "watched_on".
    path = tmp_path / "diary.csv"
    path.write_text(
        "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\r\n"
        "2024-02-01,Copper Meadow,1961,https://boxd.it/zz01,4,,,2024-13-01\r\n",
        encoding="utf-8",
    )
    plan = plan_import(catalog, path)
    assert [(p.line, p.field) for p in plan.problems] == [(2, "Watched Date")]
    assert "'2024-13-01' is not a date" in plan.problems[0].message


def test_a_diary_row_of_two_namesakes_says_which_it_went_to(
    catalog: Catalog, tmp_path: Path
) -> None:
    # The diary names a film by name and year only; the export has two of "The Glass
    # Orchard" (2009), told apart by their addresses. The row went to the first, silently.
    plan = plan_import(catalog, export_zip(V7, tmp_path))
    (said,) = [n for n in plan.notices if n.film == "The Glass Orchard"]
    assert (said.file.rsplit(":", 1)[-1], said.line, said.left_out) == ("diary.csv", 4, False)
    assert "2 films of this export have this name and year" in said.message
    assert "https://boxd.it/aa02" in said.message


def test_a_bad_rating_in_ratings_and_in_the_diary_is_two_problems(
    catalog: Catalog, tmp_path: Path
) -> None:
    # The diary's problem is not the film's when ratings.csv gave the film its rating: both
    # are said (a review found the ratings.csv one hidden until the diary was mended).
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr(
            "ratings.csv",
            "Date,Name,Year,Letterboxd URI,Rating\r\n2024-01-01,Solo,2001,https://boxd.it/s1,9\r\n",
        )
        out.writestr(
            "diary.csv",
            "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\r\n"
            "2024-01-02,Solo,2001,https://boxd.it/d1,9,,,2024-01-01\r\n",
        )
    plan = plan_import(catalog, archive)
    said = sorted((p.file.rsplit(":", 1)[-1], p.field) for p in plan.problems)
    assert said == [("diary.csv", "Rating"), ("ratings.csv", "rating")]
