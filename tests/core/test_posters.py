"""Posters in the core: what comes in, how it is kept, undone, shared, dropped and thumbnailed."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import text

from filmdesk.core.catalog import Catalog
from filmdesk.core.errors import StaleEditError
from filmdesk.core.films.operations import DeleteFilms
from filmdesk.core.posters.images import LONG_SIDE, PosterError, prepare_poster
from filmdesk.core.posters.thumbnails import THUMBNAIL_HEIGHT
from tests.posters import huge_png, image_bytes
from tests.unusual_catalogs import writer_holding_the_lock


def _ids(catalog: Catalog) -> list[int]:
    return [f.id for f in catalog.films.rows()]


def _stored(catalog: Catalog) -> list[tuple[object, ...]]:
    with catalog.engine.connect() as conn:
        posters = conn.execute(text("SELECT hash, format, width, height FROM posters ORDER BY 1"))
        films = conn.execute(text("SELECT id, poster_hash FROM films ORDER BY id"))
        return [*map(tuple, posters), *map(tuple, films)]


@pytest.mark.parametrize(
    ("fmt", "kept"),
    [("JPEG", "jpeg"), ("PNG", "png"), ("WEBP", "jpeg"), ("GIF", "jpeg"), ("BMP", "jpeg")],
)
def test_every_common_format_comes_in_and_a_big_one_is_scaled_with_its_aspect(
    fmt: str, kept: str
) -> None:
    small = prepare_poster(image_bytes(fmt, (300, 450)), f"small.{fmt.lower()}")
    assert (small.format, small.width, small.height) == (kept, 300, 450)
    big = prepare_poster(image_bytes(fmt, (2000, 3000)), f"big.{fmt.lower()}")
    assert (big.width, big.height) == (round(LONG_SIDE * 2 / 3), LONG_SIDE)
    with Image.open(io.BytesIO(big.data)) as reread:
        assert reread.size == (big.width, big.height)
        assert reread.format in ("JPEG", "PNG")


def test_a_jpeg_or_png_that_fits_is_kept_byte_for_byte_and_a_gif_keeps_its_first_frame() -> None:
    jpeg = image_bytes("JPEG", (500, 700))
    assert prepare_poster(jpeg, "a.jpg").data == jpeg
    gif = prepare_poster(image_bytes("GIF", (40, 60), (10, 200, 10)), "a.gif")
    with Image.open(io.BytesIO(gif.data)) as first:
        _red, green, blue = first.convert("RGB").getpixel((20, 30))  # type: ignore[misc]
    assert green > 150 and blue < 80  # the first frame's green, not the second's blue


def test_a_transparent_image_is_kept_as_png() -> None:
    poster = prepare_poster(image_bytes("WEBP", (1200, 1800), (0, 0, 0, 0)), "clear.webp")
    assert poster.format == "png"


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "empty"),
        (b"Dear friend, I write to you from Leningrad.\n", "not an image"),
        (image_bytes("PNG")[:400], "damaged"),
        (image_bytes("JPEG")[:300], "damaged"),
        (huge_png(), "900 million pixels"),
        (huge_png(9_000, 7_000), "9,000 × 7,000 pixels"),
        (image_bytes("PNG", (4, 4)), "too small"),
    ],
)
def test_what_cannot_be_a_poster_is_refused_naming_the_source(data: bytes, said: str) -> None:
    with pytest.raises(PosterError) as refused:
        prepare_poster(data, "/home/anna/poster.png")
    assert str(refused.value).startswith("/home/anna/poster.png: ")
    assert said in str(refused.value)


def test_a_refused_image_changes_nothing(catalog: Catalog) -> None:
    film = _ids(catalog)[0]
    catalog.posters.set(film, prepare_poster(image_bytes(), "first.png"))
    before = _stored(catalog)
    with pytest.raises(PosterError):
        catalog.posters.set(film, prepare_poster(huge_png(), "huge.png"))
    assert _stored(catalog) == before


def test_setting_replacing_and_removing_a_poster_is_undone_and_redone(catalog: Catalog) -> None:
    film = _ids(catalog)[0]
    red = prepare_poster(image_bytes(colour=(200, 0, 0)), "red.png")
    blue = prepare_poster(image_bytes(colour=(0, 0, 200)), "blue.png")
    empty = _stored(catalog)
    set_red = catalog.posters.set(film, red)
    assert set_red.result.poster == red.hash and set_red.changes.films_changed == {film}
    with_red = _stored(catalog)
    replaced = catalog.posters.set(film, blue)
    assert catalog.posters.count() == 1  # red, shown by no film now, went
    removed = catalog.posters.set(film, None)
    assert catalog.films.get(film).poster is None and catalog.posters.count() == 0
    catalog.run(removed.inverse)
    assert catalog.posters.data(blue.hash) == blue.data
    catalog.run(replaced.inverse)
    assert _stored(catalog) == with_red
    undone = catalog.run(set_red.inverse)
    assert _stored(catalog) == empty
    catalog.run(undone.inverse)
    assert _stored(catalog) == with_red
    assert [r.poster for r in catalog.films.rows() if r.id == film] == [red.hash]


def test_one_picture_is_kept_once_for_the_films_that_show_it(catalog: Catalog) -> None:
    first, second = _ids(catalog)[:2]
    poster = prepare_poster(image_bytes(), "same.png")
    catalog.posters.set(first, poster)
    catalog.posters.set(second, prepare_poster(image_bytes(), "same again.png"))
    assert catalog.posters.count() == 1
    assert catalog.posters.of_films() == {first: poster.hash, second: poster.hash}
    catalog.posters.set(first, None)
    assert catalog.posters.count() == 1  # the second film still shows it
    info = catalog.posters.info(poster.hash)
    assert info is not None
    assert info.to_json() == {
        "width": 400,
        "height": 600,
        "format": "png",
        "hash": poster.hash,
        "bytes": len(poster.data),
    }


def test_a_poster_changed_elsewhere_is_not_overwritten(catalog: Catalog) -> None:
    film = _ids(catalog)[0]
    catalog.posters.set(film, prepare_poster(image_bytes(colour=(9, 9, 9)), "theirs.png"))
    before = _stored(catalog)
    mine = prepare_poster(image_bytes(), "mine.png")
    with pytest.raises(StaleEditError, match="poster is now another picture"):
        catalog.posters.set(film, mine, expected=None)  # the window showed no poster
    assert _stored(catalog) == before


def test_a_deleted_films_poster_waits_for_the_next_opening_then_goes(catalog: Catalog) -> None:
    film = _ids(catalog)[0]
    poster = prepare_poster(image_bytes(), "p.png")
    catalog.posters.set(film, poster)
    deleted = catalog.run(DeleteFilms((film,)))
    assert catalog.posters.count() == 1  # kept: the undo may bring the film back
    restored = catalog.run(deleted.inverse)
    assert restored.result[0].poster == poster.hash
    assert catalog.films.get(film).poster == poster.hash
    deleted = catalog.run(DeleteFilms((film,)))
    assert catalog.posters.drop_unused() == 1
    # An undo after another opening dropped it: the film comes back without its poster.
    assert catalog.run(deleted.inverse).result[0].poster is None
    assert catalog.films.get(film).poster is None


def test_unused_posters_wait_while_another_program_writes(catalog: Catalog, database: str) -> None:
    """Dropping a deleted film's poster is bookkeeping: while another program holds the
    catalog (an import, say), the opening window leaves it for the next time, at once."""
    film = _ids(catalog)[0]
    catalog.posters.set(film, prepare_poster(image_bytes(), "p.png"))
    catalog.run(DeleteFilms((film,)))
    writer = writer_holding_the_lock(database, 60)
    try:
        assert catalog.posters.drop_unused() == 0
        assert catalog.posters.count() == 1
    finally:
        writer.kill()
        writer.wait()
    assert catalog.posters.drop_unused() == 1
    assert catalog.posters.count() == 0


def test_thumbnails_are_made_once_and_made_again_when_missing(
    catalog: Catalog, tmp_path: Path
) -> None:
    film = _ids(catalog)[0]
    poster = prepare_poster(image_bytes("PNG", (800, 1200), (0, 120, 0)), "green.png")
    catalog.posters.set(film, poster)
    catalog.posters.use_thumbnail_folder(tmp_path / "thumbs")
    made = catalog.posters.thumbnails.get(poster.hash)
    assert made is not None and made.is_relative_to(tmp_path / "thumbs")
    with Image.open(made) as thumbnail:
        assert thumbnail.size == (THUMBNAIL_HEIGHT * 2 // 3, THUMBNAIL_HEIGHT)
        assert thumbnail.convert("RGB").getpixel((10, 10))[1] > 100  # type: ignore[index]
    stamp = made.stat().st_mtime_ns
    assert catalog.posters.thumbnails.get(poster.hash) == made
    assert made.stat().st_mtime_ns == stamp  # not made again
    made.unlink()
    assert catalog.posters.thumbnails.get(poster.hash) == made and made.exists()
    assert catalog.posters.thumbnails.get("0" * 64) is None  # no such poster


def test_mutated_images_give_a_poster_or_one_clear_refusal() -> None:
    """A small, fixed-seed fuzz: bytes of real images changed, cut or grown; each either
    becomes a poster that reads back as an image or is refused with one short sentence."""
    seeds = [image_bytes(fmt, (60, 90)) for fmt in ("PNG", "JPEG", "WEBP", "GIF", "BMP", "TIFF")]
    rng = random.Random(15)
    kept = refused = 0
    for _ in range(1500):
        data = bytearray(rng.choice(seeds))
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(data) + 1)
            if rng.random() < 0.7 and at < len(data):
                data[at] = rng.randrange(256)
            else:
                del data[at:]
        try:
            poster = prepare_poster(bytes(data), "mutated.img")
        except PosterError as exc:
            refused += 1
            assert str(exc).startswith("mutated.img: ") and len(str(exc)) < 200
            continue
        kept += 1
        with Image.open(io.BytesIO(poster.data)) as reread:
            reread.load()
    assert kept > 50 and refused > 50  # both ways were tried
