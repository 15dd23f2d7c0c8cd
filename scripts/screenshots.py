"""Screenshots of every page and main dialog on the demo data, at a display scaling, for docs/screenshots/.

    python3 scripts/screenshots.py [--scale 1.25] [--out FOLDER] [--only NAME ...]

Simulates a 1366×768 laptop with a 40-pixel taskbar at the given Windows display scaling (1, 1.25,
1.5): Qt runs offscreen on a 1366×728 screen with ``QT_SCALE_FACTOR`` set, so the window sees the
logical screen a user would (1093×582 at 125 %, 910×485 at 150 %) and each picture has the
screen's real pixels. The window takes the size it would take there (``MainWindow`` fits itself
to the screen); the demo database is built in a temporary folder. It saves, as 8-bit PNGs: the
welcome page, the school list, a school's page with each tab, the assessment view, the results,
a visit (with a date it refuses, and with its calendar), the follow-ups, the district page, the
office's inspection report (รายงานผลการตรวจราชการ), the office's pages คำของบประมาณทุกโรงเรียน,
ตัวชี้วัดของสำนักงานเขตพื้นที่, โรงเรียนที่ถึงกำหนดนิเทศ, โครงการและความก้าวหน้า and รอบการตรวจราชการ, the school and new-round dialogs, the export dialog, the backup's answer (the notice bar), the menu
มุมมอง › ตัวเลข, and the exchange dialogs (import preview, pending changes, conflicts,
signers, from real files between laptops as ``scripts/exchange_screenshots.py`` builds them).

It prints each file with its size and then every text that is cut off (a button, label or tab
narrower than its text; a page or dialog larger than the screen): the list must be empty. Default
output: ``docs/screenshots/<percent>/``. Look at every picture before committing them.

Needs what the app needs; the exchange dialogs also need pytest (``pip install -r
requirements-dev.txt``): without it they are left out with a note, the other pictures are taken.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The laptop's screen and the waits, shared with the measurements of tests/ui (no pytest needed).
from tests.ui.offscreen import configure_qt, settle, wait  # noqa: E402,F401 (exchange_screenshots takes wait)


def save_png(image: Any, target: Path) -> None:
    """An 8-bit palette PNG when Pillow is there (a screenshot has few colours), else Qt's own."""
    try:
        from PIL import Image
    except ImportError:
        image.save(str(target))
        return
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    import io

    picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        target, optimize=True)


class Camera:
    """Saves pictures and collects what is cut off in them."""

    def __init__(self, out: Path, only: set[str]) -> None:
        self.out = out
        self.only = only
        self.problems: list[str] = []
        out.mkdir(parents=True, exist_ok=True)

    def wanted(self, name: str) -> bool:
        return not self.only or name in self.only

    def shoot(self, widget: Any, name: str) -> None:
        from tests.ui.fit import cut_off_texts, larger_than_screen, page_overflow, squeezed_widgets

        if not self.wanted(name):
            return
        settle()
        target = self.out / f"{name}.png"
        save_png(widget.grab().toImage(), target)
        print(f"{target} {widget.width()}x{widget.height()} {target.stat().st_size // 1024} KB", flush=True)
        self.problems += [f"{name}: {problem}" for problem in cut_off_texts(widget) + larger_than_screen(widget)
                          + squeezed_widgets(widget)]
        stack = getattr(widget, "stack", None)
        if stack is not None:
            wider, taller = page_overflow(stack)
            if wider:
                self.problems.append(f"{name}: the page is {wider} pixels wider than the window")
            if taller:
                print(f"    (the page scrolls: {taller} pixels taller than the window)")


    def shoot_over(self, window: Any, popups: list[Any], name: str) -> None:
        """``window`` with ``popups`` (menus, a calendar: windows of their own, which may reach
        beyond the window) drawn where they are on the screen, and each popup checked as a window."""
        from PySide6.QtCore import QPoint
        from PySide6.QtGui import QColor, QImage, QPainter

        from tests.ui.fit import cut_off_texts, larger_than_screen

        if not self.wanted(name):
            return
        settle()
        area = window.geometry()
        for popup in popups:
            area = area.united(popup.geometry())
        image = QImage(area.size(), QImage.Format.Format_RGB32)
        image.fill(QColor("#5a6b7b"))  # the desktop around the window
        painter = QPainter(image)
        painter.drawPixmap(window.geometry().topLeft() - area.topLeft(), window.grab())
        for popup in popups:
            painter.drawPixmap(popup.mapToGlobal(QPoint(0, 0)) - area.topLeft(), popup.grab())
            self.problems += [f"{name}: {problem}" for problem in cut_off_texts(popup) + larger_than_screen(popup)]
            if not window.screen().availableGeometry().contains(popup.geometry()):
                self.problems.append(f"{name}: {type(popup).__name__} at {popup.geometry()} leaves the screen")
        painter.end()
        target = self.out / f"{name}.png"
        save_png(image, target)
        print(f"{target} {area.width()}x{area.height()} {target.stat().st_size // 1024} KB", flush=True)


