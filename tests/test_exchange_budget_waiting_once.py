"""s34 exw34b (TEST34B B7, B8): the office's budget decisions waiting for its key at the school.

B8: the office changed its decision on the same item (ไม่อนุมัติ after อนุมัติ 10,000) before the
school bound its key: the earlier decision waited beside the later one, and the import's result
counted them differently in each place. The later decision on an item replaces the earlier waiting
one: the list shows only the latest (the earlier is kept, applied in order when the key is bound),
and the result counts what waits once. B7: the command line's import says why a budget decision
waits, as it does for a review verdict in the same file.
"""

from __future__ import annotations

import io

from qualityschool_desktop import cli, exchange

from .laptops import CODE_A, Laptops, laptops  # noqa: F401 (laptops is a fixture)
from .test_budget_approvals import approved_by_an_unbound_office, projector_asked


def test_a_later_budget_decision_on_the_same_item_replaces_the_earlier_waiting_one(laptops: Laptops) -> None:
    school, district, item, _first = approved_by_an_unbound_office(laptops)
    with district.open() as workspace:
        workspace.budget.set_approval(item, "0", "งบไม่พอ")  # the office changes its mind: ไม่อนุมัติ
    result = school.import_(district.export("d-2.qsx", school_codes=[CODE_A]))
    with school.open() as workspace:
        waiting = [c for c in exchange.list_pending(workspace) if c.table == "budget_decisions"]
    assert [c.row["approved_satang"] for c in waiting] == [0], waiting  # only the latest waits
    counts = result.counts["budget_decisions"]
    assert counts.pending + counts.waiting == 1, counts  # counted once: the one waiting
    assert [t for t, _ in result.already_waiting if t == "budget_decisions"] == [], result.already_waiting


def test_the_command_line_says_why_a_budget_decision_waits_beside_a_verdict(laptops: Laptops) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids, item = projector_asked(workspace)
        workspace.assessments.submit(ids["assessment"])
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:  # one file: a verdict and a budget decision, the key unbound at the school
        workspace.reviews.decide(ids["assessment"], "accepted", "")
        workspace.budget.set_approval(item.id, "10000", "")
    d1 = district.export("d-1.qsx", school_codes=[CODE_A])
    school.activate()
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(cli.parse(["import", "--db", str(school.db), str(d1)]), out=out, err=err) == 0, err.getvalue()
    said = out.getvalue()
    assert "คำเตือน: ผลการตรวจ" in said, said
    assert "คำเตือน: ผลการอนุมัติงบประมาณ" in said, said  # B7: not only the verdict's
