"""Dates and times as Thai users type them (issue 11, "Dates"): read into ISO dates and HH:MM,
shown and filed with Buddhist-Era years; a date or time that does not exist is refused with a
Thai message naming why."""

from __future__ import annotations

from datetime import date

import pytest

from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.thai_dates import file_date, format_date_numeric, parse_date, parse_time, read_date


@pytest.mark.parametrize("typed", [
    "10/10/2561",  # BE year: 10 October 2018, not the year 2561 CE
    "10/10/61",  # two-digit years are BE, as Thai forms write them ("๖๑")
    "๑๐/๑๐/๒๕๖๑",  # Thai digits
    "10 ต.ค. 2561",
    "10 ตค 2561",
    "10ต.ค.61",
    "10-ต.ค.-2561",
    "10 ตุลาคม 2561",
    "10 ตุลาคม พ.ศ. 2561",
    "10 ตุลา 2561",  # the spoken short form
    "วันที่ 10 ตุลาคม พ.ศ. ๒๕๖๑",
    "10-10-2561",
    "10.10.2561",
    " 10 / 10 / 2561 ",
    "2018-10-10",  # ISO (Common Era)
    "10/10/2018",  # a four-digit year below 2400 is Common Era, accepted and shown as BE
    "10 ต.ค. ค.ศ. 2018",
    "10/10/ค.ศ.2018",
    "วันพุธที่ 10 ตุลาคม 2561",  # F11e 16: a weekday first, as letters are dated
    "วันพุธ 10 ต.ค. 2561",
    "พุธที่ 10 ตุลาคม 2561",
    "10 ตุ.ค. 2561",  # a common spelling of the short month
])
def test_what_thai_users_type_is_read_as_the_day_they_mean(typed: str) -> None:
    assert parse_date(typed) == date(2018, 10, 10)


def test_blank_is_no_date() -> None:
    assert parse_date("") is None and parse_date("   ") is None


def test_29_february_of_a_be_leap_year_is_accepted() -> None:
    assert parse_date("29/02/2567") == date(2024, 2, 29)  # 2024 is a leap year
    assert parse_date("29 ก.พ. 2567") == date(2024, 2, 29)


@pytest.mark.parametrize("typed, why", [
    ("29/02/2566", "กุมภาพันธ์ พ.ศ. 2566 มี 28 วัน"),
    ("31/04/2567", "เมษายน พ.ศ. 2567 มี 30 วัน"),
    ("31 เม.ย. 2567", "เมษายน พ.ศ. 2567 มี 30 วัน"),
    ("0/04/2567", "เมษายน พ.ศ. 2567 มี 30 วัน"),
    ("10/13/2561", "ไม่มีเดือนที่ 13"),
    ("10/0/2561", "ไม่มีเดือนที่ 0"),
])
def test_a_day_that_does_not_exist_is_refused_saying_why(typed: str, why: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_date(typed)
    assert why in str(refused.value)


@pytest.mark.parametrize("typed", ["พรุ่งนี้", "10/10", "10/10/256", "10 ตุลาคม 2561x", "10/10/2561/1", "abc"])
def test_text_that_is_not_a_date_is_refused_with_an_example(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_date(typed)
    assert "10/10/2561" in str(refused.value)  # the message shows how to type it


def test_a_month_name_it_does_not_know_is_named() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_date("10 ต.ต. 2561")
    assert "ต.ต." in str(refused.value) and "ต.ค." in str(refused.value)


@pytest.mark.parametrize("typed", ["10/10/2800", "10/10/1800", "1/1/2499"])
def test_a_year_outside_what_the_app_keeps_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_date(typed)
    assert "2500" in str(refused.value) and "2700" in str(refused.value)


def test_dates_are_shown_and_filed_with_the_be_year() -> None:
    day = date(2018, 10, 10)
    assert format_date_numeric(day) == "10/10/2561"
    assert format_date_numeric(day, style="thai") == "๑๐/๑๐/๒๕๖๑"
    assert file_date(date(2026, 11, 30)) == "2569-11-30"  # sorts in order in a folder
    assert parse_date(format_date_numeric(day)) == day


@pytest.mark.parametrize("typed, stored", [
    ("0900", "09:00"), ("900", "09:00"), ("9.00", "09:00"), ("9:00", "09:00"), ("09.00 น.", "09:00"),
    ("๙.๐๐", "09:00"), ("๐๙๐๐", "09:00"), ("9", "09:00"), ("9 น.", "09:00"), ("13.30", "13:30"),
    ("1330", "13:30"), ("0:05", "00:05"), ("23.59", "23:59"), ("", ""), ("  ", ""), ("16.30 นาฬิกา", "16:30"),
])
def test_times_as_people_type_them(typed: str, stored: str) -> None:
    assert parse_time(typed) == stored


@pytest.mark.parametrize("typed, why", [
    ("2500", "ชั่วโมง"), ("24:00", "ชั่วโมง"), ("9.75", "นาที"), ("9.5", "นาที"), ("เก้าโมง", "9.00"),
    ("12345", "9.00"), ("9..00", "9.00"),
])
def test_a_time_that_does_not_exist_is_refused_saying_why(typed: str, why: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_time(typed)
    assert why in str(refused.value)


INVISIBLE = ["\u200b", "\u200d", "\u2060", "\u00ad", "\u200e", "\u200f", "\u202a", "\u2066", "\ufeff"]


@pytest.mark.parametrize("mark", INVISIBLE)
def test_an_invisible_character_pasted_into_a_date_or_time_is_ignored(mark: str) -> None:
    """Issue 11 (tester 11b, finding 4): "10/10/2561" pasted with a zero-width space was refused
    with a message that looked right ("อ่าน "10/10/2561" เป็นวันที่ไม่ได้")."""
    assert parse_date(f"10/10/2561{mark}") == date(2018, 10, 10)
    assert parse_date(f"{mark}10/{mark}10/2561") == date(2018, 10, 10)
    assert parse_date(f"10 ต.ค.{mark} 2561") == date(2018, 10, 10)
    assert parse_time(f"9.00{mark}") == "09:00"
    assert parse_time(f"{mark}13:30") == "13:30"
    assert parse_time("１３：３０") == "13:30"  # full-width digits from an IME


@pytest.mark.parametrize(("typed", "day", "note"), [
    ("10/10/61", date(2018, 10, 10), 'ปี "61" อ่านเป็น พ.ศ. 2561: 10 ต.ค. 2561'),
    ("๑ ต.ค. ๖๗", date(2024, 10, 1), 'ปี "67" อ่านเป็น พ.ศ. 2567: 1 ต.ค. 2567'),
    ("10/10/2561", date(2018, 10, 10), ""),
    ("2018-10-10", date(2018, 10, 10), ""),
])
def test_a_two_digit_year_is_be_25xx_and_the_reading_says_so(typed: str, day: date, note: str) -> None:
    assert read_date(typed) == (day, note)
    assert parse_date(typed) == day


def test_a_weekday_that_is_not_the_days_is_refused_saying_which_it_is() -> None:
    """F11e 16: "วันจันทร์ที่ 10 ตุลาคม 2561" names two different days: 10 October 2561 was a Wednesday."""
    with pytest.raises(ValidationError, match="วันพุธ"):
        read_date("วันจันทร์ที่ 10 ตุลาคม 2561")
