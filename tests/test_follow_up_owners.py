"""Issue 10 (X10 gap 1): a follow-up belongs to the installation that made its visit. Another
laptop (the school's, a colleague's) cannot close, reopen, reword or remove it through the core:
the change is refused there and never applied, so it cannot travel to be kept pending either. The
maker closes it and the school answers with a comment.

Real files move between databases with separate data folders (separate keys)."""

from __future__ import annotations

from datetime import date
from typing import Callable

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.errors import OwnershipError

from .laptops import Laptop, laptops, start_school, start_visit  # noqa: F401 (fixture)

Laptops = Callable[[str], Laptop]


def _supervisors_follow_up(laptops: Laptops) -> tuple[Laptop, Laptop, dict[str, str], str, str]:
    school, supervisor = laptops("school"), laptops("supervisor")
    with school.open() as workspace:
        ids = start_school(workspace)
    supervisor.import_(school.export("a.qsx"))
    with supervisor.open() as workspace:
        visit_id = start_visit(workspace, ids["school"])
        follow_up_id = workspace.follow_ups.agreed_in(visit_id)[0].id
    school.import_(supervisor.export("s.qsx"))
    return school, supervisor, ids, visit_id, follow_up_id


def test_the_schools_laptop_cannot_close_the_supervisors_follow_up(laptops: Laptops) -> None:
    school, supervisor, _ids, _visit_id, follow_up_id = _supervisors_follow_up(laptops)
    with school.open() as workspace:
        with pytest.raises(OwnershipError, match="เครื่องที่บันทึก"):
            workspace.follow_ups.set_status(follow_up_id, "done", on=date(2026, 1, 5))
        with pytest.raises(OwnershipError):
            workspace.follow_ups.update(follow_up_id, note="ทำแล้ว")
        with pytest.raises(OwnershipError):
            workspace.follow_ups.remove(follow_up_id)
        stored = workspace.follow_ups.get(follow_up_id)
        assert (stored.status, stored.note, stored.closed_on) == ("open", "", "")
        # The school answers it instead (a comment of its own).
        workspace.comments.on_follow_up(follow_up_id, "จัดทำแผนแล้ว", author_name="ผอ.", author_role="ผู้อำนวยการ")
    # Nothing of the school's travels as a change of the follow-up: nothing waits at the supervisor.
    supervisor.import_(school.export("a-2.qsx"))
    with supervisor.open() as workspace:
        assert [c for c in exchange.list_pending(workspace) if c.table == "follow_ups"] == []
        assert workspace.follow_ups.get(follow_up_id).status == "open"
        workspace.follow_ups.set_status(follow_up_id, "done", on=date(2026, 1, 6))  # the maker closes it
        assert workspace.follow_ups.get(follow_up_id).status == "done"


def test_another_supervisors_visit_cannot_close_a_follow_up_it_carries(laptops: Laptops) -> None:
    school, supervisor, ids, _visit_id, follow_up_id = _supervisors_follow_up(laptops)
    colleague = laptops("colleague")
    colleague.import_(supervisor.export("s-2.qsx"))
    with colleague.open() as workspace:
        own = workspace.visits.start(ids["school"], visited_on=date(2025, 12, 20), purpose="นิเทศซ้ำ")
        assert [f.id for f in workspace.follow_ups.open_before(own.id)] == [follow_up_id]
        with pytest.raises(OwnershipError):
            workspace.follow_ups.set_status(follow_up_id, "done", in_visit_id=own.id, on=date(2025, 12, 20))
        with pytest.raises(OwnershipError):
            workspace.follow_ups.add(_visit_id, "งานใหม่")
        assert workspace.follow_ups.get(follow_up_id).status == "open"
        assert len(workspace.follow_ups.agreed_in(_visit_id)) == 1
        # Her own visit's follow-ups she manages as before.
        mine = workspace.follow_ups.add(own.id, "ติดตามแผนอีกครั้ง")
        assert workspace.follow_ups.set_status(mine.id, "done", on=date(2025, 12, 21)).status == "done"
