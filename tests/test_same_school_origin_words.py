"""Issue 10 (retest30 N3): after a stranger's key is forgotten and a person says "this is the same
school", the words must say where the replaced record came from. A record typed here is "ที่พิมพ์ไว้
ในเครื่องนี้"; a record a file of another key brought is not: the preview's warning, the result's
lines (CLI) and the flag the window words by say it came from a file."""

from __future__ import annotations

import io
from typing import Callable

import pytest

from qualityschool_desktop import cli, exchange
from qualityschool_desktop.exchange import ExchangeError

from .laptops import CODE_A, Laptop, laptops, start_school  # noqa: F401 (a fixture)
from .test_same_school_result import TYPED_NAME, typed_then_own

Laptops = Callable[[str], Laptop]
STRANGER_NAME = "โรงเรียนรหัสซ้ำ X1"
TYPED_WORDS = ("ที่พิมพ์ไว้ในเครื่องนี้", "ระดับที่พิมพ์ไว้", "ที่บันทึกไว้ในเครื่องนี้")


def _forgotten_stranger(laptops: Laptops) -> tuple[Laptop, Laptop]:
    stranger, school, district = laptops("stranger"), laptops("school-a"), laptops("district")
    with stranger.open() as workspace:
        start_school(workspace, name=STRANGER_NAME)
    with school.open() as workspace:
        start_school(workspace)
    district.import_(stranger.export("001.qsx"))
    with pytest.raises(ExchangeError):
        district.import_(school.export("a.qsx"))
    with district.open() as workspace:
        exchange.forget(workspace, stranger.fingerprint)
    return school, district


def test_a_record_from_a_forgotten_keys_file_is_not_called_typed_here(laptops: Laptops) -> None:
    school, district = _forgotten_stranger(laptops)
    real = school.root / "files" / "a.qsx"
    preview = district.preview(real, same_schools=[CODE_A])
    warned = "\n".join(map(str, preview.warnings))
    assert "2568" in warned and "จากไฟล์" in warned, warned
    assert not any(words in warned for words in TYPED_WORDS), warned

    result = district.import_(real, same_schools=[CODE_A])
    [made] = result.made_same
    assert made.from_file and made.typed_name == STRANGER_NAME
    said = "\n".join(result.lines())
    assert STRANGER_NAME in said and "มาจากไฟล์" in said, said
    assert not any(words in said for words in TYPED_WORDS), said


def test_the_command_line_says_the_replaced_record_came_from_a_file(laptops: Laptops) -> None:
    school, district = _forgotten_stranger(laptops)
    district.activate()
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(cli.parse(["import", "--db", str(district.db), "--same-school", CODE_A,
                              str(school.root / "files" / "a.qsx")]), out=out, err=err) == 0, err.getvalue()
    said = out.getvalue()
    assert "มาจากไฟล์" in said and not any(words in said for words in TYPED_WORDS), said


def test_a_school_typed_here_is_still_called_typed_here(laptops: Laptops) -> None:
    _school, district, own_file = typed_then_own(laptops)
    preview = district.preview(own_file, same_schools=[CODE_A])
    assert "ที่บันทึกไว้ในเครื่องนี้" in "\n".join(map(str, preview.warnings))
    result = district.import_(own_file, same_schools=[CODE_A])
    [made] = result.made_same
    assert not made.from_file
    assert f"“{TYPED_NAME}” ที่พิมพ์ไว้ในเครื่องนี้".replace("“", '"').replace("”", '"') in "\n".join(result.lines())
