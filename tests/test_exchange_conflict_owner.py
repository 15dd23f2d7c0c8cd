"""Issue 10 (try10 F5, F6): at the district a conflict on a school's record names its school (the
import's line and the conflicts list), and says before any click why this laptop cannot choose a
version, in words that fit the conflicts window (it has no "ไม่ยอมรับ" button)."""

from __future__ import annotations

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange import ExchangeError

from .laptops import CODE_A, NAME_A, Laptops, laptops, two_laptops_of_the_school  # noqa: F401 (a fixture)


def _answer_conflict_at_the_district(laptops: Laptops):  # type: ignore[no-untyped-def]  # noqa: F811
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    for laptop, level in ((a1, 4), (a2, 2)):  # both of the school's laptops change 1.1.1, not knowing
        with laptop.open() as workspace:
            workspace.answers.set_level(ids["assessment"], ids["item"], level)
            workspace.answers.flush_pending()
    district.import_(a1.export("a1-1.qsx"))
    result = district.import_(a2.export("a2-1.qsx"))
    return district, ids, result


def test_the_import_line_of_an_answer_conflict_names_its_school(laptops: Laptops) -> None:  # noqa: F811
    _district, _ids, result = _answer_conflict_at_the_district(laptops)
    [conflict] = [c for c in result.conflicts if c.table == "answers"]
    assert f"{CODE_A} {NAME_A}" in conflict.description


def test_the_conflicts_list_names_the_school_and_why_this_laptop_cannot_choose(laptops: Laptops) -> None:  # noqa: F811
    district, _ids, _result = _answer_conflict_at_the_district(laptops)
    with district.open() as workspace:
        [conflict] = [c for c in exchange.list_conflicts(workspace) if c.table == "answers"]
        assert conflict.school == f"{CODE_A} {NAME_A}"
        assert conflict.refusal and "โรงเรียน" in conflict.refusal
        assert "ไม่ยอมรับ" not in conflict.refusal  # a button only the pending window has
        with pytest.raises(ExchangeError) as refused:
            exchange.use_version(workspace, conflict.id, "losing")
        assert str(refused.value) == conflict.refusal


def test_at_the_school_s_own_laptop_a_conflict_can_be_chosen(laptops: Laptops) -> None:  # noqa: F811
    a1, a2, _district, ids = two_laptops_of_the_school(laptops)
    for laptop, level in ((a1, 4), (a2, 2)):
        with laptop.open() as workspace:
            workspace.answers.set_level(ids["assessment"], ids["item"], level)
            workspace.answers.flush_pending()
    a1.import_(a2.export("a2-1.qsx"))
    with a1.open() as workspace:
        [conflict] = [c for c in exchange.list_conflicts(workspace) if c.table == "answers"]
        assert conflict.refusal == "" and conflict.school == f"{CODE_A} {NAME_A}"
