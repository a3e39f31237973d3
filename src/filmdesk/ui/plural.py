"""English plurals for ``tr("%n film(s)", "", n)`` when no translation is installed."""

from __future__ import annotations


def plural(text: str, count: int) -> str:
    """``text`` (already translated, ``%n`` filled in) with ``(s)`` resolved for ``count``:
    a translation has its own plural forms and no ``(s)``, so this only changes English."""
    return text.replace("(s)", "" if count == 1 else "s")
