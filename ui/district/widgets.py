"""Widgets of the district dashboard: the readiness bar, the school lists, and the texts of the
change cells. They are handed plain values; the page and its parts (``ui/district/page.py``,
``tables.py``, ``bands.py`` …) decide what to show."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common.digits import score, shown
from ui.common.tables import CHIP_ROLE, ID_ROLE, ChipDelegate, set_up_list_table
from ui.common.widgets import readable_text_colour

from . import strings as text

UP_COLOUR = "#2e7d32"
DOWN_COLOUR = "#c62828"


def signed_delta(now: int, before: int | None) -> str:
    if before is None:
        return text.DELTA_NONE
    delta = now - before
    if delta == 0:
        return text.DELTA_SAME
    return (text.DELTA_UP if delta > 0 else text.DELTA_DOWN).format(n=shown(abs(delta)))


def trend_colour(trend: int) -> str:
    """Green for good news, red for bad (``trend`` from ``district.band_count_trend``: 1, -1);
    which way the count moved is the arrow's to say."""
    return UP_COLOUR if trend > 0 else DOWN_COLOUR


def trend_tip(name: str, now: int, before: int | None, trend: int) -> str:
    """The change in words, so it never rests on colour alone: "แดง: รอบก่อน ๑ → รอบนี้ ๐ (ดีขึ้น)"."""
    if before is None:
        return text.TREND_TIP_NONE.format(name=name)
    verdict = text.TREND_BETTER if trend > 0 else text.TREND_WORSE if trend < 0 else ""
    return text.TREND_TIP.format(name=name, before=shown(before), now=shown(now), verdict=verdict)


def short_title(title: str) -> str:
    """"ด้านผู้เรียน" → "ผู้เรียน": shown after "ด้านที่ ๕" the word would come twice."""
    return title[len("ด้าน"):].strip() if title.startswith("ด้าน") else title


def change_text(change: float | None) -> str:
    """The per-school change cell: ▲ 0.35 / ▼ 0.20 / = 0.00, or that there is nothing to compare."""
    if change is None:
        return text.CHANGE_NONE
    if round(change, 2) == 0:
        return text.CHANGE_SAME
    return (text.CHANGE_UP if change > 0 else text.CHANGE_DOWN).format(value=score(abs(change)))


class TitledCard(QFrame):
    """A card of the page: a framed column (``column``) that starts with its section title."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileCard")
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(16, 10, 16, 10)
        self.column.addWidget(heading)


class ReadinessBar(QWidget):
    """One component's schools split into ready / meets the standard / urgent, as a stacked bar
    with each count written in its segment (so the counts never depend on colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._segments: list[tuple[str, int, str]] = []  # (group name, count, colour)
        self.setMinimumWidth(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_counts(self, segments: list[tuple[str, int, str]]) -> None:
        self._segments = segments
        self.setToolTip("\n".join(text.READINESS_PART.format(group=g, count=shown(c)) for g, c, _ in segments))
        self.update()

    def counts(self) -> list[int]:
        return [count for _name, count, _colour in self._segments]

    def sizeHint(self) -> QSize:
        return QSize(240, QFontMetrics(self.font()).height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0, 2, 0, -2)
        total = sum(count for _name, count, _colour in self._segments)
        if total == 0:
            painter.setPen(QColor("#c5ced8"))
            painter.setBrush(QColor("#f3f5f7"))
            painter.drawRoundedRect(rect, 4, 4)
            return
        metrics = QFontMetrics(self.font())
        least = [metrics.horizontalAdvance(shown(c)) + 8 if c else 0 for c in self.counts()]
        x = rect.left()
        for (_name, count, colour), width in zip(self._segments, segment_widths(self.counts(), rect.width(), least)):
            if count == 0:
                continue
            segment = QRectF(x, rect.top(), width, rect.height())
            painter.fillRect(segment, QColor(colour))
            painter.setPen(readable_text_colour(QColor(colour)))
            label = shown(count)
            if metrics.horizontalAdvance(label) + 4 <= width:
                painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, label)
            x += width


def segment_widths(counts: list[int], room: float, least: list[int]) -> list[float]:
    """Widths of a stacked bar's segments in proportion to ``counts`` within ``room``, each
    non-zero one at least its ``least`` (room for its count: one urgent school beside 24 ready
    was a red sliver without its number), taken from the segments that can spare it."""
    total = sum(counts)
    if total == 0:
        return [0.0] * len(counts)
    widths = [room * count / total for count in counts]
    short = [i for i, width in enumerate(widths) if counts[i] and width < least[i]]
    if not short or sum(least) > room:
        return widths
    for i in short:
        widths[i] = float(least[i])
    rest = [i for i in range(len(counts)) if counts[i] and i not in short]
    spare = room - sum(widths[i] for i in short)
    share = sum(counts[i] for i in rest)
    for i in rest:
        widths[i] = spare * counts[i] / share if share else 0.0
    return widths


class SchoolTable(QTableWidget):
    """A read-only list of schools; Enter (or a double click) opens the selected one."""

    open_requested = Signal(str)

    def __init__(self, headers: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setItemDelegate(ChipDelegate(self))
        set_up_list_table(self, self.fontMetrics().height() + 12)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        # Double click here, Enter in keyPressEvent: not itemActivated too, or a platform that
        # activates on double click would open the school twice.
        self.cellDoubleClicked.connect(lambda _row, _column: self._open())

    def selected_id(self) -> str | None:
        row = self.currentRow()
        item = self.item(row, 0) if row >= 0 else None
        return str(item.data(ID_ROLE)) if item is not None and item.data(ID_ROLE) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._open()
            return
        super().keyPressEvent(event)

    def _open(self) -> None:
        school_id = self.selected_id()
        if school_id:
            self.open_requested.emit(school_id)

    def rows(self) -> list[list[str]]:
        """The cell texts as shown (a chip cell gives its label): for tests and accessibility."""
        shown = []
        for row in range(self.rowCount()):
            cells = []
            for column in range(self.columnCount()):
                item = self.item(row, column)
                chip = item.data(CHIP_ROLE) if item is not None else None
                cells.append(chip[0] if chip else (item.text() if item is not None else ""))
            shown.append(cells)
        return shown


def table_item(value: str, school_id: str = "", *, right: bool = False, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(value)
    if school_id:
        item.setData(ID_ROLE, school_id)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tip:
        item.setToolTip(tip)
    return item
