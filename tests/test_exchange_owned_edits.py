"""Issue 10 (T4): an office cannot edit a school's records it does not own; counters are never
reused after a lost conflict; snapshots and seals nothing needs any more go.

Real files move between databases with separate data folders (separate keys)."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Callable

import pytest

from qualityschool_desktop import cli, exchange
from qualityschool_desktop.errors import OwnershipError

from .laptops import CODE_B, NAME_B, Laptop, behind_owner_check, laptops, start_school  # noqa: F401 (fixture)
from .test_exchange_conflicts_closed import set_pupils, two_laptops_of_the_school
from .test_exchange_pending import stranger_sends_school_row

Laptops = Callable[[str], Laptop]


def school_at_district(laptops: Laptops) -> tuple[Laptop, Laptop, dict[str, str]]:
    school, district = laptops("school"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.network_schools.add(ids["school"], code="6301000011", name="โรงเรียนบ้านป่าไม้")
    district.import_(school.export("a.qsx"))
    return school, district, ids


def test_the_office_cannot_edit_a_school_that_came_by_exchange(laptops: Laptops) -> None:
    school, district, ids = school_at_district(laptops)
    with district.open() as workspace:
        assert workspace.schools.owned_elsewhere(ids["school"])
        network_id = workspace.network_schools.for_school(ids["school"])[0].id
        attempts = {
            "profile": lambda: workspace.schools.update(ids["school"], pupils=999),
            "level": lambda: workspace.answers.set_level(ids["assessment"], ids["item"], 1),
            "text": lambda: workspace.answers.set_text(ids["assessment"], ids["item"], "evidence", "แก้ที่เขต"),
            "network": lambda: workspace.network_schools.update(network_id, name="แก้ที่เขต"),
            "new network": lambda: workspace.network_schools.add(ids["school"], code="6301000012", name="ใหม่"),
        }
        for name, attempt in attempts.items():
            with pytest.raises(OwnershipError, match="แก้ไขได้ที่เครื่องของโรงเรียน"):
                attempt()
                workspace.answers.flush_pending()
        assert workspace.schools.get(ids["school"]).pupils == 120
        assert workspace.answers.for_assessment(ids["assessment"])[ids["item"]].level == 3
        assert workspace.db.execute("SELECT count(*) FROM pending_edits").fetchone()[0] == 0
        # A supervisor still visits the school; a school typed at the office stays editable.
        visit = workspace.visits.start(ids["school"], visited_on=date(2025, 12, 1), purpose="ติดตามผล")
        assert visit.school_id == ids["school"]
        typed = workspace.schools.add(code=CODE_B, name=NAME_B, district="แม่สอด", province="ตาก", level="primary")
        assert workspace.schools.update(typed.id, pupils=80).pupils == 80
        assert not workspace.schools.owned_elsewhere(typed.id)
    with school.open() as workspace:  # the school's own laptop edits as before
        assert not workspace.schools.owned_elsewhere(ids["school"])
        assert workspace.schools.update(ids["school"], pupils=130).pupils == 130


def test_a_waiting_change_of_the_school_is_accepted_only_at_the_schools_laptop(laptops: Laptops) -> None:
    """A school's records change only by the school's key (s23): the district cannot accept a
    stranger's change to the school's profile (it rejects it or leaves it); the school can."""
    school, district, ids = school_at_district(laptops)
    first = laptops("school").root / "files" / "a.qsx"

    def pupils(row: dict) -> None:
        row["pupils"] = 150

    sent = stranger_sends_school_row(laptops("stranger"), first, ids["school"], pupils)
    assert district.import_(sent).counts["schools"].pending == 1
    with district.open() as workspace:
        (change,) = exchange.list_pending(workspace)
        assert "เครื่องของโรงเรียน" in change.refusal
        with pytest.raises(exchange.ExchangeError, match="เครื่องของโรงเรียน"):
            exchange.accept_pending(workspace, change.id)
        assert workspace.schools.get(ids["school"]).pupils != 150
        exchange.reject_pending(workspace, change.id)
    assert school.import_(sent).counts["schools"].pending == 1
    with school.open() as workspace:
        (change,) = exchange.list_pending(workspace)
        exchange.accept_pending(workspace, change.id)
        assert workspace.schools.get(ids["school"]).pupils == 150


def test_a_laptop_that_lost_a_conflict_never_reuses_its_counters(laptops: Laptops) -> None:
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    set_pupils(a1, ids["school"], 201)  # {a1: 2}
    set_pupils(a2, ids["school"], 210, 211, 212)  # {a1: 1, a2: 3}: wins
    a1.import_(a2.export("a2.qsx"))
    with a1.open() as workspace:
        (conflict,) = exchange.list_conflicts(workspace)
        lost = json.loads(conflict.losing["version"])[a1.installation_id]
        workspace.schools.update(ids["school"], pupils=220)
        now = json.loads(workspace.db.execute("SELECT version FROM schools WHERE id = ?", [ids["school"]]).fetchone()[0])
    assert now[a1.installation_id] > lost


def unused_seals(workspace) -> int:  # type: ignore[no-untyped-def]
    tables = [r[0] for r in workspace.db.execute(
        "SELECT m.name FROM sqlite_master AS m WHERE m.type = 'table' AND EXISTS"
        " (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'signed_set')")]
    named = " UNION ".join(f"SELECT signed_set FROM {t}" for t in tables)
    return workspace.db.execute(f"SELECT count(*) FROM seals WHERE id NOT IN ({named} UNION"
                                " SELECT seal_id FROM pending_changes WHERE decision = '')").fetchone()[0]


def test_seals_no_record_names_after_local_edits_are_deleted(laptops: Laptops) -> None:
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    with a2.open() as workspace:
        assert workspace.db.execute("SELECT count(*) FROM seals").fetchone()[0] > 0
        with workspace.db.write():
            for table in ("schools", "assessments", "answers", "network_schools", "attachments"):
                workspace.db.execute(f"UPDATE {table} SET modified_by = ?", [a2.installation_id])
        assert unused_seals(workspace) == 0


def test_a_decided_changes_seal_goes_and_snapshots_of_deleted_records_go(laptops: Laptops) -> None:
    school, district, ids = school_at_district(laptops)
    first = laptops("school").root / "files" / "a.qsx"

    def pupils(row: dict) -> None:
        row["pupils"] = 150

    district.import_(stranger_sends_school_row(laptops("stranger"), first, ids["school"], pupils))
    with district.open() as workspace:
        (change,) = exchange.list_pending(workspace)
        exchange.reject_pending(workspace, change.id)
        assert unused_seals(workspace) == 0
        typed = workspace.schools.add(code=CODE_B, name=NAME_B, district="แม่สอด", province="ตาก", level="primary")
        network = workspace.network_schools.add(typed.id, code="6301000012", name="ป่าไม้")
        workspace.network_schools.update(network.id, name="ป่าไม้ใหม่")
        count = "SELECT count(*) FROM record_snapshots WHERE record_id = ?"
        assert workspace.db.execute(count, [network.id]).fetchone()[0] > 0
        with workspace.db.write():
            workspace.db.execute("DELETE FROM network_schools WHERE id = ?", [network.id])
        assert workspace.db.execute(count, [network.id]).fetchone()[0] == 0


def test_a_lost_key_makes_a_new_installation_with_a_notice_to_bind_again(laptops: Laptops) -> None:
    from qualityschool_desktop import keys
    from qualityschool_desktop.ids import installation_id_for
    from qualityschool_desktop.workspace import installation_id, key_replaced_notice

    school, district, ids = school_at_district(laptops)
    old = school.installation_id
    with school._briefly():
        keys.key_path().unlink()  # the key is lost; the installation-id file survives
        new = installation_id()
        assert new != old and new == installation_id_for(keys.public_raw())
        notice = key_replaced_notice()
        assert notice is not None and "signers --bind" in notice and old in notice
        assert key_replaced_notice() is None
        keys.key_path().unlink()  # lost again: the command line says so too, once
        out = io.StringIO()
        assert cli.run(cli.parse(["export", "--db", str(school.db), "--out", str(school.root / "x.qsx")]),
                       out=out, err=io.StringIO()) == 0
        assert "signers --bind" in out.getvalue()
    # Its next file is not refused: the new key is a stranger whose changes wait for a person.
    with school.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], pupils=140)
    result = district.import_(school.export("after-loss.qsx"))
    assert result.counts["schools"].pending == 1


def test_a_seal_only_a_school_event_names_stays_after_local_edits(laptops: Laptops) -> None:
    """Merge of main (0014's assessment_events / review_decisions): a local edit of every versioned
    record at the school's second laptop keeps the seal its submit event still needs, so the
    district still takes the relayed round trip."""
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    with a1.open() as workspace:
        workspace.assessments.submit(ids["assessment"])
    a2.import_(a1.export("a1.qsx"))
    with a2.open() as workspace:
        with workspace.db.write():
            for table in ("schools", "assessments", "answers", "network_schools", "attachments"):
                workspace.db.execute(f"UPDATE {table} SET modified_by = ?", [a2.installation_id])
        missing = workspace.db.execute(
            "SELECT count(*) FROM assessment_events WHERE signed_set IS NOT NULL"
            " AND signed_set NOT IN (SELECT id FROM seals)").fetchone()[0]
        assert workspace.db.execute("SELECT count(*) FROM assessment_events").fetchone()[0] == 1
    assert missing == 0
    district.import_(a2.export("a2.qsx"))
    with district.open() as workspace:
        assert workspace.db.execute("SELECT count(*) FROM assessment_events").fetchone()[0] == 1


@pytest.mark.parametrize("events", ["assessment_events", "review_decisions"])
def test_a_seal_an_event_of_the_new_tables_names_is_kept_when_the_record_it_shared_changes(
    laptops: Laptops, events: str,
) -> None:
    """0012's clean-up knew the append-only tables of its day only: a seal still named by an
    assessment event or a review decision (0014) must stay when the record sharing it is edited,
    or that event could never be relayed under its owner's seal."""
    a1 = laptops("a1")
    with a1.open() as workspace:
        ids = start_school(workspace)
        workspace.assessments.submit(ids["assessment"])
        seal = "5ea15ea1-0000-4000-8000-000000000001"
        with workspace.db.write():
            workspace.db.execute("INSERT INTO seals VALUES (?, ?, '2026-01-01T00:00:00Z', x'00', 'sig')",
                                 [seal, a1.installation_id])
            workspace.db.execute("UPDATE schools SET signed_set = ? WHERE id = ?", [seal, ids["school"]])
            workspace.db.execute("DROP TRIGGER IF EXISTS assessment_events_no_update")
            workspace.db.execute("DROP TRIGGER IF EXISTS review_decisions_no_update")
            if events == "assessment_events":
                workspace.db.execute("UPDATE assessment_events SET signed_set = ?", [seal])
            else:
                workspace.db.execute(
                    "INSERT INTO review_decisions (id, assessment_id, reviewed_version, decision, decided_at,"
                    " decided_by, signed_set) VALUES ('d0000000-0000-4000-8000-000000000001', ?, '{}', 'accepted',"
                    " '2026-01-01T00:00:00Z', 'x', ?)", [ids["assessment"], seal])
        workspace.schools.update(ids["school"], pupils=222)
        assert workspace.db.execute("SELECT count(*) FROM seals WHERE id = ?", [seal]).fetchone()[0] == 1
