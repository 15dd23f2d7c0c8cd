"""Start a new self-assessment round for a school: fiscal year, round, date, assessor."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qualityschool_desktop.assessments import ROLES, Assessment
from qualityschool_desktop.errors import QualitySchoolError, StorageError
from qualityschool_desktop.schools import School
from qualityschool_desktop.thai import fiscal_year_of
from qualityschool_desktop.workspace import Workspace
from ui.common.date_fields import ThaiDateEdit
from ui.common.digit_spin import DigitSpinBox
from ui.common.digits import shown, shown_text, styled
from ui.common.save_lines import not_saved_text
from ui.common.strings_save import RETRY


# -- Thai strings ----------------------------------------------------------------------------
TITLE = "เริ่มประเมินรอบใหม่"
INTRO = "{school}"
LABEL_YEAR = "ปีงบประมาณ (พ.ศ.)"
LABEL_ROUND = "รอบที่"
LABEL_DATE = "วันที่ประเมิน"
LABEL_ASSESSOR = "ชื่อผู้ประเมิน"
LABEL_ROLE = "ตำแหน่ง"
ASSESSOR_PLACEHOLDER = "ชื่อ–นามสกุล"
ROUND_TAKEN = "ปีงบประมาณ {year} มีรอบที่ {taken} แล้ว"
ROUND_FREE = "ปีงบประมาณนี้ยังไม่มีการประเมิน"
FRAMEWORK = "ใช้เกณฑ์: {title}"
# A remark, not a refusal: a round may be assessed a little before or after its fiscal year.
DATE_OUTSIDE_YEAR = "หมายเหตุ: วันที่ประเมินอยู่ในปีงบประมาณ {date_year} ไม่ใช่ปีงบประมาณ {year} ที่เลือกไว้"
START = "เริ่มประเมิน"
CANCEL = "ยกเลิก"


class NewRoundDialog(QDialog):
    """After ``accepted``, :attr:`created` holds the new draft assessment."""

    def __init__(
        self, workspace: Workspace, school: School, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.school = school
        self.created: Assessment | None = None
        today = today or date.today()
        self.setWindowTitle(TITLE)
        self.setMinimumWidth(520)

        heading = QLabel(INTRO.format(school=school.name))
        heading.setObjectName("dialogHeading")
        heading.setWordWrap(True)

        self.year = DigitSpinBox()
        self.year.setRange(2560, 2700)
        self.year.setValue(fiscal_year_of(today))
        self.year.setMaximumWidth(120)
        self.round = DigitSpinBox()
        self.round.setRange(1, 20)
        self.round.setMinimumWidth(70)
        self.round_info = QLabel()
        self.round_info.setObjectName("fieldHint")
        round_row = QHBoxLayout()
        round_row.addWidget(self.round)
        round_row.addWidget(self.round_info, 1)

        # BE year, Thai month, the window's digits; typed or from its calendar
        self.assessed_on = styled(ThaiDateEdit(self))
        self.assessed_on.setObjectName("assessedOn")
        self.assessed_on.set_date(today)
        self.date_remark = QLabel()
        self.date_remark.setObjectName("fieldHint")
        self.date_remark.setWordWrap(True)
        self.date_remark.hide()
        date_column = QVBoxLayout()
        date_column.setContentsMargins(0, 0, 0, 0)
        date_column.setSpacing(2)
        date_column.addWidget(self.assessed_on)
        date_column.addWidget(self.date_remark)

        self.assessor = QLineEdit()
        self.assessor.setPlaceholderText(ASSESSOR_PLACEHOLDER)
        self.role = QComboBox()
        self.role.setEditable(True)
        self.role.addItems(list(ROLES))
        self.role.setCurrentIndex(0)

        form = QFormLayout()
        form.addRow(LABEL_YEAR, self.year)
        form.addRow(LABEL_ROUND, round_row)
        form.addRow(LABEL_DATE, date_column)
        form.addRow(LABEL_ASSESSOR, self.assessor)
        form.addRow(LABEL_ROLE, self.role)

        framework_note = QLabel(FRAMEWORK.format(title=shown_text(workspace.frameworks.latest().title)))
        framework_note.setObjectName("fieldHint")
        framework_note.setWordWrap(True)

        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(START)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(CANCEL)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(framework_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.year.valueChanged.connect(self._year_changed)
        self.year.valueChanged.connect(self._check_date_year)
        self.assessed_on.committed.connect(self._check_date_year)
        self._year_changed()
        self.assessor.setFocus()

    def _year_changed(self) -> None:
        """Offer the next free round of the chosen year."""
        year = self.year.value()
        next_round = self.workspace.assessments.next_round(self.school.id, year)
        self.round.setValue(next_round)
        taken = next_round - 1
        self.round_info.setText(
            ROUND_TAKEN.format(year=shown(year), taken=shown(taken)) if taken else ROUND_FREE
        )
        self.error.hide()
        self.ok_button.setText(START)

    def _check_date_year(self, *_args: object) -> None:
        """Say when the assessment date lies outside the chosen fiscal year (it is still taken)."""
        day = self.assessed_on.date()
        date_year = fiscal_year_of(day) if day is not None else self.year.value()
        self.date_remark.setText(DATE_OUTSIDE_YEAR.format(date_year=shown(date_year), year=shown(self.year.value())))
        self.date_remark.setVisible(date_year != self.year.value())

    def chosen_date(self) -> date | None:
        return self.assessed_on.date()

    def save(self) -> None:
        if not self.assessed_on.commit():  # a date that does not exist: its field says why
            self.assessed_on.setFocus()
            return
        try:
            self.created = self.workspace.assessments.start(
                self.school.id,
                self.year.value(),
                round=self.round.value(),
                assessed_on=self.chosen_date(),
                assessor_name=self.assessor.text(),
                assessor_role=self.role.currentText(),
            )
        except QualitySchoolError as exc:
            # Nothing was started: say so with the reason; the form keeps what was typed.
            self.error.setText(not_saved_text(exc))
            self.error.show()
            if isinstance(exc, StorageError):
                self.ok_button.setText(RETRY)
            return
        self.accept()
