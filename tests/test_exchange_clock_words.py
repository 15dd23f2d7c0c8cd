"""Issue 10 (try10 F9, F1): a laptop whose fast clock was put right is not blamed for its next,
correctly stamped file; clock warnings write times as the rest of the app does (BE, local), never a
raw CE ISO stamp."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from qualityschool_desktop import clock

from .laptops import Laptops, laptops, start_school  # noqa: F401 (a fixture)

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _level(laptop, ids, level: int) -> None:  # type: ignore[no-untyped-def]
    with laptop.open() as workspace:
        workspace.answers.set_level(ids["assessment"], ids["item"], level)
        workspace.answers.flush_pending()


def test_a_laptop_whose_fast_clock_was_put_right_is_not_blamed_for_its_next_file(
        laptops: Laptops, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    school, district = laptops("school-c"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    district.import_(school.export("c1.qsx"))
    monkeypatch.setattr(clock, "_offset", timedelta(days=365 * 5))  # five years ahead
    _level(school, ids, 5)
    future = school.export("c2-future.qsx")
    monkeypatch.setattr(clock, "_offset", timedelta(0))  # put right
    _level(school, ids, 1)
    now = school.export("c3-now.qsx")

    first = district.import_(future)
    assert first.warnings  # the fast clock's stamps are said
    assert not any(ISO.search(w) for w in first.warnings), first.warnings  # BE dates, not raw ISO
    assert any("2574" in w for w in first.warnings)  # 2031 CE, as the app writes years
    second = district.import_(now)
    assert not any("ควรตั้งวันที่และเวลาของเครื่องนั้น" in w for w in second.warnings), second.warnings
    with district.open() as workspace:
        assert workspace.answers.get(ids["assessment"], ids["item"]).level == 1


def test_a_laptop_whose_clock_fell_back_is_still_warned_in_be_dates(
        laptops: Laptops, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    district.import_(school.export("a1.qsx"))
    _level(school, ids, 4)
    district.import_(school.export("a2.qsx"))
    monkeypatch.setattr(clock, "_offset", timedelta(days=-365 * 10))  # the CMOS battery went flat
    _level(school, ids, 2)
    late = school.export("a3-oldclock.qsx")
    monkeypatch.setattr(clock, "_offset", timedelta(0))
    result = district.import_(late)
    blamed = [w for w in result.warnings if "ควรตั้งวันที่และเวลาของเครื่องนั้น" in w]
    assert blamed and not any(ISO.search(w) for w in blamed), blamed
