"""The films' records read in bulk (what the window's change-following and an import's undo
carry) hold each film's poster, as those read one by one do."""

from __future__ import annotations

import io

from PIL import Image

from filmdesk.core.catalog import Catalog
from filmdesk.core.posters.images import prepare_poster


def test_records_read_in_bulk_carry_the_poster(catalog: Catalog) -> None:
    films = catalog.films.all()
    with_poster, without = films[0].id, films[1].id
    out = io.BytesIO()
    Image.new("RGB", (100, 150), (90, 30, 30)).save(out, "PNG")
    image = prepare_poster(out.getvalue(), "red.png")
    catalog.posters.set(with_poster, image)
    records = catalog.films.records([without, with_poster])
    assert [r.id for r in records] == [without, with_poster]
    assert records[0].poster is None
    assert records[1].poster == image.hash == catalog.films.get(with_poster).poster
