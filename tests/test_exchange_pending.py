"""Issue 10, tester's findings 2, 3, 9, 12 and 17: what accepting a pending change does to versions
and values, versions that could not travel on, pending attachments' bytes, and conflicts a later
version settles.

Every test moves real files between databases with separate data folders (separate keys).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable

import pytest

from qualityschool_desktop import exchange, validation
from qualityschool_desktop.errors import StorageError, ValidationError
from qualityschool_desktop.exchange import ExchangeError
from qualityschool_desktop.workspace import Workspace

from .laptops import (
    CODE_A,
    Laptop,
    Laptops,
    behind_owner_check,
    edit_rows,
    forge,
    laptops,  # noqa: F401 (a fixture)
    read_members,
    school_and_district,
    two_laptops_of_the_school,
    write_members,
)


def stranger_sends_school_row(stranger: Laptop, first: Path, school_id: str,
                              change: Callable[[dict[str, Any]], None], name: str = "x.qsx") -> Path:
    """The stranger changes pupils to 150 on its own laptop, then edits its file's school row with
    ``change`` (its version, say), keeps only that row and seals the file with its own key."""
    stranger.import_(first)
    with stranger.open() as workspace, behind_owner_check(workspace):  # an adversary's own database
        workspace.schools.update(school_id, pupils=150)
    members = read_members(stranger.export(name))

    def edit(row: dict[str, Any]) -> None:
        if row["id"] == school_id:
            change(row)

    members = edit_rows(members, "schools", edit)
    for table in ("assessments", "answers", "attachments", "answer_history", "network_schools"):
        members.pop(f"records/{table}.jsonl", None)
    with stranger._briefly():
        members = forge(members)
    return write_members(stranger.root / "files" / f"forged-{name}", members)


def stored_version(workspace: Workspace, table: str, record_id: str) -> dict[str, int]:
    row = workspace.db.execute(f"SELECT version FROM {table} WHERE id = ?", [record_id]).fetchone()
    return json.loads(row[0])


def test_accepting_a_change_never_adopts_the_senders_counters(laptops: Laptops) -> None:
    """Only the school's laptop accepts a change to the school's records (s23); its acceptance is a
    version of its own, never the stranger's inflated counters, so its next correction is newer
    at the district, not "older"."""
    school, district, ids, first = school_and_district(laptops)
    stranger = laptops("stranger")
    a = school.installation_id

    def inflate(row: dict[str, Any]) -> None:
        version = json.loads(row["version"])
        version[a] = 1000
        row["version"] = json.dumps(version, sort_keys=True, separators=(",", ":"))

    sent = stranger_sends_school_row(stranger, first, ids["school"], inflate)
    assert district.import_(sent).counts["schools"].pending == 1
    with district.open() as workspace:
        (change,) = exchange.list_pending(workspace)
        with pytest.raises(ExchangeError, match="เครื่องของโรงเรียน"):
            exchange.accept_pending(workspace, change.id)
    assert school.import_(sent).counts["schools"].pending == 1
    with school.open() as workspace:
        before = stored_version(workspace, "schools", ids["school"])
        (change,) = exchange.list_pending(workspace)
        exchange.accept_pending(workspace, change.id)
        assert workspace.schools.get(ids["school"]).pupils == 150
        # A new version of the school's own, descending only from what the school had.
        assert stored_version(workspace, "schools", ids["school"]) == {a: before[a] + 1}
        workspace.schools.update(ids["school"], pupils=125)  # the school's own correction
    result = district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    assert result.counts["schools"].older == 0
    with district.open() as workspace:
        assert workspace.schools.get(ids["school"]).pupils == 125
        assert exchange.list_conflicts(workspace) == []


@pytest.mark.parametrize("mode", ["entries", "max"])
def test_a_version_with_no_room_left_is_refused_on_import_and_never_blocks_the_export(
    laptops: Laptops, mode: str
) -> None:
    school, district, ids, first = school_and_district(laptops)
    stranger = laptops("stranger")

    def fill(row: dict[str, Any]) -> None:
        version = json.loads(row["version"])
        if mode == "entries":
            for i in range(validation.MAX_VERSION_ENTRIES - len(version)):
                version[f"junk-{i:02d}"] = 1
        else:
            version[district.installation_id] = validation.MAX_INTEGER
        row["version"] = json.dumps(version, sort_keys=True, separators=(",", ":"))

    forged = stranger_sends_school_row(stranger, first, ids["school"], fill)
    with pytest.raises(ExchangeError, match="รุ่นของข้อมูล"):
        district.import_(forged)
    with district.open() as workspace, behind_owner_check(workspace):
        assert exchange.list_pending(workspace) == []
        workspace.schools.update(ids["school"], teachers=7)
        assert validation.parse_version(json.dumps(stored_version(workspace, "schools", ids["school"])))
    district.export("everything.qsx")  # nothing stored here keeps the district from sending its data


def test_a_local_write_never_stores_a_version_the_exchange_would_refuse(laptops: Laptops) -> None:
    school, district, ids, first = school_and_district(laptops)
    with district.open() as workspace, behind_owner_check(workspace):
        full = {f"junk-{i:02d}": 1 for i in range(validation.MAX_VERSION_ENTRIES)}
        with workspace.db.write():  # a database written behind the core's back (or by an older version)
            workspace.db.execute("UPDATE schools SET version = ? WHERE id = ?",
                                 [json.dumps(full), ids["school"]])
        with pytest.raises((StorageError, ValidationError)) as refused:
            workspace.schools.update(ids["school"], teachers=7)
        assert "รุ่นของข้อมูล" in str(refused.value)
        assert stored_version(workspace, "schools", ids["school"]) == full
        assert workspace.schools.get(ids["school"]).teachers != 7


def test_accepting_a_change_applies_only_the_fields_it_changed(laptops: Laptops) -> None:
    """The school's laptop accepts a supervisor's spelling fix made on an older state: only the
    name changes, the school's later pupils stay, and the district gets both from the school."""
    school, district, ids, first = school_and_district(laptops)
    supervisor = laptops("supervisor")
    supervisor.import_(first)
    with supervisor.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], name="โรงเรียนบ้านแม่สอด (สะกดใหม่)")
    fix = supervisor.export("s.qsx")
    with school.open() as workspace:
        workspace.schools.update(ids["school"], pupils=201)
    assert school.import_(fix).counts["schools"].pending == 1
    with school.open() as workspace:
        (change,) = [p for p in exchange.list_pending(workspace) if p.table == "schools"]
        exchange.accept_pending(workspace, change.id)
        row = workspace.schools.get(ids["school"])
        assert (row.name, row.pupils) == ("โรงเรียนบ้านแม่สอด (สะกดใหม่)", 201)
        workspace.schools.update(ids["school"], pupils=202)
    result = district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    assert result.counts["schools"].older == 0
    with district.open() as workspace:
        row = workspace.schools.get(ids["school"])
        assert (row.name, row.pupils) == ("โรงเรียนบ้านแม่สอด (สะกดใหม่)", 202)


