"""Turning a file or pasted image data into a poster the catalog keeps (Pillow; no Qt here).

Any common format comes in (JPEG, PNG, WebP, GIF's first frame, BMP, TIFF); what is kept is a
JPEG (or a PNG when the picture has transparent parts) at most ``LONG_SIDE`` pixels on its long
side, the aspect kept, turned upright as the camera said. A JPEG or PNG that already fits is
kept byte for byte. Refused, with a sentence naming the source: what is not an image, a damaged
image, a picture absurdly large (more than ``MAX_PIXELS``) or a file over ``MAX_BYTES``.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

LONG_SIDE = 1000  # pixels on the long side of a kept poster
MAX_PIXELS = 50_000_000  # an 8000 × 6000 photo passes; a 30,000 × 30,000 PNG does not
MAX_BYTES = 60 * 1024 * 1024
_ORIENTATION = 0x0112  # the EXIF tag saying which way the camera was held
MIN_SIDE = 8  # smaller than this is a stray icon, not a poster
KEPT_FORMATS = frozenset({"JPEG", "PNG"})
_PLAIN_MODES = frozenset({"RGB", "RGBA", "L", "LA", "P"})  # (CMYK and the like are re-encoded)
JPEG_QUALITY = 88
_ORIENTATION = 0x0112  # the EXIF tag that says which way up the camera was


class PosterError(ValueError):
    """An image that cannot be a poster; the message says why, naming where it came from."""


@dataclass(frozen=True, slots=True)
class PosterImage:
    """A poster ready to be kept: its bytes, format ("jpeg" or "png"), size and hash."""

    data: bytes = b""
    format: str = "jpeg"
    width: int = 0
    height: int = 0

    @property
    def hash(self) -> str:
        """The sha256 of the kept bytes: a poster is stored once per content."""
        return content_hash(self.data)


def content_hash(data: bytes) -> str:
    """The hash a poster is kept under."""
    return hashlib.sha256(data).hexdigest()


def prepare_poster(data: bytes, source: str) -> PosterImage:
    """The poster to keep for image ``data`` (from ``source``, a file name or "the clipboard",
    named in the message of the PosterError raised when it cannot be one)."""
    if not data:
        raise PosterError(f"{source}: the file is empty; it is not an image")
    if len(data) > MAX_BYTES:
        raise PosterError(
            f"{source}: the file is {len(data) / 1024 / 1024:.0f} MB; a poster may be at most"
            f" {MAX_BYTES // 1024 // 1024} MB"
        )
    from PIL import Image, UnidentifiedImageError  # (Pillow only once a poster is read)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (Pillow's notes on odd metadata: not for the user)
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except UnidentifiedImageError:
            raise PosterError(
                f"{source}: not an image filmdesk can read (JPEG, PNG, WebP or GIF)"
            ) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise PosterError(_too_large(source, None, str(exc))) from None
        except (OSError, ValueError, SyntaxError) as exc:
            raise PosterError(f"{source}: the image is damaged ({_reason(exc)})") from None
        with image:
            return _prepared(image, data, source)


def _prepared(image: Image.Image, data: bytes, source: str) -> PosterImage:
    from PIL import Image, ImageOps

    width, height = image.size
    if width * height > MAX_PIXELS:
        raise PosterError(_too_large(source, (width, height)))
    if min(width, height) < MIN_SIDE:
        raise PosterError(
            f"{source}: the image is {width} × {height} pixels, too small for a poster"
        )
    original_format = image.format or ""
    try:
        image.seek(0)  # an animation's first frame
        image.load()
        turned = image.getexif().get(_ORIENTATION, 1) not in (None, 1)
        upright = ImageOps.exif_transpose(image) if turned else image
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PosterError(_too_large(source, (width, height))) from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise PosterError(f"{source}: the image is damaged ({_reason(exc)})") from None
    fits = max(width, height) <= LONG_SIDE and not turned
    if fits and original_format in KEPT_FORMATS and image.mode in _PLAIN_MODES:
        return PosterImage(data, original_format.lower(), width, height)
    picture = upright
    if max(picture.size) > LONG_SIDE:
        picture = picture.copy()
        picture.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS)
    return encode(picture)


def encode(picture: Image.Image) -> PosterImage:
    """A picture as kept bytes: PNG when it has transparent parts, JPEG otherwise."""
    out = io.BytesIO()
    if _has_transparency(picture):
        picture.convert("RGBA").save(out, "PNG", optimize=True)
        kind = "png"
    else:
        rgb = picture.convert("RGB")
        rgb.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        kind = "jpeg"
    return PosterImage(out.getvalue(), kind, picture.width, picture.height)


def _has_transparency(picture: Image.Image) -> bool:
    if picture.mode in ("RGBA", "LA", "PA"):
        alpha = picture.getchannel("A")
        return alpha.getextrema()[0] < 255  # type: ignore[operator]
    return picture.mode == "P" and "transparency" in picture.info


def _too_large(source: str, size: tuple[int, int] | None, said: str = "") -> str:
    if size:
        what = f"{size[0]:,} × {size[1]:,} pixels"
    else:  # Pillow's own guard, before the size is known to us: it names the pixels
        found = re.search(r"\((\d+) pixels\)", said)
        count = int(found.group(1)) if found else 0
        what = f"{count / 1_000_000:,.0f} million pixels" if count else "absurdly large"
    return (
        f"{source}: the image is {what}; a poster may have at most"
        f" {MAX_PIXELS // 1_000_000} million pixels"
    )


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:120]


def image_size(data: bytes) -> tuple[int, int]:
    """The width and height of kept poster bytes (read from the header only)."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return image.size
