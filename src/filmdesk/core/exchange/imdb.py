"""IMDb: its ratings export and its list/watchlist export, every header generation.

What IMDb has written over the years, all read here:

* ratings, 2024 on: ``Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,...``;
  2018-2024 the same without ``Original Title`` (title types in lowercase: ``movie``,
  ``tvSeries``...); 2017 with ``Date Added`` for ``Date Rated``; before that quoted lowercase
  names with ``You rated`` and dates like ``Sat Apr 23 08:36:35 2011``;
* lists and the watchlist: ``Position,Const,Created,Modified,Description,Title,...`` with 15
  columns (up to ``Directors``) or 17 and more (``Your Rating,Date Rated`` after them).

Title Type is written in the account's language ("Film", "Serie TV", "Фильм"): the known names
are in ``TITLE_KINDS``. TV series, episodes, games and podcasts are left out with a notice; an
unknown type comes in as a film, with a notice. A file re-saved by a spreadsheet has its dates
rewritten (``4/18/2026``, ``18.04.2026``): the file's own values decide whether the day or the
month comes first (see ``DateOrder``).

IMDb's 1-10 rating becomes half stars (value / 2); the IMDb id (tt...) is kept; a rated film is
watched on the day it was rated.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from filmdesk.core.exchange import (
    IncomingFilm,
    Notice,
    Problem,
    UnreadableFileError,
    shortened,
)
from filmdesk.core.exchange.csv_rows import cell_too_long, csv_rows
from filmdesk.core.exchange.dates import DateOrder, date_order, order_assumed, read_date
from filmdesk.core.exchange.textfile import first_line_of, guess_delimiter, read_text
from filmdesk.core.validation import FilmFields, ValidationError, clean_film_fields


class TitleKind(Enum):
    """What a row of IMDb's export is about, as far as filmdesk is concerned."""

    FILM = "film"  # a feature, TV film, short, video, special: imported
    SERIES = "series"  # a series, mini-series or episode: left out
    OTHER = "other"  # a video game, a podcast: left out


def _type_key(name: str) -> str:
    # "TV Mini-Series", "tvMiniSeries" and "tv mini series" are one name.
    return "".join(ch for ch in name.casefold() if ch.isalnum())


_FILM_NAMES = (
    # English, the 2018-2024 codes, and the names before 2017
    "movie", "tvMovie", "short", "video", "tvSpecial", "tvShort", "musicVideo", "TV Movie",
    "TV Special", "TV Short", "Music Video", "Feature Film", "Film", "Short Film", "Documentary",
    "Video Film",
    # French
    "Téléfilm", "Court métrage", "Vidéo", "Spécial TV", "Émission spéciale", "Court métrage TV",
    "Clip", "Clip vidéo", "Film TV",
    # German
    "Fernsehfilm", "TV-Film", "Kurzfilm", "TV-Special", "Fernsehspecial", "TV-Kurzfilm",
    "Musikvideo", "Spielfilm",
    # Italian
    "Film per la TV", "Cortometraggio", "Corto", "Corto TV", "Speciale TV", "Cortometraggio TV",
    "Video musicale",
    # Spanish
    "Película", "Película de TV", "Película para televisión", "Cortometraje", "Corto",
    "Especial de TV",
    "Cortometraje de TV", "Vídeo musical", "Video musical", "Telefilme",
    # Portuguese
    "Filme", "Filme para TV", "Filme de TV", "Curta-metragem", "Curta-metragem de TV",
    "Vídeo", "Videoclipe",
    # Russian
    "Фильм", "Телефильм", "ТВ фильм", "Короткометражный фильм", "Короткометражка", "Видео",
    "ТВ спецвыпуск", "Музыкальное видео",
    # Hindi
    "फ़िल्म", "फिल्म", "टीवी फ़िल्म", "लघु फ़िल्म", "वीडियो",
)  # fmt: skip
_SERIES_NAMES = (
    # English
    "tvSeries", "tvMiniSeries", "tvEpisode", "TV Series", "TV Mini Series", "TV Mini-Series",
    "Mini-Series", "Miniseries", "TV Episode", "Episode", "Series",
    # French
    "Série TV", "Série télévisée", "Mini-série", "Minisérie", "Épisode", "Épisode TV", "Série",
    # German
    "Fernsehserie", "TV-Serie", "Serie", "TV-Miniserie", "Miniserie", "Mini-Serie", "Folge",
    "TV-Episode", "Fernsehepisode",
    # Italian
    "Serie TV", "Miniserie TV", "Episodio", "Episodio TV",
    # Spanish
    "Serie de TV", "Serie de televisión", "Miniserie de TV", "Episodio de TV",
    # Portuguese
    "Série de TV", "Minissérie", "Minissérie de TV", "Episódio", "Episódio de TV",
    # Russian
    "Сериал", "ТВ сериал", "Телесериал", "Мини-сериал", "Мини сериал", "Эпизод", "ТВ эпизод",
    "Серия",
    # Hindi
    "टीवी सीरीज़", "टीवी मिनी सीरीज़", "टीवी एपिसोड",
)  # fmt: skip
_OTHER_NAMES = (
    "videoGame", "Video Game", "podcastSeries", "podcastEpisode", "Podcast Series",
    "Podcast Episode", "Jeu vidéo", "Videospiel", "Videogioco", "Videojuego", "Jogo eletrônico",
    "Videogame", "Видеоигра", "Подкаст",
)  # fmt: skip

