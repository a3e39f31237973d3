"""Films' search texts, held compactly: what search scans for phrases, and reads once to
index the words (``search.SearchIndex``)."""

from __future__ import annotations

import zlib
from array import array
from collections import deque
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import contains

BLOCK = 64  # texts to a compressed block
_FEW = 16  # a scan of fewer rows than one in this many reads their blocks, not all of them
_PART = "\x00"  # between a block's texts (``folding.word_blobs`` leaves none in a text)


class TextStore:
    """The folded search text of each position (``folding.word_blobs``); "" when it has none.

    Texts given many at once (``add_many``: a catalog's, as the window reads them) are kept
    compressed, ``BLOCK`` to a zlib block. At 100,000 films that is 9 MB instead of 53 MB of
    Python strings (232 characters a film, and a Cyrillic one takes two bytes a character).
    A text given alone (``set``: a film edited or added) is kept as it is.

    The latest text given for a position is the one read. Reading a text decompresses its
    block, and the last block read is kept, so reading positions in order decompresses each
    block once.

    A scan (``containing``: a phrase, or any free text before the word index is made) of a
    few rows (a film just added, a saved search within a few films) reads only the blocks they
    are in. A scan of many opens every block (0.1 s and 34 MB at 100,000 films, still less
    than the texts took as strings), and the next keys of the search scan them as quickly as
    strings. They can be opened ahead a few blocks at a time (``open_step``: a phrase is being
    typed). A search that no longer scans closes them again (``close``).
    """

    def __init__(self, texts: Iterable[str] = ()) -> None:
        # Texts kept as they are, by position: newer than any block's text of that position.
        self._loose: dict[int, str] = dict(enumerate(texts))
        self._blocks: list[bytes] = []
        self._members: list[array[int]] = []  # each block's positions, in its order
        # Per position, where its text is in the blocks (block * BLOCK + place), or -1.
        self._where = array("i")
        self._read: tuple[int, list[bytes]] = (-1, [])
        # Every position's text in UTF-8 while a search scans them (see ``containing``), and
        # how many blocks are in it so far (``open_step``).
        self._open: list[bytes] | None = None
        self._opened = 0
        self.scanned = False  # ``containing`` has run since ``scanned`` was last set False

    def __getitem__(self, position: int) -> str:
        text = self._loose.get(position)
        if text is not None:
            return text
        where = self._place(position)
        if where < 0:
            return ""
        block, place = divmod(where, BLOCK)
        if self._read[0] != block:
            self._read = (block, self._block(block))
        return self._read[1][place].decode()

    def set(self, position: int, text: str) -> None:
        """Give one position its text."""
        self._loose[position] = text
        if self._open is not None and self.is_open:
            opened = self._open
            opened.extend([b""] * (position + 1 - len(opened)))  # (a film added)
            opened[position] = text.encode()

    def add_many(self, texts: Sequence[tuple[int, str]]) -> None:
        """Give many positions their texts (position, text), compressed in blocks."""
        self.close()
        loose = self._loose
        for start in range(0, len(texts), BLOCK):
            part = texts[start : start + BLOCK]
            joined = _PART.join(text for _, text in part)
            if joined.count(_PART) != len(part) - 1:  # (a text with a NUL: kept as it is)
                loose.update(part)
                continue
            block = len(self._blocks)
            self._blocks.append(zlib.compress(joined.encode(), 1))
            positions = array("i", (position for position, _ in part))
            self._members.append(positions)
            where = self._where
            if len(where) <= max(positions):
                where.extend(array("i", (-1,)) * (max(positions) + 1 - len(where)))
            for place, position in enumerate(positions):
                where[position] = block * BLOCK + place
                loose.pop(position, None)

    def containing(self, rows: Sequence[int], needle: str) -> list[int]:
        """The rows (positions) whose text contains ``needle``, in their order."""
        self.scanned = True
        if not self._blocks:
            texts: Iterable[str | bytes] = map(self._loose.get, rows, repeat(""))
            return list(compress(rows, map(contains, texts, repeat(needle))))
        if not self.is_open and len(rows) * _FEW <= len(self._where):
            texts = self._few(rows)  # (a film added, a saved search's few: no need to open all)
            return list(compress(rows, map(contains, texts, repeat(needle))))
        size = max(rows, default=-1) + 1
        if self._open is not None and len(self._open) < size:
            self.close()
        while not self.open_step(len(self._blocks), size):
            pass
        assert self._open is not None
        texts = map(self._open.__getitem__, rows)
        # (UTF-8 holds a text's characters in sequence as bytes in sequence.)
        return list(compress(rows, map(contains, texts, repeat(needle.encode()))))

    @property
    def is_open(self) -> bool:
        """True when every text is open for a scan (see ``containing``)."""
        return self._open is not None and self._opened > len(self._blocks)

    def open_step(self, blocks: int = 100, size: int = 0) -> bool:
        """Open ``blocks`` more blocks for a scan (of positions below ``size`` at least);
        True when every text is open."""
        if self.is_open or not self._blocks:
            return True  # (with no blocks, a scan reads the texts as they are)
        if self._open is None:
            size = max(size, len(self._where), max(self._loose, default=-1) + 1)
            self._open = [b""] * size
            self._opened = 0
        put = self._open.__setitem__
        end = min(self._opened + blocks, len(self._blocks))
        for block in range(self._opened, end):  # (in order: a later block's text is newer)
            deque(map(put, self._members[block], self._block(block)), maxlen=0)
        self._opened = end
        if end < len(self._blocks):
            return False
        opened = self._open
        opened.extend([b""] * (max(self._loose, default=-1) + 1 - len(opened)))
        for position, text in self._loose.items():  # (newer than any block's)
            opened[position] = text.encode()
        self._opened += 1  # (the texts given alone are in too)
        return True

    def _few(self, rows: Sequence[int]) -> list[str]:
        """The texts of a few rows, each block they are in decompressed once (read in the
        blocks' order: the last block read is kept)."""
        read = {r: self[r] for r in sorted(set(rows), key=self._place)}
        return [read[r] for r in rows]

    def _place(self, position: int) -> int:
        """Where the position's text is in the blocks (block * BLOCK + place), or -1."""
        return self._where[position] if position < len(self._where) else -1

    def close(self) -> None:
        """Let go of the texts opened for a scan (see ``containing``)."""
        self._open = None
        self._opened = 0

    def _block(self, block: int) -> list[bytes]:
        return zlib.decompress(self._blocks[block]).split(_PART.encode())
