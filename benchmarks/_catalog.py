"""Generated catalogs for the benchmarks: N realistic films written straight into SQLite."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

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


def build_catalog(path: Path, films: int, seed: int = 7) -> None:
    """Create a catalog at ``path`` with ``films`` generated films (plus the shipped seed)."""
    rng = random.Random(seed)
    engine, _ = open_database(str(path))
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
        film_ids = [r[0] for r in conn.execute(select(Film.id))]
        links = []
        for film_id in film_ids:
            for tag in rng.sample(TAGS, rng.choice((0, 0, 1, 1, 2, 3))):
                links.append({"film_id": film_id, "tag_id": tag_ids[tag]})
        conn.execute(insert(film_tags), links)
    engine.dispose()
