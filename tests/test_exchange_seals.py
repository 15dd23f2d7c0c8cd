"""Issue 10: owners' seals are kept only while a record needs them (to be relayed under its owner's
signature, or for a change waiting for a person), and superseded seals go in the import that
supersedes them. Real files between laptops with separate keys."""

from __future__ import annotations

import json
import sqlite3
from typing import Callable

import pytest

from qualityschool_desktop.exchange import seals
from qualityschool_desktop.exchange.records import TABLES
from qualityschool_desktop.migrations import _APPEND_ONLY_COLUMNS
from qualityschool_desktop.workspace import Workspace

from .laptops import (  # noqa: F401 (laptops: a fixture)
    CODE_A,
    Laptop,
    behind_owner_check,
    decision_behind_the_core,
    forge,
    laptops,
    read_members,
    rows_of,
    start_school,
    start_visit,
    write_members,
)

Laptops = Callable[[str], Laptop]


def seal_store(workspace: Workspace) -> tuple[int, int]:
    """(seals kept, bytes of their digests)."""
    count, size = workspace.db.execute("SELECT count(*), coalesce(sum(length(digests)), 0) FROM seals").fetchone()
    return int(count), int(size)


def dangling_seals(workspace: Workspace) -> list[str]:
    """Seal ids a record or a waiting change names that are not kept."""
    named = " UNION ".join(f"SELECT signed_set AS id FROM {t} WHERE signed_set IS NOT NULL" for t in TABLES)
    named += " UNION SELECT seal_id FROM pending_changes WHERE seal_id <> '' AND decision = ''"
    return [str(r[0]) for r in workspace.db.execute(f"SELECT id FROM ({named}) WHERE id NOT IN (SELECT id FROM seals)")]


def school_updates(laptops: Laptops, updates: int) -> tuple[Laptop, dict[str, str], list[tuple[int, int]]]:
    """School A sends its file, then ``updates`` more, each after changing one answer; the district
    imports each. Returns the district, the school's ids and the district's seal store after each."""
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace, levels=10)
    district.import_(school.export("a-0.qsx", school_codes=[CODE_A]))
    sizes = []
    with district.open() as workspace:
        sizes.append(seal_store(workspace))
    with school.open() as workspace:
        items = [item.code for item in workspace.frameworks.latest().items[:10]]
    assert updates < len(items)
    for number in range(1, updates + 1):
        with school.open() as workspace:
            workspace.answers.set_level(ids["assessment"], items[number], 1 + number % 2)  # was 3
            workspace.answers.flush_pending()
        result = district.import_(school.export(f"a-{number}.qsx", school_codes=[CODE_A]))
        assert result.counts["answers"].updated == 1
        with district.open() as workspace:
            sizes.append(seal_store(workspace))
            assert dangling_seals(workspace) == []
    return district, ids, sizes


def test_reimporting_updates_of_one_school_does_not_grow_the_seal_store(laptops: Laptops) -> None:
    _district, _ids, sizes = school_updates(laptops, 6)
    first_count, first_bytes = sizes[0]
    assert first_count == 1
    # However many updates arrive, the district keeps the school's latest seal and no more.
    assert [count for count, _ in sizes] == [1] * len(sizes)
    assert max(size for _, size in sizes) <= first_bytes + 32 * 8  # a few more rows (history), not N seals


def test_after_cleanup_the_district_still_relays_the_school_under_its_seal(laptops: Laptops) -> None:
    district, ids, _sizes = school_updates(laptops, 3)
    province = laptops("province")
    relayed = district.export("district.qsx", school_codes=[CODE_A])
    result = province.import_(relayed)
    assert result.counts["answers"].new == 10
    assert result.pending == []
    with province.open() as workspace:
        school_levels = {c: a.level for c, a in workspace.answers.for_assessment(ids["assessment"]).items()}
    with laptops("school-a").open() as workspace:
        assert school_levels == {c: a.level for c, a in workspace.answers.for_assessment(ids["assessment"]).items()}
        signer = workspace.installation_id
    with province.open() as workspace:
        bound = {str(r[0]) for r in workspace.db.execute("SELECT installation_id FROM school_signers")}
    assert bound == {signer}  # bound to the school's key, not the district's


def test_a_seal_a_waiting_change_needs_is_kept(laptops: Laptops) -> None:
    """A supervisor's laptop (not the school's key) changes the school's answer: the change waits
    at the district with its seal; a later file from the school does not take that seal away."""
    school, district, supervisor = laptops("school-a"), laptops("district"), laptops("supervisor")
    with school.open() as workspace:
        ids = start_school(workspace)
    first = school.export("a-0.qsx", school_codes=[CODE_A])
    district.import_(first)
    supervisor.import_(first)
    with supervisor.open() as workspace, behind_owner_check(workspace):
        workspace.answers.set_level(ids["assessment"], ids["item"], 1)
        workspace.answers.flush_pending()
    waiting = district.import_(supervisor.export("sup.qsx", school_codes=[CODE_A]))
    assert waiting.counts["answers"].pending == 1
    with school.open() as workspace:
        workspace.answers.set_level(ids["assessment"], ids["item2"], 2)
        workspace.answers.flush_pending()
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        assert dangling_seals(workspace) == []
        waiting_seals = {str(r[0]) for r in workspace.db.execute(
            "SELECT seal_id FROM pending_changes WHERE decision = ''")}
        kept = {str(r[0]) for r in workspace.db.execute("SELECT id FROM seals")}
        assert waiting_seals and waiting_seals <= kept
        assert len(kept) == 2  # the supervisor's seal for the waiting change, the school's latest


