"""Images made for tests (Pillow), in any format, of a known colour and size."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def image_bytes(
    fmt: str = "PNG", size: tuple[int, int] = (400, 600), colour: tuple[int, ...] = (180, 40, 50)
) -> bytes:
    """An image file's bytes: one colour, ``size`` pixels, in ``fmt`` (a Pillow format)."""
    mode = "RGBA" if len(colour) == 4 else "RGB"
    out = io.BytesIO()
    picture = Image.new(mode, size, colour)
    if fmt == "GIF":
        frames = [picture.convert("P"), Image.new("RGB", size, (0, 0, 255)).convert("P")]
        frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    else:
        picture.save(out, fmt)
    return out.getvalue()


def huge_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A small PNG file whose header says it is ``width`` × ``height`` pixels (a bomb)."""
    small = image_bytes("PNG", (8, 8))
    start = 8 + 8  # signature, then the IHDR chunk's length and type
    ihdr = bytearray(small[start : start + 13])
    ihdr[0:8] = struct.pack(">II", width, height)
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(ihdr)) & 0xFFFFFFFF)
    return small[:start] + bytes(ihdr) + crc + small[start + 13 + 4 :]
