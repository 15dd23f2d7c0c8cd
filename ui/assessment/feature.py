"""The self-assessment in the window: a school's rounds (a tab of its page), a new round, the
assessment view, the results page and the printed report.

The views are imported when a round is first opened, the report stack when it is first printed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qualityschool_desktop.changes import Changes
from ui.common.labels import round_title
from ui.common.report_printer import warm_up_in_background
from ui.shell.api import Crumb, Location, Page, SchoolTab, SchoolTabSpec, Shell, school_crumbs

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

    from .printing import SelfAssessmentPrinter
    from .view import AssessmentView

ASSESSMENT = "assessment"
RESULTS = "results"


def assessment_crumbs(workspace: Workspace, assessment_id: str | None) -> list[Crumb]:
    assert assessment_id is not None
    assessment = workspace.assessments.get(assessment_id)
    return [*school_crumbs(workspace, assessment.school_id), (round_title(assessment), None)]


def results_crumbs(workspace: Workspace, assessment_id: str | None) -> list[Crumb]:
    assert assessment_id is not None
    assessment = workspace.assessments.get(assessment_id)
    return [*school_crumbs(workspace, assessment.school_id),
            (round_title(assessment), Location(ASSESSMENT, assessment.id)), (text.CRUMB_RESULTS, None)]


class AssessmentFeature:
    """What the self-assessment feature added to one window."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.printer: SelfAssessmentPrinter | None = None  # made on the first print
        self._pending_item: str | None = None
        self._left_at: tuple[str, str] | None = None  # (round, item) its view was left at for its results
        # Alt+Left steps back through the items, as Alt+Right steps on (try11a): the view owns it.
        shell.register_page(ASSESSMENT, self._assessment_view, assessment_crumbs, record=True, owns_alt_left=True)
        shell.register_page(RESULTS, self._results_view, results_crumbs, record=True)
        shell.add_school_tab(SchoolTabSpec("rounds", text.TAB_ROUNDS, 10, self._rounds_tab))

    # -- pages -----------------------------------------------------------------------------------
    def _rounds_tab(self, workspace: Workspace) -> SchoolTab:
        from .rounds_tab import RoundsTab

        tab = RoundsTab(workspace)
        tab.new_round.connect(self.start_round)
        tab.open_assessment.connect(lambda assessment_id: self._open(ASSESSMENT, assessment_id))
        tab.open_results.connect(lambda assessment_id: self._open(RESULTS, assessment_id))
        tab.print_report.connect(self.print_report)
        return tab

    def _assessment_view(self, location: Location) -> Page:
        from .view import AssessmentView

        assert location.id is not None
        warm_up_in_background(self.shell.ops)  # once a session: the first print then starts at once
        view = AssessmentView(self.shell.workspace, location.id, publish=self.shell.ops.publish)
        view.back_requested.connect(self.shell.go_back)
        view.results_requested.connect(lambda assessment_id: self._results_from(view, assessment_id))
        view.print_requested.connect(self.print_report)
        view.noticed.connect(self.shell.notify)
        item_code, self._pending_item = self._pending_item, None
        left_at, self._left_at = self._left_at, None
        if not item_code and left_at is not None and left_at[0] == location.id:
            item_code = left_at[1]  # back from its results: at the item left (TEST31 T17)
        if item_code:
            view.go_to(item_code)

        def print_shown() -> None:
            view.flush()
            self.print_report(view.assessment_id)

        # Opened (Enter on the rounds list too), the keyboard is on the levels: 1–5 choose at once,
        # wherever the school page's focus had been (TEST32b B1).
        return Page(view, focus=view.focus_levels, print=print_shown, flush=view.flush,
                    confirm_leave=view.confirm_leave)

    def _results_view(self, location: Location) -> Page:
        from .results_view import ResultsView

        assert location.id is not None
        warm_up_in_background(self.shell.ops)
        view = ResultsView(self.shell.workspace, location.id)
        view.back_requested.connect(self.shell.go_back)
        view.edit_requested.connect(lambda assessment_id: self._open(ASSESSMENT, assessment_id))
        view.item_requested.connect(self._remember_item)
        view.print_requested.connect(self.print_report)
        return Page(view, print=lambda: self.print_report(str(location.id)))

    def _open(self, kind: str, assessment_id: str) -> None:
        self.shell.navigate(Location(kind, assessment_id))

    def _results_from(self, view: AssessmentView, assessment_id: str) -> None:
        """The round's results, asked from its assessment view: coming back from them (the next
        view of the round made) is at the item the user was on, not at ประเด็น ๑ (TEST31 T17)."""
        item_code = view.current_item_code
        self._left_at = (assessment_id, item_code) if item_code else None
        self._open(RESULTS, assessment_id)

    def _remember_item(self, _assessment_id: str, item_code: str) -> None:
        # The results view names a weak item just before asking to edit: open the round at it.
        self._pending_item = item_code

    # -- commands --------------------------------------------------------------------------------
    def start_round(self, school_id: str) -> None:
        from .new_round_dialog import NewRoundDialog

        shell = self.shell
        if shell.read_only:
            return
        dialog = NewRoundDialog(shell.workspace, shell.workspace.schools.get(school_id), parent=shell.parent)

        def created() -> None:
            assert dialog.created is not None
            shell.ops.publish(Changes(assessments=frozenset({dialog.created.id})))
            self._open(ASSESSMENT, dialog.created.id)

        shell.open_dialog(dialog, created)

    def print_report(self, assessment_id: str) -> None:
        """The self-assessment report of a round as a PDF."""
        if self.printer is None:
            from .printing import SelfAssessmentPrinter

            # It reports in the window's status bar; the window cancels its work before closing a database.
            self.printer = SelfAssessmentPrinter(self.shell.parent, ops=self.shell.ops, notify=self.shell.notify)
        self.printer.print_report(self.shell.workspace, assessment_id)


def install(shell: Shell) -> AssessmentFeature:
    return AssessmentFeature(shell)
