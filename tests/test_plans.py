"""Issue 14: the school's development plan is the school's: it round-trips through an exchange
file, and no other school's key nor a supervisor's changes it."""

from __future__ import annotations

from typing import Callable

import pytest

from qualityschool_desktop.errors import OwnershipError, ValidationError

from .laptops import CODE_A, CODE_B, NAME_B, Laptop, laptops, start_school  # noqa: F401 (fixture)
from .pdf_checks import needs_poppler

Laptops = Callable[[str], Laptop]


def make_plan(workspace, school_id: str) -> str:
    plans = workspace.plans
    plan = plans.create(school_id, 2569, 2570, title="แผนพัฒนาคุณภาพการศึกษา ๒๕๖๙–๒๕๗๐", base=(2568, 1))
    goal = plans.add_goal(plan.id, "1", "ครูจัดการเรียนรู้เชิงรุก", ("1.1.1",), 4)
    plans.add_indicator(plan.id, "ร้อยละของครูที่จัดการเรียนรู้เชิงรุก", unit="ร้อยละ", baseline="55",
                        targets={2569: "๗๐", 2570: "80"}, responsible="หัวหน้าฝ่ายวิชาการ", goal_id=goal.id)
    plans.add_activity(plan.id, "อบรมครู", owner="ฝ่ายวิชาการ", starts_on="2025-11-01",
                       ends_on="2026-03-31", budget_baht="150,000", goal_id=goal.id)
    return plan.id


