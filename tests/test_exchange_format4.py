"""Exchange format 4 (issue 14, C14 item 1): an office's budget decision carries the item's state
it decided on (``budget_decisions.decided_state``, migration 0025). A program of format 3 met the
new field as "a field this program does not know" and refused the whole file without telling the
user what to do; a file that carries the field is now of format 4, which such a program refuses
with its "made by a newer program, update this program" message. A file that carries nothing new
stays format 3, so older programs still read the schools' own files."""

from __future__ import annotations

import json
from typing import Callable

import pytest

from qualityschool_desktop.exchange import ExchangeError, package

from .laptops import CODE_A, Laptop, edit_rows, laptops, read_members, resign_manifest, write_members  # noqa: F401 (a fixture)
from .test_budget_approvals import requested_at_district

Laptops = Callable[[str], Laptop]


def _office_file(laptops: Laptops) -> tuple[Laptop, Laptop, str]:
    school, district, item = requested_at_district(laptops)
    with district.open() as workspace:
        workspace.budget.set_approval(item, "40,000", "ตามกรอบวงเงิน")
    return school, district, item


def test_an_office_file_with_a_decision_is_format_4_and_a_format_3_program_says_update(
        laptops: Laptops, monkeypatch: pytest.MonkeyPatch) -> None:
    school, district, item = _office_file(laptops)
    path = district.export("d-1.qsx", school_codes=[CODE_A])
    manifest = json.loads(read_members(path)["manifest.json"])
    assert manifest["format_version"] == 4
    # The program before format 4 (READABLE_VERSIONS 2 and 3, as at commit bce5304).
    monkeypatch.setattr(package, "FORMAT_VERSION", 3)
    monkeypatch.setattr(package, "READABLE_VERSIONS", frozenset({2, 3}))
    with pytest.raises(ExchangeError, match="ทำด้วยโปรแกรมรุ่นใหม่กว่า.*รุ่น 4.*โปรดปรับรุ่นโปรแกรมในเครื่องนี้"):
        school.import_(path)


def test_this_program_reads_format_4_and_the_school_sees_the_decision(laptops: Laptops) -> None:
    school, district, item = _office_file(laptops)
    school.import_(district.export("d-1.qsx", school_codes=[CODE_A]))
    with school.open() as workspace:
        approval = workspace.budget.approval(item)
        assert approval is not None and approval.approved_satang == 4_000_000 and approval.current


def test_a_school_file_without_decisions_stays_format_3(laptops: Laptops) -> None:
    school, district, item = requested_at_district(laptops)
    manifest = json.loads(read_members(school.export("a-2.qsx", school_codes=[CODE_A]))["manifest.json"])
    assert manifest["format_version"] == 3


def test_a_field_this_program_does_not_know_asks_to_update_the_program(laptops: Laptops) -> None:
    school, district, item = _office_file(laptops)
    members = read_members(district.export("d-1.qsx", school_codes=[CODE_A]))
    with district._briefly():
        members = resign_manifest(edit_rows(members, "budget_decisions", lambda row: row.update(from_the_future="x")))
    path = write_members(district.root / "files" / "future.qsx", members)
    with pytest.raises(ExchangeError, match="ไม่รู้จัก.*โปรแกรมรุ่นใหม่กว่า.*โปรดปรับรุ่นโปรแกรม"):
        school.import_(path)
