"""s35 exch35 (TEST34B B3): the school's two laptops holding identical rows.

Both laptops of one school set item 1.1.1 to the same level apart (joined, no conflict) and item
1.1.2 to different levels (a real conflict, open on both). After the files crossed, each holds the
same rows. The second laptop's next file carried, beside its own joined rows, the first laptop's
older sealed versions it kept (``owner_versions``): at the second laptop its own key was not counted
among the school's owners its statement names, so its own version in use looked like "not the
owner's". The first laptop (and the district) then read "ของเครื่องนี้ใหม่กว่า 2" for rows that are
identical. And the warning about the sender's open conflict told the school's own laptop's reader
that "the other version must come from the data's owner": the sender IS the owner; it says to
settle it on that laptop instead.
"""

from __future__ import annotations

from qualityschool_desktop.exchange.package import RELAYED

from .laptops import Laptop, Laptops, laptops, read_members, two_laptops_of_the_school  # noqa: F401 (a fixture)


def _crossed(laptops: Laptops) -> tuple[Laptop, Laptop, Laptop]:
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    for laptop, level in ((a1, 1), (a2, 2)):
        with laptop.open() as workspace:
            workspace.answers.set_level(ids["assessment"], ids["item"], 4)  # the same on both
            workspace.answers.set_level(ids["assessment"], ids["item2"], level)  # a real conflict
            workspace.answers.flush_pending()
    f1, f2 = a1.export("a1.qsx"), a2.export("a2.qsx")
    a1.import_(f2)
    a2.import_(f1)
    district.import_(f1)
    district.import_(f2)
    return a1, a2, district


def test_identical_rows_from_the_school_s_other_laptop_are_the_same_not_older(laptops: Laptops) -> None:
    a1, a2, district = _crossed(laptops)
    again = a2.export("a2-again.qsx")
    assert not [name for name in read_members(again) if name.startswith(RELAYED)]  # its own rows are the owner's
    answers = a1.preview(again).counts["answers"]
    assert answers.older == 0 and answers.unchanged_shown == 3 and answers.updated == 0, answers
    # The district kept one side of 1.1.1 until a laptop of the school joined them: the join updates it,
    # and nothing is "ของเครื่องนี้ใหม่กว่า".
    answers = district.preview(again).counts["answers"]
    assert answers.older == 0 and answers.unchanged_shown + answers.updated == 3, answers


def test_the_owner_s_open_conflict_is_said_as_the_owner_s_to_settle(laptops: Laptops) -> None:
    a1, a2, district = _crossed(laptops)
    again = a2.export("a2-again.qsx")
    for receiver in (a1, district):
        warnings = " ".join(receiver.preview(again).warnings)
        assert "แก้ไขซ้อนกันค้างอยู่ ๑ รายการ" in warnings or "แก้ไขซ้อนกันค้างอยู่ 1 รายการ" in warnings, warnings
        assert "ต้องมาจากเจ้าของข้อมูลเอง" not in warnings, warnings  # the sender is the owner
        assert "เครื่องที่ส่ง" in warnings and "รายการข้อมูลที่แก้ไขซ้อนกัน" in warnings, warnings
