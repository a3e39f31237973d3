"""Files that are not what they claim: each known way a file once gave a traceback, and the
limits on ZIPs, cells, nesting and numbers. A user sees problems naming file, line and field,
or one clear refusal; the catalog is never changed by a file that is refused."""

from __future__ import annotations

import io
import json
import os
import struct
import time
import zipfile
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange import UnreadableFileError, archive
from filmdesk.core.exchange.csv_rows import MAX_CELL
from filmdesk.core.exchange.planning import plan_import
from filmdesk.core.validation import ValidationError

LETTERBOXD = "Date,Name,Year,Letterboxd URI\r\n"
IMDB = "Const,Your Rating,Date Rated,Title,URL,Title Type,Year\r\n"


def dump(catalog: Catalog) -> str:
    """Everything in the catalog (every row of every table), to show that a refused file
    changed nothing; on either backend."""
    from sqlalchemy import inspect, text

    with catalog.engine.connect() as conn:
        tables = sorted(inspect(conn).get_table_names())
        assert "films" in tables
        return "\n".join(
            f"{table}: {tuple(row)}"
            for table in tables
            for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1"))
        )


def refused(catalog: Catalog, path: Path, file_format: str = "auto") -> str:
    """The one message a file is refused with; the catalog is as it was."""
    before = dump(catalog)
    with pytest.raises(UnreadableFileError) as caught:
        plan_import(catalog, path, file_format)
    assert dump(catalog) == before
    message = str(caught.value)
    assert message.startswith(str(path))
    return message


def backup(tmp_path: Path, **document: object) -> Path:
    path = tmp_path / "backup.json"
    path.write_text(
        json.dumps({"format": "filmdesk-backup", "version": 3, **document}), encoding="utf-8"
    )
    return path


