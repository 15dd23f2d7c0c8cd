"""Add or edit a school. The dialog saves through the core itself, so the core's errors (such as
a duplicate code, or the database busy in another window) are shown right here as "ยังไม่ได้บันทึก"
with the reason; what was typed stays, and Save (then "ลองอีกครั้ง") tries again — unless no try can
pass (a damaged or read-only file): then only "ปิด" is offered."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qualityschool_desktop.errors import OwnershipError, QualitySchoolError, StorageError, ValidationError
from qualityschool_desktop.schools import LEVELS, School, validate_code
from qualityschool_desktop.workspace import Workspace
from ui.common.save_lines import not_saved_text
from ui.common.save_state import may_pass
from ui.common.strings_save import RETRY
from ui.common.digits import shown, shown_text
from ui.common.edit_blocks import school_edit_block
from ui.common.thai_order import thai_sorted


# -- Thai strings ----------------------------------------------------------------------------
TITLE_ADD = "เพิ่มโรงเรียน"
TITLE_EDIT = "แก้ไขข้อมูลโรงเรียน"
LABEL_CODE = "รหัสโรงเรียน"
LABEL_NAME = "ชื่อโรงเรียน"
LABEL_DISTRICT = "อำเภอ"
LABEL_PROVINCE = "จังหวัด"
LABEL_OFFICE = "สังกัด"
LABEL_LEVEL = "ระดับที่เปิดสอน"
LABEL_PUPILS = "จำนวนนักเรียน (คน)"
LABEL_TEACHERS = "จำนวนครู (คน)"
CODE_PLACEHOLDER = "เช่น 1063010001"
CODE_HINT = "รหัส ๑๐ หลักของกระทรวงศึกษาธิการ พิมพ์เลขไทยหรือเลขอารบิกก็ได้"
CODE_OK = "✓ รหัสถูกต้อง"
NAME_PLACEHOLDER = "เช่น โรงเรียนบ้านแม่สอด"
NAME_MISSING = "กรุณากรอกชื่อโรงเรียน"
DISTRICT_PLACEHOLDER = "เช่น แม่สอด"
PROVINCE_PLACEHOLDER = "เช่น ตาก"
OFFICE_PLACEHOLDER = "เช่น สพป.ตาก เขต 2"
SAVE = "บันทึก"
CANCEL = "ยกเลิก"
CLOSE = "ปิด"
# Starting points for the area office field; the user's own offices are offered first.
OFFICE_TEMPLATES = ("สพป. เขต 1", "สพป. เขต 2", "สพม.")


class SchoolDialog(QDialog):
    """``SchoolDialog(workspace)`` adds a school; ``SchoolDialog(workspace, school)`` edits one.
    After ``accepted``, :attr:`saved` holds the school as stored."""

    def __init__(self, workspace: Workspace, school: School | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.school = school
        self.saved: School | None = None
        self.setWindowTitle(TITLE_EDIT if school else TITLE_ADD)
        self.setMinimumWidth(560)

        known = workspace.schools.list()

        self.code = QLineEdit()
        self.code.setPlaceholderText(shown(CODE_PLACEHOLDER))
        self.code.setMaxLength(20)  # room for the spaces and dashes people type between groups
        self.code_message = QLabel(shown_text(CODE_HINT))
        self.code_message.setObjectName("fieldHint")
        self.code_message.setWordWrap(True)
        # Two lines kept for the hint and its replies, so the fields below stay where the user
        # aims while the code is typed ("✓ รหัสถูกต้อง" is one line; test29 B4).
        self.code_message.setMinimumHeight(2 * self.code_message.fontMetrics().lineSpacing())
        self.code_message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # "✓" by the field
        self.name = QLineEdit()
        self.name.setPlaceholderText(NAME_PLACEHOLDER)
        self.name_message = QLabel("")
        self.name_message.setObjectName("fieldError")
        self.name_message.hide()
        self.district = QLineEdit()
        self.district.setPlaceholderText(DISTRICT_PLACEHOLDER)
        self.province = QLineEdit()
        self.province.setPlaceholderText(PROVINCE_PLACEHOLDER)
        provinces = thai_sorted({s.province for s in known if s.province})
        if provinces:
            self.province.setCompleter(QCompleter(provinces, self.province))
        self.area_office = QComboBox()
        self.area_office.setEditable(True)
        self.area_office.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # The offices known and the templates, one list in Thai order and in the window's digits
        # ("เขต 1" beside "เขต ๑" was two styles in one list, try11b F1); the stored text is kept
        # for a name picked, so choosing the same office never rewrites its digits.
        self._offices: dict[str, str] = {}
        for office in [*OFFICE_TEMPLATES, *(s.area_office for s in known if s.area_office)]:
            self._offices[shown(office)] = office
        self.area_office.addItems(thai_sorted(self._offices))
        self.area_office.setCurrentIndex(-1)
        office_edit = self.area_office.lineEdit()
        assert office_edit is not None  # editable combo boxes always have one
        office_edit.setPlaceholderText(shown(OFFICE_PLACEHOLDER))
        self.level = QComboBox()
        for key, label in LEVELS.items():
            self.level.addItem(label, key)
        self.pupils = QLineEdit()
        self.teachers = QLineEdit()
        for field in (self.pupils, self.teachers):
            field.setMaximumWidth(140)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.addRow(LABEL_CODE, self.code)
        form.addRow("", self.code_message)
        form.addRow(LABEL_NAME, self.name)
        form.addRow("", self.name_message)
        form.addRow(LABEL_DISTRICT, self.district)
        form.addRow(LABEL_PROVINCE, self.province)
        form.addRow(LABEL_OFFICE, self.area_office)
        form.addRow(LABEL_LEVEL, self.level)
        form.addRow(LABEL_PUPILS, self.pupils)
        form.addRow(LABEL_TEACHERS, self.teachers)

        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.hide()
        # A school that came by exchange belongs to the school's keys: said before anyone types,
        # the fields read-only and no save (TEST30a B12: refused only on save, with a retry).
        self.block = school_edit_block(workspace, school.id) if school is not None else ""
        self.owned_notice = QLabel(self.block)
        self.owned_notice.setObjectName("dialogError")
        self.owned_notice.setWordWrap(True)
        self.owned_notice.setVisible(bool(self.block))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(SAVE)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(CANCEL)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.addWidget(self.owned_notice)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        if school is not None:
            self.code.setText(school.code)
            self.name.setText(school.name)
            self.district.setText(school.district)
            self.province.setText(school.province)
            self._offices[shown(school.area_office)] = school.area_office
            self.area_office.setEditText(shown(school.area_office))
            self.level.setCurrentIndex(max(0, self.level.findData(school.level)))
            self.pupils.setText("" if school.pupils is None else str(school.pupils))
            self.teachers.setText("" if school.teachers is None else str(school.teachers))
        self._name_touched = school is not None
        self.code.textChanged.connect(self._validate)
        self.name.textChanged.connect(self._name_edited)
        self._validate()
        self.code.setFocus()
        if self.block:
            for field in (self.code, self.name, self.district, self.province, self.pupils, self.teachers):
                field.setReadOnly(True)
            for box in (self.area_office, self.level):
                box.setEnabled(False)
            self.ok_button.hide()
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(CLOSE)
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setFocus()

    def code_is_valid(self) -> bool:
        try:
            validate_code(self.code.text())
        except ValidationError:
            return False
        return True

    def _name_edited(self) -> None:
        self._name_touched = True
        self._validate()

    def _validate(self) -> None:
        """Live messages under the fields; Save is enabled only when the code and name are right."""
        text = self.code.text()
        code_ok = False
        if not text.strip():
            self._show_code_message(CODE_HINT, "fieldHint")
        else:
            try:
                validate_code(text)
            except ValidationError as exc:
                # The code echoed in the window's digits too, beside its "๑๐ หลัก" (try11b F2).
                self._show_code_message(re.sub(r"\d{10}", lambda found: shown(found.group()), str(exc)), "fieldError")
            else:
                code_ok = True
                self._show_code_message(CODE_OK, "fieldOk")
        name_ok = bool(self.name.text().strip())
        self.name_message.setText(NAME_MISSING)
        self.name_message.setVisible(self._name_touched and not name_ok)
        self.ok_button.setEnabled(code_ok and name_ok and not self.block)
        self.ok_button.setText(SAVE)
        self.error.hide()

    def _show_code_message(self, text: str, kind: str) -> None:
        self.code_message.setText(shown_text(text))  # the core's messages and ours: the window's digits
        if self.code_message.objectName() != kind:
            self.code_message.setObjectName(kind)
            # Object names drive the style sheet colour; re-polish so the new one applies.
            self.code_message.style().unpolish(self.code_message)
            self.code_message.style().polish(self.code_message)

    def values(self) -> dict[str, object]:
        return {
            "code": self.code.text(),
            "name": self.name.text(),
            "district": self.district.text(),
            "province": self.province.text(),
            "area_office": self._offices.get(self.area_office.currentText(), self.area_office.currentText()),
            "level": self.level.currentData(),
            "pupils": self.pupils.text().strip(),
            "teachers": self.teachers.text().strip(),
        }

    def save(self) -> None:
        if not self.ok_button.isEnabled():
            return
        values = self.values()
        try:
            if self.school is None:
                self.saved = self.workspace.schools.add(**values)  # type: ignore[arg-type]
            else:
                self.saved = self.workspace.schools.update(self.school.id, **values)
        except QualitySchoolError as exc:
            self.error.setText(not_saved_text(exc))
            self.error.show()
            if isinstance(exc, StorageError) and may_pass(exc) and not isinstance(exc, OwnershipError):
                self.ok_button.setText(RETRY)  # the same values, once the database lets them in
            elif isinstance(exc, StorageError):  # damaged, read-only, the school's own: no try can pass
                self.ok_button.hide()
                self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(CLOSE)
            return
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Enter in a field saves (QDialog's default button), but only when saving is allowed.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.ok_button.isEnabled():
            return
        super().keyPressEvent(event)
