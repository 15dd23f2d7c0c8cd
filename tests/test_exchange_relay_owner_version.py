"""Issue 10 "files pass through hands" (retest30 N6 closed): a relay's file carries the owner's sealed
version of a record whose version in use at the relay is not the owner's.

School A's file goes to the district; the district changes one of A's answers (its own key bound to
A there by a person), or takes in a change by another laptop it bound to A; the district's file goes
to the province, which never saw A's file. The province must then hold A's own answer, checked
against A's seal exactly as if A's file had come, with the district's change waiting on top of it
("รอตรวจสอบ"), as when both files arrive separately; and the colour it shows is A's own. A relay
cannot alter the owner's version it carries: such a file is refused with a Thai message.
"""

from __future__ import annotations

import json
from typing import Callable

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.district import district_picture
from qualityschool_desktop.exchange import package as package_module
from qualityschool_desktop.exchange import seals

from .laptops import (  # noqa: F401 (a fixture)
    CODE_A, Laptop, laptops, read_members, resign_manifest, start_school, write_members,
)

Laptops = Callable[[str], Laptop]
MISSING = "ยังไม่มีฉบับของโรงเรียนเองในเครื่องนี้"
RELAYED = "relayed/answers.jsonl"


def _school_with_a_low_answer(school: Laptop) -> dict[str, str]:
    """School A answers every item 4, one of them 1, and submits the round."""
    with school.open() as workspace:
        ids = start_school(workspace, levels=0)
        for item in workspace.frameworks.latest().items:
            workspace.answers.set_level(ids["assessment"], item.code, 4)
        workspace.answers.set_level(ids["assessment"], ids["item"], 1)
        workspace.answers.flush_pending()
        workspace.assessments.submit(ids["assessment"])
    return ids


def _band(laptop: Laptop, ids: dict[str, str]) -> tuple[str | None, float | None]:
    with laptop.open() as workspace:
        standing = district_picture(workspace, 2568, 1).standing_of(ids["school"])
        assert standing is not None
        return standing.band_key, standing.score


def _district_lifts_the_low_answer(laptops: Laptops) -> tuple[Laptop, Laptop, dict[str, str]]:
    """A's file → district; the district binds its own key to A and lifts the low answer to 5."""
    school, district = laptops("school"), laptops("district")
    ids = _school_with_a_low_answer(school)
    district.import_(school.export("a.qsx"))
    with district.open() as workspace:
        exchange.bind(workspace, district.fingerprint, CODE_A)  # a person adds the district's key to A
        workspace.assessments.reopen(ids["assessment"])
        workspace.answers.set_level(ids["assessment"], ids["item"], 5)
        workspace.answers.flush_pending()
        workspace.assessments.submit(ids["assessment"])
    return school, district, ids


def test_the_province_holds_the_schools_own_answer_with_the_districts_change_waiting(laptops: Laptops) -> None:
    school, district, ids = _district_lifts_the_low_answer(laptops)
    own_band = _band(school, ids)
    relayed = district.export("district.qsx")
    province = laptops("province")

    preview = province.preview(relayed)
    assert not [w for w in preview.warnings if MISSING in w]
    assert preview.counts["answers"].pending == 1
    result = province.import_(relayed)
    assert not [w for w in result.warnings if MISSING in w]
    with province.open() as workspace:
        here = workspace.answers.get(ids["assessment"], ids["item"])
        assert here is not None and here.level == 1  # A's own value, in use
        (waiting,) = [c for c in exchange.list_pending(workspace) if c.table == "answers"]
        assert waiting.row["level"] == 5 and waiting.current is not None and not waiting.own_version_missing
        assert workspace.assessments.get(ids["assessment"]).status == "submitted"
    assert _band(province, ids) == own_band  # the colour is the school's own, not the lifted one
    assert _band(district, ids) != own_band  # (the district's own picture shows its change)

    # The school's own file afterwards changes nothing: its version is here already.
    again = province.import_(school.export("a-again.qsx"))
    assert again.counts["answers"].new == 0 and again.counts["answers"].updated == 0
    with province.open() as workspace:
        (waiting,) = [c for c in exchange.list_pending(workspace) if c.table == "answers"]
        assert waiting.row["level"] == 5


