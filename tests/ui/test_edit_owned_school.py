"""TEST30a B12: at the district, "แก้ไขข้อมูล" on a school whose record came from the school's own
file opened an editable form, refused only on save with a "ลองอีกครั้ง" that could never succeed.
The reason is said before anyone types: the list's button is off with it, and the form (reached
another way) shows it with its fields read-only and no save."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from tests.laptops import Laptop, laptops, school_and_district  # noqa: F401 (fixture)
from ui.schools.school_dialog import SchoolDialog

from .test_exchange_review import open_window

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_district_is_told_before_editing_that_the_school_s_laptop_owns_its_record(
        qtbot: Any, laptops: Callable[[str], Laptop], tmp_path: Path) -> None:  # noqa: F811
    _school, district, ids, _file = school_and_district(laptops)
    window = open_window(qtbot, district, tmp_path)
    page = window.page("schools")
    assert page.select(ids["school"])
    assert not page.edit_button.isEnabled()
    assert "เครื่องของโรงเรียน" in page.edit_button.toolTip()

    workspace = window.workspace
    dialog = SchoolDialog(workspace, workspace.schools.get(ids["school"]))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pupils.setText("150")  # whatever is typed
    assert not dialog.ok_button.isEnabled() and not dialog.ok_button.isVisible()
    assert dialog.owned_notice.isVisible() and "เครื่องของโรงเรียน" in dialog.owned_notice.text()
    assert dialog.pupils.isReadOnly() and dialog.name.isReadOnly()
    dialog.grab().save(str(tmp_path / "edit-owned.png"))
    window.shutdown()
