"""Schools: the 10-digit ministry code is validated; bad input changes nothing."""

from __future__ import annotations

from datetime import date

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


def _three(workspace) -> list:
    add = workspace.schools.add
    return [
        add(code="6301000011", name="โรงเรียนบ้านเหนือ", province="ตาก", area_office="สพป.ตาก เขต 2", level="primary"),
        add(code="6301000012", name="โรงเรียนตากวิทยา", province="ตาก", area_office="สพม.ตาก", level="both"),
        add(code="6501000013", name="โรงเรียนพิษณุโลก", province="พิษณุโลก", area_office="สพม.พิษณุโลก อุตรดิตถ์",
            level="secondary"),
    ]


def test_unknown_school_id_is_refused_before_anything_is_added_to_it(memory_workspace) -> None:
    workspace = memory_workspace
    missing = "00000000-0000-0000-0000-000000000009"
    with pytest.raises(NotFoundError, match="ไม่พบโรงเรียนนี้ในฐานข้อมูล"):
        workspace.schools.require(missing)
    for start in (lambda: workspace.assessments.start(missing, 2568),
                  lambda: workspace.visits.start(missing, visited_on=date(2026, 1, 5)),
                  lambda: workspace.network_schools.add(missing, code="6301000099", name="เครือข่าย")):
        with pytest.raises(NotFoundError, match="ไม่พบโรงเรียนนี้ในฐานข้อมูล"):
            start()
    school = workspace.schools.add(code="6301000001", name="โรงเรียนมีจริง")
    workspace.schools.require(school.id)  # quietly


def test_lists_filter_by_office_province_and_level(memory_workspace) -> None:
    north, both, other = _three(memory_workspace)
    schools = memory_workspace.schools
    assert schools.list() == [north, both, other]  # by province, area office, district, name
    assert schools.list(province="ตาก") == [north, both]
    assert schools.list(area_office="สพม.ตาก") == [both]
    assert schools.list(level="primary") == [north, both]  # teaching both counts under either
    assert schools.list(level="secondary") == [both, other]
    assert schools.list(province="", area_office=None, level="") == schools.list()
    with pytest.raises(ValidationError, match="ระดับการศึกษา"):
        schools.list(level="both")
    assert schools.area_offices() == ("สพป.ตาก เขต 2", "สพม.ตาก", "สพม.พิษณุโลก อุตรดิตถ์")
    assert schools.provinces() == ("ตาก", "พิษณุโลก")
    assert schools.levels() == {"primary", "both", "secondary"}
    assert schools.count() == 3


def test_by_ids_leaves_unknown_ids_out(memory_workspace) -> None:
    north, both, _other = _three(memory_workspace)
    found = memory_workspace.schools.by_ids([north.id, both.id, north.id, "00000000-0000-0000-0000-000000000009"])
    assert found == {north.id: north, both.id: both}
    assert memory_workspace.schools.by_ids([]) == {}


def test_sql_on_the_schools_table_lives_in_schools_py() -> None:
    """The rest of the core asks ``workspace.schools``. Allowed elsewhere: the migrations (they
    create the table) and the exchange, which copies every table's rows alike (its SQL names the
    table through a variable, so no literal below)."""
    import ast
    import re
    from pathlib import Path

    core = Path(__file__).resolve().parent.parent / "qualityschool_desktop"
    sql = re.compile(r"\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+schools\b", re.IGNORECASE)
    found = []
    for path in sorted(core.rglob("*.py")):
        if (path.name == "schools.py" and path.parent == core) or path.parent == core / "migrations":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
            is_table_call = (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "table"
                and bool(node.args) and isinstance(node.args[0], ast.Constant) and node.args[0].value == "schools"
            )
            if (text is not None and sql.search(text)) or is_table_call:
                found.append(f"{path.relative_to(core)}:{node.lineno}")
    assert found == []


def test_the_list_is_in_the_order_sqlite_sorts_it_in_thai(memory_workspace) -> None:
    """schools.list sorts in Python (issue 16: SQLite's sort called back into Python ~28 times a
    school) by the keys ``COLLATE thai`` compares: the very order of the SQL it replaced."""
    import random

    rng = random.Random(16)
    words = ["เมืองตาก", "แม่สอด", "อุ้มผาง", "สามเงา", "บ้านตาก", "กำแพงเพชร", "ก่อ", "กอ", "เกาะ", "Ban",
             "ban", "สพป.ตาก เขต ๒", "สพป.ตาก เขต 2", "สพป.ตาก เขต 1", "", "โรงเรียน ๑๐", "โรงเรียน 9"]
    for number in range(60):
        memory_workspace.schools.add(
            code=f"63{number:08d}", name=rng.choice(words[:-3] + words[-2:]) + rng.choice(["", " ก", " ข"]),
            district=rng.choice(words), province=rng.choice(["ตาก", "กำแพงเพชร", ""]),
            area_office=rng.choice(words[11:15]))
    with memory_workspace.db.write():  # an office name stored with Thai digits, as before f03
        memory_workspace.db.execute("UPDATE schools SET area_office = 'สพป.ตาก เขต ๒' WHERE code LIKE '%3'")
    by_sql = [row[0] for row in memory_workspace.db.execute(
        "SELECT code FROM schools ORDER BY province COLLATE thai, area_office COLLATE thai,"
        " district COLLATE thai, name COLLATE thai, code")]
    assert [school.code for school in memory_workspace.schools.list()] == by_sql
    assert {school.area_office for school in memory_workspace.schools.list()} <= {
        "สพป.ตาก เขต 2", "สพป.ตาก เขต 1", ""}