# --- CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (LETTERBOXD, "2024-01-02,Tide\rwater,1931,https://boxd.it/aa01\r\n"),
        (IMDB, "tt0000001,7,2024-01-02,Tide\rwater,https://imdb.com/t,movie,1931\r\n"),
    ],
    ids=["letterboxd", "imdb"],
)
def test_a_carriage_return_in_an_unquoted_cell_ends_the_row_as_in_a_spreadsheet(
    catalog: Catalog, tmp_path: Path, header: str, row: str
) -> None:
    # Once "new-line character seen in unquoted field". A lone CR ends a line, as old Mac
    # files and spreadsheets have it: the broken row's second half is a problem on line 3.
    path = tmp_path / "watched.csv"
    path.write_bytes((header + row).encode())
    plan = plan_import(catalog, path)
    assert [p.line for p in plan.problems] == [3]
    assert "Tide" in [f.fields["title"] for f in plan.new]


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        # A filmdesk CSV cut inside a note: the film would come in with half its note.
        ("films.csv", 'title,year,notes\r\nThe Ascent,1977,"Seen twice, the second', 2),
        # A Letterboxd list export cut inside the list's description: it came in as an empty
        # list, with no problem.
        (
            "list.csv",
            "Letterboxd list export v7\r\nDate,Name,Tags,URL,Description\r\n"
            '2024-01-01,Harbour nights,,https://boxd.it/zzzz,"For the club',
            3,
        ),
        # Cut after a doubled quote inside the cell (a quote in the note, not its end).
        ("films.csv", 'title,notes\r\nTide,"a ""quoted"" word\r\nand more', 2),
        # The last row of a file of more than one piece of rows.
        (
            "films.csv",
            "title,year,notes\r\n"
            + "".join(f'Film {n},1960,"a\r\nb"\r\n' for n in range(10_500))
            + 'Last,1961,"cut',
            21_002,
        ),
    ],
    ids=["filmdesk", "letterboxd-list", "doubled-quote", "second-piece"],
)
def test_a_file_cut_inside_a_quoted_cell_is_refused_naming_the_row(
    catalog: Catalog, tmp_path: Path, name: str, text: str, line: int
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    message = refused(catalog, path)
    assert f", line {line}: has a quoted cell that is never closed" in message
    assert "may be cut short" in message


def test_quotes_that_close_or_stand_in_a_cell_are_no_cut(catalog: Catalog, tmp_path: Path) -> None:
    # Quoted cells closed at the very end of the file (no line break after), a quote inside
    # an unquoted cell (12" vinyl), and one after a closed quote: the file is whole.
    path = tmp_path / "films.csv"
    for ending in ('"closed"', '"a ""b"""', '12" vinyl', '"x"y"'):
        path.write_text(f"title,notes\r\nTide,{ending}", encoding="utf-8")
        plan = plan_import(catalog, path)
        assert plan.problems == [] and len(plan.new) == 1, ending


@pytest.mark.parametrize(
    ("name", "text", "column"),
    [
        ("watched.csv", LETTERBOXD + "2024-01-02,{cell},1931,https://boxd.it/aa01\r\n", "Name"),
        ("ratings.csv", IMDB + "tt0000001,7,2024-01-02,{cell},u,movie,1931\r\n", "Title"),
        ("films.csv", "title,notes\r\nThe Ascent,{cell}\r\n", "notes"),
        ("list.csv", "position,title,note\r\n1,The Ascent,{cell}\r\n", "note"),
    ],
    ids=["letterboxd", "imdb", "filmdesk", "list"],
)
def test_a_cell_over_the_limit_is_a_problem_naming_its_line_and_column(
    catalog: Catalog, tmp_path: Path, name: str, text: str, column: str
) -> None:
    # Cells over 131,072 characters once stopped the csv module; now every cell is read whole
    # and one over a million characters is a problem of its own.
    path = tmp_path / name
    path.write_text(text.replace("{cell}", "x" * (MAX_CELL + 1)), encoding="utf-8")
    plan = plan_import(catalog, path)
    problems = [str(p) for p in plan.problems]
    assert len(problems) == 1
    assert f"line 2, {column}: is 1,000,001 characters; at most 1,000,000" in problems[0]
    assert len(problems[0]) < 500


def test_long_notes_under_the_limit_come_in_whole(catalog: Catalog, tmp_path: Path) -> None:
    notes = "A long evening by the water. " * 7000  # 203,000 characters
    path = tmp_path / "films.csv"
    path.write_text(f'title,notes\r\nThe Ascent,"{notes}"\r\n', encoding="utf-8")
    plan = plan_import(catalog, path)
    assert plan.problems == []
    catalog.imports.apply(plan)
    assert catalog.films.resolve("The Ascent").notes == notes


def test_a_year_of_5000_digits_is_a_short_problem(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "films.csv"
    path.write_text("title,year\r\nThe Ascent," + "9" * 5000 + "\r\n", encoding="utf-8")
    plan = plan_import(catalog, path)
    [problem] = plan.problems
    assert (problem.line, problem.field) == (2, "year")
    assert "is not a year" in problem.message and len(str(problem)) < 1500


def test_control_characters_in_a_file_are_shown_not_sent_to_the_terminal(
    catalog: Catalog, tmp_path: Path
) -> None:
    # A message repeats what the file holds; an escape sequence in it must not reach a
    # terminal (the command line prints problems as they are).
    path = tmp_path / "watched.csv"
    path.write_text(LETTERBOXD + "2024-01-02,\x1b[2JGone,19x1,https://boxd.it/aa01\r\n")
    plan = plan_import(catalog, path)
    [problem] = plan.problems
    assert "\x1b" not in str(problem) and "\\x1b[2JGone" in str(problem)


# --- JSON -----------------------------------------------------------------------------------


def test_a_backup_whose_films_are_a_number_is_a_problem_and_not_imported(
    catalog: Catalog, tmp_path: Path
) -> None:
    # The dry run passed and the import crashed; now the dry run says what is wrong.
    before = dump(catalog)
    plan = plan_import(catalog, backup(tmp_path, films=5))
    assert [(p.field, p.message) for p in plan.problems] == [("films", "is a number, not a list")]
    with pytest.raises(UnreadableFileError):
        catalog.imports.apply(plan)
    assert dump(catalog) == before


def test_a_film_whose_ref_is_a_list_is_a_problem_the_others_come_in(
    catalog: Catalog, tmp_path: Path
) -> None:
    films = [{"ref": [1], "title": "The Ascent"}, {"ref": 2, "title": "Wings", "year": 1966}]
    collections = [{"name": "Larisa Shepitko", "films": [2]}]
    plan = plan_import(catalog, backup(tmp_path, films=films, collections=collections))
    assert [(p.field, p.message) for p in plan.problems] == [
        ("film 1 ref", "is a list, not a number or text")
    ]
    catalog.imports.apply(plan, skip_bad_rows=True)
    shepitko = catalog.collections.resolve("Larisa Shepitko")
    assert [catalog.films.get(i).title for i in shepitko.film_ids] == ["Wings"]


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ({"collections": [{"name": "C", "films": 3}]}, "collection 1 films"),
        ({"collections": [{"name": "C", "comments": 3}]}, "collection 1 comments"),
        ({"collections": [{"name": "C", "comments": ["Good", "Fine"]}]}, None),
        ({"lists": [{"name": "L", "entries": 3}]}, "list 1 entries"),
        ({"lists": [{"name": "L", "entries": [{"film": [1]}]}]}, "list 1 entry 1"),
        ({"lists": 3}, "lists"),
        ({"films": [{"title": "The Ascent", "rating": 10**400}]}, "film 1 rating"),
    ],
)
def test_a_backup_with_values_of_the_wrong_kind_gives_problems(
    catalog: Catalog, tmp_path: Path, document: dict[str, object], field: str | None
) -> None:
    plan = plan_import(catalog, backup(tmp_path, **document))
    assert [p.field for p in plan.problems] == ([field] if field else [])
    catalog.imports.apply(plan, skip_bad_rows=True)  # and what is left applies


