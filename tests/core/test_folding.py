"""Folding many texts in one piece gives each text what folding it alone gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import tests.fuzzing  # noqa: F401 (registers the suite's Hypothesis profile)
from filmdesk.core.folding import FIELD_BREAK, fold, word_blob, word_blobs

# The earlier way, one text at a time: every run of what is not a word's letter nor a line
# break became one space. ``word_blobs`` now leaves white space to ``split``.
_NON_WORD_KEEP_LINES = re.compile(r"[^\w\n]+")


def reference_blob(*parts: str) -> str:
    words_only = _NON_WORD_KEEP_LINES.sub(" ", fold("\n".join(p.replace("\n", " ") for p in parts)))
    return " " + " ".join(words_only.replace("\n", f" {FIELD_BREAK} ").split()) + " "


# Letters and marks where folding is subtle: ё, й and ў (kept), accents as one letter or as a
# letter and a mark, ß, ligatures, Greek final sigma, and every kind of space, break and NUL.
TRICKY = "Ёёе Йй ўЎ ÉéE\u0301 u\u0306и\u0306 ßẞ ﬁ Σσς ØøŁł İı \u2028\u0085\r\t\x0b\x1c\x00 .,-«»—"
text = st.text(alphabet=st.sampled_from(TRICKY) | st.characters(), max_size=40)
records = st.lists(st.lists(text, max_size=6), max_size=8)


@given(records)
@settings(settings.get_profile("filmdesk-suite"), max_examples=400)
def test_folding_together_is_folding_each(found: list[list[str]]) -> None:
    assert word_blobs(found) == [reference_blob(*parts) for parts in found]


def test_examples() -> None:
    assert word_blob("Ёлки-палки", "Мой\u0301 сад") == " елки палки | мой сад "  # й stays
    assert word_blob("Письмо", "", "Й") == " письмо | | й "
    assert word_blobs([]) == []
    assert word_blobs([("a\x00b",), ("C.",)]) == [" a b ", " c "]
