"""The handout and the printable catalog "with posters": each film's poster beside it."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange.formats import (
    ExportOptions,
    FilmSelection,
    film_export,
    list_export,
)
from filmdesk.core.posters.images import prepare_poster


def images_in(pdf: Path) -> int:
    """How many pictures the PDF draws (poppler's pdfimages when there is one)."""
    tool = shutil.which("pdfimages")
    if tool is None:
        return len(re.findall(rb"/Subtype\s*/Image", pdf.read_bytes()))
    listed = subprocess.run([tool, "-list", str(pdf)], capture_output=True, text=True, check=True)
    return len(listed.stdout.splitlines()) - 2  # (two lines of heading)


def give_posters(catalog: Catalog, titles: list[str]) -> None:
    """A poster each, of different colours and shapes (one wide)."""
    for number, title in enumerate(titles):
        size = (900, 500) if number == 1 else (400, 600)
        out = io.BytesIO()
        Image.new("RGB", size, (40 * number, 90, 160)).save(out, "JPEG")
        poster = prepare_poster(out.getvalue(), f"{number}.jpg")
        catalog.posters.set(catalog.films.resolve(title).id, poster)


TITLES = ["The Letter", "The Cranes Are Flying", "The Ballad of a Soldier"]


@pytest.mark.sqlite
def test_a_handout_with_posters_shows_each_films_poster(catalog: Catalog, tmp_path: Path) -> None:
    give_posters(catalog, TITLES[:2])
    made = catalog.lists.create("Year 9")
    catalog.lists.add(made.id, [catalog.films.resolve(t).id for t in TITLES])
    screening_list = catalog.lists.get(made.id)
    plain, pictured = tmp_path / "plain.pdf", tmp_path / "posters.pdf"
    list_export("pdf").write(plain, screening_list, ExportOptions())
    list_export("pdf").write(pictured, screening_list, ExportOptions(posters=catalog.posters))
    assert (images_in(plain), images_in(pictured)) == (0, 2)  # the third film has none
    page = list_export("html")
    page.write(tmp_path / "posters.html", screening_list, ExportOptions(posters=catalog.posters))
    html = (tmp_path / "posters.html").read_text(encoding="utf-8")
    assert html.count('src="data:image/jpeg;base64,') == 2
    assert html.count('class="poster"') == 3  # (an empty box keeps the text in line)


@pytest.mark.sqlite
def test_a_printable_catalog_with_posters_shows_them(catalog: Catalog, tmp_path: Path) -> None:
    give_posters(catalog, TITLES)
    plain, pictured = tmp_path / "plain.pdf", tmp_path / "posters.pdf"
    film_export("pdf").write(plain, FilmSelection(catalog), ExportOptions())
    film_export("pdf").write(
        pictured, FilmSelection(catalog), ExportOptions(posters=catalog.posters)
    )
    assert (images_in(plain), images_in(pictured)) == (0, 3)
    # Small copies, not the kept posters: a catalog of thousands stays a sensible size.
    assert pictured.stat().st_size < plain.stat().st_size + 3 * 40_000
