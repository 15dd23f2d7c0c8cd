"""Issue 10 (fx30 B7a): after importing with "this is the same school" ticked, the result says what
moved, as the card said before the import: which school typed here became the school's own (its
typed name, the school's own name), what of the typed record now sits with the school (comments,
contacts, visits, follow-ups, counted) and whose key the school is bound to now. The command line
prints the same."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from qualityschool_desktop import cli, exchange

from .laptops import CODE_A, NAME_A, Laptop, Laptops, laptops, start_school  # noqa: F401 (a fixture)

TYPED_NAME = "รร.บ้านแม่สอด (พิมพ์ที่เขต)"


def typed_then_own(laptops: Laptops) -> tuple[Laptop, Laptop, Path]:
    """The district typed school A with a contact and a comment on its round; A's own file then."""
    school, district = laptops("school-a"), laptops("district")
    with district.open() as workspace:
        typed = workspace.schools.add(code=CODE_A, name=TYPED_NAME)
        workspace.contacts.add(typed.id, date(2025, 11, 3), "phone", "แนะนำการกรอกแบบประเมิน")
        round_ = workspace.assessments.start(typed.id, 2568)
        item = workspace.frameworks.latest().items[0].code
        workspace.answers.set_level(round_.id, item, 2)
        workspace.answers.flush_pending()
        workspace.comments.on_assessment(round_.id, "หลักฐานยังไม่ครบ", item_code=item)
    with school.open() as workspace:
        start_school(workspace)
    return school, district, school.export("a.qsx")


def test_the_result_of_a_same_school_import_says_what_moved_and_whose_key(laptops: Laptops) -> None:
    school, district, own_file = typed_then_own(laptops)
    result = district.import_(own_file, same_schools=[CODE_A])
    [made] = result.made_same
    assert (made.code, made.typed_name, made.own_name) == (CODE_A, TYPED_NAME, NAME_A)
    assert made.moved == {"comments": 1, "contacts": 1}
    assert result.bound_same[CODE_A] == (school.fingerprint,)
    said = "\n".join(result.lines())
    assert TYPED_NAME in said and "ความคิดเห็น 1 รายการ" in said and "บันทึกการติดต่อโรงเรียน 1 รายการ" in said, said
    assert exchange.fingerprint_groups(school.fingerprint) in said, said


def test_the_command_line_says_what_moved_with_the_same_school(laptops: Laptops) -> None:
    school, district, own_file = typed_then_own(laptops)
    district.activate()
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(cli.parse(["import", "--db", str(district.db), "--same-school", CODE_A, str(own_file)]),
                   out=out, err=err) == 0, err.getvalue()
    said = out.getvalue()
    assert TYPED_NAME in said and "ความคิดเห็น 1 รายการ" in said and "บันทึกการติดต่อโรงเรียน 1 รายการ" in said, said
    assert exchange.fingerprint_groups(school.fingerprint) in said, said
