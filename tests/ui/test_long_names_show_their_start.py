"""A field the program fills shows the start of a long name, not its end scrolled in from the right
(try11b F11: "นฐานโดยครอบครัวและศูนย์การเรียนรู้" for "โครงการพัฒนาคุณภาพการศึกษาขั้นพื้นฐาน…")."""

from __future__ import annotations

from typing import Any

import pytest

from qualityschool_desktop.workspace import Workspace
from ui.projects.school_tab import SchoolProjectsTab

from .keyboard import show_active

pytestmark = pytest.mark.usefixtures("styled_app")

LONG = "โครงการพัฒนาคุณภาพการศึกษาขั้นพื้นฐานโดยครอบครัวและศูนย์การเรียนรู้ชุมชนเพื่อการเรียนรู้ตลอดชีวิต"


def test_a_long_project_name_shows_its_start(qtbot: Any, memory_workspace: Workspace) -> None:
    ws = memory_workspace
    school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านแม่ตาว", area_office="สพป.ตาก เขต 2")
    ws.projects.add(2569, LONG, school_id=school.id, status="finished")
    tab = SchoolProjectsTab(ws)
    tab.resize(900, 600)
    tab.editor.year_box.setValue(2569)
    show_active(qtbot, tab)
    tab.show_school(school.id)
    field = tab.editor.name_edit
    assert field.text() == LONG
    assert field.fontMetrics().horizontalAdvance(LONG) > field.width()  # it does not fit: which end shows?
    assert field.cursorPosition() == 0
    tab.close()
