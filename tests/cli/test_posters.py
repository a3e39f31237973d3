"""filmdesk-cli poster FILM PATH | --remove | --save OUT, and show --json's poster."""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image

from tests.cli.helpers import Cli, dump, ok, one_line_error


def image_file(path: Path, kind: str, size: tuple[int, int]) -> Path:
    out = io.BytesIO()
    Image.new("RGB", size, (180, 30, 60)).save(out, kind)
    path.write_bytes(out.getvalue())
    return path


def shown(cli: Cli, film: str) -> dict[str, object]:
    return json.loads(ok(cli("show", film, "--json")))  # type: ignore[no-any-return]


def test_set_show_save_and_remove_a_poster(cli: Cli, tmp_path: Path) -> None:
    assert shown(cli, "The Letter")["poster"] is None
    png = image_file(tmp_path / "letter.png", "PNG", (300, 450))
    said = ok(cli("poster", "The Letter", str(png)))
    assert "Set the poster of The Letter" in said and "300 × 450 PNG" in said
    poster = shown(cli, "The Letter")["poster"]
    data = png.read_bytes()  # a PNG that fits is kept byte for byte
    assert poster == {
        "width": 300,
        "height": 450,
        "format": "png",
        "hash": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
    }
    assert "Poster:" in ok(cli("show", "The Letter"))

    ok(cli("poster", "The Letter", "--save", str(tmp_path / "out")))  # the suffix is added
    assert (tmp_path / "out.png").read_bytes() == data
    ok(cli("poster", "The Letter", "--save", str(tmp_path / "kept.PNG")))
    assert (tmp_path / "kept.PNG").read_bytes() == data
    one_line_error(
        cli("poster", "The Letter", "--save", str(tmp_path / "wrong.jpg")), 2, "is a PNG"
    )
    assert not (tmp_path / "wrong.jpg").exists()

    big = image_file(tmp_path / "big.jpg", "JPEG", (1600, 2400))  # scaled to 1000 high
    ok(cli("poster", "The Letter", str(big)))
    poster = shown(cli, "The Letter")["poster"]
    assert isinstance(poster, dict)
    assert (poster["format"], poster["width"], poster["height"]) == ("jpeg", 667, 1000)
    ok(cli("poster", "The Letter", "--save", str(tmp_path / "again")))
    saved = (tmp_path / "again.jpg").read_bytes()
    assert hashlib.sha256(saved).hexdigest() == poster["hash"]

    assert "Removed the poster of The Letter" in ok(cli("poster", "The Letter", "--remove"))
    assert shown(cli, "The Letter")["poster"] is None
    assert "nothing was changed" in ok(cli("poster", "The Letter", "--remove"))
    one_line_error(cli("poster", "The Letter", "--save", str(tmp_path / "none")), 1, "no poster")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", ["empty"]),
        (b"just some text, not a picture", ["not an image"]),
        (None, ["cannot be read"]),
    ],
)
def test_a_file_that_cannot_be_a_poster_is_refused_changing_nothing(
    cli: Cli, tmp_path: Path, content: bytes | None, words: list[str]
) -> None:
    png = image_file(tmp_path / "first.png", "PNG", (200, 300))
    ok(cli("poster", "The Letter", str(png)))
    before = dump(cli.db)
    path = tmp_path / "bad.png"
    if content is not None:
        path.write_bytes(content)
    one_line_error(cli("poster", "The Letter", str(path)), 2, str(path), *words)
    assert dump(cli.db) == before
    assert shown(cli, "The Letter")["poster"]["hash"] == (  # type: ignore[index]
        hashlib.sha256(png.read_bytes()).hexdigest()
    )


def test_a_damaged_image_is_refused(cli: Cli, tmp_path: Path) -> None:
    whole = image_file(tmp_path / "whole.jpg", "JPEG", (400, 600)).read_bytes()
    damaged = tmp_path / "damaged.jpg"
    damaged.write_bytes(whole[: len(whole) // 3])
    one_line_error(cli("poster", "The Letter", str(damaged)), 2, "damaged.jpg", "damaged")
    assert shown(cli, "The Letter")["poster"] is None


def test_export_with_posters_prints_them(cli: Cli, tmp_path: Path) -> None:
    ok(cli("poster", "The Letter", str(image_file(tmp_path / "a.png", "PNG", (200, 300)))))
    ok(
        cli(
            "poster",
            "The Cranes Are Flying",
            str(image_file(tmp_path / "b.jpg", "JPEG", (300, 450))),
        )
    )
    ok(cli("lists", "create", "Year 9"))
    ok(cli("lists", "add", "Year 9", "The Letter"))
    ok(cli("lists", "add", "Year 9", "The Cranes Are Flying"))
    ok(cli("lists", "add", "Year 9", "The Ballad of a Soldier"))
    for args, count in (
        (["--list", "Year 9"], 0),
        (["--list", "Year 9", "--with-posters"], 2),
        (["--with-posters"], 2),
    ):
        out = tmp_path / "out.pdf"
        ok(cli("export", str(out), *args))
        assert len(re.findall(rb"/Subtype\s*/Image", out.read_bytes())) == count, args
