"""Two versions of one record side by side, field by field: a pending change (the record here now
and the version sent) and a conflict (the version in use and the one kept).

:func:`field_rows` turns the two dicts of columns the exchange core gives into rows a person
reads: a Thai label per field, values in words (a school's name and code for its id, a Thai date,
ใช่/ไม่ใช่ …), and whether the two differ. Ids, versions and hashes are not shown; the time of
each edit goes in the column's heading. :class:`VersionsView` shows the rows in a table (the
fields that differ first and highlighted; the same ones only on request), optionally with a
"ใช้ฉบับนี้" button under each version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualityschool_desktop import assessments, follow_ups, schools, visits
from qualityschool_desktop.errors import QualitySchoolError
from ui.common.columns import fit_rows
from ui.common.digits import day as shown_day
from ui.common.digits import shown
from ui.common.widgets import size_text
from ui.common.tables import read_only_table

from . import strings as s
from .words import SCHOOL_TABLES, format_when, muted

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

DIFFERS_BACK = "#fff3cd"
FIELD_WIDTH = 140
HEADING_PADDING = 10  # app.qss: a heading's padding (8) and a little room on each side
YES_NO = ("is_demo", "not_applicable", "deleted")
DATES = ("assessed_on", "visited_on", "due_on", "closed_on")
MOMENTS = ("changed_at", "happened_at", "deleted_at")  # deleted_at: a visit deleted by its maker (C12)


@dataclass(frozen=True)
class FieldRow:
    column: str
    label: str
    left: str
    right: str
    differs: bool
    always: bool = False  # shown even when the same and "แสดงทุกช่องข้อมูล" is off (who made each side)


def reference(workspace: Workspace, column: str, value: str) -> str:
    """A record another one points at, by what a person knows it by."""
    try:
        if column == "school_id":
            school = workspace.schools.get(value)
            return f"{school.name} ({shown(school.code)})"  # the code as the school list writes it
        if column == "assessment_id":
            found = workspace.assessments.get(value)
            return s.ASSESSMENT_REF.format(year=shown(found.fiscal_year), round=shown(found.round))
        visit = workspace.visits.get(value, include_deleted=True)
        return s.VISIT_REF.format(date=shown_day(date.fromisoformat(visit.visited_on)))
    except (QualitySchoolError, ValueError, TypeError):
        return s.NOT_HERE.format(id=str(value)[:8])


# Texts the app writes from numbers (not typed): shown in the window's digit style.
NUMBERED = {"item_code", "scope_code", "start_time", "end_time"}


def coded_words(table: str, column: str) -> dict[str, str]:
    """The Thai words of a field stored as a code, as the rest of the app says them (TEST35 T4:
    "เหตุการณ์ submitted"); {} for a field that is not a code."""
    from qualityschool_desktop.plans.rules import STATUSES as ACTIVITY_STATUSES
    from qualityschool_desktop.projects.rules import STATUSES as PROJECT_STATUSES
    from qualityschool_desktop.review.history import STEPS
    from qualityschool_desktop.field_labels import ANSWER_HISTORY_FIELDS as HISTORY_FIELDS

    if column == "level" and table == "schools":
        return schools.LEVELS
    if column == "status":
        return {"assessments": assessments.STATUSES, "visits": visits.STATUSES, "follow_ups": follow_ups.STATUSES,
                "plan_activities": ACTIVITY_STATUSES, "projects": PROJECT_STATUSES}.get(table, {})
    if column == "event":  # a round's is the school's step as the round's history says it
        return STEPS if table == "assessment_events" else s.EVENTS
    if column == "field" and table == "answer_history":  # which field of the answer, as its history says it
        return HISTORY_FIELDS
    return {"visit_type": visits.VISIT_TYPES, "side": visits.SIDES}.get(column, {})


def value_text(workspace: Workspace, table: str, column: str, value: Any, *, a_level: bool = False) -> str:
    """One field's value as a person reads it: numbers, item codes, times and dates in the
    window's digit style (``a_level``: a history row's old or new level, stored as text); what
    people typed as written."""
    if value is None or value == "":
        return s.EMPTY_VALUE
    if column in YES_NO:
        return s.YES if value else s.NO
    if column in ("school_id", "assessment_id", "visit_id", "closed_in_visit_id"):
        return reference(workspace, column, str(value))
    words = coded_words(table, column)
    if words:
        return words.get(str(value), str(value))
    if column in DATES:
        try:
            return shown_day(date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if column in MOMENTS:
        return format_when(str(value))
    if column == "size" and isinstance(value, int):
        return size_text(value)
    if column == "distance_km":
        return s.DISTANCE.format(value=shown(value))
    if column == "code" and table in SCHOOL_TABLES:  # a school's code, as the school list writes it
        return shown(str(value))
    if column in NUMBERED or a_level or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return shown(value)
    return str(value)


def field_rows(workspace: Workspace, table: str, left: dict[str, Any] | None,
               right: dict[str, Any] | None) -> list[FieldRow]:
    """The fields a person compares, in the record's own order (``left`` None: no record here)."""
    columns = list((right or left or {}).keys())
    if "typed" in columns and "new_value" in columns:  # what was typed reads under the stored text
        columns.remove("typed")
        columns.insert(columns.index("new_value") + 1, "typed")
    rows = []
    for column in columns:
        label = s.FIELD_LABELS.get(column)
        if label is None or (column == "position" and table != "visit_people"):
            continue  # an id, a version, a hash, a row's order in its list: not for reading
        before = left.get(column) if left is not None else None
        after = right.get(column) if right is not None else None
        if column == "typed" and before is None and after is None:
            continue  # typed as stored: nothing to read
        level = column in ("old_value", "new_value") and (right or left or {}).get("field") == "level"
        rows.append(FieldRow(
            column, label,
            value_text(workspace, table, column, before, a_level=level) if left is not None else s.NO_RECORD,
            value_text(workspace, table, column, after, a_level=level) if right is not None else s.NO_RECORD,
            left is None or right is None or before != after,
        ))
    return rows


