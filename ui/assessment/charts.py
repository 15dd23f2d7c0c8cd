"""The assessment's own charts: the answered-items strip of the assessment view and the bar chart
of the component scores on the results page. Handed plain values, they paint them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QSizePolicy, QWidget

from ui.common.digits import score, shown
from ui.common.widgets import NO_SCORE_COLOUR

from . import strings as text

THIS_ROUND_COLOUR = "#1565c0"
PREVIOUS_ROUND_COLOUR = "#90a4ae"


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
        label.setText(f"{text.COMPONENT_SHORT.format(code=shown(code))}  {shown(answered)}/{shown(total)}")
        bar.setRange(0, max(total, 1))
        bar.setValue(answered)
        tip = text.COMPONENT_PROGRESS_TIP.format(title=title, answered=shown(answered), total=shown(total))
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


@dataclass(frozen=True)
class ValueLabel:
    """A score written on the chart: where (widget pixels), what, in which font, and whether
    inside its bar (white on the bar) rather than above it."""

    rect: QRectF
    text: str
    font: QFont
    inside: bool


SMALLEST_POINTS = 7.0  # the chart's scores are never written smaller
LABEL_GAP = 2.0  # pixels kept free on each side of a score: two neighbours are at least twice this apart


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

    def _bar_rects(self) -> list[tuple[QRectF, QColor, tuple[float, float]]]:
        """Each drawn bar's rectangle (height 0 for no score), colour and its share of its
        group's width (left, right: where its score may be written), left to right."""
        plot = self._plot_rect()
        found: list[tuple[QRectF, QColor, tuple[float, float]]] = []
        for index, bar in enumerate(self._bars):
            group = self._group_rect(index)
            inner = group.adjusted(group.width() * 0.18, 0, -group.width() * 0.18, 0)
            values = [(bar.previous, QColor(PREVIOUS_ROUND_COLOUR)), (bar.current, QColor(THIS_ROUND_COLOUR))]
            if not self._has_previous:
                values = values[1:]
            slot_width = inner.width() / len(values)
            for slot, (value, colour) in enumerate(values):
                left = inner.left() + slot * slot_width
                height = 0.0 if value is None else plot.height() * max(0.0, min(value, self.MAX)) / self.MAX
                share = group.width() / len(values)
                bounds = (group.left() + slot * share, group.left() + (slot + 1) * share)
                found.append((QRectF(left + 3, plot.bottom() - height, slot_width - 6, height), colour, bounds))
        return found

    def value_labels(self) -> list[ValueLabel]:
        """Where each bar's score is written: above its bar, within the bar's share of its group's
        width, in a font made smaller (to :data:`SMALLEST_POINTS`) until it fits there, so two
        adjacent labels never touch ("๓.๗๒" beside "๓.๙๖" at full height did); a label that would still reach into its
        neighbour's goes inside its bar's top, in white, or is left out when the bar is too low
        (the tooltip and the table give every score)."""
        values = [value for bar in self._bars
                  for value in ((bar.previous, bar.current) if self._has_previous else (bar.current,))]
        labels: list[ValueLabel] = []
        previous_right = float("-inf")
        for (bar_rect, _colour, (least, most)), value in zip(self._bar_rects(), values):
            if value is None:
                continue
            written = score(value)
            room = most - least - 2 * LABEL_GAP  # its share of the group, a gap kept free each side
            font = QFont(self.font())
            points = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
            metrics = QFontMetricsF(font)
            while metrics.horizontalAdvance(written) > room and points > SMALLEST_POINTS:
                points = max(SMALLEST_POINTS, points - 0.5)
                font.setPointSizeF(points)
                metrics = QFontMetricsF(font)
            width = metrics.horizontalAdvance(written)
            rect = QRectF(bar_rect.center().x() - width / 2, bar_rect.top() - metrics.height() - 2, width, metrics.height())
            rect.moveLeft(max(least + LABEL_GAP, min(rect.left(), most - LABEL_GAP - width)))  # over its bar, in its share
            inside = False
            if rect.left() < previous_right + 1:
                inside = True
                rect.moveTop(bar_rect.top() + 2)
                if bar_rect.height() < metrics.height() + 4 or any(rect.intersects(other.rect) for other in labels):
                    continue
            else:
                previous_right = rect.right()
            labels.append(ValueLabel(rect, written, font, inside))
        return labels

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
                shown(level),
            )

        for bar_rect, colour, _bounds in self._bar_rects():
            if bar_rect.height() <= 0:  # no score: a dashed line on the axis
                painter.setPen(QPen(QColor(NO_SCORE_COLOUR), 1, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(bar_rect.left() + 1, plot.bottom() - 1),
                                 QPointF(bar_rect.right() - 1, plot.bottom() - 1))
            else:
                painter.fillRect(bar_rect, colour)
        for label in self.value_labels():
            painter.setFont(label.font)
            painter.setPen(QColor("white") if label.inside else palette_text)
            painter.drawText(label.rect, Qt.AlignmentFlag.AlignCenter, label.text)
        painter.setFont(self.font())
        for index, bar in enumerate(self._bars):
            group = self._group_rect(index)
            painter.setPen(palette_text)
            painter.drawText(
                QRectF(group.left(), plot.bottom() + 4, group.width(), metrics.height() * 1.3),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                bar.label,
            )
        painter.setPen(QPen(palette_text, 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
