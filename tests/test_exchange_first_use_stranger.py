"""Issue 10 / test30a B13: a stranger's file that arrives first under a school's code binds the
school to the stranger (trust on first use). The ways back must work: after the stranger's key is
forgotten, the real school's file is offered as "the same school" (``--same-school`` replaces the
stranger's record); a person's binding of the real key ADDS a key and never swaps out a record a
still-bound key holds (retest30 N2); and no refusal claims a binding that is gone. Files move between databases with
separate data folders (separate keys).
"""

from __future__ import annotations

from typing import Callable

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange import ExchangeError

from .laptops import CODE_A, NAME_A, Laptop, laptops, owned, start_school  # noqa: F401 (a fixture)

Laptops = Callable[[str], Laptop]


def _stranger_first(laptops: Laptops) -> tuple[Laptop, Laptop, Laptop, dict[str, str]]:
    """A stranger's file with school A's code reaches the district first; the real school's file
    is then refused. Returns the stranger, the school, the district and the school's ids."""
    stranger, school, district = laptops("stranger"), laptops("school-a"), laptops("district")
    with stranger.open() as workspace:
        start_school(workspace, name="โรงเรียนรหัสซ้ำ X1")
    with school.open() as workspace:
        ids = start_school(workspace)
    district.import_(stranger.export("001.qsx"))
    with pytest.raises(ExchangeError):
        district.import_(school.export("a.qsx"))
    return stranger, school, district, ids


def _school_named(district: Laptop) -> str:
    with district.open() as workspace:
        return workspace.schools.by_code(CODE_A).name


def test_after_forgetting_the_stranger_the_real_file_replaces_its_record_as_the_same_school(laptops: Laptops) -> None:
    stranger, school, district, ids = _stranger_first(laptops)
    with district.open() as workspace:
        exchange.forget(workspace, stranger.fingerprint)
    real = school.root / "files" / "a.qsx"

    preview = district.preview(real)  # offered as the same school, not refused by a binding that is gone
    assert [match.code for match in preview.same_schools] == [CODE_A]
    with pytest.raises(ExchangeError) as refused:  # without a person's word: refused, saying how
        district.import_(real)
    assert "--same-school" in str(refused.value) and "ผูกกับกุญแจ" not in str(refused.value)

    district.import_(real, same_schools=[CODE_A])
    assert _school_named(district) == NAME_A
    with district.open() as workspace:
        assert workspace.schools.by_code(CODE_A).id == ids["school"]
    assert CODE_A in owned(district)[school.fingerprint]


def test_binding_the_real_key_by_hand_does_not_swap_out_the_strangers_record(laptops: Laptops) -> None:
    # Issue 10: a bind ADDS a laptop to a school; it never replaces a record a still-bound key holds
    # (retest30 N2). The refusal says the way that works: forget the stranger's key, then "same school".
    stranger, school, district, ids = _stranger_first(laptops)
    with district.open() as workspace:
        exchange.bind(workspace, exchange.fingerprint_groups(school.fingerprint), CODE_A)  # read over the phone
    real = school.root / "files" / "a.qsx"

    with pytest.raises(ExchangeError) as refused:
        district.import_(real)
    assert "ลืมกุญแจ" in str(refused.value) and "เป็นโรงเรียนเดียวกัน" in str(refused.value)
    assert _school_named(district) == "โรงเรียนรหัสซ้ำ X1"
    assert CODE_A in owned(district)[stranger.fingerprint]

    with district.open() as workspace:
        exchange.forget(workspace, stranger.fingerprint)
    district.import_(real, same_schools=[CODE_A])
    assert _school_named(district) == NAME_A
    with district.open() as workspace:
        assert workspace.schools.by_code(CODE_A).id == ids["school"]
    assert CODE_A in owned(district)[school.fingerprint]
    assert CODE_A not in owned(district).get(stranger.fingerprint, ())


def test_a_second_laptop_bound_by_hand_does_not_replace_the_school_it_joins(laptops: Laptops) -> None:
    # Issue 10 "Keys bound to owners": binding a school's second laptop adds it to the school. A file
    # in which that laptop typed the school anew (its own school id) is refused, naming both keys;
    # the school, its record and its first key stay as they were (retest30 N2).
    a1, a2, district = laptops("a1"), laptops("a2"), laptops("district")
    with a1.open() as workspace:
        ids = start_school(workspace)
    district.import_(a1.export("a1.qsx"))
    with a2.open() as workspace:
        start_school(workspace, name="โรงเรียนบ้านแม่สอด (เครื่องสอง)", levels=1)
    with district.open() as workspace:
        exchange.bind(workspace, a2.fingerprint, CODE_A)

    with pytest.raises(ExchangeError) as refused:
        district.import_(a2.export("a2.qsx"))
    text = str(refused.value)
    assert exchange.fingerprint_groups(a1.fingerprint) in text and exchange.fingerprint_groups(a2.fingerprint) in text
    assert "ลืมกุญแจ" in text and "นำเข้าไฟล์ของโรงเรียน" in text
    assert _school_named(district) == NAME_A
    with district.open() as workspace:
        assert workspace.schools.by_code(CODE_A).id == ids["school"]
    assert CODE_A in owned(district)[a1.fingerprint]
    assert CODE_A in owned(district)[a2.fingerprint]  # the binding stays: the laptop's later files, made from the school's, import


def test_the_refusal_names_the_key_that_holds_the_code_and_how_to_forget_it(laptops: Laptops) -> None:
    stranger, school, district, _ids = _stranger_first(laptops)
    with pytest.raises(ExchangeError) as refused:
        district.import_(school.root / "files" / "a.qsx")
    text = str(refused.value)
    assert exchange.fingerprint_groups(school.fingerprint) in text
    assert exchange.fingerprint_groups(stranger.fingerprint) in text  # the key the code is bound to
    assert "ลืมกุญแจ" in text
