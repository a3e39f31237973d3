"""The rows of a CSV file, with their lines: what every CSV reader of filmdesk reads through.

One way to read rows, so that no reader can get it wrong on its own:

* line ends are CSV's own: ``\\r\\n``, ``\\n`` or a lone ``\\r`` end a row, inside quotes they
  are part of the cell. (Read line by line as Python's text files split them, a carriage
  return inside an unquoted cell made the csv module stop with an error naming no line.)
* a cell may be as long as the file: the csv module's own limit (131,072 characters) would stop
  reading at the first longer one, naming no column. Readers check each cell against
  ``MAX_CELL`` and name the line and column of one that is longer (``cell_too_long``).
* each row comes with the line it starts on (``csv_rows``) or, a piece of rows at a time for
  large files, the line each one ends on (``csv_pieces``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from itertools import accumulate, islice, tee
from typing import IO

from filmdesk.core.exchange import Problem, UnreadableFileError

MAX_CELL = 1_000_000  # characters in one cell: 50 pages of notes
# Rows read in one import (blank ones too): ten times a large catalog. A file of 200 MB of
# tiny rows would otherwise take tens of gigabytes of memory to plan.
MAX_ROWS = 1_000_000

# Every cell is read whole, however long (files are 200 MB at most), and checked by the
# reader that knows its column. Set once: the limit is the csv module's, for the whole
# process, and a limit changed and put back around each file would race with a second import
# in another thread.
csv.field_size_limit(2**31 - 1)


def csv_pieces(
    source: str | IO[str],
    name: str,
    *,
    delimiter: str = ",",
    size: int = 10_000,
    max_rows: int = MAX_ROWS,
) -> Iterator[tuple[list[list[str]], Sequence[int]]]:
    """The rows of CSV text (a string, or a text stream opened with ``newline=""``), ``size``
    at a time, each piece with the line each of its rows ends on. A blank line is an empty
    row. UnreadableFileError when the csv module cannot read it at all, or past ``max_rows``
    rows (what is left of ``MAX_ROWS`` when an import reads several files)."""
    lines = io.StringIO(source, newline="") if isinstance(source, str) else source
    # The lines of the piece being read are kept beside (``tee``, in C) for the last row's
    # check; those of earlier pieces are let go.
    read, kept = tee(lines)
    reader = csv.reader(read, delimiter=delimiter, strict=False)
    last = 0
    rows = 0
    let_go = 0  # lines of ``kept`` already let go
    last_row = 1  # the line the last row read starts on
    try:
        while piece := list(islice(reader, min(size, max_rows - rows + 1))):
            rows += len(piece)
            if rows > max_rows:
                raise UnreadableFileError(
                    [
                        Problem(
                            name,
                            reader.line_num,
                            None,
                            f"goes on past the {MAX_ROWS:,} rows filmdesk reads in one import",
                        )
                    ]
                )
            ends = _row_ends(piece, last, reader.line_num)
            last_row = (ends[-2] if len(ends) > 1 else last) + 1
            next(islice(kept, last_row - 1 - let_go, last_row - 1 - let_go), None)
            let_go = last_row - 1
            last = reader.line_num
            yield piece, ends
        if rows and _ends_quoted("".join(kept), delimiter):
            raise UnreadableFileError(
                [
                    Problem(
                        name,
                        last_row,
                        None,
                        'has a quoted cell that is never closed (a " with no " after it):'
                        " the file may be cut short",
                    )
                ]
            )
    except csv.Error:
        raise UnreadableFileError(
            [
                Problem(
                    name, max(reader.line_num, 1), None, "cannot be read as CSV from this line on"
                )
            ]
        ) from None


def _ends_quoted(row: str, delimiter: str) -> bool:
    """Whether one row's text, as the csv module reads it (leniently: a quote inside a cell
    that does not start with one is a quote), ends inside a quoted cell."""
    at = 0
    while at < len(row):  # at the start of a cell
        if row[at] == '"':
            at += 1
            while True:
                close = row.find('"', at)
                if close < 0:
                    return True
                if not row.startswith('"', close + 1):  # ("" is a quote in the cell)
                    at = close + 1
                    break
                at = close + 2
        after = row.find(delimiter, at)
        if after < 0:
            return False
        at = after + 1
    return False


def csv_rows(
    source: str | IO[str], name: str, *, delimiter: str = ",", max_rows: int = MAX_ROWS
) -> Iterator[tuple[int, list[str]]]:
    """Each row of CSV text with the line it starts on (see ``csv_pieces``)."""
    start = 1
    for piece, ends in csv_pieces(source, name, delimiter=delimiter, max_rows=max_rows):
        for row, end in zip(piece, ends, strict=True):
            yield start, row
            start = end + 1


def _row_ends(piece: list[list[str]], before: int, after: int) -> Sequence[int]:
    """The line each row of ``piece`` ends on, given the lines read before and after it.

    csv counts a line at each \\n, \\r or \\r\\n; a row ends one line on from the previous row's
    end, plus the line breaks inside its own cells (notes often have some).
    """
    if after - before == len(piece):  # a line per row
        return range(before + 1, after + 1)
    # (Counted cell by cell: a cell ending in \r before one starting with \n is two breaks.)
    steps = (
        1 + sum(map(_breaks, row)) if "\n" in joined or "\r" in joined else 1
        for row, joined in zip(piece, map("".join, piece), strict=True)
    )
    return list(accumulate(steps, initial=before))[1:]


def _breaks(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def cell_too_long(
    name: str, line: int, header: Sequence[str], row: Sequence[str], film: str | None = None
) -> Problem | None:
    """The problem with the first cell of ``row`` longer than ``MAX_CELL`` (named by its
    column in ``header``), or None when every cell is short enough."""
    for at, cell in enumerate(row):
        if len(cell) > MAX_CELL:
            column = header[at].strip() if at < len(header) else f"column {at + 1}"
            return Problem(
                name, line, column, f"is {len(cell):,} characters; at most {MAX_CELL:,}", film
            )
    return None