def store_files(laptop: Laptop) -> list[Path]:
    folder = laptop.root / f"{laptop.name}-attachments"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@pytest.mark.parametrize("decision", ["reject", "accept"])
def test_a_pending_attachments_bytes_go_when_nothing_refers_to_them(
    laptops: Laptops, tmp_path: Path, decision: str
) -> None:
    school, _district, ids, first = school_and_district(laptops)
    stranger = laptops("stranger")
    stranger.import_(first)
    evidence = tmp_path / "evidence.pdf"
    evidence.write_bytes(os.urandom(200_000))
    with stranger.open() as workspace, behind_owner_check(workspace):
        workspace.attachments.add(ids["assessment"], ids["item"], evidence)
    before = store_files(school)
    result = school.import_(stranger.export("x.qsx"))
    assert result.counts["attachments"].pending == 1
    with school.open() as workspace:
        waiting = exchange.list_pending(workspace)
        for change in waiting:
            if decision == "reject":
                exchange.reject_pending(workspace, change.id)
            else:
                exchange.accept_pending(workspace, change.id)
        referenced = {r[0] for r in workspace.db.execute("SELECT sha256 FROM attachments")}
    assert {p.name for p in store_files(school)} <= referenced | {p.name for p in before}
    if decision == "reject":
        assert store_files(school) == before
    else:
        assert len(store_files(school)) == len(before) + 1
    after = store_files(school)
    school.import_(stranger.export("x-again.qsx"))  # the same change again: decided, not stored again
    assert store_files(school) == after


@pytest.mark.parametrize("order", [("a1", "a2", "r"), ("a2", "a1", "r"), ("a2", "r", "a1"), ("r", "a1", "a2")])
def test_a_version_descending_from_both_sides_closes_the_conflict_wherever_it_arrives(
    laptops: Laptops, order: tuple[str, ...]
) -> None:
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    with a1.open() as workspace:
        workspace.schools.update(ids["school"], pupils=201)
    with a2.open() as workspace:
        workspace.schools.update(ids["school"], pupils=202)
    files = {"a1": a1.export("a1.qsx"), "a2": a2.export("a2.qsx")}
    a1.import_(files["a2"])
    with a1.open() as workspace:
        (conflict,) = exchange.list_conflicts(workspace)
        exchange.use_version(workspace, conflict.id, "losing")
        chosen = workspace.schools.get(ids["school"]).pupils
    files["r"] = a1.export("resolved.qsx")
    for name in order:
        district.import_(files[name])
    with district.open() as workspace:
        assert workspace.schools.get(ids["school"]).pupils == chosen
        assert exchange.list_conflicts(workspace) == []
