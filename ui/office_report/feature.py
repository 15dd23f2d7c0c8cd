"""The office-report feature: โรงเรียน › รายงานผลการตรวจราชการ (Ctrl+Shift+R), a page per
inspection round (the location's id is "<fiscal year>-<round>"; none: the newest round)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from ui.common.actions import make_action
from ui.shell.api import GROUP_BROWSE, MENU_SCHOOLS, Crumb, Location, Page, Shell

from . import strings as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace

OFFICE_REPORT = "office_report"


def report_crumbs(_workspace: Workspace, _id: str | None) -> list[Crumb]:
    return [(text.TITLE, None)]


class OfficeReportFeature:
    """What the office-report feature added to one window."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.action = make_action(shell.parent, text.TITLE, lambda: shell.navigate(Location(OFFICE_REPORT)),
                                  QKeySequence("Ctrl+Shift+R"))
        shell.add_action(MENU_SCHOOLS, self.action, GROUP_BROWSE)
        shell.register_page(OFFICE_REPORT, self._page, report_crumbs)

    def _page(self, _location: Location) -> Page:
        from .page import OfficeReportPage

        shell = self.shell
        page = OfficeReportPage(shell.workspace, ops=shell.ops, read_only=shell.read_only)
        page.noticed.connect(shell.notify)

        def show(location: Location, _leaving: Location | None) -> None:
            page.refresh(location.id)

        def print_pdf() -> None:  # แฟ้ม › พิมพ์รายงาน (Ctrl+P) on this page
            page.print_pdf()

        return Page(page, show=show, focus=page.focus_first, print=print_pdf, flush=page.flush,
                    confirm_leave=page.confirm_leave)


def install(shell: Shell) -> OfficeReportFeature:
    return OfficeReportFeature(shell)
