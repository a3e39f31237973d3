"""The handout of a screening list: what a teacher prints for a class, as PDF or HTML.

The list's title, audience and description, then one block per film in the list's order: its
number, date and time, title and original title, year · director · runtime, description,
"Did you know?" fact, the teacher's note (highlighted), and optionally ruled lines for the
students' own notes. Descriptions, facts and notes can each be left out. "With posters", each
film's poster stands small at the right of its block (a film without one leaves that space
empty, so every film's text lines up the same).

The PDF (A4) numbers its pages, keeps each film's block on one page where it fits, and embeds
DejaVu Sans, so Cyrillic prints correctly. fpdf2 is imported only when a PDF is made (it
brings Pillow and fontTools along), as in ``printable.py``.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filmdesk.core.exchange.pdf_pages import a4_document
from filmdesk.core.exchange.textfile import replaced_atomically
from filmdesk.core.records import ListEntryRecord, ScreeningListRecord

if TYPE_CHECKING:
    from fpdf import FPDF

MAX_STUDENT_LINES = 30
LANGUAGES = ("en", "ru")

# The handout's own words, in the languages of filmdesk's interface (the handout is printed
# for a class, so it speaks the teacher's language; the catalog's texts stay as they are).
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "for": "For {audience}",
        "fact": "Did you know?",
        "note": "Teacher’s note",
        "lines": "Your notes",
        "page": "{heading} · page {page} of {pages}",
        "unknown": "runtime unknown for {count}",
        "hours": "{hours} h {minutes} min",
        "whole_hours": "{hours} h",
        "minutes": "{minutes} min",
        "day": "{weekday} {day} {month} {year}",
    },
    "ru": {
        "for": "Аудитория: {audience}",
        "fact": "Знаете ли вы?",
        "note": "Заметка учителя",
        "lines": "Ваши заметки",
        "page": "{heading} · стр. {page} из {pages}",
        "unknown": "длительность неизвестна: {count}",
        "hours": "{hours} ч {minutes} мин",
        "whole_hours": "{hours} ч",
        "minutes": "{minutes} мин",
        "day": "{weekday}, {day} {month} {year} г.",
    },
}
_DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
}
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
}  # fmt: skip


def _films(count: int, language: str) -> str:
    if language == "ru":
        tens, ones = count % 100, count % 10
        if ones == 1 and tens != 11:
            word = "фильм"
        elif 2 <= ones <= 4 and not 12 <= tens <= 14:
            word = "фильма"
        else:
            word = "фильмов"
        return f"{count} {word}"
    return f"{count} film{'s' if count != 1 else ''}"


def _runtime(minutes: int, language: str) -> str:
    words = _WORDS[language]
    hours, rest = divmod(minutes, 60)
    if not hours:
        return words["minutes"].format(minutes=rest)
    if not rest:
        return words["whole_hours"].format(hours=hours)
    return words["hours"].format(hours=hours, minutes=rest)


@dataclass(frozen=True)
class HandoutOptions:
    """What a handout shows besides each film's number, date, title, year, director and
    runtime. ``student_lines`` ruled lines (0-30) are left under each film for notes;
    ``language`` (en or ru) is the language of the handout's own words and dates."""

    descriptions: bool = True
    facts: bool = True
    notes: bool = True
    student_lines: int = 0
    language: str = "en"

    def __post_init__(self) -> None:
        if not 0 <= self.student_lines <= MAX_STUDENT_LINES:
            raise ValueError(
                f"student_lines: {self.student_lines} is outside 0..{MAX_STUDENT_LINES}"
            )
        if self.language not in LANGUAGES:
            raise ValueError(f"language: {self.language!r} is not one of {', '.join(LANGUAGES)}")

    def words(self, key: str) -> str:
        """One of the handout's own words or phrases, in its language."""
        return _WORDS[self.language][key]


