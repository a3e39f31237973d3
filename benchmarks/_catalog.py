"""Generated catalogs for the benchmarks: N realistic films written straight into the database
(a SQLite file, or a PostgreSQL database); the PostgreSQL databases a benchmark makes for
itself; and the figures printed side by side."""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert, select
from sqlalchemy.engine import make_url

from filmdesk.core.db import open_database
from filmdesk.core.models import Film, Tag, film_tags
from filmdesk.core.sorting import title_sort_key

EN = [
    "letter",
    "night",
    "winter",
    "station",
    "cranes",
    "river",
    "city",
    "love",
    "war",
    "soldier",
    "mother",
    "road",
    "house",
    "garden",
    "summer",
    "autumn",
    "ballad",
    "story",
    "silence",
    "mirror",
    "dawn",
    "island",
    "train",
    "sea",
    "snow",
    "return",
    "journey",
    "stranger",
    "promise",
    "window",
    "song",
    "field",
    "heart",
    "bridge",
    "street",
    "morning",
    "shadow",
    "wind",
    "time",
]
RU = [
    "письмо",
    "ночь",
    "зима",
    "станция",
    "журавли",
    "река",
    "город",
    "любовь",
    "война",
    "солдат",
    "мать",
    "дорога",
    "дом",
    "сад",
    "лето",
    "осень",
    "баллада",
    "история",
    "тишина",
    "зеркало",
    "рассвет",
    "остров",
    "поезд",
    "море",
    "снег",
    "возвращение",
    "путь",
    "незнакомец",
    "обещание",
    "окно",
    "песня",
    "поле",
    "сердце",
    "мост",
    "улица",
    "утро",
    "тень",
    "ветер",
    "время",
    "ёлка",
]
FIRST = [
    "Eldar",
    "Vladimir",
    "Mikhail",
    "Andrei",
    "Larisa",
    "Kira",
    "Georgiy",
    "Marlen",
    "Sergei",
    "Tatiana",
    "Gleb",
    "Otar",
]
LAST = [
    "Ryazanov",
    "Menshov",
    "Kalatozov",
    "Tarkovsky",
    "Shepitko",
    "Muratova",
    "Daneliya",
    "Khutsiev",
    "Solovyov",
    "Lioznova",
    "Panfilov",
    "Iosseliani",
    "Rostotsky",
    "Chukhrai",
    "Kheifits",
]
TAGS = [
    "war",
    "comedy",
    "drama",
    "classic",
    "romance",
    "favourite",
    "to-rewatch",
    "school",
    "family",
    "letters",
]
NOTE_WORDS = [
    "watched",
    "with",
    "friends",
    "the",
    "ending",
    "stayed",
    "with",
    "me",
    "camera",
    "work",
    "beautiful",
    "score",
    "slow",
    "start",
    "recommended",
    "by",
    "a",
    "teacher",
    "see",
    "again",
    "on",
    "a",
    "big",
    "screen",
]


def _title(rng: random.Random) -> tuple[str, str]:
    words = rng.sample(EN, rng.randint(1, 4))
    title = "The " + " ".join(words).title() if rng.random() < 0.4 else " ".join(words).title()
    original = " ".join(rng.sample(RU, rng.randint(1, 4))).capitalize()
    return title, original


