"""Dates as files write them: ISO, and the numeric forms a spreadsheet leaves when it re-saves
a file (``4/18/2026``, ``18/04/2026``, ``18.04.2026``, two-digit years too).

Whether such a date gives the day or the month first is decided per file, from its own values
(``date_order``): a value whose first part is over 12 (``18/04/2026``) can only be day first, one
whose second part is over 12 (``4/18/2026``) only month first. When no value settles it, dots
are read day first (a European habit) and slashes month first (as Excel writes in the US), and
the reader says so in a notice (``order_assumed``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})")

# A date value as the file gives it, with its line and the film of that line.
Where = tuple[str, int, str]


class DateOrder(Enum):
    """Whether a file's ``a/b/yyyy`` dates give the day or the month first."""

    DAY_FIRST = "day/month"
    MONTH_FIRST = "month/day"


@dataclass(frozen=True)
class DateReading:
    """How a file's numeric dates are read, and what decided it."""

    order: DateOrder
    settled: bool  # by a value that reads only one way (its first or second part over 12)
    # The first value that reads both ways (4/5/2026), with its line and film, if any.
    ambiguous: Where | None
    # The first value that reads only one way, if any.
    settled_by: Where | None = None
    # Some values read only day first and others only month first: nothing settles the order.
    mixed: bool = False


def numeric_parts(value: str) -> tuple[int, int, int, str] | None:
    """A numeric date's first part, second part, full year and separator; None for another
    kind of text (an ISO date among them)."""
    match = _NUMERIC_DATE.fullmatch(value.strip().split(" ")[0])
    if match is None:
        return None
    return int(match[1]), int(match[3]), _full_year(match[4]), match[2]


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 4:
        return year
    # Two digits: the latest year that is not in the future.
    this_year = date.today().year
    year += this_year // 100 * 100
    return year if year <= this_year else year - 100


def proven_order(value: str) -> DateOrder | None:
    """The only order a numeric date can be read in (``18/04/2026``: day first), or None when it
    reads either way or is not a numeric date."""
    parts = numeric_parts(value)
    if parts is None:
        return None
    first, second, _, _ = parts
    if first > 12:
        return DateOrder.DAY_FIRST
    if second > 12:
        return DateOrder.MONTH_FIRST
    return None


def date_order(values: Iterable[Where]) -> DateReading:
    """Day or month first, from every date the file gives (any date column), each with its
    line and film, in file order."""
    day_first = month_first = False
    ambiguous: Where | None = None
    settled_by: Where | None = None
    separator = ""
    for value, line, title in values:
        parts = numeric_parts(value)
        if parts is None:
            continue
        first, second, _, separator = parts
        if first > 12 or second > 12:
            if first > 12:
                day_first = True
            else:
                month_first = True
            if settled_by is None:
                settled_by = (value.strip(), line, title)
        elif first != second and ambiguous is None:
            ambiguous = (value.strip(), line, title)
    if day_first != month_first:
        order = DateOrder.DAY_FIRST if day_first else DateOrder.MONTH_FIRST
        return DateReading(order, True, ambiguous, settled_by)
    # Nothing settles it: dots are a European habit (18.04.2026), slashes an American one.
    order = DateOrder.DAY_FIRST if separator == "." else DateOrder.MONTH_FIRST
    return DateReading(order, False, ambiguous, settled_by, mixed=day_first and month_first)


def order_assumed(value: str, order: DateOrder) -> str:
    """What a notice says when no date of the file settles the order: how it was read."""
    return (
        f"dates such as {value} read as {order.value}/year in the whole file: "
        "none of its dates settles which comes first"
    )


def read_date(value: str, order: DateOrder) -> date:
    """A date as IMDb or a spreadsheet writes it; ValueError when it is none.

    A value that reads only one way (``18/04/2026``) is read that way whatever ``order`` says.
    """
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.strptime(text, "%a %b %d %H:%M:%S %Y").date()  # IMDb before 2017
    except ValueError:
        pass
    parts = numeric_parts(text)
    if parts is None:
        raise ValueError(f"{text!r} is not a date")
    first, second, year, _ = parts
    if first > 12 or (second <= 12 and order is DateOrder.DAY_FIRST):
        day, month = first, second
    else:
        day, month = second, first
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{text!r} is not a date") from None
