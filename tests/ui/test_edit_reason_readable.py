"""retest30 B12 nit: at the district, an imported school selected in the list, "แก้ไขข้อมูล" is off
and the reason was only in its tooltip. It is now a line on the page a person reads without
hovering, keyboard users too (moving the selection with the arrows); gone for a school typed here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.laptops import CODE_B, NAME_B, Laptops, laptops, school_and_district  # noqa: F401 (fixture)

from .test_exchange_review import open_window

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_reason_the_edit_button_is_off_is_shown_on_the_page(qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:
    _school, district, ids, _file = school_and_district(laptops)
    with district.open() as workspace:
        typed = workspace.schools.add(code=CODE_B, name=NAME_B, district="แม่สอด", province="ตาก", level="primary")
    window = open_window(qtbot, district, tmp_path)
    window.resize(1366, 768)
    page = window.page("schools")
    assert page.select(ids["school"])
    assert not page.edit_button.isEnabled()
    assert page.edit_reason.isVisible() and "แก้ไขได้ที่เครื่องของโรงเรียน" in page.edit_reason.text()
    window.grab().save(str(tmp_path / "edit-reason.png"))
    window.resize(800, 600)  # the page fits an 800-pixel screen (TEST30b B4): the line wraps, not widens
    qtbot.wait(10)
    assert window.width() <= 800 and page.edit_reason.isVisible()
    window.grab().save(str(tmp_path / "edit-reason-800.png"))
    window.resize(1366, 768)

    page.table.setFocus()
    for _ in range(2):  # by the keyboard: to the typed school, and back
        qtbot.keyClick(page.table, Qt.Key.Key_Down if page.selected_id() == ids["school"] else Qt.Key.Key_Up)
        shown = page.edit_reason.isVisible()
        assert shown == (page.selected_id() == ids["school"]), page.selected_id()
        assert page.edit_button.isEnabled() == (page.selected_id() == typed.id)
    window.shutdown()
