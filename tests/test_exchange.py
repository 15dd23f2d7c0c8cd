"""Exchange files: double import, conflicts, signers and the command line (the round trip of every
column is in test_exchange_schema.py)."""

from __future__ import annotations

import io
import json
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.exchange import (
    TABLES,
    ExchangeError,
    apply_import,
    export_file,
    list_conflicts,
    list_signers,
    own_signer,
    preview_import,
    set_trusted,
)
from qualityschool_desktop.exchange.records import STAYS_LOCAL, live_columns
from qualityschool_desktop.paths import DATA_DIR_ENV
from qualityschool_desktop.workspace import Workspace

from .laptops import behind_owner_check

INSTALLATION_A = str(uuid.UUID(int=0xA))
INSTALLATION_B = str(uuid.UUID(int=0xB))


def fill(workspace: Workspace, folder: Path, code: str = "6301000001", name: str = "โรงเรียนบ้านทดสอบ") -> dict[str, str]:
    """A school with every kind of record: answers (one with a burst of typing still open),
    attachments, a visit with people, findings, an attachment, a follow-up, events, a network school."""
    folder.mkdir(parents=True, exist_ok=True)
    school = workspace.schools.add(code=code, name=name, district="แม่สอด", province="ตาก", level="primary", pupils=120)
    assessment = workspace.assessments.start(school.id, 2568)
    framework = workspace.frameworks.latest()
    items = framework.items
    workspace.answers.set_level(assessment.id, items[0].code, 3)
    workspace.answers.set_level(assessment.id, items[1].code, 4)
    workspace.answers.set_not_applicable(assessment.id, items[2].code, "ไม่มีห้องปฏิบัติการ")
    photo = folder / f"ภาพกิจกรรม-{code}.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + code.encode() * 300 + bytes(range(256)))
    workspace.attachments.add(assessment.id, items[0].code, photo)
    workspace.answers.set_text(assessment.id, items[0].code, "evidence", "แผนพัฒนาคุณภาพการศึกษา ๒๕๖๘")  # still pending
    visit = workspace.visits.start(school.id, visited_on=date(2025, 12, 1), purpose="ติดตามผล")
    workspace.visits.add_person(visit.id, "visitor", "นางสาวศึกษา นิเทศดี", "ศึกษานิเทศก์")
    workspace.visits.add_person(visit.id, "school", "นายผู้อำนวยการ ใจดี", "ผู้อำนวยการโรงเรียน")
    workspace.visits.set_level(visit.id, items[0].code, 4)
    workspace.visits.set_text(visit.id, framework.components[0].code, "observed", "ครูใช้สื่อหลากหลาย")
    report = folder / f"บันทึก-{code}.pdf"
    report.write_bytes(b"%PDF-1.4 " + code.encode() * 200)
    workspace.visits.add_attachment(visit.id, "", report)
    workspace.follow_ups.add(visit.id, "จัดทำแผนนิเทศภายใน", owner="รองผู้อำนวยการ")
    workspace.visits.finalise(visit.id)
    workspace.network_schools.add(school.id, code=code[:-2] + "99", name="โรงเรียนบ้านเครือข่าย", pupils=40,
                                  teachers=3, distance_km=2.5)
    return {"school": school.id, "assessment": assessment.id, "item": items[0].code, "visit": visit.id}


def table_rows(workspace: Workspace, table: str) -> list[tuple[object, ...]]:
    """Every row of ``table`` by id, with every column of the live schema but those that stay local."""
    columns = ", ".join(c for c in live_columns(workspace.db, table) if c not in STAYS_LOCAL.get(table, {}))
    return [tuple(row) for row in workspace.db.execute(f"SELECT {columns} FROM {table} ORDER BY id").fetchall()]


def all_rows(workspace: Workspace) -> dict[str, list[tuple[object, ...]]]:
    return {table: table_rows(workspace, table) for table in TABLES}


@pytest.fixture
def act_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, data_dir: Path) -> Callable[[str], None]:
    """Which laptop acts now: "school" (the test's own data folder) or another name (its own
    folder, so its own installation key). Exports sign, and imports check, with the acting key."""
    def switch(name: str) -> None:
        folder = data_dir if name == "school" else tmp_path / f"{name}-data"
        folder.mkdir(exist_ok=True)
        monkeypatch.setenv(DATA_DIR_ENV, str(folder))

    return switch


@pytest.fixture
def source(tmp_path: Path) -> Workspace:
    workspace = Workspace.open(tmp_path / "school.sqlite3", create=True, installation=INSTALLATION_A)
    yield workspace
    try:
        workspace.close()
    except Exception:  # closed by the test already (the command-line tests)
        pass


