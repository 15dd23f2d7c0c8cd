"""The plan's activity budget in satang (s34 T6, seed 004: "๙๔๙,๓๓๓.๓๓ บาท"), as budget requests keep theirs.

``plan_activities.budget_satang`` (migration 0035, was ``budget_baht``: whole baht, times 100). Rows
travel as before while their amount is whole baht (``"budget_baht": 1500``: the digest a seal holds is
unchanged, old programs read the file); a row with satang travels as ``"budget_satang"`` in a file of
format 8, which a format 7 program refuses with its "update the program" message.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Callable

import pytest

from qualityschool_desktop.database import open_database
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.exchange import ExchangeError, package
from qualityschool_desktop.exchange.seals import row_digest
from qualityschool_desktop.reports.plan import write_plan_report
from qualityschool_desktop.workspace import Workspace

from .laptops import CODE_A, Laptop, laptops, read_members, rows_of, start_school  # noqa: F401 (a fixture)
from .pdf_checks import mutool_text, needs_mutool

Laptops = Callable[[str], Laptop]


def _plan(workspace: Workspace) -> str:
    ids = start_school(workspace)
    return workspace.plans.create(ids["school"], 2569).id


def test_the_plan_budget_takes_satang_as_budget_requests_do(memory_workspace: Workspace) -> None:
    plans = memory_workspace.plans
    plan_id = _plan(memory_workspace)
    plans.add_activity(plan_id, "อบรมครู", budget_baht="1,500.50")
    plans.add_activity(plan_id, "ศึกษาดูงาน", budget_baht="๑,๕๐๐.๕๐")
    plans.add_activity(plan_id, "จัดซื้อ", budget_baht="๙๔๙,๓๓๓.๓๓ บาท")
    plans.add_activity(plan_id, "ยังไม่รู้", budget_baht="")
    activities = plans.parts(plan_id).activities
    assert [a.budget_satang for a in activities] == [150050, 150050, 94933333, None]
    assert plans.parts(plan_id).budget_total == 150050 * 2 + 94933333
    with pytest.raises(ValidationError, match="ทศนิยมได้ไม่เกิน ๒ ตำแหน่ง"):
        plans.add_activity(plan_id, "สามตำแหน่ง", budget_baht="1,500.505")
    plans.update_part("plan_activities", activities[0].id, budget_baht="2,000")
    assert plans.parts(plan_id).activities[0].budget_satang == 200000


def _old_database(path: Path) -> None:
    """A database at 0034 (the program before this one) with a plan whose activities hold whole baht,
    an earlier state of one (its history) and a change waiting from another laptop."""
    open_database(path, create=True, stop_before="0035_plan_budget_satang").conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    tracked = "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'k1'"
    conn.execute(f"INSERT INTO plans (id, school_id, first_year, last_year, version, created_at, modified_at,"
                 f" modified_by) VALUES ('{'p' * 36}', '{'s' * 36}', 2569, 2569, '{{\"k1\": 1}}', {tracked})")
    for key, baht in (("a", 1500), ("b", None)):
        conn.execute("INSERT INTO plan_activities (id, plan_id, name, budget_baht, version, created_at, modified_at,"
                     f" modified_by) VALUES (?, '{'p' * 36}', 'อบรมครู', ?, '{{\"k1\": 1}}', {tracked})",
                     [key * 36, baht])
    row = {"id": "a" * 36, "budget_baht": 1500, "name": "อบรมครู"}
    conn.execute("INSERT INTO record_snapshots VALUES ('plan_activities', ?, '{\"k1\": 0}', ?)",
                 ["a" * 36, json.dumps(row)])
    conn.execute("INSERT INTO pending_changes (id, table_name, record_id, row_json, signer_installation,"
                 " signer_fingerprint, reason, received_at) VALUES (?, 'plan_activities', ?, ?, 'k2', ?, 'x', 'now')",
                 ["c" * 36, "a" * 36, json.dumps({**row, "budget_baht": 1750}), "f" * 64])
    conn.close()


def test_migration_0035_turns_whole_baht_into_satang_exactly_and_keeps_every_digest(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _old_database(path)
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    old = [dict(r) for r in conn.execute("SELECT * FROM plan_activities ORDER BY id")]
    conn.close()
    open_database(path).conn.close()
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    new = [dict(r) for r in conn.execute("SELECT * FROM plan_activities ORDER BY id")]
    assert [r["budget_satang"] for r in new] == [150000, None]
    assert all("budget_baht" not in r for r in new)
    # Nothing else moved: not the version, not the last change (no edit was counted), and the digest an
    # owner's seal holds is the same (a relayed row keeps its owner's seal).
    for before, after in zip(old, new):
        assert {k: v for k, v in after.items() if k != "budget_satang"} == \
            {k: v for k, v in before.items() if k != "budget_baht"}
        assert row_digest("plan_activities", {k: v for k, v in after.items() if k != "signed_set"}) == \
            row_digest("plan_activities", {k: v for k, v in before.items() if k != "signed_set"})
    (snapshot,) = conn.execute("SELECT row_json FROM record_snapshots WHERE table_name = 'plan_activities'")
    assert json.loads(snapshot[0])["budget_satang"] == 150000 and "budget_baht" not in json.loads(snapshot[0])
    (waiting,) = conn.execute("SELECT row_json FROM pending_changes")
    assert json.loads(waiting[0])["budget_satang"] == 175000
    # The history keeps the new column from now on.
    conn.execute("UPDATE plan_activities SET budget_satang = 150050 WHERE id = ?", ["a" * 36])
    kept = [json.loads(r[0]) for r in conn.execute(
        "SELECT row_json FROM record_snapshots WHERE table_name = 'plan_activities' ORDER BY rowid")]
    assert kept[-1]["budget_satang"] == 150000 and "budget_baht" not in kept[-1]
    conn.close()


def _school_with(laptops: Laptops, *amounts: str) -> tuple[Laptop, str]:
    school = laptops("school-a")
    with school.open() as workspace:
        plan_id = _plan(workspace)
        for amount in amounts:
            workspace.plans.add_activity(plan_id, f"กิจกรรม {amount}", budget_baht=amount)
    return school, plan_id


def test_a_file_with_satang_is_format_8_and_another_laptop_reads_it(laptops: Laptops) -> None:
    school, plan_id = _school_with(laptops, "1,500.50", "2,000")
    path = school.export("a.qsx", school_codes=[CODE_A])
    members = read_members(path)
    assert json.loads(members["manifest.json"])["format_version"] == 8
    rows = {r["name"]: r for r in rows_of(members, "plan_activities")}
    assert rows["กิจกรรม 1,500.50"]["budget_satang"] == 150050 and "budget_baht" not in rows["กิจกรรม 1,500.50"]
    assert rows["กิจกรรม 2,000"]["budget_baht"] == 2000 and "budget_satang" not in rows["กิจกรรม 2,000"]
    district = laptops("district")
    district.import_(path)
    with district.open() as workspace:
        assert [a.budget_satang for a in workspace.plans.parts(plan_id).activities] == [150050, 200000]


def test_a_program_of_format_7_asks_to_be_updated_for_satang(laptops: Laptops,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    school, _plan_id = _school_with(laptops, "1,500.50")
    path = school.export("a.qsx", school_codes=[CODE_A])
    monkeypatch.setattr(package, "FORMAT_VERSION", 7)
    monkeypatch.setattr(package, "READABLE_VERSIONS", frozenset({2, 3, 4, 5, 6, 7}))
    with pytest.raises(ExchangeError, match="ทำด้วยโปรแกรมรุ่นใหม่กว่า.*รุ่น 8.*โปรดปรับรุ่นโปรแกรมในเครื่องนี้"):
        laptops("district").import_(path)


def test_whole_baht_travels_as_the_old_program_wrote_it_and_imports_converted(laptops: Laptops) -> None:
    """A file of whole-baht budgets is the old program's own form (``budget_baht``, format below 8), so
    a laptop on the old program reads it; this program takes such a file (an old laptop's) in satang."""
    school, plan_id = _school_with(laptops, "150,000", "")
    path = school.export("a.qsx", school_codes=[CODE_A])
    members = read_members(path)
    assert json.loads(members["manifest.json"])["format_version"] < 8
    rows = rows_of(members, "plan_activities")
    assert sorted(((r["budget_baht"] is None), "budget_satang" in r) for r in rows) == [(False, False), (True, False)]
    district = laptops("district")
    district.import_(path)
    with district.open() as workspace:
        assert [a.budget_satang for a in workspace.plans.parts(plan_id).activities] == [15000000, None]
    # The receiver relays the rows under the school's seal (their digests unchanged): a third laptop takes them.
    province = laptops("province")
    province.import_(district.export("d.qsx"))
    with province.open() as workspace:
        assert [a.budget_satang for a in workspace.plans.parts(plan_id).activities] == [15000000, None]


def test_an_old_file_with_a_budget_that_is_not_a_number_is_refused_naming_the_field(laptops: Laptops) -> None:
    from .laptops import edit_rows, resign_manifest, write_members

    school, _plan_id = _school_with(laptops, "150,000")
    members = read_members(school.export("a.qsx", school_codes=[CODE_A]))
    with school._briefly():
        members = resign_manifest(edit_rows(members, "plan_activities", lambda row: row.update(budget_baht="1,500")))
    path = write_members(school.root / "files" / "bad.qsx", members)
    with pytest.raises(ExchangeError, match="งบประมาณ"):
        laptops("district").import_(path)


@needs_mutool
def test_the_plan_pdf_shows_satang_only_where_there_are_some(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "w.sqlite3", create=True) as workspace:
        plan_id = _plan(workspace)
        workspace.plans.add_activity(plan_id, "อบรมครู", budget_baht="1,500.50")
        workspace.plans.add_activity(plan_id, "ศึกษาดูงาน", budget_baht="20,000")
        target = write_plan_report(workspace, plan_id, tmp_path / "plan.pdf")
    text = re.sub(r"\s+", "", mutool_text(target))
    assert "๑,๕๐๐.๕๐" in text and "๒๐,๐๐๐" in text and "๒๐,๐๐๐.๐๐" not in text
    assert "งบประมาณรวม๒๑,๕๐๐.๕๐บาท(สองหมื่นหนึ่งพันห้าร้อยบาทห้าสิบสตางค์)" in text
