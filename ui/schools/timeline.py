"""A school's progress over time: each component's level across its self-assessments and the
supervisors' visits, as small charts (one per component, and the overall score) over a table.

The points come from ``timeline.school_timeline``. The school's own view and the supervisors' are
drawn as two separate lines (a filled circle on a solid line, a hollow diamond on a dashed one):
joining them into one line would draw a zigzag wherever the two views differ, which reads as
progress and decline that never happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush, QColor, QFont, QFontMetrics, QIcon, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen,
    QPixmap, QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHeaderView, QLabel, QScrollArea, QSizePolicy, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.framework import Band, Framework
from qualityschool_desktop.timeline import TimelinePoint, school_timeline
from qualityschool_desktop.workspace import Workspace
from ui.common.digits import day, score, shown
from ui.shell.api import SchoolTab
from ui.common.tables import read_only_table

# -- Thai strings ----------------------------------------------------------------------------
LEGEND_SELF = "ประเมินตนเอง"
LEGEND_VISIT = "การนิเทศ"
COMPONENT = "ด้านที่ {code}"
COMPONENT_TITLE = "ด้านที่ {code} {title}"
OVERALL = "ภาพรวม"
HEADERS_START = ("วันที่", "รายการ")
TREND_UP = "▲ {delta}"
TREND_DOWN = "▼ {delta}"
TREND_SAME = "คงที่"
TREND_TIP = "{series}: จาก {first} เป็น {last}"
POINT_TIP = "{what}\n{date}: {score}"
NO_POINTS = (
    "ยังไม่มีการประเมินตนเองหรือการนิเทศของโรงเรียนนี้\n"
    "เมื่อประเมินตนเองหรือบันทึกการนิเทศแล้ว ระดับคุณภาพแต่ละด้านจะแสดงเป็นเส้นตามลำดับเวลาที่นี่"
)
ONE_POINT = "มีข้อมูลเพียงครั้งเดียว เมื่อมีการประเมินหรือการนิเทศครั้งต่อไป จะเห็นความเปลี่ยนแปลงของแต่ละด้าน"
ROW_TIP = "คลิกหรือกด Enter เพื่อเปิด"

SELF_COLOUR = "#1565c0"
VISIT_COLOUR = "#d35400"
UP_COLOUR = "#2e7d32"
DOWN_COLOUR = "#c62828"
SAME_COLOUR = "#616161"
GRID_COLOUR = "#dde3ea"
OVERALL_KEY = "overall"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
MIN_LEVEL, MAX_LEVEL = 1.0, 5.0


def short_label(label: str) -> str:
    """A point's label as its narrow cell shows it, the year kept whole at 150 % scaling:
    "ประเมินตนเอง ๒๕๖๙ รอบ ๑" for "… ปีงบประมาณ ๒๕๖๙ รอบที่ ๑" (the tooltip has it all)."""
    return label.replace("ปีงบประมาณ ", "").replace("รอบที่ ", "รอบ ")


def short_date(iso: str) -> str:
    return day(date.fromisoformat(iso), short=True)


def marker_path(kind: str, centre: QPointF, size: float) -> QPainterPath:
    """A circle for a self-assessment, a diamond for a visit: told apart without colour too."""
    path = QPainterPath()
    if kind == "self":
        path.addEllipse(centre, size / 2, size / 2)
    else:
        half = size * 0.62
        path.addPolygon(QPolygonF([
            QPointF(centre.x(), centre.y() - half), QPointF(centre.x() + half, centre.y()),
            QPointF(centre.x(), centre.y() + half), QPointF(centre.x() - half, centre.y()),
        ]))
        path.closeSubpath()
    return path


def draw_marker(painter: QPainter, kind: str, centre: QPointF, size: float) -> None:
    if kind == "self":
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QColor(SELF_COLOUR))
    else:
        painter.setPen(QPen(QColor(VISIT_COLOUR), 2.2))
        painter.setBrush(QColor("#ffffff"))
    painter.drawPath(marker_path(kind, centre, size))


def marker_icon(kind: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_marker(painter, kind, QPointF(8, 8), 11)
    painter.end()
    return QIcon(pixmap)


def trend(values: list[float]) -> tuple[str, str] | None:
    """The change from the first to the last value as shown ("▲ 0.80") and its colour."""
    if len(values) < 2:
        return None
    delta = round(values[-1], 2) - round(values[0], 2)
    if abs(delta) < 0.005:
        return TREND_SAME, SAME_COLOUR
    if delta > 0:
        return TREND_UP.format(delta=shown(f"{delta:.2f}")), UP_COLOUR
    return TREND_DOWN.format(delta=shown(f"{-delta:.2f}")), DOWN_COLOUR


@dataclass(frozen=True)
class Panel:
    key: str  # component code, or OVERALL_KEY
    title: str
    tooltip: str


class TimelineChart(QWidget):
    """Small multiples: one panel per component and one for the overall score, each with the
    points in date order along the bottom and levels 1–5 up the side."""

    point_clicked = Signal(int)  # index into the points

    COLUMNS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panels: list[Panel] = []
        self._points: list[TimelinePoint] = []
        self._bands: tuple[Band, ...] = ()
        self.setMinimumHeight(330)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_data(self, panels: list[Panel], points: list[TimelinePoint], bands: tuple[Band, ...] = ()) -> None:
        self._panels = panels
        self._points = points
        self._bands = bands
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(900, 400)

    # -- geometry ----------------------------------------------------------------------------
    def _legend_height(self) -> float:
        return QFontMetrics(self.font()).height() + 10

    def _panel_rect(self, index: int) -> QRectF:
        rows = max(1, -(-len(self._panels) // self.COLUMNS))
        top = self._legend_height()
        width = self.width() / self.COLUMNS
        height = (self.height() - top) / rows
        row, column = divmod(index, self.COLUMNS)
        return QRectF(column * width, top + row * height, width, height).adjusted(4, 2, -4, -4)

    def _plot_rect(self, panel: QRectF) -> QRectF:
        metrics = QFontMetrics(self.font())
        left = metrics.horizontalAdvance("5") + 12
        top = metrics.height() + 18  # the panel's title, and room for the "5" under it
        bottom = metrics.height() * 2 + 4  # two-line dates: "๑๐ ม.ค." over "๒๕๖๙"
        return QRectF(panel.left() + left, panel.top() + top, panel.width() - left - 10, panel.height() - top - bottom)

    def _x(self, plot: QRectF, index: int) -> float:
        count = len(self._points)
        if count == 1:
            return plot.center().x()
        margin = min(28.0, plot.width() / (2 * count))
        return plot.left() + margin + (plot.width() - 2 * margin) * index / (count - 1)

    @staticmethod
    def _y(plot: QRectF, value: float) -> float:
        clamped = max(MIN_LEVEL, min(MAX_LEVEL, value))
        return plot.bottom() - plot.height() * (clamped - MIN_LEVEL) / (MAX_LEVEL - MIN_LEVEL)

    def _value(self, point: TimelinePoint, key: str) -> float | None:
        return point.overall if key == OVERALL_KEY else point.components.get(key)

    def _hit(self, pos: QPointF) -> tuple[int, Panel] | None:
        for p, panel in enumerate(self._panels):
            plot = self._plot_rect(self._panel_rect(p))
            for index, point in enumerate(self._points):
                value = self._value(point, panel.key)
                if value is None:
                    continue
                centre = QPointF(self._x(plot, index), self._y(plot, value))
                if (centre - pos).manhattanLength() <= 12:
                    return index, panel
        return None

    # -- events ------------------------------------------------------------------------------
    def event(self, event) -> bool:  # type: ignore[no-untyped-def]
        if event.type() == event.Type.ToolTip:
            hit = self._hit(QPointF(event.pos()))
            if hit is not None:
                index, panel = hit
                point = self._points[index]
                self.setToolTip(POINT_TIP.format(
                    what=shown(point.label), date=short_date(point.when),
                    score=f"{panel.title}  {score(self._value(point, panel.key))}",
                ))
            else:
                for p, panel in enumerate(self._panels):
                    if self._panel_rect(p).contains(QPointF(event.pos())):
                        self.setToolTip(panel.tooltip)
                        break
                else:
                    self.setToolTip("")
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self._hit(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self._hit(event.position())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.point_clicked.emit(hit[0])
        super().mouseReleaseEvent(event)

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_legend(painter)
        for index, panel in enumerate(self._panels):
            self._paint_panel(painter, panel, self._panel_rect(index))
        painter.end()

    def _paint_legend(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        text_colour = self.palette().windowText().color()
        height = self._legend_height()
        x = 8.0
        for kind, name, colour, style in (
            ("self", LEGEND_SELF, SELF_COLOUR, Qt.PenStyle.SolidLine),
            ("visit", LEGEND_VISIT, VISIT_COLOUR, Qt.PenStyle.DashLine),
        ):
            y = height / 2
            painter.setPen(QPen(QColor(colour), 2, style))
            painter.drawLine(QPointF(x, y), QPointF(x + 30, y))
            draw_marker(painter, kind, QPointF(x + 15, y), 10)
            x += 38
            painter.setPen(text_colour)
            width = metrics.horizontalAdvance(name)
            painter.drawText(QRectF(x, 0, width + 4, height), Qt.AlignmentFlag.AlignVCenter, name)
            x += width + 28

    def _paint_panel(self, painter: QPainter, panel: Panel, rect: QRectF) -> None:
        metrics = QFontMetrics(self.font())
        text_colour = self.palette().windowText().color()
        plot = self._plot_rect(rect)

        painter.setPen(QPen(QColor(GRID_COLOUR), 1))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(rect, 6, 6)

        # The title, and each line's change from its first point to its last, on the right.
        trends = []
        for kind, name in (("self", LEGEND_SELF), ("visit", LEGEND_VISIT)):
            values = [v for p in self._points if p.kind == kind and (v := self._value(p, panel.key)) is not None]
            found = trend(values)
            if found is not None:
                trends.append((kind, found))
        title_rect = QRectF(rect.left() + 8, rect.top() + 3, rect.width() - 16, metrics.height() + 4)
        x = title_rect.right()
        for kind, (label, colour) in reversed(trends):
            width = metrics.horizontalAdvance(label)
            x -= width
            painter.setPen(QColor(colour))
            painter.drawText(QRectF(x, title_rect.top(), width + 2, title_rect.height()), Qt.AlignmentFlag.AlignVCenter, label)
            x -= 14
            draw_marker(painter, kind, QPointF(x + 5, title_rect.center().y()), 8)
            x -= 10
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#16324f"))
        title_width = x - title_rect.left() - 6
        painter.drawText(
            QRectF(title_rect.left(), title_rect.top(), title_width, title_rect.height()),
            Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(panel.title, Qt.TextElideMode.ElideRight, int(title_width)),
        )
        painter.setFont(self.font())

        # The colour bands behind the overall score: which band each point falls in, at a glance.
        if panel.key == OVERALL_KEY and self._bands:
            upper = MAX_LEVEL
            for band in self._bands:
                lower = max(MIN_LEVEL, band.min)
                if upper > lower and band.colour:
                    tint = QColor(band.colour)
                    tint.setAlpha(38)
                    painter.fillRect(QRectF(plot.left(), self._y(plot, upper), plot.width(),
                                            self._y(plot, lower) - self._y(plot, upper)), tint)
                upper = min(upper, band.min)

        for level in range(int(MIN_LEVEL), int(MAX_LEVEL) + 1):
            y = self._y(plot, level)
            painter.setPen(QPen(QColor(GRID_COLOUR), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#5f6b76"))
            painter.drawText(
                QRectF(rect.left(), y - metrics.height() / 2, plot.left() - rect.left() - 5, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown(level),
            )

        # The dates under the points; in a narrow panel (125 %, 150 % scaling) a date that would
        # run into the one before is left out (the point's tooltip and the table give it).
        painter.setPen(QColor("#5f6b76"))
        drawn_to = float("-inf")
        for index, point in enumerate(self._points):
            x = self._x(plot, index)
            day_month, _space, year = short_date(point.when).rpartition(" ")
            half = max(metrics.horizontalAdvance(day_month), metrics.horizontalAdvance(year)) / 2
            if x - half < drawn_to + 6:
                continue
            drawn_to = x + half
            painter.drawText(QRectF(x - 45, plot.bottom() + 3, 90, metrics.height()), Qt.AlignmentFlag.AlignHCenter, day_month)
            painter.drawText(QRectF(x - 45, plot.bottom() + 1 + metrics.height(), 90, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter, year)

        # One line per viewpoint, then the markers on top.
        for kind, colour, style in (
            ("self", SELF_COLOUR, Qt.PenStyle.SolidLine), ("visit", VISIT_COLOUR, Qt.PenStyle.DashLine),
        ):
            line = [
                QPointF(self._x(plot, i), self._y(plot, v))
                for i, p in enumerate(self._points) if p.kind == kind and (v := self._value(p, panel.key)) is not None
            ]
            if len(line) > 1:
                painter.setPen(QPen(QColor(colour), 2.2, style))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPolyline(QPolygonF(line))
        for index, point in enumerate(self._points):
            value = self._value(point, panel.key)
            if value is None:
                continue
            draw_marker(painter, point.kind, QPointF(self._x(plot, index), self._y(plot, value)), 10)


class TimelineTable(QTableWidget):
    """Enter opens the chosen row's record, as a click does."""

    open_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.open_requested.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class TimelineWidget(SchoolTab):
    """The chart and the table of one school's self-assessments and visits (a tab of the school
    page, filled when it is brought up)."""

    open_record = Signal(str, str)  # kind ("self" or "visit"), record id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._points: list[TimelinePoint] = []
        self._codes: list[str] = []

        self.chart = TimelineChart(self)
        self.chart.point_clicked.connect(self._open_point)
        self.note = QLabel(self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.setContentsMargins(6, 0, 6, 0)
        self.empty_label = QLabel(NO_POINTS, self)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMinimumHeight(140)

        self.table = TimelineTable(self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        read_only_table(self.table)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)  # the font holds the marks
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.cellClicked.connect(lambda row, _column: self._open_point(row))
        self.table.open_requested.connect(self._open_point)
        self.table.setToolTip(ROW_TIP)

        # The chart needs its height to be read: in a short window (125 %, 150 % scaling) the
        # tab scrolls rather than making the whole school page as tall.
        content = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        self._show_empty(True)

    @property
    def points(self) -> list[TimelinePoint]:
        return list(self._points)

    def on_changes(self, school_id: str, changes: Changes) -> None:
        if self.isVisible() and (changes.any_assessments or changes.any_visits or changes.any_follow_ups):
            self.show_school(school_id)

    def show_school(self, school_id: str, select_id: str | None = None) -> None:
        self._points = school_timeline(self.workspace, school_id)
        framework = self._framework()
        if framework is not None:
            components = [(c.code, c.title) for c in framework.components]
            bands = framework.colour_bands
        else:
            codes = sorted({code for p in self._points for code in p.components})
            components, bands = [(code, "") for code in codes], ()
        self._codes = [code for code, _title in components]
        panels = [
            Panel(code, COMPONENT_TITLE.format(code=shown(code), title=title).strip(),
                  COMPONENT_TITLE.format(code=shown(code), title=title).strip())
            for code, title in components
        ]
        panels.append(Panel(OVERALL_KEY, OVERALL, OVERALL))
        self.chart.set_data(panels, self._points, bands)
        self._fill_table(components)
        self._show_empty(not self._points)
        self.note.setText(ONE_POINT if len(self._points) == 1 else "")
        self.note.setVisible(len(self._points) == 1)

    def _framework(self) -> Framework | None:
        """The framework of the newest record: its component titles head the panels."""
        for point in reversed(self._points):
            try:
                if point.kind == "self":
                    return self.workspace.assessments.framework_of(self.workspace.assessments.get(point.record_id))
                return self.workspace.visits.framework_of(self.workspace.visits.get(point.record_id))
            except QualitySchoolError:
                continue
        return None

    def _show_empty(self, empty: bool) -> None:
        self.empty_label.setVisible(empty)
        self.chart.setVisible(not empty)
        self.table.setVisible(not empty)
        if empty:
            self.note.hide()

    def _fill_table(self, components: list[tuple[str, str]]) -> None:
        headers = [*HEADERS_START, *(COMPONENT.format(code=shown(code)) for code, _t in components), OVERALL]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        for column, (code, title) in enumerate(components, start=len(HEADERS_START)):
            heading = self.table.horizontalHeaderItem(column)
            if heading is not None:
                heading.setToolTip(COMPONENT_TITLE.format(code=shown(code), title=title))
        self.table.setRowCount(len(self._points))
        previous: dict[tuple[str, str], float] = {}  # (kind, column key) → the last value of that line
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, point in enumerate(self._points):
            when = QTableWidgetItem(short_date(point.when))
            when.setData(ID_ROLE, (point.kind, point.record_id))
            what = QTableWidgetItem(marker_icon(point.kind), shown(short_label(point.label)))
            what.setToolTip(shown(point.label))
            self.table.setItem(row, 0, when)
            self.table.setItem(row, 1, what)
            keys = [*self._codes, OVERALL_KEY]
            for offset, key in enumerate(keys):
                value = point.overall if key == OVERALL_KEY else point.components.get(key)
                cell = QTableWidgetItem(score(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                # Greener or redder than the same line's previous point: progress shows in the table too.
                last = previous.get((point.kind, key))
                if value is not None and last is not None and abs(round(value, 2) - round(last, 2)) >= 0.005:
                    cell.setForeground(QBrush(QColor(UP_COLOUR if value > last else DOWN_COLOUR)))
                if value is not None:
                    previous[(point.kind, key)] = value
                if key == OVERALL_KEY:
                    cell.setFont(bold)
                self.table.setItem(row, len(HEADERS_START) + offset, cell)
        # As tall as its rows (up to six, then it scrolls): the chart gets the rest of the space.
        shown_rows = min(max(len(self._points), 1), 6)
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + shown_rows * self.table.verticalHeader().defaultSectionSize() + 2 * self.table.frameWidth() + 2
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 120)
        for column in range(len(HEADERS_START), len(headers)):
            self.table.setColumnWidth(column, 88)

    def table_rows(self) -> list[dict[str, str]]:
        """The table as a user reads it, keyed by the column headers (for tests and accessibility)."""
        def text_of(item: QTableWidgetItem | None) -> str:
            return item.text() if item is not None else ""

        headers = [text_of(self.table.horizontalHeaderItem(c)) for c in range(self.table.columnCount())]
        return [
            {header: text_of(self.table.item(row, column)) for column, header in enumerate(headers)}
            for row in range(self.table.rowCount())
        ]

    def _open_point(self, index: int) -> None:
        if 0 <= index < len(self._points):
            point = self._points[index]
            self.table.selectRow(index)
            self.open_record.emit(point.kind, point.record_id)
