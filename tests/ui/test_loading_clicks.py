"""TEST29 B1: while the window says "กำลังเปิดฐานข้อมูล…" (a slow or large database), the database
opens on the window's thread, so a click made then waits and lands, once the list has appeared,
on whatever is under the pointer: a school selected, or opened, that nobody chose. A click made on
the blank loading screen does nothing; keys typed then still reach the search box, as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from qualityschool_desktop.workspace import Workspace
from ui.schools.schools_page import ID_ROLE
from ui.shell import app as app_module
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled_app")


def _post_click(window: MainWindow, at: QPointF, *, double: bool) -> None:
    """A press and release (then a double-click's press and release) at ``at`` in ``window``,
    queued as the window system queues what a person did while the window's thread was busy."""
    handle = window.windowHandle()
    where = window.mapToGlobal(at.toPoint())
    kinds = [QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease]
    if double:
        kinds += [QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseButtonRelease]
    for kind in kinds:
        pressed = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
        QApplication.postEvent(handle, QMouseEvent(kind, at, QPointF(where), Qt.MouseButton.LeftButton, pressed,
                                                   Qt.KeyboardModifier.NoModifier))


def _start_with_queued(db_path: Path, monkeypatch: pytest.MonkeyPatch,
                       queue: Callable[[MainWindow, Any], None]) -> MainWindow:
    """Start the window on three schools as ``main.py`` does; ``queue`` posts its events once the
    list is made while the database still opens (the loop waits), given the window and the list."""
    with Workspace.open(db_path, create=True) as workspace:
        for code, name in (("6302000001", "โรงเรียนบ้านแม่ตาว"), ("6302000002", "โรงเรียนบ้านห้วยไม้แป้น"),
                           ("6302000003", "โรงเรียนบ้านวังตะเคียน")):
            workspace.schools.add(code=code, name=name)
    made: list[MainWindow] = []
    real_attach = MainWindow.attach

    def attach(window: MainWindow, workspace: Workspace) -> None:
        real_attach(window, workspace)
        made.append(window)
        page = window.page("schools")
        window.layout().activate()
        page.layout().activate()  # type: ignore[union-attr]
        queue(window, page.table)  # type: ignore[union-attr]

    monkeypatch.setattr(MainWindow, "attach", attach)
    monkeypatch.setenv(app_module.BENCH_FIRST_PAINT_ENV, "1")  # quit once the list has painted
    assert app_module.run_app(db_path, create=False, demo=False) == 0
    return made[0]


def _ids(table: Any) -> list[str]:
    return [str(table.model().index(row, 0).data(ID_ROLE)) for row in range(table.model().rowCount())]


@pytest.mark.parametrize("double", [False, True])
def test_a_click_made_while_the_database_opens_changes_nothing(
        qapp: QApplication, db_path: Path, monkeypatch: pytest.MonkeyPatch, double: bool) -> None:
    aimed: list[QPointF] = []

    def click_the_second_school(window: MainWindow, table: Any) -> None:  # the first is selected as it opens
        row = table.visualRect(table.model().index(1, 1))
        aimed.append(QPointF(table.viewport().mapTo(window, row.center())))
        _post_click(window, aimed[0], double=double)

    window = _start_with_queued(db_path, monkeypatch, click_the_second_school)
    page = window.page("schools")
    table = page.table  # type: ignore[union-attr]
    assert table.viewport().rect().contains(table.viewport().mapFrom(window, aimed[0].toPoint()))  # aimed at it
    assert window.location.kind == "schools"  # no school opened
    first, second, _third = _ids(table)
    assert page.selected_id() == first != second  # as the list opens, not the school under the click



def test_a_click_on_the_menu_bar_while_the_database_opens_opens_no_menu(
        qapp: QApplication, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """RETEST31 R1: a click on แฟ้ม made on the loading screen opened the menu once the list had
    appeared, and a second click queued then could land on any of its items (ออก, สำรองข้อมูล…)."""
    aimed: list[QPointF] = []

    def click_the_file_menu(window: MainWindow, _table: Any) -> None:
        bar = window.menuBar()
        first = next(action for action in bar.actions() if action.menu() is not None)
        aimed.append(QPointF(bar.mapTo(window, bar.actionGeometry(first).center())))
        _post_click(window, aimed[0], double=False)

    window = _start_with_queued(db_path, monkeypatch, click_the_file_menu)
    bar = window.menuBar()
    assert bar.rect().contains(bar.mapFrom(window, aimed[0].toPoint()))  # aimed at the bar
    menus = [action.menu() for action in bar.actions() if action.menu() is not None]
    assert menus and not any(menu.isVisible() for menu in menus)  # type: ignore[union-attr]
    assert bar.activeAction() is None
    for menu in menus:  # should one have opened: close it, not to leave a popup for the next test
        menu.close()  # type: ignore[union-attr]
