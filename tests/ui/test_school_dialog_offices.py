"""The school dialog's สังกัด list reads in one digit style and one Thai order (try11b F1): it listed
"สพป.ตาก เขต 1" (as stored) above "สพป. เขต ๑" (the templates), in two runs sorted apart. Picking an
office keeps its stored text, so an edit never rewrites a school's office in other digits."""

from __future__ import annotations

import re

import pytest

from qualityschool_desktop.workspace import Workspace
from ui.common import digits
from ui.schools.school_dialog import SchoolDialog

pytestmark = pytest.mark.usefixtures("styled_app", "thai_digits_after")


def items(dialog: SchoolDialog) -> list[str]:
    return [dialog.area_office.itemText(i) for i in range(dialog.area_office.count())]


@pytest.mark.parametrize(("style", "other_digits"), [("thai", r"[0-9]"), ("arabic", r"[๐-๙]")])
def test_the_offices_read_in_the_window_s_digits_and_in_one_order(qtbot, memory_workspace: Workspace,  # type: ignore[no-untyped-def]
                                                                   style: str, other_digits: str) -> None:
    digits.set_style(style)
    ws = memory_workspace
    ws.schools.add(code="6301000001", name="โรงเรียนบ้านตาก", area_office="สพป.ตาก เขต 1")
    ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", area_office="สพป.ตาก เขต 2")
    school = ws.schools.add(code="6303000001", name="โรงเรียนตากพิทยาคม", area_office="สพม.ตาก")
    dialog = SchoolDialog(ws, school)
    qtbot.addWidget(dialog)
    listed = items(dialog)
    assert [text for text in listed if re.search(other_digits, text)] == []
    assert listed.index(digits.shown("สพป. เขต 1")) < listed.index("สพม.")  # สพป. before สพม., all of them
    assert listed.index(digits.shown("สพป.ตาก เขต 2")) < listed.index("สพม.ตาก")
    dialog.area_office.setCurrentIndex(listed.index(digits.shown("สพป.ตาก เขต 1")))
    assert dialog.values()["area_office"] == "สพป.ตาก เขต 1"  # as stored
