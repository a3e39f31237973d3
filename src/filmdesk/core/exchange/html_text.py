"""Plain text from the HTML fragments Letterboxd writes (reviews, list descriptions and notes).

Paragraphs and line breaks are kept, a link becomes "text (url)", entities are decoded, and
emphasis (``<i>``, ``<b>``, ...) is dropped. Odd or unclosed tags never lose the text around
them: a ``<`` that starts no tag is text.

Read in one pass whose time grows with the length of the text, whatever it holds: the
standard library's HTMLParser takes time that grows with its square on malformed markup (a
review of 40,000 characters of ``<a<a<a...`` took six seconds, a million would take hours) and
raises on some (``<![``), and a review is whatever someone typed.
"""

from __future__ import annotations

import re
from html import unescape

# Tags that start a paragraph of their own.
_BLOCKS = frozenset(
    {"p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "pre"}
)
# A tag (its slash, name and attributes), or a declaration or processing instruction
# (<!DOCTYPE ...>, <?xml ...?>), which says nothing. Neither holds < or >, so a failed try
# stops at the next one: each character is looked at a bounded number of times.
_MARKUP = re.compile(r"<(?:(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)|[!?][^<>]*)>")
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_COMMENT, _COMMENT_END = "<!--", "-->"


def _without_comments(fragment: str) -> str:
    """The fragment without its ``<!-- -->`` comments (an unclosed one is kept as text)."""
    if _COMMENT not in fragment:
        return fragment
    kept: list[str] = []
    at = 0
    while (start := fragment.find(_COMMENT, at)) != -1:
        end = fragment.find(_COMMENT_END, start + len(_COMMENT))
        if end == -1:  # no comment closes after here: the rest is text
            break
        kept.append(fragment[at:start])
        at = end + len(_COMMENT_END)
    kept.append(fragment[at:])
    return "".join(kept)


def _text_parts(fragment: str) -> list[str]:
    parts: list[str] = []
    # The link open now: (href, where its text starts in parts). One at a time: a link
    # inside a link ends the first, as browsers read it (and no text is gone over twice).
    link: tuple[str, int] | None = None

    def paragraph() -> None:
        if parts:
            parts.append("\n\n")

    def end_link() -> None:
        nonlocal link
        if link is not None:
            href, start = link
            link = None
            text = "".join(parts[start:]).strip()
            if href and href != text:
                parts.append(f" ({href})" if text else href)

    at = 0
    for markup in _MARKUP.finditer(fragment):
        if markup.start() > at:
            parts.append(unescape(fragment[at : markup.start()]))
        at = markup.end()
        closing, name, attributes = markup.groups()
        if name is None:
            continue
        tag = name.lower()
        if closing:
            if tag in _BLOCKS:
                paragraph()
            elif tag == "a":
                end_link()
        elif tag == "br":
            parts.append("\n")
        elif attributes.rstrip().endswith("/"):
            continue  # <p/>, <a/>: opened and closed, nothing in them
        elif tag in _BLOCKS:
            paragraph()
        elif tag == "a":
            end_link()
            found = _HREF.search(attributes)
            values = found.groups() if found else ()
            href = next((value for value in values if value is not None), "")
            link = (unescape(href), len(parts))
    if at < len(fragment):
        parts.append(unescape(fragment[at:]))
    return parts


def html_to_text(fragment: str) -> str:
    """The text a reader sees in an HTML fragment: paragraphs apart by one blank line, line
    breaks kept, links as "text (url)", entities decoded, no tags."""
    if "<" not in fragment and "&" not in fragment:
        raw = fragment
    else:
        raw = "".join(_text_parts(_without_comments(fragment)))
    lines = [line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    # At most one blank line between paragraphs; none at either end.
    kept: list[str] = []
    for line in lines:
        if line.strip() or (kept and kept[-1]):
            kept.append(line if line.strip() else "")
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept).replace("\xa0", " ")
