"""IMDb: its ratings export and its list/watchlist export, old and new header variants.

IMDb's 1-10 rating becomes half stars (value / 2); the IMDb id (tt...) is kept; a rated film is
watched on the day it was rated. Rows that are not films (TV series, episodes, games) are
reported and left out.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from filmdesk.core.exchange import IncomingFilm, Problem
from filmdesk.core.exchange.textfile import read_text
from filmdesk.core.validation import ValidationError, clean_film_fields

FILM_TYPES = {"movie", "tvmovie", "short", "video", "tvspecial", "tvshort", "tv movie",
              "tv special", "tv short"}  # fmt: skip


def looks_like_imdb(header: list[str]) -> bool:
    """True for the header of an IMDb ratings or list export."""
    names = {h.strip().lower() for h in header}
    return "const" in names and ("title type" in names or "title_type" in names)


def _get(row: dict[str, str], *names: str) -> str:
    lowered = {k.strip().lower(): v for k, v in row.items() if k}
    for name in names:
        value = lowered.get(name)
        if value:
            return value.strip()
    return ""


def read_imdb(path: Path) -> tuple[list[IncomingFilm], list[Problem]]:
    """Films from an IMDb export, with every row that is not a film reported."""
    text, _ = read_text(path)
    reader = csv.DictReader(io.StringIO(text))
    films: list[IncomingFilm] = []
    problems: list[Problem] = []
    for row in reader:
        line = reader.line_num
        title = _get(row, "title")
        kind = _get(row, "title type", "title_type")
        if kind.lower() not in FILM_TYPES:
            problems.append(
                Problem(str(path), line, "Title Type", f"{title!r} is a {kind}, not a film")
            )
            continue
        raw: dict[str, object] = {"title": title, "imdb_id": _get(row, "const")}
        year = _get(row, "year")
        if year:
            raw["year"] = year
        original = _get(row, "original title")
        if original and original != title:
            raw["original_title"] = original
        directors = _get(row, "directors")
        if directors:
            raw["directors"] = directors.split(",")
        runtime = _get(row, "runtime (mins)")
        if runtime:
            raw["runtime_minutes"] = runtime
        rating = _get(row, "your rating", "you rated")
        if rating:
            try:
                value = int(rating)
            except ValueError:
                problems.append(Problem(str(path), line, "Your Rating", f"{rating!r} is not 1-10"))
                continue
            if not 1 <= value <= 10:
                problems.append(Problem(str(path), line, "Your Rating", f"{value} is not 1-10"))
                continue
            raw["rating"] = value / 2
            raw["watched"] = True
            rated_on = _get(row, "date rated", "created")[:10]
            if rated_on:
                raw["watched_on"] = rated_on
        try:
            films.append(IncomingFilm(line, clean_film_fields(raw)))
        except ValidationError as exc:
            problems += [Problem(str(path), line, p.field, p.message) for p in exc.problems]
    return films, problems
