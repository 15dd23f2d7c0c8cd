"""Issue 15: ``main.py coverage --db PATH --year BE [--term N] [--json]``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop import clock
from qualityschool_desktop.workspace import Workspace

from .test_cli import run


@pytest.fixture
def filled(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(clock, "today", lambda: date(2027, 2, 1))
    with Workspace.open(db_path, create=True) as ws:
        for code, name, level in (("6301000001", "โรงเรียนแดง", 1), ("6301000002", "โรงเรียนม่วง", 5)):
            school = ws.schools.add(code=code, name=name, district="แม่สอด", province="ตาก")
            assessment = ws.assessments.start(school.id, 2569)
            for item in ws.frameworks.latest().items:
                ws.answers.set_level(assessment.id, item.code, level)
        red = ws.schools.by_code("6301000001").id
        visit = ws.visits.start(red, visited_on=date(2026, 10, 31))
        ws.visits.set_level(visit.id, "1", 2)  # term 1's last day: not term 2's; it holds a level (C12)
    return db_path


def test_json_lists_remaining_on_top(filled: Path) -> None:
    status, out, _ = run("coverage", "--db", str(filled), "--year", "2569", "--term", "2", "--json")
    assert status == 0
    data = json.loads(out)
    assert (data["year"], data["term"], data["starts"], data["ends"]) == (2569, 2, "2026-11-01", "2027-03-31")
    assert [s["code"] for s in data["schools"]] == ["6301000001", "6301000002"]
    red = data["schools"][0]
    assert (red["status"], red["visits_done"], red["visits_due"], red["last_visit"]) == ("overdue", 0, 2, "2026-10-31")
    assert data["due"] == 1


def test_the_text_table_is_thai_with_be_dates(filled: Path) -> None:
    status, out, _ = run("coverage", "--db", str(filled), "--year", "2569")  # today's term: 2
    assert status == 0
    assert "ภาคเรียนที่ 2/2569" in out and "31 ต.ค. 2569" in out and "เลยกำหนด" in out
    assert "ถึงกำหนดหรือเลยกำหนด 1 โรงเรียน จากทั้งหมด 2 โรงเรียน" in out


def test_bad_input_exits_2_in_thai(filled: Path) -> None:
    status, _, err = run("coverage", "--db", str(filled), "--year", "69")
    assert status == 2 and "ปีการศึกษา" in err
    with pytest.raises(SystemExit) as raised:
        run("coverage", "--db", str(filled), "--year", "2569", "--term", "3")
    assert raised.value.code == 2


def test_each_school_carries_its_reason(filled: Path) -> None:
    """F2: the reason a school is overdue, in JSON and in the text table."""
    status, out, _ = run("coverage", "--db", str(filled), "--year", "2569", "--term", "2", "--json")
    red = json.loads(out)["schools"][0]
    assert status == 0 and "ยังไม่ได้นิเทศครั้งที่ 1 ซึ่งควรทำภายใน 15 ม.ค. 2570" in red["reason"]
    assert red["followups_done"] == 0
    _, text, _ = run("coverage", "--db", str(filled), "--year", "2569", "--term", "2")
    assert "ยังไม่ได้นิเทศครั้งที่ 1 ซึ่งควรทำภายใน 15 ม.ค. 2570" in text and "เหตุผล" in text
