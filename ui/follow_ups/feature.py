"""The follow-ups of all schools in the window: the โรงเรียน menu's list (Ctrl+Shift+F), which
opens a follow-up's visit or its school. Its page is imported when first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from ui.common.actions import make_action
from ui.shell.api import GROUP_BROWSE, MENU_SCHOOLS, Crumb, Location, Page, Shell

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

FOLLOW_UPS = "follow_ups"


def follow_ups_crumbs(_workspace: Workspace, _id: str | None) -> list[Crumb]:
    return [(text.CRUMB, None)]


class FollowUpsFeature:
    """What the follow-ups feature added to one window."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.action = make_action(shell.parent, text.ACTION, lambda: shell.navigate(Location(FOLLOW_UPS)),
                                  QKeySequence("Ctrl+Shift+F"))
        shell.add_action(MENU_SCHOOLS, self.action, GROUP_BROWSE)
        shell.register_page(FOLLOW_UPS, self._page, follow_ups_crumbs)

    def _page(self, _location: Location) -> Page:
        from .page import FollowUpsPage

        shell = self.shell
        page = FollowUpsPage(shell.workspace, notifier=shell.ops.notifier)
        page.open_visit.connect(lambda visit_id: shell.navigate(Location("visit", visit_id)))
        page.open_school.connect(lambda school_id: shell.navigate(Location("school", school_id)))
        page.due_visits.open_list.connect(lambda: shell.navigate(Location("coverage")))  # F10
        # Made on first use, brought up to date each time it is shown.
        return Page(page, show=lambda _location, _leaving: page.refresh())


def install(shell: Shell) -> FollowUpsFeature:
    return FollowUpsFeature(shell)
