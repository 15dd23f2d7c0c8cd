"""Limits that every write path and every import share.

The exchange refuses a record beyond these (``exchange/records.py``), so the laptop must refuse it
first: nothing a laptop accepts may make the district refuse that school's whole file, and nothing
the district accepts may break a report.
"""

from __future__ import annotations

from .errors import ValidationError
from .thai import thai_digits

MAX_TEXT = 200_000  # characters in one field: far above any real note, far below a memory problem
MAX_ROUND = 1000  # rounds of self-assessment in one fiscal year
MAX_DISTANCE_KM = 100_000.0  # a network school's distance; the earth is smaller than that

TOO_LONG = "{label}ยาวเกินกำหนด ({length} ตัวอักษร เกิน {limit} ตัวอักษร) โปรดย่อหรือแนบเป็นไฟล์แทน"


def check_text(value: str, label: str) -> str:
    """``value`` when it is at most :data:`MAX_TEXT` characters; raises :class:`ValidationError`
    (Thai, naming ``label``) otherwise."""
    if len(value) > MAX_TEXT:
        raise ValidationError(TOO_LONG.format(label=label, length=thai_digits(f"{len(value):,}"),
                                              limit=thai_digits(f"{MAX_TEXT:,}")))
    return value
