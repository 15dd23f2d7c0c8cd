"""Numbers as Thai people type them: the comma groups thousands, the point marks decimals.

Issue 11 (F11e 3): a network school's distance "1,200" was stored as 1.2 km (the comma read as a
European decimal comma), and "1,5" typed as a head count or an amount silently became 15. Every
number the core reads from typed text or a CSV file goes through :func:`without_thousands`: a
comma is taken only where it groups thousands ("1,200", "12,345.5"); any other comma is refused
with a Thai message that shows how to write a decimal ("1.5").
"""

from __future__ import annotations

import re

from .errors import ValidationError

__all__ = ["without_thousands"]

# Digits with commas every three from the right (an optional sign before, decimals after).
_GROUPED = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


def without_thousands(text: str, label: str, typed: object = None) -> str:
    """``text`` (Arabic digits already) without its thousands commas: "1,200" → "1200",
    "12,345.50" → "12345.50"; text without a comma comes back as it is.

    Raises :class:`ValidationError` naming ``label`` (Thai) and what was typed (``typed``, else
    ``text``) when a comma does not group thousands: "1,5" may be a decimal written the European
    way, and guessing would store a number ten or a thousand times off. Rule: Thai writing
    (ราชบัณฑิตยสภา; the Thai locale's number format) groups thousands with a comma and marks
    decimals with a point.
    """
    if "," not in text:
        return text
    compact = text.strip()
    if _GROUPED.fullmatch(compact):
        return compact.replace(",", "")
    shown = text if typed is None else typed
    decimal = compact.replace(",", ".", 1) if compact.count(",") == 1 else ""
    example = f" ถ้าหมายถึงทศนิยม ให้เขียน {decimal}" if re.fullmatch(r"[-+]?\d+\.\d+", decimal) else ""
    raise ValidationError(
        f"{label} “{shown}” อ่านไม่ได้แน่ชัด: เครื่องหมายจุลภาค (,) ใช้คั่นหลักพันเท่านั้น"
        f" เช่น 1,200{example}"
    )