def welcome(camera: Camera, folder: Path) -> None:
    from qualityschool_desktop.workspace import Workspace
    from ui.shell.main_window import MainWindow

    window = MainWindow(Workspace.open(folder / "empty.sqlite3", create=True))
    window.show()
    camera.shoot(window, "welcome")
    window.close()


def pages(camera: Camera, folder: Path) -> None:
    from qualityschool_desktop.cli import ensure_demo
    from qualityschool_desktop.workspace import Workspace
    from ui.shell.api import Location
    from ui.shell.main_window import MainWindow

    path = folder / "demo.sqlite3"
    ensure_demo(path)
    window = MainWindow(Workspace.open(path))
    window.show()
    workspace = window.workspace
    shot = camera.shoot
    try:  # the day's automatic backup says so in the notice bar: not in every picture
        wait(lambda: window.notices.notice is not None, seconds=10)
        window.notices.dismiss()
    except TimeoutError:
        pass

    def go(location: Location, name: str) -> None:
        window.navigate(location)
        settle(0.5)
        window.notices.dismiss()
        shot(window, name)

    go(Location("schools"), "schools")
    # The school with the most to show: visits, rounds.
    school_id = max((school.id for school in workspace.schools.list()),
                    key=lambda sid: (len(workspace.visits.for_school(sid)), len(workspace.assessments.for_school(sid))))
    go(Location("school", school_id), "school")
    page = window.page("school")
    assert page is not None
    for index, key in enumerate(spec.key for spec in page._specs):
        page.tabs.setCurrentIndex(index)
        settle(0.5)
        window.notices.dismiss()
        shot(window, f"school-{key}")
    page.tabs.setCurrentIndex(0)
    assessments = workspace.assessments.for_school(school_id)
    latest = assessments[0] if assessments else None  # newest first
    if latest is not None:
        go(Location("assessment", latest.id), "assessment")
        go(Location("results", latest.id), "results")
    visits = workspace.visits.for_school(school_id)
    if visits:
        go(Location("visit", visits[0].id), "visit")
        visit_fields(camera, window)
    go(Location("follow_ups"), "follow-ups")
    go(Location("district"), "district")
    go(Location("office_report"), "office-report")
    go(Location("budget"), "office-budget")  # คำของบประมาณทุกโรงเรียน
    # ตัวชี้วัดของสำนักงานเขตพื้นที่, on the office the demo gave indicators (the first office has none)
    go(Location("office_indicators", next(iter(workspace.indicators.offices()), None)), "office-indicators")
    go(Location("coverage"), "coverage")  # โรงเรียนที่ถึงกำหนดนิเทศ
    go(Location("office_projects"), "office-projects")  # โครงการและความก้าวหน้า
    go(Location("inspection_rounds"), "inspection-rounds")  # รอบการตรวจราชการ

    window.navigate(Location("school", school_id))  # the dialogs open over the school's page
    settle()
    if camera.wanted("school-dialog"):
        window.features["schools"].edit_school(school_id)
        dialog = wait(lambda: window.active_dialog)
        shot(dialog, "school-dialog")
        dialog.reject()
    if camera.wanted("new-round-dialog"):
        window.features["assessment"].start_round(school_id)
        dialog = wait(lambda: window.active_dialog if type(window.active_dialog).__name__ == "NewRoundDialog" else None)
        shot(dialog, "new-round-dialog")
        dialog.reject()
    exchange = window.features["exchange"]
    if camera.wanted("export-dialog"):
        dialog = exchange.export()
        shot(dialog, "export-dialog")
        dialog.reject()
    if camera.wanted("backup-done"):  # the answer is the notice bar under the top bar
        window.features["backup"].back_up_to(folder / "สำรอง.sqlite3")
        wait(lambda: window.notices.notice is not None and window.notices.notice.kind == "done")
        shot(window, "backup-done")
        window.notices.dismiss()
    digit_menu(camera, window)
    window.close()


