"""The printable catalog: HTML and PDF of the chosen films, Cyrillic included."""

from __future__ import annotations

import re
from pathlib import Path

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange.printable import export_pdf, render_html, render_pdf


def test_html_lists_the_films_in_order_with_their_fields(catalog: Catalog) -> None:
    cranes = catalog.films.resolve("The Cranes Are Flying")
    catalog.films.edit(cranes.id, {"rating": 4.5, "watched_on": "2026-11-01", "notes": "a <b>\nc"})
    films = catalog.films.search("year:1957..1959", sort="year")
    page = render_html(films, "Club <list>")
    assert "<h1>Club &lt;list&gt;</h1>" in page and "3 films" in page
    positions = [page.index(f.title) for f in films]
    assert positions == sorted(positions)
    assert "Летят журавли" in page and "★★★★½" in page and "2026-11-01" in page
    assert "a &lt;b&gt;<br>c" in page


def test_pdf_has_numbered_pages_and_an_embedded_cyrillic_font(
    catalog: Catalog, tmp_path: Path
) -> None:
    for number in range(60):
        catalog.films.add({"title": f"Фильм номер {number}", "year": 1960, "notes": "заметка"})
    data = render_pdf(catalog.films.search(), "Каталог")
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert pages >= 2
    assert b"DejaVu" in data  # the font travels with the file
    out = tmp_path / "catalog.pdf"
    assert export_pdf(out, catalog.films.search(), "Каталог") == 70
    assert out.read_bytes()[:4] == b"%PDF"
