"""รายงานผลการตรวจราชการ: the office writes its report of one inspection round.

Every field is saved as it is typed through ``workspace.office_texts`` (the core's one write
path, history per burst of typing); the save-state line says "บันทึกแล้ว" only after the core
stored it (``ui/common/save_state.py``). The right-hand panel offers what the program drafts from
the data; "พิมพ์ PDF" and "บันทึกเป็น Word" print what the database holds for the round, the same
documents as ``report summary``.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
    QSplitter, QVBoxLayout, QWidget,
)

from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.inspection.office_texts import AREA_FIELDS
from qualityschool_desktop.inspection.texts import OfficeTexts, districts_of
from qualityschool_desktop.thai import DigitText
from ui.common.digits import follow, shown, shown_text, style as digit_style
from ui.common.notices import Notice
from ui.common.ops import Op, Ops
from ui.common.save_lines import SaveStateLine
from ui.common.save_state import Saver
from ui.common.widgets import page_title

from . import strings as text
from .form_parts import ERROR_STYLE, NarrativeFields, ServedFields, Told, text_editor
from .printing import PdfPrinter, WordPrinter, by_office_box
from .suggestions import SuggestionsPanel
from .outside import OutsideChanges
from .problem_rows import ProblemRows
from .tables import ModelsTable

if TYPE_CHECKING:
    from qualityschool_desktop.inspection.rounds import InspectionRound
    from qualityschool_desktop.schools import School
    from qualityschool_desktop.workspace import Workspace

# (field, label, one line?) in the form's order; 6.2 1)'s narratives and 6.3 sit between.
HEAD_FIELDS = (("office", text.OFFICE, text.OFFICE_HINT), ("policy", text.POLICY, text.POLICY_HINT))
TAIL_FIELDS = (("success_factors", text.SUCCESS), ("suggestions", text.SUGGESTIONS_FIELD),
               ("good_practices", text.PRACTICES))


class OfficeReportPage(QWidget):
    """The page; ``noticed`` carries what a print did (the window's notice bar)."""

    noticed = Signal(object)

    def __init__(self, workspace: Workspace, *, ops: Ops | None = None, read_only: bool = False) -> None:
        super().__init__()
        self.workspace = workspace
        self.read_only = read_only
        self.ops = ops or Ops(self)
        self.round: tuple[int, int] | None = None
        self._filling = False
        self._titled: list[tuple[QGroupBox, str]] = []  # section boxes and their titles as written
        self.boxes: dict[str, QGroupBox] = {}  # the page's parts (form_fields.FIELDS) → their boxes
        self.headings: dict[QGroupBox, QLabel] = {}  # a box → the heading over it
        self._rounds: dict[tuple[int, int], InspectionRound] = {}
        self._numbers: tuple[str, str] = ("6.3", "6.6")  # the form's numbers of 6.3 and 6.6 (the panel's headings)
        self.save_line = SaveStateLine(text.IDLE)
        self.saver = Saver(self.save_line, self)
        self.pdf = PdfPrinter(self, ops=self.ops)
        self.word = WordPrinter(self, ops=self.ops)
        self.pdf.noticed.connect(self.noticed)
        self.word.noticed.connect(self.noticed)

        self.title = page_title(text.TITLE)
        self.round_box = QComboBox()
        self.round_box.currentIndexChanged.connect(self._round_chosen)
        round_label = QLabel(text.ROUND_LABEL)
        round_label.setBuddy(self.round_box)
        self.pdf_button = QPushButton(text.PRINT_PDF)
        self.word_button = QPushButton(text.SAVE_WORD)
        self.pdf_button.clicked.connect(lambda _c=False: self.print_pdf())
        self.word_button.clicked.connect(lambda _c=False: self.save_word())
        self.history_button = QPushButton(text.HISTORY)  # RETEST13 F11: the earlier texts the notice speaks of
        self.history_button.setToolTip(text.HISTORY_TIP)
        self.history_button.clicked.connect(lambda _c=False: self.show_history())
        self.history_dialog: QDialog | None = None
        keys = QShortcut(QKeySequence("Ctrl+H"), self)  # as answers' history; only while the page has the focus
        keys.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys.activated.connect(self.show_history)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.pdf_button)
        header.addWidget(self.word_button)
        header.addWidget(self.history_button)
        # What to print on a row of its own: the header stays within a 150 % laptop's window.
        choice = QHBoxLayout()
        choice.addWidget(round_label)
        choice.addWidget(self.round_box)
        self.by_office = by_office_box()
        choice.addSpacing(12)
        choice.addWidget(self.by_office)
        # Whose texts the form writes: the province's, or an area office's own for its part (seed 000).
        self.area = ""
        self.area_box = QComboBox()
        self.area_box.setObjectName("writesFor")
        self.area_box.currentIndexChanged.connect(self._area_chosen)
        area_label = QLabel(text.WRITES_FOR)
        area_label.setBuddy(self.area_box)
        choice.addSpacing(12)
        choice.addWidget(area_label)
        choice.addWidget(self.area_box)
        choice.addStretch(1)

        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.form_body = QWidget()
        self.form = QVBoxLayout(self.form_body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_body)
        self.panel = SuggestionsPanel()
        self.panel.problem_accepted.connect(lambda row: self.rows.accept(row))
        self.panel.practice_accepted.connect(self.accept_practice)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 380])
        splitter.setChildrenCollapsible(False)
        self.rows: ProblemRows = ProblemRows(self)
        self.problems = self.rows.table
        self.models = ModelsTable()
        self.models.changed.connect(self._model_changed)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(choice)
        layout.addWidget(self.save_line)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self._build_form()
        self.outside = OutsideChanges(workspace, self._read_pair, self._changed_outside,
                                      lambda: self.isVisible() and self.round is not None, self)
        follow(self._restyle)  # the digit style changed: titles and what refresh() writes, in the new one

    # -- the form ------------------------------------------------------------------------------
    def _build_form(self) -> None:
        head = self.head = QFormLayout()
        for field, label, hint in HEAD_FIELDS:
            line = QLineEdit()
            line.setPlaceholderText(hint)
            self._watch(field, line)
            head.addRow(label, line)
        self.form.addLayout(head)
        self.boxes["situation"] = self._group(text.SITUATION, [self._watch("situation", text_editor(text.SITUATION_HINT))])
        self.served_box = ServedFields(self.save_served)
        self.form.addWidget(self.served_box)
        self.boxes["served"] = self.served_box
        self.narratives_box = NarrativeFields(self._typed)
        self._heading(self.narratives_box, text.NARRATIVES)
        self.boxes["narratives"] = self.narratives_box
        self.form.addWidget(self.narratives_box)
        self.boxes["models"] = self._group(
            text.MODELS, [self.models, self._watch("model_schools", text_editor(text.MODELS_TEXT_HINT))])
        self.boxes["problems"] = self._group(text.PROBLEMS, [self.problems])
        for field, label in TAIL_FIELDS:
            self.boxes[field] = self._group(label, [self._watch(field, text_editor())])
        self.form.addStretch(1)

    def _heading(self, box: QGroupBox, title: str) -> None:
        """The section's heading over ``box``, wrapped (the form's headings run long: a group
        box's own title never wraps and widened the page at 150 %)."""
        label = QLabel(shown_text(title))
        label.setWordWrap(True)
        label.setBuddy(box)
        self.form.addWidget(label)
        self._titled.append((box, title))
        self.headings[box] = label

    def _group(self, title: str, widgets: list[QWidget]) -> QGroupBox:
        box = QGroupBox()
        self._heading(box, title)
        layout = QVBoxLayout(box)
        for widget in widgets:
            layout.addWidget(widget)
        self.form.addWidget(box)
        return box

    def _restyle(self) -> None:
        for box, title in self._titled:
            self.headings[box].setText(shown_text(title))
        self.refresh()

    def heading_of(self, part: str) -> str:
        """The heading shown over the page's ``part`` ("" for one without, the districts served)."""
        label = self.headings.get(self.boxes[part])
        return label.text() if label is not None else ""

    def _follow_form(self, texts: OfficeTexts) -> None:
        """The chosen round's form: each part under the form's heading, a part it has no place for
        hidden, or, when it holds typed text, shown with the reason it is not printed."""
        from qualityschool_desktop.inspection.layouts import load_layout
        from qualityschool_desktop.reports.summary.form_fields import form_fields

        item = self._rounds.get(self.round) if self.round is not None else None
        form = self.saver.read(lambda: form_fields(load_layout(item.layout if item else "round2")), None)
        if form is None:
            return
        unprinted = form.unprinted(texts)
        self._numbers = (form.headings.get("problems", "6.3").split(" ")[0],
                         form.headings.get("good_practices", "6.6").split(" ")[0])
        defaults = {box: title for box, title in self._titled}
        for part, box in self.boxes.items():
            default = shown_text(defaults.get(box, ""))
            label = self.headings.get(box)
            visible = form.printed(part) or part in unprinted
            if label is not None:
                label.setText(shown(form.headings[part]) if form.printed(part)
                              else text.NOT_PRINTED_TITLE.format(title=default))
                label.setVisible(visible)
            box.setVisible(visible)
        names = [shown_text(defaults.get(self.boxes[part], "")) for part in unprinted if part != "served"]
        if "served" in unprinted:
            names.append(shown_text(text.SERVED_PART))
        self.message.setStyleSheet("")
        self.message.setText(text.NOT_PRINTED.format(parts=", ".join(names)) if unprinted else "")
        self.message.setVisible(bool(unprinted))

    def _watch(self, field: str, editor: Any) -> Any:
        self.fields[field] = editor
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda value, f=field: self.save_text(f, value))
        else:
            editor.textChanged.connect(lambda f=field, e=editor: self._typed(f, e.toPlainText()))
        editor.setReadOnly(self.read_only)
        return editor

    def _typed(self, field: str, value: str) -> None:
        if not self._filling:
            self.save_text(field, value)

    # -- showing a round -------------------------------------------------------------------------
    def refresh(self, location_id: str | None = None) -> None:
        """Fill the round list and show the chosen round ("<year>-<round>"; else the one shown,
        else the newest)."""
        nothing: list[InspectionRound] = []
        rounds = self.saver.read(self.workspace.inspection_rounds.all, nothing)
        wanted = self.round
        if location_id and "-" in location_id:
            year, _, number = location_id.partition("-")
            if year.isdigit() and number.isdigit():
                wanted = (int(year), int(number))
        self._filling = True
        try:
            self.round_box.clear()
            for item in rounds:
                self.round_box.addItem(shown(text.ROUND_ITEM.format(year=item.fiscal_year, round=item.round)),
                                       (item.fiscal_year, item.round))
            keys = [(item.fiscal_year, item.round) for item in rounds]
            self._rounds = dict(zip(keys, rounds))
            if wanted not in keys:
                # The newest round any school has reported to (the demo defines rounds ahead).
                none: dict[str, str] = {}
                reported = [key for key, item in zip(keys, rounds)
                            if self.saver.read(partial(self.workspace.inspection_rounds.chosen_assessments, item), none)]
                wanted = reported[0] if reported else None
            index = keys.index(wanted) if wanted in keys else 0
            if keys:
                self.round_box.setCurrentIndex(index)
        finally:
            self._filling = False
        self.message.setText("" if rounds else text.NO_ROUNDS)
        self.message.setVisible(not rounds)
        for widget in (self.form_body, self.pdf_button, self.word_button, self.by_office, self.history_button):
            widget.setEnabled(bool(rounds))
        self._show_round(self.round_box.currentData() if rounds else None)

    def _round_chosen(self, _index: int) -> None:
        if not self._filling:
            self.flush()
            self._show_round(self.round_box.currentData())

    def _show_round(self, chosen: tuple[int, int] | None) -> None:
        if chosen != self.round:
            self.rows.forget()
        self.round = chosen
        if chosen is None:
            return
        year, number = chosen
        texts = self.saver.read(lambda: self.workspace.office_texts.texts(year, number), None)
        own = self.saver.read(lambda: self.workspace.office_texts.texts(year, number, area_office=self.area), None)
        if texts is None or own is None:
            return
        no_schools: list[School] = []
        schools = self.saver.read(self.workspace.schools.list, no_schools)
        self._filling = True
        try:
            self._fill_areas(sorted({s.area_office for s in schools if s.area_office}))
            for field, editor in self.fields.items():
                value = getattr(own if self.area and field in AREA_FIELDS else texts, field)
                if editor.hasFocus() and self._current(editor) == value:
                    continue
                if isinstance(editor, QLineEdit):
                    editor.setText(value)
                else:
                    editor.setPlainText(value)
            self.served_box.fill(sorted({s.area_office for s in schools if s.area_office}), texts,
                                 read_only=self.read_only)
            self._fill_narratives(texts)
            self.models.show_schools(schools, list(texts.models))
            self.problems.show_rows(list((own if self.area else texts).problems))
        finally:
            self._filling = False
        self._follow_form(texts)
        self._show_area_parts()
        self.problems.set_editable(not self.read_only)
        self.models.set_editable(not self.read_only)
        self.panel.set_editable(not self.read_only)
        self.outside.seen((texts, own))
        self.show_suggestions()

    @staticmethod
    def _current(editor: QLineEdit | QPlainTextEdit) -> str:
        return editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()

    @property
    def served_fields(self) -> dict[str, QLineEdit]:
        """Area office → its districts' field (6.1)."""
        return self.served_box.fields

    @property
    def served_messages(self) -> dict[str, QLabel]:
        """Area office → the refusal beside its districts' field."""
        return self.served_box.messages

    def _fill_narratives(self, texts: Any) -> None:
        framework = self.saver.read(self.workspace.frameworks.latest, None)
        components = ([(c.code, c.title) for c in framework.components] if framework is not None
                      else [(str(n), "") for n in range(1, 6)])
        self.narratives_box.fill(components, texts, read_only=self.read_only)

    def show_suggestions(self) -> None:
        if self.round is None:
            return
        from qualityschool_desktop.reports.summary import summary_data
        from qualityschool_desktop.reports.summary.drafts import drafts

        year, number = self.round
        try:
            # Before any school reports, the period's visits still have their suggestions (s33 V3).
            data = summary_data(self.workspace, fiscal_year=year, round=number, reported_only=False)
        except QualitySchoolError as error:
            self.panel.show_reason(shown(str(error)))  # a year and a round: the window's digits (RETEST13 F0)
            return
        offered = drafts(data, DigitText(digit_style()))
        if data.picture.standings:
            self.panel.show_drafts(offered.problems, offered.practices, self._numbers)
        elif offered.problems:
            self.panel.show_drafts(offered.problems, (), self._numbers,
                                   note=shown(text.PANEL_VISITS_ONLY.format(year=year, round=number)))
        else:
            self.panel.show_reason(shown(text.PANEL_NOTHING_YET.format(year=year, round=number)))

    # -- whose texts: the province's or an area office's own -----------------------------------
    def _fill_areas(self, offices: list[str]) -> None:
        """The choice of whose texts the form writes: the province's, then each area office."""
        self.area_box.blockSignals(True)
        self.area_box.clear()
        self.area_box.addItem(text.WRITES_FOR_ALL, "")
        for office in offices:
            self.area_box.addItem(shown(office), office)
        index = self.area_box.findData(self.area)
        if index < 0:
            self.area, index = "", 0
        self.area_box.setCurrentIndex(index)
        self.area_box.blockSignals(False)

    def write_for(self, area_office: str) -> None:
        """Write ``area_office``'s own texts ("" the province's), as choosing it in the box does."""
        self.area_box.setCurrentIndex(max(0, self.area_box.findData(area_office)))

    def _area_chosen(self, _index: int) -> None:
        self.flush()
        self.rows.forget()
        self.area = str(self.area_box.currentData() or "")
        self._show_round(self.round)

    def _show_area_parts(self) -> None:
        """An area office's texts: only the parts it writes for its own part of the report show
        (6.1, 6.3, 6.4-6.6); the name, the policy, 6.2 and the districts served are the province's."""
        for field in ("office", "policy"):
            self.head.setRowVisible(self.fields[field], not self.area)
        if not self.area:
            return
        for part in ("served", "narratives", "models"):
            box = self.boxes[part]
            box.setVisible(False)
            if box in self.headings:
                self.headings[box].setVisible(False)
        self.message.setText(shown(text.WRITES_FOR_NOTE.format(office=self.area)))
        self.message.setStyleSheet("")
        self.message.setVisible(True)

    # -- changes from elsewhere ------------------------------------------------------------------
    def _read_pair(self) -> Any:
        if self.round is None:
            return None
        year, number = self.round
        texts = self.saver.read(lambda: self.workspace.office_texts.texts(year, number), None)
        own = self.saver.read(lambda: self.workspace.office_texts.texts(year, number, area_office=self.area), None)
        return None if texts is None or own is None else (texts, own)

    def texts_seen(self) -> None:
        """What is stored now is what the page shows (after its own save or reload)."""
        self.outside.seen()

    def _changed_outside(self, typed: bool) -> None:
        """Another process or window changed the round's texts: show them and say so once in the
        window's notice bar (and, when a keystroke found it, that the keystroke was not saved: then
        the notice stays until "ปิด"). Not in the page's own line, where it stayed for the rest of
        the session and moved the page under the pointer (RETEST13 N4, F6)."""
        self._show_round(self.round)
        self.noticed.emit(Notice(text.OUTSIDE_CHANGE + (text.OUTSIDE_TYPED if typed else ""), kind="info",
                                 sticky=typed))

    # -- saving --------------------------------------------------------------------------------
    def run_save(self, key: Any, action: Callable[[], Any], *, typed: bool = False, value: Any = None,
             on_saved: Callable[[Any], None] | None = None) -> Any:
        if self.round is None or self.read_only:
            return None
        def saved(result: Any) -> None:
            self.texts_seen()  # the page's own change: not one from outside
            if on_saved is not None:
                on_saved(result)

        return self.saver.run(action, key=(self.round, self.area, key), typed=typed, value=value, on_saved=saved)

    def save_text(self, field: str, value: str) -> None:
        if self.round is None:
            return
        year, number = self.round
        if not self.read_only and self.outside.differs():
            return  # changed elsewhere since shown: shown again and said, this keystroke not saved over it
        area = self.area if field in AREA_FIELDS else ""
        self.run_save(field, lambda: self.workspace.office_texts.set_text(year, number, field, value, area_office=area),
                  typed=True, value=value)

    def save_served(self, office: str, value: str, told: Told | None = None) -> None:
        if self.round is None or self.read_only:
            return
        year, number = self.round
        known = office in self.served_messages
        told = told or self.served_box.teller(office)
        stored = self.workspace.office_texts.texts(year, number).served_by(office) if known else None
        if stored is not None and tuple(districts_of(value)) == stored:
            told(None)  # left without a change: nothing to save
            return
        self.saver.run(lambda: self.workspace.office_texts.set_served(year, number, office, value),
                       key=(self.round, ("served", office)), on_saved=lambda _r: self._served_saved(told),
                       on_failed=told)

    def _served_saved(self, told: Callable[[QualitySchoolError | None], None]) -> None:
        self.texts_seen()  # the page's own change
        told(None)

    def _model_changed(self, school_id: str, marked: bool, reason: str) -> None:
        if self.round is None:
            return
        year, number = self.round
        store = self.workspace.office_texts
        if marked:
            self.run_save(("model", school_id), lambda: store.mark_model(year, number, school_id, reason),
                      typed=True, value=reason)
        else:
            self.run_save(("model", school_id), lambda: store.unmark_model(year, number, school_id))

    def accept_practice(self, line: str) -> None:
        """"ใช้ข้อนี้" on a suggested good practice: append it to the office's 6.6."""
        from qualityschool_desktop.reports.summary.drafts import accept_practice

        if self.round is None:
            return
        year, number = self.round
        area, store = self.area, self.workspace.office_texts
        self.run_save(("accept", line), lambda: accept_practice(store, year, number, line, area_office=area),
                  on_saved=lambda _stored: self._show_round(self.round))

    def show_history(self) -> None:
        """The round's texts as they were, newest first (ui/office_report/history.py)."""
        from .history import office_history_dialog

        if self.round is None:
            return
        self.flush()  # a burst still being typed is a change of its own in the history
        item = self._rounds.get(self.round)
        self.history_dialog = office_history_dialog(self.workspace, *self.round, item.layout if item else "round2", self)
        self.history_dialog.open()

    # -- the shell's questions -------------------------------------------------------------------
    def focus_first(self) -> None:
        self.fields["office"].setFocus()

    def flush(self) -> None:
        self.saver.read(self.workspace.office_texts.end_own_bursts, 0)

    def confirm_leave(self) -> bool:
        return self.saver.confirm_leave(self)

    def _choice(self) -> dict[str, int | bool] | None:
        if self.round is None:
            return None
        return {"fiscal_year": self.round[0], "round": self.round[1], "by_area_office": self.by_office.isChecked()}

    def _named(self) -> bool:
        """Has the office named itself for the round? If not, say what is missing and go to the
        field (the report's title block would print a blank; no name is made up)."""
        if self.round is None:
            return False
        year, number = self.round
        texts = self.saver.read(lambda: self.workspace.office_texts.texts(year, number), None)
        if texts is None:
            return False
        if texts.office:
            if self.message.text() == text.NEED_OFFICE:
                self._follow_form(texts)  # back to what the form says
            return True
        self.message.setText(text.NEED_OFFICE)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(True)
        self.fields["office"].setFocus()
        return False

    def print_pdf(self) -> Op | None:
        choice = self._choice()
        return None if choice is None or not self._named() else self.pdf.print_round(self.workspace, choice)

    def save_word(self) -> Op | None:
        choice = self._choice()
        return None if choice is None or not self._named() else self.word.print_round(self.workspace, choice)
