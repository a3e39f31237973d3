"""The year in review: one year of watching as a printable A4 PDF.

A heading ("2025 in films", «2025 год в кино»), the year's figures (films watched, viewings,
rewatches, hours, films never watched), three charts (viewings per month, the ratings given in
half stars, the films by decade of release), the most watched directors, countries and tags,
the highest rated, then every viewing of the year in the order it happened: day, title, year,
the rating given then and a rewatch mark. A year without viewings prints one page saying so.

The figures are ``catalog.stats.compute(year=...)``'s; the list is ``catalog.stats.viewings_in``.
The core has no Qt translations, so the review's own words (en, ru), month names in the cases
Russian needs and the plural forms of the nouns beside numbers are in this module. The charts
are drawn by matplotlib without any GUI backend (Agg, to PNG) and embedded by fpdf2; both are
imported only when a review is made, as the PDF library is in ``printable.py``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filmdesk.core.exchange.pdf_pages import a4_document
from filmdesk.core.exchange.textfile import replaced_atomically
from filmdesk.core.stats import HALF_STARS, NameCount, Statistics, YearViewing

if TYPE_CHECKING:
    from filmdesk.core.catalog import Catalog

LANGUAGES = ("en", "ru")

# The review's own words. Nouns beside a number are plural forms: (one, many) in English,
# (one, few, many) in Russian (1 фильм, 2 фильма, 5 фильмов); see ``plural``.
_WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "title": "{year} in films",
        "subtitle": "A year of watching, printed {day}",
        "page": "{title} · page {page} of {pages}",
        "nothing": "No films were watched in {year}.",
        "films_watched": ("film watched", "films watched"),
        "viewings": ("viewing", "viewings"),
        "rewatches": ("rewatch", "rewatches"),
        "hours": ("hour", "hours"),
        "never_watched": ("film never watched", "films never watched"),
        "viewings_short": ("viewing", "viewings"),
        "busiest": "Busiest month: {month}, {count}.",
        "no_runtime": "Hours leave out {count} of films without a known runtime.",
        "per_month": "Viewings per month",
        "ratings": "Ratings given",
        "stars": "stars",
        "no_ratings": "No ratings given",
        "by_decade": "Films by decade",
        "no_years": "No years of release known",
        "decade": "{decade}s",
        "directors": "Directors",
        "column": "viewings",
        "countries": "Countries",
        "tags": "Tags",
        "none": "none",
        "highest": "Highest rated",
        "diary": "Every film watched, in order",
        "rewatch": "rewatch",
        "continued": "continued",
        "day": "{day} {month}",
    },
    "ru": {
        "title": "{year} год в кино",
        "subtitle": "Год просмотров; напечатано {day}",
        "page": "{title} · стр. {page} из {pages}",
        "nothing": "В {year} году не было ни одного просмотра.",
        "films_watched": ("фильм посмотрен", "фильма посмотрено", "фильмов посмотрено"),
        "viewings": ("просмотр", "просмотра", "просмотров"),
        "rewatches": ("пересмотр", "пересмотра", "пересмотров"),
        "hours": ("час", "часа", "часов"),
        "never_watched": ("фильм ещё не смотрели", "фильма ещё не смотрели",
                          "фильмов ещё не смотрели"),
        "viewings_short": ("просмотр", "просмотра", "просмотров"),
        "busiest": "Больше всего просмотров — {month}: {count}.",
        "no_runtime": "Часы без учёта фильмов с неизвестной длительностью: {count}.",
        "per_month": "Просмотры по месяцам",
        "ratings": "Поставленные оценки",
        "stars": "звёзды",
        "no_ratings": "Оценок нет",
        "by_decade": "Фильмы по десятилетиям",
        "no_years": "Годы выхода неизвестны",
        "decade": "{decade}-е",
        "directors": "Режиссёры",
        "column": "просмотры",
        "countries": "Страны",
        "tags": "Теги",
        "none": "нет",
        "highest": "Лучшие оценки",
        "diary": "Все просмотры года по порядку",
        "rewatch": "повторно",
        "continued": "продолжение",
        "day": "{day} {month}",
    },
}  # fmt: skip
# Month names: as a heading (nominative), in a date ("12 марта": genitive), on a chart's axis.
_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "ru": (
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ),
}
_MONTHS_OF = {
    "en": _MONTHS["en"],
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
}
_MONTHS_SHORT = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "ru": ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
}  # fmt: skip


def plural(count: float, forms: Sequence[str], language: str) -> str:
    """The form of a noun that goes with ``count``: English (one, many); Russian (one, few,
    many): 1, 21 фильм; 2-4, 22 фильма; 5-20, 11-14 фильмов; a fraction takes "few"
    (1,5 часа)."""
    if language != "ru":
        return forms[0] if count == 1 else forms[1]
    if not float(count).is_integer():
        return forms[1]
    whole = int(count)
    tens, ones = whole % 100, whole % 10
    if ones == 1 and tens != 11:
        return forms[0]
    if 2 <= ones <= 4 and not 12 <= tens <= 14:
        return forms[1]
    return forms[2]


def number_text(value: float, language: str) -> str:
    """A figure as its language writes it: 1,234.5 / 1 234,5 (no trailing ``.0``)."""
    text = f"{value:,.1f}" if not float(value).is_integer() else f"{int(value):,}"
    if language == "ru":
        return text.replace(",", "\u00a0").replace(".", ",")
    return text


def stars_text(rating: float | None) -> str:
    """★★★½ for 3.5; "" for no rating."""
    if rating is None:
        return ""
    whole = int(rating)
    return "★" * whole + ("½" if rating - whole else "")


def day_text(day: date, language: str) -> str:
    """ "12 March" / «12 марта»."""
    return str(_WORDS[language]["day"]).format(
        day=day.day, month=_MONTHS_OF[language][day.month - 1]
    )


def title_text(year: int, language: str = "en") -> str:
    """The review's heading: "2025 in films" / «2025 год в кино»."""
    return str(_WORDS[language]["title"]).format(year=year)


