"""TEST31 T3 and T12: a preview names a file's sender by what a district recognises (the school
whose key signed it, the supervisor whose visits it carries), the computer's name only as a detail;
its counts are the records a person sees (a record deleted at the sender is not counted new)."""

from __future__ import annotations

import platform

from qualityschool_desktop import exchange

from tests.laptops import CODE_A, NAME_A, laptops, start_school, start_visit  # noqa: F401 (fixture)
from tests.test_exchange_accept_owners import Laptops

VISITOR = "นางวิไล รักการสอน"


def test_a_school_s_file_is_sent_by_the_school_not_by_the_computer(laptops: Laptops) -> None:  # noqa: F811
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    sent = school.export("all.qsx")  # everything of the school's laptop, as the tester sent it
    preview = district.preview(sent)  # first sight: the key is not bound here yet
    assert preview.sender.words() == f"{NAME_A} (รหัส {CODE_A})"
    assert preview.lines()[0].startswith(f"ไฟล์ all.qsx: ส่งออกโดย {NAME_A} (รหัส {CODE_A})")
    assert f"ลงนามโดย {NAME_A} (รหัส {CODE_A})" in preview.lines()[1]
    district.import_(sent)
    again = district.preview(school.export("again.qsx"))  # bound now: the same words
    assert again.sender.words() == f"{NAME_A} (รหัส {CODE_A})"
    assert again.sender.machine == platform.node()  # the computer's name: a detail, still there


def test_a_supervisor_s_visits_are_sent_by_the_supervisor(laptops: Laptops) -> None:  # noqa: F811
    school, supervisor, district = laptops("school-a"), laptops("supervisor"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    first = school.export("school.qsx")
    supervisor.import_(first)
    district.import_(first)
    with supervisor.open() as workspace:
        start_visit(workspace, ids["school"], visitor=VISITOR)
    for sent in (supervisor.export("visits.qsx", visitor=VISITOR), supervisor.export("all.qsx")):
        preview = district.preview(sent)
        assert preview.sender.words() == f"ผู้นิเทศ {VISITOR}", sent.name
        assert preview.lines()[0].startswith(f"ไฟล์ {sent.name}: ส่งออกโดย ผู้นิเทศ {VISITOR}")


def test_a_record_deleted_at_the_school_is_not_counted_new(laptops: Laptops) -> None:  # noqa: F811
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        items = [workspace.budget.add(ids["school"], 2569, "equipment", description=f"รายการที่ {n}", quantity=1,
                                      unit="ชุด", unit_price=1000) for n in range(4)]
        workspace.budget.remove(items[3].id)  # the budget tab shows 3
    preview = district.preview(school.export("a.qsx"))
    counts = preview.counts["budget_requests"]
    assert counts.new - counts.new_deleted == 3 and counts.new_deleted == 1
    line = next(line for line in preview.lines() if "คำขอรับการสนับสนุนงบประมาณ" in line)
    assert "ใหม่ 3 " in line and "ที่ลบแล้ว 1" in line


def test_a_record_deleted_at_the_school_is_not_counted_unchanged(laptops: Laptops) -> None:  # noqa: F811
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        items = [workspace.budget.add(ids["school"], 2569, "equipment", description=f"รายการที่ {n}", quantity=1,
                                      unit="ชุด", unit_price=1000) for n in range(4)]
        workspace.budget.remove(items[3].id)
    district.import_(school.export("a.qsx"))
    again = district.preview(school.export("b.qsx"))  # the same file again: 3 items as before
    line = next(line for line in again.lines() if "คำขอรับการสนับสนุนงบประมาณ" in line)
    assert "เหมือนเดิม 3 " in line and "ที่ลบแล้ว 1" in line, line
    assert again.lines()[1].startswith(f"  ลงนามโดย {NAME_A} (รหัส {CODE_A}) · ลายนิ้วมือ ")


def test_an_export_says_whose_it_is(laptops: Laptops) -> None:  # noqa: F811
    school = laptops("school-a")
    with school.open() as workspace:
        start_school(workspace)
    with school.open() as workspace:
        from qualityschool_desktop import exchange

        summary = exchange.export_file(workspace, school.root / "a.qsx")
    line = next(line for line in summary.lines() if "ลงนามโดย" in line)
    assert line.startswith(f"  ลงนามโดย {NAME_A} (รหัส {CODE_A}) · เครื่อง {platform.node()} · ลายนิ้วมือ "), line


def test_a_second_laptop_bound_by_its_8_groups_is_named_as_the_school(laptops: Laptops) -> None:  # noqa: F811
    """TEST31b U9: the school's second laptop, bound here by the 8 groups read over the phone before
    its first file came: the preview of that file names the school, not "เครื่อง vm"."""
    school, second, district = laptops("school-a"), laptops("school-a2"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    first = school.export("a.qsx")
    district.import_(first)
    second.import_(first)
    with second.open() as workspace:
        exchange.bind(workspace, exchange.fingerprint_groups(second.fingerprint, full=True), CODE_A)  # its own key
        workspace.schools.update(workspace.schools.list()[0].id, pupils=250)
    sent = second.export("a2.qsx")
    with district.open() as workspace:
        exchange.bind(workspace, exchange.fingerprint_groups(second.fingerprint), CODE_A)  # waits for the key
    preview = district.preview(sent)
    assert preview.sender.words() == f"{NAME_A} (รหัส {CODE_A})"
    assert f"ลงนามโดย {NAME_A} (รหัส {CODE_A})" in preview.lines()[1]
    district.import_(sent)
    again = district.preview(second.export("a2-again.qsx"))  # bound now: the same words
    assert again.sender.words() == f"{NAME_A} (รหัส {CODE_A})"