# Every Title Type name filmdesk knows, in the languages IMDb offers, by kind.
TITLE_KINDS: dict[str, TitleKind] = {
    **{_type_key(n): TitleKind.OTHER for n in _OTHER_NAMES},
    **{_type_key(n): TitleKind.SERIES for n in _SERIES_NAMES},
    **{_type_key(n): TitleKind.FILM for n in _FILM_NAMES},
}

_LEFT_OUT = {
    TitleKind.SERIES: "a TV series or episode, not a film: left out",
    TitleKind.OTHER: "not a film (a game or a podcast): left out",
}


def title_kind(name: str) -> TitleKind | None:
    """What an IMDb Title Type (in any language filmdesk knows) names; None when unknown."""
    return TITLE_KINDS.get(_type_key(name))


def looks_like_imdb(header: list[str]) -> bool:
    """True for the header of an IMDb ratings or list export."""
    names = {h.strip().lower() for h in header}
    return "const" in names and ("title type" in names or "title_type" in names)


# --- reading ---------------------------------------------------------------------------------

# Columns read, by every name IMDb has given them (lowercase).
_DATE_RATED = ("date rated", "date added")
_DATE_COLUMNS = ("date rated", "date added", "created", "modified", "release date",
                 "release date (month/day/year)")  # fmt: skip


class _Row:
    def __init__(self, header: Sequence[str], cells: Sequence[str]) -> None:
        self._cells = {name: cell for name, cell in zip(header, cells, strict=False)}

    def get(self, *names: str) -> str:
        for name in names:
            value = self._cells.get(name)
            if value and value.strip():
                return value.strip()
        return ""


def read_imdb(path: Path) -> tuple[list[IncomingFilm], list[Problem], list[Notice]]:
    """Films from an IMDb export: every wrong row a problem, every row left out by design (a
    TV series, an unknown title type read as a film, dates read one way) a notice."""
    text, _ = read_text(path)
    name = str(path)
    rows: list[tuple[int, _Row]] = []
    header: list[str] = []
    written: list[str] = []  # the header as the file writes it, for messages
    problems: list[Problem] = []
    for start, cells in csv_rows(text, name, delimiter=guess_delimiter(first_line_of(text))):
        if not any(c.strip() for c in cells):
            continue
        too_long = cell_too_long(name, start, written or cells, cells)
        if too_long is not None:
            if not header:
                raise UnreadableFileError([too_long])  # (no header to read the rows by)
            problems.append(too_long)
            continue
        if not header:
            written = [c.strip().lstrip("\ufeff") for c in cells]
            header = [c.lower() for c in written]
            continue
        rows.append((start, _Row(header, cells)))
    date_rated = _DATE_RATED if any(n in header for n in _DATE_RATED) else ("created",)

    reading = date_order(
        (row.get(c), line, row.get("title")) for line, row in rows for c in _DATE_COLUMNS
    )
    notices: list[Notice] = []
    if reading.ambiguous is not None and not reading.settled:
        value, at, title = reading.ambiguous
        notices.append(Notice(name, at, title, order_assumed(value, reading.order), left_out=False))
    films: list[IncomingFilm] = []
    for line, row in rows:
        title = row.get("title")
        kind_name = row.get("title type", "title_type")
        kind = title_kind(kind_name) if kind_name else TitleKind.FILM
        if kind is None:
            notices.append(
                Notice(
                    name,
                    line,
                    title,
                    f"Title Type {kind_name!r} is not one filmdesk knows: imported as a film",
                    left_out=False,
                )
            )
        elif kind is not TitleKind.FILM:
            notices.append(Notice(name, line, title, f"{_LEFT_OUT[kind]} ({kind_name})"))
            continue
        film, wrong = _film(row, title, date_rated, reading.order)
        said = shortened(title, 100)
        problems += [Problem(name, line, f, f"{said!r}: {message}") for f, message in wrong]
        if film is not None:
            films.append(IncomingFilm(line, film))
    return films, problems, notices


def _film(
    row: _Row, title: str, date_rated: Sequence[str], order: DateOrder
) -> tuple[FilmFields | None, list[tuple[str | None, str]]]:
    """One row's fields, or None and what is wrong with it as (field, message)."""
    raw: dict[str, object] = {"title": title, "imdb_id": row.get("const")}
    year = row.get("year")
    if year:
        raw["year"] = year
    original = row.get("original title")
    if original and original != title:
        raw["original_title"] = original
    directors = row.get("directors")
    if directors:
        # Several are joined by "," with no space (with one, before 2017).
        raw["directors"] = [d.strip() for d in directors.split(",") if d.strip()]
    runtime = row.get("runtime (mins)")
    if runtime:
        raw["runtime_minutes"] = runtime
    rating = row.get("your rating", "you rated")
    if rating:
        try:
            value = float(rating.replace(",", "."))
        except ValueError:
            value = 0.0
        if not (1 <= value <= 10 and value.is_integer()):
            return None, [("Your Rating", f"{rating!r} is not a rating from 1 to 10")]
        raw["rating"] = value / 2
        raw["watched"] = True
        rated_on = row.get(*date_rated)
        if rated_on:
            try:
                raw["watched_on"] = read_date(rated_on, order)
            except ValueError as exc:
                return None, [("Date Rated", str(exc))]
    try:
        return clean_film_fields(raw), []
    except ValidationError as exc:
        return None, [(p.field, p.message) for p in exc.problems]
