"""Baht as the budget stores, reads and prints it.

Amounts are stored as whole **satang** (1/100 baht) in integers, so sums and products are exact
(a float would turn 0.1 + 0.2 baht into 0.30000000000000004). They are shown in baht with thousands
separators (Thai or Arabic digits, DOMAIN.md) and in Thai words (pythainlp's ``bahttext``, as a
government form writes "(สิบเอ็ดล้านแปดแสนหกหมื่นเจ็ดพันเก้าร้อยบาทถ้วน)").
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from .. import validation
from ..errors import ValidationError
from ..numbers import without_thousands
from ..text import clean_field
from ..thai import arabic_digits, digits

SATANG_PER_BAHT = 100
_PLAIN = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")  # a sign for "ต้องไม่ติดลบ"
_UNIT = re.compile(r"\s*(บาท|฿|thb)\s*$", re.IGNORECASE)


def parse_baht(value: Any, label: str = "ราคาต่อหน่วย", *, maximum: int | None = None) -> int:
    """Satang from what a person typed in baht: "1250.50", "๑,๒๕๐.๕๐", "1,250 บาท", "฿ 99"; blank
    is 0. A number (int, float or Decimal) is read as baht. Raises :class:`ValidationError` naming
    ``label`` (Thai) for text that is not an amount (digits with one decimal point only: "1e3",
    "0x10", "1_000", "inf" are refused, try14e finding f06), a negative amount, more than two decimals
    (satang), or more than ``maximum`` satang (:data:`~qualityschool_desktop.validation.MAX_SATANG`,
    a budget item's unit price, when None; a plan activity's budget allows more, plans/rules.py)."""
    if value is None:
        return 0
    if isinstance(value, bool):
        raise ValidationError(f"{label}ต้องเป็นจำนวนเงิน")
    if isinstance(value, (int, float, Decimal)):
        text = str(value)
    else:
        text = _UNIT.sub("", arabic_digits(clean_field(value)).replace("฿", "")).replace(" ", "")
        text = without_thousands(text, label, value)
        if not text:
            return 0
        if not _PLAIN.fullmatch(text):  # "1e3", "0x10", "1_000", "inf": not how an amount is written (f06)
            raise ValidationError(f"{label}ต้องเป็นจำนวนเงินเป็นบาท เช่น ๑,๒๕๐.๕๐ (กรอกมา “{value}”)")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError(f"{label}ต้องเป็นจำนวนเงินเป็นบาท เช่น ๑,๒๕๐.๕๐ (กรอกมา “{value}”)") from None
    if not amount.is_finite():
        raise ValidationError(f"{label}ต้องเป็นจำนวนเงินเป็นบาท เช่น ๑,๒๕๐.๕๐ (กรอกมา “{value}”)")
    if amount < 0:
        raise ValidationError(f"{label}ต้องไม่ติดลบ")
    satang = amount * SATANG_PER_BAHT
    if satang != satang.to_integral_value():
        raise ValidationError(f"{label}มีทศนิยมได้ไม่เกิน ๒ ตำแหน่ง (สตางค์)")
    limit = validation.MAX_SATANG if maximum is None else maximum
    if satang > limit:
        raise ValidationError(f"{label}เกิน {format_baht(limit, 'thai')} บาท โปรดตรวจสอบ")
    return int(satang)


def format_baht(satang: int, style: str = "thai") -> str:
    """``satang`` as baht with thousands separators, without the unit: whole baht without decimals
    ("11,867,900"), otherwise two ("1,250.50"); digits in ``style`` ("thai" or "arabic")."""
    whole, part = divmod(int(satang), SATANG_PER_BAHT)
    text = f"{whole:,}" if part == 0 else f"{whole:,}.{part:02d}"
    return digits(text, style)


def baht_words(satang: int) -> str:
    """``satang`` in Thai words as a form writes an amount: "หนึ่งพันสองร้อยห้าสิบบาทห้าสิบสตางค์",
    "ศูนย์บาทถ้วน" for nothing (pythainlp ``bahttext``, exact: computed from a Decimal)."""
    from pythainlp.util import bahttext  # here: saving a keystroke never loads pythainlp

    return str(bahttext(float(Decimal(int(satang)) / SATANG_PER_BAHT)))