def test_history_stays_append_only_but_may_move_to_a_newer_seal(memory_workspace: Workspace) -> None:
    ids = start_school(memory_workspace)  # history rows
    start_visit(memory_workspace, ids["school"])  # visit events
    memory_workspace.assessments.submit(ids["assessment"])
    decision_behind_the_core(memory_workspace, ids["assessment"])  # review decisions (issue 13)
    memory_workspace.comments.on_assessment(ids["assessment"], "ความคิดเห็น")  # comments (issue 10)
    db = memory_workspace.db
    for table, columns in _APPEND_ONLY_COLUMNS.items():
        live = [str(r[1]) for r in db.execute(f"PRAGMA table_info({table})").fetchall()]
        assert set(live) - set(columns) == {"signed_set"}  # every other column stays as written
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
        db.execute(f"UPDATE {table} SET signed_set = NULL")  # the seal it is kept with may move
        for column in columns:
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                db.execute(f"UPDATE {table} SET {column} = {column}")


def test_an_exported_line_digests_as_its_row(laptops: Laptops) -> None:
    """The receiver digests each line as read: an export writes every record in the canonical form
    its digest covers; a line written otherwise (another program's spacing or key order) is still
    checked, by its row."""
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    path = school.export("a.qsx", school_codes=[CODE_A])
    members = read_members(path)
    for table in TABLES:
        for line in members.get(f"records/{table}.jsonl", b"").splitlines():
            assert seals.line_digest(table, line) == seals.row_digest(table, json.loads(line))
    # The same rows with spaces and in schema order: no line digest matches, every row still does.
    respaced = dict(members)
    for table in TABLES:
        rows = rows_of(members, table)
        if rows:
            respaced[f"records/{table}.jsonl"] = b"".join(
                json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n" for row in rows)
    school.activate()
    other = forge(respaced)  # sealed and signed again by the acting laptop: the school's
    result = district.import_(write_members(school.root / "files" / "respaced.qsx", other))
    assert result.counts["answers"].new == 3


def test_a_database_from_before_drops_the_seals_nothing_names_and_then_keeps_one_per_school(laptops: Laptops) -> None:
    from qualityschool_desktop.database import open_database

    district = laptops("district")
    district.activate()
    open_database(district.db, create=True, stop_before="0007_seal_references").conn.close()
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
    files = [school.export("a-0.qsx", school_codes=[CODE_A])]
    with school.open() as workspace:
        workspace.answers.set_level(ids["assessment"], ids["item"], 1)
        workspace.answers.flush_pending()
    files.append(school.export("a-1.qsx", school_codes=[CODE_A]))
    district.activate()
    conn = open_database(district.db, stop_before="0007_seal_references").conn
    conn.execute("INSERT INTO seals (id, installation_id, made_at, digests, signature) VALUES"
                 " ('00000000-0000-4000-8000-000000000000', 'x', '2026-01-01T00:00:00Z', x'00', '')")
    conn.close()
    with district.open() as workspace:  # migrated now
        assert seal_store(workspace)[0] == 0  # the seal nothing names is gone
    for path in files:
        district.import_(path)
    with district.open() as workspace:
        assert seal_store(workspace)[0] == 1
        assert dangling_seals(workspace) == []


def test_cleanup_keeps_what_the_schools_two_owners_need_and_the_province_learns_them_from_the_statement(
    laptops: Laptops,
) -> None:
    """After the merge with owner statements: a school with two laptops (the spare bound at the
    school, named in its statement) sends updates from both; the district keeps one seal per
    signer whose rows it holds, nothing dangles, and a province that first sees the school through
    the district binds both laptops from the statement (first use with the school's row written in
    the same import) and nothing waits."""
    from qualityschool_desktop import exchange

    school, district = laptops("school-a"), laptops("district")
    spare, province = laptops("school-a-spare"), laptops("province")
    with school.open() as workspace:
        ids = start_school(workspace, levels=10)
        items = [item.code for item in workspace.frameworks.latest().items[:10]]
    first = school.export("a-0.qsx", school_codes=[CODE_A])
    spare.import_(first)
    with school.open() as workspace:
        exchange.bind(workspace, exchange.fingerprint_groups(spare.fingerprint, full=True), CODE_A)
    bound = school.export("a-1.qsx", school_codes=[CODE_A])
    district.import_(bound)
    spare.import_(bound)
    kept = []
    for number in range(2, 6):
        laptop = school if number % 2 else spare
        with laptop.open() as workspace:
            workspace.answers.set_level(ids["assessment"], items[number], 1 + number % 2)
            workspace.answers.flush_pending()
        sent = laptop.export(f"u-{number}.qsx", school_codes=[CODE_A])
        result = district.import_(sent)
        assert result.counts["answers"].updated == 1 and result.pending == []
        (spare if laptop is school else school).import_(sent)
        with district.open() as workspace:
            assert dangling_seals(workspace) == []
            kept.append(seal_store(workspace)[0])
    assert max(kept) <= 2  # the school's latest seal and the spare's, not one per file

    result = province.import_(district.export("relay.qsx", school_codes=[CODE_A]))
    assert result.counts["schools"].new == 1 and result.pending == []
    with province.open() as workspace:
        assert dangling_seals(workspace) == []
        how = {str(r[0]): str(r[1]) for r in workspace.db.execute(
            "SELECT fingerprint, how FROM school_signers WHERE school_id = ?", [ids["school"]])}
        levels = {c: a.level for c, a in workspace.answers.for_assessment(ids["assessment"]).items()}
    assert how == {school.fingerprint: "statement", spare.fingerprint: "statement"}
    with school.open() as workspace:
        assert levels == {c: a.level for c, a in workspace.answers.for_assessment(ids["assessment"]).items()}