def test_a_backup_is_held_to_the_limits_the_command_line_has(
    catalog: Catalog, tmp_path: Path
) -> None:
    # A collection name of 100,000 characters: refused as creating it would be.
    name = "C" * 100_000
    with pytest.raises(ValidationError) as typed:
        catalog.collections.create(name)
    plan = plan_import(
        catalog,
        backup(
            tmp_path,
            collections=[
                {"name": name},
                {"name": "Fine", "description": "d" * 20_001},
                {"name": "Also fine", "source": "s" * 501},
            ],
        ),
    )
    assert [p.field for p in plan.problems] == [
        "collection 1 name",
        "collection 2 description",
        "collection 3 source",
    ]
    assert plan.problems[0].message == typed.value.for_field("name")


@pytest.mark.parametrize("depth", [51, 100_000])
def test_a_backup_nested_too_deep_is_refused(catalog: Catalog, tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.json"
    nested = "[" * depth + "]" * depth
    path.write_text('{"format": "filmdesk-backup", "version": 3, "films": ' + nested + "}")
    assert "nests lists and objects more than 50 deep" in refused(catalog, path)


def test_brackets_inside_text_are_not_nesting(catalog: Catalog, tmp_path: Path) -> None:
    title = '[[[[ "quoted" \\ ' + "[" * 200
    plan = plan_import(catalog, backup(tmp_path, films=[{"title": title}]))
    assert plan.problems == [] and [f.fields["title"] for f in plan.new] == [title]


def test_a_number_of_5000_digits_in_a_backup_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "backup.json"
    path.write_text(
        '{"format": "filmdesk-backup", "version": 3, "films": [{"title": "The Ascent", "year": '
        + "9" * 5000
        + "}]}"
    )
    assert "holds a number of thousands of digits" in refused(catalog, path)


@pytest.mark.parametrize("version", ["true", "0", "-1", '"3"', "[3]"])
def test_a_backup_of_no_version_filmdesk_writes_is_refused(
    catalog: Catalog, tmp_path: Path, version: str
) -> None:
    path = tmp_path / "backup.json"
    path.write_text('{"format": "filmdesk-backup", "version": ' + version + ', "films": []}')
    assert f"is version {version}; this filmdesk reads 1 to 4" in refused(catalog, path)


# --- ZIP ------------------------------------------------------------------------------------


def letterboxd_zip(path: Path, **members: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name.replace("__", "/"), data)
    return path


WATCHED = (LETTERBOXD + "2024-01-02,Tidewater Lanterns,1931,https://boxd.it/aa01\r\n" * 40).encode()


def test_damaged_deflate_data_is_a_damaged_zip(catalog: Catalog, tmp_path: Path) -> None:
    path = letterboxd_zip(tmp_path / "export.zip", **{"watched.csv": WATCHED})
    raw = bytearray(path.read_bytes())
    raw[60:70] = b"\xff" * 10  # inside watched.csv's compressed data
    path.write_bytes(raw)
    assert refused(catalog, path).endswith(
        "is a damaged ZIP archive (watched.csv cannot be unpacked)"
    )


@pytest.mark.parametrize("cut", ["half", "all-but-its-end"])
@pytest.mark.parametrize("file_format", ["auto", "letterboxd"])
def test_a_zip_cut_short_is_called_so(
    catalog: Catalog, tmp_path: Path, cut: str, file_format: str
) -> None:
    # A download stopped early: it was "a binary file, not text", read as a CSV.
    path = letterboxd_zip(tmp_path / "export.zip", **{"watched.csv": WATCHED * 200})
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2 if cut == "half" else len(raw) - 30])
    message = refused(catalog, path, file_format)
    assert message.endswith("is an incomplete ZIP archive: it may be cut short")


