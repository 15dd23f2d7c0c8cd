"""The list of schools: code, name, place, area office, and the latest round's score and band."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Signal
from PySide6.QtGui import QColor, QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from qualityschool_desktop.district_scores import latest_scored
from qualityschool_desktop.records import Frozen
from qualityschool_desktop.review import STATES, status_label
from qualityschool_desktop.text import clean_field
from qualityschool_desktop.thai import arabic_digits
from ui.common.columns import cell_width, fit_columns, heading_width, viewport
from ui.common.digits import score, shown
from ui.common.digits import shown as digits_shown
from ui.common.edit_blocks import school_edit_block, shut_for, shut_if_read_only
from ui.common.qt_numbers import ELIDE_MIDDLE
from ui.common.thai_order import ThaiSortProxy
from ui.common.tables import (
    ALIGN_RIGHT_MIDDLE, ALIGNMENT_ROLE, CHIP_ROLE, DISPLAY_ROLE, FOREGROUND_ROLE, ID_ROLE, TAG_ROLE, TOOLTIP_ROLE,
    USER_ROLE, ChipDelegate, MeasuredFont, band_chip, set_up_list_table, tagged_width, show_headings,
)

if TYPE_CHECKING:
    from qualityschool_desktop.assessments import Assessment
    from qualityschool_desktop.changes import Changes
    from qualityschool_desktop.schools import School
    from qualityschool_desktop.scoring import AssessmentResult
    from qualityschool_desktop.workspace import Workspace

# -- Thai strings ----------------------------------------------------------------------------
TITLE = "โรงเรียน"
SEARCH_PLACEHOLDER = "ค้นหาจากชื่อโรงเรียน รหัส อำเภอ หรือสังกัด  (Ctrl+F)"
ADD = "เพิ่มโรงเรียน"
EDIT = "แก้ไขข้อมูล"
EDIT_ELSEWHERE = "“แก้ไขข้อมูล” ใช้ไม่ได้กับโรงเรียนนี้: แก้ไขได้ที่เครื่องของโรงเรียน เครื่องนี้ดูได้อย่างเดียว"
OPEN = "เปิด"
HEADERS = ("รหัสโรงเรียน", "ชื่อโรงเรียน", "อำเภอ", "จังหวัด", "สังกัด", "ประเมินล่าสุด", "คะแนน", "กลุ่มสี")
# The badge after a demo school's name: a short word, whole on every row at 150 % (VERIFY32b B11:
# "ข้อมูลตัวอย่าง" was cut to "ข้อมูลตัว…" and "…"); the note above and the name's tooltip say it whole.
DEMO_TAG = "ตัวอย่าง"
DEMO_WORDS = "ข้อมูลตัวอย่าง"
DEMO_NOTE = (
    "โรงเรียนที่มีป้าย “ตัวอย่าง” ใช้ชื่อและอำเภอจริง แต่รหัส ตัวเลข และคำตอบสมมติขึ้นเพื่อทดลองใช้โปรแกรม"
)
OFFICE_ZONE = " เขต 1"  # สังกัด is cut in the middle, to halves of one width: never below two of these and "…"
NAME_LEAST = "โรงเรียนบ้านแม่ต้าน"  # the narrowest the name column gets: a short name whole
DISTRICT_MOST = "พระนครศรีอยุธยา"  # a long real อำเภอ: the widest the district column gets (TEST30b B4)
DEMO_NAME = "{name} ({tag})"  # the tooltip of a demo school's name
NO_ROUND = "ยังไม่ได้ประเมิน"
PROVISIONAL = "ผลเบื้องต้น: ตอบแล้ว {answered} จาก {total} ประเด็น"
LATEST_ROUND = "ปีงบฯ {year} รอบที่ {round}"  # the tooltip
LATEST_SHORT = "{year} รอบ {round}"  # the cell: the year whole in a narrow column (150 % scaling)
LATEST_STATUS = "{round} · {status}"  # the tooltip of a round the office sent back
OLDER_STATUS = "{status} · {round}"  # the tag of an older round that waits for the school's correction
RETURNED_TAG = ("#b71c1c", "#ffebee")  # the review bar's red: ส่งกลับแก้ไข
WAITING_TAG = ("#6d4c00", "#fff8e1")  # the review bar's amber: รอตรวจ, at the office
COUNT = "{shown} จาก {total} โรงเรียน"
NO_MATCH = "ไม่พบโรงเรียนที่ตรงกับ “{query}”"

# Roles the proxy reads (the chip delegate's are in ui/common/tables.py). The list is the window's
# first page: nothing it runs before it has painted touches the ``Qt`` namespace (its first use builds
# 93 Python enums, ~40 ms CPU; issue 16: "ready"), so Qt's values are plain numbers here
# (ui/common/tables.py), the headings are Qt's own (``show_headings``), and ``Qt`` is imported
# where a key or a click needs it.
SORT_ROLE = USER_ROLE + 3
SEARCH_ROLE = USER_ROLE + 5

ANSWERED = frozenset({ID_ROLE, SEARCH_ROLE, CHIP_ROLE, TAG_ROLE, TOOLTIP_ROLE, ALIGNMENT_ROLE, FOREGROUND_ROLE,
                      SORT_ROLE, DISPLAY_ROLE})  # the roles SchoolsModel.data answers

COL_CODE, COL_NAME, COL_DISTRICT, COL_PROVINCE, COL_OFFICE, COL_LATEST, COL_SCORE, COL_BAND = range(8)


@dataclass(init=False, repr=False, eq=False)
class SchoolRow(Frozen):
    school: School
    latest: Assessment | None
    result: AssessmentResult | None
    review: str = ""  # the newest round's review state (qualityschool_desktop.review.STATES), "" without one
    # The school's newest round that waits for its correction (the office returned it; the school
    # has not sent it again) and its state, "returned" or "correcting"; whichever round it is.
    to_correct: tuple[Assessment, str] | None = None
    # This laptop is the school's office and the newest round waits for its review (TEST26a F3).
    to_review: bool = False

    # Written out, with Frozen's equality, hash, repr and refusals: nothing compiled at import before
    # "ready" (issue 16; qualityschool_desktop/records.py, tests/ui/test_shell_records.py).
    def __init__(self, school: School, latest: Assessment | None, result: AssessmentResult | None, review: str = "",
                 to_correct: tuple[Assessment, str] | None = None, to_review: bool = False) -> None:
        _set = object.__setattr__
        _set(self, "school", school)
        _set(self, "latest", latest)
        _set(self, "result", result)
        _set(self, "review", review)
        _set(self, "to_correct", to_correct)
        _set(self, "to_review", to_review)

    @cached_property
    def search_text(self) -> str:
        """The row's words as the search compares them (:func:`searchable`): name, code, district,
        province and area office. Made at the first search after a refill and kept on the row (not a
        field: out of its equality and repr), not remade at every keystroke (TEST29's review)."""
        school = self.school
        return searchable(" ".join((school.name, school.code, school.district, school.province,
                                    arabic_digits(school.area_office))))

    @property
    def returned(self) -> bool:
        """A round of the school waits for its correction (ส่งกลับแก้ไข, or reopened and not sent again)."""
        return self.to_correct is not None

    def correction_tag(self) -> str:
        """The red tag: the state of the round waiting for correction, with that round named when
        it is not the newest round (TEST25 10: an older returned round was invisible here)."""
        assert self.to_correct is not None
        assessment, state = self.to_correct
        if self.latest is not None and assessment.id == self.latest.id:
            return status_label(state)
        said = LATEST_SHORT.format(year=shown(assessment.fiscal_year), round=shown(assessment.round))
        return OLDER_STATUS.format(status=status_label(state), round=said)

    def tag(self) -> tuple[str, str, str] | None:
        """The newest round's tag (text, colour, background): the red of a round waiting for the
        school's correction, else at the office the amber "รอตรวจ" of a round waiting for its review."""
        if self.returned:
            return (self.correction_tag(), *RETURNED_TAG)  # seen without opening the school (RETEST13 F4)
        return (STATES["waiting"], *WAITING_TAG) if self.to_review else None


def load_rows(workspace: Workspace) -> list[SchoolRow]:
    latest = latest_scored(workspace)  # summed in SQL: the list shows no weakest items (issue 16)
    states = workspace.reviews.states([assessment for assessment, _result in latest.values()])
    to_correct: dict[str, tuple[Assessment, str]] = {}
    for waiting, state in workspace.reviews.to_correct():  # newest first: the first of a school stays
        to_correct.setdefault(waiting.school_id, (waiting, state))
    rows = []
    for school in workspace.schools.list():
        assessment, result = latest.get(school.id, (None, None))
        state = states.get(assessment.id, "") if assessment else ""
        rows.append(SchoolRow(school, assessment, result, state, to_correct.get(school.id),
                              state == "waiting" and workspace.reviews.office_here(school.id)))
    return rows


def searchable(text: str) -> str:
    """``text`` as the search compares it: casefolded, "เขต 2" as one word "เขต2", so the query
    "เขต ๒" keeps เขต ๒'s schools and not เขต ๑'s whose code holds a 2 (test29 B3)."""
    return _ZONE.sub(r"เขต\1", text).casefold()


_ZONE = re.compile(r"เขต\s+(\d)")


class SchoolsModel(QStandardItemModel):
    """The schools, a row each (``rows``), read by :func:`cell`. Qt counts the rows and columns itself
    (a ``QStandardItemModel`` without items, only ``data`` written in Python): the sorting proxy asks
    the model for both at every index it maps, ~2,400 calls into Python before the list had painted
    when ``rowCount`` and ``columnCount`` were Python's (issue 16: "ready")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.rows: list[SchoolRow] = []

    def set_rows(self, rows: list[SchoolRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        # Within the reset: the views and the proxy hear the reset, not rows inserted or removed.
        blocked = self.blockSignals(True)
        self.setRowCount(len(rows))
        self.blockSignals(blocked)
        self.endResetModel()

    # No ``headerData``: the page shows HEADERS through ``show_headings``.

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if role not in ANSWERED or not index.isValid():  # Qt asks each painted cell for ~10 roles
            return None
        return cell(self.rows[index.row()], index.column(), role)


def cell(row: SchoolRow, column: int, role: int = DISPLAY_ROLE) -> Any:
    """What the list shows of ``row`` in ``column`` for ``role`` (a role of ANSWERED), as
    ``SchoolsModel.data`` answers it; the page measures its columns with it too, without a call
    through Qt per cell."""
    school, latest, result = row.school, row.latest, row.result
    if role == ID_ROLE:
        return school.id
    if role == SEARCH_ROLE:
        return row.search_text
    if role == CHIP_ROLE and column == COL_BAND:
        return band_chip(result.band if result else None)
    if role == TAG_ROLE and column == COL_NAME and school.is_demo:
        return DEMO_TAG
    if role == TOOLTIP_ROLE and column == COL_NAME and school.is_demo:
        return DEMO_NAME.format(name=school.name, tag=DEMO_WORDS)
    if role == TAG_ROLE and column == COL_LATEST and row.tag() is not None:
        return row.tag()
    if role == ALIGNMENT_ROLE and column == COL_SCORE:
        return ALIGN_RIGHT_MIDDLE
    if role == FOREGROUND_ROLE and column in (COL_LATEST, COL_SCORE):
        # No round yet, or a round not finished: its score is only provisional.
        if latest is None or (result is not None and not result.complete):
            return QColor("#8a8a8a")
    if role == TOOLTIP_ROLE and column in (COL_SCORE, COL_BAND) and result and not result.complete:
        return PROVISIONAL.format(answered=shown(result.answered), total=shown(result.total))
    if role == SORT_ROLE:
        if column == COL_SCORE:
            return -1.0 if result is None or result.overall is None else result.overall
        if column == COL_BAND:
            return -1.0 if result is None or result.overall is None else result.overall
        if column == COL_LATEST:
            return (latest.fiscal_year * 100 + latest.round) if latest else 0
        return cell(row, column, DISPLAY_ROLE)
    if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
        if column == COL_CODE:
            return shown(school.code)
        if column == COL_NAME:
            return school.name
        if column == COL_DISTRICT:
            return school.district
        if column == COL_PROVINCE:
            return school.province
        if column == COL_OFFICE:
            return shown(school.area_office)  # "เขต 1" as stored, in the window's digits
        if column == COL_LATEST:
            if latest is None:
                return NO_ROUND
            form = LATEST_SHORT if role == DISPLAY_ROLE else LATEST_ROUND
            said = form.format(year=shown(latest.fiscal_year), round=shown(latest.round))
            if role == TOOLTIP_ROLE and row.to_correct is not None:
                waiting, state = row.to_correct
                named = LATEST_ROUND.format(year=shown(waiting.fiscal_year), round=shown(waiting.round))
                return LATEST_STATUS.format(round=said if waiting.id == latest.id else f"{said}\n{named}",
                                            status=status_label(state))
            return said
        if column == COL_SCORE:
            return score(result.overall) if result else ""
        if column == COL_BAND:
            return "" if role == DISPLAY_ROLE else (result.band.name if result and result.band else "")
    return None


class SchoolsFilter(ThaiSortProxy):
    """Keeps the rows whose name, code, district or area office contains the search text (Thai digits too);
    a clicked header sorts names in Thai order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self.setSortRole(SORT_ROLE)

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        # Read as the core reads a field: a paste's zero-width spaces dropped (try11b F17).
        self._query = searchable(arabic_digits(clean_field(text)))
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if not self._query:
            return True
        model = self.sourceModel()
        if isinstance(model, SchoolsModel):  # the row's words straight from the row, no call through Qt
            haystack = model.rows[source_row].search_text
        else:
            haystack = str(model.index(source_row, 0, source_parent).data(SEARCH_ROLE) or "")
        return all(word in haystack for word in self._query.split())


class SchoolsTable(QTableView):
    """Enter opens the selected school (Qt's ``activated`` is not emitted for Enter everywhere)."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class SchoolsPage(QWidget):
    """Lists the schools; asks its feature to open, add or edit one."""

    open_school = Signal(str)
    add_school = Signal()
    edit_school = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *, notifier: Any = None) -> None:
        """``notifier``: the window's ``ChangeNotifier`` (ui.common.ops); the list re-reads itself when
        schools or their rounds change while it is shown."""
        super().__init__(parent)
        self.workspace = workspace
        self.setObjectName("schoolsPage")
        if notifier is not None:
            notifier.changed.connect(self.on_changes)

        title = QLabel(TITLE)
        title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(SEARCH_PLACEHOLDER)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)  # the page fits an 800-pixel screen (TEST30b B4); wider, it stretches
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._open_first_match)
        self.search.installEventFilter(self)
        self.add_button = QPushButton(ADD)
        self.add_button.setObjectName("primaryButton")
        self.add_button.clicked.connect(self.add_school)
        self.edit_button = QPushButton(EDIT)
        self.edit_button.clicked.connect(self._edit_selected)
        self.open_button = QPushButton(OPEN)
        self.open_button.clicked.connect(self._open_selected)
        shut_if_read_only(workspace.read_only, self.add_button, self.edit_button)

        header = QHBoxLayout()
        header.addWidget(title)
        header.addSpacing(16)
        header.addWidget(self.search, 1)
        header.addSpacing(16)
        header.addWidget(self.open_button)
        header.addWidget(self.edit_button)
        header.addWidget(self.add_button)

        self.model = SchoolsModel(self)
        self.proxy = SchoolsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = SchoolsTable()
        self.table.setModel(self.proxy)
        show_headings(self.table, HEADERS)  # after setModel: the header's own model
        chips = ChipDelegate(self.table)  # only where there are chips or tags: Qt's own paints the rest, no Python call
        for column in (COL_NAME, COL_LATEST, COL_BAND):
            self.table.setItemDelegateForColumn(column, chips)
        heading = set_up_list_table(self.table, self.fontMetrics().height() + 14)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, arrows move inside it (TEST30b B1)
        # Qt's own cells cut in the middle: only สังกัด is ever cut (codes and scores are kept whole,
        # districts and provinces floored at their widest; the chips cut their own), and there
        # "สพป.ตา…เขต ๑" keeps the เขต that tells two offices apart (test29 B2). A property: no ``Qt``.
        self.table.setProperty("textElideMode", ELIDE_MIDDLE)
        # Sorted by a click on a header: switched on by the first press on one (_sortable), not now,
        # where it needs a ``Qt.SortOrder``. Until then the core's order (province, office, district, name).
        heading.sectionPressed.connect(self._sortable)
        # The name keeps a readable width in a narrow window; the other columns narrow first, to
        # no less than what their rows show (_size_columns, on each refill).
        self._columns = fit_columns(self.table, COL_NAME, {
            COL_CODE: 120, COL_DISTRICT: 130, COL_PROVINCE: 90, COL_OFFICE: 170,
            COL_LATEST: 165, COL_SCORE: 70, COL_BAND: 100,
        }, stretch_min=260, keep=frozenset({COL_CODE, COL_SCORE}), headings=HEADERS)
        self.model.modelReset.connect(self._size_columns)
        self.table.activated.connect(lambda _index: self._open_selected())
        self.table.open_requested.connect(self._open_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.demo_note = QLabel(DEMO_NOTE)
        self.demo_note.setObjectName("demoNote")
        self.demo_note.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        # Why "แก้ไขข้อมูล" is off, readable without hovering, by keyboard users too (retest30 B12):
        # on the count's line, so the table does not move as the selection does.
        self.edit_reason = QLabel(EDIT_ELSEWHERE)
        self.edit_reason.setObjectName("hint")
        self.edit_reason.setWordWrap(True)  # two lines on an 800-pixel screen, never wider than the page
        self.edit_reason.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.edit_reason)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addLayout(header)
        layout.addWidget(self.demo_note)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        # No refresh here: the window refreshes the page each time it shows it.
        self._update_buttons()  # nothing chosen yet: "เปิด" and "แก้ไข" wait for a school

    def _sortable(self) -> None:
        """Sorting by a clicked header, from the first press on one on (its release sorts): Qt's
        ``setSortingEnabled`` sorts at once by the header's first column, descending, and the
        indicator is taken off again (no column: the core's order) before it is switched on."""
        if self.table.isSortingEnabled():
            return
        from PySide6.QtCore import Qt

        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

    def on_changes(self, changes: Changes) -> None:
        if self.isVisible() and (changes.any_schools or changes.any_assessments):
            self.refresh()

    # -- data --------------------------------------------------------------------------------
    def refresh(self, select_id: str | None = None) -> None:
        """Reload from the core, keeping (or moving to) the selected school."""
        keep = select_id or self.selected_id()
        self.model.set_rows(load_rows(self.workspace))
        self.demo_note.setVisible(any(row.school.is_demo for row in self.model.rows))
        self._update_count()
        if keep:
            self.select(keep)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def select(self, school_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == school_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return True
        return False

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return str(index.siblingAtColumn(0).data(ID_ROLE))

    def visible_names(self) -> list[str]:
        """The school names the table shows now, in order (what a user reads)."""
        return [str(self.proxy.index(row, COL_NAME).data()) for row in range(self.proxy.rowCount())]

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _size_columns(self) -> None:
        """Size the columns to what the rows hold (TEST26a #2: at 150 % the latest round kept room
        for an older round's long tag while the names read "โรงเรียนบ้…" and กลุ่มสี was off the
        list). Whole: the codes, the latest rounds' short text, the colour bands and the names (up
        to 40 characters' width); the tags (ตัวอย่าง, ส่งกลับแก้ไข) whole where there is
        room, else their first letters and "…" with the cell's tooltip saying them whole."""
        table, rows = self.table, self.model.rows
        # The one cache of widths: each different text shaped once (districts, rounds, tags and
        # "…" repeat row after row; Thai is shaped anew at every measure: issue 16, "ready").
        metrics = MeasuredFont(table.fontMetrics())
        padding = cell_width(table)

        def widest(column: int, *, whole: bool = True) -> int:
            return padding + max((tagged_width(metrics, str(cell(row, column) or ""), cell(row, column, TAG_ROLE),
                                               whole=whole) for row in rows), default=0)

        fitter = self._columns
        codes = widest(COL_CODE)
        fitter.widths[COL_CODE] = max(120, codes)
        fitter.widths[COL_LATEST] = widest(COL_LATEST)
        # As wide as their names (the room left goes to the names), a district at most as wide as
        # DISTRICT_MOST: one long name is cut ("…", the tooltip whole), not every school's (TEST30b B4).
        most = padding + metrics.horizontalAdvance(DISTRICT_MOST)
        for column in (COL_DISTRICT, COL_PROVINCE):
            whole = widest(column) if column == COL_PROVINCE else min(widest(column), most)
            fitter.widths[column] = max(whole, heading_width(table, HEADERS[column]))  # (RETEST26 N1)
            fitter.floors[column] = whole  # a district's name whole ("ท่าสองยาง")
        # The status after the round whole ("รอต…" at 150 %: s32 U10); squeezing never cuts it.
        fitter.floors[COL_LATEST] = widest(COL_LATEST)
        # The office whole while the list has room, else its เขต whole when cut, "สพป.ตา…เขต ๑"
        # (test29 B2); the offices are few, measured once each.
        fitter.floors[COL_OFFICE] = max(widest(COL_OFFICE), padding + 2 * metrics.horizontalAdvance(shown(OFFICE_ZONE))
                                        + metrics.horizontalAdvance("…"))
        fitter.widths[COL_SCORE] = max(widest(COL_SCORE), heading_width(table, HEADERS[COL_SCORE]))  # not 70 at 150 %
        chips = {chip[0] for chip in (cell(row, COL_BAND, CHIP_ROLE) for row in rows) if chip}
        fitter.floors[COL_BAND] = padding + max((metrics.horizontalAdvance(chip) + 20 for chip in chips), default=0)
        # The names with their demo badge whole (VERIFY32b B11: cut to stubs while อำเภอ and สังกัด had room).
        name = min(widest(COL_NAME), padding + 40 * metrics.averageCharWidth())
        # A name longer than the list has room for after the other columns ends in "…" (its
        # tooltip says it whole) rather than push กลุ่มสี off the list; never below NAME_LEAST.
        least = padding + metrics.horizontalAdvance(NAME_LEAST)
        header = table.horizontalHeader()

        def name_least() -> int:
            others = sum(header.sectionSize(column) for column in range(header.count()) if column != COL_NAME)
            return min(name, max(least, viewport(table).width() - others))

        fitter.stretch_min = name
        fitter.stretch_least = name_least
        # Too narrow for them all (800 px): these are cut further, the names keep NAME_LEAST and
        # กลุ่มสี stays on the list (TEST30b B4); codes, scores and the rounds whole.
        fitter.squeeze = {COL_CODE: codes, COL_SCORE: 0, COL_DISTRICT: 0, COL_PROVINCE: 0, COL_OFFICE: 0,
                          COL_LATEST: widest(COL_LATEST, whole=False)}  # the rounds whole, their tags cut last
        fitter.squeeze_room = least  # more (the names whole) left อำเภอ and สังกัด unreadable: "บ้…าก", "ส…๑"
        # จังหวัด said nothing where every school is in one province: hidden first when narrow.
        one_province = len({row.school.province for row in rows}) <= 1
        fitter.droppable = (COL_PROVINCE,) if one_province else ()
        # Left out while the names cannot be whole beside it (their tags may be cut: the tooltip
        # says them); 150 %: every name was cut (s32 U10).
        fitter.drop_room = name
        if not one_province:
            table.setColumnHidden(COL_PROVINCE, False)  # hidden over the rows of before
        fitter.fit()

    # -- reactions ---------------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        if self.proxy.rowCount():
            # The chosen school if it still matches, else the first match; on screen either way:
            # Enter opens it (TEST30b B3: the list stayed scrolled where the old rows were).
            if not self.selected_id():
                self.table.selectRow(0)
            self.table.scrollTo(self.table.currentIndex())
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total and not shown:
            self.count_label.setText(NO_MATCH.format(query=self.search.text()))
        else:
            self.count_label.setText(COUNT.format(shown=digits_shown(shown), total=digits_shown(total)))

    def _update_buttons(self) -> None:
        selected = self.selected_id()
        has = selected is not None
        # Off with the reason before anyone types: read-only here, or the school's own laptop
        # owns its record (TEST30a B12; the school's page does the same).
        block = school_edit_block(self.workspace, selected) if has else ""
        shut_for(block, self.edit_button)
        self.edit_button.setEnabled(has and not block)
        self.edit_button.setAccessibleDescription(block)
        # The school's laptop owns it: said on the page (a read-only database says so in its banner).
        self.edit_reason.setVisible(bool(block) and not self.workspace.read_only)
        self.open_button.setEnabled(has)

    def _open_selected(self) -> None:
        school_id = self.selected_id()
        if school_id:
            self.open_school.emit(school_id)

    def _open_first_match(self) -> None:
        if self.proxy.rowCount():
            if not self.selected_id():
                self.table.selectRow(0)
            self._open_selected()

    def _edit_selected(self) -> None:
        school_id = self.selected_id()
        if school_id:
            self.edit_school.emit(school_id)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
        # Down arrow in the search box moves into the list, so typing then choosing needs no mouse;
        # Esc empties the box (every school again), as search boxes do.
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            from PySide6.QtCore import Qt

            if event.key() == Qt.Key.Key_Down and self.proxy.rowCount():
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.selected_id():
                    self.table.selectRow(0)
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():  # TEST32b B14: Esc empties the search
                self.search.clear()
                return True
        return super().eventFilter(watched, event)
