"""Which budget rules file the office page follows, and the button that gives the office its own
copy to edit, as the coverage page has for its rules (TEST26b F11: the limits were only in the
program's files, replaced at each upgrade). The copy lives in the per-user data folder
(``qualityschool_desktop.budget.rules.office_rules_path``); a copy the core cannot read is named
with its Thai reason while the bundled rules apply."""

from __future__ import annotations

from qualityschool_desktop.budget import load_rules
from qualityschool_desktop.budget.rules import make_office_rules, office_rules_refusal, rules_path
from ui.common.rules_line import OfficeRulesLine, RuleWords
from ui.common.save_lines import ERROR_COLOUR, SaveStateLine

from . import strings as text


class RulesLine(OfficeRulesLine):
    """A hint naming the rules file in force, and "เกณฑ์ของสำนักงาน…"."""

    def __init__(self, save_line: SaveStateLine, *, read_only: bool = False) -> None:
        super().__init__(save_line, make_office_rules,
                         RuleWords(text.OFFICE_RULES, text.OFFICE_RULES_TIP, text.RULES_MADE, text.RULES_OFFICE),
                         read_only=read_only)

    def show_source(self) -> None:
        """Name the file in force; a refused office copy is said on the save line."""
        refusal = office_rules_refusal()
        if refusal:
            self.save_line.show_message(text.RULES_REFUSED.format(why=refusal), ERROR_COLOUR)
        path = load_rules().path
        office = path != str(rules_path())
        self.where.setText(text.RULES_OFFICE.format(path=path) if office else text.RULES_BUNDLED)  # no program path
