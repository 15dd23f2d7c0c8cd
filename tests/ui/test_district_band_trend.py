"""Fewer schools in the red band is drawn as good news on the district page (issue 11): the
change under a band's chip and in the progress table is green, and says "ดีขึ้น", when the
band's count moved the right way; red and "แย่ลง" when it moved the wrong way."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ui.district.page import DistrictPage
from ui.district.widgets import DOWN_COLOUR, UP_COLOUR

from .test_district_page import build, sarabun, show  # noqa: F401  (sarabun: the module's font fixture)


def chip_colour(page: DistrictPage, key: str) -> str:
    style = page.band_deltas[key].styleSheet()
    return style.split("color:")[1].split(";")[0].strip() if "color:" in style else ""


def test_a_fall_in_the_red_band_is_an_improvement(qtbot, memory_workspace) -> None:  # type: ignore[no-untyped-def]
    schools = build(memory_workspace)
    # C sends its round 2 at last, all level 5.
    draft = memory_workspace.assessments.find(schools["c"].id, 2569, 2)
    for item in memory_workspace.assessments.framework_of(draft).items:
        memory_workspace.answers.set_level(draft.id, item.code, 5)
    memory_workspace.assessments.submit(draft.id)
    page = show(qtbot, memory_workspace)
    # Round 2 against round 1: red 1 → 0, light blue 1 → 0, purple 0 → 2.
    assert page.band_deltas["red"].text() == "▼ ๑"
    assert chip_colour(page, "red") == UP_COLOUR and "ดีขึ้น" in page.band_deltas["red"].toolTip()
    assert chip_colour(page, "purple") == UP_COLOUR and "ดีขึ้น" in page.band_deltas["purple"].toolTip()
    assert chip_colour(page, "blue") == DOWN_COLOUR and "แย่ลง" in page.band_deltas["blue"].toolTip()
    assert chip_colour(page, "yellow") == ""  # the same as before

    table = page.progress_table
    names = [table.rows()[row][0] for row in range(table.rowCount())]
    red = table.item(names.index("แดง"), 3)
    assert red.text() == "▼ ๑" and red.foreground().color() == QColor(UP_COLOUR)
    assert "ดีขึ้น" in red.toolTip()
    blue = table.item(names.index("ฟ้า"), 3)
    assert blue.foreground().color() == QColor(DOWN_COLOUR)