def test_importing_the_same_file_twice_changes_nothing(
    source: Workspace, tmp_path: Path, act_as: Callable[[str], None]
) -> None:
    fill(source, tmp_path / "in")
    exported = export_file(source, tmp_path / "school.qsx").path
    act_as("office")
    target = tmp_path / "district.sqlite3"
    with Workspace.open(target, create=True, installation=INSTALLATION_B) as district:
        apply_import(district, exported)
        before = all_rows(district)
        log = district.db.execute("SELECT * FROM exchange_log").fetchall()
        second = apply_import(district, exported)
        assert all(c.new == c.updated == c.conflicting == c.older == 0 for c in second.counts.values())
        assert sum(c.unchanged for c in second.counts.values()) == sum(len(rows) for rows in before.values())
        assert not second.changes_anything and second.files_written == 0
        assert all_rows(district) == before
        assert district.db.execute("SELECT * FROM exchange_log").fetchall() == log


def _edit_level(workspace: Workspace, ids: dict[str, str], level: int) -> None:
    with behind_owner_check(workspace):  # the district edits the school's answer as a laptop before owners could
        workspace.answers.set_level(ids["assessment"], ids["item"], level)


@pytest.mark.parametrize("later", ["school", "district"])
def test_an_answer_changed_on_both_sides_is_a_conflict_and_nothing_is_lost(
    source: Workspace, tmp_path: Path, act_as: Callable[[str], None], later: str
) -> None:
    """The district changes the school's answer on its own laptop while the school changes it too:
    the two are concurrent whatever the clocks say; the owner's (the school's) version is in use,
    the district's is kept, and history from both sides stays."""
    ids = fill(source, tmp_path / "in")
    first = export_file(source, tmp_path / "first.qsx").path
    act_as("office")
    with Workspace.open(tmp_path / "district.sqlite3", create=True, installation=INSTALLATION_B) as district:
        apply_import(district, first)
        if later == "school":
            _edit_level(district, ids, 1)
            act_as("school")
            _edit_level(source, ids, 5)
        else:
            act_as("school")
            _edit_level(source, ids, 5)
            act_as("office")
            _edit_level(district, ids, 1)
        act_as("school")
        second = export_file(source, tmp_path / "second.qsx").path
        act_as("office")
        preview = preview_import(district, second)
        assert preview.counts["answers"].conflicting == 1
        assert len(preview.conflicts) == 1 and ids["item"] in preview.conflicts[0].description
        result = apply_import(district, second)
        assert result.counts["answers"].conflicting == 1

        answer = district.answers.get(ids["assessment"], ids["item"])
        assert answer is not None
        assert answer.level == 5  # the school owns its answers
        stored = list_conflicts(district)
        assert len(stored) == 1
        assert stored[0].losing["level"] == 1  # the district's is kept
        assert stored[0].winning["level"] == answer.level
        # History from both sides is kept.
        levels = {(h.new_value, h.changed_by) for h in district.answers.history(ids["assessment"], ids["item"])
                  if h.field == "level"}
        assert ("5", INSTALLATION_A) in levels and ("1", INSTALLATION_B) in levels
        # A second import of the same file neither repeats the conflict nor changes anything.
        again = apply_import(district, second)
        assert again.counts["answers"].conflicting == 0 and len(list_conflicts(district)) == 1


def test_a_change_on_one_side_only_is_an_update(
    source: Workspace, tmp_path: Path, act_as: Callable[[str], None]
) -> None:
    ids = fill(source, tmp_path / "in")
    first = export_file(source, tmp_path / "first.qsx").path
    _edit_level(source, ids, 2)
    second = export_file(source, tmp_path / "second.qsx").path
    act_as("office")
    with Workspace.open(tmp_path / "district.sqlite3", create=True, installation=INSTALLATION_B) as district:
        apply_import(district, first)
        result = apply_import(district, second)
        assert result.counts["answers"].updated == 1 and result.counts["answers"].conflicting == 0
        assert district.answers.get(ids["assessment"], ids["item"]).level == 2  # type: ignore[union-attr]
        assert list_conflicts(district) == []


def test_same_school_code_created_separately_is_refused_clearly(
    source: Workspace, tmp_path: Path, act_as: Callable[[str], None]
) -> None:
    fill(source, tmp_path / "in")
    exported = export_file(source, tmp_path / "school.qsx").path
    act_as("office")
    with Workspace.open(tmp_path / "district.sqlite3", create=True, installation=INSTALLATION_B) as district:
        district.schools.add(code="6301000001", name="โรงเรียนบ้านทดสอบ (พิมพ์เอง)")
        with pytest.raises(ExchangeError, match="6301000001 มีอยู่แล้ว"):
            apply_import(district, exported)
        assert district.schools.count() == 1


def test_export_of_one_school_or_one_supervisor(
    source: Workspace, tmp_path: Path, act_as: Callable[[str], None]
) -> None:
    fill(source, tmp_path / "in", "6301000001")
    fill(source, tmp_path / "in", "6301000002")
    one = export_file(source, tmp_path / "one.qsx", school_codes=["6301000002"])
    assert one.counts["schools"] == 1 and one.counts["visits"] == 1 and one.counts["network_schools"] == 1
    visits = export_file(source, tmp_path / "visits.qsx", visitor="นางสาวศึกษา นิเทศดี")
    assert visits.counts["visits"] == 2 and visits.counts["schools"] == 2
    with pytest.raises(ExchangeError, match="ไม่พบโรงเรียนรหัส"):
        export_file(source, tmp_path / "none.qsx", school_codes=["6301009999"])
    act_as("office")
    with Workspace.open(tmp_path / "district.sqlite3", create=True, installation=INSTALLATION_B) as district:
        apply_import(district, one.path)
        assert [s.code for s in district.schools.list()] == ["6301000002"]
        apply_import(district, visits.path)  # the other school arrives with its visit
        assert district.schools.count() == 2


