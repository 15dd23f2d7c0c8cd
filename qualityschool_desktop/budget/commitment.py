"""What a multi-year (งบผูกพัน) item's amount means, said wherever it is shown (try14 F11).

Decision (s26): a งบผูกพัน request is the whole commitment over its years (seed 001 asks for the
building, not for one year's instalment), so its amount stays whole in the fiscal year it is
asked in; every place that shows it says so: the item reads "วงเงินทั้งโครงการ (ผูกพัน ๓ ปี)",
and a total that counts such items says how much of it is that commitment. Plain strings only.
"""

from __future__ import annotations

from typing import Iterable

from ..thai import digits
from .money import format_baht
from .requests import BudgetItem
from .rules import MULTI_YEAR_KINDS

WHOLE_AMOUNT = "วงเงินทั้งโครงการ (ผูกพัน {years} ปี)"
IN_TOTAL = "ในจำนวนนี้เป็นวงเงินทั้งโครงการของงบผูกพันหลายปี {amount} บาท"
IN_TOTAL_SHORT = "ในจำนวนนี้เป็นงบผูกพันหลายปี {amount} บาท"  # a window's one-line total


def is_commitment(item: BudgetItem) -> bool:
    """Is ``item`` a multi-year (งบผูกพัน) item, its amount the whole commitment?"""
    return item.kind in MULTI_YEAR_KINDS


def whole_amount_note(item: BudgetItem, style: str = "thai") -> str:
    """"วงเงินทั้งโครงการ (ผูกพัน ๓ ปี)" for a งบผูกพัน item (its years in ``style``'s digits,
    "thai" or "arabic"), "" for any other."""
    return digits(WHOLE_AMOUNT.format(years=item.span_years), style) if is_commitment(item) else ""


def commitment_satang(items: Iterable[BudgetItem]) -> int:
    """The part of the items' total that is งบผูกพัน commitment, satang."""
    return sum(item.amount_satang for item in items if is_commitment(item))


def in_total_note(satang: int, style: str = "thai", *, short: bool = False) -> str:
    """"ในจำนวนนี้เป็นวงเงินทั้งโครงการของงบผูกพันหลายปี ๒๒,๒๒๔,๓๐๐ บาท" (``short``: without
    "วงเงินทั้งโครงการของ", for a window's one-line total) for a total holding ``satang`` of
    commitment; "" when it holds none."""
    return (IN_TOTAL_SHORT if short else IN_TOTAL).format(amount=format_baht(satang, style)) if satang else ""