def when_text(entry: ListEntryRecord, language: str = "en") -> str:
    """The entry's date (and time) for people: "Tuesday 1 December 2026, 10:30" (or
    "вторник, 1 декабря 2026 г., 10:30"), or "" when it has no date."""
    at = entry.scheduled_at
    if at is None:
        return ""
    day = _WORDS[language]["day"].format(
        weekday=_DAYS[language][at.weekday()],
        day=at.day,
        month=_MONTHS[language][at.month - 1],
        year=at.year,
    )
    return f"{day}, {at:%H:%M}" if entry.has_time else day


def details_text(entry: ListEntryRecord, language: str = "en") -> str:
    """Year · directors · runtime, whichever are known."""
    film = entry.film
    parts = [str(film.year) if film.year else "", ", ".join(film.directors)]
    parts.append(_runtime(film.runtime_minutes, language) if film.runtime_minutes else "")
    return " · ".join(p for p in parts if p)


def summary_text(screening_list: ScreeningListRecord, language: str = "en") -> str:
    """How many films and how long in all: "3 films · 5 h 41 min"."""
    text = _films(screening_list.film_count, language)
    if screening_list.runtime_minutes:
        text += f" · {_runtime(screening_list.runtime_minutes, language)}"
        if screening_list.unknown_runtimes:
            unknown = _WORDS[language]["unknown"].format(count=screening_list.unknown_runtimes)
            text += f" ({unknown})"
    return text


def _write(path: Path, data: bytes) -> None:
    with replaced_atomically(Path(path), binary=True) as out:
        out.write(data)


# --- HTML -------------------------------------------------------------------------------------


def _paragraphs(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.splitlines())


