"""How text compares: folding (case, ё and е, accents), words, and the word blobs search
reads. Search, sorting, tag and name matching all fold text here, so they agree."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"\w+")


def _fold_table() -> dict[int, str]:
    # Latin letters with accents map to their base letters; ё maps to е, since Russian text
    # writes ё as е so often that search must treat them alike. й is left alone: it is a letter
    # of its own ("мой" must not find "мои").
    table: dict[int, str] = {ord("ё"): "е", ord("Ё"): "е"}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if base and base != char:
            table[code] = base.casefold()
    for char, base in {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d"}.items():
        table[ord(char)] = base
    return table


_FOLD = _fold_table()
_COMBINING = re.compile("[\u0300-\u036f]")
# Every mark goes (accents, stress marks) except the breve that makes й and ў letters.
_COMBINING_EXCEPT_SHORT = re.compile("[\u0300-\u0305\u0307-\u036f]|(?<![ИиУу])\u0306")
_NON_WORD = re.compile(r"\W+")


_NEEDS_TABLE = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")


def fold(text: str) -> str:
    """Normalise text for matching: case-insensitive (Latin and Cyrillic), ё as е, no accents."""
    if text.isascii():
        return text.casefold()
    folded = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    if _NEEDS_TABLE.search(folded):  # accented Latin letters (rare): look each one up
        folded = folded.translate(_FOLD)
    if _COMBINING.search(folded):  # marks that have no precomposed letter: drop them
        stripped = _COMBINING_EXCEPT_SHORT.sub("", unicodedata.normalize("NFD", folded))
        folded = unicodedata.normalize("NFC", stripped)
    return folded


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return _WORD.findall(fold(text))


# What is neither a word's letter nor white space (punctuation, symbols) becomes a space. White
# space is left for ``split`` (a pattern that matched every run of spaces too took most of the
# time); NUL parts the records of ``word_blobs``.
_PUNCTUATION = re.compile(r"[^\w\s\x00]+")
FIELD_BREAK = "|"  # between fields in a blob: never part of a needle, so no phrase spans two
_BREAK = f" {FIELD_BREAK} "


def word_blob(*parts: str) -> str:
    """Folded words of ``parts`` as " w1 w2 | w3 ... ", so " " + prefix finds a word's start."""
    return word_blobs([parts])[0]


def word_blobs(records: Iterable[Sequence[str]]) -> list[str]:
    """``word_blob(*parts)`` of each record: the same, folded in one piece (a film's text is a
    few hundred characters, and folding and matching each alone costs more than its length)."""
    texts = [
        "\n".join(part.replace("\n", " ").replace("\x00", " ") for part in parts)
        for parts in records
    ]
    if not texts:
        return []
    joined = "\x00".join(texts)
    # (Folding works a character, or a letter with its marks, at a time: NUL keeps them apart.)
    folded = _PUNCTUATION.sub(" ", fold(joined))
    return [" " + " ".join(r.replace("\n", _BREAK).split()) + " " for r in folded.split("\x00")]