def test_an_encrypted_zip_is_refused_in_words(catalog: Catalog, tmp_path: Path) -> None:
    path = letterboxd_zip(tmp_path / "export.zip", **{"watched.csv": WATCHED})
    raw = bytearray(path.read_bytes())
    central = raw.rindex(b"PK\x01\x02")
    raw[6] |= 1  # "encrypted", in the local header and in the central directory
    raw[central + 8] |= 1
    path.write_bytes(raw)
    assert refused(catalog, path).endswith("is an encrypted ZIP: unpack it first")


def test_a_zip_member_in_a_windows_encoding_is_read(catalog: Catalog, tmp_path: Path) -> None:
    watched = LETTERBOXD + "2024-01-02,Восхождение,1977,https://boxd.it/aa09\r\n"
    path = letterboxd_zip(tmp_path / "export.zip", **{"watched.csv": watched.encode("cp1251")})
    plan = plan_import(catalog, path)
    assert plan.problems == [] and [f.fields["title"] for f in plan.new] == ["Восхождение"]


def test_a_binary_file_in_an_export_is_a_problem_the_rest_is_read(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = letterboxd_zip(
        tmp_path / "export.zip", **{"watched.csv": WATCHED, "lists__x.csv": b"\x00\x01\x02"}
    )
    plan = plan_import(catalog, path)
    assert [str(p) for p in plan.problems] == [f"{path}:lists/x.csv: is a binary file, not text"]
    assert [f.fields["title"] for f in plan.new] == ["Tidewater Lanterns"]


def _bomb(path: Path, megabytes: int) -> Path:
    # A member of zeros: a few hundred KB packed, ``megabytes`` unpacked.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        out.writestr("watched.csv", WATCHED)
        with out.open("diary.csv", "w", force_zip64=True) as member:
            member.write(b"Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\r\n")
            zeros = bytes(2**20)
            for _ in range(megabytes):
                member.write(zeros)
    return path


def test_a_zip_that_unpacks_past_the_limit_is_refused_unread(
    catalog: Catalog, tmp_path: Path
) -> None:
    # 0.9 MB that unpacked to 300 MB once took 43 s and 2.4 GB and was accepted.
    path = _bomb(tmp_path / "export.zip", 300)
    assert path.stat().st_size < 2**21
    started = time.monotonic()
    message = refused(catalog, path)
    assert time.monotonic() - started < 2
    assert "unpacks to more than 300 MB; filmdesk reads ZIPs that unpack to at most 200 MB" in (
        message
    )


def test_a_member_that_unpacks_far_past_its_size_is_refused(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = _bomb(tmp_path / "export.zip", 20)
    message = refused(catalog, path)
    assert "holds diary.csv, which unpacks to 20 MB from " in message
    assert "more than 100 times its packed size" in message


def test_a_zip_of_too_many_files_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    members = {"watched.csv": WATCHED} | {f"lists__{n}.csv": b"" for n in range(10_001)}
    path = letterboxd_zip(tmp_path / "export.zip", **members)
    assert "holds 10,002 files; filmdesk reads ZIPs of up to 10,000" in refused(catalog, path)


def test_a_zip_whose_header_says_less_than_it_holds_is_damaged(
    catalog: Catalog, tmp_path: Path
) -> None:
    # The headers say diary.csv unpacks to 100 bytes; it holds 20 MB. Reading stops at what
    # they say, and the check of its contents (CRC) fails.
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        out.writestr("watched.csv", WATCHED)
        out.writestr("diary.csv", b"Date,Name\r\n" + bytes(20 * 2**20))
    raw = bytearray(path.read_bytes())
    # The unpacked size: 22 bytes into the local header, 24 into the central directory's.
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = raw.index(signature)
        while raw[at + name_at : at + name_at + 9] != b"diary.csv":
            at = raw.index(signature, at + 4)
        struct.pack_into("<I", raw, at + size_at, 100)
    path.write_bytes(raw)
    assert refused(catalog, path).endswith(
        "is a damaged ZIP archive (diary.csv cannot be unpacked)"
    )


def test_reading_a_member_stops_past_the_budget(tmp_path: Path) -> None:
    # Whatever the header says, a member is counted as it is unpacked.
    path = letterboxd_zip(tmp_path / "export.zip", **{"watched.csv": WATCHED})
    with zipfile.ZipFile(path) as opened:
        info = opened.getinfo("watched.csv")
        with pytest.raises(UnreadableFileError, match="unpacks to more than"):
            archive._read_member(path, opened, info, budget=len(WATCHED) - 1)
        assert archive._read_member(path, opened, info, budget=len(WATCHED)) == WATCHED


def test_a_folder_with_an_unreadable_file_names_it(catalog: Catalog, tmp_path: Path) -> None:
    export = tmp_path / "letterboxd-export"
    (export / "lists").mkdir(parents=True)
    (export / "watched.csv").write_bytes(WATCHED)
    (export / "lists" / "broken.csv").write_bytes(b"\xff\xfe\x00")
    plan = plan_import(catalog, export)
    assert [p.file for p in plan.problems] == [str(export / "lists" / "broken.csv")]
    assert [f.fields["title"] for f in plan.new] == ["Tidewater Lanterns"]


def test_a_folder_is_not_a_file(catalog: Catalog, tmp_path: Path) -> None:
    assert refused(catalog, tmp_path, "csv").endswith("is a folder, not a file")


def test_a_zip_in_memory_is_no_export(catalog: Catalog, tmp_path: Path) -> None:
    # A ZIP of other files: said in words.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr("photos/a.jpg", b"\xff\xd8")
    path = tmp_path / "photos.zip"
    path.write_bytes(buffer.getvalue())
    assert refused(catalog, path).endswith("is a ZIP without Letterboxd's CSV files")


def test_a_folder_forced_to_be_letterboxd_must_hold_an_export(
    catalog: Catalog, tmp_path: Path
) -> None:
    # Not every CSV under a home folder: the folder must be an export's.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "budget.csv").write_text("a,b\n1,2\n")
    assert "is a folder with no Letterboxd export in it" in refused(catalog, tmp_path, "letterboxd")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_a_folder_that_cannot_be_read_says_so(catalog: Catalog, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0)
    try:
        assert refused(catalog, locked).endswith("cannot be read (Permission denied)")
    finally:
        locked.chmod(0o700)


@pytest.mark.parametrize(
    "stamp", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "0001-01-01"]
)
def test_timestamps_at_the_ends_of_the_calendar_are_left_out(
    catalog: Catalog, tmp_path: Path, stamp: str
) -> None:
    # Once an OverflowError in the import, or a catalog that could not be read back.
    films = [{"ref": 1, "title": "The Ascent", "created_at": stamp, "updated_at": stamp}]
    comments = [{"text": "Seen twice", "created_at": stamp}]
    path = backup(
        tmp_path, films=films, collections=[{"name": "C", "films": [1], "comments": comments}]
    )
    catalog.imports.apply(plan_import(catalog, path))
    assert catalog.films.resolve("The Ascent").title == "The Ascent"
    assert [c.text for c in catalog.collections.comments(catalog.collections.resolve("C").id)] == [
        "Seen twice"
    ]


def test_a_screening_at_the_end_of_the_calendar_is_a_problem(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("position,date,time,title,note\r\n1,9999-12-31,23:59-12:00,The Ascent,\r\n")
    plan = plan_import(catalog, path)
    assert [(p.line, p.field) for p in plan.problems] == [(2, "scheduled_at")]


@pytest.mark.parametrize(
    ("document", "said"),
    [
        ({"lists": [{"name": f"L{n}"} for n in range(10_001)]}, "lists: holds 10,001; a backup"),
        (
            {
                "collections": [
                    {"name": "A", "comments": ["Fine"] * 6000},
                    {"name": "B", "comments": ["Fine"] * 6000},
                ]
            },
            "collection 2 comments: goes past the 10,000 comments a backup may hold",
        ),
    ],
    ids=["lists", "comments"],
)
def test_a_backup_past_what_one_import_writes_is_refused(
    catalog: Catalog, tmp_path: Path, document: dict[str, object], said: str
) -> None:
    # Each is written on its own: 3,000 lists and 3,000 collections took minutes to import
    # (and to plan again) before they were looked up by name once.
    assert said in refused(catalog, backup(tmp_path, **document))


@pytest.mark.slow
def test_many_lists_and_collections_import_in_seconds(catalog: Catalog, tmp_path: Path) -> None:
    # Once looked up one by one among all: 3,000 of each took 209 s to import, 151 s to plan
    # again; 1,000 of each would take over 40 s.
    document = {
        "films": [{"ref": 1, "title": "The Ascent", "year": 1977}],
        "collections": [{"name": f"C{n}", "films": [1]} for n in range(1000)],
        "lists": [{"name": f"L{n}", "entries": [{"film": 1}]} for n in range(1000)],
    }
    path = backup(tmp_path, **document)
    started = time.monotonic()
    catalog.imports.apply(plan_import(catalog, path))
    plan = plan_import(catalog, path)  # again: every list is there already
    assert (len(plan.new), plan.lists) == (0, [])
    assert time.monotonic() - started < 30


def test_a_value_is_checked_with_its_kind(catalog: Catalog, tmp_path: Path) -> None:
    # Values that repeat are checked once; 1 and True are equal in Python, but only one of
    # them says yes.
    films = [{"title": "Wings", "watched": 1}, {"title": "The Ascent", "watched": True}]
    plan = plan_import(catalog, backup(tmp_path, films=films))
    assert [p.field for p in plan.problems] == ["film 1 watched"]
    assert [f.fields["title"] for f in plan.new] == ["The Ascent"]


@pytest.mark.parametrize(
    ("header", "said"),
    [
        ("title" + ",tags" * 30_000, "has more than one column named tags"),
        ("title" + "," * 50_000, None),
    ],
    ids=["repeated", "empty"],
)
def test_a_header_of_tens_of_thousands_of_columns_is_read_in_a_moment(
    catalog: Catalog, tmp_path: Path, header: str, said: str | None
) -> None:
    # Found by scripts/fuzz: each column counted against all the others (a hang), and every
    # short row padded to the header's width.
    path = tmp_path / "films.csv"
    path.write_text(header + "\r\n" + "The Ascent\r\n" * 5000, encoding="utf-8")
    started = time.monotonic()
    if said:
        assert said in refused(catalog, path)
    else:
        plan = plan_import(catalog, path)
        assert len(plan.new) == 1 and len(plan.problems) == 4999  # the film, then its repeats
    assert time.monotonic() - started < 5
