"""The transaction an operation runs in: the session, and the bookkeeping done once at the end
(tags that no film carries any more go)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass
class Transaction:
    """One unit of work: every operation run in it is committed together or not at all."""

    session: Session
    tags_touched: bool = False
    # Per-transaction caches that operations share (tags by key, say).
    cache: dict[str, object] = field(default_factory=dict)
