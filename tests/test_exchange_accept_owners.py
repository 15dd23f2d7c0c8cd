"""Issue 10 (s23): accepting a pending change ("ยอมรับ") is no back door past the owner rules.

Accepting makes the change this laptop's own (``exchange/pending.py``), so it passes the same owner
check as a direct edit here (``exchange/acceptance.py``): a follow-up or any part of a visit only
where the visit was made, an office's decision only once its key is bound here as the school's
office, a school's records only at the school's own laptop (an office only rejects them). Refused
with a Thai reason, nothing changed; the owner's own laptop still accepts. Real files between
laptops with separate data folders."""

from __future__ import annotations

from datetime import date
from typing import Callable

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange import ExchangeError
from qualityschool_desktop.exchange.acceptance import NOT_OURS_SCHOOL
from qualityschool_desktop.review import offices

from .laptops import CODE_A, Laptop, approval_behind_the_core, behind_owner_check, laptops, start_school  # noqa: F401
from .test_budget_approvals import approved_by_an_unbound_office, projector_asked
from .test_plans import make_plan

Laptops = Callable[[str], Laptop]
AREA = "สพป.ตาก เขต ๒"
NOT_OURS = "เครื่องนี้ไม่ใช่เจ้าของ"


def waiting(laptop: Laptop, table: str) -> exchange.PendingChange:
    with laptop.open() as workspace:
        found = [change for change in exchange.list_pending(workspace) if change.table == table]
    assert len(found) == 1, found
    return found[0]


OFFICE_ONLY = "เครื่องนี้ไม่ใช่สำนักงานเขตพื้นที่ จึงกด “ยอมรับ” แทนสำนักงานไม่ได้"


def refused_here(laptop: Laptop, change: exchange.PendingChange, *words: str, owner: bool = True) -> None:
    """Accepting ``change`` at ``laptop`` is refused with a Thai reason holding ``words`` (and
    "not the owner" when ``owner``: an office's decision says the office instead); the change
    still waits (it can be rejected)."""
    with laptop.open() as workspace:
        with pytest.raises(ExchangeError) as refused:
            exchange.accept_pending(workspace, change.id)
        for word in ((NOT_OURS,) if owner else ()) + words:
            assert word in str(refused.value)
        assert change.id in {c.id for c in exchange.list_pending(workspace)}


