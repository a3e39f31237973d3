"""The printable catalog: chosen films as HTML or as a paginated PDF a teacher can print.

Each film: title, original title, year, director, rating, watched, notes. A heading and the
date on top; the PDF numbers its pages and embeds DejaVu Sans, so Cyrillic prints correctly.
"With posters", each film's poster stands small at its left (a film without one leaves the
space empty, so the titles line up).
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from filmdesk.core.exchange.handout import fitted
from filmdesk.core.exchange.textfile import replaced_atomically
from filmdesk.core.records import FilmRecord
from filmdesk.paths import shipped_file


def _stars(rating: float | None) -> str:
    if rating is None:
        return ""
    whole = int(rating)
    return "★" * whole + ("½" if rating - whole else "")


def _write(path: Path, data: bytes) -> None:
    with replaced_atomically(Path(path), binary=True) as out:
        out.write(data)


def render_html(
    films: Sequence[FilmRecord],
    title: str,
    on: date | None = None,
    posters: Mapping[int, bytes] | None = None,
) -> str:
    """The catalog as a self-contained HTML page (print it from a browser); ``posters``
    (film id -> a small JPEG) adds a column of them."""
    day = (on or date.today()).isoformat()
    count = f"{len(films)} film{'s' if len(films) != 1 else ''}"
    rows = []
    for film in films:
        watched = ""
        if film.watched:
            watched = film.watched_on.isoformat() if film.watched_on else "yes"
        notes = html.escape(film.notes).replace("\n", "<br>")
        picture = ""
        if posters is not None:
            data = posters.get(film.id)
            source = base64.b64encode(data).decode("ascii") if data else ""
            image = f'<img alt="" src="data:image/jpeg;base64,{source}">' if data else ""
            picture = f'<td class="p">{image}</td>'
        rows.append(
            f"<tr>{picture}"
            f"<td><b>{html.escape(film.title)}</b>"
            + (f"<br><i>{html.escape(film.original_title)}</i>" if film.original_title else "")
            + f"</td><td>{film.year or ''}</td>"
            f"<td>{html.escape(', '.join(film.directors))}</td>"
            f"<td class=r>{_stars(film.rating)}</td><td>{watched}</td><td>{notes}</td></tr>"
        )
    poster_heading = "<th></th>" if posters is not None else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ font-family: "DejaVu Sans", sans-serif; font-size: 10pt; margin: 2em; }}
h1 {{ font-size: 16pt; margin-bottom: 0; }} p.date {{ color: #555; margin-top: 2px; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border-bottom: 1px solid #ccc; padding: 4px 6px; text-align: left;
          vertical-align: top; }}
th {{ border-bottom: 2px solid #333; }} td.r {{ color: #b8860b; white-space: nowrap; }}
tr {{ page-break-inside: avoid; }} td.p {{ width: 14mm; }} td.p img {{ width: 14mm; }}
</style></head><body>
<h1>{html.escape(title)}</h1><p class="date">{day} · {count}</p>
<table><thead><tr>{poster_heading}<th>Title</th><th>Year</th><th>Director</th><th>Rating</th><th>Watched</th>
<th>Notes</th></tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""


def export_html(
    path: Path,
    films: Sequence[FilmRecord],
    title: str,
    posters: Mapping[int, bytes] | None = None,
) -> int:
    """Write the HTML catalog (atomically); with ``posters``, see ``render_html``."""
    _write(Path(path), render_html(films, title, posters=posters).encode("utf-8"))
    return len(films)


class _Pdf(FPDF):
    heading = ""

    def block(self, width: float, height: float, text: str) -> None:
        """Wrapped text, then on at the left margin of the next line."""
        self.multi_cell(width, height, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", size=8)
        self.set_text_color(110)
        self.cell(0, 6, f"{self.heading} · page {self.page_no()}/{{nb}}", align="C")


_POSTER_W, _POSTER_H = 14.0, 21.0  # mm: the box a poster fits in, at the left of its film
_POSTER_GAP = 4.0


def render_pdf(
    films: Sequence[FilmRecord],
    title: str,
    on: date | None = None,
    posters: Mapping[int, bytes] | None = None,
) -> bytes:
    """The catalog as an A4 PDF: one block per film, pages numbered; ``posters`` (film id ->
    a small JPEG) puts each film's poster at its left."""
    pdf = _Pdf(format="A4")
    pdf.heading = title
    pdf.add_font("DejaVu", "", str(shipped_file("resources", "fonts", "DejaVuSans.ttf")))
    pdf.add_font("DejaVu", "B", str(shipped_file("resources", "fonts", "DejaVuSans-Bold.ttf")))
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.block(0, 8, title)
    pdf.set_font("DejaVu", size=9)
    pdf.set_text_color(90)
    count = f"{len(films)} film{'s' if len(films) != 1 else ''}"
    pdf.cell(0, 6, f"{(on or date.today()).isoformat()} · {count}")
    pdf.ln(9)
    left = pdf.l_margin
    full = pdf.w - pdf.l_margin - pdf.r_margin
    beside = _POSTER_W + _POSTER_GAP if posters is not None else 0.0
    width = full - beside
    for film in films:
        poster = None if posters is None else posters.get(film.id)
        if pdf.will_page_break(18 if poster is None else _POSTER_H + 4):
            pdf.add_page()
        pdf.set_draw_color(200)
        pdf.line(left, pdf.get_y(), left + full, pdf.get_y())
        pdf.ln(1.5)
        top = pdf.get_y()
        poster_h = 0.0
        if poster is not None:
            poster_w, poster_h = fitted(poster, _POSTER_W, _POSTER_H)
            pdf.image(io.BytesIO(poster), x=left, y=top + 0.5, w=poster_w, h=poster_h)
        pdf.set_left_margin(left + beside)
        pdf.set_x(left + beside)
        pdf.set_text_color(0)
        pdf.set_font("DejaVu", "B", 11)
        heading = film.title + (f" ({film.year})" if film.year else "")
        pdf.block(width, 5.5, heading)
        pdf.set_font("DejaVu", size=9)
        details = []
        if film.original_title:
            details.append(film.original_title)
        if film.directors:
            details.append(", ".join(film.directors))
        if film.rating is not None:
            details.append(f"rated {_stars(film.rating)} ({film.rating:g}/5)")
        if film.watched:
            details.append(
                f"watched {film.watched_on.isoformat()}" if film.watched_on else "watched"
            )
        if details:
            pdf.set_text_color(70)
            pdf.block(width, 4.8, "  ·  ".join(details))
        if film.notes:
            pdf.set_text_color(0)
            pdf.block(width, 4.8, film.notes)
        pdf.set_left_margin(left)
        pdf.set_x(left)
        pdf.set_y(max(pdf.get_y(), top + 0.5 + poster_h))
        pdf.ln(2)
    return bytes(pdf.output())


def export_pdf(
    path: Path,
    films: Sequence[FilmRecord],
    title: str,
    posters: Mapping[int, bytes] | None = None,
) -> int:
    """Write the PDF catalog (atomically); with ``posters``, see ``render_pdf``."""
    _write(Path(path), render_pdf(films, title, posters=posters))
    return len(films)