def build_catalog(target: Path | str, films: int, seed: int = 7) -> None:
    """Create a catalog at ``target`` (a path or a database URL) with ``films`` generated films
    (the same films for the same ``seed``, on any backend; the shipped seed is added when the
    catalog is first opened)."""
    rng = random.Random(seed)
    engine, _ = open_database(str(target))
    now = datetime.now(UTC)
    rows = []
    for number in range(films):
        title, original = _title(rng)
        watched = rng.random() < 0.5
        rows.append(
            {
                "title": title,
                "sort_title": title_sort_key(title),
                "original_title": original,
                "year": rng.randint(1925, 2025),
                "directors": [f"{rng.choice(FIRST)} {rng.choice(LAST)}"],
                "countries": ["Soviet Union" if rng.random() < 0.7 else "Russia"],
                "runtime_minutes": rng.randint(60, 190),
                "description": " ".join(rng.choices(EN + RU, k=rng.randint(12, 30))).capitalize()
                + ".",
                "fact": "",
                "trailer_url": "",
                "availability_note": "",
                "rating_half_stars": rng.randint(1, 10) if rng.random() < 0.4 else None,
                "watched": watched,
                "watched_on": date(2020, 1, 1) + timedelta(days=rng.randint(0, 2000))
                if watched
                else None,
                "notes": " ".join(rng.choices(NOTE_WORDS, k=rng.randint(5, 25)))
                if rng.random() < 0.3
                else "",
                "created_at": now,
                "updated_at": now,
                "seed_key": None,
                "imdb_id": f"tt{1000000 + number}",
            }
        )
    with engine.begin() as conn:
        conn.execute(insert(Film), rows)
        conn.execute(insert(Tag), [{"name": t, "key": t} for t in TAGS])
        tag_ids = dict(conn.execute(select(Tag.name, Tag.id)).all())
        # (In id order: the same films get the same tags on every backend.)
        film_ids = [r[0] for r in conn.execute(select(Film.id).order_by(Film.id))]
        links = []
        for film_id in film_ids:
            for tag in rng.sample(TAGS, rng.choice((0, 0, 1, 1, 2, 3))):
                links.append({"film_id": film_id, "tag_id": tag_ids[tag]})
        conn.execute(insert(film_tags), links)
    engine.dispose()


