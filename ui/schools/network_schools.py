"""The network schools tab of a school page: a table edited in place (each change saved at once),
a line to add one, removal with undo, and import from a CSV file after a preview.

Everything goes through ``workspace.network_schools``; the table shows what the core stored
(Thai digits typed in come back as the numbers saved), and a refused edit puts the stored value
back with "ยังไม่ได้บันทึก" and the reason under the table (ui/common/save_state.py); a refusal that may
pass (the database busy) is tried again, or at once with "ลองอีกครั้ง".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.network_schools import FIELDS, CsvImportResult, CsvPreview, NetworkSchool, distance_warning
from qualityschool_desktop.workspace import Workspace
from ui.common.digits import follow, number, shown, shown_text
from ui.common.notices import Notice
from ui.common.edit_blocks import school_edit_block
from ui.common.save_lines import ERROR_COLOUR, SAVED_COLOUR, SaveStateLine
from ui.common.save_state import Saver
from ui.common.screen import fit_to_screen
from ui.common.undo_removal import UndoRemoval
from ui.shell.api import SchoolTab
from ui.common.tables import read_only_table

from . import strings as text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
FAR_COLOUR = "#a15c00"  # amber text: a note, not an error
PROBLEM_BACKGROUND = "#fdecea"
COL_CODE, COL_NAME, COL_PUPILS, COL_TEACHERS, COL_DISTANCE = range(5)


def cell_text(network: NetworkSchool, field: str) -> str:
    value = getattr(network, field)
    if value is None:
        return ""
    if field in ("pupils", "teachers"):
        return number(value)
    if field == "distance_km":
        return shown(f"{value:g}")
    if field == "code":
        return shown(value)
    return str(value)  # a name as typed, its digits too


def preview_cell(values: dict[str, Any], raw: dict[str, str], field: str) -> str:
    """A preview cell: the value that will be stored ("1,200" km, not the file's text), or the
    text as the file has it where it cannot be read (the row's note says why)."""
    if field not in values:
        return raw.get(field, "")
    value = values[field]
    if value is None:
        return ""
    if field in ("pupils", "teachers"):
        return number(value)
    if field == "distance_km":
        return shown(f"{value:,.2f}".rstrip("0").rstrip("."))
    return shown(value) if field == "code" else str(value)


class NetworkTable(QTableWidget):
    """Delete asks to remove the selected school; everything else is a normal editable table."""

    remove_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.remove_requested.emit()
            return
        super().keyPressEvent(event)


class CsvPreviewDialog(QDialog):
    """What a CSV file would do, row by row, before anything is written. Accepted with
    ``skip_bad_rows`` True when the user chose to import only the good rows."""

    def __init__(self, preview: CsvPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.skip_bad_rows = False
        self.setWindowTitle(text.PREVIEW_TITLE.format(file=preview.path.name))
        self.setModal(True)
        fit_to_screen(self, QSize(1120, 560))
        good, bad = preview.good_rows, preview.bad_rows
        summary = QLabel(text.PREVIEW_SUMMARY.format(
            rows=shown(len(preview.rows)), good=shown(len(good)), bad=shown(len(bad)),
            new=shown(preview.count("new")), updated=shown(preview.count("updated")),
            unchanged=shown(preview.count("unchanged")),
        ))
        summary.setObjectName("dialogHeading")
        summary.setWordWrap(True)
        encoding = QLabel(text.PREVIEW_ENCODING.get(preview.encoding, preview.encoding))
        encoding.setObjectName("hint")

        self.table = QTableWidget(len(preview.rows), len(text.PREVIEW_HEADERS))
        self.table.setHorizontalHeaderLabels(list(text.PREVIEW_HEADERS))
        read_only_table(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 60), (1, 90), (2, 120), (3, 230), (4, 80), (5, 60), (6, 110)):
            self.table.setColumnWidth(column, width)
        for row, entry in enumerate(preview.rows):
            notes = " ".join(p.split(": ", 1)[-1] for p in entry.problems + entry.warnings)
            cells = [shown(entry.line), text.PREVIEW_ACTIONS.get(entry.action, entry.action),
                     *(preview_cell(entry.values, entry.raw, field) for field in FIELDS), notes]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(notes or value)
                if not entry.ok:
                    item.setBackground(QColor(PROBLEM_BACKGROUND))
                elif entry.warnings and column == 7:
                    item.setForeground(QColor(FAR_COLOUR))
                self.table.setItem(row, column, item)

        self.note = QLabel(text.PREVIEW_BAD_NOTE if bad else (text.PREVIEW_NOTHING if not preview.changes_anything
                                                               else ""))
        self.note.setObjectName("dialogError" if bad else "hint")
        self.note.setWordWrap(True)
        self.note.setVisible(bool(self.note.text()))

        self.import_button = QPushButton(text.PREVIEW_IMPORT)
        self.import_button.setObjectName("primaryButton")
        self.import_button.setEnabled(not bad and preview.changes_anything)
        self.import_button.setVisible(not bad)
        self.import_button.clicked.connect(self.accept)
        self.import_good_button = QPushButton(text.PREVIEW_IMPORT_GOOD.format(count=shown(len(good))))
        self.import_good_button.setVisible(bool(bad))
        self.import_good_button.setEnabled(bool(good) and preview.changes_anything)
        self.import_good_button.clicked.connect(self._import_good)
        self.cancel_button = QPushButton(text.PREVIEW_CANCEL)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_good_button)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(encoding)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        (self.import_button if not bad else self.cancel_button).setDefault(True)

    def _import_good(self) -> None:
        self.skip_bad_rows = True
        self.accept()


class NetworkSchoolsPanel(SchoolTab):
    """The network schools of the school shown; every edit is saved as soon as it is made."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.school_id: str | None = None
        self.rows: list[NetworkSchool] = []
        self.active_dialog: CsvPreviewDialog | None = None
        self._filling = False
        self._block = school_edit_block(workspace, None)  # why the school shown is not editable here, or ""
        self._build()
        follow(self._write_hints)  # the digit style changed: the hints in the new one

    def _write_hints(self) -> None:
        self.hint.setText(shown_text(text.NETWORK_HINT))
        self.new_fields["code"].setPlaceholderText(shown_text(text.NETWORK_NEW_CODE))

    def _build(self) -> None:
        hint = self.hint = QLabel(shown_text(text.NETWORK_HINT))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.remove_button = QPushButton(text.NETWORK_REMOVE)
        self.remove_button.setToolTip(text.NETWORK_REMOVE_TIP)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton(text.NETWORK_IMPORT)
        self.import_button.setToolTip(text.NETWORK_IMPORT_TIP)
        self.import_button.clicked.connect(self.import_csv)
        top = QHBoxLayout()
        top.addWidget(hint, 1)
        top.addWidget(self.remove_button)
        top.addWidget(self.import_button)

        self.table = NetworkTable(0, len(text.NETWORK_HEADERS))
        self.table.setHorizontalHeaderLabels(list(text.NETWORK_HEADERS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_CODE, 130), (COL_PUPILS, 120), (COL_TEACHERS, 100), (COL_DISTANCE, 120)):
            self.table.setColumnWidth(column, width)
        self.table.itemChanged.connect(self._cell_edited)
        self.table.remove_requested.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.empty_label = QLabel(text.NETWORK_EMPTY)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        # The add line: the same columns as the table, Enter in any field adds.
        self.new_fields: dict[str, QLineEdit] = {}
        add_row = QHBoxLayout()
        for field, placeholder, width in (
            ("code", shown_text(text.NETWORK_NEW_CODE), 130), ("name", text.NETWORK_NEW_NAME, 0),
            ("pupils", text.NETWORK_NEW_PUPILS, 110), ("teachers", text.NETWORK_NEW_TEACHERS, 90),
            ("distance_km", text.NETWORK_NEW_DISTANCE, 110),
        ):
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(placeholder)
            if width:
                edit.setFixedWidth(width)
            edit.returnPressed.connect(self.add_from_fields)
            add_row.addWidget(edit, 0 if width else 1)
            self.new_fields[field] = edit
        self.add_button = QPushButton(text.NETWORK_ADD)
        self.add_button.setObjectName("primaryButton")
        self.add_button.setToolTip(text.NETWORK_ADD_TIP)
        self.add_button.clicked.connect(self.add_from_fields)
        add_row.addWidget(self.add_button)

        self.save_line = SaveStateLine("", self)
        self.message = self.save_line.label
        self._saver = Saver(self.save_line, self)
        self.undo_button = QPushButton(text.NETWORK_UNDO)
        self.undo_button.setToolTip(text.NETWORK_UNDO_TIP)
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        self.removal: UndoRemoval[NetworkSchool] = UndoRemoval(self._saver, self.undo_button, "network")
        self.totals_label = QLabel()
        self.totals_label.setObjectName("sectionTitle")
        footer = QHBoxLayout()
        footer.addWidget(self.save_line, 1)
        footer.addWidget(self.undo_button)
        footer.addSpacing(12)
        footer.addWidget(self.totals_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(add_row)
        layout.addLayout(footer)

        undo = QShortcut(QKeySequence("Ctrl+Z"), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        self.setFocusProxy(self.table)
        self._shut_if_blocked()

    def _shut_if_blocked(self) -> None:
        """Shut the edits, with a note, rather than refuse every one: a read-only database, or a
        school owned by the school's keys (it came by exchange)."""
        editable = not self._block
        read_only_table(self.table, not editable)  # Tab leaves it while its records are locked …
        self.table.setTabKeyNavigation(False)  # … and while they are not: the new school's fields come next
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed if editable else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for widget in (self.add_button, self.import_button, *self.new_fields.values()):
            widget.setEnabled(editable)
        self.hint.setText(self._block or shown_text(text.NETWORK_HINT))
        self._update_buttons()

    def hint_text(self) -> str:
        """The line above the table: how to use it, or why it cannot be edited here."""
        return self.hint.text()

    # -- data --------------------------------------------------------------------------------
    def show_school(self, school_id: str, select_id: str | None = None) -> None:
        if school_id != self.school_id:
            self.removal.forget()
            self._say("")
        self.school_id = school_id
        self._block = school_edit_block(self.workspace, school_id)
        self._shut_if_blocked()
        self.refresh()

    def on_changes(self, school_id: str, changes: Changes) -> None:
        if changes.any_network_schools:
            self.refresh()

    def refresh(self, select_id: str | None = None) -> None:
        if self.school_id is None:
            return
        keep = select_id or self.selected_id()
        self.rows = self.workspace.network_schools.for_school(self.school_id)
        self._filling = True
        try:
            self.table.setRowCount(len(self.rows))
            for row, network in enumerate(self.rows):
                self._fill_row(row, network)
        finally:
            self._filling = False
        self.table.setVisible(bool(self.rows))
        self.empty_label.setVisible(not self.rows)
        totals = self.workspace.network_schools.totals(self.school_id)
        self.totals_label.setText(text.NETWORK_TOTALS.format(
            schools=shown(totals.schools), pupils=number(totals.pupils),
            teachers=number(totals.teachers)))
        for row, network in enumerate(self.rows):
            if network.id == keep:
                self.table.selectRow(row)
        self._update_buttons()

    def _fill_row(self, row: int, network: NetworkSchool) -> None:
        for column, field in enumerate(FIELDS):
            # Items are updated in place, not replaced: this runs inside the table's own
            # itemChanged signal after an edit, and deleting the item being edited there is unsafe.
            item = self.table.item(row, column)
            if item is None:
                item = QTableWidgetItem()
                if column in (COL_PUPILS, COL_TEACHERS, COL_DISTANCE):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            item.setText(cell_text(network, field))
            item.setData(ID_ROLE, network.id)
            far = column == COL_DISTANCE and network.far
            item.setForeground(QColor(FAR_COLOUR) if far else self.table.palette().text())
            item.setToolTip(shown_text(text.NETWORK_FAR_TIP) if far else "")

    def selected_id(self) -> str | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows) or not self.table.selectionModel().isRowSelected(row):
            return None
        return self.rows[row].id

    def visible_rows(self) -> list[list[str]]:
        """The table as shown: for tests and for reading aloud."""
        return [[item.text() if (item := self.table.item(r, c)) is not None else ""
                 for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]

    # -- editing -----------------------------------------------------------------------------
    # Keys: ("network", id, field) for a cell, ("network", "add"), ("network", id, "remove"),
    # ("network", "csv"); a newer change of the same thing replaces one still waiting.
    def _cell_edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        network_id = str(item.data(ID_ROLE))
        field = FIELDS[item.column()]
        value = item.text()

        def saved(network: NetworkSchool) -> None:
            self.refresh(select_id=network_id)
            far = field == "distance_km" and network.far
            self._say(distance_warning(network.distance_km) if far else text.NETWORK_SAVED.format(name=network.name),
                      warning=far)

        self._saver.run(lambda: self.workspace.network_schools.update(network_id, **{field: value}), quiet=True,
                        key=("network", network_id, field), on_saved=saved,
                        on_failed=lambda _error: self.refresh(select_id=network_id))  # the stored value comes back

    def add_from_fields(self) -> None:
        if self.school_id is None:
            return
        values: dict[str, Any] = {field: edit.text() for field, edit in self.new_fields.items()}
        school_id = self.school_id

        def added(network: NetworkSchool) -> None:
            for edit in self.new_fields.values():
                edit.clear()
            self.new_fields["code"].setFocus()
            self.refresh(select_id=network.id)
            warning = distance_warning(network.distance_km)
            self._say(text.NETWORK_ADDED.format(name=network.name) + (" · " + warning if warning else ""),
                      warning=bool(warning))

        # What was typed stays in the fields until it is stored.
        self._saver.run(lambda: self.workspace.network_schools.add(school_id, **values), quiet=True,
                        key=("network", "add"), on_saved=added)

    def remove_selected(self) -> None:
        network_id = self.selected_id()
        if network_id is None:
            return
        row = self.table.currentRow()

        def removed(network: NetworkSchool) -> None:
            self.refresh()
            if self.rows:
                self.table.selectRow(min(row, len(self.rows) - 1))
            self._say(text.NETWORK_REMOVED.format(name=network.name))

        self.removal.remove(network_id, lambda: self.workspace.network_schools.remove(network_id), removed)

    def undo(self) -> None:
        def restored(network: NetworkSchool) -> None:
            self.refresh(select_id=network.id)
            self._say(text.NETWORK_RESTORED.format(name=network.name))

        self.removal.undo(self.workspace.network_schools.restore, restored)

    # -- CSV ---------------------------------------------------------------------------------
    def import_csv(self) -> None:
        if self.school_id is None:
            return
        from ui.common.file_dialogs import thai_file_dialogs  # with the dialog: ~55 ms CPU of imports (issue 16)
        with thai_file_dialogs():  # Qt's own dialog, where it draws one, in Thai terms
            chosen, _ = QFileDialog.getOpenFileName(self, text.CSV_OPEN_TITLE, str(Path.home()), text.CSV_FILTER)
        if not chosen:
            return
        try:
            preview = self.workspace.network_schools.preview_csv(self.school_id, chosen)
        except QualitySchoolError as exc:
            self._say(f"{text.CSV_FAILED}: {exc}", error=True)
            return
        dialog = CsvPreviewDialog(preview, self)
        self.active_dialog = dialog
        dialog.accepted.connect(lambda: self._apply_csv(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # window-modal, not exec(): the rest of the app keeps painting

    def _apply_csv(self, dialog: CsvPreviewDialog) -> None:
        assert self.school_id is not None
        school_id, path, skip = self.school_id, dialog.preview.path, dialog.skip_bad_rows
        school_name = self.workspace.schools.get(school_id).name

        def applied(result: CsvImportResult) -> None:
            self.refresh()
            message = text.NETWORK_IMPORTED.format(
                added=shown(result.added), updated=shown(result.updated),
                unchanged=shown(result.unchanged))
            if result.skipped:
                message += text.NETWORK_IMPORTED_SKIPPED.format(skipped=shown(result.skipped))
            self._say(message)
            summary = message.split(": ", 1)[-1]
            self.noticed.emit(Notice(text.NETWORK_IMPORTED_FROM.format(school=school_name, path=path, summary=summary),
                                     file=Path(path), openable=False))

        self._saver.run(lambda: self.workspace.network_schools.apply_csv(school_id, path, skip_bad_rows=skip),
                        quiet=True, key=("network", "csv"), on_saved=applied)

    # -- feedback ----------------------------------------------------------------------------
    def _say(self, message: str, *, error: bool = False, warning: bool = False) -> None:
        """A message under the table (not while a change waits to be saved: that stays in view)."""
        self._saver.say(message, ERROR_COLOUR if error else FAR_COLOUR if warning else SAVED_COLOUR)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_id() is not None and not self._block)
