"""TEST30a B6: a change kept for a person (รอตรวจสอบ) read "• คำตอบรายประเด็น ๑.๑.๒" inside B's card (the
reader assumed B's own item) and a rename read as the code with the *new* name. A pending change says
which school it touches, by its code and the name it has HERE."""

from __future__ import annotations

from qualityschool_desktop.thai import arabic_digits
from tests.laptops import CODE_A, NAME_A, behind_owner_check, laptops, school_and_district  # noqa: F401
from tests.test_exchange_accept_owners import Laptops


def test_a_pending_change_names_the_school_it_touches_as_named_here(laptops: Laptops) -> None:  # noqa: F811
    school, district, ids, first = school_and_district(laptops)
    mallory = laptops("mallory")
    mallory.import_(first)
    with mallory.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], name="โรงเรียนถูกเปลี่ยนชื่อ")
        workspace.answers.set_level(ids["assessment"], ids["item"], 1)
        workspace.answers.flush_pending()
    preview = district.preview(mallory.export("from-mallory.qsx"))
    said = {info.table: arabic_digits(str(info.description)) for info in preview.pending}
    assert "schools" in said and "answers" in said, said
    assert CODE_A in said["answers"] and NAME_A in said["answers"], said
    assert NAME_A in said["schools"] and "โรงเรียนถูกเปลี่ยนชื่อ" in said["schools"], said