def add_posters(target: Path | str, films_with: int, distinct: int = 300, seed: int = 7) -> int:
    """Give ``films_with`` of the catalog's films (spread evenly over them) one of ``distinct``
    generated posters: the images written once into ``posters``, the films pointed at them,
    in one transaction. Returns how many films got one."""
    import io

    from PIL import Image, ImageDraw
    from sqlalchemy import bindparam, update

    from filmdesk.core.models import Poster
    from filmdesk.core.posters.images import prepare_poster

    rng = random.Random(seed)
    posters = []
    for number in range(distinct):
        top = tuple(rng.randint(20, 235) for _ in range(3))
        bottom = tuple(rng.randint(20, 235) for _ in range(3))
        image = Image.new("RGB", (400, 600), top)
        draw = ImageDraw.Draw(image)
        for y in range(0, 600, 4):
            t = y / 600
            shade = tuple(round(a * (1 - t) + b * t) for a, b in zip(top, bottom, strict=True))
            draw.rectangle([0, y, 400, y + 4], fill=shade)
        draw.ellipse([60, 80 + number % 100, 340, 360 + number % 100], outline=bottom, width=12)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=85)
        posters.append(prepare_poster(out.getvalue(), f"poster {number}"))
    engine, _ = open_database(str(target))
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            insert(Poster),
            [
                {"hash": p.hash, "format": p.format, "width": p.width, "height": p.height,
                 "data": p.data, "created_at": now}
                for p in posters
            ],
        )  # fmt: skip
        film_ids = [r[0] for r in conn.execute(select(Film.id).order_by(Film.id))]
        step = max(1, len(film_ids) // max(1, films_with))
        chosen = film_ids[::step][:films_with]
        films = Film.__table__
        conn.execute(
            update(films)
            .where(films.c.id == bindparam("film_id"))
            .values(poster_hash=bindparam("key")),
            [{"film_id": i, "key": posters[rng.randrange(distinct)].hash} for i in chosen],
        )
    engine.dispose()
    return len(chosen)


# --- PostgreSQL beside SQLite --------------------------------------------------------------


def add_postgresql_options(parser: argparse.ArgumentParser) -> None:
    """--database URL and --postgresql: measure on a PostgreSQL server too."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--database",
        metavar="URL",
        help="also measure on this PostgreSQL server, e.g."
        " postgresql+psycopg://me@localhost:5432/postgres: the account must be allowed to"
        " create databases; the benchmark makes its own (filmdesk_bench_*) and drops them",
    )
    where.add_argument(
        "--postgresql",
        action="store_true",
        help="also measure on a throwaway local PostgreSQL server (fsync on), started and"
        " stopped by the benchmark (tests/pg_server.py: Debian's postgresql package)",
    )


class ServerDatabases:
    """Databases of the benchmark's own on one PostgreSQL server: each ``new()`` one is empty;
    every one is dropped at ``close()`` (or at once with ``drop``)."""

    def __init__(self, url: str) -> None:
        self._server = make_url(url)
        # CREATE and DROP DATABASE run outside a transaction.
        self._admin = create_engine(self._server, isolation_level="AUTOCOMMIT")
        self._names = itertools.count(1)
        self._made: list[str] = []

    def new(self) -> str:
        """The URL of a new, empty database."""
        name = f"filmdesk_bench_{os.getpid()}_{next(self._names)}"
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
        self._made.append(name)
        return self._server.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        """Drop one of ours now (its connections are ended): big catalogs take disk space."""
        name = make_url(url).database
        assert name in self._made, url
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self._made.remove(name)

    def close(self) -> None:
        for name in list(self._made):
            self.drop(self._server.set(database=name).render_as_string(hide_password=False))
        self._admin.dispose()


@contextmanager
def server_databases(args: argparse.Namespace) -> Iterator[ServerDatabases | None]:
    """The PostgreSQL databases that ``--database`` or ``--postgresql`` ask for, or None."""
    if not args.database and not args.postgresql:
        yield None
        return
    server = None
    if args.postgresql:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout
        from tests.pg_server import LocalServer, missing_reason

        if (reason := missing_reason()) is not None:
            raise SystemExit(f"--postgresql: {reason}")
        # Durable, as a real server is: every commit is synced to disk.
        server = LocalServer(durable=True).start()
    try:
        databases = ServerDatabases(server.url() if server else args.database)
        try:
            yield databases
        finally:
            databases.close()
    finally:
        if server is not None:
            server.stop()


_UNITS = ("_s", "_ms", "_mb")


def add_ratios(result: dict[str, object]) -> None:
    """For each figure measured on both (``key`` and ``pg_key``), ``pg_key_vs_sqlite``:
    PostgreSQL's figure over SQLite's."""
    for key in [k for k in result if k.endswith(_UNITS) and f"pg_{k}" in result]:
        sqlite, postgresql = result[key], result[f"pg_{key}"]
        if isinstance(sqlite, int | float) and isinstance(postgresql, int | float) and sqlite > 0:
            result[f"pg_{key}_vs_sqlite"] = round(postgresql / sqlite, 2)


def report(result: dict[str, object], as_json: bool) -> None:
    """Print the figures: as one JSON object, or as lines; a figure measured on both backends
    is one line, SQLite's and PostgreSQL's side by side with their ratio."""
    if as_json:
        print(json.dumps(result))
        return
    both = [k for k in result if f"pg_{k}" in result]
    if not both:
        width = max(len(k) for k in result)
        for key, value in result.items():
            print(f"{key:<{width}}  {value}")
        return
    paired = {*both, *(f"pg_{k}" for k in both), *(f"pg_{k}_vs_sqlite" for k in both)}
    width = max(len(k) for k in result if k in both or k not in paired)
    print(f"{'':<{width}}  {'SQLite':>10}  {'PostgreSQL':>10}  {'PG/SQLite':>9}")
    for key, value in result.items():
        if key in paired and key not in both:
            continue
        if key not in both:
            print(f"{key:<{width}}  {value!s:>10}")
            continue
        ratio = result.get(f"pg_{key}_vs_sqlite", "")
        pg = result[f"pg_{key}"]
        if isinstance(value, list):  # (per column: too wide for a column of its own)
            print(f"{key:<{width}}  {value}")
            print(f"{'  on PostgreSQL':<{width}}  {pg}")
            continue
        print(f"{key:<{width}}  {value!s:>10}  {pg!s:>10}  {ratio!s:>9}")
