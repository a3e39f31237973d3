"""How names compare: tags, collections and screening lists. Front ends call these; none of
them folds names on its own (a window that used ``str.casefold`` missed "Ёлка" for "Елка")."""

from __future__ import annotations

from collections.abc import Iterable

from filmdesk.core.folding import fold


def tag_key(name: str) -> str:
    """The key two spellings of one tag share: case, ё/е, accents and spacing ignored."""
    return " ".join(fold(name).split())


def same_tag(one: str, other: str) -> bool:
    """Whether two spellings name one tag."""
    return tag_key(one) == tag_key(other)


def has_tag(tags: Iterable[str], name: str) -> bool:
    """Whether ``tags`` holds ``name`` in any spelling."""
    key = tag_key(name)
    return any(tag_key(tag) == key for tag in tags)


def without_tag(tags: Iterable[str], name: str) -> list[str]:
    """``tags`` less every spelling of ``name``."""
    key = tag_key(name)
    return [tag for tag in tags if tag_key(tag) != key]


def name_key(name: str) -> str:
    """The key under which collection and screening-list names must be unique."""
    return " ".join(fold(name).split())