# --- charts ------------------------------------------------------------------------------------

_BAR = "#2d5f8a"
_AXIS = "#555555"
_DPI = 220


def _bar_chart(
    labels: Sequence[str],
    values: Sequence[int],
    width_mm: float,
    height_mm: float,
    empty: str,
    xlabel: str = "",
) -> bytes:
    """A bar chart as PNG bytes, sized to print at ``width_mm`` by ``height_mm``: each bar
    with its count above it, whole numbers on the axis; ``empty`` written across it when every
    value is zero."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=_DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(labels)))
    bars = axes.bar(positions, values, color=_BAR, width=0.7)
    axes.set_xticks(positions, list(labels))
    if len(labels) < 6:  # a bar or two stay bars, in the middle, not blocks across the chart
        room = (6 - len(labels)) / 2
        axes.set_xlim(-0.5 - room, len(labels) - 0.5 + room)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    highest = max(values, default=0)
    axes.set_ylim(0, max(highest * 1.18, 1))
    if highest:
        shown = [str(v) if v else "" for v in values]
        axes.bar_label(bars, labels=shown, padding=1.5, fontsize=7.5, color="#222222")
    else:
        axes.text(0.5, 0.55, empty, transform=axes.transAxes, ha="center", va="center",
                  fontsize=8, color=_AXIS)  # fmt: skip
    if xlabel:
        axes.set_xlabel(xlabel, fontsize=8, color=_AXIS)
    axes.tick_params(labelsize=8, colors=_AXIS, length=2)
    if len(labels) > 8 and max((len(label) for label in labels), default=0) > 4:
        for label in axes.get_xticklabels():
            label.set_rotation(45)
            label.set_horizontalalignment("right")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color("#999999")
    axes.grid(axis="y", color="#e4e4e4", linewidth=0.6)
    axes.set_axisbelow(True)
    figure.tight_layout(pad=0.4)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=_DPI)
    return out.getvalue()


def _every_decade(by_decade: dict[str, int]) -> dict[str, int]:
    """``by_decade`` with the decades between its first and last that have no films (as 0),
    so the chart's axis reads as time."""
    if not by_decade:
        return {}
    first, last = (int(key[:-1]) for key in (min(by_decade), max(by_decade)))
    return {f"{d}s": by_decade.get(f"{d}s", 0) for d in range(first, last + 10, 10)}


def _half_star_label(key: str) -> str:
    whole, half = divmod(round(float(key) * 2), 2)
    return (str(whole) if whole else "") + ("½" if half else "")


