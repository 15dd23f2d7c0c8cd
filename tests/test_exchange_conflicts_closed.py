"""A conflict is closed wherever a version that descends from both its sides is in use: made by an
import (an update, or the side in use of a new conflict), by a person's choice or by a local edit,
whatever the stamps say (the property test met a local edit once, depending on the clock).

Every test moves real files between databases with separate data folders (separate keys). Which
version ranks higher here is decided by the sums of the counters, never by a digest, so no stamp
can change what happens.
"""

from __future__ import annotations

import json

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange import versions

from .laptops import CODE_A, Laptop, Laptops, behind_owner_check, laptops, start_school, two_laptops_of_the_school  # noqa: F401 (laptops is a fixture)


def set_pupils(laptop: Laptop, school_id: str, *counts: int) -> None:
    with laptop.open() as workspace, behind_owner_check(workspace):
        for count in counts:
            workspace.schools.update(school_id, pupils=count)


def open_conflicts_in_use(laptop: Laptop) -> list[str]:
    """The open conflicts whose both sides the record here descends from (none may be listed)."""
    with laptop.open() as workspace:
        found = []
        for conflict in exchange.list_conflicts(workspace):
            here = json.loads(workspace.db.execute(
                f"SELECT version FROM {conflict.table} WHERE id = ?", [conflict.record_id]).fetchone()[0])
            if all(versions.descends(here, json.loads(side["version"])) for side in (conflict.winning, conflict.losing)):
                found.append(conflict.description)
        return found


def test_a_local_edit_after_losing_a_conflict_closes_it_where_the_edit_descends_from_both(laptops: Laptops) -> None:
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    set_pupils(a1, ids["school"], 201)  # {a1: 2}
    set_pupils(a2, ids["school"], 210, 211, 212)  # {a1: 1, a2: 3}: ranks higher (more changes)
    district.import_(a1.export("a1.qsx"))
    from_a2 = a2.export("a2.qsx")
    district.import_(from_a2)
    a1.import_(from_a2)
    with a1.open() as workspace:
        [conflict] = exchange.list_conflicts(workspace)
        assert (conflict.winning["pupils"], conflict.losing["pupils"]) == (212, 201)
    set_pupils(a1, ids["school"], 220)  # {a1: 2, a2: 3}: descends from both sides
    assert open_conflicts_in_use(a1) == []
    with a1.open() as workspace:
        assert exchange.list_conflicts(workspace) == []
        [kept] = exchange.list_conflicts(workspace, include_resolved=True)  # both versions still kept
        assert kept.resolved and kept.losing["pupils"] == 201
    district.import_(a1.export("a1-edit.qsx"))  # the same version closes it at the district too
    with district.open() as workspace:
        assert exchange.list_conflicts(workspace) == []
        assert workspace.schools.get(ids["school"]).pupils == 220


def test_a_choice_that_wins_a_new_conflict_on_import_closes_the_old_one(laptops: Laptops) -> None:
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    set_pupils(a1, ids["school"], 201)  # {a1: 2}
    set_pupils(a2, ids["school"], 210, 211, 212)  # {a1: 1, a2: 3}
    district.import_(a1.export("a1.qsx"))
    from_a2 = a2.export("a2.qsx")
    district.import_(from_a2)  # a conflict at the district, 212 in use
    a1.import_(from_a2)
    with a1.open() as workspace:  # a person at a1 picks its own side: {a1: 3, a2: 3}
        [conflict] = exchange.list_conflicts(workspace)
        exchange.use_version(workspace, conflict.id, "losing")
    chosen = a1.export("a1-chosen.qsx")
    set_pupils(a2, ids["school"], 213)  # {a1: 1, a2: 4}, before the choice reached a2
    district.import_(a2.export("a2-more.qsx"))  # an update at the district; the conflict stays open
    with district.open() as workspace:
        assert len(exchange.list_conflicts(workspace)) == 1
    # The choice is concurrent with a2's last edit: a new conflict, the choice in use (6 changes
    # against 5), and it descends from both sides of the first one.
    result = district.import_(chosen)
    assert result.counts["schools"].conflicting == 1
    with district.open() as workspace:
        assert workspace.schools.get(ids["school"]).pupils == 201
        [still_open] = exchange.list_conflicts(workspace)
        assert (still_open.winning["pupils"], still_open.losing["pupils"]) == (201, 213)
    assert open_conflicts_in_use(district) == []