def test_a_change_the_district_took_in_from_another_laptop_travels_with_the_schools_own_version(
    laptops: Laptops,
) -> None:
    school, supervisor, district = laptops("school"), laptops("supervisor"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    own = school.export("own.qsx")
    supervisor.import_(own)
    district.import_(own)
    with supervisor.open() as workspace:
        exchange.bind(workspace, supervisor.fingerprint, CODE_A)
        workspace.answers.set_level(ids["assessment"], ids["item"], 1)
        workspace.answers.flush_pending()
    with district.open() as workspace:
        exchange.bind(workspace, supervisor.fingerprint, CODE_A)  # the district lets the supervisor change A
    district.import_(supervisor.export("s.qsx"))
    with district.open() as workspace:
        assert workspace.answers.get(ids["assessment"], ids["item"]).level == 1  # applied at the district

    province = laptops("province")
    result = province.import_(district.export("district.qsx"))
    assert not [w for w in result.warnings if MISSING in w]
    with province.open() as workspace:
        here = workspace.answers.get(ids["assessment"], ids["item"])
        assert here is not None and here.level == 3
        (waiting,) = [c for c in exchange.list_pending(workspace) if c.table == "answers"]
        assert waiting.row["level"] == 1 and waiting.signer_installation == supervisor.installation_id


def test_a_relay_whose_records_are_the_owners_carries_no_second_version(laptops: Laptops) -> None:
    """Nothing changed at the district: one version per record, and a file an older program reads."""
    school, district = laptops("school"), laptops("district")
    _school_with_a_low_answer(school)
    district.import_(school.export("a.qsx"))
    members = read_members(district.export("district.qsx"))
    assert not [name for name in members if name.startswith("relayed/")]
    assert json.loads(members["manifest.json"])["format_version"] < package_module.FORMAT_VERSION


def test_the_file_says_which_format_carries_the_owners_version(laptops: Laptops) -> None:
    _school, district, _ids = _district_lifts_the_low_answer(laptops)
    members = read_members(district.export("district.qsx"))
    assert RELAYED in members
    assert json.loads(members["manifest.json"])["format_version"] == package_module.RELAYED_FORMAT


def test_a_relay_cannot_alter_the_owners_version_it_carries(laptops: Laptops) -> None:
    school, district, ids = _district_lifts_the_low_answer(laptops)
    path = district.export("district.qsx")
    members = read_members(path)
    (row,) = [json.loads(line) for line in members[RELAYED].decode("utf-8").splitlines()]
    assert row["level"] == 1
    row["level"] = 5  # the relay makes "the school's own" answer what it wants …
    members[RELAYED] = (seals.canonical(row) + "\n").encode("utf-8")
    district.activate()  # … and vouches for it with its own key
    seal = seals.make_seal(district.installation_id, [seals.row_digest("answers", row)])
    members["seals.jsonl"] += (json.dumps(seal) + "\n").encode("utf-8")
    forged = write_members(path.with_name("forged.qsx"), resign_manifest(members))

    province = laptops("province")
    with province.open():
        pass
    for attempt in (province.preview, province.import_):
        with pytest.raises(exchange.ExchangeError) as refused:
            attempt(forged)
        assert "ฉบับของเจ้าของข้อมูล" in str(refused.value) and "forged.qsx" in str(refused.value)
    with province.open() as workspace:
        assert workspace.schools.list() == [] and exchange.list_pending(workspace) == []

    unsigned = dict(members)  # the altered row with no seal at all: refused too
    unsigned["seals.jsonl"] = read_members(path)["seals.jsonl"]
    with pytest.raises(exchange.ExchangeError):
        province.import_(write_members(path.with_name("unsigned.qsx"), resign_manifest(unsigned)))
    with province.open() as workspace:
        assert workspace.schools.list() == []
    del school, ids


def test_the_kept_versions_name_every_column_of_the_schools_tables(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A later migration adding a column to a school's versioned table makes its ``_keep_sealed``
    trigger again (``migrations/owner_versions.keep_trigger``): a kept version without the column
    would no longer match its owner's seal, and would stay home."""
    from qualityschool_desktop.database import open_database
    from qualityschool_desktop.migrations.owner_versions import SCHOOL_OF_ROW

    db = open_database(tmp_path / "x.sqlite3", create=True)
    try:
        for table in SCHOOL_OF_ROW:
            (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [f"{table}_keep_sealed"]).fetchone()
            columns = [str(r[1]) for r in db.execute(f"PRAGMA table_info({table})").fetchall()]
            assert [c for c in columns if c != "signed_set" and f"'{c}', OLD.{c}" not in sql] == [], table
    finally:
        db.conn.close()


def test_the_import_forgets_kept_versions_of_the_tables_that_keep_them() -> None:
    from qualityschool_desktop.exchange.store import _KEEPS_VERSIONS
    from qualityschool_desktop.migrations.owner_versions import SCHOOL_OF_ROW

    assert _KEEPS_VERSIONS == frozenset(SCHOOL_OF_ROW)
