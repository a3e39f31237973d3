"""Reading the files inside a ZIP archive within limits, so that no archive can exhaust memory.

A ZIP says how large each file is once unpacked, but it may lie, and a small archive can
unpack to gigabytes (a "zip bomb"). filmdesk reads an archive's files only while:

* the archive holds at most ``MAX_MEMBERS`` files;
* the files read unpack to at most ``MAX_UNPACKED`` bytes in all (what a plain file may hold),
  counted as they are unpacked, whatever the archive says;
* no file larger than ``RATIO_FROM`` unpacks to more than ``MAX_RATIO`` times its packed size
  (text packs to a fifth or a tenth of its size; a thousand times is a bomb).

Past a limit, or on damaged data, the archive is refused as a whole with one clear message.
"""

from __future__ import annotations

import lzma
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

from filmdesk.core.exchange import Problem, UnreadableFileError
from filmdesk.core.exchange.textfile import MAX_FILE_BYTES

MAX_MEMBERS = 10_000
MAX_UNPACKED = MAX_FILE_BYTES
MAX_RATIO = 100
RATIO_FROM = 1024 * 1024
_CHUNK = 1024 * 1024

# What a damaged or unusual archive raises while it is opened or read: damaged data (bz2 says
# so with an OSError), a method zipfile cannot unpack, encryption, a truncated file, a name
# that is not valid UTF-8.
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    OSError,
    OverflowError,
)


def _refuse(path: Path, message: str) -> UnreadableFileError:
    return UnreadableFileError([Problem(str(path), None, None, message)])


def _mb(size: int) -> str:
    return f"{size / 2**20:,.0f} MB" if size >= 2**20 else f"{size:,} bytes"


def zip_members(
    path: Path, choose: Callable[[list[str]], Sequence[str]]
) -> list[tuple[str, bytes]]:
    """The files of the ZIP at ``path`` that ``choose`` picks from the names of all its files
    (folders left out), in its order, each with its bytes; UnreadableFileError for a damaged
    archive or one past the limits (``choose`` may raise it too)."""
    reading = ""
    try:
        with zipfile.ZipFile(path) as archive:
            files = [info for info in archive.infolist() if not info.is_dir()]
            if len(files) > MAX_MEMBERS:
                raise _refuse(
                    path, f"holds {len(files):,} files; filmdesk reads ZIPs of up to "
                    f"{MAX_MEMBERS:,}"
                )  # fmt: skip
            by_name = {info.filename: info for info in files}
            chosen = [by_name[name] for name in choose(list(by_name))]
            declared = sum(info.file_size for info in chosen)
            if declared > MAX_UNPACKED:
                raise _refuse(path, _too_large(declared))
            for info in chosen:
                _check_ratio(path, info.filename, info.file_size, info.compress_size)
            members: list[tuple[str, bytes]] = []
            budget = MAX_UNPACKED
            for info in chosen:
                reading = info.filename
                data = _read_member(path, archive, info, budget)
                budget -= len(data)
                members.append((info.filename, data))
            return members
    except UnreadableFileError:
        raise
    except _DAMAGED as exc:
        what = f" ({reading} cannot be unpacked)" if reading else ""
        if isinstance(exc, RuntimeError | NotImplementedError) and "encrypt" in str(exc):
            raise _refuse(path, "is an encrypted ZIP: unpack it first") from None
        if isinstance(exc, NotImplementedError):
            raise _refuse(
                path, f"is packed in a way filmdesk cannot unpack{what}: unpack it first"
            ) from None
        if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile) and exc.strerror:
            raise _refuse(path, f"cannot be read ({exc.strerror})") from None
        raise _refuse(path, f"is a damaged ZIP archive{what}") from None


def _too_large(size: int) -> str:
    return (
        f"unpacks to more than {_mb(size)}; filmdesk reads ZIPs that unpack to at most "
        f"{_mb(MAX_UNPACKED)}"
    )


def _check_ratio(path: Path, name: str, unpacked: int, packed: int) -> None:
    if unpacked > RATIO_FROM and unpacked > MAX_RATIO * max(packed, 1):
        raise _refuse(
            path,
            f"holds {name}, which unpacks to {_mb(unpacked)} from {_mb(packed)}: more than "
            f"{MAX_RATIO} times its packed size, as only a ZIP made to exhaust memory does",
        )


def _read_member(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """One file's bytes, read a piece at a time and counted, so that neither the limits nor
    the ratio can be passed by an archive whose header says less than it holds."""
    pieces: list[bytes] = []
    size = 0
    with archive.open(info) as member:
        while piece := member.read(_CHUNK):
            size += len(piece)
            if size > budget:
                raise _refuse(path, _too_large(MAX_UNPACKED - budget + size))
            _check_ratio(path, info.filename, size, info.compress_size)
            pieces.append(piece)
    return b"".join(pieces)
