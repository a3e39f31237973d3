"""The saved searches of a JSON backup: ``"saved_searches": [{"name", "query", "scope"}]``,
checked as the window and the command line check them when they are saved."""

from __future__ import annotations

from filmdesk.core.exchange import Problem
from filmdesk.core.names import name_key
from filmdesk.core.searches import IncomingSearch, clean_search_fields
from filmdesk.core.validation import ValidationError


def read_searches(name: str, items: list[object], problems: list[Problem]) -> list[IncomingSearch]:
    """The saved searches of backup ``name``; each one wrong is a problem naming it (its
    number and field), and a name given twice (in any case) is one too."""
    found: list[IncomingSearch] = []
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        where = f"saved search {number}"
        if not isinstance(item, dict):
            problems.append(Problem(name, None, where, "is not an object"))
            continue
        values = {key: item.get(key, "") for key in ("name", "query", "scope")}
        wrong = [key for key, value in values.items() if not isinstance(value, str)]
        if wrong:
            problems += [Problem(name, None, f"{where} {key}", "is not text") for key in wrong]
            continue
        try:
            clean = clean_search_fields(values)
        except ValidationError as exc:
            problems += [Problem(name, None, f"{where} {p.field}", p.message) for p in exc.problems]
            continue
        key = name_key(clean["name"])
        if key in seen:
            problems.append(
                Problem(name, None, f"{where} name", f"{clean['name']!r} is given twice")
            )
            continue
        seen.add(key)
        found.append(IncomingSearch(clean["name"], clean["query"], clean["scope"]))
    return found
