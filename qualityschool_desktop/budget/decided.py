"""What the office has decided of a set of budget items, and how an approved amount reads
(RETEST14 N5: an item not yet decided printed "๐", which reads as "approved nothing").

An item is *decided* when the office's latest decision on it is current and names an amount (0 is
a refusal); it is *pending* when there is no decision, the decision left the amount blank, or the
item changed since (:attr:`~.requests.Approval.current`). Approved totals add the decided items
only, and say how many are still pending. Plain strings in the caller's digits: the printout, the
workbook and the window share them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..thai import digits
from .money import format_baht
from .requests import Approval

PENDING = "รอพิจารณา"  # an item (or every item of a total) not decided yet
PENDING_AGAIN = "รอพิจารณาใหม่ (แก้ไขหลังอนุมัติ)"  # an item changed since the office's decision
REFUSED = "ไม่อนุมัติ"
# The office's decision on one item, said whole (s34 exw34 T3: the pending window's detail).
APPROVED_WHOLE = "อนุมัติ {amount} บาท"  # as much as was asked
APPROVED_PART = "อนุมัติบางส่วน {amount} บาท (จากที่ขอ {asked} บาท)"  # less than was asked
NO_ITEMS = "–"  # a total over no items (a kind nobody asked for)
PARTLY = "{amount} (รอ {pending} รายการ)"  # a total of which some items wait
PARTLY_SHORT = "{amount} (รอ {pending})"  # the same in a narrow table cell (its tooltip says the rest)
# Said once under a printout's (or the window's) approved figures.
COUNTS_ONLY_DECIDED = ("ยอดอนุมัติรวมเฉพาะรายการที่สำนักงานพิจารณาแล้ว {decided} จาก {items} รายการ"
                       " (รอพิจารณา {pending} รายการ ไม่นับในยอดอนุมัติ)")
ALL_DECIDED = "สำนักงานพิจารณาครบทั้ง {items} รายการแล้ว"


def is_decided(approval: Approval | None) -> bool:
    """Whether ``approval`` is a current decision naming an amount (0 included: a refusal)."""
    return approval is not None and approval.current and approval.approved_satang is not None


@dataclass(frozen=True)
class Decided:
    """The office's decisions over some items: ``satang`` approved of the decided ones, how many
    are ``decided`` and how many ``pending`` (see the module)."""

    satang: int = 0
    decided: int = 0
    pending: int = 0

    @property
    def items(self) -> int:
        """How many items these decisions are over (decided and pending)."""
        return self.decided + self.pending

    def add(self, approval: Approval | None) -> "Decided":
        """These decisions and one more item's (``approval``: its latest, or None)."""
        if is_decided(approval):
            assert approval is not None and approval.approved_satang is not None
            return Decided(self.satang + approval.approved_satang, self.decided + 1, self.pending)
        return Decided(self.satang, self.decided, self.pending + 1)

    @classmethod
    def of(cls, approvals: Iterable[Approval | None]) -> "Decided":
        """The decisions over items whose latest approvals (None: none yet) are ``approvals``."""
        total = cls()
        for approval in approvals:
            total = total.add(approval)
        return total

    def text(self, style: str = "thai", *, short: bool = False) -> str:
        """The approved total as shown: "–" over no items, :data:`PENDING` when nothing is decided,
        the amount when everything is, else :data:`PARTLY` (:data:`PARTLY_SHORT` when ``short``;
        digits in ``style``)."""
        if not self.items:
            return NO_ITEMS
        if not self.decided:
            return PENDING
        amount = format_baht(self.satang, style)
        return amount if not self.pending else digits(
            (PARTLY_SHORT if short else PARTLY).format(amount=amount, pending=self.pending), style)

    def note(self, style: str = "thai") -> str:
        """The sentence that says what the approved figures count (:data:`COUNTS_ONLY_DECIDED` or
        :data:`ALL_DECIDED`)."""
        if not self.pending:
            return digits(ALL_DECIDED.format(items=self.items), style)
        return digits(COUNTS_ONLY_DECIDED.format(decided=self.decided, items=self.items, pending=self.pending), style)


def item_text(approval: Approval | None, style: str = "thai") -> str:
    """One item's approved amount as shown: the amount, :data:`REFUSED` for 0, :data:`PENDING`
    when not decided, :data:`PENDING_AGAIN` when the item changed since the decision."""
    if approval is not None and not approval.current and approval.approved_satang is not None:
        return PENDING_AGAIN
    if not is_decided(approval):
        return PENDING
    assert approval is not None and approval.approved_satang is not None
    return REFUSED if approval.approved_satang == 0 else format_baht(approval.approved_satang, style)


def decision_text(approved_satang: int | None, asked_satang: int, style: str = "thai") -> str:
    """An office's decision on an item asked for ``asked_satang`` as a person reads it:
    :data:`PENDING` for no amount, :data:`REFUSED` for 0, :data:`APPROVED_PART` for less than was
    asked, :data:`APPROVED_WHOLE` otherwise; amounts in baht with thousands separators, digits in
    ``style``."""
    if approved_satang is None:
        return PENDING
    if approved_satang == 0:
        return REFUSED
    amount = format_baht(approved_satang, style)
    if approved_satang < asked_satang:
        return digits(APPROVED_PART.format(amount=amount, asked=format_baht(asked_satang, style)), style)
    return digits(APPROVED_WHOLE.format(amount=amount), style)
