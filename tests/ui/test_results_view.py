"""The results page, on rounds filled through the core with levels chosen so every number on the
page is known in advance."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPushButton, QTreeWidget

from qualityschool_desktop.paths import fonts_dir
from qualityschool_desktop.workspace import Workspace
from ui.common.digits import shown
from ui.assessment.results_view import ResultsView

# Round 2569's level for every item of each component: the component scores are these exactly,
# and the overall score (components weigh the same) is their mean, 3.80.
THIS_ROUND = {"1": 5, "2": 4, "3": 3, "4": 2, "5": 5}
PREVIOUS_ROUND = 3  # every item of round 2568



@pytest.fixture(scope="module", autouse=True)
def sarabun(qapp):  # type: ignore[no-untyped-def]
    for face in sorted(fonts_dir().glob("Sarabun-*.ttf")):
        QFontDatabase.addApplicationFont(str(face))


def answer_all(workspace: Workspace, assessment_id: str, level_of_component: dict[str, int]) -> None:
    framework = workspace.assessments.framework_of(workspace.assessments.get(assessment_id))
    for component in framework.components:
        for item in component.items:
            workspace.answers.set_level(assessment_id, item.code, level_of_component[component.code])


def show(qtbot, workspace: Workspace, assessment_id: str) -> ResultsView:  # type: ignore[no-untyped-def]
    view = ResultsView(workspace, assessment_id)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def two_rounds(memory_workspace: Workspace, school):  # type: ignore[no-untyped-def]
    previous = memory_workspace.assessments.start(school.id, 2568)
    answer_all(memory_workspace, previous.id, {code: PREVIOUS_ROUND for code in THIS_ROUND})
    memory_workspace.assessments.submit(previous.id)
    current = memory_workspace.assessments.start(school.id, 2569)
    answer_all(memory_workspace, current.id, THIS_ROUND)
    return previous, current


def test_component_scores_band_and_the_previous_round(qtbot, memory_workspace, two_rounds) -> None:  # type: ignore[no-untyped-def]
    _previous, current = two_rounds
    view = show(qtbot, memory_workspace, current.id)

    assert view.table_row("1") == {
        "องค์ประกอบ": "๑. ด้านโครงสร้างพื้นฐานและระบบสนับสนุนผู้เรียน",
        "รอบก่อน": "๓.๐๐",
        "รอบนี้": "๕.๐๐",
        "เปลี่ยนแปลง": "▲ +๒.๐๐",
        "ระดับ": "ยอดเยี่ยม",
        "กลุ่มความพร้อม": "มีความพร้อม",
        "ตอบแล้ว": "๑๐/๑๐",
    }
    assert view.table_row("2")["รอบนี้"] == "๔.๐๐"
    assert view.table_row("2")["กลุ่มความพร้อม"] == "มีความพร้อม"
    assert view.table_row("3")["เปลี่ยนแปลง"] == "= ๐.๐๐"
    assert view.table_row("3")["กลุ่มความพร้อม"] == "อยู่ในเกณฑ์มาตรฐาน"
    four = view.table_row("4")
    assert (four["รอบนี้"], four["เปลี่ยนแปลง"], four["ระดับ"], four["กลุ่มความพร้อม"]) == (
        "๒.๐๐", "▼ −๑.๐๐", "ปานกลาง", "ต้องเร่งพัฒนา"
    )
    overall = view.table_row("overall")
    assert (overall["รอบก่อน"], overall["รอบนี้"], overall["เปลี่ยนแปลง"], overall["ระดับ"], overall["ตอบแล้ว"]) == (
        "๓.๐๐", "๓.๘๐", "▲ +๐.๘๐", "ดีเลิศ", "๗๔/๗๔"
    )
    chip = view.band_chip()
    assert chip.label == "กลุ่มสีเขียว"
    assert chip.colour.name() == "#43a047"
    assert not view.provisional_notice_shown()
    # The chart carries both rounds.
    assert [(bar.current, bar.previous) for bar in view._chart.bars] == [
        (5.0, 3.0), (4.0, 3.0), (3.0, 3.0), (2.0, 3.0), (5.0, 3.0)
    ]


def test_weakest_items_open_the_assessment_at_that_item(qtbot, memory_workspace, two_rounds) -> None:  # type: ignore[no-untyped-def]
    _previous, current = two_rounds
    view = show(qtbot, memory_workspace, current.id)
    framework = memory_workspace.frameworks.latest()
    # Lowest level first, then checklist order: the first items of component 4 (all at level 2).
    assert view.weakest_codes() == [item.code for item in framework.component("4").items[:5]]

    weakest = view.findChild(QTreeWidget, "weakestItems")
    first = weakest.topLevelItem(0)
    assert "ระดับ ๒ ปานกลาง" == first.text(2)
    # The form's own item number beside ours, as in the main tables (issue 11 #14).
    official = framework.component("4").items[0].official_number
    assert official and f"(แบบรายงานข้อ {shown(official)})" in first.text(1)
    emitted: list[tuple[str, list[str]]] = []
    view.item_requested.connect(lambda *args: emitted.append(("item", list(args))))
    view.edit_requested.connect(lambda *args: emitted.append(("edit", list(args))))
    rect = weakest.visualItemRect(first)
    qtbot.mouseClick(weakest.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert emitted == [
        ("item", [current.id, framework.component("4").items[0].code]),
        ("edit", [current.id]),
    ]


def test_an_incomplete_round_is_marked_provisional(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    assessment = memory_workspace.assessments.start(school.id, 2569)
    for item in memory_workspace.frameworks.latest().items[:10]:
        memory_workspace.answers.set_level(assessment.id, item.code, 4)
    view = show(qtbot, memory_workspace, assessment.id)

    assert view.provisional_notice_shown()
    assert "ยังตอบไม่ครบ (ตอบแล้ว ๑๐ จาก ๗๔ ประเด็น)" in view._provisional.text()
    assert "ผลเบื้องต้น" in view._provisional.text()
    assert view.table_row("2")["รอบนี้"] == "–"
    assert view.table_row("overall")["ตอบแล้ว"] == "๑๐/๗๔"
    # No earlier round: nothing to compare with, and the page says so.
    assert view.table_row("1")["รอบก่อน"] == "–"
    assert view._previous_label.text() == "ยังไม่มีรอบก่อนให้เทียบ"


def test_back_and_edit_buttons(qtbot, memory_workspace, two_rounds) -> None:  # type: ignore[no-untyped-def]
    _previous, current = two_rounds
    view = show(qtbot, memory_workspace, current.id)
    with qtbot.waitSignal(view.edit_requested) as blocker:
        qtbot.mouseClick(view.findChild(QPushButton, "editAnswersButton"), Qt.MouseButton.LeftButton)
    assert blocker.args == [current.id]
    with qtbot.waitSignal(view.back_requested):
        qtbot.mouseClick(view.findChild(QPushButton, "viewBackButton"), Qt.MouseButton.LeftButton)


def test_the_results_say_which_goals_of_the_plan_moved(qtbot, memory_workspace, two_rounds) -> None:  # type: ignore[no-untyped-def]
    previous, current = two_rounds
    plans = memory_workspace.plans
    plan = plans.create(previous.school_id, 2569, base=(2568, 1))
    plans.add_goal(plan.id, "1", "อาคารสถานที่ปลอดภัย", ("1.1.1",), 5)  # 3 → 5: moved
    plans.add_goal(plan.id, "3", "ครูจัดการเรียนรู้เชิงรุก", ("3.1.1",), 4)  # 3 → 3: not yet
    view = show(qtbot, memory_workspace, current.id)
    assert view.plan_notice() == ("แผนพัฒนา ๒๕๖๙ (เริ่มจากรอบที่ ๑/๒๕๖๘): เป้าหมายที่ขยับขึ้น ๑ จาก ๒ เป้าหมาย"
                                  " ได้แก่ อาคารสถานที่ปลอดภัย")
    assert show(qtbot, memory_workspace, previous.id).plan_notice() == ""  # the plan starts from it


def test_the_level_word_and_the_readiness_group_say_what_each_means(qtbot, memory_workspace, school) -> None:  # type: ignore[no-untyped-def]
    """TEST32b B15: a component at 2.89 reads "ดี" beside red "ต้องเร่งพัฒนา": two scales with different
    cut-offs (the standard five level words; the office's readiness groups from 3.00 and 4.00). The page
    lists the level words' ranges beside the groups' and says where the two part, so one number no
    longer reads as "good" and "needs urgent development" without a word why."""
    current = memory_workspace.assessments.start(school.id, 2569)
    answer_all(memory_workspace, current.id, THIS_ROUND)
    view = show(qtbot, memory_workspace, current.id)
    legend = view.criteria_text()
    for words in ("ยอดเยี่ยม ≥ ๔.๕๐", "ดี ≥ ๒.๕๐", "กำลังพัฒนา < ๑.๕๐", "ต้องเร่งพัฒนา < ๓.๐๐",
                  "คะแนน ๒.๕๐–๒.๙๙ ได้ระดับ “ดี” แต่อยู่ในกลุ่ม “ต้องเร่งพัฒนา”",
                  "คะแนน ๓.๕๐–๓.๙๙ ได้ระดับ “ดีเลิศ” แต่อยู่ในกลุ่ม “อยู่ในเกณฑ์มาตรฐาน”"):
        assert words in legend, words
    level_tip, group_tip = (view.header_tip(header) for header in ("ระดับ", "กลุ่มความพร้อม"))
    assert "ระดับคุณภาพ" in level_tip and "๒.๕๐" in level_tip
    assert "ต้องเร่งพัฒนา" in group_tip and "๓.๐๐" in group_tip
