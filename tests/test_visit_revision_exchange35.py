"""A confirmed visit reopened and confirmed again at the supervisor's laptop arrives at the district
with who reopened it, why and what it confirmed (TEST34C C3): the events travel with the names and
the confirmed findings, and the import's summary says the record was reopened and confirmed again."""

from __future__ import annotations

import io
import uuid
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.exchange import apply_import, export_file, preview_import
from qualityschool_desktop.paths import DATA_DIR_ENV
from qualityschool_desktop.visit_revisions import change_text
from qualityschool_desktop.workspace import Workspace

SUPERVISOR, DISTRICT = str(uuid.UUID(int=0x5A)), str(uuid.UUID(int=0xD1))
KANDA, SOMCHAI = "นางกานดา รักเรียน", "นายสมชาย ใจดี"


def test_a_reopened_and_reconfirmed_visit_arrives_saying_so_with_names_and_reason(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def act_as(name: str) -> None:
        folder = tmp_path / f"{name}-data"
        folder.mkdir(exist_ok=True)
        monkeypatch.setenv(DATA_DIR_ENV, str(folder))

    act_as("supervisor")
    with Workspace.open(tmp_path / "supervisor.sqlite3", create=True, installation=SUPERVISOR) as laptop:
        school = laptop.schools.add(code="6301000001", name="โรงเรียนบ้านทดสอบ", district="เมืองตาก", province="ตาก")
        visit = laptop.visits.start(school.id, visited_on=date(2026, 2, 3))
        laptop.visits.add_person(visit.id, "visitor", KANDA)
        laptop.visits.add_person(visit.id, "visitor", SOMCHAI)
        laptop.visits.set_level(visit.id, "3", 3)
        laptop.visits.finalise(visit.id, by=SOMCHAI)
        first = export_file(laptop, tmp_path / "first.qsx").path
        laptop.visits.reopen(visit.id, "โรงเรียนส่งหลักฐานเพิ่ม", by=KANDA)
        laptop.visits.set_level(visit.id, "3", 4)
        laptop.visits.finalise(visit.id, by=SOMCHAI)
        second = export_file(laptop, tmp_path / "second.qsx").path
    act_as("district")
    database = tmp_path / "district.sqlite3"
    with Workspace.open(database, create=True, installation=DISTRICT) as district:
        assert not apply_import(district, first).revised_visits  # a first confirmation: nothing revised
        preview = preview_import(district, second)
    line = next(line for line in preview.lines() if "เปิดแก้ไข" in line)
    assert "โรงเรียนบ้านทดสอบ" in line and "3 ก.พ. 2569" in line
    assert f"โดย {KANDA} เหตุผล: โรงเรียนส่งหลักฐานเพิ่ม" in line and "ยืนยันฉบับแก้ไขแล้ว" in line
    out = io.StringIO()  # the command line prints the result's lines: the same line
    assert cli.run(cli.parse(["import", "--db", str(database), str(second)]), out=out, err=io.StringIO()) == 0
    assert line in out.getvalue().splitlines()
    with Workspace.open(database, installation=DISTRICT) as district:
        events = district.visits.events(visit.id)
        assert [(e.event, e.person_name) for e in events] == [
            ("finalised", SOMCHAI), ("reopened", KANDA), ("finalised", SOMCHAI)]
        revision = district.visits.revision(visit.id)
        assert revision is not None and revision.number == 1
        assert [change_text(c) for c in revision.changes or ()] == ["องค์ประกอบที่ ๓: ระดับ ๓ → ๔"]
        assert not apply_import(district, second).revised_visits  # known now: said once
