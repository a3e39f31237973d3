"""Reading text files from other programs: encodings and separators, with clear refusals."""

from __future__ import annotations

import codecs
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from filmdesk.core.exchange import Problem, UnreadableFileError

MAX_FILE_BYTES = 200 * 1024 * 1024


def read_text(path: Path) -> tuple[str, str]:
    """The file's text and the encoding it was in.

    UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1251 or -1252 (what Excel on a
    Russian or a Western Windows writes; see ``legacy_encoding``). Binary files are refused.
    """
    raw, encoding = read_bytes(path)
    return decode_text(raw, encoding, str(path))


def read_bytes(path: Path) -> tuple[bytes, str]:
    """The file's bytes and the encoding to read them with: the one its BOM names (UTF-8,
    UTF-16), else ``utf-8``, which holds only if they decode as such (else ``decode_text``
    reads them as Windows-1251 or -1252). Empty, binary and oversized files are refused."""
    name = str(path)
    if path.is_dir():
        raise UnreadableFileError([Problem(name, None, None, "is a folder, not a file")])
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFileError(
                [Problem(name, None, None, f"is {size // 2**20} MB; files up to 200 MB are read")]
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(
            [Problem(name, None, None, f"cannot be read ({exc.strerror or exc})")]
        ) from None
    if not raw or raw.isspace():  # (strip() would copy the whole file)
        raise UnreadableFileError([Problem(name, None, None, "is empty")])
    return raw, encoding_of(raw, name)


def encoding_of(raw: bytes, name: str) -> str:
    """The encoding to read a file's bytes with (see ``read_bytes``); UnreadableFileError for
    a binary file."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    if b"\x00" in raw[:4096]:
        raise UnreadableFileError([Problem(name, None, None, "is a binary file, not text")])
    return "utf-8"


def text_of(raw: bytes, name: str) -> str:
    """Bytes read from elsewhere (a file inside a ZIP) as text, as ``read_text`` reads a
    file's; an empty text for no bytes. UnreadableFileError for binary or undecodable
    bytes."""
    if not raw:
        return ""
    return decode_text(raw, encoding_of(raw, name), name)[0]


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(raw: bytes, encoding: str, name: str) -> tuple[str, str]:
    """``read_bytes``'s bytes as text, and the encoding they were in."""
    try:
        return raw.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":  # named by the file's BOM
            raise UnreadableFileError(
                [Problem(name, None, None, f"is not valid {encoding} text ({exc.reason})")]
            ) from None
    legacy = legacy_encoding(raw)
    text = raw.decode(legacy, errors="replace")
    if text.count("\ufffd") > len(text) // 100:
        raise UnreadableFileError(
            [Problem(name, None, None, "is neither UTF-8 nor Windows-1251/1252 text")]
        )
    return text, legacy


# A letter or two with an accent in a Latin word, inside it or at either end ("Kátia",
# "Iñárritu", "Café", "Évora"), and a run of three Cyrillic letters (Windows-1251 puts them
# at 0xC0-0xFF; such a run beside a Latin letter is not an accent). An accent is one of
# Windows-1252's letters: the quotes, dashes and guillemets both encodings share around a
# Latin word in Russian text («Criterion», Director’s) say nothing.
_ACCENTED = rb"[\x8a\x8c\x8e\x9a\x9c\x9e\x9f\xc0-\xd6\xd8-\xf6\xf8-\xff]{1,2}"
_LATIN_ACCENT = re.compile(
    rb"(?<=[A-Za-z])"
    + _ACCENTED
    + rb"(?![\x80-\xff])|(?<![\x80-\xff])"
    + _ACCENTED
    + rb"(?=[A-Za-z])"
)
_CYRILLIC_RUN = re.compile(rb"[\xa8\xb8\xc0-\xff]{3,}")


def legacy_encoding(raw: bytes) -> str:
    """What a text that is not UTF-8 was written in: Windows-1251 (Excel on a Russian
    Windows) or Windows-1252 (Excel on a Western one, e.g. an IMDb file re-saved), whichever
    its high bytes look like; 1251 when they say nothing."""
    latin = sum(1 for _ in _LATIN_ACCENT.finditer(raw))
    cyrillic = sum(1 for _ in _CYRILLIC_RUN.finditer(raw))
    return "cp1252" if latin > cyrillic else "cp1251"


def read_head(path: Path, size: int = 65536) -> str:
    """The start of a text file (for sniffing its format), decoded as ``read_text`` would."""
    with path.open("rb") as handle:
        return decode_head(handle.read(size))


def decode_head(raw: bytes, size: int = 65536) -> str:
    """The first ``size`` bytes of a file's contents, decoded as ``read_text`` would."""
    raw = raw[:size]
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="ignore")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(raw) - 3:  # a character cut at the end of the piece
            return raw[: exc.start].decode("utf-8", errors="replace")
        return raw.decode(legacy_encoding(raw), errors="replace")