def school_supervisor_district(laptops: Laptops) -> tuple[Laptop, Laptop, Laptop, dict[str, str]]:
    """School A's data at the supervisor's laptop and the district; the supervisor's draft visit
    of A (a finding, a follow-up) at the district and at the school."""
    school, supervisor, district = laptops("school-a"), laptops("supervisor"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    first = school.export("a-1.qsx", school_codes=[CODE_A])
    supervisor.import_(first)
    district.import_(first)
    with supervisor.open() as workspace:
        visit = workspace.visits.start(ids["school"], visited_on=date(2025, 12, 1), purpose="ติดตามผล")
        workspace.visits.add_person(visit.id, "visitor", "นางสาวศึกษา นิเทศดี", "ศึกษานิเทศก์")
        component = workspace.visits.framework_of(visit).components[0].code
        workspace.visits.set_text(visit.id, component, "observed", "ครูใช้สื่อหลากหลาย")
        follow_up = workspace.follow_ups.add(visit.id, "จัดทำแผนนิเทศภายใน", owner="รองผู้อำนวยการ")
    ids.update(visit=visit.id, component=component, follow_up=follow_up.id)
    sent = supervisor.export("s-1.qsx", school_codes=[CODE_A])
    district.import_(sent)
    school.import_(sent)
    return school, supervisor, district, ids


def test_accepting_a_schools_change_to_a_follow_up_is_refused_where_the_visit_was_not_made(laptops: Laptops) -> None:
    school, supervisor, district, ids = school_supervisor_district(laptops)
    with school.open() as workspace, behind_owner_check(workspace):  # the school closes it itself
        workspace.follow_ups.set_status(ids["follow_up"], "done")
    changed = school.export("a-2.qsx", school_codes=[CODE_A])
    assert district.import_(changed).counts["follow_ups"].pending == 1
    refused_here(district, waiting(district, "follow_ups"), "บันทึกการนิเทศ")
    with district.open() as workspace:
        assert workspace.follow_ups.get(ids["follow_up"]).status == "open"
    # The visit's maker decides: at the supervisor's laptop the same change is accepted.
    assert supervisor.import_(changed).counts["follow_ups"].pending == 1
    with supervisor.open() as workspace:
        exchange.accept_pending(workspace, waiting(supervisor, "follow_ups").id)
        assert workspace.follow_ups.get(ids["follow_up"]).status == "done"


def test_accepting_another_laptops_change_to_a_visits_finding_is_refused_where_the_visit_was_not_made(
    laptops: Laptops,
) -> None:
    school, supervisor, district, ids = school_supervisor_district(laptops)
    with school.open() as workspace, behind_owner_check(workspace):
        workspace.visits.set_text(ids["visit"], ids["component"], "observed", "แก้โดยโรงเรียน")
    changed = school.export("a-2.qsx", school_codes=[CODE_A])
    assert district.import_(changed).counts["visit_findings"].pending == 1
    refused_here(district, waiting(district, "visit_findings"), "บันทึกการนิเทศ")
    with district.open() as workspace:
        assert workspace.visits.findings(ids["visit"])[ids["component"]].observed == "ครูใช้สื่อหลากหลาย"
    supervisor.import_(changed)
    with supervisor.open() as workspace:
        exchange.accept_pending(workspace, waiting(supervisor, "visit_findings").id)
        assert workspace.visits.findings(ids["visit"])[ids["component"]].observed == "แก้โดยโรงเรียน"


def test_a_supervisors_change_to_a_schools_levels_is_refused_at_the_district_and_decided_at_the_school(
    laptops: Laptops,
) -> None:
    """A school's records change only by the school's key (s23, the integrator's decision): the
    district cannot accept a supervisor's levels for the school (a Thai reason; it can still
    reject or leave it waiting) and its levels stay the school's; the school's laptop accepts."""
    school, supervisor, district, ids = school_supervisor_district(laptops)
    with supervisor.open() as workspace, behind_owner_check(workspace):
        workspace.answers.set_level(ids["assessment"], ids["item"], 1)
        workspace.answers.flush_pending()
    changed = supervisor.export("s-2.qsx", school_codes=[CODE_A])
    assert district.import_(changed).counts["answers"].pending == 1
    change = waiting(district, "answers")
    assert change.refusal == NOT_OURS_SCHOOL
    refused_here(district, change, "เครื่องของโรงเรียน")
    with district.open() as workspace:
        assert workspace.answers.for_assessment(ids["assessment"])[ids["item"]].level == 3
        exchange.reject_pending(workspace, change.id)
        assert change.id not in {c.id for c in exchange.list_pending(workspace)}
    assert school.import_(district.export("d-1.qsx", school_codes=[CODE_A])).counts["answers"].pending == 0
    school.import_(changed)
    with school.open() as workspace:
        (mine,) = [c for c in exchange.list_pending(workspace) if c.table == "answers"]
        assert mine.refusal == "" and mine.signer_fingerprint == supervisor.fingerprint
        exchange.accept_pending(workspace, mine.id)
        assert workspace.answers.for_assessment(ids["assessment"])[ids["item"]].level == 1


def test_a_change_to_a_schools_plan_is_refused_at_the_district_and_accepted_at_the_school(laptops: Laptops) -> None:
    school, supervisor, district = laptops("school-a"), laptops("supervisor"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        plan_id = make_plan(workspace, ids["school"])
        goal = workspace.plans.parts(plan_id).goals[0]
    first = school.export("a-1.qsx", school_codes=[CODE_A])
    supervisor.import_(first)
    district.import_(first)
    with supervisor.open() as workspace, behind_owner_check(workspace):
        with workspace.db.write():
            workspace.db.execute("INSERT INTO accepting_changes (record_id) VALUES (?)", [goal.id])
        workspace.plans.update_part("plan_goals", goal.id, name="แก้โดยศึกษานิเทศก์")
    changed = supervisor.export("s-1.qsx", school_codes=[CODE_A])
    assert district.import_(changed).counts["plan_goals"].pending == 1
    refused_here(district, waiting(district, "plan_goals"), "เครื่องของโรงเรียน")
    with district.open() as workspace:
        assert workspace.plans.parts(plan_id).goals[0].name == goal.name
    assert school.import_(changed).counts["plan_goals"].pending == 1
    with school.open() as workspace:
        assert workspace.plans.parts(plan_id).goals[0].name == goal.name
        exchange.accept_pending(workspace, waiting(school, "plan_goals").id)
        assert workspace.plans.parts(plan_id).goals[0].name == "แก้โดยศึกษานิเทศก์"


def test_accepting_a_budget_decision_waits_for_the_offices_key_to_be_bound(laptops: Laptops) -> None:
    """Only the school's office decides: an approval from a key not bound here as the office of the
    school's area office is not accepted by a click; once a person binds that key, it is."""
    school, district, item, _result = approved_by_an_unbound_office(laptops, "")
    change = waiting(school, "budget_decisions")
    refused_here(school, change, OFFICE_ONLY, "ผูกกุญแจของสำนักงาน", owner=False)  # no command line (exA33 T2)
    with school.open() as workspace:
        assert workspace.budget.approval(item) is None
        offices.bind(workspace, district.fingerprint, AREA)
        exchange.accept_pending(workspace, change.id)
        assert workspace.budget.approval(item).approved_satang == 1_000_000


def test_a_budget_decision_the_school_made_itself_is_never_accepted_at_the_district(laptops: Laptops) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        _ids, item = projector_asked(workspace)
        approval_behind_the_core(workspace, item.id, 100_000_000)
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    refused_here(district, waiting(district, "budget_decisions"), OFFICE_ONLY, owner=False)
    with district.open() as workspace:
        assert workspace.budget.approval(item.id) is None


def test_a_contact_or_comment_is_accepted_only_as_its_writers_own(memory_workspace) -> None:  # type: ignore[no-untyped-def]
    """Author-owned lines: an import refuses one in another's name, so one waits only for its
    school (``parent_pending``, its writer's own: accepted); any other is not this laptop's."""
    from qualityschool_desktop.exchange import acceptance

    for table in ("contacts", "comments"):
        theirs = {"id": "x", "written_by": "another-installation"}
        assert acceptance.refusal(memory_workspace, table, "parent_pending", theirs, None) == ""
        assert acceptance.refusal(memory_workspace, table, "not_owner", theirs, None) == acceptance.NOT_OURS_AUTHOR
        ours = dict(theirs, written_by=memory_workspace.installation_id)
        assert acceptance.refusal(memory_workspace, table, "not_owner", ours, None) == ""


def test_choosing_a_side_of_a_follow_ups_conflict_is_the_visit_makers_alone(laptops: Laptops) -> None:
    """"ใช้ฉบับนี้" writes this laptop's own version too: the same owner check as accepting. The
    supervisor's old and new (re-bound) laptops close one follow-up apart; the district holds the
    conflict but cannot choose for her; her new laptop can."""
    from .laptops import start_visit

    school, old, new, district = laptops("school-a"), laptops("supervisor-old"), laptops("supervisor-new"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    first = school.export("a-1.qsx", school_codes=[CODE_A])
    old.import_(first)
    district.import_(first)
    with old.open() as workspace:
        visit_id = start_visit(workspace, ids["school"])
        (follow_up,) = workspace.follow_ups.agreed_in(visit_id)
    district.import_(old.export("old-1.qsx", school_codes=[CODE_A]))
    new.import_(district.export("d-1.qsx", school_codes=[CODE_A]))
    for laptop in (new, district):
        with laptop.open() as workspace:
            exchange.bindings.bind_visits(workspace, new.fingerprint, old.fingerprint)
    with old.open() as workspace:
        workspace.follow_ups.set_status(follow_up.id, "done")
    with new.open() as workspace:
        workspace.follow_ups.set_status(follow_up.id, "dropped")
    from_old, from_new = old.export("old-2.qsx", school_codes=[CODE_A]), new.export("new-1.qsx", school_codes=[CODE_A])
    district.import_(from_old)
    district.import_(from_new)
    with district.open() as workspace:
        (conflict,) = [c for c in exchange.list_conflicts(workspace) if c.table == "follow_ups"]
        in_use = workspace.follow_ups.get(follow_up.id).status
        with pytest.raises(ExchangeError, match="เลือกฉบับได้เฉพาะที่เครื่องที่บันทึกการนิเทศ"):  # f10: the conflicts window's words
            exchange.use_version(workspace, conflict.id, "losing")
        assert workspace.follow_ups.get(follow_up.id).status == in_use
        assert conflict.id in {c.id for c in exchange.list_conflicts(workspace)}
    new.import_(from_old)
    with new.open() as workspace:
        (conflict,) = [c for c in exchange.list_conflicts(workspace) if c.table == "follow_ups"]
        chosen = exchange.use_version(workspace, conflict.id, "losing")
        assert workspace.follow_ups.get(follow_up.id).status == chosen.losing["status"]
