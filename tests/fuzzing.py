"""Fuzzing every importer: for any input, an import gives a plan, problems or one clear refusal.

The property (REAL-WORLD.md, "Beyond real files"): whatever bytes a file holds, in whatever
format it is read, ``plan_import`` on a real catalog returns a plan or raises
``UnreadableFileError``, never another exception and never a hang; the dry run changes
nothing; a plan with problems is refused and the refusal changes nothing; and every plan can
be applied (with ``skip_bad_rows`` when it has problems). A refusal made by the last safety
net of ``plan_import`` (an exception the readers did not expect) counts as a failure, so that
its cause gets fixed. Every message must read as a sentence: no traceback, no Python class
names, no endless values.

Inputs start from the real-layout fixtures in ``tests/data`` (and files filmdesk itself
writes), mutated byte by byte, or are built from scratch as CSV, JSON backups and Letterboxd
ZIPs (or folders) with odd cells, odd structure and damaged compression.

The test suite runs a small, derandomised budget (``tests/core/test_fuzz_import.py``);
``scripts/fuzz --minutes 10`` runs this module for longer, with a per-input timeout.
"""

from __future__ import annotations

import argparse
import faulthandler
import io
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
import traceback
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.exchange import UnexpectedReadError, UnreadableFileError
from filmdesk.core.exchange.csv_format import COLUMNS as CSV_COLUMNS
from filmdesk.core.exchange.formats import ExportOptions, FilmSelection, film_export, list_export
from filmdesk.core.exchange.list_csv import COLUMNS as LIST_COLUMNS
from filmdesk.core.exchange.planning import FORMATS, plan_import

DATA = Path(__file__).resolve().parent / "data"
LETTERBOXD_EXPORTS = DATA / "letterboxd" / "exports"

# Names an input is given: the Letterboxd reader reads a lone file by its name.
FILE_NAMES = (
    "films.csv", "watched.csv", "diary.csv", "reviews.csv", "ratings.csv", "watchlist.csv",
    "profile.csv", "comments.csv", "harbour-nights.csv", "list.csv", "ratings.txt",
    "backup.json", "letterboxd-someone-2024-06-03-09-15-utc.zip", "export.zip", "film",
)  # fmt: skip

# Text that has broken a reader, or could: separators, line ends, quotes, formula starts, huge
# numbers, long cells, nesting, entities, encodings' marks.
TOKENS: tuple[bytes, ...] = (
    b"\r", b"\n", b"\r\n", b'"', b'""', b",", b";", b"\t", b"\x00", b"\xff", b"\xfe",
    b"\xef\xbb\xbf", b"\xd0\x9f\xd0\xb8", b"\xe2\x80\xa8", b"\xf0\x9f\x8e\xac", b"\xc3",
    b"=HYPERLINK(\"http://x\")", b"+1", b"-", b"@", b"'", b"|", b" | ",
    b"9" * 5000, b"1" * 30, b"-1", b"0", b"1e999", b"NaN", b"-Infinity", b"1.5", b"4,5",
    b"2026-02-30", b"18/04/2026", b"4/18/2026", b"31.12.1873", b"99/99/9999", b"0000-00-00",
    b"a" * 140_000, b" " * 600, b"x" * 1_000_001,
    b"[" * 2000, b"{" * 50, b"]", b"}", b"null", b"true", b"[]", b"{}", b'"ref":[1]',
    b'"films":5', b'"version":true',
    b"<a href=\"", b"</a>", b"<br />", b"&#x110000;", b"&amp", b"<!--", b"<![CDATA[", b"<![",
    b"<a", b"<a href=x>", b"<p>", b"<?", b"<!", b"-->",
    b"tt0050634", b"tt", b"https://boxd.it/", b"https://", b"Yes", b"yes", b"undated",
    b"rewatch", b"Letterboxd list export v7", b"Date,Name,Tags,URL,Description",
    b"Position,Name,Year,URL,Description", b"Const,Your Rating,Date Rated,Title,Title Type",
    b"PK\x03\x04",
)  # fmt: skip


def _seeds(harness: Harness) -> dict[str, bytes]:
    files = sorted(
        p
        for p in DATA.rglob("*")
        if p.is_file() and p.suffix in (".csv", ".json") and p.stat().st_size < 200_000
    )
    seeds = {p.relative_to(DATA).as_posix(): p.read_bytes() for p in files}
    seeds.update(harness.written)
    return seeds


