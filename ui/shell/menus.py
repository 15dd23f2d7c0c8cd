"""The main window's menu bar, laid out from the actions the window made.

Kept apart from ``main_window`` so the window module stays about navigation; other modules that
add commands (exchange files) find the menus by these titles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .main_window import MainWindow

# -- Thai strings ----------------------------------------------------------------------------
MENU_FILE = "แฟ้ม"
MENU_SCHOOLS = "โรงเรียน"
MENU_HELP = "ช่วยเหลือ"


def build_menus(window: MainWindow) -> None:
    """แฟ้ม / โรงเรียน / ช่วยเหลือ, from the window's ``*_action`` attributes."""
    bar = window.menuBar()
    file_menu = bar.addMenu(MENU_FILE)
    file_menu.addAction(window.open_db_action)
    file_menu.addAction(window.own_data_action)
    file_menu.addAction(window.demo_action)
    file_menu.addSeparator()
    file_menu.addAction(window.backup_action)
    file_menu.addSeparator()
    file_menu.addAction(window.print_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    schools_menu = bar.addMenu(MENU_SCHOOLS)
    schools_menu.addAction(window.all_schools_action)
    schools_menu.addAction(window.find_action)
    schools_menu.addAction(window.follow_ups_action)
    schools_menu.addAction(window.district_action)
    schools_menu.addAction(window.add_school_action)
    schools_menu.addSeparator()
    schools_menu.addAction(window.back_action)
    help_menu = bar.addMenu(MENU_HELP)
    help_menu.addAction(window.about_action)
