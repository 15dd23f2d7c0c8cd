"""Schools: the 10-digit ministry code is validated; bad input changes nothing."""

from __future__ import annotations

import pytest

from qualityschool_desktop.errors import NotFoundError, ValidationError


@pytest.mark.parametrize(
    "code, message",
    [("123456789", "๑๐ หลัก"), ("12345678901", "๑๐ หลัก"), ("12345abcde", "ตัวเลข"), ("", "กรุณากรอก")],
)
def test_a_wrong_code_is_refused_with_a_thai_message(memory_workspace, code, message) -> None:
    with pytest.raises(ValidationError, match=message):
        memory_workspace.schools.add(code=code, name="โรงเรียนบ้านทดสอบ")
    assert memory_workspace.schools.count() == 0


def test_thai_digits_spaces_and_dashes_are_accepted(memory_workspace) -> None:
    school = memory_workspace.schools.add(code="๖๓๐๑-๐๐๐ ๐๐๒", name="  โรงเรียนบ้านทดสอบ ")
    assert school.code == "6301000002"
    assert school.name == "โรงเรียนบ้านทดสอบ"
    assert memory_workspace.schools.by_code("6301000002").id == school.id


def test_duplicate_code_is_refused(memory_workspace, school) -> None:
    with pytest.raises(ValidationError, match="มีโรงเรียนรหัส 6301000001 อยู่แล้ว"):
        memory_workspace.schools.add(code="6301000001", name="อีกโรงเรียน")


def test_every_record_says_who_changed_it_and_when(memory_workspace, school) -> None:
    assert len(school.id) == 36
    assert school.modified_by == memory_workspace.installation_id
    updated = memory_workspace.schools.update(school.id, pupils="1,250", district="บ้านตาก")
    assert updated.pupils == 1250 and updated.district == "บ้านตาก"
    assert updated.modified_at >= school.modified_at


def test_negative_or_text_counts_are_refused(memory_workspace, school) -> None:
    with pytest.raises(ValidationError):
        memory_workspace.schools.update(school.id, teachers="สิบ")
    with pytest.raises(ValidationError):
        memory_workspace.schools.update(school.id, pupils=-3)
    assert memory_workspace.schools.get(school.id).pupils == 320


def test_the_schema_itself_refuses_a_bad_code(memory_workspace) -> None:
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError):
        memory_workspace.db.execute(
            "INSERT INTO schools (id, code, name, created_at, modified_at, modified_by)"
            " VALUES ('00000000-0000-0000-0000-000000000000', '12AB', 'x', '', '', '')"
        )


def test_unknown_school(memory_workspace) -> None:
    with pytest.raises(NotFoundError, match="ไม่พบโรงเรียนรหัส 9999999999"):
        memory_workspace.schools.by_code("9999999999")
