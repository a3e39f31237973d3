"""Poster: set a film's poster from an image file, remove it, or save it to a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from filmdesk.cli.errors import EXIT_FAILURE, CliError
from filmdesk.cli.parsing import Subparsers, add_command
from filmdesk.cli.refs import resolve_film
from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange.textfile import replaced_atomically
from filmdesk.core.posters.images import MAX_BYTES, PosterError, prepare_poster
from filmdesk.core.posters.service import PosterInfo

# What a saved poster's file is named with, by the kept format.
SUFFIXES = {"jpeg": ".jpg", "png": ".png"}
_OTHER_NAMES = {".jpeg": "jpeg", ".jpe": "jpeg", ".jpg": "jpeg", ".png": "png"}


def register(subparsers: Subparsers) -> None:
    """Add poster."""
    p = add_command(
        subparsers,
        "poster",
        "Set a film's poster from an image file (JPEG, PNG, WebP, GIF, ...), remove it "
        "(--remove), or save it to a file (--save).",
    )
    p.add_argument("film", metavar="FILM", help="numeric id or exact title (any case)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("path", metavar="PATH", nargs="?", help="the image to make its poster")
    what.add_argument("--remove", action="store_true", help="take the film's poster away")
    what.add_argument(
        "--save",
        metavar="OUT",
        help="write the poster's kept bytes to OUT ('.jpg' or '.png' added when OUT has no "
        "suffix; '-' writes them to standard output)",
    )


def run(args: argparse.Namespace, catalog: Catalog) -> None:
    """Set, remove or save the poster of ``args.film``."""
    film = resolve_film(catalog, args.film)
    key = catalog.posters.of_films([film.id]).get(film.id)
    label = film.display_title
    if args.save is not None:
        _save(catalog, label, key, args.save)
    elif args.remove:
        if key is None:
            print(f"{label} has no poster; nothing was changed.")
            return
        catalog.posters.set(film.id, None, expected=key)
        print(f"Removed the poster of {label}.")
    else:
        try:
            image = prepare_poster(_read_image(Path(args.path)), args.path)
        except PosterError as exc:
            raise CliError(f"{exc}; nothing was changed") from None
        catalog.posters.set(film.id, image, expected=key)
        info = catalog.posters.info(image.hash)
        assert info is not None
        print(f"Set the poster of {label}: {describe(info)}.")


def describe(info: PosterInfo) -> str:
    """``680 × 1000 JPEG, 84 KB``."""
    size = f"{info.size / 1024:.0f} KB" if info.size >= 1024 else f"{info.size} bytes"
    return f"{info.width} × {info.height} {info.format.upper()}, {size}"


def _read_image(path: Path) -> bytes:
    """The bytes of an image file (at most a little more than a poster may be, so that a
    huge file is refused without reading it all)."""
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise CliError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _save(catalog: Catalog, label: str, key: str | None, out: str) -> None:
    image = None if key is None else catalog.posters.image(key)
    if image is None:
        raise CliError(f"{label} has no poster", EXIT_FAILURE)
    if out == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(image.data)
        sys.stdout.buffer.flush()
        return
    path = Path(out)
    suffix = SUFFIXES[image.format]
    if not path.suffix:
        path = path.with_name(path.name + suffix)
    elif _OTHER_NAMES.get(path.suffix.lower(), image.format) != image.format:
        raise CliError(
            f"{out}: the poster of {label} is a {image.format.upper()}; name the file "
            f"{path.stem}{suffix}, or leave the suffix out; nothing was written"
        )
    if path.is_dir():
        raise CliError(f"{out}: is a folder; name a file to write; nothing was written")
    with replaced_atomically(path, binary=True) as handle:
        handle.write(image.data)
    print(f"Saved the poster of {label} to {path} ({image.width} × {image.height}).")