def _export_members(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.csv"))}


class Failure(AssertionError):  # noqa: N818 (a failed property, as pytest shows it)
    """An input broke the property; the message says how."""


# What a message must not contain: a traceback, a Python class name (KeyError, zlib.error,
# csv.Error, UnicodeDecodeError...), SQL, a driver's URL.
_NOT_FOR_PEOPLE = re.compile(
    r"Traceback|\b[A-Z]\w*(?:Error|Exception|Warning)\b|\b(?:zlib|csv|json|_csv)\.\w+"
    r"|\bSELECT\b|\bINSERT\b|sqlite\+pysqlite|\[SQL:|object at 0x"
)
MAX_MESSAGE = 2000  # characters: a message echoes a value shortened, never whole
# Characters a terminal or a label would act on (escape sequences, line breaks, text turned
# around): a message writes them out as escapes.
_UNSEEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def readable(message: str, limit: int = MAX_MESSAGE, given: str = "") -> None:
    """Fail unless ``message`` is something to show a person. What it quotes of ``given`` (the
    input's own text: a year cell reading ``AError``) is the person's, not a leak."""
    if any(found.group() not in given for found in _NOT_FOR_PEOPLE.finditer(message)):
        raise Failure(f"a message a person cannot read: {message[:500]!r}")
    if _UNSEEN.search(message):
        raise Failure(f"a message passes on control characters: {message[:500]!r}")
    if len(message) > limit:
        raise Failure(f"a message of {len(message):,} characters: {message[:300]!r}...")


def _dump(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


@dataclass
class Stats:
    """How inputs ended, for the long run's report."""

    inputs: int = 0
    outcomes: Counter[str] | None = None

    def add(self, outcome: str) -> None:
        self.inputs += 1
        if self.outcomes is None:
            self.outcomes = Counter()
        self.outcomes[outcome] += 1


class Harness:
    """A template catalog (the seed, films from the fixtures, a screening list) and the
    files filmdesk writes from it; ``check`` runs one input against a fresh copy."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.template = root / "template.sqlite3"
        self.stats = Stats()
        catalog = open_catalog(str(self.template)).catalog
        try:
            # Films the inputs can match (updates, namesakes, lists merged), not only add.
            for fixture in ("imdb/ratings_2024.csv", "letterboxd/diary.csv"):
                catalog.imports.apply(plan_import(catalog, DATA / fixture), skip_bad_rows=True)
            films = catalog.films.all()
            made = catalog.lists.create("Harbour nights", "Year 9", "An evening by the water")
            catalog.lists.add(made.id, [f.id for f in films[:4]], note="=1+2")
            self.written = self._written(catalog, made.id)
        finally:
            catalog.close()
        self.seeds = _seeds(self)
        self.exports = {
            name: _export_members(LETTERBOXD_EXPORTS / name)
            for name in sorted(os.listdir(LETTERBOXD_EXPORTS))
        }

    def _written(self, catalog: Catalog, list_id: int) -> dict[str, bytes]:
        """What filmdesk itself writes: every films format that it reads back, and a list."""
        out = self.root / "written"
        out.mkdir()
        written: dict[str, bytes] = {}
        for name, file_name in (("csv", "films.csv"), ("json", "backup.json"),
                                ("letterboxd", "letterboxd.csv")):  # fmt: skip
            film_export(name).write(out / file_name, FilmSelection(catalog), ExportOptions())
            written[f"written/{file_name}"] = (out / file_name).read_bytes()
        screening_list = catalog.lists.get(list_id)
        for name, file_name in (("csv", "list.csv"), ("letterboxd", "letterboxd-list.csv")):
            list_export(name).write(out / file_name, screening_list, ExportOptions())
            written[f"written/{file_name}"] = (out / file_name).read_bytes()
        return written

    @contextmanager
    def fresh_catalog(self) -> Iterator[tuple[Catalog, Path, Path]]:
        """A copy of the template catalog in a folder of its own (removed afterwards)."""
        folder = Path(tempfile.mkdtemp(dir=self.root, prefix="input-"))
        try:
            database = folder / "catalog.sqlite3"
            shutil.copyfile(self.template, database)
            catalog = open_catalog(str(database)).catalog
            try:
                yield catalog, database, folder
            finally:
                catalog.close()
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def check(self, item: Input) -> str:
        """Run one input; raise ``Failure`` when it breaks the property, else say how it
        ended."""
        with self.fresh_catalog() as (catalog, database, folder):
            path = item.place(folder)
            before = _dump(database)
            try:
                plan = plan_import(catalog, path, item.file_format)
            except UnexpectedReadError as exc:
                cause = "".join(traceback.format_exception(exc.__cause__ or exc))
                raise Failure(
                    f"the safety net caught what a reader did not expect:\n{cause}"
                ) from None
            except UnreadableFileError as exc:
                readable(str(exc), 5 * MAX_MESSAGE, item.text)  # (up to five problems)
                for problem in exc.problems:
                    readable(str(problem), given=item.text)
                if _dump(database) != before:
                    raise Failure("a file refused as unreadable changed the catalog") from None
                outcome = "unreadable"
            else:
                outcome = self._apply(catalog, database, before, plan, item.text)
        self.stats.add(outcome)
        return outcome

    def _apply(
        self, catalog: Catalog, database: Path, before: str, plan: object, given: str
    ) -> str:
        from filmdesk.core.exchange import ImportPlan

        assert isinstance(plan, ImportPlan)
        if _dump(database) != before:
            raise Failure("the dry run changed the catalog")
        plan.summary()
        for said in (*plan.problems, *plan.notices):
            readable(str(said), given=given)
        if plan.problems:
            try:
                catalog.imports.apply(plan)
            except UnreadableFileError:
                pass
            else:
                raise Failure("a plan with problems was applied without --skip-bad-rows")
            if _dump(database) != before:
                raise Failure("refusing a plan with problems changed the catalog")
            catalog.imports.apply(plan, skip_bad_rows=True)
            outcome = "problems (rest applied)"
        else:
            catalog.imports.apply(plan)
            outcome = "applied"
        connection = sqlite3.connect(database)
        try:
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            connection.close()
        if broken:
            raise Failure(f"the import left rows pointing nowhere: {broken[:5]}")
        return outcome


# --- inputs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Input:
    """One input: a file's bytes (or a folder's files), its name, and the format asked for."""

    name: str
    data: bytes
    file_format: str
    members: tuple[tuple[str, bytes], ...] | None = None  # a folder of files instead

    @property
    def text(self) -> str:
        """Every byte of the input read as text, however it reads (what a message may quote)."""
        parts = [self.data, *(data for _, data in self.members or ())]
        return "\n".join(part.decode("utf-8", "replace") for part in parts)

    def place(self, folder: Path) -> Path:
        """Write the input into ``folder``; the path to import."""
        if self.members is None:
            path = folder / self.name
            path.write_bytes(self.data)
            return path
        root = folder / self.name
        root.mkdir()
        for name, data in self.members:
            target = root / name
            try:
                if not _safe_member(name) or target.exists():
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            except OSError:  # a name the file system does not take (too long, a file's folder)
                continue
        return root

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:
        # How Hypothesis shows a failing input: short, not megabytes of it.
        printer.text(repr(self))  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        shown = self.data if len(self.data) < 400 else self.data[:400] + b"..."
        members = "" if self.members is None else f", {len(self.members)} files"
        size = f"{len(self.data)} bytes{members}"
        return f"Input({self.name!r}, {self.file_format!r}, {size}: {shown!r})"


def _safe_member(name: str) -> bool:
    parts = name.split("/")
    return (
        bool(name)
        and "\0" not in name
        and not name.startswith("/")
        and ".." not in parts
        and all(parts)
    )


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few byte-level changes: tokens put in, bytes taken out or repeated."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(out)))
        action = draw(
            st.sampled_from(("insert", "insert", "replace", "delete", "repeat", "run", "cut"))
        )
        token = draw(st.one_of(st.sampled_from(TOKENS), st.binary(min_size=1, max_size=8)))
        if action == "insert":
            out[at:at] = token
        elif action == "run":  # a token thousands of times: what a slow reader chokes on
            out[at:at] = token[:20] * draw(st.sampled_from((100, 3000, 30_000)))
        elif action == "replace":
            out[at : at + len(token)] = token
        elif action == "delete":
            del out[at : at + draw(st.integers(1, 40))]
        elif action == "repeat":
            piece = bytes(out[at : at + draw(st.integers(1, 200))])
            out[at:at] = piece * draw(st.integers(1, 50))
        else:
            del out[at:]
    return bytes(out)


_CELLS = st.one_of(
    st.sampled_from(
        [t.decode("utf-8", "replace") for t in TOKENS if len(t) < 10_000]
        + [
            "Tidewater Lanterns",
            "Летят журавли",
            "1957",
            "2024-04-01",
            "4.5",
            "7",
            "movie",
            "Film",
            "TV Series",
            "https://boxd.it/aa01",
            "https://letterboxd.com/film/x/",
            "yes",
            "no",
            "2021-05-09 3.5 | 2024-01-04 rewatch",
            "  ",
            "",
        ]
    ),
    st.text(max_size=24),
    st.from_regex(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}", fullmatch=True),
    st.integers(-10_000, 10_000).map(str),
)

_HEADERS: tuple[tuple[str, ...], ...] = (
    CSV_COLUMNS,
    (*CSV_COLUMNS, "viewings"),
    ("title", "year", "rating", "watched", "watched_on", "tags", "notes"),
    ("title", "rating10", "watched_on"),
    LIST_COLUMNS,
    ("Date", "Name", "Year", "Letterboxd URI"),
    ("Date", "Name", "Year", "Letterboxd URI", "Rating"),
    ("Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Tags", "Watched Date"),
    ("Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Review", "Tags",
     "Watched Date"),
    ("Const", "Your Rating", "Date Rated", "Title", "Original Title", "URL", "Title Type",
     "IMDb Rating", "Runtime (mins)", "Year", "Genres", "Num Votes", "Release Date",
     "Directors"),
    ("Position", "Const", "Created", "Modified", "Description", "Title", "Original Title",
     "URL", "Title Type", "IMDb Rating", "Runtime (mins)", "Year", "Genres", "Num Votes",
     "Release Date", "Directors", "Your Rating", "Date Rated"),
)  # fmt: skip


@st.composite
def csv_text(draw: st.DrawFn) -> bytes:
    """A CSV file of a header filmdesk knows and rows of odd cells, quoted or not (so a cell
    may break the row), with any line end, separator and encoding."""
    header = list(draw(st.sampled_from(_HEADERS)))
    delimiter = draw(st.sampled_from((",", ",", ";", "\t")))
    end = draw(st.sampled_from(("\r\n", "\n", "\r")))

    def line(cells: list[str]) -> str:
        out = []
        for cell in cells:
            if draw(st.booleans()):
                out.append('"' + cell.replace('"', '""') + '"')
            else:
                out.append(cell)
        return delimiter.join(out)

    rows = draw(
        st.lists(
            st.lists(_CELLS, min_size=max(0, len(header) - 2), max_size=len(header) + 1),
            max_size=6,
        )
    )
    lines = [line(header)] + [line(row) for row in rows]
    if draw(st.integers(0, 9)) == 0:  # a Letterboxd list export around them
        about = line(["2024-04-01", draw(_CELLS), draw(_CELLS), "https://boxd.it/L", draw(_CELLS)])
        lines = ["Letterboxd list export v7", "Date,Name,Tags,URL,Description", about, "",
                 "Position,Name,Year,URL,Description", *lines[1:]]  # fmt: skip
    text = end.join(lines) + draw(st.sampled_from((end, "")))
    encoding = draw(st.sampled_from(("utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1251")))
    return text.encode(encoding, errors="replace")


_JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["", "2024-03-12", "2026-12-01T10:30", "tt0050634", "x" * 300, "-"]),
    st.sampled_from([10**400, 2**64, -(2**63) - 1, 1e308, -0.0, 4.5]),
    # Moments at the ends of the calendar, in time zones that push them past it.
    st.sampled_from(
        [
            "0001-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59-01:00",
            "0001-01-01",
            "9999-12-31",
            "2024-02-30",
            "1873-12-31",
            "2026-12-01T10:30+14:00",
        ]
    ),
)
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "ref",
                    "film",
                    "films",
                    "title",
                    "name",
                    "year",
                    "viewings",
                    "entries",
                    "comments",
                    "text",
                    "rating",
                    "seed_key",
                    "created_at",
                    "watched_on",
                    "scheduled_at",
                    "screened_on",
                ]
            )
            | st.text(max_size=6),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=8,
)


@st.composite
def json_text(draw: st.DrawFn, document: object) -> bytes:
    """A filmdesk backup with a few values replaced by any JSON (or taken out), sometimes
    nested deeply or with a number of thousands of digits."""
    doc = json.loads(json.dumps(document))
    for _ in range(draw(st.integers(1, 5))):
        node = doc
        while True:
            if isinstance(node, dict) and node:
                key = draw(st.sampled_from(sorted(node)))
            elif isinstance(node, list) and node:
                key = draw(st.integers(0, len(node) - 1))
            else:
                break
            child = node[key]
            if not isinstance(child, dict | list) or not child or draw(st.integers(0, 2)) == 0:
                if draw(st.integers(0, 4)) == 0 and isinstance(node, dict):
                    del node[key]
                else:
                    node[key] = draw(_JSON_VALUES)
                break
            node = child
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()), allow_nan=True)
    trick = draw(st.integers(0, 12))
    if trick == 0:
        depth = draw(st.sampled_from((60, 200, 990, 5000, 100_000)))
        text = text.replace('"films": [', '"films": [' + "[" * depth + "]" * depth + ",", 1)
    elif trick == 1:
        text = re.sub(
            r'"year": \d+', '"year": ' + "9" * draw(st.sampled_from((19, 40, 5000))), text, count=1
        )
    return text.encode(draw(st.sampled_from(("utf-8", "utf-8", "utf-8-sig", "utf-16"))))


_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
_ODD_NAMES = ("watched.csv", "lists/empty.csv", "deleted/diary.csv", "orphaned/reviews.csv",
              "likes/films.csv", "folder/", "../escape.csv", "notes.txt", "x" * 300 + ".csv",
              "letterboxd-x/watched.csv", "diary.csv")  # fmt: skip


@st.composite
def export_members(
    draw: st.DrawFn, exports: dict[str, dict[str, bytes]]
) -> list[tuple[str, bytes]]:
    """The files of a Letterboxd export, some changed, some left out, some added."""
    members = dict(exports[draw(st.sampled_from(sorted(exports)))])
    names = sorted(members)
    kept = draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names), unique=True))
    out = []
    for name in kept:
        data = members[name]
        if draw(st.integers(0, 3)) == 0:
            data = draw(mutated(data))
        out.append((name, data))
    for _ in range(draw(st.integers(0, 2))):
        out.append(
            (draw(st.sampled_from(_ODD_NAMES)), draw(st.one_of(csv_text(), st.binary(max_size=64))))
        )
    if draw(st.integers(0, 9)) == 0:  # the extracted folder zipped again
        out = [(f"letterboxd-someone/{name}", data) for name, data in out]
    return out


@st.composite
def zip_bytes(draw: st.DrawFn, members: list[tuple[str, bytes]]) -> bytes:
    """A ZIP of ``members``, each compressed its own way; sometimes a member that expands a
    lot, sometimes the archive's bytes damaged afterwards."""
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore")  # a name twice: a ZIP may hold that too
        for name, data in members:
            method = draw(st.sampled_from(_COMPRESSIONS))
            archive.writestr(name, data, compress_type=method)
        if draw(st.integers(0, 19)) == 0:
            archive.writestr("diary.csv", b"Date,Name\n" + b"0" * 3_000_000, zipfile.ZIP_DEFLATED)
    raw = bytearray(buffer.getvalue())
    damage = draw(st.integers(0, 3))
    if damage == 0 and len(raw) > 40:
        at = draw(st.integers(30, len(raw) - 1))
        raw[at : at + 4] = draw(st.binary(min_size=1, max_size=4))
    elif damage == 1:
        raw = bytearray(draw(mutated(bytes(raw))))
    return bytes(raw)


def inputs(harness: Harness) -> st.SearchStrategy[Input]:
    """Every kind of input, in every format (``auto`` most often)."""
    # Mostly as a user imports (the format recognised), sometimes a format forced on it.
    formats = st.sampled_from(("auto",) * 10 + FORMATS[1:])
    names = st.sampled_from(FILE_NAMES)
    seed_names = sorted(harness.seeds)
    backup = json.loads(harness.seeds["written/backup.json"])

    @st.composite
    def one(draw: st.DrawFn) -> Input:
        kind = draw(
            st.sampled_from(
                ("bytes", "seed", "seed", "seed", "csv", "csv", "json", "zip", "folder")
            )
        )
        file_format = draw(formats)
        if kind == "bytes":
            return Input(draw(names), draw(st.binary(max_size=600)), file_format)
        if kind == "seed":
            seed = draw(st.sampled_from(seed_names))
            name = seed.rsplit("/", 1)[-1] if draw(st.booleans()) else draw(names)
            return Input(name, draw(mutated(harness.seeds[seed])), file_format)
        if kind == "csv":
            return Input(draw(names), draw(csv_text()), file_format)
        if kind == "json":
            return Input("backup.json", draw(json_text(backup)), file_format)
        members = draw(export_members(harness.exports))
        if kind == "folder":
            return Input("letterboxd-export", b"", file_format, tuple(members))
        name = draw(st.sampled_from(("letterboxd-someone-2024-06-03-09-15-utc.zip", "export.zip")))
        return Input(name, draw(zip_bytes(members)), file_format)

    return one()


# --- the long run --------------------------------------------------------------------------


# Two Hypothesis profiles. "filmdesk-suite": the test suite's short run, derandomised so that CI
# tries the same inputs every time, with no example database (nothing written). "filmdesk-fuzz":
# the long run's rounds, random, keeping failing inputs to try first next time (its database is
# set by ``run``). Neither has a deadline: the run's own timeout catches a hang, and a slow
# machine must not fail an input that is merely slow.
_COMMON = {
    "deadline": None,
    "suppress_health_check": list(HealthCheck),
    "phases": (Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink),
    "print_blob": True,
}
settings.register_profile(
    "filmdesk-suite", max_examples=60, derandomize=True, database=None, **_COMMON
)
settings.register_profile("filmdesk-fuzz", max_examples=300, derandomize=False, **_COMMON)


class _Watchdog:
    """Ends the run when one input takes longer than ``seconds``: says which (it is saved),
    prints every thread's stack and exits with status 1."""

    def __init__(self, seconds: float, saved: Path, stats: Stats) -> None:
        self.seconds, self.saved, self.stats = seconds, saved, stats
        self._started: float | None = None
        self._lock = threading.Lock()
        threading.Thread(target=self._watch, daemon=True).start()

    @contextmanager
    def input(self, item: Input) -> Iterator[None]:
        self.saved.write_text(repr(item) + "\n", encoding="utf-8")
        with (self.saved.with_suffix(".bin")).open("wb") as out:
            out.write(item.data)
        # Beside the thread: a stack dump even when a C function holds the interpreter.
        faulthandler.dump_traceback_later(self.seconds * 2 + 5, exit=True)
        with self._lock:
            self._started = time.monotonic()
        try:
            yield
        finally:
            with self._lock:
                self._started = None
            faulthandler.cancel_dump_traceback_later()

    def _watch(self) -> None:
        while True:
            time.sleep(0.5)
            with self._lock:
                started = self._started
            if started is not None and time.monotonic() - started > self.seconds:
                print(
                    f"\nHANG: one input ran for more than {self.seconds:g} s "
                    f"(after {self.stats.inputs:,} inputs); it is saved in {self.saved}",
                    flush=True,
                )
                faulthandler.dump_traceback(all_threads=True)
                os._exit(1)


def run(minutes: float, timeout: float, workdir: Path) -> int:
    """Fuzz every importer for ``minutes``; 0 when nothing failed, 1 otherwise."""
    workdir.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="filmdesk-fuzz-"))
    try:
        harness = Harness(root)
        watchdog = _Watchdog(timeout, workdir / "current-input.txt", harness.stats)
        strategy = inputs(harness)
        deadline = time.monotonic() + minutes * 60
        shown = time.monotonic()

        examples = DirectoryBasedExampleDatabase(str(workdir / "examples"))

        @given(strategy)
        @settings(settings.get_profile("filmdesk-fuzz"), database=examples)
        def fuzz(item: Input) -> None:
            if time.monotonic() > deadline:
                return
            with watchdog.input(item):
                harness.check(item)

        started = time.monotonic()
        rounds = 0
        while time.monotonic() < deadline:
            try:
                fuzz()
            except Exception:
                print("\nFAILURE (the smallest input Hypothesis found is shown above):")
                traceback.print_exc()
                _report(harness.stats, time.monotonic() - started, rounds)
                return 1
            rounds += 1
            if time.monotonic() - shown > 30:
                shown = time.monotonic()
                print(f"  {harness.stats.inputs:,} inputs, nothing failed so far", flush=True)
        _report(harness.stats, time.monotonic() - started, rounds)
        return 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _report(stats: Stats, seconds: float, rounds: int) -> None:
    outcomes = ", ".join(f"{n:,} {what}" for what, n in (stats.outcomes or Counter()).most_common())
    print(
        f"Fuzzed every importer for {seconds / 60:.1f} min: {stats.inputs:,} inputs ({outcomes})."
    )


def main(argv: list[str] | None = None) -> int:
    """``scripts/fuzz``: the long run."""
    parser = argparse.ArgumentParser(prog="scripts/fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10, help="how long to run (10)")
    parser.add_argument("--timeout", type=float, default=20, help="seconds one input may take")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(".hypothesis") / "fuzz",
        help="where failing inputs are kept and replayed first next time",
    )
    args = parser.parse_args(argv)
    return run(args.minutes, args.timeout, args.workdir)


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["Failure", "Harness", "Input", "inputs", "main", "readable"]
