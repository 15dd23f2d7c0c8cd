"""Issue 10 / test30a B10: two files chosen together claim the same new school code with different
keys. Trust on first use must not be decided by the order of the file names: neither file is
imported, each refusal names both files and both keys, and the outcome is the same whatever the
order; the school's own file imported alone then binds the school to its key. Files move between
databases with separate data folders (separate keys); the command line and the window's check
are the same (``exchange.batch.clashes``)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Callable

from qualityschool_desktop import cli, exchange
from qualityschool_desktop.exchange import batch

from .laptops import CODE_A, CODE_B, NAME_B, Laptop, laptops, owned, start_school  # noqa: F401 (a fixture)

Laptops = Callable[[str], Laptop]


def _import(district: Laptop, *paths: Path) -> tuple[int | None, str]:
    district.activate()
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["import", "--db", str(district.db), *map(str, paths)]), out=out, err=err)
    return status, out.getvalue() + err.getvalue()  # the report, then the reasons (retest30 N5)


def _codes(district: Laptop) -> list[str]:
    with district.open() as workspace:
        return sorted(school.code for school in workspace.schools.list())


def _two_claims(laptops: Laptops, folder: Path, stranger_name: str, school_name: str) -> tuple[Laptop, Laptop]:
    stranger, school = laptops(f"stranger-{stranger_name}"), laptops(f"school-a-{stranger_name}")
    with stranger.open() as workspace:
        start_school(workspace, name="โรงเรียนรหัสซ้ำ X1")
    with school.open() as workspace:
        start_school(workspace)
        start_school(workspace, CODE_B, NAME_B)  # another school in the file: the file is all or nothing
    folder.mkdir(exist_ok=True)
    shutil.copy(stranger.export("s.qsx"), folder / stranger_name)
    shutil.copy(school.export("a.qsx"), folder / school_name)
    return stranger, school


def test_two_files_claiming_a_new_code_with_different_keys_are_both_refused_whatever_their_order(
        laptops: Laptops, tmp_path: Path) -> None:
    outcomes = []
    for names in (("001.qsx", "school.qsx"), ("zzz.qsx", "school.qsx")):
        folder = tmp_path / names[0]
        stranger, school = _two_claims(laptops, folder, *names)
        district = laptops(f"district-{names[0]}")
        status, said = _import(district, folder)
        assert status == 2, said
        assert "นำเข้าแล้ว 0 ไฟล์ ไม่นำเข้า 2 ไฟล์" in said
        for key in (stranger.fingerprint, school.fingerprint):
            assert exchange.fingerprint_groups(key) in said
        assert _codes(district) == []  # nobody bound on first use by the order of names
        outcomes.append((status, _codes(district)))
    assert outcomes[0] == outcomes[1]

    # The school's own file alone (after the phone call) binds the school to its key.
    status, said = _import(district, folder / "school.qsx")
    assert status == 0, said
    assert _codes(district) == [CODE_A, CODE_B]
    assert CODE_A in owned(district)[school.fingerprint]


def test_files_of_one_school_with_a_common_key_do_not_clash(laptops: Laptops, tmp_path: Path) -> None:
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
    first = school.export("a-1.qsx")
    with school.open() as workspace:
        workspace.schools.update(ids["school"], pupils=130)
    second = school.export("a-2.qsx")
    district = laptops("district")
    with district.open() as workspace:
        assert batch.clashes(workspace, [first, second]) == {}
    status, said = _import(district, first, second)
    assert status == 0, said
