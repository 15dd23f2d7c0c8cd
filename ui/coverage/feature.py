"""The coverage feature: โรงเรียน › โรงเรียนที่ถึงกำหนดนิเทศ (Ctrl+Shift+T); its page is imported
when first shown and brought up to date each time it is shown or a change is published."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from ui.common.actions import make_action
from ui.shell.api import GROUP_BROWSE, MENU_SCHOOLS, Crumb, Location, Page, Shell

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

COVERAGE = "coverage"


def coverage_crumbs(_workspace: Workspace, _id: str | None) -> list[Crumb]:
    return [(text.TITLE, None)]


class CoverageFeature:
    """What the coverage feature added to one window."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.action = make_action(shell.parent, text.ACTION, lambda: shell.navigate(Location(COVERAGE)),
                                  QKeySequence("Ctrl+Shift+T"))
        shell.add_action(MENU_SCHOOLS, self.action, GROUP_BROWSE)
        shell.register_page(COVERAGE, self._page, coverage_crumbs)

    def _page(self, _location: Location) -> Page:
        from .page import CoveragePage

        shell = self.shell
        page = CoveragePage(shell.workspace, read_only=shell.read_only, publish=shell.ops.publish)
        page.open_school.connect(lambda school_id: shell.navigate(Location("school", school_id)))
        shell.ops.notifier.changed.connect(page.changed)
        return Page(page, show=lambda _location, _leaving: page.refresh(), focus=page.table.setFocus)


def install(shell: Shell) -> CoverageFeature:
    return CoverageFeature(shell)
