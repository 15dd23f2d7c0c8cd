"""A school code of one digit repeated ten times (0000000000, 1111111111 …) is no ministry code: a
placeholder typed to get past the field. The core's one rule refuses it, so the school dialog, the
network-school list and an import all do (issue 11)."""

from __future__ import annotations

import pytest

from qualityschool_desktop import validation
from qualityschool_desktop.demo import demo_codes, load_demo_schools
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.schools import validate_code
from qualityschool_desktop.workspace import Workspace

REPEATED = [digit * 10 for digit in "0123456789"]


@pytest.mark.parametrize("code", REPEATED + ["๐๐๐๐๐๐๐๐๐๐", "000-000-0000"])
def test_one_digit_ten_times_is_refused_with_a_thai_reason(memory_workspace: Workspace, code: str) -> None:
    with pytest.raises(ValidationError, match="ตัวเลขเดียวกันทั้ง ๑๐ หลัก"):
        validate_code(code)
    with pytest.raises(ValidationError, match="ตัวเลขเดียวกันทั้ง ๑๐ หลัก"):
        memory_workspace.schools.add(code=code, name="โรงเรียนทดสอบ")
    assert memory_workspace.schools.count() == 0


def test_the_rule_every_write_and_import_checks_refuses_it() -> None:
    for table in ("schools", "network_schools"):
        rule = validation.RULES[table]["code"]
        assert not rule("0000000000") and not rule("7777777777")
        assert rule("6302000001") and rule("1000000000")
        assert "ตัวเลขเดียวกันทั้ง ๑๐ หลัก" in (rule.problem("0000000000") or "")
        assert rule.problem("63020") == "ต้องเป็นตัวเลข ๑๐ หลัก"


def test_a_network_school_with_such_a_code_is_refused(memory_workspace: Workspace, school) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="ตัวเลขเดียวกันทั้ง ๑๐ หลัก"):
        memory_workspace.network_schools.add(school.id, code="1111111111", name="โรงเรียนบ้านห้วย")


def test_the_demo_data_uses_no_such_code() -> None:
    codes = demo_codes(load_demo_schools())
    assert codes and all(validation.RULES["schools"]["code"](code) for code in codes)


@pytest.mark.parametrize("mark", ["\u200b", "\u200d", "\u2060", "\u00ad", "\u200e", "\u202a", "\ufeff"])
def test_an_invisible_character_pasted_into_a_code_is_ignored(memory_workspace: Workspace, mark: str) -> None:
    """Issue 11 (tester 11b, finding 4)."""
    assert validate_code(f"{mark}6302000001{mark}") == "6302000001"
    assert memory_workspace.schools.add(code=f"6302{mark}000001", name="โรงเรียนทดสอบ").code == "6302000001"


def test_a_code_excel_kept_as_text_with_a_leading_apostrophe_is_read() -> None:
    """Issue 11 (tester 11b, finding 12): a list typed in Excel as '6301000011."""
    assert validate_code("'6301000011") == "6301000011"
    assert validate_code("’6301000011") == "6301000011"


@pytest.mark.parametrize("code", ["6.301E+09", "6.30100001E+09", "6301000011.0", "6,301,000,011"])
def test_a_code_excel_turned_into_a_number_says_how_to_keep_it_text(code: str) -> None:
    """Issue 11 (tester 11b, finding 12): the message says to format the column as text in Excel."""
    with pytest.raises(ValidationError, match="จัดรูปแบบคอลัมน์รหัสเป็นข้อความใน Excel"):
        validate_code(code)
