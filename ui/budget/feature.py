"""The budget feature in the window: the school page's คำของบประมาณ tab, and โรงเรียน ›
คำของบประมาณทุกโรงเรียน, the office's page of every school's requests of a fiscal year (the
location's id is the year BE; none: the latest year with requests). Pages are imported when
first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.common.actions import make_action
from ui.shell.api import GROUP_BROWSE, MENU_SCHOOLS, Crumb, Location, Page, SchoolTab, SchoolTabSpec, Shell

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace
    from ui.common.ops import Ops

BUDGET = "budget"  # the kind of the office's page


def budget_tab(workspace: Workspace, ops: Ops | None = None) -> SchoolTab:
    from .school_tab import BudgetPanel

    return BudgetPanel(workspace, ops=ops)


def budget_crumbs(_workspace: Workspace, _id: str | None) -> list[Crumb]:
    return [(text.OFFICE_ACTION, None)]


class BudgetFeature:
    """What the budget feature added to one window."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.action = make_action(shell.parent, text.OFFICE_ACTION, lambda: shell.navigate(Location(BUDGET)))
        shell.add_action(MENU_SCHOOLS, self.action, GROUP_BROWSE)
        shell.register_page(BUDGET, self._page, budget_crumbs)
        shell.add_school_tab(SchoolTabSpec("budget", text.TAB, 35, lambda workspace: budget_tab(workspace, shell.ops)))

    def _page(self, _location: Location) -> Page:
        from .office_page import BudgetOfficePage

        shell = self.shell
        page = BudgetOfficePage(shell.workspace, ops=shell.ops)
        page.noticed.connect(shell.notify)
        page.open_school.connect(lambda school_id: shell.navigate(Location("school", school_id)))

        def show(location: Location, _leaving: Location | None) -> None:
            page.refresh(int(location.id) if location.id else None)

        return Page(page, show=show, print=page.print_pdf, confirm_leave=page.confirm_leave)


def install(shell: Shell) -> BudgetFeature:
    return BudgetFeature(shell)
