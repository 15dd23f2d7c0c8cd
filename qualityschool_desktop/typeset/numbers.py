"""Numbers as a Thai report prints them: Thai or Arabic digits per document, Buddhist Era dates
with Thai month names, baht with thousands separators.

Thin wrappers over :mod:`qualityschool_desktop.thai` (which holds the conventions) so report code
has one import for everything it formats.
"""

from __future__ import annotations

from datetime import date

from ..thai import DigitStyle, digits, format_date, format_number

__all__ = ["DigitStyle", "baht", "number", "page_label", "thai_date"]


def number(value: int | float, style: DigitStyle = "thai", decimals: int = 0) -> str:
    """11,867,900 or ๑๑,๘๖๗,๙๐๐."""
    return format_number(value, style, decimals)


def baht(amount: int | float, style: DigitStyle = "thai", *, unit: bool = True) -> str:
    """An amount of money: whole baht without decimals, otherwise two (satang):
    "11,867,900 บาท", "๑,๒๕๐.๕๐ บาท"."""
    decimals = 0 if float(amount).is_integer() else 2
    text = format_number(amount, style, decimals)
    return f"{text} บาท" if unit else text


def thai_date(day: date, style: DigitStyle = "thai", *, short: bool = False) -> str:
    """๒๓ พฤศจิกายน ๒๕๖๙ (or 23 พ.ย. 2569)."""
    return format_date(day, short=short, style=style)


def page_label(page: int, total: int, style: DigitStyle = "thai") -> str:
    """หน้า ๑ / ๘."""
    return digits(f"หน้า {page} / {total}", style)
