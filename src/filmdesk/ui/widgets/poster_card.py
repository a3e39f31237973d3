"""A film without a poster still gets a cover: a card with its title set in type, its year and
first director below, on a colour chosen from the title.

The colour comes from a stable hash of the title (the same film has the same card in every
run, on every machine) into a palette of muted colours that sit well on a light or a dark
window; the text is cream on the dark ones and ink on the light ones, whichever reads better.
The title is set as large as fits, wrapped at words, and elided only when even the smallest
size cannot hold it. One painter, so the cover view and the detail panel draw the same card.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPen,
    QPixmap,
    QTextLayout,
    QTextOption,
)

# Muted colours, mid to deep, with a few light ones for variety: none shouts beside a poster.
# Each keeps a contrast of 4.5 or more with its text over the whole of its gradient.
PALETTE = (
    "#2f4858",  # slate teal
    "#6b4e3d",  # walnut
    "#3d5a45",  # forest
    "#7a3b3b",  # oxblood
    "#4a4e69",  # dusk
    "#7a5a32",  # ochre
    "#355c7d",  # steel blue
    "#5e4b6b",  # plum
    "#8f5238",  # terracotta
    "#4a6663",  # sage
    "#c9b58f",  # sand
    "#b7c3ae",  # pale sage
    "#d6b3a1",  # clay
    "#9fb1c2",  # mist
    "#3b3a36",  # charcoal
    "#8a4f5c",  # dusty rose
    "#55633a",  # olive
    "#2e5e5a",  # deep teal
    "#6d4c7d",  # violet
    "#8c3f5d",  # berry
    "#b3a3c4",  # lilac
    "#c7a27c",  # tan
)
CREAM = QColor("#f5efe3")
INK = QColor("#211d18")
SERIF = ("Georgia", "Noto Serif", "DejaVu Serif", "Liberation Serif", "Nimbus Roman", "serif")
SANS = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "sans-serif")

# The title's type, as fractions of the card's width: as large as fits, no smaller than this.
TITLE_LARGEST = 0.155
TITLE_SMALLEST = 0.078
_STEPS = 8


@dataclass(frozen=True)
class CardColours:
    """A card's background, its text, and the faint tone of its ornament."""

    background: QColor
    text: QColor
    accent: QColor


def title_key(title: str) -> int:
    """A number from the title that is the same in every run (``hash()`` is not)."""
    return zlib.crc32(" ".join(title.casefold().split()).encode("utf-8"))


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    a, b = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@lru_cache(maxsize=len(PALETTE))
def _colours_of(colour: int) -> tuple[str, str, str]:
    background = QColor(PALETTE[colour])
    text = CREAM if contrast(CREAM, background) >= contrast(INK, background) else INK
    accent = QColor(text)
    accent.setAlphaF(0.09)
    return background.name(), text.name(), accent.name(QColor.NameFormat.HexArgb)


def card_colours(title: str) -> CardColours:
    """The colours of ``title``'s card: always the same for the same title."""
    background, text, accent = _colours_of(title_key(title) % len(PALETTE))
    return CardColours(QColor(background), QColor(text), QColor(accent))


def _font(families: tuple[str, ...], pixels: float, weight: QFont.Weight) -> QFont:
    return _cached_font(families, max(1, round(pixels)), weight)[0]


def _metrics(families: tuple[str, ...], pixels: float, weight: QFont.Weight) -> QFontMetricsF:
    return _cached_font(families, max(1, round(pixels)), weight)[1]


@lru_cache(maxsize=256)
def _cached_font(
    families: tuple[str, ...], pixels: int, weight: QFont.Weight
) -> tuple[QFont, QFontMetricsF]:
    # Made once per size: a font and its metrics cost more than painting a card's text.
    font = QFont()
    font.setFamilies(list(families))
    font.setStyleHint(
        QFont.StyleHint.Serif if families is SERIF else QFont.StyleHint.SansSerif,
        QFont.StyleStrategy.PreferAntialias,
    )
    font.setPixelSize(pixels)
    font.setWeight(weight)
    if families is SANS and weight != QFont.Weight.Normal:
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
    return font, QFontMetricsF(font)


