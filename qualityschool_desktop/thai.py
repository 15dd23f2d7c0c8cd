"""Thai conventions: digits, Buddhist Era dates, fiscal years, number formatting."""

from __future__ import annotations

from datetime import date

BE_OFFSET = 543
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)


def thai_digits(text: str | int | float) -> str:
    """Replace Arabic digits with Thai digits (๐–๙)."""
    return str(text).translate(_THAI_DIGITS)


def arabic_digits(text: str) -> str:
    return text.translate(_ARABIC_DIGITS)


def digits(text: str | int | float, style: str) -> str:
    """``style`` is "thai" or "arabic": the per-report choice of DOMAIN.md."""
    return thai_digits(text) if style == "thai" else str(text)


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def fiscal_year_of(day: date) -> int:
    """The Thai fiscal year (BE) a day belongs to: it runs 1 October – 30 September and is named
    by the BE year in which it ends."""
    return be_year(day.year + (1 if day.month >= 10 else 0))


def format_date(day: date, *, short: bool = False, style: str = "arabic") -> str:
    """23 พฤศจิกายน 2569 (or ๒๓ พ.ย. ๒๕๖๙)."""
    months = MONTHS_SHORT if short else MONTHS
    return digits(f"{day.day} {months[day.month - 1]} {be_year(day.year)}", style)


def format_score(score: float | None, style: str = "arabic") -> str:
    return "–" if score is None else digits(f"{score:.2f}", style)


def format_number(value: int | float, style: str = "arabic", decimals: int = 0) -> str:
    """Thousands separators: 11,867,900."""
    return digits(f"{value:,.{decimals}f}", style)
