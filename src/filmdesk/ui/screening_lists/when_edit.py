"""Typing a screening's date and time: whole text, read as written.

A QDateTimeEdit takes keys section by section: "2026-12-01 10:30" typed over its text ran digits
into whichever section the cursor was in and came out as 12 Nov 2026, 01:10. ``WhenEdit`` is a
line edit instead, and ``read_when`` reads its text as a whole, in any of the forms a user has
in front of them:

* ISO, as the editor starts: ``2026-12-01``, ``2026-12-01 10:30``, ``2026-12-01T10:30`` (the
  core's rule, ``check_scheduled_at``);
* what the list's cell shows: ``Tue 1 Dec 2026, 10:30``, ``вт 1 дек. 2026, 10:30``; the weekday
  may be left out, and one left over from an earlier date is ignored (the numbers win);
* the locale's short date, in its order: ``01.12.2026`` (Russian), ``12/1/2026`` (American).

A time (``10:30``) may follow any of them; 00:00 or no time means the day only.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPalette, QPixmap, QValidator
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from filmdesk.core.checks import check_scheduled_at

ISO_MINUTE = "%Y-%m-%d %H:%M"
ISO_DAY = "%Y-%m-%d"
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_NUMBERS = re.compile(r"^(\d{1,4})\D(\d{1,4})\D(\d{1,4})$")
# Russian long dates end "2026 г." ("year"); the word adds nothing.
_YEAR_WORDS = frozenset({"г"})
_NAME_FORMATS = (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat)


def when_text(at: datetime | None) -> str:
    """How the editor shows a moment: ISO, whose digits are easy to change one by one."""
    if at is None:
        return ""
    return at.strftime(ISO_DAY if (at.hour, at.minute) == (0, 0) else ISO_MINUTE)


def read_when(text: str, locale: QLocale | None = None) -> datetime | None:
    """The moment ``text`` means (None when it is empty); ValueError when it is no date.

    See the module docstring for the forms read.
    """
    text = " ".join(text.split())
    if not text:
        return None
    try:
        return check_scheduled_at(text)
    except ValueError as not_iso:
        try:
            moment = _read_local(text, locale or QLocale())
        except ValueError:
            raise not_iso from None
        return check_scheduled_at(moment)  # the same years the core allows


def _word(text: str) -> str:
    return text.casefold().strip(".")


def _read_local(text: str, locale: QLocale) -> datetime:
    words = text.replace(",", " ").split()
    hour = minute = 0
    afternoon: bool | None = None
    if words and _word(words[-1]) in (_word(locale.amText()), "am"):
        afternoon = False
        words.pop()
    elif words and _word(words[-1]) in (_word(locale.pmText()), "pm"):
        afternoon = True
        words.pop()
    if words and (time := _TIME.match(words[-1])):
        hour, minute = int(time[1]), int(time[2])
        words.pop()
    elif afternoon is not None:
        raise ValueError("AM or PM without a time")
    if afternoon is not None:
        if not 1 <= hour <= 12:
            raise ValueError("not a 12-hour time")
        hour = hour % 12 + (12 if afternoon else 0)
    if words and _word(words[-1]) in _YEAR_WORDS:
        words.pop()
    if words and _word(words[0]) in _day_names(locale):
        words.pop(0)
    day = _read_day(words, locale)
    return datetime(day.year, day.month, day.day, hour, minute)  # ValueError: no such time


def _read_day(words: list[str], locale: QLocale) -> date:
    if len(words) == 1 and (numbers := _NUMBERS.match(words[0])):
        # The locale's short format says the order: dd.MM.yyyy, M/d/yy, dd/MM/yyyy...
        pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
        order = sorted("dMy", key=lambda part: pattern.find(part))
        if any(pattern.find(part) < 0 for part in "dMy"):
            order = ["d", "M", "y"]
        parts = dict(zip(order, (int(n) for n in numbers.groups()), strict=True))
        return date(_full_year(parts["y"], numbers[order.index("y") + 1]), parts["M"], parts["d"])
    if len(words) == 3:
        months = _month_names(locale)
        if (month := _month(words[1], months)) is not None:  # 1 Dec 2026, 1 дек. 2026
            day, year = words[0], words[2]
        elif (month := _month(words[0], months)) is not None:  # Dec 1 2026
            day, year = words[1], words[2]
        else:
            raise ValueError("no month")
        if day.isdigit() and year.isdigit():
            return date(_full_year(int(year), year), month, int(day))
    raise ValueError("not a date")


def _full_year(year: int, written: str) -> int:
    # Two digits mean this century: screenings are planned ahead, not in 1926.
    if len(written) == 2:
        return 2000 + year
    if len(written) != 4:
        raise ValueError("a year has four digits")
    return year


def _day_names(locale: QLocale) -> set[str]:
    names = set()
    for each in (locale, QLocale(QLocale.Language.English)):
        for day in range(1, 8):
            for kind in _NAME_FORMATS:
                names.add(_word(each.dayName(day, kind)))
                names.add(_word(each.standaloneDayName(day, kind)))
    return names


def _month_names(locale: QLocale) -> dict[str, int]:
    names: dict[str, int] = {}
    for each in (locale, QLocale(QLocale.Language.English)):
        for month in range(1, 13):
            for kind in _NAME_FORMATS:
                names.setdefault(_word(each.monthName(month, kind)), month)  # "мая", "дек."
                names.setdefault(_word(each.standaloneMonthName(month, kind)), month)  # "май"
    return names


def _month(word: str, names: dict[str, int]) -> int | None:
    word = _word(word)
    if word in names:
        return names[word]
    # "ноя", "sept", "decem": the start of one month's names, if it is long enough to tell.
    if len(word) >= 3:
        found = {month for name, month in names.items() if name.startswith(word)}
        if len(found) == 1:
            return found.pop()
    return None


class WhenValidator(QValidator):
    """Acceptable when the text is a date (or empty); anything else may be on its way to one.

    Never Invalid: a user must be able to type "1 D" on the way to "1 Dec". Return with text
    that is not (yet) a date leaves the table's editor open (Qt's delegate asks the validator).
    """

    def validate(self, text: str, pos: int) -> object:
        try:
            read_when(text)
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos


def calendar_icon(palette: QPalette) -> QIcon:
    """A small calendar page in the palette's text colour (no icon theme is to be relied on)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor(palette.color(QPalette.ColorRole.Text))
    painter.setPen(ink)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(4.5, 6.5, 23, 21), 2, 2)
    painter.fillRect(QRectF(5, 7, 22, 5), ink)
    for row in range(3):
        for column in range(4):
            painter.fillRect(QRectF(8 + column * 5, 15 + row * 4, 2.5, 2.5), ink)
    painter.end()
    return QIcon(pixmap)


