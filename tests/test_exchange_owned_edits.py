"""Issue 10 (T4): an office cannot edit a school's records it does not own; counters are never
reused after a lost conflict; snapshots and seals nothing needs any more go.

Real files move between databases with separate data folders (separate keys)."""

from __future__ import annotations

import json
from typing import Callable

from qualityschool_desktop import exchange

from .laptops import Laptop, laptops, start_school  # noqa: F401 (fixture)
from .test_exchange_conflicts_closed import set_pupils, two_laptops_of_the_school

Laptops = Callable[[str], Laptop]


def school_at_district(laptops: Laptops) -> tuple[Laptop, Laptop, dict[str, str]]:
    school, district = laptops("school"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.network_schools.add(ids["school"], code="6301000011", name="โรงเรียนบ้านป่าไม้")
    district.import_(school.export("a.qsx"))
    return school, district, ids


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
    # Its next file is not refused: the new key is a stranger whose changes wait for a person.
    with school.open() as workspace:
        workspace.schools.update(ids["school"], pupils=140)
    result = district.import_(school.export("after-loss.qsx"))
    assert result.counts["schools"].pending == 1
