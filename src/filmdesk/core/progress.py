"""How long work (an import, an export, a copy) says how far it is, and how it is stopped."""

from __future__ import annotations

from collections.abc import Callable


class ImportCancelled(Exception):  # noqa: N818 (a request, not an error)
    """The user stopped the import; nothing was changed."""


# Called now and then with (done, total); it may raise ImportCancelled to stop.
Progress = Callable[[int, int], None]
