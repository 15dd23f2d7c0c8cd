"""The school's development plan in the window (issue 14): the "แผนพัฒนา" tab of the school page
and its printout. The tab is imported when the school page is first made, the report stack when a
plan is first printed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.shell.api import SchoolTab, SchoolTabSpec, Shell

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

    from .printing import PlanReportPrinter
    from .tab import PlanPanel


class PlansFeature:
    """What the plans feature added to one window."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.printer: PlanReportPrinter | None = None  # made on the first print
        shell.add_school_tab(SchoolTabSpec("plans", text.TAB, 25, self._plan_tab))

    def _plan_tab(self, workspace: Workspace) -> SchoolTab:
        from .tab import PlanPanel

        tab = PlanPanel(workspace, publish=self.shell.ops.publish)
        self.connect_printing(tab)
        return tab

    def connect_printing(self, tab: PlanPanel) -> None:
        """พิมพ์แผน on ``tab``: the edit in progress ends first, and a cell still refused (kept in
        view, not in the database) is asked about before the stored plan is printed (TEST34 T3)."""

        def print_shown(plan_id: str) -> None:
            tab.flush()
            if tab.confirm_leave():
                self.print_plan(plan_id)

        tab.print_requested.connect(print_shown)

    def print_plan(self, plan_id: str) -> None:
        """The plan as a PDF (the core's ``report plan``)."""
        if self.printer is None:
            from .printing import PlanReportPrinter

            self.printer = PlanReportPrinter(self.shell.parent, ops=self.shell.ops, notify=self.shell.notify)
        self.printer.print_plan(self.shell.workspace, plan_id)


def install(shell: Shell) -> PlansFeature:
    return PlansFeature(shell)
