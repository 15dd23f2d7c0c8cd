"""test29b B3: a disabled menu item looks disabled. In a read-only window "นำเข้าข้อมูล…" was drawn
exactly like an enabled item (app.qss styled QMenu::item but not its disabled state), so it looked
clickable and did nothing."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMenu

pytestmark = pytest.mark.usefixtures("styled_app")


def _darkest(menu: QMenu, index: int) -> int:
    """The lightness of the darkest pixel of the menu's ``index``-th item: its text's ink."""
    image = menu.grab().toImage()
    rect = menu.actionGeometry(menu.actions()[index])
    ratio = image.devicePixelRatio()
    return min(QColor(image.pixel(int(x * ratio), int(y * ratio))).lightness()
               for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom()))


def test_a_disabled_menu_item_is_drawn_grey(qtbot: Any) -> None:
    menu = QMenu()
    qtbot.addWidget(menu)
    menu.addAction("ส่งออกข้อมูล…")
    menu.addAction("นำเข้าข้อมูล…").setEnabled(False)  # as in a read-only window
    menu.adjustSize()
    enabled, disabled = _darkest(menu, 0), _darkest(menu, 1)
    assert enabled < 80 and disabled > 120, (enabled, disabled)  # the text's ink: dark, then grey


def test_a_disabled_fields_text_is_grey_too(qtbot: Any) -> None:
    """The style sheet's ink colour was every state's, so the palette's disabled text was the ink."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QCheckBox

    box = QCheckBox("ใช้คะแนนรอบก่อน")
    qtbot.addWidget(box)
    box.setEnabled(False)
    box.ensurePolished()
    palette = box.palette()
    ink = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    grey = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    assert grey.lightness() > ink.lightness() + 60, (ink.name(), grey.name())
