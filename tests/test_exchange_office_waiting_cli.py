"""s35 exch35 (TEST34B B7, B8): the school imports the office's file on the command line.

The office's review verdict and budget decision wait for the office's key, but they are the
office's own records: the line "not by the owner" left them out only in the window. The command
line counts them as the window does, apart, and ends with what waits and what to do about it.
"""

from __future__ import annotations

import io
from pathlib import Path

from qualityschool_desktop import cli

from .laptops import CODE_A, Laptop, Laptops, laptops  # noqa: F401 (laptops is a fixture)
from .test_budget_approvals import projector_asked

NOT_BY_OWNER = "แก้ไขโดยกุญแจที่ไม่ใช่เจ้าของข้อมูล"


def _imported(school: Laptop, path: Path) -> str:
    school.activate()
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(cli.parse(["import", "--db", str(school.db), str(path)]), out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


def _office_file(laptops: Laptops) -> tuple[Laptop, Laptop, str, Path]:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids, item = projector_asked(workspace)
        workspace.assessments.submit(ids["assessment"])
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:  # a verdict and a budget decision, the key unbound at the school
        workspace.reviews.decide(ids["assessment"], "accepted", "")
        workspace.budget.set_approval(item.id, "10000", "")
    return school, district, item.id, district.export("d-1.qsx", school_codes=[CODE_A])


def test_the_office_s_decisions_are_not_counted_as_changes_by_a_key_that_does_not_own_them(
        laptops: Laptops) -> None:
    school, _district, _item, d1 = _office_file(laptops)
    said = _imported(school, d1)
    assert NOT_BY_OWNER not in said, said  # B7: both rows are the office's own, waiting for its key
    assert "ผลการตรวจของสำนักงาน 1 รายการ และผลการอนุมัติงบประมาณ 1 รายการ รอกุญแจของสำนักงาน" in said, said


def test_the_import_ends_with_the_office_s_decisions_waiting_and_what_to_do(laptops: Laptops) -> None:
    school, district, item, d1 = _office_file(laptops)
    _imported(school, d1)
    with district.open() as workspace:
        workspace.budget.set_approval(item, "0", "งบไม่พอ")  # the office changes its mind (B8's second file)
    said = _imported(school, district.export("d-2.qsx", school_codes=[CODE_A]))
    closing = said[said.index("นำเข้าแล้ว 1 ไฟล์"):]
    # The verdict waits already (brought again), the later budget decision replaces the earlier:
    # one of each, as the pending list and the window's result hold them.
    assert "ผลการตรวจของสำนักงาน 1 รายการ และผลการอนุมัติงบประมาณ 1 รายการรอตรวจสอบ" in closing, closing
    assert "signers --office" in closing and "ผูกเป็นกุญแจเขต" in closing, closing
    assert NOT_BY_OWNER not in said, said


def test_the_preview_counts_the_office_s_changed_budget_decision_as_the_import_does(laptops: Laptops) -> None:
    # B8 before the import: the preview counted the earlier decision waiting (replaced by the file's
    # later one) beside it: 3 waiting before, 2 after.
    school, district, item, d1 = _office_file(laptops)
    school.import_(d1)
    with district.open() as workspace:
        workspace.budget.set_approval(item, "0", "งบไม่พอ")
    d2 = district.export("d-2.qsx", school_codes=[CODE_A])
    preview = school.preview(d2)
    result = school.import_(d2)
    for told in (preview, result):
        budget = told.counts["budget_decisions"]
        assert budget.pending + budget.waiting == 1, (type(told).__name__, budget)
        assert len(told.pending) + len(told.already_waiting) == 2, (type(told).__name__, told.pending,
                                                                    told.already_waiting)


def test_a_school_new_to_both_decisions_previews_only_the_later_one_waiting(laptops: Laptops) -> None:
    school, district, item, _d1 = _office_file(laptops)  # the school never imported d-1
    with district.open() as workspace:
        workspace.budget.set_approval(item, "0", "งบไม่พอ")
    d2 = district.export("d-2.qsx", school_codes=[CODE_A])
    preview = school.preview(d2)
    result = school.import_(d2)
    for told in (preview, result):
        budget = told.counts["budget_decisions"]
        assert budget.pending + budget.waiting == 1, (type(told).__name__, budget)
