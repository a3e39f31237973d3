"""The posters of a JSON backup (version 4): written one at a time, read back and checked.

A backup keeps each poster once, under the sha256 of its bytes, in a top-level ``posters``
object; each film names its poster's hash (``"poster"``, or null)::

    "posters": {"3f5a…": {"format": "jpeg", "width": 680, "height": 1000,
                          "data": "<the kept JPEG or PNG file, base64>"}, ...}

The bytes are the ones the catalog keeps (never encoded again), so a restore gives back the
same posters byte for byte. Reading checks each poster a film names: base64 that decodes, the
hash of the decoded bytes equal to its key, and a JPEG or PNG Pillow can read; anything else
is a problem naming the file, the film and the poster.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import re
from collections.abc import Iterable, Mapping
from typing import IO

from filmdesk.core.exchange import Problem
from filmdesk.core.posters.images import KEPT_FORMATS, PosterImage, content_hash

_HASH = re.compile(r"[0-9a-f]{64}")


def write_posters(out: IO[str], images: Iterable[PosterImage]) -> None:
    """The ``"posters"`` member, one poster per line, each encoded as it is written (a
    catalog's posters are never all in memory at once)."""
    out.write(' "posters": {')
    first = True
    for image in images:
        entry = {
            "format": image.format,
            "width": image.width,
            "height": image.height,
            "data": base64.b64encode(image.data).decode("ascii"),
        }
        out.write("\n  " if first else ",\n  ")
        out.write(f"{json.dumps(image.hash)}: {json.dumps(entry)}")
        first = False
    out.write("\n }\n" if not first else "}\n")


def is_poster_key(value: object) -> bool:
    """Whether ``value`` can name a poster: a sha256 in lower-case hex."""
    return isinstance(value, str) and _HASH.fullmatch(value) is not None


class PosterReader:
    """The posters of one backup, each checked the first time a film names it."""

    def __init__(self, name: str, given: object) -> None:
        self._name = name
        self._given: Mapping[str, object] = given if isinstance(given, dict) else {}
        self.wrong_kind = given is not None and not isinstance(given, dict)
        self._checked: dict[str, PosterImage | str] = {}

    @property
    def images(self) -> dict[str, PosterImage]:
        """The posters checked so far that are sound, by hash."""
        return {k: v for k, v in self._checked.items() if isinstance(v, PosterImage)}

    def problem(self, number: int, title: str, key: object) -> Problem | None:
        """What is wrong with the poster film ``number`` (``title``) names, or None."""
        where = f"film {number} poster"
        if not is_poster_key(key):
            return Problem(self._name, None, where, "is not a poster's hash", film=title)
        assert isinstance(key, str)
        if key not in self._checked:
            self._checked[key] = self._check(key)
        found = self._checked[key]
        if isinstance(found, str):
            return Problem(self._name, None, where, f"poster {key[:12]}…: {found}", film=title)
        return None

    def _check(self, key: str) -> PosterImage | str:
        item = self._given.get(key)
        if item is None:
            return "the file's posters do not hold it"
        if not isinstance(item, dict) or not isinstance(item.get("data"), str):
            return "has no image data"
        try:
            data = base64.b64decode(item["data"], validate=True)
        except (binascii.Error, ValueError):
            return "its image data is damaged (not base64)"
        if content_hash(data) != key:
            return "its image data is damaged (its hash is not the poster's)"
        return _image(data)


def _image(data: bytes) -> PosterImage | str:
    """The poster ``data`` holds, as Pillow reads it (its own format and size, whatever the
    file says), or why it is not one."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, (width, height) = image.format or "", image.size
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        return "its image data is not an image filmdesk can read"
    except Image.DecompressionBombError:
        return "its image is absurdly large"
    if kind not in KEPT_FORMATS:
        return f"is a {kind} image; a poster is a JPEG or a PNG"
    return PosterImage(data, kind.lower(), width, height)