# --- the PDF -----------------------------------------------------------------------------------

_INK = (30, 30, 30)
_GREY = (105, 105, 105)
_LIGHT = (235, 240, 245)
_RULE = (205, 205, 205)
_ACCENT = (45, 95, 138)


def _pdf(title: str, page: str) -> Any:
    return a4_document(title, lambda number: page.format(title=title, page=number, pages="{nb}"))


def _heading(pdf: Any, text: str, keep: float = 20) -> None:
    """A section's heading, on a new page when less than ``keep`` mm would follow it."""
    if pdf.will_page_break(9 + keep):
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font("DejaVu", "B", 12)
    pdf.set_text_color(*_ACCENT)
    pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*_ACCENT)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(2)


def _figures(pdf: Any, stats: Statistics, language: str) -> None:
    words = _WORDS[language]
    boxes = [
        (stats.watched, "films_watched"),
        (stats.viewings, "viewings"),
        (stats.rewatches, "rewatches"),
        (stats.hours, "hours"),
        (stats.never_watched, "never_watched"),
    ]
    gap = 3.0
    width = (pdf.w - pdf.l_margin - pdf.r_margin - gap * (len(boxes) - 1)) / len(boxes)
    top = pdf.get_y()
    for index, (value, key) in enumerate(boxes):
        x = pdf.l_margin + index * (width + gap)
        pdf.set_fill_color(*_LIGHT)
        pdf.rect(x, top, width, 24, style="F", round_corners=True, corner_radius=1.5)
        pdf.set_xy(x, top + 2.5)
        pdf.set_font("DejaVu", "B", 17)
        pdf.set_text_color(*_INK)
        pdf.cell(width, 9, number_text(value, language), align="C")
        pdf.set_xy(x + 1, top + 12.5)
        pdf.set_font("DejaVu", "", 7.5)
        pdf.set_text_color(*_GREY)
        pdf.multi_cell(width - 2, 3.6, plural(value, words[key], language), align="C")
    pdf.set_xy(pdf.l_margin, top + 24 + 3)
    busiest = max(stats.by_month.items(), key=lambda item: item[1], default=("", 0))
    if busiest[1]:
        month = _MONTHS[language][int(busiest[0][5:7]) - 1]
        count = f"{busiest[1]} {plural(busiest[1], words['viewings_short'], language)}"
        pdf.set_font("DejaVu", "", 9.5)
        pdf.set_text_color(*_INK)
        pdf.cell(0, 5, str(words["busiest"]).format(month=month, count=count),
                 new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    if stats.no_runtime:
        # Hours leave out the films without a runtime: say how many viewings that was.
        count = f"{stats.no_runtime} {plural(stats.no_runtime, words['viewings_short'], language)}"
        pdf.set_font("DejaVu", "", 8.5)
        pdf.set_text_color(*_GREY)
        pdf.cell(0, 5, str(words["no_runtime"]).format(count=count),
                 new_x="LMARGIN", new_y="NEXT")  # fmt: skip


def _charts(pdf: Any, stats: Statistics, language: str) -> None:
    words = _WORDS[language]
    full = pdf.w - pdf.l_margin - pdf.r_margin
    _heading(pdf, str(words["per_month"]), keep=52)
    months = _bar_chart(_MONTHS_SHORT[language], list(stats.by_month.values()), full, 50, "")
    pdf.image(io.BytesIO(months), x=pdf.l_margin, y=pdf.get_y(), w=full, h=50)
    pdf.set_y(pdf.get_y() + 50)

    half = (full - 8) / 2
    if pdf.will_page_break(9 + 9 + 55):
        pdf.add_page()
    top = pdf.get_y()
    decades = _every_decade(stats.by_decade)
    charts = [
        (
            str(words["ratings"]),
            _bar_chart(
                [_half_star_label(key) for key in HALF_STARS],
                [stats.ratings[key] for key in HALF_STARS],
                half, 55, str(words["no_ratings"]), str(words["stars"]),
            ),
        ),
        (
            str(words["by_decade"]),
            _bar_chart(
                [str(words["decade"]).format(decade=key[:-1]) for key in decades],
                list(decades.values()),
                half, 55, str(words["no_years"]),
            ),
        ),
    ]  # fmt: skip
    for index, (heading, png) in enumerate(charts):
        x = pdf.l_margin + index * (half + 8)
        pdf.set_xy(x, top + 3)
        pdf.set_font("DejaVu", "B", 12)
        pdf.set_text_color(*_ACCENT)
        pdf.cell(half, 6, heading)
        pdf.set_draw_color(*_ACCENT)
        pdf.line(x, top + 9, x + half, top + 9)
        pdf.image(io.BytesIO(png), x=x, y=top + 11, w=half, h=55)
    pdf.set_xy(pdf.l_margin, top + 11 + 55)


def _tops(pdf: Any, stats: Statistics, language: str) -> None:
    words = _WORDS[language]
    columns: list[tuple[str, tuple[NameCount, ...]]] = [
        (str(words["directors"]), stats.top_directors),
        (str(words["countries"]), stats.top_countries),
        (str(words["tags"]), stats.top_tags),
    ]
    rows = max(1, *(len(names) for _, names in columns))
    height = 9 + 3 + rows * 5
    if pdf.will_page_break(height + 3):
        pdf.add_page()
    gap = 6.0
    width = (pdf.w - pdf.l_margin - pdf.r_margin - 2 * gap) / 3
    top = pdf.get_y() + 3
    for index, (heading, names) in enumerate(columns):
        x = pdf.l_margin + index * (width + gap)
        pdf.set_xy(x, top)
        pdf.set_font("DejaVu", "B", 12)
        pdf.set_text_color(*_ACCENT)
        pdf.cell(width - 25, 6, heading)
        pdf.set_font("DejaVu", "", 7.5)
        pdf.set_text_color(*_GREY)
        pdf.cell(25, 6, str(words["column"]), align="R")
        pdf.set_draw_color(*_ACCENT)
        pdf.line(x, top + 6, x + width, top + 6)
        y = top + 8
        if not names:
            pdf.set_xy(x, y)
            pdf.set_font("DejaVu", "", 9)
            pdf.set_text_color(*_GREY)
            pdf.cell(width, 5, str(words["none"]))
        for entry in names:
            pdf.set_xy(x, y)
            pdf.set_font("DejaVu", "", 9)
            pdf.set_text_color(*_INK)
            count = str(entry.viewings)
            name_width = width - 10
            pdf.cell(name_width, 5, _shortened(pdf, entry.name, name_width))
            pdf.set_text_color(*_GREY)
            pdf.cell(10, 5, count, align="R")
            y += 5
    pdf.set_xy(pdf.l_margin, top + 8 + rows * 5)


def _shortened(pdf: Any, text: str, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` mm in the current font."""
    if pdf.get_string_width(text) <= width - 1:
        return text
    while text and pdf.get_string_width(text + "…") > width - 1:
        text = text[:-1]
    return text.rstrip() + "…"


def _highest(pdf: Any, stats: Statistics, language: str) -> None:
    if not stats.highest_rated:
        return
    # Ten lines at most: kept on one page with their heading.
    _heading(pdf, str(_WORDS[language]["highest"]), keep=len(stats.highest_rated) * 5.2)
    full = pdf.w - pdf.l_margin - pdf.r_margin
    for number, film in enumerate(stats.highest_rated, start=1):
        pdf.set_font("DejaVu", "", 9.5)
        pdf.set_text_color(*_GREY)
        pdf.cell(8, 5.2, f"{number}.", align="R")
        pdf.set_text_color(*_INK)
        title = film.title + (f" ({film.year})" if film.year else "")
        pdf.cell(full - 8 - 28, 5.2, _shortened(pdf, "  " + title, full - 8 - 28))
        pdf.set_text_color(184, 134, 11)
        pdf.cell(28, 5.2, stars_text(film.rating), align="R", new_x="LMARGIN", new_y="NEXT")


# Columns of the list of viewings: day (as wide as the longest), title (with the film's year),
# rating, rewatch.
_STARS_W, _MARK_W = 24.0, 22.0
_ROW_H = 5.6


def _diary(pdf: Any, viewings: Sequence[YearViewing], language: str) -> None:
    words = _WORDS[language]
    full = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("DejaVu", "", 9)
    day_w = 3 + max(
        pdf.get_string_width(day_text(date(2000, m, 28), language)) for m in range(1, 13)
    )
    title_w = full - day_w - _STARS_W - _MARK_W
    # The heading with the first month's name and a few of its films (not one, alone).
    _heading(pdf, str(words["diary"]), keep=8 + _ROW_H * min(3, len(viewings)))
    month = 0
    for index, viewing in enumerate(viewings):
        if viewing.watched_on.month != month:
            month = viewing.watched_on.month
            # A month's name stays with its first film.
            if pdf.will_page_break(8 + _ROW_H):
                pdf.add_page()
            _month_heading(pdf, month, language)
        elif pdf.will_page_break(_ROW_H):
            pdf.add_page()  # the month goes on: its name again, so the page says which
            _month_heading(pdf, month, language, str(words["continued"]))
        if index % 2:
            pdf.set_fill_color(246, 246, 246)
            pdf.rect(pdf.l_margin, pdf.get_y(), full, _ROW_H, style="F")
        pdf.set_font("DejaVu", "", 9)
        pdf.set_text_color(*_GREY)
        pdf.cell(day_w, _ROW_H, day_text(viewing.watched_on, language))
        pdf.set_text_color(*_INK)
        film = viewing.title + (f" ({viewing.year})" if viewing.year else "")
        pdf.cell(title_w, _ROW_H, _shortened(pdf, film, title_w))
        pdf.set_text_color(184, 134, 11)
        pdf.cell(_STARS_W, _ROW_H, stars_text(viewing.rating))
        pdf.set_text_color(*_GREY)
        pdf.set_font("DejaVu", "", 8)
        pdf.cell(_MARK_W, _ROW_H, str(words["rewatch"]) if viewing.rewatch else "",
                 align="R", new_x="LMARGIN", new_y="NEXT")  # fmt: skip


def _month_heading(pdf: Any, month: int, language: str, after: str = "") -> None:
    pdf.ln(1.5)
    pdf.set_font("DejaVu", "B", 10)
    pdf.set_text_color(*_INK)
    name = _MONTHS[language][month - 1]
    text = name[:1].upper() + name[1:] + (f" ({after})" if after else "")
    pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")


def render_review_pdf(
    stats: Statistics,
    viewings: Sequence[YearViewing],
    language: str = "en",
    on: date | None = None,
) -> bytes:
    """The year in review of ``stats`` (one year's) and that year's ``viewings`` in order, as
    an A4 PDF in ``language`` (en or ru)."""
    if language not in LANGUAGES:
        raise ValueError(f"language: {language!r} is not one of {', '.join(LANGUAGES)}")
    if stats.year is None:
        raise ValueError("a year in review needs the statistics of one year")
    words = _WORDS[language]
    title = title_text(stats.year, language)
    pdf = _pdf(title, str(words["page"]))
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 24)
    pdf.set_text_color(*_INK)
    pdf.cell(0, 12, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9.5)
    pdf.set_text_color(*_GREY)
    printed = on or date.today()
    day = f"{day_text(printed, language)} {printed.year}"
    pdf.cell(0, 6, str(words["subtitle"]).format(day=day), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    if not viewings:
        pdf.ln(6)
        pdf.set_font("DejaVu", "", 12)
        pdf.set_text_color(*_INK)
        pdf.multi_cell(0, 7, str(words["nothing"]).format(year=stats.year), align="L")
        return bytes(pdf.output())
    _figures(pdf, stats, language)
    _charts(pdf, stats, language)
    _tops(pdf, stats, language)
    _highest(pdf, stats, language)
    _diary(pdf, viewings, language)
    return bytes(pdf.output())


def export_review(path: Path, catalog: Catalog, year: int, language: str = "en") -> int:
    """Write ``year``'s review of ``catalog`` as a PDF (atomically); returns how many films
    were watched in it. ValueError for a year outside 1..9999 or an unknown language."""
    if language not in LANGUAGES:
        raise ValueError(f"language: {language!r} is not one of {', '.join(LANGUAGES)}")
    stats = catalog.stats.compute(year=year)
    data = render_review_pdf(stats, catalog.stats.viewings_in(year), language)
    with replaced_atomically(Path(path), binary=True) as out:
        out.write(data)
    return stats.watched
