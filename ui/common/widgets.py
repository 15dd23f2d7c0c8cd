"""Small widgets shared by the assessment view and the results page.

They know nothing of the database: they are handed plain values (names, colours, numbers) and
paint them. Colours that are presentation only (the readiness groups have none in the framework
file) live here too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from qualityschool_desktop.framework import Band
from qualityschool_desktop.thai import format_score

from ui.assessment import strings as text

# Readiness groups carry no colour in the framework file: green / amber / red read as
# "ready / meets the standard / needs urgent work" to anyone used to traffic lights.
READINESS_COLOURS = {"ready": "#2e7d32", "standard": "#f9a825", "urgent": "#c62828"}
# What "no score yet" looks like everywhere.
NO_SCORE_COLOUR = "#9e9e9e"
THIS_ROUND_COLOUR = "#1565c0"
PREVIOUS_ROUND_COLOUR = "#90a4ae"


def readable_text_colour(background: QColor) -> QColor:
    """Black on light colours (yellow, light blue), white on dark ones (purple, red)."""
    # Relative luminance after WCAG 2: the light colours of the bands need dark text.
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * channel(background.red()) + 0.7152 * channel(background.green()) + 0.0722 * channel(
        background.blue()
    )
    # The threshold where black and white give equal contrast.
    return QColor("#1a1a1a") if luminance > 0.179 else QColor("#ffffff")


def readiness_colour(band: Band | None) -> QColor:
    if band is None:
        return QColor(NO_SCORE_COLOUR)
    return QColor(band.colour or READINESS_COLOURS.get(band.key, NO_SCORE_COLOUR))


class ColourChip(QWidget):
    """A rounded rectangle filled with a colour, with its name written on it in a readable colour.

    Used for the colour band ("แถบสีเขียว") and the readiness groups. A provisional chip (the
    round is not complete) is drawn with a dashed outline and a paler fill.
    """

    def __init__(self, parent: QWidget | None = None, *, large: bool = False) -> None:
        super().__init__(parent)
        self._label = ""
        self._colour = QColor(NO_SCORE_COLOUR)
        self._provisional = False
        self._large = large
        if large:
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * 1.35)
            font.setBold(True)
            self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_chip(self, label: str, colour: str | QColor, *, provisional: bool = False) -> None:
        self._label = label
        self._colour = QColor(colour)
        self._provisional = provisional
        self.setAccessibleName(label)
        self.updateGeometry()
        self.update()

    @property
    def label(self) -> str:
        return self._label

    @property
    def colour(self) -> QColor:
        return self._colour

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        pad_x, pad_y = (18, 8) if self._large else (10, 3)
        # Thai needs room above and below the line for its marks: use the full line height.
        return QSize(metrics.horizontalAdvance(self._label) + 2 * pad_x, metrics.height() + 2 * pad_y)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        radius = rect.height() / 3
        fill = QColor(self._colour)
        if self._provisional:
            fill = fill.lighter(115)
        painter.setBrush(fill)
        pen = QPen(self._colour.darker(140), 1.5)
        if self._provisional:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, radius, radius)
        painter.setPen(readable_text_colour(fill))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._label)


class ComponentProgressStrip(QWidget):
    """Five small bars, one per component: how many items of it are answered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(10)
        self._layout.setVerticalSpacing(0)
        self._bars: dict[str, tuple[QLabel, QProgressBar]] = {}

    def set_components(self, components: list[tuple[str, str]]) -> None:
        """``components`` is (code, title) in framework order."""
        for column, (code, _title) in enumerate(components):
            label = QLabel(self)
            bar = QProgressBar(self)
            bar.setTextVisible(False)
            bar.setFixedHeight(8)
            bar.setMinimumWidth(70)
            self._layout.addWidget(label, 0, column)
            self._layout.addWidget(bar, 1, column)
            self._bars[code] = (label, bar)

    def set_counts(self, code: str, title: str, answered: int, total: int) -> None:
        label, bar = self._bars[code]
        label.setText(f"{text.COMPONENT_SHORT.format(code=code)}  {answered}/{total}")
        bar.setRange(0, max(total, 1))
        bar.setValue(answered)
        tip = text.COMPONENT_PROGRESS_TIP.format(title=title, answered=answered, total=total)
        label.setToolTip(tip)
        bar.setToolTip(tip)

    def counts(self, code: str) -> tuple[int, int]:
        """(answered, total) as shown: for tests and accessibility."""
        _label, bar = self._bars[code]
        return bar.value(), bar.maximum()


@dataclass(frozen=True)
class ChartBar:
    label: str  # short label under the bars ("ด้านที่ 1")
    tooltip: str  # the component's full title
    current: float | None
    previous: float | None


