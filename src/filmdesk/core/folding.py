"""How text compares: folding (case, ё and е, accents), words, and the word blobs search
reads. Search, sorting, tag and name matching all fold text here, so they agree."""

from __future__ import annotations

import re
import unicodedata

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


_NON_WORD_KEEP_LINES = re.compile(r"[^\w\n]+")
FIELD_BREAK = "|"  # between fields in a blob: never part of a needle, so no phrase spans two


def word_blob(*parts: str) -> str:
    """Folded words of ``parts`` as " w1 w2 | w3 ... ", so " " + prefix finds a word's start."""
    words_only = _NON_WORD_KEEP_LINES.sub(" ", fold("\n".join(p.replace("\n", " ") for p in parts)))
    return " " + " ".join(words_only.replace("\n", f" {FIELD_BREAK} ").split()) + " "