def render_handout_html(
    screening_list: ScreeningListRecord,
    options: HandoutOptions | None = None,
    posters: Mapping[int, bytes] | None = None,
) -> str:
    """The handout as a self-contained HTML page (print it from a browser); ``posters``
    (film id -> a small JPEG) puts each film's poster beside it."""
    show = options or HandoutOptions()
    lang = show.language
    blocks = []
    for entry in screening_list.entries:
        film = entry.film
        parts = [f'<div class="num">{entry.position}</div><div class="body">']
        if entry.scheduled_at is not None:
            parts.append(f'<p class="when">{html.escape(when_text(entry, lang))}</p>')
        original = (
            f' <span class="orig">({html.escape(film.original_title)})</span>'
            if film.original_title and film.original_title != film.title
            else ""
        )
        parts.append(f"<h2>{html.escape(film.title)}{original}</h2>")
        if details_text(entry, lang):
            parts.append(f'<p class="meta">{html.escape(details_text(entry, lang))}</p>')
        if show.descriptions and film.description:
            parts.append(f'<p class="desc">{_paragraphs(film.description)}</p>')
        if show.facts and film.fact:
            fact = html.escape(show.words("fact"))
            parts.append(f'<p class="fact"><b>{fact}</b> {_paragraphs(film.fact)}</p>')
        if show.notes and entry.note:
            parts.append(
                f'<div class="note"><b>{html.escape(show.words("note"))}</b><br>'
                f"{_paragraphs(entry.note)}</div>"
            )
        if show.student_lines:
            parts.append(
                f'<div class="lines"><span>{html.escape(show.words("lines"))}</span>'
                + "<div></div>" * show.student_lines
                + "</div>"
            )
        parts.append("</div>")
        if posters is not None:
            parts.append(_poster_html(posters.get(film.id)))
        blocks.append(f'<article class="entry">{"".join(parts)}</article>')
    title = html.escape(screening_list.name)
    audience = (
        '<p class="audience">'
        f"{html.escape(show.words('for').format(audience=screening_list.audience))}</p>"
        if screening_list.audience
        else ""
    )
    description = (
        f'<p class="intro">{_paragraphs(screening_list.description)}</p>'
        if screening_list.description
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<style>
@page {{ size: A4; margin: 18mm; }}
body {{ font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 10.5pt;
        color: #1e1e1e; margin: 2em auto; max-width: 46em; line-height: 1.4; }}
@media print {{ body {{ margin: 0; max-width: none; }} }}
h1 {{ font-size: 20pt; margin: 0; }}
p.audience {{ font-size: 12pt; color: #555; margin: 2px 0 0; }}
p.summary {{ font-size: 9pt; color: #777; margin: 2px 0 10px; }}
p.intro {{ margin: 8px 0 14px; }}
article.entry {{ display: flex; gap: 10px; border-top: 1px solid #ccc; padding: 10px 0;
                 break-inside: avoid; page-break-inside: avoid; }}
div.num {{ flex: 0 0 2em; height: 1.7em; line-height: 1.7em; text-align: center;
           background: #2d3e50; color: white; font-weight: bold; border-radius: 4px; }}
div.body {{ flex: 1; }}
div.poster {{ flex: 0 0 22mm; }} div.poster img {{ width: 22mm; display: block; }}
p.when {{ font-size: 8.5pt; font-weight: bold; color: #666; text-transform: uppercase;
          letter-spacing: 0.04em; margin: 0; }}
h2 {{ font-size: 13pt; margin: 1px 0 0; }}
span.orig {{ font-weight: normal; color: #666; font-size: 11pt; }}
p.meta {{ color: #666; font-size: 9.5pt; margin: 1px 0 4px; }}
p.desc {{ margin: 4px 0; }}
p.fact {{ font-size: 9.5pt; margin: 4px 0; }} p.fact b {{ color: #8c5a00; }}
div.note {{ background: #fff6d6; border-left: 4px solid #e6aa28; padding: 5px 8px;
            margin: 6px 0; }}
div.note b {{ color: #8c5a00; font-size: 8.5pt; text-transform: uppercase; }}
div.lines span {{ font-size: 8pt; color: #999; }}
div.lines div {{ border-bottom: 1px solid #bbb; height: 8mm; }}
</style></head><body>
<h1>{title}</h1>{audience}
<p class="summary">{html.escape(summary_text(screening_list, lang))}</p>{description}
{chr(10).join(blocks)}
</body></html>
"""


def _poster_html(data: bytes | None) -> str:
    """A film's poster as an image inside the page (an empty box when it has none)."""
    if data is None:
        return '<div class="poster"></div>'
    source = base64.b64encode(data).decode("ascii")
    return f'<div class="poster"><img alt="" src="data:image/jpeg;base64,{source}"></div>'


def export_handout_html(
    path: Path,
    screening_list: ScreeningListRecord,
    options: HandoutOptions | None = None,
    posters: Mapping[int, bytes] | None = None,
) -> int:
    """Write the HTML handout (atomically); returns the number of films."""
    _write(Path(path), render_handout_html(screening_list, options, posters).encode("utf-8"))
    return screening_list.film_count


# --- PDF --------------------------------------------------------------------------------------

_INK = (30, 30, 30)
_GREY = (105, 105, 105)
_BADGE = (45, 62, 80)
_BROWN = (140, 90, 0)
_NOTE_FILL = (255, 246, 214)
_NOTE_BAR = (230, 170, 40)
_RULE = (200, 200, 200)
_GUTTER = 13.0  # mm left of each film's text, for its number
_POSTER_W, _POSTER_H = 22.0, 33.0  # mm: the box a poster fits in, at the right of its film
_POSTER_GAP = 5.0  # mm between a film's text and its poster


def _pdf(heading: str, page: str) -> FPDF:
    return a4_document(
        heading, lambda number: page.format(heading=heading, page=number, pages="{nb}")
    )


def _block(pdf: Any, width: float, height: float, text: str) -> None:
    """Wrapped text from the current x, then on at the left margin of the next line."""
    from fpdf.enums import XPos, YPos

    pdf.multi_cell(width, height, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _entry(
    pdf: Any,
    entry: ListEntryRecord,
    show: HandoutOptions,
    width: float,
    rule: bool,
    posters: Mapping[int, bytes] | None = None,
) -> None:
    """One film's block, drawn through ``pdf`` (an FPDF, or a recorder measuring it), under a
    thin rule if ``rule``; with ``posters``, the film's poster at its right (the text leaves
    that room whether or not the film has one)."""
    film = entry.film
    left = pdf.l_margin
    right = pdf.r_margin
    column = left + _GUTTER
    beside = _POSTER_W + _POSTER_GAP if posters is not None else 0.0
    inner = width - _GUTTER - beside
    top = pdf.get_y()
    if rule:
        pdf.set_draw_color(*_RULE)
        pdf.line(left, top, left + width, top)
    pdf.set_y(top + 3)
    badge_y = pdf.get_y()
    pdf.set_fill_color(*_BADGE)
    pdf.rect(left, badge_y, 9, 7, style="F", round_corners=True, corner_radius=1.2)
    pdf.set_xy(left, badge_y)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(9, 7, str(entry.position), align="C")
    poster = None if posters is None else posters.get(film.id)
    poster_h = 0.0
    if poster is not None:
        # Top-aligned with the film's number and flush right (fpdf2 would centre it in
        # the box, leaving a wide picture floating half-way down).
        poster_w, poster_h = fitted(poster, _POSTER_W, _POSTER_H)
        pdf.image(io.BytesIO(poster), x=left + width - poster_w, y=badge_y, w=poster_w, h=poster_h)
    pdf.set_right_margin(right + beside)  # (``write`` wraps at the right margin)
    pdf.set_left_margin(column)
    pdf.set_xy(column, badge_y)
    if entry.scheduled_at is not None:
        pdf.set_font("DejaVu", "B", 8.5)
        pdf.set_text_color(*_GREY)
        _block(pdf, inner, 4.5, when_text(entry, show.language).upper())
    pdf.set_text_color(*_INK)
    pdf.set_font("DejaVu", "B", 13)
    pdf.write(6.5, film.title)
    if film.original_title and film.original_title != film.title:
        pdf.set_font("DejaVu", "", 11)
        pdf.set_text_color(*_GREY)
        pdf.write(6.5, f"  ({film.original_title})")
    pdf.ln(7)
    if details_text(entry, show.language):
        pdf.set_font("DejaVu", "", 9.5)
        pdf.set_text_color(*_GREY)
        _block(pdf, inner, 5, details_text(entry, show.language))
    if show.descriptions and film.description:
        pdf.ln(1)
        pdf.set_font("DejaVu", "", 10)
        pdf.set_text_color(*_INK)
        _block(pdf, inner, 5, film.description)
    if show.facts and film.fact:
        pdf.ln(1.5)
        pdf.set_font("DejaVu", "B", 9.5)
        pdf.set_text_color(*_BROWN)
        pdf.write(4.8, show.words("fact") + " ")
        pdf.set_font("DejaVu", "", 9.5)
        pdf.set_text_color(*_INK)
        pdf.write(4.8, film.fact)
        pdf.ln(5.5)
    if show.notes and entry.note:
        _note(pdf, entry.note, show.words("note").upper(), column, inner)
    if show.student_lines:
        pdf.ln(1.5)
        pdf.set_font("DejaVu", "", 7.5)
        pdf.set_text_color(*_GREY)
        pdf.cell(inner, 4, show.words("lines"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*_RULE)
        for _ in range(show.student_lines):
            y = pdf.get_y() + 8
            pdf.line(column, y, column + inner, y)
            pdf.set_y(y)
    pdf.set_left_margin(left)
    pdf.set_right_margin(right)
    pdf.set_x(left)
    # Ruled lines end a block clearly already; a rule under them would double them.
    bottom = badge_y + max(poster_h, 7)
    pdf.set_y(max(pdf.get_y(), bottom) + (8 if show.student_lines else 4))


def fitted(data: bytes, box_w: float, box_h: float) -> tuple[float, float]:
    """The size of picture ``data`` (its own aspect) fitted into a box of ``box_w`` by
    ``box_h``."""
    from filmdesk.core.posters.images import image_size

    width, height = image_size(data)
    scale = min(box_w / width, box_h / height)
    return width * scale, height * scale


def _note(pdf: Any, text: str, label: str, column: float, inner: float) -> None:
    pdf.ln(1.5)
    pdf.set_font("DejaVu", "", 9.5)
    lines = pdf.multi_cell(inner - 7, 4.8, text, align="L", dry_run=True, output="LINES")
    height = 4.5 + 4.8 * len(lines) + 4
    top = pdf.get_y()
    pdf.set_fill_color(*_NOTE_FILL)
    pdf.rect(column, top, inner, height, style="F")
    pdf.set_fill_color(*_NOTE_BAR)
    pdf.rect(column, top, 1.3, height, style="F")
    pdf.set_xy(column + 4.5, top + 2)
    pdf.set_font("DejaVu", "B", 7.5)
    pdf.set_text_color(*_BROWN)
    pdf.cell(inner - 7, 4.5, label, new_x="LEFT", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9.5)
    pdf.set_text_color(*_INK)
    pdf.multi_cell(inner - 7, 4.8, text, align="L", new_x="LEFT", new_y="NEXT")
    pdf.set_xy(column, max(pdf.get_y(), top + height) + 1.5)


def render_handout_pdf(
    screening_list: ScreeningListRecord,
    options: HandoutOptions | None = None,
    posters: Mapping[int, bytes] | None = None,
) -> bytes:
    """The handout as an A4 PDF: heading, then one block per film, pages numbered;
    ``posters`` (film id -> a small JPEG) puts each film's poster at its right."""
    show = options or HandoutOptions()
    pdf = _pdf(screening_list.name, show.words("page"))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_text_color(*_INK)
    pdf.set_font("DejaVu", "B", 20)
    _block(pdf, width, 9, screening_list.name)
    if screening_list.audience:
        pdf.set_font("DejaVu", "", 12)
        pdf.set_text_color(*_GREY)
        _block(pdf, width, 6.5, show.words("for").format(audience=screening_list.audience))
    pdf.set_font("DejaVu", "", 9)
    pdf.set_text_color(*_GREY)
    _block(pdf, width, 5.5, summary_text(screening_list, show.language))
    if screening_list.description:
        pdf.ln(2)
        pdf.set_font("DejaVu", "", 10.5)
        pdf.set_text_color(*_INK)
        _block(pdf, width, 5.3, screening_list.description)
    pdf.ln(4)
    for entry in screening_list.entries:
        # Keep a film's block on one page: measure it first, and start a new page when it
        # would be split (unless it is longer than a page anyway).
        rule = not show.student_lines
        with pdf.offset_rendering() as trial:
            _entry(trial, entry, show, width, rule, posters)
        # (A poster is no text: it never breaks a page itself, so its height is asked for.)
        too_tall = posters is not None and entry.film.id in posters
        too_tall = too_tall and pdf.will_page_break(3 + _POSTER_H + 1)
        if (trial.page_break_triggered or too_tall) and pdf.get_y() > pdf.t_margin + 1:
            pdf.add_page()
        _entry(pdf, entry, show, width, rule and pdf.get_y() > pdf.t_margin + 1, posters)
    return bytes(pdf.output())


def export_handout_pdf(
    path: Path,
    screening_list: ScreeningListRecord,
    options: HandoutOptions | None = None,
    posters: Mapping[int, bytes] | None = None,
) -> int:
    """Write the PDF handout (atomically); returns the number of films."""
    _write(Path(path), render_handout_pdf(screening_list, options, posters))
    return screening_list.film_count


__all__ = [
    "HandoutOptions",
    "export_handout_html",
    "export_handout_pdf",
    "render_handout_html",
    "render_handout_pdf",
    "summary_text",
    "when_text",
]