def visit_fields(camera: Camera, window: Any) -> None:
    """The visit's date field saying why a date cannot be taken, and its calendar dropped down."""
    view = window.view
    if view is None or not (camera.wanted("visit-date-error") or camera.wanted("visit-calendar")):
        return
    field = view.details.date_edit
    if camera.wanted("visit-date-error"):
        field.line_edit.setText("31/02/2569")
        field.line_edit.setModified(True)
        field.commit()  # refused: the date does not exist; nothing is saved
        camera.shoot(window, "visit-date-error")
        field.revert()
    if camera.wanted("visit-calendar"):
        popup = field.open_calendar()
        settle()
        camera.shoot_over(window, [popup], "visit-calendar")
        popup.hide()


def digit_menu(camera: Camera, window: Any) -> None:
    """มุมมอง › ตัวเลข dropped down over the window."""
    if not camera.wanted("digit-menu"):
        return
    from PySide6.QtCore import QPoint

    from ui.shell.api import MENU_VIEW

    view_menu = window.menus.menu(MENU_VIEW)
    bar = window.menuBar()
    view_menu.popup(bar.mapToGlobal(bar.actionGeometry(view_menu.menuAction()).bottomLeft()))
    settle()
    submenu = window.digit_menu.menu
    item = view_menu.actionGeometry(submenu.menuAction())
    submenu.popup(view_menu.mapToGlobal(QPoint(item.right(), item.top())))
    settle()
    camera.shoot_over(window, [view_menu, submenu], "digit-menu")
    submenu.hide()
    view_menu.hide()


PYTEST_MISSING = ("exchange dialogs skipped: they need pytest (pip install -r requirements-dev.txt);"
                  " the other pictures are taken")


def exchange_dialogs(camera: Camera, folder: Path) -> None:
    names = ("import-preview", "pending-changes", "conflicts", "signers")
    if not any(camera.wanted(name) for name in names):
        return
    try:
        import pytest  # the laptops the exchange dialogs need are the tests' (tests/laptops.py)
    except ImportError:
        print(PYTEST_MISSING, file=sys.stderr)
        return
    sys.path.insert(0, str(ROOT / "scripts"))
    from exchange_screenshots import shoot_dialogs

    patch = pytest.MonkeyPatch()
    root = folder / "laptops"
    root.mkdir()
    try:
        shoot_dialogs(root, patch, camera.shoot)
    finally:
        patch.undo()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="display scaling: 1, 1.25, 1.5")
    parser.add_argument("--out", type=Path, help="folder (default docs/screenshots/<percent>/)")
    parser.add_argument("--only", nargs="*", default=[], help="only these pictures (names without .png)")
    args = parser.parse_args(argv)
    out = args.out or ROOT / "docs" / "screenshots" / f"{round(args.scale * 100)}"
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        configure_qt(args.scale, folder)
        os.environ["QUALITYSCHOOL_DATA_DIR"] = str(folder / "userdata")
        from ui.shell import app as app_module

        app_module.make_application()
        camera = Camera(out, set(args.only))
        welcome(camera, folder)
        pages(camera, folder)
        exchange_dialogs(camera, folder)
    for problem in camera.problems:
        print("CUT OFF", problem)
    return 1 if camera.problems else 0


if __name__ == "__main__":
    sys.exit(main())
