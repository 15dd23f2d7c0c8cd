"""Text pasted from a web page or a PDF often carries a zero-width space between Thai words; the
school search found nothing for "แม่\u200bสอด" while the stored names (cleaned of it) read แม่สอด
(try11b F17). The search reads its query as the core cleans a field."""

from __future__ import annotations

from typing import Any

import pytest

from qualityschool_desktop.workspace import Workspace
from ui.schools.schools_page import SchoolsPage

from .keyboard import show_active

pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.mark.parametrize("pasted", ["แม่\u200bสอด", "\u200bแม่สอด\u200b", "แม่\u2060สอด", "\ufeffแม่สอด"])
def test_a_pasted_query_with_invisible_characters_finds_the_schools(qtbot: Any, memory_workspace: Workspace,
                                                                     pasted: str) -> None:
    ws = memory_workspace
    ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด", area_office="สพป.ตาก เขต 2")
    ws.schools.add(code="6301000001", name="โรงเรียนบ้านตาก", district="บ้านตาก", area_office="สพป.ตาก เขต 1")
    page = show_active(qtbot, SchoolsPage(ws))
    page.refresh()
    page.search.setText(pasted)
    assert page.proxy.rowCount() == 1
    assert "ไม่พบ" not in page.count_label.text()


def test_the_search_finds_the_schools_of_an_area_office(qtbot: Any, memory_workspace: Workspace) -> None:
    """test29 B3: "เขต ๒" found nothing although the list showed "สพป.ตาก เขต ๒"; a เขต ๑ school whose
    code holds a 2 is not among them."""
    ws = memory_workspace
    ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด", area_office="สพป.ตาก เขต 2")
    ws.schools.add(code="6301000002", name="โรงเรียนบ้านตาก", district="บ้านตาก", area_office="สพป.ตาก เขต 1")
    page = show_active(qtbot, SchoolsPage(ws))
    page.refresh()
    assert "สังกัด" in page.search.placeholderText()
    page.search.setText("เขต ๒")
    assert page.visible_names() == ["โรงเรียนบ้านแม่สอด"]