def test_a_plan_round_trips_and_only_the_school_changes_it(laptops: Laptops) -> None:
    school, district, other = laptops("school"), laptops("district"), laptops("other-school")
    with school.open() as workspace:
        ids = start_school(workspace)
        plan_id = make_plan(workspace, ids["school"])
        sent = workspace.plans.parts(plan_id)
    district.import_(school.export("plan.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        got = workspace.plans.parts(plan_id)
        assert got == sent
        assert got.budget_total == 15_000_000  # satang
        assert got.indicators[0].targets == {2569: 70.0, 2570: 80.0}
        # The district (a supervisor's laptop) sees the plan but cannot change it.
        goal = got.goals[0]
        for attempt in (lambda: workspace.plans.update_part("plan_goals", goal.id, name="แก้ที่เขต"),
                        lambda: workspace.plans.add_activity(plan_id, "กิจกรรมของเขต"),
                        lambda: workspace.plans.create(ids["school"], 2571)):
            with pytest.raises(OwnershipError, match="แก้ไขได้ที่เครื่องของโรงเรียน"):
                attempt()
        assert workspace.plans.parts(plan_id) == sent
    # Another school's laptop that got the file cannot change it either, and a change it forges
    # behind the owner check waits at the district instead of applying.
    other.import_(school.export("plan2.qsx", school_codes=[CODE_A]))
    with other.open() as workspace:
        workspace.schools.add(code=CODE_B, name=NAME_B, district="แม่สอด", province="ตาก", level="primary")
        with pytest.raises(OwnershipError):
            workspace.plans.update_part("plan_goals", sent.goals[0].id, name="แก้โดยโรงเรียนอื่น")
        from .laptops import behind_owner_check
        with behind_owner_check(workspace):
            with workspace.db.write():
                workspace.db.execute("INSERT INTO accepting_changes (record_id) VALUES (?)", [sent.goals[0].id])
            workspace.plans.update_part("plan_goals", sent.goals[0].id, name="แก้โดยโรงเรียนอื่น")
    result = district.import_(other.export("forged.qsx"))
    assert result.counts["plan_goals"].pending == 1
    with district.open() as workspace:
        assert workspace.plans.parts(plan_id).goals[0].name == "ครูจัดการเรียนรู้เชิงรุก"
    # The school's own next change travels and applies.
    with school.open() as workspace:
        workspace.plans.update_part("plan_goals", sent.goals[0].id, name="ครูทุกคนจัดการเรียนรู้เชิงรุก")
    district.import_(school.export("plan3.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        assert workspace.plans.parts(plan_id).goals[0].name == "ครูทุกคนจัดการเรียนรู้เชิงรุก"


def test_bad_plan_input_gets_a_thai_message_and_changes_nothing(laptops: Laptops) -> None:
    with laptops("school").open() as workspace:
        ids = start_school(workspace)
        plan_id = make_plan(workspace, ids["school"])
        before = workspace.plans.parts(plan_id)
        activity = before.activities[0]
        cases = [
            (lambda: workspace.plans.update_part("plan_activities", activity.id, budget_baht="หนึ่งแสน"), "จำนวนเงิน"),
            (lambda: workspace.plans.update_part("plan_activities", activity.id, budget_baht="-5"), "ติดลบ"),
            (lambda: workspace.plans.update_part("plan_activities", activity.id, ends_on="2025-10-01"), "ก่อน"),
            (lambda: workspace.plans.update_plan(plan_id, last_year=2590), "๑๐ ปี"),
            (lambda: workspace.plans.create(ids["school"], 2569, 2568), "ปี"),
            (lambda: workspace.plans.set_yearly(before.indicators[0].id, "targets", 2569, "สูง"), "ตัวเลข"),
        ]
        for attempt, words in cases:
            with pytest.raises(ValidationError, match=words):
                attempt()
        assert workspace.plans.parts(plan_id) == before


def test_a_goal_names_only_items_of_its_rounds_framework(laptops: Laptops) -> None:
    """An item code the plan's round's checklist does not have is refused with a Thai message
    naming it, on adding and on changing a goal; nothing is written."""
    with laptops("school").open() as workspace:
        ids = start_school(workspace)
        plan_id = make_plan(workspace, ids["school"])
        before = workspace.plans.parts(plan_id)
        goal = before.goals[0]
        cases = [
            (lambda: workspace.plans.add_goal(plan_id, "1", "เป้าหมาย", ("1.1.1", "9.9.9")), "๙.๙.๙"),
            (lambda: workspace.plans.update_part("plan_goals", goal.id, item_codes=("1.1.1", "๑.๑.๙๙")), "๑.๑.๙๙"),
            (lambda: workspace.plans.update_part("plan_goals", goal.id, item_codes=("1",)), "ประเด็น"),
            (lambda: workspace.plans.add_goal(plan_id, "8", "เป้าหมาย"), "องค์ประกอบ ๘"),
        ]
        for attempt, words in cases:
            with pytest.raises(ValidationError, match=words):
                attempt()
        assert workspace.plans.parts(plan_id) == before
        workspace.plans.update_part("plan_goals", goal.id, item_codes=("1.1.2", "๑.๑.๓"))
        assert workspace.plans.parts(plan_id).goals[0].item_codes == ("1.1.2", "1.1.3")


def test_after_a_new_round_the_progress_shows_which_items_and_goals_moved(laptops: Laptops) -> None:
    from datetime import date

    from qualityschool_desktop.plans.progress import (
        goals_moved_in_round, latest_submitted, moved_sentence, plan_progress, suggestions,
    )

    with laptops("school").open() as workspace:
        school = workspace.schools.add(code=CODE_A, name="โรงเรียนบ้านแม่สอด", district="แม่สอด", province="ตาก",
                                       level="primary")
        items = workspace.frameworks.latest().items
        first = workspace.assessments.start(school.id, 2568)
        for item, level in zip(items[:4], (2, 3, 4, 1)):
            workspace.answers.set_level(first.id, item.code, level)
        workspace.answers.flush_pending()
        workspace.assessments.submit(first.id)
        visit = workspace.visits.start(school.id, visited_on=date(2025, 12, 1), purpose="ติดตามผล")
        workspace.visits.set_text(visit.id, items[5].code, "recommendations", "ควรจัดทำแผนนิเทศภายใน")
        workspace.visits.add_person(visit.id, "visitor", "นางกานดา รักเรียน")  # confirming needs a visitor (TEST34C C4)
        workspace.visits.finalise(visit.id)
        offered = suggestions(workspace, school.id)
        assert [s.item_code for s in offered][:4] == [items[3].code, items[0].code, items[1].code, items[2].code]
        assert offered[-1].item_code == items[5].code and "แผนนิเทศภายใน" in offered[-1].reason
        base = latest_submitted(workspace, school.id)
        plan = workspace.plans.create(school.id, 2569, base=(base.fiscal_year, base.round))
        raised = workspace.plans.add_goal(plan.id, items[0].component_code, "ยกระดับ", (items[0].code, items[3].code))
        still = workspace.plans.add_goal(plan.id, items[1].component_code, "คงไว้", (items[1].code,), 5)
        before = plan_progress(workspace, plan.id)
        assert before.now is None and before.moved_goals == ()
        second = workspace.assessments.start(school.id, 2569)
        for item, level in zip(items[:4], (3, 3, 4, 1)):
            workspace.answers.set_level(second.id, item.code, level)
        workspace.answers.flush_pending()
        workspace.assessments.submit(second.id)
        after = plan_progress(workspace, plan.id)
        assert after.now is not None and after.now.id == second.id
        by_goal = {g.goal.id: g for g in after.goals}
        assert by_goal[raised.id].moved and not by_goal[still.id].moved
        moved = {i.item_code: (i.before, i.now, i.target, i.moved, i.reached) for i in by_goal[raised.id].items}
        assert moved == {items[0].code: (2, 3, 3, True, True), items[3].code: (1, 1, 2, False, False)}
        assert [g.goal.id for g in after.moved_goals] == [raised.id]
        # The round's results view and report say which goals of the plans it follows moved.
        (found,) = goals_moved_in_round(workspace, second.id)
        assert found.plan.id == plan.id and found.before.id == first.id
        assert [g.goal.name for g in found.moved] == ["ยกระดับ"] and len(found.goals) == 2
        assert goals_moved_in_round(workspace, first.id) == []
        assert moved_sentence(found).endswith("เป้าหมายที่ขยับขึ้น 1 จาก 2 เป้าหมาย ได้แก่ ยกระดับ")
        assert [g.state for g in found.goals] == ["up", "same"]
        # TEST14 finding 8: one item up and one down is not "ขยับขึ้น"; only down is "ลดลง".
        third = workspace.assessments.start(school.id, 2569, round=2)
        for item, level in zip(items[:4], (3, 2, 4, 1)):  # items[0] 2→3, items[3] 1→1; items[1] 3→2
            workspace.answers.set_level(third.id, item.code, level)
        workspace.answers.flush_pending()
        workspace.assessments.submit(third.id)
        (found,) = goals_moved_in_round(workspace, third.id)
        assert [(g.goal.name, g.state, g.state_text) for g in found.goals] == [
            ("ยกระดับ", "up", "ขยับขึ้น"), ("คงไว้", "down", "ลดลง")]
        mixed = workspace.plans.add_goal(plan.id, items[0].component_code, "ผสม", (items[0].code, items[1].code))
        (found,) = goals_moved_in_round(workspace, third.id)
        by_name = {g.goal.name: g for g in found.goals}
        assert (by_name["ผสม"].state, by_name["ผสม"].state_text) == ("mixed", "ขยับขึ้นบางตัว บางตัวลดลง")
        assert [i.fell for i in by_name["ผสม"].items] == [False, True]
        sentence = moved_sentence(found)
        assert "เป้าหมายที่ขยับขึ้น 2 จาก 3 เป้าหมาย ได้แก่ ยกระดับ; ผสม (บางตัวลดลง)" in sentence
        assert sentence.endswith("เป้าหมายที่ลดลง 1 เป้าหมาย ได้แก่ คงไว้")


@needs_poppler
def test_report_plan_prints_goals_targets_per_year_and_the_budget_in_words(laptops: Laptops, tmp_path) -> None:
    import subprocess

    from qualityschool_desktop import cli

    school = laptops("school")
    with school.open() as workspace:
        ids = start_school(workspace)
        make_plan(workspace, ids["school"])
    school.activate()
    target = tmp_path / "แผน.pdf"
    assert cli.run(cli.parse(["report", "plan", "--db", str(school.db), "--school", CODE_A, "--year", "2569",
                              "--out", str(target)])) == 0
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    for words in ("แผนพัฒนาคุณภาพการศึกษา", "ครูจัดการเรียนรู้เชิงรุก", "๒๕๖๙", "๒๕๗๐", "ร้อยละ", "๘๐",
                  "อบรมครู", "๑๕๐,๐๐๐", "หนึ่งแสนห้าหมื่นบาทถ้วน"):
        assert words in text, words
    assert cli.run(cli.parse(["report", "plan", "--db", str(school.db), "--school", CODE_A, "--year", "2575",
                              "--out", str(tmp_path / "x.pdf")])) == cli.EXIT_ERROR


def test_a_parts_history_says_who_changed_which_field_when_and_to_what(laptops: Laptops) -> None:
    from qualityschool_desktop.plans.history import part_history

    with laptops("school").open() as workspace:
        ids = start_school(workspace)
        plan_id = make_plan(workspace, ids["school"])
        goal = workspace.plans.parts(plan_id).goals[0]
        workspace.plans.update_part("plan_goals", goal.id, name="ครูทุกคนจัดการเรียนรู้เชิงรุก")
        workspace.plans.update_part("plan_goals", goal.id, item_codes=("1.1.1", "1.1.2"), target_level=5)
        history = part_history(workspace.db, "plan_goals", goal.id)
        assert history.complete
        assert [(c.field, c.old_value, c.new_value) for c in history.changes] == [
            ("created", None, None),
            ("name", "ครูจัดการเรียนรู้เชิงรุก", "ครูทุกคนจัดการเรียนรู้เชิงรุก"),
            ("item_codes", ["1.1.1"], ["1.1.1", "1.1.2"]), ("target_level", 4, 5)]
        assert {c.changed_by for c in history.changes} == {workspace.installation_id}
        for number in range(6):
            workspace.plans.update_part("plan_goals", goal.id, name=f"เป้าหมาย {number}")
        later = part_history(workspace.db, "plan_goals", goal.id)
        # Every change is kept (try14 F16); quick saves of one field are one burst of typing.
        assert later.complete
        assert [(c.old_value, c.new_value) for c in later.changes if c.field == "name"] == [
            ("ครูจัดการเรียนรู้เชิงรุก", "เป้าหมาย 5")]


@needs_poppler
def test_the_rounds_report_says_which_plan_goals_moved(laptops: Laptops, tmp_path) -> None:
    import subprocess

    from qualityschool_desktop.reports.self_assessment import write_self_assessment_report

    with laptops("school").open() as workspace:
        ids = start_school(workspace)  # round 1/2568: the first three items at level 3
        workspace.assessments.submit(ids["assessment"])
        items = workspace.frameworks.latest().items
        plan = workspace.plans.create(ids["school"], 2569, base=(2568, 1))
        workspace.plans.add_goal(plan.id, items[0].component_code, "ครู & ผู้ปกครองร่วมพัฒนา 2 ด้าน", (items[0].code,), 4)
        workspace.plans.add_goal(plan.id, items[1].component_code, "คงไว้", (items[1].code,), 5)
        second = workspace.assessments.start(ids["school"], 2569)
        for item, level in zip(items[:3], (4, 3, 3)):
            workspace.answers.set_level(second.id, item.code, level)
        workspace.answers.flush_pending()
        target = write_self_assessment_report(workspace, second.id, tmp_path / "รายงาน.pdf")
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert ("แผนพัฒนา ๒๕๖๙ (เริ่มจากรอบที่ ๑/๒๕๖๘): เป้าหมายที่ขยับขึ้น ๑ จาก ๒ เป้าหมาย ได้แก่"
            " ครู & ผู้ปกครองร่วมพัฒนา 2 ด้าน") in text  # the school's own words as typed


@needs_poppler
@pytest.mark.parametrize("last_year", [2573, 2578])
def test_a_plan_of_many_years_prints_each_year_and_target_on_one_line(laptops: Laptops, tmp_path,
                                                                      last_year: int) -> None:
    """F14.6: a 5- or 10-year plan printed its years vertically ("๒ / ๕ / ๖ / ๙"); each year and
    each target is whole on one line now."""
    import subprocess

    from qualityschool_desktop import cli
    from qualityschool_desktop.thai import thai_digits

    school = laptops("school")
    with school.open() as workspace:
        ids = start_school(workspace)
        plan = workspace.plans.create(ids["school"], 2569, last_year)
        years = range(2569, last_year + 1)
        workspace.plans.add_indicator(plan.id, "ร้อยละของครูที่จัดการเรียนรู้เชิงรุก", unit="ร้อยละ", baseline="55.5",
                                      targets={y: f"{y - 2500}.25" for y in years}, responsible="หัวหน้าฝ่ายวิชาการ")
    school.activate()
    target = tmp_path / "แผน.pdf"
    assert cli.run(cli.parse(["report", "plan", "--db", str(school.db), "--school", CODE_A, "--year", "2569",
                              "--out", str(target)])) == 0
    lines = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    for year in years:
        for words in (thai_digits(str(year)), thai_digits(f"{year - 2500}.25")):
            assert any(words in line for line in lines), (words, lines)


def test_a_plan_refuses_nonsense_a_fresh_tester_typed(laptops: Laptops) -> None:
    """Issue 14 (tester): an item of another component, a level the checklist has not, a target
    for a year outside the plan, activity dates years away from the plan and satang in a whole-baht
    budget are each refused with a Thai message; nothing is written."""
    with laptops("school").open() as workspace:
        ids = start_school(workspace)
        plan_id = make_plan(workspace, ids["school"])
        before = workspace.plans.parts(plan_id)
        goal, indicator = before.goals[0], before.indicators[0]
        plans = workspace.plans
        cases = [
            (lambda: plans.add_goal(plan_id, "1", "x", ("5.2.4",)), "๕.๒.๔.*องค์ประกอบ ๑"),
            (lambda: plans.update_part("plan_goals", goal.id, item_codes=("1.1.1", "5.2.4")), "องค์ประกอบ ๑"),
            (lambda: plans.add_goal(plan_id, "2", "x", ("2.1.1",), 7), "ระดับ"),
            (lambda: plans.update_part("plan_goals", goal.id, target_level=0), "ระดับ"),
            (lambda: plans.add_indicator(plan_id, "y", targets={2590: 5}), "๒๕๙๐"),
            (lambda: plans.set_yearly(indicator.id, "actuals", 2580, "5"), "๒๕๘๐"),
            (lambda: plans.add_activity(plan_id, "นอกแผน", starts_on="2010-01-01", ends_on="2099-01-01"), "แผน"),
            (lambda: plans.add_activity(plan_id, "พ.ศ.", starts_on="2569-11-01", ends_on="2570-01-01"), "พ.ศ."),
            (lambda: plans.update_part("plan_activities", before.activities[0].id, ends_on="2099-01-01"), "แผน"),
            (lambda: plans.add_activity(plan_id, "สตางค์", budget_baht="100.505"), "สตางค์"),
        ]
        for attempt, words in cases:
            with pytest.raises(ValidationError, match=words):
                attempt()
        assert workspace.plans.parts(plan_id) == before
        # Within the plan's span ± one year is fine, and whole baht written with ".00" too.
        plans.add_activity(plan_id, "เตรียมการ", starts_on="2024-10-01", ends_on="2028-12-31", budget_baht="100.00")
        assert workspace.plans.parts(plan_id).activities[-1].budget_satang == 10000


def test_shrinking_a_plan_s_years_names_what_would_fall_outside(laptops: Laptops) -> None:
    """TEST14: shrinking the years left targets and dates outside the plan; now refused, naming them."""
    with laptops("school").open() as workspace:
        ids = start_school(workspace)
        plan_id = make_plan(workspace, ids["school"])
        before = workspace.plans.parts(plan_id)
        with pytest.raises(ValidationError, match="ร้อยละของครูที่จัดการเรียนรู้เชิงรุก.*ค่าเป้าหมายปี ๒๕๗๐"):
            workspace.plans.update_plan(plan_id, last_year=2569)
        with pytest.raises(ValidationError, match="ค่าเป้าหมายปี ๒๕๖๙"):
            workspace.plans.update_plan(plan_id, first_year=2570)
        activity = before.activities[0]
        workspace.plans.update_part("plan_activities", activity.id, ends_on="2027-06-30")
        with pytest.raises(ValidationError, match="อบรมครู.*วันสิ้นสุด"):
            workspace.plans.update_plan(plan_id, first_year=2568, last_year=2568)
        assert workspace.plans.get(plan_id) == before.plan  # nothing changed
        indicator = before.indicators[0]
        workspace.plans.set_yearly(indicator.id, "targets", 2570, "")
        workspace.plans.update_part("plan_activities", activity.id, ends_on="2026-03-31")
        assert workspace.plans.update_plan(plan_id, last_year=2569).last_year == 2569  # nothing outside now
