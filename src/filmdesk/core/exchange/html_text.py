"""Plain text from the HTML fragments Letterboxd writes (reviews, list descriptions and notes).

Paragraphs and line breaks are kept, a link becomes "text (url)", entities are decoded, and
emphasis (``<i>``, ``<b>``, ...) is dropped. Read with the standard library's parser, so odd or
unclosed tags never lose the text around them.
"""

from __future__ import annotations

from html.parser import HTMLParser

# Tags that start a paragraph of their own.
_BLOCKS = frozenset(
    {"p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "pre"}
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._links: list[tuple[str, int]] = []  # (href, where its text starts in parts)

    def _paragraph(self) -> None:
        if self.parts:
            self.parts.append("\n\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self._paragraph()
        elif tag == "a":
            self._links.append((dict(attrs).get("href") or "", len(self.parts)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._paragraph()
        elif tag == "a" and self._links:
            href, start = self._links.pop()
            text = "".join(self.parts[start:]).strip()
            if href and href != text:
                self.parts.append(f" ({href})" if text else href)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """The text a reader sees in an HTML fragment: paragraphs apart by one blank line, line
    breaks kept, links as "text (url)", entities decoded, no tags."""
    if "<" not in fragment and "&" not in fragment:
        raw = fragment
    else:
        parser = _TextParser()
        parser.feed(fragment)
        parser.close()
        raw = "".join(parser.parts)
    lines = [line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    # At most one blank line between paragraphs; none at either end.
    kept: list[str] = []
    for line in lines:
        if line.strip() or (kept and kept[-1]):
            kept.append(line if line.strip() else "")
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept).replace("\xa0", " ")
