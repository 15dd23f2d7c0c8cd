"""Issue 10 (try10 F8): ``import --same-school`` takes the code as the window writes it (Thai
digits), and a code that matches no school typed twice in the files imported says so (Thai, exit 2)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from qualityschool_desktop import cli, exchange
from qualityschool_desktop.thai import thai_digits

from .laptops import CODE_A, NAME_A, Laptops, laptops, start_school  # noqa: F401 (a fixture)


def _typed_at_the_district_then_the_school_s_file(laptops: Laptops):  # type: ignore[no-untyped-def]  # noqa: F811
    school, district = laptops("school-a"), laptops("district")
    with district.open() as workspace:
        workspace.schools.add(code=CODE_A, name="รร.บ้านแม่สอด (พิมพ์ที่เขต)")
    with school.open() as workspace:
        start_school(workspace)
    return district, school.export("a.qsx")


def _import(district, *argv: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    out, err = io.StringIO(), io.StringIO()
    district.activate()
    status = cli.run(cli.parse(["import", "--db", str(district.db), *argv]), out=out, err=err)
    return status, out.getvalue() + err.getvalue()


def test_a_code_in_thai_digits_is_the_same_code(laptops: Laptops) -> None:  # noqa: F811
    district, own_file = _typed_at_the_district_then_the_school_s_file(laptops)
    status, said = _import(district, str(own_file), "--same-school", thai_digits(CODE_A))
    assert status == 0, said
    # test28 N8: whose key the school is now bound to, as the window's tick says.
    school_key = exchange.fingerprint_groups(laptops("school-a").fingerprint)
    assert f"โรงเรียนรหัส {CODE_A} (เป็นโรงเรียนเดียวกัน): ผูกกับกุญแจ {school_key}" in said, said
    with district.open() as workspace:
        [only] = workspace.schools.list()
        assert only.name == NAME_A
    # try27 F6: the same import again, the decision taken already: nothing to say, nothing failed.
    status, said = _import(district, str(own_file), "--same-school", CODE_A)
    assert status == 0 and "ไม่พบ" not in said, said


def test_a_code_no_file_holds_twice_is_said_and_exits_2(laptops: Laptops) -> None:  # noqa: F811
    district, own_file = _typed_at_the_district_then_the_school_s_file(laptops)
    status, said = _import(district, str(own_file), "--same-school", "6301000009")
    assert status == 2
    assert "6301000009" in said and "--same-school" in said.split("6301000009")[0] + said.split("6301000009")[1]
    assert "ไม่พบ" in said


def test_a_code_that_is_not_a_school_code_is_said_in_thai(laptops: Laptops) -> None:  # noqa: F811
    district, own_file = _typed_at_the_district_then_the_school_s_file(laptops)
    status, said = _import(district, str(own_file), "--same-school", "12345")
    assert status == 2 and "12345" in said and "รหัสโรงเรียน" in said
    with district.open() as workspace:
        [only] = workspace.schools.list()
        assert only.name != NAME_A  # nothing imported: the option was not understood


class _Terminal(io.StringIO):
    """Standard output and error on one terminal (both streams write here)."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("place", ["terminal", "one-file"])
def test_a_refused_file_s_reason_is_printed_once_on_a_terminal(
    laptops: Laptops, tmp_path: Path, place: str,  # noqa: F811
) -> None:
    district, own_file = _typed_at_the_district_then_the_school_s_file(laptops)
    district.activate()
    argv = ["import", "--db", str(district.db), str(own_file)]
    if place == "terminal":
        terminal = _Terminal()
        status, said = cli.run(cli.parse(argv), out=terminal, err=terminal), terminal.getvalue()
    else:  # try27 F7: "import ... > log 2>&1": two streams, one file
        log = tmp_path / "log.txt"
        with open(log, "w", encoding="utf-8") as out, os.fdopen(os.dup(out.fileno()), "w", encoding="utf-8") as err:
            status = cli.run(cli.parse(argv), out=out, err=err)
        said = log.read_text(encoding="utf-8")
    assert status == 2
    assert said.count("มีอยู่แล้วในฐานข้อมูลนี้") == 1, said


def test_a_refused_file_does_not_blame_the_code(laptops: Laptops, tmp_path: Path) -> None:  # noqa: F811
    """retest27 N4: after a refusal the code was not used because the file was refused, not because
    it is wrong: the refusal is the reason given (exit 2), not "check the code"."""
    broken = tmp_path / "relay.qsx"
    broken.write_bytes(b"not an exchange file")
    status, said = _import(laptops("province"), str(broken), "--same-school", CODE_A)
    assert status == 2 and "ไม่นำเข้า" in said
    assert "โปรดตรวจรหัสโรงเรียนอีกครั้ง" not in said, said


def test_a_refused_file_s_reason_is_printed_once_on_standard_error_when_the_streams_part(
    laptops: Laptops,  # noqa: F811
) -> None:
    """retest30 N5: with the two streams going to different places (a log of each, merged later),
    the reason was printed on both. It is printed once, on standard error; standard output's report
    still names the file as not imported."""
    district, own_file = _typed_at_the_district_then_the_school_s_file(laptops)
    out, err = io.StringIO(), io.StringIO()
    district.activate()
    status = cli.run(cli.parse(["import", "--db", str(district.db), str(own_file)]), out=out, err=err)
    assert status == 2
    said = out.getvalue() + err.getvalue()
    assert said.count("มีอยู่แล้วในฐานข้อมูลนี้") == 1, said
    assert "มีอยู่แล้วในฐานข้อมูลนี้" in err.getvalue()
    assert f"ไฟล์ {own_file.name}: ไม่นำเข้า" in out.getvalue() and "ไม่นำเข้า 1 ไฟล์" in out.getvalue()
