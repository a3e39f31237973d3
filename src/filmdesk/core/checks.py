"""Checks of one value each: a film's title, a year, a rating, a list's name, a position...

Each check takes a value as it came (typed, read from a file, given on the command line) and
returns it clean, or raises ValueError saying what is wrong with it, in words that can follow
the field's name. ``validation`` checks a set of fields at once with these; ``fields`` names the
check of each film field.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit

from filmdesk.core.folding import fold

FIRST_FILM_YEAR = 1874  # Passage of Venus, the earliest film on IMDb and Letterboxd
YEARS_AHEAD = 10  # announced films
MAX_TITLE = 500
MAX_TAG = 100
MAX_NAME = 200  # collection and screening list names, a list's audience
MAX_LONG_TEXT = 20_000  # descriptions, a list entry's note, a comment
SCHEDULE_YEARS_AHEAD = 100
RATING_STEPS = tuple(step / 2 for step in range(1, 11))  # 0.5 .. 5.0
_IMDB_ID = re.compile(r"^tt\d{7,10}$")
IMDB_ID = _IMDB_ID


def max_year(today: date | None = None) -> int:
    """The latest year a film may have: ten years from now (announced films)."""
    return (today or date.today()).year + YEARS_AHEAD


def _one_line(value: object, limit: int, missing: str) -> str:
    """Text on one line: trimmed, single-spaced, not empty, at most ``limit`` characters."""
    if not isinstance(value, str):
        raise ValueError(f"must be text, not {value!r}")
    text = " ".join(value.split())
    if not text:
        raise ValueError(missing)
    if len(text) > limit:
        raise ValueError(f"is {len(text)} characters long; at most {limit} are allowed")
    return text


def check_title(value: object) -> str:
    """A trimmed, non-empty title."""
    return _one_line(value, MAX_TITLE, "a title is required")


def check_year(value: object) -> int | None:
    """A year from 1874 to ten years from now, or None (unknown, or not released yet)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a year") from None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not a year")
    top = max_year()
    if not FIRST_FILM_YEAR <= value <= top:
        raise ValueError(f"{value} is outside {FIRST_FILM_YEAR}..{top}")
    return value


def check_rating(value: object) -> float | None:
    """A half-star rating 0.5..5.0, or None for no rating."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            raise ValueError(f"{value!r} is not a number of stars") from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{value!r} is not a number of stars")
    if isinstance(value, int) and not -1000 < value < 1000:  # (float() fails on a huge one)
        raise ValueError("is not a half-star step from 0.5 to 5 (0.5, 1, 1.5, ... 5)")
    rating = float(value)
    if rating not in RATING_STEPS:
        raise ValueError(f"{value:g} is not a half-star step from 0.5 to 5 (0.5, 1, 1.5, ... 5)")
    return rating


def check_http_url(value: object, *, what: str = "URL") -> str:
    """An http or https URL with a host, or the empty string."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"must be text, not {value!r}")
    url = value.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{url!r} is not an http or https {what}")
    if any(c.isspace() for c in url):
        raise ValueError(f"{url!r} contains spaces")
    return url


def check_runtime(value: object) -> int | None:
    """Runtime in whole minutes (1..10000), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a number of minutes") from None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10000:
        raise ValueError(f"{value!r} is not a number of minutes between 1 and 10000")
    return value


def check_date(value: object) -> date | None:
    """A date (or ISO date text) from 1874 on, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a date like 2026-11-27") from None
    if not isinstance(value, date):
        raise ValueError(f"{value!r} is not a date")
    if value.year < FIRST_FILM_YEAR:
        raise ValueError(f"{value.isoformat()} is before the first film ({FIRST_FILM_YEAR})")
    return value


def check_past_date(value: object) -> date | None:
    """A date that has already come (a film is watched, or checked, today at the latest)."""
    checked = check_date(value)
    if checked is not None and checked > date.today():
        raise ValueError(f"{checked.isoformat()} is in the future")
    return checked


def _at_most(text: str, limit: int) -> str:
    """``text`` when it has at most ``limit`` characters."""
    if len(text) > limit:
        raise ValueError(f"is {len(text)} characters long; at most {limit} are allowed")
    return text


def check_imdb_id(value: object) -> str | None:
    """An IMDb title id such as tt0050634, or None."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not an IMDb id")
    text = value.strip()
    if not text:
        return None
    if not _IMDB_ID.match(text):
        raise ValueError(f"{text!r} is not an IMDb title id like tt0050634")
    return text


def check_names(value: object) -> list[str]:
    """A list of names (directors, countries): trimmed, empty ones dropped, duplicates removed."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple):
        raise ValueError(f"{value!r} is not a list of names")
    names: list[str] = []
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, str):
            raise ValueError(f"{item!r} is not a name")
        name = " ".join(item.split())
        if "|" in name:
            raise ValueError(f"{name!r}: the character | separates names in files; leave it out")
        if len(name) > MAX_TITLE:
            raise ValueError(f"{name[:20]!r}… is longer than {MAX_TITLE} characters")
        if name and fold(name) not in seen:
            seen.add(fold(name))
            names.append(name)
    return names


