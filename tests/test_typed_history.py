"""What a person typed in a wrong but common Thai order stays readable in the answer's history,
on this laptop and on every laptop the history travels to (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from qualityschool_desktop.exchange import ExchangeError
from qualityschool_desktop.exchange.package import FORMAT_VERSION

from .laptops import (  # noqa: F401 (laptops: a fixture)
    Laptop, edit_rows, forge, laptops, read_members, rows_of, start_school, write_members,
)

TYPED = "หลักฐานกํ่า นํ้า ก\u0e4d\u0e32"


def test_the_typed_text_travels_with_the_history_row(laptops: Callable[[str], Laptop]) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.answers.set_text(ids["assessment"], ids["item"], "evidence", TYPED)
        workspace.answers.flush_pending()
    exported = school.export("school.qsx")
    district.import_(exported)
    with district.open() as workspace:
        rows = [row for row in workspace.answers.history(ids["assessment"], ids["item"]) if row.field == "evidence"]
        assert [(row.new_value, row.typed) for row in rows] == [("หลักฐานก่ำ น้ำ กำ", TYPED)]


def _as_version_2(laptop: Laptop, path: Path) -> Path:
    """``path`` as the program before format 3 wrote it: history rows without ``typed``, sealed and
    signed by ``laptop`` over those rows, format version 2."""
    members = edit_rows(read_members(path), "answer_history", lambda row: row.pop("typed", None))
    with laptop._briefly():
        members = forge(members, manifest_edit=lambda m: m.update(format_version=2))
    return write_members(path.with_name("v2-" + path.name), members)


def _history(laptop: Laptop, ids: dict[str, str]) -> list[tuple[str, str | None, str | None]]:
    with laptop.open() as workspace:
        return [(row.field, row.new_value, row.typed) for row in workspace.answers.history(ids["assessment"], ids["item"])]


def test_history_sealed_by_the_old_format_still_verifies_after_a_relay(laptops: Callable[[str], Laptop]) -> None:
    """A school's history row sealed by the program before ``typed`` existed arrives at the district,
    which forwards it to the province: the province still finds the school's seal over it, so the
    row arrives (a row nobody can vouch for is never forwarded) and is the school's."""
    school, district, province = laptops("school-a"), laptops("district"), laptops("province")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.answers.set_text(ids["assessment"], ids["item"], "evidence", "มีบันทึกการประชุม")
        workspace.answers.flush_pending()
    old_file = _as_version_2(school, school.export("school.qsx"))
    district.import_(old_file)
    expected = [("level", "3", None), ("evidence", "มีบันทึกการประชุม", None)]
    assert _history(district, ids) == expected
    province.import_(district.export("relay.qsx"))
    assert _history(province, ids) == expected
    members = read_members(province.root / "files" / "relay.qsx")
    sealed_by = {json.loads(line)["installation_id"] for line in members["seals.jsonl"].splitlines()}
    assert school.installation_id in sealed_by  # forwarded under the school's own seal


def test_a_null_typed_travels_absent_and_a_typed_one_present(laptops: Callable[[str], Laptop]) -> None:
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.answers.set_text(ids["assessment"], ids["item"], "evidence", TYPED)
        workspace.answers.flush_pending()
    members = read_members(school.export("school.qsx"))
    rows = {row["field"]: row for row in rows_of(members, "answer_history")}
    assert "typed" not in rows["level"] and rows["evidence"]["typed"] == TYPED
    assert json.loads(members["manifest.json"])["format_version"] == 3


def test_a_file_of_a_newer_program_says_so(laptops: Callable[[str], Laptop]) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    members = read_members(school.export("school.qsx"))
    with school._briefly():
        members = forge(members, manifest_edit=lambda m: m.update(format_version=FORMAT_VERSION + 1))
    newer = write_members(school.root / "files" / "v4.qsx", members)
    with pytest.raises(ExchangeError, match="ทำด้วยโปรแกรมรุ่นใหม่กว่า.*โปรดปรับรุ่นโปรแกรม"):
        district.import_(newer)
    with district.open() as workspace:
        assert workspace.db.execute("SELECT count(*) FROM schools").fetchone()[0] == 0


def test_a_file_of_format_1_asks_for_the_senders_program_to_be_updated(laptops: Callable[[str], Laptop]) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    members = read_members(school.export("school.qsx"))
    with school._briefly():
        members = forge(members, manifest_edit=lambda m: m.update(format_version=1))
    older = write_members(school.root / "files" / "v1.qsx", members)
    with pytest.raises(ExchangeError, match="โปรแกรมรุ่นเก่า.*ผู้ส่ง"):
        district.import_(older)


def test_a_history_row_waiting_since_before_typed_existed_can_still_be_accepted(memory_workspace) -> None:  # type: ignore[no-untyped-def]
    """A history row put aside for a person (pending_changes) by the program before format 3 has
    no ``typed``: accepting it after the upgrade appends it with no typed text."""
    from qualityschool_desktop.exchange import accept_pending, list_pending

    ws = memory_workspace
    school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด", province="ตาก")
    assessment = ws.assessments.start(school.id, 2568)
    ws.answers.set_level(assessment.id, "1.1.1", 3)
    (entry,) = ws.answers.history(assessment.id, "1.1.1")
    other = "0" * 8 + "-0000-4000-8000-" + "1" * 12
    old_row = {"id": "2" * 8 + "-0000-4000-8000-" + "3" * 12, "answer_id": entry.answer_id,
               "assessment_id": assessment.id, "item_code": "1.1.1", "field": "note", "old_value": None,
               "new_value": "จากเครื่องอื่น", "changed_at": entry.changed_at, "changed_by": other}
    with ws.db.write():
        ws.db.execute(
            "INSERT INTO pending_changes (id, table_name, record_id, row_json, signer_installation,"
            " signer_fingerprint, reason, received_at) VALUES (?, 'answer_history', ?, ?, ?, ?, 'test', ?)",
            ["4" * 8 + "-0000-4000-8000-" + "5" * 12, old_row["id"], json.dumps(old_row, ensure_ascii=False),
             other, "f" * 64, entry.changed_at])
    (change,) = list_pending(ws)
    accept_pending(ws, change.id)
    rows = ws.answers.history(assessment.id, "1.1.1")
    assert [(row.field, row.new_value, row.typed) for row in rows] == [("level", "3", None), ("note", "จากเครื่องอื่น", None)]