def test_a_database_with_such_a_conflict_still_open_has_it_closed_when_opened_by_this_version(
    laptops: Laptops,
) -> None:
    """A file from the version before: its local edit left the conflict open; opening it closes it."""
    a1, a2, _district, ids = two_laptops_of_the_school(laptops)
    set_pupils(a1, ids["school"], 201)
    set_pupils(a2, ids["school"], 210, 211, 212)
    a1.import_(a2.export("a2.qsx"))
    with a1.open() as workspace:  # as the version before left the file: no trigger, the edit made
        conn = workspace.db.conn
        from qualityschool_desktop.migrations import VERSIONED

        # The triggers 0010 made (tables added later, such as plans (0020), make their own).
        triggers = [f"{table}_conflicts_settled" for table in VERSIONED]
        with workspace.db.write():
            for name in triggers:
                conn.execute(f"DROP TRIGGER {name}")
            conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0010_conflicts_closed_by_descendants'")
        workspace.schools.update(ids["school"], pupils=220)
        assert len(exchange.list_conflicts(workspace)) == 1
    assert open_conflicts_in_use(a1) == []  # opened again: migrated
    with a1.open() as workspace:
        assert exchange.list_conflicts(workspace) == []
        assert len(exchange.list_conflicts(workspace, include_resolved=True)) == 1
        assert workspace.db.execute(
            "SELECT count(*) FROM sqlite_master WHERE name IN (SELECT value FROM json_each(?))",
            [json.dumps(triggers)]).fetchone()[0] == len(triggers)


def test_accepting_a_change_that_makes_a_version_descending_from_both_sides_closes_the_conflict(
    laptops: Laptops,
) -> None:
    """The school's second laptop wins a conflict at the first; accepting a supervisor's later
    change there (the school's laptop: only it accepts a change to the school's records, s23)
    makes the school's next version, which descends from both sides. The district holds the same
    change waiting and cannot accept it."""
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    supervisor = laptops("supervisor")
    set_pupils(a1, ids["school"], 201)  # {a1: 2}
    set_pupils(a2, ids["school"], 210, 211, 212)  # {a1: 1, a2: 3}: wins
    from_a2 = a2.export("a2.qsx")
    a1.import_(from_a2)
    with a1.open() as workspace:
        [conflict] = exchange.list_conflicts(workspace)
        assert (conflict.winning["pupils"], conflict.losing["pupils"]) == (212, 201)
    supervisor.import_(from_a2)
    set_pupils(supervisor, ids["school"], 135)  # {a1: 1, a2: 3, supervisor: 1}: not an owner's
    suggestion = supervisor.export("supervisor.qsx")
    district.import_(suggestion)
    with district.open() as workspace:
        [waiting] = exchange.list_pending(workspace)
        assert "เครื่องของโรงเรียน" in waiting.refusal
    a1.import_(suggestion)
    with a1.open() as workspace:
        [waiting] = exchange.list_pending(workspace)
        exchange.accept_pending(workspace, waiting.id)  # {a1: 3, a2: 3}
        assert workspace.schools.get(ids["school"]).pupils == 135
        assert exchange.list_conflicts(workspace) == []
    assert open_conflicts_in_use(a1) == []
def test_choosing_a_version_closes_every_open_conflict_of_the_record_it_settles(laptops: Laptops) -> None:
    """Two conflicts of one school at a1 (its second and third laptops each changed the figures
    apart): "ใช้ฉบับนี้" on one makes a version descending from every side, so both leave the list;
    the migration's trigger closes them (``use_version`` has no closing of its own)."""
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    a3 = laptops("a3")
    with a1.open() as workspace:
        exchange.bind(workspace, a3.fingerprint, CODE_A)
    a3.import_(a1.export("a0-again.qsx"))
    set_pupils(a1, ids["school"], 201)
    set_pupils(a2, ids["school"], 202, 212)
    set_pupils(a3, ids["school"], 203, 213, 223)
    a1.import_(a2.export("a2.qsx"))
    a1.import_(a3.export("a3.qsx"))
    with a1.open() as workspace:
        first, second = exchange.list_conflicts(workspace)
        chosen = exchange.use_version(workspace, first.id, "losing")
        assert chosen.resolved and chosen.id == first.id
        assert exchange.list_conflicts(workspace) == []
        closed = {c.id: c for c in exchange.list_conflicts(workspace, include_resolved=True)}
        assert set(closed) == {first.id, second.id} and all(c.resolved for c in closed.values())
        assert workspace.schools.get(ids["school"]).pupils == first.losing["pupils"]
    assert open_conflicts_in_use(a1) == []
