"""The calendar that drops down from a date field: Thai month names, Buddhist-Era years.

Qt has no Buddhist calendar (``QCalendar`` knows Gregorian, Julian, Milankovic, Jalali and
Islamic Civil), so ``QCalendarWidget``'s own navigation bar would show the CE year. This popup
hides that bar and puts its own above the month grid: previous/next month, the month by its Thai
name, the year in BE, and "วันนี้". The grid itself is Qt's, in the Thai locale (Thai day names).
Keyboard: arrows move the day, Page Up/Down the month, Enter picks, Esc closes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPalette, QValidator
from PySide6.QtWidgets import (
    QCalendarWidget, QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QSpinBox, QToolButton, QVBoxLayout, QWidget,
)

from qualityschool_desktop import clock
from qualityschool_desktop.thai import BE_OFFSET, MONTHS, arabic_digits, digits
from qualityschool_desktop.value_rules import MAX_YEAR_BE, MIN_YEAR_BE

from . import strings_dates as text

THAI_LOCALE = QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)
WEEKEND_INK = "#c62828"  # as the grid draws Saturdays and Sundays


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def popup_place(size: QSize, anchor: QRect, screen: QRect, field: QRect | None = None) -> QPoint:
    """Where a popup of ``size`` goes for the line edit at ``anchor`` (global) of ``field`` (the
    line edit and its button; ``anchor`` if None): under it, else above it; where neither has
    the room (a short screen: 150 % scaling leaves 485 logical pixels) beside the field, so the
    field and what is typed in it stay in sight. Always on ``screen``."""
    around = anchor.united(field) if field is not None else anchor
    def inside(x: int, y: int) -> QPoint:
        return QPoint(min(max(x, screen.left()), screen.right() + 1 - size.width()),
                      min(max(y, screen.top()), screen.bottom() + 1 - size.height()))

    if anchor.bottom() + 1 + size.height() <= screen.bottom() + 1:
        return inside(anchor.left(), anchor.bottom() + 1)
    if anchor.top() - size.height() >= screen.top():
        return inside(anchor.left(), anchor.top() - size.height())
    beside = around.right() + 1
    if beside + size.width() > screen.right() + 1:
        beside = around.left() - size.width()  # no room to its right: to its left
    return inside(beside, anchor.top() - size.height() // 2)


class ThaiCalendarPopup(QFrame):
    """A popup month grid; ``chosen`` carries the picked ``date`` (the popup then closes)."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("thaiCalendar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._syncing = False

        self.previous_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip(text.CALENDAR_PREVIOUS)
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(text.CALENDAR_NEXT)
        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("calendarMonth")
        self.month_combo.addItems(list(MONTHS))
        self.year_spin = _YearSpin(self)
        self.year_spin.setObjectName("calendarYear")
        self.year_spin.setRange(MIN_YEAR_BE, MAX_YEAR_BE)
        self.year_spin.setPrefix(text.CALENDAR_YEAR_PREFIX)
        self.today_button = QPushButton(text.CALENDAR_TODAY, self)
        self.today_button.setAutoDefault(False)
        for control in (self.previous_button, self.next_button, self.month_combo, self.year_spin, self.today_button):
            control.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab stays in the grid

        self.calendar = _DayGrid(self)
        self.calendar.setLocale(THAI_LOCALE)
        self.calendar.setNavigationBarVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        # Thai's short day names (อาทิตย์, พฤหัส) are cut in a day's column and its "single
        # letters" make Sunday and Tuesday both "อ": the narrow names Thai calendars print (อา จ อ
        # พ พฤ ศ ส) go in a row of their own above the grid.
        self.calendar.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.NoHorizontalHeader)
        self.calendar.setMinimumSize(self.calendar.fontMetrics().horizontalAdvance("00") * 7 * 2,
                                     self.calendar.fontMetrics().height() * 7 * 2)
        self.calendar.setDateRange(QDate(MIN_YEAR_BE - BE_OFFSET, 1, 1), QDate(MAX_YEAR_BE - BE_OFFSET, 12, 31))

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.month_combo, 1)
        bar.addWidget(self.year_spin)
        bar.addWidget(self.next_button)
        bar.addWidget(self.today_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addLayout(bar)
        column.addLayout(self._day_names())
        column.addWidget(self.calendar)

        self.previous_button.clicked.connect(self.calendar.showPreviousMonth)
        self.next_button.clicked.connect(self.calendar.showNextMonth)
        self.today_button.clicked.connect(lambda: self._pick(to_qdate(clock.today())))
        self.month_combo.activated.connect(lambda _index: self._page_chosen())
        self.year_spin.valueChanged.connect(lambda _value: self._page_chosen())
        self.calendar.currentPageChanged.connect(self._show_page)
        self.calendar.activated.connect(self._pick)  # Enter or a double click
        self.calendar.clicked.connect(self._pick)

    def _day_names(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(0)
        first = self.calendar.firstDayOfWeek().value  # Monday 1 … Sunday 7
        self.day_names: list[str] = []
        for offset in range(7):
            day = (first - 1 + offset) % 7 + 1
            name = THAI_LOCALE.standaloneDayName(day, QLocale.FormatType.NarrowFormat)
            label = QLabel(name, self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if day in (6, 7):
                label.setStyleSheet(f"color: {WEEKEND_INK};")
            row.addWidget(label, 1)
            self.day_names.append(name)
        return row

    def open_at(self, anchor: QWidget, day: date | None) -> None:
        """Show the month of ``day`` (today's month for None) under ``anchor``, the grid focused."""
        # The year in the digits its date field shows (the window's style).
        self.year_spin.digit_style = str(getattr(self.parentWidget(), "digit_style", "arabic"))
        self.calendar.digit_style = self.year_spin.digit_style
        self.year_spin.lineEdit().setText(self.year_spin.prefix() + self.year_spin.textFromValue(self.year_spin.value()))
        shown = to_qdate(day if day is not None else clock.today())
        self.calendar.setSelectedDate(shown)
        self.calendar.setCurrentPage(shown.year(), shown.month())
        self._show_page(shown.year(), shown.month())
        self.adjustSize()
        field = self.parentWidget()  # the date field: its line edit (``anchor``) and button
        self.move(popup_place(self.size(), anchor.rect().translated(anchor.mapToGlobal(QPoint())),
                              anchor.screen().availableGeometry(),
                              field.rect().translated(field.mapToGlobal(QPoint())) if field is not None else None))
        self.show()
        self.calendar.setFocus()

    def shown_page(self) -> tuple[str, int]:
        """The month and the BE year the header shows ("ตุลาคม", 2561)."""
        return self.month_combo.currentText(), self.year_spin.value()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def _show_page(self, year: int, month: int) -> None:
        self._syncing = True
        try:
            self.month_combo.setCurrentIndex(month - 1)
            self.year_spin.setValue(year + BE_OFFSET)
        finally:
            self._syncing = False

    def _page_chosen(self) -> None:
        if not self._syncing:
            self.calendar.setCurrentPage(self.year_spin.value() - BE_OFFSET, self.month_combo.currentIndex() + 1)

    def _pick(self, day: QDate) -> None:
        self.close()
        self.chosen.emit(from_qdate(day))


class _DayGrid(QCalendarWidget):
    """Qt's month grid with the day numbers in :attr:`digit_style`'s digits.

    Qt writes a day with the locale's digits, and its Thai locale has only Arabic ones: in the
    Thai style each day's cell is drawn here (the selection, the weekend's red and the other
    months' grey as Qt draws them).
    """

    digit_style = "arabic"

    def day_text(self, day: QDate) -> str:
        """What the cell of ``day`` says: "๑๕" in the Thai style."""
        return digits(day.day(), self.digit_style)

    def paintCell(self, painter: QPainter, rect: QRect, day: QDate) -> None:  # noqa: N802 (Qt's name)
        if self.digit_style != "thai":
            super().paintCell(painter, rect, day)
            return
        palette = self.palette()
        painter.save()
        if day == self.selectedDate():
            painter.fillRect(rect, palette.brush(QPalette.ColorRole.Highlight))
            ink = palette.color(QPalette.ColorRole.HighlightedText)
        elif day.month() != self.monthShown():
            ink = palette.color(QPalette.ColorRole.PlaceholderText)  # another month's day: grey
        else:
            weekday = self.weekdayTextFormat(Qt.DayOfWeek(day.dayOfWeek()))
            ink = weekday.foreground().color() if weekday.hasProperty(weekday.Property.ForegroundBrush) \
                else palette.color(QPalette.ColorRole.Text)
        painter.setPen(ink)
        painter.setFont(self.font())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.day_text(day))
        painter.restore()


class _YearSpin(QSpinBox):
    """The calendar's BE year, in :attr:`digit_style`'s digits; Thai or Arabic digits typed."""

    digit_style = "arabic"

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt's name)
        return digits(value, self.digit_style)

    def valueFromText(self, typed: str) -> int:  # noqa: N802
        number = arabic_digits(typed).removeprefix(self.prefix()).strip()
        return int(number) if number.isdigit() else self.value()

    def validate(self, typed: str, position: int) -> tuple[QValidator.State, str, int]:
        number = arabic_digits(typed).removeprefix(self.prefix()).strip()
        if not number:
            return QValidator.State.Intermediate, typed, position
        if not number.isdigit():
            return QValidator.State.Invalid, typed, position
        inside = self.minimum() <= int(number) <= self.maximum()
        return QValidator.State.Acceptable if inside else QValidator.State.Intermediate, typed, position