def _lines(text: str, font: QFont, width: float) -> list[tuple[str, float]]:
    """``text`` broken into lines ``width`` wide (at words where it can): (line, its width)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[tuple[str, float]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        lines.append((text[start : start + length].strip(), line.naturalTextWidth()))
    layout.endLayout()
    return lines


def _breaks_a_word(text: str, lines: list[tuple[str, float]]) -> bool:
    words = set(text.split())
    return any(piece and " " not in piece and piece not in words for piece, _ in lines)


@lru_cache(maxsize=2048)
def fit_title(title: str, width: int, height: int) -> tuple[int, tuple[str, ...]]:
    """The pixel size and lines the title is set in, in a box ``width`` × ``height``: the
    largest size at which it fits without breaking a word, else the smallest size with the
    last line that fits elided."""
    text = " ".join(title.split()) or "?"
    largest, smallest = width * TITLE_LARGEST, width * TITLE_SMALLEST
    for step in range(_STEPS + 1):
        pixels = largest - (largest - smallest) * step / _STEPS
        font = _font(SERIF, pixels, QFont.Weight.Bold)
        line_height = _metrics(SERIF, pixels, QFont.Weight.Bold).lineSpacing()
        lines = _lines(text, font, width)
        if len(lines) * line_height <= height and not _breaks_a_word(text, lines):
            return round(pixels), tuple(line for line, _ in lines)
    font = _font(SERIF, smallest, QFont.Weight.Bold)
    metrics = _metrics(SERIF, smallest, QFont.Weight.Bold)
    room = max(1, int(height // metrics.lineSpacing()))
    lines = _lines(text, font, width)
    kept = [line for line, _ in lines[:room]]
    if len(lines) > room:
        rest = " ".join([kept[-1], *(line for line, _ in lines[room:])])
        kept[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return round(smallest), tuple(kept)


_VARIANTS = 6  # where the ornament sits and how large it is


@lru_cache(maxsize=len(PALETTE) * _VARIANTS)
def _background(colour: int, variant: int, width: int, height: int, ratio: float) -> QPixmap:
    """A card's background: its colour, lighter at the top, and a large faint disc placed by
    the title, so cards side by side differ. Painted once per colour, place and size (a
    smooth disc costs more than the rest of the card; a page of new cards is a copy each)."""
    pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    base = QColor(PALETTE[colour])
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(0, height))
    gradient.setColorAt(0.0, base.lighter(110))
    gradient.setColorAt(1.0, base.darker(115))
    painter.fillRect(QRectF(0, 0, width, height), gradient)
    radius = width * (0.55 + variant % 2 * 0.16)
    corner = variant // 2
    centre = QPointF(
        width * 0.95 if corner != 1 else width * 0.1,
        height * (0.22 if corner != 2 else 0.62),
    )
    accent = QColor(_colours_of(colour)[1])
    accent.setAlphaF(0.09)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(accent)
    painter.drawEllipse(centre, radius, radius)
    painter.end()
    return pixmap


def paint_poster_card(
    painter: QPainter,
    rect: QRect | QRectF,
    title: str,
    year: int | None = None,
    director: str = "",
) -> None:
    """Paint ``title``'s card into ``rect``: the title set large, the year and the director
    below, on the title's colour. Leaves the painter as it found it."""
    box = QRectF(rect)
    if box.width() < 8 or box.height() < 8:
        return
    colours = card_colours(title)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setClipRect(box)
    width, height = box.width(), box.height()
    key = title_key(title)
    device = painter.device()
    ratio = device.devicePixelRatioF() if device is not None else 1.0
    background = _background(
        key % len(PALETTE), (key >> 4) % _VARIANTS, round(width), round(height), ratio
    )
    painter.drawPixmap(box.topLeft(), background)

    margin = max(4.0, width * 0.1)
    inner = box.adjusted(margin, margin, -margin, -margin)
    rule = QPen(colours.text)
    rule.setWidthF(max(1.0, width / 110))
    rule.setCapStyle(Qt.PenCapStyle.FlatCap)

    # Below the title: a short rule, the year, the first director (when there is room).
    meta_pixels = max(7.0, width * 0.068)
    year_font = _font(SANS, meta_pixels * 1.05, QFont.Weight.DemiBold)
    year_metrics = _metrics(SANS, meta_pixels * 1.05, QFont.Weight.DemiBold)
    director_font = _font(SANS, meta_pixels, QFont.Weight.Normal)
    director_metrics = _metrics(SANS, meta_pixels, QFont.Weight.Normal)
    bottom = inner.bottom()
    meta: list[tuple[QFont, QFontMetricsF, str]] = []
    if director and width >= 60:
        meta.append((director_font, director_metrics, director))
    if year and width >= 40:
        meta.append((year_font, year_metrics, str(year)))
    painter.setPen(colours.text)
    for font, metrics, text in meta:
        painter.setFont(font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(QPointF(inner.left(), bottom - metrics.descent()), shown)
        bottom -= metrics.lineSpacing()
    if meta:
        bottom -= meta_pixels * 0.5
        painter.setPen(rule)
        painter.drawLine(
            QPointF(inner.left(), bottom), QPointF(inner.left() + width * 0.18, bottom)
        )
        bottom -= meta_pixels * 0.9

    # The title, top left, as large as the space above that allows.
    top = inner.top()
    title_height = bottom - top
    if title_height > 4:
        pixels, lines = fit_title(title, int(inner.width()), int(title_height))
        font = _font(SERIF, pixels, QFont.Weight.Bold)
        metrics = _metrics(SERIF, pixels, QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(colours.text)
        y = top + metrics.ascent()
        for line in lines:
            painter.drawText(QPointF(inner.left(), y), line)
            y += metrics.lineSpacing()
    painter.restore()
