"""The plan tab with a refused cell (TEST34B, 150 %): switching the plan's own tabs (เป้าหมาย /
ตัวชี้วัด / กิจกรรม) left the refused cell out of sight without a word (B11); a later paste that got
cleaned was stored with nothing said, the line showing only the old refusal (B12); the cleaning's
sentence contradicted itself for a one-line field and showed codes (B13)."""

from __future__ import annotations

import os
from typing import Any

from ui.plans.edits import A_NAME, A_OWNER

from .test_plan_refused_cells import LONG_NAME, answer, plan_with_activity
from .test_plan_tab import sarabun  # noqa: F401 (a fixture)

PASTED = "อบรม\u200bครู\x0bภาษาไทย"


def test_a_cleaned_paste_says_what_was_done_to_its_one_line_field(qtbot: Any, memory_workspace: Any,
                                                                   school: Any) -> None:
    panel, plan_id = plan_with_activity(qtbot, memory_workspace, school.id)
    panel.activities.item(0, A_OWNER).setText(PASTED)
    (activity,) = memory_workspace.plans.parts(plan_id).activities
    assert activity.owner == "อบรมครู ภาษาไทย"
    line = panel.message.text()
    assert "ลบอักขระที่มองไม่เห็น ๑ ตัว และเปลี่ยนอักขระควบคุม ๑ ตัวเป็นเว้นวรรค" in line, line
    assert "ขึ้นบรรทัดใหม่" not in line and "U+" not in line
    assert "U+200B" in panel.message.toolTip()


def test_a_cleaned_paste_is_said_while_a_refused_cell_still_shows(qtbot: Any, memory_workspace: Any,
                                                                 school: Any) -> None:
    panel, plan_id = plan_with_activity(qtbot, memory_workspace, school.id)
    panel.activities.item(0, A_NAME).setText(LONG_NAME)
    assert "กิจกรรมยาวเกินกำหนด" in panel.message.text()
    panel.activities.item(0, A_OWNER).setText(PASTED)
    (activity,) = memory_workspace.plans.parts(plan_id).activities
    assert activity.owner == "อบรมครู ภาษาไทย"
    line = panel.message.text()
    if os.environ.get("SHOTS"):
        panel.resize(1326, 560)
        qtbot.wait(50)
        panel.grab().save(f"{os.environ['SHOTS']}/plan-refused-and-cleaned.png")
    assert "กิจกรรมยาวเกินกำหนด" in line, line
    assert "ลบอักขระที่มองไม่เห็น ๑ ตัว และเปลี่ยนอักขระควบคุม ๑ ตัวเป็นเว้นวรรค" in line, line


def test_switching_the_plan_s_own_tabs_asks_about_a_refused_cell(qtbot: Any, memory_workspace: Any,
                                                                 school: Any, monkeypatch: Any) -> None:
    panel, plan_id = plan_with_activity(qtbot, memory_workspace, school.id)
    panel.activities.item(0, A_NAME).setText(LONG_NAME)
    asked = answer(monkeypatch, "stay")
    panel.parts_tabs.setCurrentIndex(0)  # เป้าหมาย
    assert asked and "กิจกรรมยาวเกินกำหนด" in asked[-1]
    assert panel.parts_tabs.currentIndex() == 2, "the refused cell went out of sight"
    assert panel.activities.rows_shown()[0][A_NAME] == LONG_NAME

    asked = answer(monkeypatch, "discard")
    panel.parts_tabs.setCurrentIndex(0)
    assert asked and panel.parts_tabs.currentIndex() == 0
    panel.parts_tabs.setCurrentIndex(2)
    assert panel.activities.rows_shown()[0][A_NAME] == "กิจกรรมใหม่"  # what is stored, shown again
    asked = answer(monkeypatch, "stay")
    panel.parts_tabs.setCurrentIndex(1)  # nothing refused now: no question
    assert asked == [] and panel.parts_tabs.currentIndex() == 1
