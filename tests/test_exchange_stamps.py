"""Issue 10 tester findings #1, #16 and #14: stamps outside the years people live in, and manifest
texts without a limit, are refused by the one validator (local writes and imports alike), and no
display of a stamp can crash.

A stamp of 9999-12-31 was accepted with a warning, then every view that turned it into local time
overflowed (the import preview never opened); a stamp of 0001-01-01 was accepted, then every later
update of that record was refused ("date value out of range"). An exporter name of 3,000,000
characters was stored and printed as it came.
"""

from __future__ import annotations

import random
from typing import Callable

import pytest

from qualityschool_desktop import clock, validation
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.exchange import ExchangeError

from .laptops import (
    Laptop,
    edit_rows,
    forge,
    laptops,  # noqa: F401 (a fixture)
    read_members,
    start_school,
    start_visit,
    write_members,
)

Laptops = Callable[[str], Laptop]

FAR_FUTURE = "9999-12-31T23:59:59.999Z"
YEAR_ONE = "0001-01-01T00:00:00.000Z"


@pytest.mark.parametrize("stamp", [FAR_FUTURE, YEAR_ONE, "2300-01-01T00:00:00.000Z", "1900-06-01T00:00:00.000Z"])
def test_the_validator_refuses_a_stamp_outside_the_years_it_knows(stamp: str) -> None:
    reason = validation.STAMP.problem(stamp)
    assert reason is not None and "เวลาจริง" in reason
    assert validation.STAMP("2026-11-23T10:15:02.123Z")
    assert validation.STAMP("1970-01-01T00:00:00.000Z")  # a laptop whose clock fell back to 1970 still writes
    assert validation.STAMP("2099-01-01T00:00:00.000Z")


@pytest.mark.parametrize("table, column, stamp", [
    ("answers", "modified_at", FAR_FUTURE),
    ("answers", "modified_at", YEAR_ONE),
    ("visits", "modified_at", YEAR_ONE),
    ("visit_events", "happened_at", FAR_FUTURE),
])
def test_a_file_with_a_stamp_outside_the_years_is_refused(laptops: Laptops, table: str, column: str, stamp: str) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        start_visit(workspace, ids["school"])
    members = read_members(school.export("a-1.qsx"))
    school.activate()
    forged = forge(edit_rows(members, table, lambda row: row.update({column: stamp})))
    path = write_members(school.root / "stamp.qsx", forged)
    with pytest.raises(ExchangeError, match="เวลาจริง"):
        district.preview(path)
    with pytest.raises(ExchangeError, match="เวลาจริง"):
        district.import_(path)
    with district.open() as workspace:
        assert workspace.schools.count() == 0


@pytest.mark.parametrize("stamp", [FAR_FUTURE, YEAR_ONE, "9999-99-99T99:99:99Z"])
def test_a_file_exported_at_a_time_that_is_not_real_is_refused(laptops: Laptops, stamp: str) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    members = read_members(school.export("a-1.qsx"))
    school.activate()
    forged = forge(members, manifest_edit=lambda manifest: manifest.update(exported_at=stamp))
    path = write_members(school.root / "exported.qsx", forged)
    with pytest.raises(ExchangeError, match="เวลาจริง"):
        district.import_(path)
    with district.open() as workspace:
        assert workspace.schools.count() == 0


def test_a_laptop_whose_clock_says_a_year_outside_refuses_to_save(laptops: Laptops, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same rule on the laptop: an edit stamped in 2300 would make every receiver refuse the file."""
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
        monkeypatch.setattr(clock, "_offset", clock.timedelta(days=365 * 280))
        with pytest.raises(ValidationError, match="เวลาจริง"):
            workspace.schools.update(ids["school"], pupils=121)
        monkeypatch.setattr(clock, "_offset", clock.timedelta(0))
        assert workspace.schools.get(ids["school"]).pupils == 120


# -- manifest texts (#14) ----------------------------------------------------------------------------
@pytest.mark.parametrize("name, words", [
    # Random letters: a run of one letter compresses so well that the zip checks refuse it first.
    ("".join(random.Random(10).choices("กขคงจฉชซดตถทนบปผพฟมยรลวสหอ", k=300_000)), "ยาวเกินกำหนด"),
    ("โรงเรียน\x1b[2Jปลอม", "บรรทัดเดียว"),
    ("บรรทัดแรก\nบรรทัดสอง", "บรรทัดเดียว"),
], ids=["300-thousand-characters", "escape-sequence", "newline"])
def test_an_exporter_name_breaking_the_names_rule_is_refused(laptops: Laptops, name: str, words: str) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    members = read_members(school.export("a-1.qsx"))
    school.activate()

    def rename(manifest: dict) -> None:
        manifest["exporter"]["name"] = name

    path = write_members(school.root / "named.qsx", forge(members, manifest_edit=rename))
    with pytest.raises(ExchangeError, match=words) as refused:
        district.import_(path)
    assert len(str(refused.value)) < 1000  # the message never carries the text itself
    with district.open() as workspace:
        assert workspace.schools.count() == 0
        assert workspace.db.execute("SELECT count(*) FROM signers").fetchone()[0] == 0
        assert workspace.db.execute("SELECT count(*) FROM exchange_log").fetchone()[0] == 0


@pytest.mark.parametrize("edit", [
    lambda m: m.update(app_version="1" * 5000),
    lambda m: m.update(app_version="1.0\x1b[8m"),
    lambda m: m["frameworks"].append({"id": "x" * 300, "version": "1"}),
    lambda m: m.update(scope={"kind": "visitor", "visitor": "ก" * 300}),
    lambda m: m.update(scope={"kind": "schools", "school_codes": [1, 2]}),
    lambda m: m.update(scope={"kind": "อื่น ๆ"}),
], ids=["app-version-long", "app-version-escape", "framework-id", "scope-visitor", "scope-codes", "scope-kind"])
def test_every_other_manifest_text_obeys_the_rules_too(laptops: Laptops, edit: Callable[[dict], None]) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    members = read_members(school.export("a-1.qsx"))
    school.activate()
    path = write_members(school.root / "manifest.qsx", forge(members, manifest_edit=edit))
    with pytest.raises(ExchangeError):
        district.preview(path)
    with district.open() as workspace:
        assert workspace.schools.count() == 0