class ComponentScoreChart(QWidget):
    """A bar chart of the component scores (0–5), the previous round drawn as a paler bar beside
    each one. Painted by hand: a chart library would be a new dependency for five bars."""

    MAX = 5.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[ChartBar] = []
        self._has_previous = False
        self.setMinimumSize(420, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_bars(self, bars: list[ChartBar], *, has_previous: bool) -> None:
        self._bars = bars
        self._has_previous = has_previous
        self.update()

    @property
    def bars(self) -> list[ChartBar]:
        return list(self._bars)

    def _plot_rect(self) -> QRectF:
        metrics = QFontMetrics(self.font())
        left = metrics.horizontalAdvance("5") + 14
        top = metrics.height() * 1.6 + 6  # room for the legend
        bottom = metrics.height() * 1.3 + 8  # room for the labels under the bars
        return QRectF(left, top, self.width() - left - 8, self.height() - top - bottom)

    def _group_rect(self, index: int) -> QRectF:
        plot = self._plot_rect()
        width = plot.width() / max(len(self._bars), 1)
        return QRectF(plot.left() + index * width, plot.top(), width, plot.height())

    def event(self, event) -> bool:  # type: ignore[no-untyped-def]
        # A tooltip with the component's full title: the labels under the bars are short.
        if event.type() == event.Type.ToolTip:
            for index, bar in enumerate(self._bars):
                if self._group_rect(index).adjusted(0, 0, 0, 40).contains(QPointF(event.pos())):
                    self.setToolTip(bar.tooltip)
                    break
            else:
                self.setToolTip("")
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        plot = self._plot_rect()
        palette_text = self.palette().windowText().color()

        # The legend, top right.
        legend = [(text.CHART_THIS_ROUND, QColor(THIS_ROUND_COLOUR))]
        if self._has_previous:
            legend.insert(0, (text.CHART_PREVIOUS_ROUND, QColor(PREVIOUS_ROUND_COLOUR)))
        x = plot.right()
        for name, colour in reversed(legend):
            width = metrics.horizontalAdvance(name)
            x -= width
            painter.setPen(palette_text)
            painter.drawText(QRectF(x, 0, width + 2, metrics.height() * 1.4), Qt.AlignmentFlag.AlignVCenter, name)
            x -= 18
            painter.fillRect(QRectF(x, metrics.height() * 0.7 - 6, 12, 12), colour)
            x -= 16

        # Grid lines at every level 0–5.
        grid_pen = QPen(QColor("#d0d0d0"), 1)
        for level in range(int(self.MAX) + 1):
            y = plot.bottom() - plot.height() * level / self.MAX
            painter.setPen(grid_pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(palette_text)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(level),
            )

        for index, bar in enumerate(self._bars):
            group = self._group_rect(index)
            inner = group.adjusted(group.width() * 0.18, 0, -group.width() * 0.18, 0)
            values = [(bar.previous, QColor(PREVIOUS_ROUND_COLOUR)), (bar.current, QColor(THIS_ROUND_COLOUR))]
            if not self._has_previous:
                values = values[1:]
            slot_width = inner.width() / len(values)
            for slot, (value, colour) in enumerate(values):
                left = inner.left() + slot * slot_width
                if value is None:
                    painter.setPen(QPen(QColor(NO_SCORE_COLOUR), 1, Qt.PenStyle.DashLine))
                    painter.drawLine(QPointF(left + 4, plot.bottom() - 1), QPointF(left + slot_width - 4, plot.bottom() - 1))
                    continue
                height = plot.height() * max(0.0, min(value, self.MAX)) / self.MAX
                rect = QRectF(left + 3, plot.bottom() - height, slot_width - 6, height)
                painter.fillRect(rect, colour)
                painter.setPen(palette_text)
                painter.drawText(
                    QRectF(rect.left() - 10, rect.top() - metrics.height() - 2, rect.width() + 20, metrics.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    format_score(value),
                )
            painter.setPen(palette_text)
            painter.drawText(
                QRectF(group.left(), plot.bottom() + 4, group.width(), metrics.height() * 1.3),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                bar.label,
            )
        painter.setPen(QPen(palette_text, 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))


def title_row_widgets(parent: QWidget, back_text: str, back_tip: str, school_name: str,
                      label_name: str) -> tuple[QPushButton, QLabel]:
    """The back button and the large school name that open a record view's header
    (assessment, visit), styled alike."""
    back = QPushButton(back_text, parent)
    back.setObjectName("viewBackButton")
    back.setToolTip(back_tip)
    label = QLabel(school_name, parent)
    label.setObjectName(label_name)
    bold = QFont(label.font())
    bold.setBold(True)
    bold.setPointSizeF(bold.pointSizeF() * 1.3)
    label.setFont(bold)
    return back, label