def first_line_of(text: str) -> str:
    """The text's first line, whatever its line endings (\\n, \\r\\n or \\r alone)."""
    return re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]


def guess_delimiter(header_line: str) -> str:
    """The separator of a CSV file from its header: comma, semicolon or tab."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


# What an export is written to until it is whole: hidden, beside the file it becomes,
# ``.<name>.<8 letters mkstemp chooses>.filmdesk-part``. An export killed half-way leaves it
# behind; the next export into that folder removes it (``remove_stale_parts``).
PART_SUFFIX = ".filmdesk-part"
_PART = re.compile(r"\..+\.[a-z0-9_]{8}" + re.escape(PART_SUFFIX))
# A part not written to for this long belongs to no export still running (one writes to it
# all the time, and even a 100,000-film backup is written in seconds).
STALE_AFTER_S = 10 * 60


@contextmanager
def replaced_atomically(
    path: Path, *, binary: bool = False, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[Any]]:
    """Write a file so that it is whole or untouched: a temporary file beside it, then a rename.

    A failed export therefore never leaves a half-written file in place of an existing one,
    and the temporary file an export killed half-way left in the folder goes with the next
    export there.
    """
    path = Path(path)
    folder = path.parent or Path(".")
    remove_stale_parts(folder, also_for=path.name)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART_SUFFIX, dir=folder)
    try:
        # mkstemp makes the file private; an export gets the permissions of the file it
        # replaces, or those of any new file.
        try:
            permissions = path.stat().st_mode & 0o7777
        except OSError:
            permissions = _new_file_mode()
        os.chmod(temporary, permissions)
        mode = "wb" if binary else "w"
        with os.fdopen(
            handle, mode, encoding=None if binary else encoding, newline=None if binary else newline
        ) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_stale_parts(folder: Path, *, also_for: str | None = None) -> list[Path]:
    """Remove what exports killed half-way left in ``folder``: files named as
    ``replaced_atomically`` names its temporary files, owned by this user, not written to for
    ``STALE_AFTER_S``. With ``also_for`` (a file's name), also the temporary files of that
    file that earlier filmdesk versions named ``.<name>.<8 letters>``. Returns what it
    removed; a file it cannot look at or remove is left as it is."""
    older = re.compile(re.escape(f".{also_for}.") + r"[a-z0-9_]{8}") if also_for else None
    removed: list[Path] = []
    try:
        names = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return removed  # (the export says what is wrong with the folder)
    now = time.time()
    uid = os.getuid() if hasattr(os, "getuid") else None
    for name in names:
        if not (_PART.fullmatch(name) or (older is not None and older.fullmatch(name))):
            continue
        found = Path(folder, name)
        try:
            status = found.lstat()
            if (
                stat.S_ISREG(status.st_mode)
                and (uid is None or status.st_uid == uid)
                and now - status.st_mtime > STALE_AFTER_S
            ):
                found.unlink()
                removed.append(found)
        except OSError:
            continue
    return removed


def _new_file_mode() -> int:
    # The process umask, read without changing it (os.umask would, for every thread).
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o644