def version_heading(title: str, note: str, values: dict[str, Any] | None) -> str:
    """A version's column heading: what it is, where it came from, when it was edited."""
    lines = [title]
    if note:
        lines.append(note)
    if values is not None and values.get("modified_at"):
        lines.append(s.EDITED_WHEN.format(when=format_when(values["modified_at"])))
    return "\n".join(lines)


def maker_row(left: dict[str, Any] | None, right: dict[str, Any] | None, names: dict[str, str]) -> FieldRow | None:
    """Which laptop made each version (its ``modified_by``), as the history dialog names it
    (``names``: ``exchange.editors.editor_names``, "vm · กุญแจ 0E01-64D9…", ``""`` for this laptop; a short
    id when unknown): a row always shown (TEST30a B11); None when neither side says."""
    def who(values: dict[str, Any] | None) -> str:
        maker = str((values or {}).get("modified_by") or "")
        if not maker:
            return s.EMPTY_VALUE
        name = names.get(maker)
        return s.MADE_HERE if name == "" else name or s.MADE_BY_UNKNOWN.format(id=maker[:8])
    if not (left or {}).get("modified_by") and not (right or {}).get("modified_by"):
        return None
    return FieldRow("modified_by", s.MADE_BY_LABEL, who(left), who(right), differs=False, always=True)


def fitted_line(line: str, metrics: QFontMetrics, room: int, lines: int = 3) -> str:
    """``line`` in ``room`` pixels: whole, else on two lines broken at a space, as even as they
    can be ("แก้ไข ๓๐ พ.ย. ๒๕๖๙" over "เวลา ๑๖:๒๔ น."), else on up to ``lines`` lines, each
    broken at the last space that fits (the edit's date and time stay whole in a narrow
    column); the last one ends in "…" where they do not suffice."""
    if metrics.horizontalAdvance(line) <= room:
        return line
    breaks = [at for at, char in enumerate(line) if char == " " and metrics.horizontalAdvance(line[:at]) <= room]
    if not breaks or lines <= 1:
        return metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)
    whole = [at for at in breaks if metrics.horizontalAdvance(line[at + 1:]) <= room]
    if whole:
        at = min(whole, key=lambda at: max(metrics.horizontalAdvance(line[:at]),
                                           metrics.horizontalAdvance(line[at + 1:])))
        return line[:at] + "\n" + line[at + 1:]
    at = breaks[-1]
    return line[:at] + "\n" + fitted_line(line[at + 1:], metrics, room, lines - 1)