def test_signer_is_reported_and_can_be_trusted(
    source: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(source, tmp_path / "in")
    exported = export_file(source, tmp_path / "school.qsx").path
    school_signer = own_signer(source)
    key = Path(__import__("os").environ[DATA_DIR_ENV]) / "exchange-signing-key.pem"
    assert key.exists()  # no credential store in the tests (conftest): an owner-only file
    if __import__("os").name == "posix":  # Windows files have no such mode bits
        assert key.stat().st_mode & 0o777 == 0o600

    # The district office is another laptop: another data folder, another key.
    office = tmp_path / "office-data"
    monkeypatch.setenv(DATA_DIR_ENV, str(office))
    with Workspace.open(tmp_path / "district.sqlite3", create=True, installation=INSTALLATION_B) as district:
        preview = preview_import(district, exported)
        assert preview.fingerprint == school_signer.fingerprint and preview.signed_ok
        assert not preview.trusted and not preview.is_own
        assert "ยังไม่ได้ระบุว่าเชื่อถือ" in "\n".join(preview.lines())
        apply_import(district, exported)
        assert [s.fingerprint for s in list_signers(district)] == [school_signer.fingerprint]
        set_trusted(district, school_signer.fingerprint, True, name="โรงเรียนบ้านทดสอบ")
        trusted = preview_import(district, exported)
        assert trusted.trusted and trusted.signer_name == "โรงเรียนบ้านทดสอบ"
        assert own_signer(district).fingerprint != school_signer.fingerprint


# -- command line ---------------------------------------------------------------------------------


def _run(*argv: str) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(list(argv)), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_cli_export_and_import_into_a_new_database(
    source: Workspace, tmp_path: Path, act_as: Callable[[str], None]
) -> None:
    fill(source, tmp_path / "in")
    source.close()
    status, out, _ = _run("export", "--db", str(tmp_path / "school.sqlite3"), "--out", str(tmp_path / "s.qsx"),
                          "--school", "6301000001")
    assert status == 0 and "โรงเรียน: 1 รายการ" in out
    act_as("office")
    district = tmp_path / "new" / "district.sqlite3"
    status, out, _ = _run("import", "--db", str(district), str(tmp_path / "s.qsx"))
    assert status == 0 and district.exists()
    assert "ลงนามโดย" in out and "โรงเรียน: ใหม่ 1" in out
    status, out, _ = _run("import", "--db", str(district), str(tmp_path / "s.qsx"))
    assert status == 0 and "โรงเรียน: ใหม่ 0 ปรับปรุง 0 เหมือนเดิม 1" in out
    with Workspace.open(district) as workspace:
        assert workspace.schools.by_code("6301000001").name == "โรงเรียนบ้านทดสอบ"


def test_cli_import_reports_a_refused_file_and_imports_the_others(
    source: Workspace, tmp_path: Path, act_as: Callable[[str], None]
) -> None:
    fill(source, tmp_path / "in")
    good = export_file(source, tmp_path / "files" / "b-good.qsx").path
    bad = tmp_path / "files" / "a-bad.qsx"
    bad.write_text("not a zip", encoding="utf-8")
    act_as("office")
    district = tmp_path / "district.sqlite3"
    status, out, err = _run("import", "--db", str(district), str(tmp_path / "files"))
    assert status == 2
    assert "a-bad.qsx" in err and "ไม่ใช่ไฟล์แลกเปลี่ยนข้อมูล" in err
    assert "โรงเรียน: ใหม่ 1" in out
    with Workspace.open(district) as workspace:
        assert workspace.schools.count() == 1
    assert good.exists()


def test_manifest_says_what_the_file_holds(source: Workspace, tmp_path: Path) -> None:
    import zipfile

    fill(source, tmp_path / "in")
    exported = export_file(source, tmp_path / "s.qsx").path
    with zipfile.ZipFile(exported) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert "records/pending_edits.jsonl" not in archive.namelist()
    # format 9: fill() confirms a visit, and the confirmation names its supervisor (migration 0037)
    assert manifest["format_version"] == 9 and manifest["exporter"]["installation_id"] == INSTALLATION_A
    assert set(manifest["keys"]) == {INSTALLATION_A}
    assert "seals.jsonl" in {m["path"] for m in manifest["members"]}
    assert manifest["frameworks"] == [{"id": source.frameworks.latest().id, "version": source.frameworks.latest().version}]
    assert {m["path"] for m in manifest["members"]} >= {f"records/{t}.jsonl" for t in TABLES}