def check_tags(value: object) -> list[str]:
    """Tags trimmed, empty ones dropped, unique regardless of case (first spelling wins)."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        raise ValueError(f"{value!r} is not a list of tags")
    tags: list[str] = []
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, str):
            raise ValueError(f"{item!r} is not a tag")
        tag = " ".join(item.split())
        if "|" in tag:
            raise ValueError(f"{tag!r}: the character | separates tags in files; leave it out")
        if len(tag) > MAX_TAG:
            raise ValueError(f"{tag[:20]!r}… is longer than {MAX_TAG} characters")
        key = fold(tag)
        if tag and key not in seen:
            seen.add(key)
            tags.append(tag)
    return tags


def check_text(value: object) -> str:
    """Free text; None becomes the empty string. Kept as typed (newlines included)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"must be text, not {value!r}")
    return value


def check_bool(value: object) -> bool:
    """A yes/no value."""
    if isinstance(value, bool):
        return value
    raise ValueError(f"{value!r} is not yes or no")


def check_original_title(value: object) -> str:
    """An original title: one line, single-spaced; may be empty."""
    return _at_most(" ".join(check_text(value).split()), MAX_TITLE)


def check_trimmed_text(value: object) -> str:
    """Free text with its line breaks, trimmed at both ends (a description, a fact)."""
    return check_text(value).strip()


def check_trailer_url(value: object) -> str:
    """A trailer's http or https URL (at most 2,000 characters), or the empty string."""
    return _at_most(check_http_url(value, what="trailer URL"), 2000)


def check_letterboxd_uri(value: object) -> str | None:
    """A Letterboxd http or https URI (at most 500 characters), or None."""
    return _at_most(check_http_url(value, what="Letterboxd URI"), 500) or None


# --- collections, comments, screening lists --------------------------------------------------


def check_name(value: object) -> str:
    """A name for a collection or a list: trimmed, single-spaced, 1..200 characters."""
    return _one_line(value, MAX_NAME, "a name is required")


def check_short_line(value: object) -> str:
    """One line of text (a list's audience), trimmed and single-spaced; may be empty."""
    text = " ".join(check_text(value).split())
    if len(text) > MAX_NAME:
        raise ValueError(f"is {len(text)} characters long; at most {MAX_NAME} are allowed")
    return text


def check_source(value: object) -> str:
    """Where a collection comes from: one line, single-spaced, at most 500 characters."""
    return _at_most(" ".join(check_text(value).split()), 500)


def check_long_text(value: object) -> str:
    """Free text (a description, a note) up to 20,000 characters, trimmed at both ends."""
    text = check_text(value).strip()
    if len(text) > MAX_LONG_TEXT:
        raise ValueError(f"is {len(text):,} characters long; at most {MAX_LONG_TEXT:,} are allowed")
    return text


def check_comment(value: object) -> str:
    """The text of a comment: like ``check_long_text``, but not empty."""
    text = check_long_text(value)
    if not text:
        raise ValueError("a comment needs some text")
    return text


def check_scheduled_at(value: object) -> datetime | None:
    """A naive local date and time, to the minute, or None.

    Accepts a ``datetime`` (an aware one is turned into local time), a ``date`` (that day,
    00:00) or ISO text: ``2026-12-01``, ``2026-12-01T10:30`` or ``2026-12-01 10:30``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            value = datetime.fromisoformat(text) if len(text) > 10 else date.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"{text!r} is not a date like 2026-12-01 or a date and time like 2026-12-01T10:30"
            ) from None
    if isinstance(value, datetime):
        try:
            moment = value.astimezone().replace(tzinfo=None) if value.tzinfo else value
        except OverflowError:  # (at the ends of the calendar, in another time zone)
            raise ValueError(f"{value.isoformat()} is not a date and time") from None
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        raise ValueError(f"{value!r} is not a date and time")
    top = date.today().year + SCHEDULE_YEARS_AHEAD
    if not FIRST_FILM_YEAR <= moment.year <= top:
        raise ValueError(
            f"{moment.date().isoformat()} is outside the years {FIRST_FILM_YEAR}..{top}"
        )
    return moment.replace(second=0, microsecond=0)


def check_position(value: object, count: int) -> int:
    """A 1-based position in a sequence of ``count`` items (1..count)."""
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a position (a whole number)") from None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not a position (a whole number)")
    if not 1 <= value <= max(count, 1):
        raise ValueError(f"{value} is outside 1..{max(count, 1)}")
    return value
