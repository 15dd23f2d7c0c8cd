"""The inspection-rounds feature: โรงเรียน › รอบการตรวจราชการ. Its page is imported when first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.common.actions import make_action
from ui.shell.api import GROUP_BROWSE, MENU_SCHOOLS, Crumb, Location, Page, Shell

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

ROUNDS = "inspection_rounds"


def rounds_crumbs(_workspace: Workspace, _id: str | None) -> list[Crumb]:
    return [(text.TITLE, None)]


class RoundsFeature:
    """What the inspection-rounds feature added to one window."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.action = make_action(shell.parent, text.TITLE, lambda: shell.navigate(Location(ROUNDS)))
        shell.add_action(MENU_SCHOOLS, self.action, GROUP_BROWSE)
        shell.register_page(ROUNDS, self._page, rounds_crumbs)

    def _page(self, _location: Location) -> Page:
        from .page import RoundsPage

        page = RoundsPage(self.shell.workspace, read_only=self.shell.read_only)
        return Page(page, show=lambda _location, _leaving: page.refresh(), focus=page.year.setFocus)


def install(shell: Shell) -> RoundsFeature:
    return RoundsFeature(shell)
