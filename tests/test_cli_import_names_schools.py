"""Issue 10 (TEST30a B3 in the command line): the window's import result names the schools (new,
updated, unchanged, by code and name); ``import`` in the command line does too, one short line per
school after the count, and a long batch stops after a cap with "และอีก N โรงเรียน"."""

from __future__ import annotations

import io
from pathlib import Path

from qualityschool_desktop import cli
from qualityschool_desktop.exchange import results

from .laptops import CODE_A, CODE_B, NAME_A, NAME_B, Laptop, Laptops, laptops, start_school  # noqa: F401


def _import(district: Laptop, *files: Path) -> str:
    district.activate()
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(cli.parse(["import", "--db", str(district.db), *map(str, files)]), out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


def test_the_import_summary_names_new_updated_and_unchanged_schools(laptops: Laptops) -> None:
    a, b, district = laptops("school-a"), laptops("school-b"), laptops("district")
    with a.open() as workspace:
        ids = start_school(workspace)
    with b.open() as workspace:
        start_school(workspace, code=CODE_B, name=NAME_B)
    first_a, first_b = a.export("a1.qsx"), b.export("b1.qsx")
    said = _import(district, first_a, first_b)
    assert "โรงเรียนใหม่ 2 โรงเรียน" in said, said
    assert f"โรงเรียนใหม่: {CODE_A} {NAME_A}" in said and f"โรงเรียนใหม่: {CODE_B} {NAME_B}" in said, said

    with a.open() as workspace:  # school A changes an answer; school B sends the same again
        workspace.answers.set_level(ids["assessment"], ids["item"], 4)
        workspace.answers.flush_pending()
    said = _import(district, a.export("a2.qsx"), first_b)
    assert "ปรับปรุง 1 โรงเรียน" in said and "ไม่เปลี่ยนแปลง 1 โรงเรียน" in said, said
    assert f"ปรับปรุง: {CODE_A} {NAME_A}" in said and f"ไม่เปลี่ยนแปลง: {CODE_B} {NAME_B}" in said, said


def test_a_long_batch_names_the_first_schools_and_counts_the_rest(laptops: Laptops) -> None:
    office, district = laptops("office"), laptops("district")
    many = results.SCHOOLS_SHOWN + 5
    with office.open() as workspace:
        for n in range(many):
            workspace.schools.add(code=f"63020{n:05d}", name=f"โรงเรียนทดสอบ {n}")
    said = _import(district, office.export("all.qsx"))
    assert f"โรงเรียนใหม่ {many} โรงเรียน" in said, said
    assert said.count("โรงเรียนใหม่: ") == results.SCHOOLS_SHOWN, said
    assert "และอีก 5 โรงเรียน" in said, said
