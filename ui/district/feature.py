"""The district dashboard in the window: the โรงเรียน menu's ภาพรวมระดับเขต/อำเภอ (Ctrl+Shift+D),
whose tables open a school. Its page is imported when first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from ui.common.actions import make_action
from ui.shell.api import GROUP_BROWSE, MENU_SCHOOLS, Crumb, Location, Page, Shell

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

DISTRICT = "district"


def district_crumbs(_workspace: Workspace, _id: str | None) -> list[Crumb]:
    return [(text.TITLE, None)]


class DistrictFeature:
    """What the district feature added to one window."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.action = make_action(shell.parent, text.TITLE, lambda: shell.navigate(Location(DISTRICT)),
                                  QKeySequence("Ctrl+Shift+D"))
        shell.add_action(MENU_SCHOOLS, self.action, GROUP_BROWSE)
        shell.register_page(DISTRICT, self._page, district_crumbs)

    def _page(self, _location: Location) -> Page:
        from .page import DistrictPage

        shell = self.shell
        page = DistrictPage(shell.workspace, ops=shell.ops)
        page.open_school.connect(lambda school_id: shell.navigate(Location("school", school_id)))
        page.due_visits.open_list.connect(lambda: shell.navigate(Location("coverage")))  # F10
        # The office-report feature's page, by its location (no import of that feature).
        page.open_report.connect(lambda round_id: shell.navigate(Location("office_report", round_id)))
        page.open_rounds.connect(lambda: shell.navigate(Location("inspection_rounds")))  # ui/rounds' page (TEST26a F3)
        page.reports.noticed.connect(shell.notify)  # what a print or an export did, and where
        # Made on first use, re-read each time it is shown.
        return Page(page, show=lambda _location, _leaving: page.refresh())


def install(shell: Shell) -> DistrictFeature:
    return DistrictFeature(shell)