class WhenEdit(QLineEdit):
    """A line for a date and time, with a calendar to pick the day from (Alt+Down, F4)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(WhenValidator(self))
        self.setPlaceholderText("2026-12-01 10:30")
        self.setToolTip(
            self.tr(
                "A date, and a time if you like: 2026-12-01 10:30, or as the list shows it. "
                "Without a time (or at 00:00): the day only. Empty: no date."
            )
        )
        self.calendar_action = self.addAction(
            calendar_icon(self.palette()), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setToolTip(self.tr("Choose the day on a calendar (Alt+Down)"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self._calendar: QCalendarWidget | None = None
        # Return does nothing while the text is no date: the colour says why.
        self._plain_palette = QPalette(self.palette())
        self.textChanged.connect(self._show_whether_a_date)

    def _show_whether_a_date(self) -> None:
        palette = QPalette(self._plain_palette)
        if not self.hasAcceptableInput():
            base = palette.color(QPalette.ColorRole.Base)
            palette.setColor(
                QPalette.ColorRole.Text, QColor("#ff7b72" if base.lightness() < 128 else "#c62828")
            )
        self.setPalette(palette)

    def when(self) -> datetime | None:
        """The moment typed; ValueError when the text is not a date."""
        return read_when(self.text())

    def set_when(self, at: datetime | None) -> None:
        """Show ``at`` (None: empty)."""
        self.setText(when_text(at))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The keys that open a combo box's or a date edit's popup open the calendar here.
        alt_down = (
            event.key() == Qt.Key.Key_Down and event.modifiers() == Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        """Open the calendar under the line, on the day typed (today when none is)."""
        if self._calendar is None:
            # A child of the editor: while it has the focus, the table's delegate sees the
            # focus still inside its editor and keeps editing.
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setGridVisible(True)
            self._calendar.activated.connect(self._pick)
            self._calendar.clicked.connect(self._pick)
        at = self._typed()
        self._calendar.setSelectedDate(
            QDate.currentDate() if at is None else QDate(at.year, at.month, at.day)
        )
        self._calendar.adjustSize()
        self._calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self._calendar.show()
        self._calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _typed(self) -> datetime | None:
        try:
            return self.when()
        except ValueError:
            return None  # half typed: the calendar starts from today, the time is not kept

    def _pick(self, day: QDate) -> None:
        at = self._typed()
        chosen = day.toPython()
        assert isinstance(chosen, date)
        picked = datetime(chosen.year, chosen.month, chosen.day)
        if at is not None:
            picked = picked.replace(hour=at.hour, minute=at.minute)
        self.set_when(picked)
        if self._calendar is not None:
            self._calendar.hide()
        self.setFocus(Qt.FocusReason.PopupFocusReason)


__all__ = ["WhenEdit", "WhenValidator", "calendar_icon", "read_when", "when_text"]