class VersionsView(QWidget):
    """Field | left version | right version, the differing fields first and highlighted, with a
    "ใช้ฉบับนี้" button under each version when ``buttons`` (``use_left``/``use_right``).

    ``whole``: the table is as high as its heading and all its rows, with no scroll bar of its own,
    for a view inside a scrolled side (the conflicts window): one scroll bar, never one inside
    another, and no row cut at the table's edge (RETEST30 B8). Otherwise the table takes the room
    it is given and scrolls."""

    use_left = Signal()
    use_right = Signal()

    def __init__(self, *, buttons: bool = False, names: tuple[str, str] = ("", ""), whole: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whole = whole
        self._rows: list[FieldRow] = []
        self._headings = [s.FIELD_HEADER, "", ""]
        self._headings_timer = QTimer(self)
        self._headings_timer.setSingleShot(True)
        self._headings_timer.setInterval(0)
        # Once stretched columns have their sizes: rows as high as their text wraps there (the
        # header does not always tell of a stretched column's last change: at 150 % a maker row
        # kept one line's height while its text wrapped onto two, RETEST30 B8), headings, buttons.
        self._headings_timer.timeout.connect(self._fit_rows)
        self._headings_timer.timeout.connect(self._show_headings)
        self._headings_timer.timeout.connect(self._place_buttons)
        self.left_button: QPushButton | None = None
        self.right_button: QPushButton | None = None
        self._slots: list[QWidget] = []
        self._spacer = QWidget()
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("versionsTable")
        read_only_table(self.table)
        # No selection colour over the highlighted differences; the keyboard still moves cell by cell.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.verticalHeader().hide()
        if whole:  # the side around it scrolls; its columns stretch to its width
            self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setColumnWidth(0, FIELD_WIDTH)
        header.sectionResized.connect(self._resized)
        self.all_fields = QCheckBox(s.SHOW_ALL_FIELDS)
        self.all_fields.toggled.connect(lambda _on: self._fill())
        self.note = muted(s.NO_DIFFERENCE, wrap=True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 0 if whole else 1)
        layout.addWidget(self.note)
        layout.addWidget(self.all_fields)
        if whole:
            layout.addStretch(1)  # room left over goes under the check box, not between the rows
        if buttons:
            # Under their columns: the button row follows the table's column widths.
            # Its width follows the table's columns, never the other way round: a row that asked for
            # its buttons' widths would keep the dialog's side from narrowing when its scroll bar shows.
            holder = QWidget()
            holder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(0)
            row.addWidget(self._spacer)
            for name, signal in zip(names, (self.use_left, self.use_right)):
                slot = QWidget()
                inner = QHBoxLayout(slot)
                inner.setContentsMargins(6, 4, 6, 0)
                button = QPushButton(s.USE_THIS)
                button.setAccessibleName(name)
                button.setToolTip(name)
                button.clicked.connect(signal)
                inner.addWidget(button)
                inner.addStretch(1)
                row.addWidget(slot)
                self._slots.append(slot)
            row.addStretch(1)
            self.left_button, self.right_button = (slot.findChild(QPushButton) for slot in self._slots)
            layout.insertWidget(1, holder)
            self.table.installEventFilter(self)
        self.set_headings("", "")

    def set_headings(self, left: str, right: str) -> None:
        self._headings = [s.FIELD_HEADER, left, right]
        self._show_headings()

    def heading(self, column: int) -> str:
        """The whole heading of ``column`` (the table may show it shortened, with "…")."""
        return self._headings[column]

    def _show_headings(self) -> None:
        """A heading's line wider than its column (a narrow dialog at 125 % or 150 % scaling; Qt
        would cut a heading of several lines mid-letter) goes on two lines, broken at a space
        (the edit's time under its date), the second ending in "…" if still too wide; the whole
        heading in its tooltip when it is shortened."""
        header = self.table.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)  # as app.qss draws a heading
        metrics = QFontMetrics(font)
        for column, heading in enumerate(self._headings):
            room = max(header.sectionSize(column) - 2 * HEADING_PADDING, 0)
            shown = "\n".join(fitted_line(line, metrics, room) for line in heading.split("\n"))
            item = self.table.horizontalHeaderItem(column)
            if item is not None and item.text() == shown:
                continue
            item = QTableWidgetItem(shown)
            item.setToolTip(heading if shown.replace("\n", " ") != heading.replace("\n", " ") else "")
            self.table.setHorizontalHeaderItem(column, item)
        self._fit_height()

    def show_rows(self, rows: list[FieldRow], left: str, right: str) -> None:
        self._rows = rows
        self.set_headings(left, right)
        self._fill()
        for button in (self.left_button, self.right_button):
            if button is not None:
                button.setEnabled(True)

    def clear(self) -> None:
        self._rows = []
        self.set_headings("", "")
        self._fill()
        for button in (self.left_button, self.right_button):
            if button is not None:
                button.setEnabled(False)

    def rows_shown(self) -> list[tuple[str, str, str]]:
        """(field, left, right) per row, as the table reads."""
        return [tuple(self._item(row, column) for column in range(3))  # type: ignore[misc]
                for row in range(self.table.rowCount())]

    def _item(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _fill(self) -> None:
        differing = [row for row in self._rows if row.differs]
        rest = [row for row in self._rows if not row.differs]
        shown = differing + [row for row in rest if row.always or self.all_fields.isChecked()]
        self.note.setVisible(bool(self._rows) and not differing)
        self.table.setRowCount(len(shown))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for index, row in enumerate(shown):
            for column, text in enumerate((row.label, row.left, row.right)):
                item = QTableWidgetItem(text)
                item.setToolTip(text if len(text) > 40 else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if row.differs:
                    item.setBackground(QBrush(QColor(DIFFERS_BACK)))
                    if column == 0:
                        item.setFont(bold)
                self.table.setItem(index, column, item)
        fit_rows(self.table)
        self._fit_height()
        if shown:
            self.table.setCurrentCell(0, 0)

    def _fit_height(self) -> None:
        """``whole``: exactly the heading and every row. Otherwise never shorter than the whole
        heading and the first two rows (TEST30a B8: at 150 % the layout squeezed the table to its
        heading, no value visible); the dialog's side scrolls when that does not fit."""
        header = self.table.horizontalHeader()
        count = self.table.rowCount() if self._whole else min(2, self.table.rowCount())
        rows = sum(self.table.rowHeight(row) for row in range(count))
        rows = rows or self.table.verticalHeader().defaultSectionSize()
        height = 2 * self.table.frameWidth() + header.sizeHint().height() + rows + 2
        if self._whole:
            self.table.setFixedHeight(height)
        else:
            self.table.setMinimumHeight(height)

    def _fit_rows(self) -> None:
        fit_rows(self.table)

    def _resized(self, *_args: object) -> None:
        fit_rows(self.table)
        self._fit_height()
        self._headings_timer.start()  # the header tells of a stretched column before it has its size
        self._place_buttons()

    def _place_buttons(self) -> None:
        if self.left_button is None:
            return
        header = self.table.horizontalHeader()
        frame = self.table.frameWidth()
        self._spacer.setFixedWidth(frame + header.sectionPosition(1))
        for column, slot in enumerate(self._slots, start=1):
            slot.setFixedWidth(header.sectionSize(column))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._place_buttons()
            self._headings_timer.start()
        return False
