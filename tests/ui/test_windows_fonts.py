"""Sarabun in every widget, even where Qt's Windows theme gives a class its own font (issue 12).

On Windows, Qt's platform theme (QWindowsTheme) fills a per-class font table: tables, trees,
lists and their headers, menus, the menu bar, message boxes, tool tips and the status bar get
"MS Shell Dlg 2" at 8.25 pt, which the application font does not override. Offscreen there is no
Windows theme, so the test fills the table the way the theme does, forces Qt's "Windows" style,
and checks what each widget would draw its text with.
"""

from __future__ import annotations

from typing import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QDockWidget, QHeaderView, QLabel, QListView, QMainWindow, QMenu, QMenuBar,
    QMessageBox, QPushButton, QRadioButton, QStatusBar, QTableView, QTabBar, QToolButton, QTreeView,
    QWidget,
)

from ui.common import fonts
from ui.common.date_fields import ThaiDateEdit, ThaiTimeEdit
from ui.common.notices import NoticeBar
from ui.common.thai_calendar import ThaiCalendarPopup
from ui.shell import app as app_module

# What QWindowsTheme::refreshFonts() puts in the per-class table (qwindowstheme.cpp), by the class
# name QApplicationPrivate::initializeWidgetFontHash() files it under.
WINDOWS_THEME_CLASSES = (
    "QMenu", "QMenuBar", "QMessageBox", "QTipLabel", "QStatusBar", "QMdiSubWindowTitleBar",
    "QDockWidgetTitle", "QAbstractItemView",
)
SHELL_DLG = QFont("MS Shell Dlg 2", 8)


@pytest.fixture
def windows_themed(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """The application as under Qt's Windows theme: every style change (``setStyle``, and
    ``setStyleSheet``, which installs a style-sheet style) refills the per-class font table from
    the theme (QApplication::setStyle calls QApplicationPrivate::initializeWidgetFontHash())."""
    real_set_style, real_set_style_sheet = QApplication.setStyle, QApplication.setStyleSheet

    def refill() -> None:
        for name in WINDOWS_THEME_CLASSES:
            QApplication.setFont(SHELL_DLG, name)  # type: ignore[arg-type]

    def set_style(self: QApplication, style: object) -> object:
        result = real_set_style(style)  # type: ignore[call-overload]
        refill()
        return result

    def set_style_sheet(self: QApplication, sheet: str) -> None:
        real_set_style_sheet(self, sheet)
        refill()

    monkeypatch.setattr(QApplication, "setStyle", set_style)
    monkeypatch.setattr(QApplication, "setStyleSheet", set_style_sheet)
    old_style = qapp.style().name()
    qapp.setStyle("Windows")
    yield qapp
    monkeypatch.undo()
    qapp.setStyle(old_style or "Fusion")
    fonts.install(qapp)


def _widgets(parent: QWidget) -> dict[str, QWidget]:
    table = QTableView(parent)
    table.setModel(QStandardItemModel(2, 2, table))
    tree = QTreeView(parent)
    window = QMainWindow(parent)
    dock = QDockWidget("แถบ", window)
    notices = NoticeBar(parent)
    date_field, time_field = ThaiDateEdit(parent), ThaiTimeEdit(parent)
    calendar = ThaiCalendarPopup(parent)
    # The window's มุมมอง › ตัวเลข is a QMenu of its own (ui/shell/digit_menu.py), built the same way.
    digit_menu = QMenu("ตัวเลข", parent)
    return {
        "table": table, "table header": table.horizontalHeader(), "tree": tree, "tree header": tree.header(),
        "list": QListView(parent), "header": QHeaderView(Qt.Orientation.Horizontal, parent),
        "menu bar": QMenuBar(parent), "menu": QMenu(parent), "message box": QMessageBox(parent),
        "status bar": QStatusBar(parent), "tab bar": QTabBar(parent), "label": QLabel("ชื่อโรงเรียน", parent),
        "button": QPushButton("บันทึก", parent), "tool button": QToolButton(parent),
        "check box": QCheckBox("เลือก", parent), "radio": QRadioButton("เลือก", parent), "dock": dock,
        # main's widgets of issue 11: the notice bar, the date and time fields, the calendar's grid
        # (a table view inside QCalendarWidget) and the digit menu.
        "notice bar": notices, "notice text": notices.message, "notice button": notices.open_file_button,
        "date field": date_field.line_edit, "date field's button": date_field.calendar_button,
        "date field's message": date_field.message, "time field": time_field.line_edit,
        "calendar": calendar.calendar, "calendar grid": calendar.calendar.findChild(QTableView),
        "digit menu": digit_menu,
    }


def test_the_windows_theme_gives_tables_its_own_font(windows_themed: QApplication) -> None:
    # The premise (the fault seen on Windows): the theme's font wins over the application font.
    windows_themed.setFont(QFont(fonts.FAMILY, fonts.POINT_SIZE))
    windows_themed.setStyleSheet("")
    table = QTableView()
    table.ensurePolished()  # a widget takes its class's font when it is polished (before it shows)
    assert table.font().family() == "MS Shell Dlg 2"


def test_after_start_up_every_widget_class_draws_in_sarabun(windows_themed: QApplication) -> None:
    app_module.make_application()
    parent = QWidget()
    for what, widget in _widgets(parent).items():
        widget.ensurePolished()  # as before it is first shown
        font = widget.font()
        assert font.family() == fonts.FAMILY, f"{what} draws in {font.family()}"
        # At least the window's size (the theme's is 8 pt); the notice text is a little larger on purpose.
        assert font.pointSizeF() >= fonts.POINT_SIZE, f"{what} is {font.pointSizeF()} pt"
    for name in WINDOWS_THEME_CLASSES:
        assert QApplication.font(name).family() == fonts.FAMILY, name
    parent.deleteLater()


def test_install_sets_sarabun_for_every_class_the_theme_may_fill(windows_themed: QApplication) -> None:
    windows_themed.setStyle("Windows")  # the table now holds the theme's fonts
    assert fonts.install(windows_themed)
    for name in WINDOWS_THEME_CLASSES + fonts.THEMED_CLASSES:
        assert QApplication.font(name).family() == fonts.FAMILY, name
    assert QApplication.font("QSmallFont").pointSize() < fonts.POINT_SIZE
