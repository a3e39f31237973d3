"""What filmdesk-cli prints: aligned tables, a film or a screening list as text, and JSON."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from collections.abc import Sequence

from filmdesk.core.records import (
    FilmRecord,
    ListEntryRecord,
    ScreeningListRecord,
    ViewingRecord,
    format_minutes,
)


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, an ellipsis showing where."""
    return text if len(text) <= width else text[: width - 1] + "…"


def rating_text(rating: float | None) -> str:
    """A rating as typed (4.5, 3), or nothing."""
    return "" if rating is None else f"{rating:g}"


def watched_text(film: FilmRecord) -> str:
    """When the film was watched (its date, or "yes"), or nothing."""
    if not film.watched:
        return ""
    return film.watched_on.isoformat() if film.watched_on else "yes"


def plural(count: int, word: str) -> str:
    """``3 films``, ``1 film``."""
    return f"{count} {word}{'s' if count != 1 else ''}"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """Aligned lines: the headers, a rule, then the rows; the columns in ``right`` (numbers)
    aligned right."""
    widths = [max(len(r[i]) for r in (headers, *rows)) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def wrapped(label: str, text: str, width: int = 12) -> list[str]:
    """``text`` wrapped to the terminal (at most 100 columns), ``label`` in a column of
    ``width`` before its first line."""
    columns = min(shutil.get_terminal_size((100, 24)).columns, 100)
    out: list[str] = []
    for paragraph in text.splitlines() or [""]:
        out += textwrap.wrap(paragraph, max(columns - width, 30)) or [""]
    head = f"{label:<{width}}" if label else " " * width
    return [head + out[0], *(" " * width + rest for rest in out[1:])]


def print_json(value: object) -> None:
    """Print ``value`` as indented JSON, non-ASCII letters as they are."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def format_table(films: Sequence[FilmRecord]) -> str:
    """Films as an aligned plain-text table."""
    headers = ("ID", "Title", "Year", "Director", "Rating", "Watched", "Tags")
    rows = [
        (
            str(f.id),
            clip(f.title, 44),
            str(f.year or ""),
            clip(", ".join(f.directors), 28),
            rating_text(f.rating),
            watched_text(f),
            clip(", ".join(f.tags), 30),
        )
        for f in films
    ]
    out = table(headers, rows, {0, 2, 4})  # numbers align right
    out.append(plural(len(films), "film"))
    return "\n".join(out)


def viewing_text(viewing: ViewingRecord) -> str:
    """A viewing on one line: ``2024-03-12  4.5  rewatch  "note..."``."""
    parts = [viewing.watched_on.isoformat() if viewing.watched_on else "day not known"]
    if viewing.rating is not None:
        parts.append(f"rated {rating_text(viewing.rating)}")
    if viewing.rewatch:
        parts.append("rewatch")
    if viewing.note:
        parts.append(clip(" ".join(viewing.note.split()), 50))
    return ", ".join(parts)


def format_film(film: FilmRecord, viewings: Sequence[ViewingRecord] = (), poster: str = "") -> str:
    """One film as labelled, wrapped lines (its viewings, when given, one per line; its
    poster, described, when it has one)."""
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    checked = film.availability_checked_on
    fields: list[tuple[str, str]] = [
        ("Title", film.title),
        ("Original title", film.original_title),
        ("Year", str(film.year or "")),
        ("Directors", ", ".join(film.directors)),
        ("Countries", ", ".join(film.countries)),
        ("Runtime", f"{film.runtime_minutes} min" if film.runtime_minutes else ""),
        ("Description", film.description),
        ("Did you know?", film.fact),
        ("Trailer", film.trailer_url),
        (
            "Availability",
            film.availability_note + (f" (checked {checked.isoformat()})" if checked else ""),
        ),
        ("IMDb", film.imdb_id or ""),
        ("Letterboxd", film.letterboxd_uri or ""),
        ("Rating", f"{rating_text(film.rating)} / 5" if film.rating is not None else "not rated"),
        ("Watched", watched_text(film) or "no"),
        (
            f"Seen {plural(len(viewings), 'time')}" if len(viewings) > 1 else "Viewing",
            "\n".join(viewing_text(v) for v in viewings),
        ),
        ("Tags", ", ".join(film.tags)),
        ("Notes", film.notes),
        ("Poster", poster),
    ]
    label_width = max(len(label) for label, _ in fields) + 2
    out = [f"#{film.id}"]
    for label, value in fields:
        if not value:
            continue
        indent = " " * label_width
        lines: list[str] = []
        for paragraph in value.splitlines() or [""]:
            lines += textwrap.wrap(paragraph, max(width - label_width, 30)) or [""]
        out.append(f"{label + ':':<{label_width}}{lines[0]}")
        out += [indent + line for line in lines[1:]]
    return "\n".join(out)


def _entry_row(entry: ListEntryRecord) -> tuple[str, ...]:
    at = entry.scheduled_at
    when = "" if at is None else at.strftime("%Y-%m-%d %H:%M" if entry.has_time else "%Y-%m-%d")
    screened = ""
    if entry.screened:
        screened = entry.screened_on.isoformat() if entry.screened_on else "yes"
    runtime = entry.film.runtime_minutes
    return (
        str(entry.position),
        when,
        clip(entry.film.title, 40),
        str(entry.film.year or ""),
        format_minutes(runtime) if runtime else "",
        screened,
    )


def format_list(screening_list: ScreeningListRecord) -> str:
    """A screening list as text: heading, description, then its entries with their notes."""
    out = [f"#{screening_list.id} {screening_list.name}"]
    if screening_list.audience:
        out += wrapped("Audience:", screening_list.audience)
    if screening_list.description:
        out += wrapped("About:", screening_list.description)
    if screening_list.entries:
        headers = ("#", "When", "Film", "Year", "Runtime", "Screened")
        rows = [_entry_row(e) for e in screening_list.entries]
        lines = table(headers, rows, {0, 3, 4})
        out += lines[:2]
        for entry, line in zip(screening_list.entries, lines[2:], strict=True):
            out.append(line)
            if entry.note:
                out += wrapped("", f"Note: {entry.note}", len(str(screening_list.film_count)) + 2)
    summary = plural(screening_list.film_count, "film")
    if screening_list.runtime_minutes:
        summary += f" · {format_minutes(screening_list.runtime_minutes)}"
    summary += f" · {screening_list.screened_count} screened"
    out.append(summary)
    return "\n".join(out)
