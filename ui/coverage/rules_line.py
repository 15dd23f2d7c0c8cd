"""Which rules file the coverage page follows, and the button that gives the office its own copy
to edit (the tester's F17: "rules as data" an office can change). The copy lives in the per-user
data folder (``qualityschool_desktop.coverage.rules.office_rules_path``), kept across upgrades; it
is read again each time the page is shown, and a file the core refuses is named with its Thai
reason while the page goes on with the bundled rules (a typo must not hide who is due)."""

from __future__ import annotations

from qualityschool_desktop.coverage import CoverageRules, load_rules
from qualityschool_desktop.coverage.rules import make_office_rules
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.paths import resource_path
from ui.common.digits import shown_text
from ui.common.rules_line import OfficeRulesLine, RuleWords
from ui.common.save_lines import ERROR_COLOUR, SaveStateLine

from . import strings as text


class RulesLine(OfficeRulesLine):
    """A hint naming the rules file in force, and "กฎของสำนักงาน…"; ``read()`` returns the rules."""

    def __init__(self, save_line: SaveStateLine, *, read_only: bool = False) -> None:
        super().__init__(save_line, make_office_rules,
                         RuleWords(text.OFFICE_RULES, text.OFFICE_RULES_TIP, text.RULES_MADE, text.RULES_OFFICE),
                         read_only=read_only)
        self.refused = ""  # the refusal shown, if any

    def read(self) -> CoverageRules:
        """The office's rules when it has a readable file, else the bundled ones (the refusal shown)."""
        try:
            rules = load_rules()
        except QualitySchoolError as error:
            self.refused = text.RULES_REFUSED.format(why=error)
            self.save_line.show_message(self.refused, ERROR_COLOUR)
            rules = load_rules(resource_path("coverage", "rules.json"))
        else:
            if self.refused and self.save_line.text() == shown_text(self.refused):  # mended: no stale refusal
                self.save_line.show_message("")
            self.refused = ""
        office = rules.path != str(resource_path("coverage", "rules.json"))
        self.where.setText(text.RULES_OFFICE.format(path=rules.path) if office else text.RULES_BUNDLED)  # no program path (F6d)
        return rules
