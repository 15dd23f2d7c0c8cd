"""The pending window's detail of an office's budget decision waiting for its key (s34 exw34 T3),
as ``verdict_rows.py`` gives a review verdict its own: the request (the item, the amount asked,
the fiscal year), the office's decision as the budget feature names it (อนุมัติ, ไม่อนุมัติ,
อนุมัติบางส่วน: ``budget.decided.decision_text``, baht with thousands separators) and its comment;
beside them what this laptop holds of the item's decision. Not the generic comparison: satang in a
field and the office's installation id are nothing a director reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qualityschool_desktop.budget.decided import decision_text
from qualityschool_desktop.budget.money import format_baht
from qualityschool_desktop.errors import QualitySchoolError
from ui.common.digits import shown
from ui.common.digits import style as digit_style

from . import budget_strings as b
from . import strings as s
from .compare import FieldRow
from .words import format_when, sender_words

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace


def is_budget_decision(table: str, current: dict[str, Any] | None) -> bool:
    """Is a waiting change an office's budget decision new here (shown by :func:`budget_rows`)?"""
    return table == "budget_decisions" and current is None


def budget_rows(workspace: Workspace, row: dict[str, Any]) -> list[FieldRow]:
    """The rows a person reads for the budget decision ``row`` (as sent): the item, the amount
    asked, the decision, the comment and the fiscal year always; when with every field."""
    style = str(digit_style())
    approved = row.get("approved_satang")
    approved = int(approved) if approved is not None else None
    try:
        item = workspace.budget.get(str(row.get("request_id") or ""))
    except QualitySchoolError:
        item = None
    if item is None:
        what, asked, year = b.BUDGET_UNKNOWN_ITEM, s.EMPTY_VALUE, s.EMPTY_VALUE
        said = decision_text(approved, approved or 0, style)
        here = s.EMPTY_VALUE
    else:
        template = b.BUDGET_ITEM_TEXT if item.unit.strip() else b.BUDGET_ITEM_NO_UNIT
        what = template.format(description=item.description, quantity=shown(item.quantity), unit=item.unit.strip())
        asked = b.BUDGET_BAHT.format(amount=format_baht(item.amount_satang, style))
        year = shown(item.fiscal_year)
        said = decision_text(approved, item.amount_satang, style)
        approval = workspace.budget.approval(item.id)
        here = (decision_text(approval.approved_satang, item.amount_satang, style)
                if approval is not None and approval.approved_satang is not None else b.BUDGET_NONE_HERE)
    note = " ".join(str(row.get("note") or "").split())
    return [
        FieldRow("request_id", b.BUDGET_ITEM, what, what, False, always=True),
        FieldRow("asked", b.BUDGET_ASKED, asked, asked, False, always=True),
        FieldRow("approved_satang", b.BUDGET_DECISION, here, said, True, always=True),
        FieldRow("note", b.BUDGET_COMMENT, s.EMPTY_VALUE, note or s.EMPTY_VALUE, bool(note), always=True),
        FieldRow("fiscal_year", b.BUDGET_YEAR, year, year, False, always=True),
        # When: under "แสดงทุกช่องข้อมูล" (the heading names the office already).
        FieldRow("decided_at", b.BUDGET_WHEN, s.EMPTY_VALUE,
                 format_when(str(row["decided_at"])) if row.get("decided_at") else s.EMPTY_VALUE, False),
    ]


def budget_said(workspace: Workspace, row: dict[str, Any]) -> str:
    """The list row's and the title's words for the budget decision ``row`` (s34 exw34b B6): its
    kind and the decision as the detail says it (อนุมัติบางส่วน against the amount asked here),
    the item's description; the kind and the amount alone when the item is not here."""
    from qualityschool_desktop.exchange.records import KIND_LABELS

    approved = row.get("approved_satang")
    approved = int(approved) if approved is not None else None
    try:
        item = workspace.budget.get(str(row.get("request_id") or ""))
    except QualitySchoolError:
        item = None
    style = str(digit_style())
    if item is None:
        return f"{KIND_LABELS['budget_decisions']}: {decision_text(approved, approved or 0, style)}"
    return (f"{KIND_LABELS['budget_decisions']}: {decision_text(approved, item.amount_satang, style)}"
            f"\n“{item.description[:60]}” {b.BUDGET_YEAR} {shown(item.fiscal_year)}")


def approver_words(table: str, sender: Any, name: str, unnamed: str, *, machine: bool = True) -> str:
    """Who sent a waiting change (``words.sender_words``); for a budget decision whose key claims
    an office not bound here, that office's approver (:data:`budget_strings.APPROVER_CLAIMED`), as
    the budget words name it, not its reviewer (RETEST34 D2)."""
    claimed: tuple[str, ...] = tuple(getattr(sender, "claimed", ()) or ())
    if table == "budget_decisions" and claimed and not (sender.schools or sender.visitors or sender.offices):
        from qualityschool_desktop.exchange.sender_names import WITH_MACHINE

        words = b.APPROVER_CLAIMED.format(names=", ".join(shown(office) for office in claimed))
        return WITH_MACHINE.format(who=words, machine=sender.machine) if machine and sender.machine else words
    return sender_words(sender, name, unnamed, machine=machine)
