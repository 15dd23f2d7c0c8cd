"""Issue 10 (retest30 N2, second half): binding a key to a school already bound to another key
ADDS a laptop; it never replaces the one bound. The words say so: the core names the keys bound
already, and ``signers --bind`` prints "โรงเรียนนี้ผูกกับกุญแจ … อยู่แล้ว — การผูกนี้เพิ่มเครื่องที่สอง
ของโรงเรียน ไม่ได้แทนเครื่องเดิม" after the bind (also for a binding by 8 groups that waits)."""

from __future__ import annotations

import io

from qualityschool_desktop import cli, exchange
from qualityschool_desktop.exchange import bindings

from .laptops import CODE_A, CODE_B, Laptops, laptops, school_and_district  # noqa: F401 (a fixture)

OTHER = "BCF7-7D0A-3BFA-23CA-DB77-ED6D-568D-5C53"


def _bind(district, key: str, code: str = CODE_A) -> str:  # type: ignore[no-untyped-def]
    district.activate()
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(cli.parse(["signers", "--db", str(district.db), "--bind", key, "--school", code]),
                   out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


def test_the_core_names_the_keys_a_school_is_bound_to_already(laptops: Laptops) -> None:
    school, district, _ids, _file = school_and_district(laptops)
    with district.open() as workspace:
        [bound] = bindings.bound_already(workspace, OTHER, CODE_A)
        assert bound.fingerprint == school.fingerprint and bound.name
        assert bindings.bound_already(workspace, school.fingerprint, CODE_A) == []  # the key itself: nothing else
        said = bindings.already_bound_sentence([bound])
        assert exchange.fingerprint_groups(school.fingerprint) in said and "อยู่แล้ว" in said
        assert "เพิ่มเครื่องที่สองของโรงเรียน ไม่ได้แทนเครื่องเดิม" in said
        workspace.schools.add(code=CODE_B, name="โรงเรียนบ้านพบพระ")
        assert bindings.bound_already(workspace, OTHER, CODE_B) == []


def test_signers_bind_says_the_school_was_bound_already_and_the_bind_adds_a_laptop(laptops: Laptops) -> None:
    school, district, _ids, _file = school_and_district(laptops)
    said = _bind(district, OTHER)  # by 8 groups, never seen here: the binding waits
    assert "รอ" in said and exchange.fingerprint_groups(school.fingerprint) in said, said
    assert "อยู่แล้ว" in said and "ไม่ได้แทนเครื่องเดิม" in said, said
    other = laptops("a2")
    said = _bind(district, other.fingerprint)  # all 16 groups: bound now
    assert "อยู่แล้ว" in said and "เพิ่มเครื่องที่สองของโรงเรียน" in said, said


def test_binding_a_school_bound_to_no_key_says_nothing_of_other_laptops(laptops: Laptops) -> None:
    district = laptops("district")
    with district.open() as workspace:
        workspace.schools.add(code=CODE_A, name="โรงเรียนบ้านแม่สอด")
    said = _bind(district, OTHER)
    assert "อยู่แล้ว" not in said, said
