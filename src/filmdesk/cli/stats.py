"""stats: what has been watched, for the whole catalog or a search's films, all time or a year."""

from __future__ import annotations

import argparse

from filmdesk.cli.errors import CliError
from filmdesk.cli.output import clip, plural, print_json
from filmdesk.cli.parsing import Subparsers, add_command
from filmdesk.core.catalog import Catalog
from filmdesk.core.search import QueryError
from filmdesk.core.stats import NameCount, Statistics

# English month names whatever the terminal's locale (``calendar.month_name`` follows it).
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def register(subparsers: Subparsers) -> None:
    """Add stats."""
    p = add_command(
        subparsers,
        "stats",
        "Statistics of watching: viewings by month and year, rewatches, hours, ratings, decades,"
        " the most watched directors, countries and tags, the highest rated.",
    )
    p.add_argument("--year", metavar="YEAR", help="one year (default: all time)")
    p.add_argument("--search", default="", metavar="QUERY", help="only the films this search finds")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")


def run(args: argparse.Namespace, catalog: Catalog) -> None:
    """Print the statistics ``args`` ask for."""
    year = parse_year(args.year)
    film_ids = None
    if args.search.strip():
        try:
            film_ids = [f.id for f in catalog.films.search(args.search)]
        except QueryError as exc:
            raise CliError(f"search term {exc}") from None
    figures = catalog.stats.compute(year=year, film_ids=film_ids)
    if args.json:
        print_json(figures.to_json())
    else:
        print("\n".join(format_statistics(figures, args.search.strip())))


def parse_year(text: str | None) -> int | None:
    """--year's value: four digits, or None when not given; CliError otherwise."""
    if text is None:
        return None
    value = text.strip()
    if not (value.isascii() and value.isdigit() and len(value) == 4 and value != "0000"):
        raise CliError(f"--year: {text!r} is not a year; give four digits, e.g. --year 2024")
    return int(value)


def format_statistics(figures: Statistics, search: str = "") -> list[str]:
    """The figures as readable sections, numbers aligned."""
    period = "all time" if figures.year is None else str(figures.year)
    scope = f"films found by {search!r}" if search else "the whole catalog"
    lines = [f"Statistics of {scope}, {period}", ""]
    watched_label = "Watched" if figures.year is None else f"Watched in {figures.year}"
    summary = [
        ("Films", str(figures.films)),
        (watched_label, str(figures.watched)),
        ("Never watched", str(figures.never_watched)),
        ("Viewings", str(figures.viewings)),
        ("Rewatches", str(figures.rewatches)),
        ("Hours", f"{figures.hours:.1f}"),
    ]
    if figures.no_runtime:
        summary.append(("Without a runtime", plural(figures.no_runtime, "viewing")))
    if figures.undated:
        summary.append(("Day not known", plural(figures.undated, "viewing")))
    lines += _aligned(summary)

    if figures.year is not None:
        months = [(_MONTHS[int(key[5:7]) - 1], str(n)) for key, n in figures.by_month.items()]
        lines += _section("Viewings by month", months)
    elif figures.by_year:
        lines += ["", "Viewings by year and month", *_year_grid(figures)]
    rated = [(f"{key} stars", str(n)) for key, n in figures.ratings.items() if n]
    lines += _section("Ratings", rated or [("(none rated)", "")])
    lines += _section("Films by decade", [(k, str(n)) for k, n in figures.by_decade.items()])
    lines += _names("Most watched directors", figures.top_directors)
    lines += _names("Most watched countries", figures.top_countries)
    lines += _names("Most watched tags", figures.top_tags)
    if figures.highest_rated:
        best = [
            (
                clip(f"{f.title} ({f.year})" if f.year else f.title, 50),
                f"{f.rating:g}",
            )
            for f in figures.highest_rated
        ]
        lines += _section("Highest rated", best)
    return lines


def _year_grid(figures: Statistics) -> list[str]:
    """All time: a row per year with viewings, a column per month, and the year's total."""
    headers = ["", *(name[:3] for name in _MONTHS), "Total"]
    rows = [
        [year, *(str(figures.by_month.get(f"{year}-{m:02d}", 0) or "") for m in range(1, 13)),
         str(total)]
        for year, total in figures.by_year.items()
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in (headers, *rows)) for i in range(len(headers))]
    return [
        "  " + "  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True))
        for row in (headers, *rows)
    ]


def _aligned(pairs: list[tuple[str, str]]) -> list[str]:
    label = max((len(k) for k, _ in pairs), default=0)
    value = max((len(v) for _, v in pairs), default=0)
    return [f"  {k:<{label}}  {v:>{value}}".rstrip() for k, v in pairs]


def _section(title: str, pairs: list[tuple[str, str]]) -> list[str]:
    if not pairs:
        return []
    return ["", title, *_aligned(pairs)]


def _names(title: str, names: tuple[NameCount, ...]) -> list[str]:
    pairs = [
        (clip(n.name, 50), f"{plural(n.viewings, 'viewing')}, {plural(n.films, 'film')}")
        for n in names
    ]
    return _section(title, pairs)
