"""Small copies of posters for the cover view, kept on disk in the user's cache folder.

One file per poster and size, named by the poster's hash: a poster kept once has one
thumbnail, whichever films show it. A thumbnail that is missing (a new poster, a cleared cache)
is made again from the catalog's poster when asked for. Written whole or not at all (a
temporary file renamed into place), so two windows making the same thumbnail never leave half
of one.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from filmdesk.core.posters.images import PosterError

THUMBNAIL_HEIGHT = 360  # pixels: a cover 180 high on a screen of double density
BACKGROUND = (255, 255, 255)  # what shows through a transparent poster


class ThumbnailCache:
    """Thumbnails in ``folder``, made from the posters ``read`` gives (hash -> bytes | None)."""

    def __init__(self, folder: Path, read: Callable[[str], bytes | None]) -> None:
        self.folder = folder
        self._read = read

    def path(self, key: str, height: int = THUMBNAIL_HEIGHT) -> Path:
        """Where the thumbnail of poster ``key`` is (or goes) at ``height`` pixels."""
        return self.folder / str(height) / key[:2] / f"{key}.jpg"

    def get(self, key: str, height: int = THUMBNAIL_HEIGHT) -> Path | None:
        """The thumbnail of poster ``key``, made now if it is missing; None when the catalog
        has no such poster (or it cannot be read) or the cache folder cannot be written."""
        target = self.path(key, height)
        if target.exists():
            return target
        data = self._read(key)
        if data is None:
            return None
        try:
            made = thumbnail_bytes(data, height)
        except PosterError:
            return None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(made)
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return None  # a full disk or a read-only cache: the view paints the card instead
        return target


def thumbnail_bytes(data: bytes, height: int = THUMBNAIL_HEIGHT) -> bytes:
    """A JPEG of poster ``data`` scaled to ``height`` pixels high (never enlarged)."""
    from PIL import Image  # (Pillow only once a poster is shown: not at start)

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = image.convert("RGBA") if image.mode in ("RGBA", "LA", "P") else image
            if picture.height > height:
                width = max(1, round(picture.width * height / picture.height))
                picture = picture.resize((width, height), Image.Resampling.LANCZOS)
            if picture.mode == "RGBA":
                flat = Image.new("RGB", picture.size, BACKGROUND)
                flat.paste(picture, mask=picture.getchannel("A"))
                picture = flat
            out = io.BytesIO()
            picture.convert("RGB").save(out, "JPEG", quality=85)
            return out.getvalue()
    except (OSError, ValueError, SyntaxError) as exc:
        raise PosterError(f"the poster cannot be read ({exc})") from None
