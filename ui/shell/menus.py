"""The window's menu bar: แฟ้ม / โรงเรียน / มุมมอง / ช่วยเหลือ, laid out from the actions put in them.

The shell and the features put actions into a menu and a group (``ui/shell/api.py``); this module
alone decides where each group sits, so a feature never looks for a menu by its Thai title nor for
another feature's action to stand beside. Groups of a section follow one another; sections are
separated by a line. A group not in the layout becomes a section of its own at the end.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from . import strings as text
from .keys import (
    GROUP_ABOUT, GROUP_ADD, GROUP_BACKUP, GROUP_BROWSE, GROUP_DATABASE, GROUP_DIGITS, GROUP_EXCHANGE, GROUP_NAVIGATION,
    GROUP_PRINT, GROUP_QUIT, MENU_FILE, MENU_HELP, MENU_SCHOOLS, MENU_VIEW,
)

TITLES = {MENU_FILE: text.MENU_FILE, MENU_SCHOOLS: text.MENU_SCHOOLS, MENU_VIEW: text.MENU_VIEW,
          MENU_HELP: text.MENU_HELP}
# Per menu, its sections in order, each a run of groups.
LAYOUT: dict[str, tuple[tuple[str, ...], ...]] = {
    MENU_FILE: ((GROUP_DATABASE,), (GROUP_BACKUP,), (GROUP_EXCHANGE,), (GROUP_PRINT,), (GROUP_QUIT,)),
    MENU_SCHOOLS: ((GROUP_BROWSE, GROUP_ADD), (GROUP_NAVIGATION,)),
    MENU_VIEW: ((GROUP_DIGITS,),),
    MENU_HELP: ((GROUP_ABOUT,),),
}


class Menus:
    """The menus of one window's menu bar, each rebuilt from its groups when an action is added."""

    def __init__(self, bar: QMenuBar) -> None:
        self._menus = {key: bar.addMenu(title) for key, title in TITLES.items()}
        self._groups: dict[str, dict[str, list[QAction]]] = {key: {} for key in TITLES}

    def menu(self, key: str) -> QMenu:
        return self._menus[key]

    def add(self, key: str, action: QAction, group: str | None = None) -> None:
        self._groups[key].setdefault(group or f"unplaced-{id(action)}", []).append(action)
        self._lay_out(key)

    def _lay_out(self, key: str) -> None:
        groups = self._groups[key]
        placed = {group for section in LAYOUT.get(key, ()) for group in section}
        sections = [*LAYOUT.get(key, ()), *((group,) for group in groups if group not in placed)]
        menu = self._menus[key]
        menu.clear()  # the separators go; the actions belong to the window and stay
        for section in sections:
            actions = [action for group in section for action in groups.get(group, [])]
            if not actions:
                continue
            if menu.actions():
                menu.addSeparator()
            menu.addActions(actions)
