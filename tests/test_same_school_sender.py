"""s33 exB T11: ticking "เป็นโรงเรียนเดียวกัน" keeps the card's sender the school (not "เครื่อง vm"),
names the key the school is bound to, and the result counts the school already listed as updated,
not as a new school."""

from __future__ import annotations

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange.results import SchoolsDone, school_actions

from .laptops import CODE_A, NAME_A, Laptops, laptops  # noqa: F401 (a fixture)
from .test_same_school_result import typed_then_own


def test_the_same_school_ticked_keeps_the_sender_and_is_not_counted_new(laptops: Laptops) -> None:
    school, district, own_file = typed_then_own(laptops)
    with district.open() as workspace:
        before = exchange.preview_import(workspace, own_file)
        after = exchange.preview_import(workspace, own_file, same_schools=[CODE_A])
    assert NAME_A in before.sender.words()
    assert after.sender.words() == before.sender.words()  # not "เครื่อง …"
    assert after.made_one == [CODE_A] and after.bound_to_sender(CODE_A)
    result = district.import_(own_file, same_schools=[CODE_A])
    assert NAME_A in result.sender.words()
    assert [action for action, code, _name in school_actions(result) if code == CODE_A] == ["update"]
    done = SchoolsDone()
    done.add(result)
    assert done.counts() == {"new": 0, "updated": 1, "same": 0}
