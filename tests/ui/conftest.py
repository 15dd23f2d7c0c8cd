"""Fixtures the GUI tests share. One is autouse (``answerers_end_with_their_test``); otherwise a
module asks for what it needs, the styled application with
``pytestmark = pytest.mark.usefixtures("styled_app")``."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QMainWindow

from ui.common import digits
from qualityschool_desktop.cli import ensure_demo
from qualityschool_desktop.paths import DATA_DIR_ENV
from qualityschool_desktop.workspace import Workspace
from ui.shell import app as app_module
from ui.shell.api import Location
from ui.shell.main_window import MainWindow
from ui.shell.single_instance import InstanceGuard

from . import answering


@pytest.fixture(autouse=True)
def answerers_end_with_their_test() -> Iterator[None]:
    """A test's answerer (``answering.keep_looking``) never answers a later test's question."""
    yield
    answering.stop_all()


@pytest.fixture
def styled_app(qapp: QApplication) -> QApplication:
    """The real fonts and style sheet, so what the tests drive is what users see."""
    return app_module.make_application()


@pytest.fixture
def thai_digits_after() -> Iterator[None]:
    """Thai digits again after the test, for a module whose tests switch the digit style."""
    yield
    digits.set_style("thai")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database as the app builds it, once for the whole run (building it takes
    seconds, far more under Wine): each module gets a copy."""
    folder = tmp_path_factory.mktemp("demo-template")
    path = folder / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        # Session fixtures run before any test's own data folder exists: give the build one.
        patch.setenv(DATA_DIR_ENV, str(folder / "userdata"))
        ensure_demo(path)
    return path


@pytest.fixture(scope="module")
def demo_file(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database for a test module (a copy of the run's one build); a test changes only
    a copy of it (``demo_copy``)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    """A copy of the module's demo database in the test's own folder, for the test to change."""
    copy = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, copy)
    return copy


@pytest.fixture
def office_report_page(qtbot, demo_copy: Path) -> Iterator[Callable[..., Any]]:  # type: ignore[no-untyped-def]
    """Opens the office-report page (รายงานผลการตรวจราชการ) on :func:`demo_copy` at a round
    (``"2569-2"``), 1366×768 and shown; ``prepare`` changes the workspace first, ``activate``
    makes the page the active window before the round is shown. Closed, with its workspace, after
    the test."""
    from ui.office_report.page import OfficeReportPage

    opened: list[tuple[Any, Workspace]] = []

    def open_page(round_id: str, *, prepare: Callable[[Workspace], None] | None = None,
                  activate: bool = False) -> OfficeReportPage:
        workspace = Workspace.open(demo_copy)
        if prepare is not None:
            prepare(workspace)
        widget = OfficeReportPage(workspace)
        qtbot.addWidget(widget)
        opened.append((widget, workspace))
        widget.resize(1366, 768)
        widget.show()
        if activate:
            widget.activateWindow()
        widget.refresh(round_id)
        return widget

    yield open_page
    for widget, workspace in opened:
        widget.close()
        workspace.close()


@pytest.fixture
def held_window(qtbot) -> Iterator[Callable[..., tuple[QMainWindow, InstanceGuard]]]:  # type: ignore[no-untyped-def]
    """A window holding a database file's lock, as a first launch does: ``held_window(path)`` gives
    the shown window and its guard, answering second launches unless ``listen=False`` (a window
    still starting). Every guard made is released at the test's end."""
    from ui.shell.database_lock import Outcome

    guards: list[InstanceGuard] = []

    def hold(database: Path, *, listen: bool = True) -> tuple[QMainWindow, InstanceGuard]:
        window = QMainWindow()
        qtbot.addWidget(window)
        guard = InstanceGuard()
        guard.setParent(window)
        guards.append(guard)
        assert guard.claim(database) is Outcome.OWNER
        window.show()
        if listen:
            guard.listen()
        return window, guard

    yield hold
    for guard in guards:
        guard.release()


@pytest.fixture
def demo_window(qtbot, demo_copy: Path) -> Callable[[QSize | None], MainWindow]:  # type: ignore[no-untyped-def]
    """Opens the main window over the test's demo copy, resized to the size given (None: Qt's
    default size) and shown. One window a test: each call opens the same copy."""

    def open_window(size: QSize | None) -> MainWindow:
        window = MainWindow(Workspace.open(demo_copy))
        qtbot.addWidget(window)
        if size is not None:
            window.resize(size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return open_window


@pytest.fixture
def follow_ups_at(qtbot, demo_window: Callable[[QSize | None], MainWindow]) -> Iterator[Callable[[QSize], MainWindow]]:  # type: ignore[no-untyped-def]
    """The window over the demo copy at a size (``tests/ui/test_headings_fit.WINDOWS``: 1366×768 at
    100, 125, 150 %) showing the follow-up list across schools, laid out; shut at the test's end."""
    opened: list[MainWindow] = []

    def open_at(size: QSize) -> MainWindow:
        window = demo_window(size)
        opened.append(window)
        window.navigate(Location("follow_ups"))
        QApplication.processEvents()
        qtbot.wait(50)
        return window

    yield open_at
    for window in opened:
        window.shutdown()
