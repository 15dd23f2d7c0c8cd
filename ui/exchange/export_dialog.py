"""Choosing what goes into an exchange file: everything, one school, or a supervisor's visits;
and the file name offered for it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from ui.common.digits import number as count_text
from ui.common.digits import shown
from ui.common.thai_order import thai_sorted

from qualityschool_desktop.thai_dates import file_date

from . import strings as s

if TYPE_CHECKING:
    from qualityschool_desktop.exchange.senders import Sender
    from qualityschool_desktop.schools import School
    from qualityschool_desktop.workspace import Workspace


def _safe_name(text: str) -> str:
    """A file-name part: Thai kept whole (vowel and tone marks too), characters no file system
    accepts removed, spaces as hyphens; no dot or hyphen at its ends (Windows drops a trailing
    dot), at most NAME_PART characters."""
    cleaned = "".join(" " if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in text)
    return "-".join(cleaned.split())[:NAME_PART].strip(".-") or "ข้อมูล"


NAME_PART = 60  # a name in a path Windows still opens (260 characters in all)
SCHOOL_WORD = "โรงเรียน"


def _school_part(code: str, name: str) -> str:
    """"1063010001-บ้านทดลองสามเงา": the code and the short name (without "โรงเรียน")."""
    short = name.strip()
    short = short[len(SCHOOL_WORD):].strip() if short.startswith(SCHOOL_WORD) and len(short) > len(SCHOOL_WORD) else short
    return f"{code}-{_safe_name(short)}"


def default_export_name(scope: str, *, school: School | None = None, visitor: str = "", today: date | None = None,
                        sender: Sender | None = None) -> str:
    """The file name offered for an export (TEST31 T3: it names who sends it): one school by its
    code and short name; a supervisor's visits by the supervisor; everything by this laptop's own
    school, else its supervisor, else its office (``sender``, :func:`~qualityschool_desktop.
    exchange.senders.own_sender`), else nothing more; each with the Buddhist-Era date."""
    day = today or date.today()
    stamp = file_date(day)  # Buddhist-era year, as offices file things
    if scope == "school" and school is not None:
        return s.EXPORT_NAME_SCHOOL.format(school=_school_part(school.code, school.name), date=stamp)
    if scope == "visitor" and visitor:
        return s.EXPORT_NAME_VISITOR.format(visitor=_safe_name(visitor), date=stamp)
    if sender is not None and len(sender.schools) == 1:
        return s.EXPORT_NAME_ALL_OF.format(who=_school_part(*sender.schools[0]), date=stamp)
    if sender is not None and sender.visitors and not sender.schools:
        return s.EXPORT_NAME_ALL_OF.format(who=_safe_name(s.EXPORT_NAME_VISITOR_WORD.format(
            name=sender.visitors[0])), date=stamp)
    if sender is not None and sender.office:
        return s.EXPORT_NAME_ALL_OF.format(who=_safe_name(sender.office), date=stamp)
    return s.EXPORT_NAME_ALL.format(date=stamp)


def visitor_names(workspace: Workspace) -> list[str]:
    """The distinct names of supervisors recorded on visits, in Thai order."""
    names: set[str] = set()
    for visit in workspace.visits.all():
        for person in workspace.visits.people(visit.id, "visitor"):
            if person.name.strip():
                names.add(person.name.strip())
    return thai_sorted(names)



# -- the dialog -------------------------------------------------------------------
class ExportDialog(QDialog):
    """Everything, one school (the one selected or shown), or one supervisor's visits."""

    def __init__(
        self, schools: list[School], visitors: list[str], current: School | None, parent: QWidget | None = None,
        *, demo: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(s.EXPORT_TITLE)
        self.setMinimumWidth(560)
        intro = QLabel(s.EXPORT_INTRO)
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.all_choice = QRadioButton(s.SCOPE_ALL)
        self.school_choice = QRadioButton(s.SCOPE_SCHOOL)
        self.visitor_choice = QRadioButton(s.SCOPE_VISITOR)
        group = QButtonGroup(self)
        for button in (self.all_choice, self.school_choice, self.visitor_choice):
            group.addButton(button)
        self.school_combo = QComboBox()
        schools = thai_sorted(schools, key=lambda school: f"{school.name}\t{school.code}")  # read by name
        for school in schools:
            self.school_combo.addItem(f"{school.name}  ({shown(school.code)})", school)  # the window's digits (try11b F9)
        if current is not None:
            self.school_combo.setCurrentIndex(next((i for i, x in enumerate(schools) if x.id == current.id), 0))
        self.visitor_combo = QComboBox()
        self.visitor_combo.addItems(visitors)

        def hint(text: str) -> QLabel:
            label = QLabel(text)
            label.setObjectName("hint")
            label.setWordWrap(True)
            label.setContentsMargins(26, 0, 0, 6)
            return label

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.demo_warning: QLabel | None = None
        if demo:  # its file can go only into demo data (TEST32b B9): said in the intro's place
            intro.setText(s.EXPORT_DEMO)
            intro.setObjectName("demoExportWarning")
            intro.setStyleSheet("color: #8a4b00;")
            self.demo_warning = intro
        layout.addSpacing(6)
        layout.addWidget(self.all_choice)
        layout.addWidget(hint(s.SCOPE_ALL_HINT.format(count=count_text(len(schools)))))
        layout.addWidget(self.school_choice)
        layout.addWidget(self._indented(self.school_combo))
        layout.addWidget(hint(s.SCOPE_SCHOOL_HINT))
        layout.addWidget(self.visitor_choice)
        layout.addWidget(self._indented(self.visitor_combo if visitors else QLabel(s.NO_VISITORS)))
        layout.addWidget(hint(s.SCOPE_VISITOR_HINT))
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(s.EXPORT_BUTTON, QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("primaryButton")
        buttons.addButton(s.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.school_choice.setEnabled(bool(schools))
        self.visitor_choice.setEnabled(bool(visitors))
        self.school_combo.setEnabled(False)
        self.visitor_combo.setEnabled(False)
        self.school_choice.toggled.connect(self.school_combo.setEnabled)
        self.visitor_choice.toggled.connect(self.visitor_combo.setEnabled)
        (self.school_choice if current is not None else self.all_choice).setChecked(True)
        self.export_button.setDefault(True)

    @staticmethod
    def _indented(widget: QWidget) -> QWidget:
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(26, 0, 0, 0)
        inner.addWidget(widget)
        return holder

    def scope(self) -> tuple[str, School | None, str]:
        """("all" | "school" | "visitor", the school, the supervisor's name)."""
        if self.school_choice.isChecked():
            return "school", self.school_combo.currentData(), ""
        if self.visitor_choice.isChecked():
            return "visitor", None, self.visitor_combo.currentText()
        return "all", None, ""
