"""Supervision visits in the window: a school's visits (a tab of its page), starting a visit, the
visit view and the printed record.

The view is imported when a visit is first opened, the report stack when it is first printed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.visit_blanks import named_visitors
from qualityschool_desktop.visit_records import STATUSES
from ui.common.digits import day as shown_day
from ui.common.digits import shown as shown_number
from ui.common.digits import shown_text
from ui.common.notices import Notice
from ui.common.report_printer import warm_up_in_background
from ui.shell.api import Crumb, Location, Page, SchoolTab, SchoolTabSpec, Shell, school_crumbs

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

    from .printing import VisitReportPrinter
    from .view import VisitView

VISIT = "visit"


def visit_crumbs(workspace: Workspace, visit_id: str | None) -> list[Crumb]:
    """โรงเรียน › <school> › การนิเทศ ๓ ก.พ. ๒๕๖๙."""
    assert visit_id is not None
    visit = workspace.visits.get(visit_id, include_deleted=True)  # the crumbs of a visit deleted as it went
    day = shown_day(visit.visited_date, short=True)
    return [*school_crumbs(workspace, visit.school_id), (text.CRUMB_VISIT.format(date=day), None)]


class VisitsFeature:
    """What the visits feature added to one window."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.printer: VisitReportPrinter | None = None  # made on the first print
        self._left_at: tuple[str, str] | None = None  # (visit, section) left for the round it reviews
        shell.register_page(VISIT, self._visit_view, visit_crumbs, record=True, owns_alt_left=True)  # Alt+Left: previous section
        shell.add_school_tab(SchoolTabSpec("visits", text.TAB_VISITS, 20, self._visits_tab))

    def _visits_tab(self, workspace: Workspace) -> SchoolTab:
        from .school_tab import SchoolVisitsPanel

        tab = SchoolVisitsPanel(workspace)
        tab.new_visit.connect(self.start_visit)
        tab.open_visit.connect(lambda visit_id: self.shell.navigate(Location(VISIT, visit_id)))
        return tab

    def _visit_view(self, location: Location) -> Page:
        from .view import VisitView

        assert location.id is not None
        warm_up_in_background(self.shell.ops)  # once a session: the first print then starts at once
        view = VisitView(self.shell.workspace, location.id, publish=self.shell.ops.publish)
        view.back_requested.connect(self.shell.go_back)
        view.open_assessment.connect(lambda assessment_id: self._round_from(view, assessment_id))
        view.print_requested.connect(self.print_visit)
        view.noticed.connect(self.shell.notify)
        view.deletion.deleted.connect(lambda school_id, said: self._deleted(view.visit_id, school_id, said))
        left_at, self._left_at = self._left_at, None
        if left_at is not None and left_at[0] == location.id and not self._from_its_school(view):
            # Back from the round, or from a page of the menu: at the section left (TEST31b U2,
            # VERIFY31 V5). Opened from its school's page, a visit starts as it always does.
            view.go_to_section(left_at[1])

        def print_shown() -> None:
            view.flush()
            self.print_visit(view.visit_id)

        def flush() -> None:  # also as the view goes (any route): where it was is remembered
            view.flush()
            self._left_at = (view.visit_id, view.section_key())

        return Page(view, print=print_shown, flush=flush, confirm_leave=view.confirm_leave)

    def _deleted(self, visit_id: str, school_id: str, said: str) -> None:
        """A visit deleted in its view (TEST34C C12): the school's list of visits, saying so."""
        self._left_at = None
        self.shell.navigate(Location("school", school_id), gone=True)  # Back never returns to it
        self.shell.ops.publish(Changes(visits=frozenset({visit_id}), follow_ups=True))
        self.shell.notify(Notice(said))

    def _from_its_school(self, view: VisitView) -> bool:
        """Whether the window shows the visit's school's page (its visits tab) as the visit opens."""
        return self.shell.location == Location("school", view.visit.school_id)

    def _round_from(self, view: VisitView, assessment_id: str) -> None:
        """The round the visit reviews ("เปิดดู"): coming back from it (the visit's view made anew)
        is at the section the visitor was on, not where a visit opens (TEST31b U2: a blank visit
        came back on ข้อตกลงและการติดตาม, not on องค์ประกอบที่ ๓)."""
        self._left_at = (view.visit_id, view.section_key())
        self.shell.navigate(Location("assessment", assessment_id))

    def start_visit(self, school_id: str) -> None:
        """A new visit to the school, today, reviewing its latest self-assessment round."""
        shell = self.shell
        if shell.read_only or not self._second_today_wanted(school_id):
            return
        try:
            visit = shell.workspace.visits.start(school_id, visited_on=date.today())
        except QualitySchoolError as exc:
            QMessageBox.warning(shell.parent, text.NEW_VISIT_FAILED, shown_text(exc))
            return
        shell.ops.publish(Changes(visits=frozenset({visit.id})))
        shell.navigate(Location(VISIT, visit.id))  # on its first section, วัตถุประสงค์

    def _second_today_wanted(self, school_id: str) -> bool:
        """True when the school has no visit dated today, or the user wants another one anyway
        (TEST34C C5: a second visit the same day, perhaps by mistake)."""
        from .sections import ask_yes_no  # the view's module, loaded as a visit first opens

        visits = self.shell.workspace.visits
        today = visits.on_day(school_id, date.today())
        if not today:
            return True
        lines = []
        for visit in today:
            names = ", ".join(p.name.strip() for p in named_visitors(visits.people(visit.id)))
            lines.append(text.SAME_DAY_LINE.format(status=STATUSES[visit.status], names=names or text.SAME_DAY_NOBODY))
        question = text.SAME_DAY_QUESTION.format(count=shown_number(str(len(today))), visits="\n".join(lines))
        return ask_yes_no(self.shell.parent, text.SAME_DAY_TITLE, question, text.SAME_DAY_YES, text.SAME_DAY_NO)

    def print_visit(self, visit_id: str) -> None:
        """The record of a visit as a PDF."""
        if self.printer is None:
            from .printing import VisitReportPrinter

            self.printer = VisitReportPrinter(self.shell.parent, ops=self.shell.ops, notify=self.shell.notify)
        self.printer.print_visit(self.shell.workspace, visit_id)


def install(shell: Shell) -> VisitsFeature:
    return VisitsFeature(shell)
