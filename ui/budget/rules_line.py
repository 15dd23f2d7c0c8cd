"""Which budget rules file the office page follows, and the button that gives the office its own
copy to edit, as the coverage page has for its rules (TEST26b F11: the limits were only in the
program's files, replaced at each upgrade). The copy lives in the per-user data folder
(``qualityschool_desktop.budget.rules.office_rules_path``); a copy the core cannot read is named
with its Thai reason while the bundled rules apply."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from qualityschool_desktop.budget import load_rules
from qualityschool_desktop.budget.rules import make_office_rules, office_rules_refusal, rules_path
from qualityschool_desktop.errors import QualitySchoolError
from ui.common.save_lines import ERROR_COLOUR, SaveStateLine

from . import strings as text


class RulesLine(QWidget):
    """A hint naming the rules file in force, and "เกณฑ์ของสำนักงาน…"."""

    def __init__(self, save_line: SaveStateLine, *, read_only: bool = False) -> None:
        super().__init__()
        self.save_line = save_line
        self.where = QLabel("")
        self.where.setObjectName("hint")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path, to copy
        self.button = QPushButton(text.OFFICE_RULES)
        self.button.setToolTip(text.OFFICE_RULES_TIP)
        self.button.setEnabled(not read_only)
        self.button.clicked.connect(lambda _c=False: self.make_copy())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.where, 1)
        row.addWidget(self.button)

    def show_source(self) -> None:
        """Name the file in force; a refused office copy is said on the save line."""
        refusal = office_rules_refusal()
        if refusal:
            self.save_line.show_message(text.RULES_REFUSED.format(why=refusal), ERROR_COLOUR)
        path = load_rules().path
        office = path != str(rules_path())
        self.where.setText((text.RULES_OFFICE if office else text.RULES_BUNDLED).format(path=path))

    def make_copy(self) -> None:
        """Give the office its own copy to edit (an existing one is kept) and say where it is."""
        try:
            path = make_office_rules()
        except QualitySchoolError as error:
            self.save_line.show_message(str(error), ERROR_COLOUR)
            return
        self.save_line.show_message(text.RULES_MADE.format(path=path))
        self.where.setText(text.RULES_OFFICE.format(path=path))
