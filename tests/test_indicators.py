"""An area office's indicators (issue 14, part 3; seed 003): yearly targets and actuals saved as
typed, actuals computed from the schools' data equal a hand count, bad input refused in Thai."""

from __future__ import annotations

import pytest

from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.indicators.computed import computed_actual, computed_actuals
from qualityschool_desktop.workspace import Workspace

OFFICE = "สพป.ตาก เขต 1"
NAME = "ร้อยละของสถานศึกษาที่มีผลการประกันคุณภาพภายในระดับดีเลิศขึ้นไป"  # seed 003


def test_targets_per_year_round_trip_any_span(memory_workspace: Workspace) -> None:
    store = memory_workspace.indicators
    made = store.add(OFFICE, NAME, unit="ร้อยละ", responsible="สพฐ. 66- 70",
                     targets={2566: "65", 2567: "๖๗", 2568: "69", 2569: "71", 2570: "73%"})
    assert made.years == (2566, 2567, 2568, 2569, 2570)
    store.set_yearly(made.id, "actuals", 2566, "๖๒.๕")
    again = store.for_office(OFFICE)
    assert [(i.name, i.unit, i.responsible) for i in again] == [(NAME, "ร้อยละ", "สพฐ. 66- 70")]
    assert again[0].targets == {2566: 65, 2567: 67, 2568: 69, 2569: 71, 2570: 73}
    assert again[0].actuals == {2566: 62.5}
    # any span: a three-year indicator, and widening a span keeps what was typed
    short = store.add(OFFICE, "จำนวนภาคีเครือข่าย", unit="หน่วยงาน", first_year="๒๕๖๘", last_year=2570)
    assert short.years == (2568, 2569, 2570)
    store.set_yearly(short.id, "targets", 2570, "18")
    assert store.update(short.id, first_year=2566).targets == {2570: 18}
    assert [i.name for i in store.for_office(OFFICE)] == [NAME, "จำนวนภาคีเครือข่าย"]
    # blank empties a year; every saved change is in the history
    store.set_yearly(made.id, "actuals", 2566, "")
    assert store.get(made.id).actuals == {}
    assert [(h.field, h.old_value, h.new_value) for h in store.history(made.id)] == [
        ("actuals.2566", None, "62.5"), ("actuals.2566", "62.5", None)]
    assert store.for_office("สพม.ตาก") == []


def test_bad_input_is_refused_in_thai_and_changes_nothing(memory_workspace: Workspace) -> None:
    store = memory_workspace.indicators
    made = store.add(OFFICE, NAME, unit="ร้อยละ", targets={2566: 65})
    for call, message in (
        (lambda: store.set_yearly(made.id, "targets", 2567, "มาก"), "ค่าเป้าหมาย"),
        (lambda: store.set_yearly(made.id, "targets", 2571, "80"), "อยู่นอกช่วงค่าเป้าหมาย"),
        (lambda: store.set_yearly(made.id, "actuals", 2567, "10,000,000,000,000"), "มากเกินจริง"),
        (lambda: store.update(made.id, name="ก" * 256), "ตัวชี้วัดยาวเกินกำหนด"),
        (lambda: store.update(made.id, first_year="2499"), "ปีแรกของค่าเป้าหมาย"),
        (lambda: store.update(made.id, last_year="สองพัน"), "ต้องเป็นปี พ.ศ."),
        (lambda: store.update(made.id, last_year=2580), "ไม่เกิน ๑๐ ปี"),
        (lambda: store.update(made.id, first_year=2571), "ต้องไม่ก่อนปีแรก"),
        (lambda: store.update(made.id, computed="magic"), "ไม่มีผลที่คำนวณได้"),
        (lambda: store.add("", NAME), "สำนักงานเขตพื้นที่"),
    ):
        with pytest.raises(ValidationError, match=message):
            call()
    assert store.for_office(OFFICE) == [made]
    assert store.history(made.id) == []


def _school(workspace: Workspace, code: str, office: str = OFFICE) -> str:
    return workspace.schools.add(code=code, name=f"โรงเรียน {code}", province="ตาก", district="เมืองตาก",
                                 area_office=office, level="primary").id


def _round(workspace: Workspace, school_id: str, year: int, round: int, level: int, *, submit: bool = True) -> None:
    assessment = workspace.assessments.start(school_id, year, round=round)
    for item in workspace.frameworks.latest().items:
        workspace.answers.set_level(assessment.id, item.code, level)
    if submit:
        workspace.assessments.submit(assessment.id)


def test_computed_actuals_equal_a_hand_count(memory_workspace: Workspace) -> None:
    w = memory_workspace
    a, b, c, d = (_school(w, f"630100000{n}") for n in range(1, 5))
    other = _school(w, "6302000009", "สพป.ตาก เขต 2")
    _round(w, a, 2568, 1, 5)  # purple: top
    _round(w, b, 2568, 1, 2)  # red in round 1 …
    _round(w, b, 2568, 2, 4)  # … blue in round 2, its latest submitted round: top
    _round(w, c, 2568, 1, 3)  # yellow: not top
    _round(w, c, 2568, 2, 5, submit=False)  # a draft does not count
    _round(w, d, 2567, 1, 5)  # another year
    _round(w, other, 2568, 1, 5)  # another office
    # By hand: 2568 — a, b, c assessed (3); a and b in ม่วง/ฟ้า/เขียว: 2 of 3 = 66.67 %.
    assert computed_actual(w, OFFICE, "schools_assessed", 2568) == 3
    assert computed_actual(w, OFFICE, "top_bands_share", 2568) == 66.67
    assert computed_actual(w, OFFICE, "top_bands_share", 2566) is None
    share = w.indicators.add(OFFICE, "ร้อยละของโรงเรียนคุณภาพในกลุ่มสีระดับบน", unit="ร้อยละ",
                             computed="top_bands_share")
    assert computed_actuals(w, share) == {2567: 100.0, 2568: 66.67}
    counted = w.indicators.add(OFFICE, "จำนวนโรงเรียนคุณภาพที่ประเมิน", unit="โรงเรียน", computed="schools_assessed")
    # A year with no round at all of the office's schools has no data ("–"), not ๐ (TEST14 finding 17);
    # a year with only drafts has data: none submitted yet.
    assert computed_actuals(w, counted) == {2567: 1, 2568: 3}
    assert computed_actual(w, OFFICE, "schools_assessed", 2566) is None
    _round(w, a, 2569, 1, 5, submit=False)
    assert computed_actuals(w, counted) == {2567: 1, 2568: 3, 2569: 0}
