"""The A4 page filmdesk's printouts share (the handout, the year in review): DejaVu Sans (so
Cyrillic prints), the margins, and a grey footer line on every page. fpdf2 is imported only
when a printout is made."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

FOOTER_GREY = (105, 105, 105)


def a4_document(title: str, footer: Callable[[int], str]) -> FPDF:
    """A new A4 document titled ``title``; ``footer(page number)`` is the footer's text, in
    which ``{nb}`` becomes the number of pages."""
    from fpdf import FPDF

    from filmdesk.paths import shipped_file

    class Document(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("DejaVu", size=8)
            self.set_text_color(*FOOTER_GREY)
            self.cell(0, 6, footer(self.page_no()), align="C")

    pdf = Document(format="A4")
    pdf.set_title(title)
    pdf.add_font("DejaVu", "", str(shipped_file("resources", "fonts", "DejaVuSans.ttf")))
    pdf.add_font("DejaVu", "B", str(shipped_file("resources", "fonts", "DejaVuSans-Bold.ttf")))
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.alias_nb_pages()
    return pdf
