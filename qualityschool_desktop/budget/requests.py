"""A school's budget requests (คำขอรับการสนับสนุนงบประมาณ, seed 001 section ๔): ``workspace.budget``.

One record per item and fiscal year (BE): its kind (``equipment`` ครุภัณฑ์; ``construction``,
``renovation`` or ``multi_year`` ที่ดินและสิ่งก่อสร้าง), description, quantity and unit, unit price
(stored in satang, see :mod:`.money`; the amount is quantity × unit price, computed), the number of
years of a multi-year item (งบผูกพัน), the component and items it serves (checklist codes), its
priority and justification. Every change is saved as typed through the one write path; the rules
of :mod:`.rules` (at most 3 equipment and 2 land-and-building items) are *messages*: a fourth item
is saved, and :meth:`BudgetRequests.messages` says what is over. The records belong to the school
(migration 0019: another laptop's edit is refused, as for network schools). The office's approval
of an item (``budget_decisions``, migration 0021) is the office's own append-only record: it travels
back to the school in exchange files, and applies there only when signed by the office that made
it (owner kind ``office``, as for review decisions; ``exchange/ownership.py``).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, fields, replace
from typing import Any, Callable, Collection

from .. import validation
from ..clock import now_iso
from ..errors import NotFoundError, ValidationError
from ..ids import new_id
from ..numbers import without_thousands
from ..office_here import acts_as_office
from ..schools import Schools
from ..storage import CoreDatabase
from ..text import clean_field, clean_text
from ..thai import Sentence, arabic_digits, thai_digits
from .money import format_baht, parse_baht
from .rules import MIN_MULTI_YEARS, MULTI_YEAR_KINDS, MULTI_YEARS_DRAFT, BudgetRules, load_rules, rule_messages, span_problem

EDITABLE = ("kind", "description", "quantity", "unit", "unit_price", "span_years", "scope_codes", "priority",
            "justification")
NOT_FOUND = "ไม่พบรายการคำของบประมาณนี้ (อาจถูกลบไปแล้ว)"
UNKNOWN_CODES = ("ไม่มีองค์ประกอบ ตัวชี้วัด หรือประเด็นข้อ {codes} ในเกณฑ์โรงเรียนคุณภาพ"
                 " โปรดตรวจเลขข้อ (องค์ประกอบ ๑–๕ เช่น ๑, ๑.๒ หรือ ๑.๒.๓)")
_CODE_SEPARATORS = re.compile(r"[\s,;]+")
# The words a director writes before a code ("ด้านที่ ๔", "องค์ประกอบที่ ๑.๒", "ข้อ ๓"): the code is
# what follows them (TEST32b B10: "ด้านที่ ๔" was refused, quoting "ด้านที่").
_CODE_LEADS = re.compile(r"(?:ด้าน|องค์ประกอบ|ตัวชี้วัด|ประเด็น|ข้อ)(?:ที่)?\s*(?=[0-9])")
# The whole input quoted as typed; the example in the reader's digits, as the field shows codes.
BAD_CODE = "องค์ประกอบหรือประเด็น “{typed}” ต้องเป็นเลขข้อ เช่น ๔ หรือ ๑.๒.๓"


@dataclass(frozen=True)
class BudgetItem:
    """One item of a school's request for ``fiscal_year`` (BE). ``unit_price_satang`` and
    :attr:`amount_satang` are satang (1/100 baht); ``scope_codes`` the checklist codes (component or
    item, e.g. "1", "1.2.3") it serves, space-separated; ``priority`` 1 is the most wanted;
    ``span_years`` the years of a multi-year item (1 otherwise)."""

    id: str
    school_id: str
    fiscal_year: int
    kind: str
    description: str
    quantity: int
    unit: str
    unit_price_satang: int
    span_years: int
    scope_codes: str
    priority: int
    justification: str
    created_at: str
    modified_at: str
    modified_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "BudgetItem":
        """The item held in a row of ``budget_requests`` (other columns ignored)."""
        return cls(**{f.name: row[f.name] for f in fields(cls)})

    @property
    def amount_satang(self) -> int:
        """Quantity × unit price, in satang (exact)."""
        return self.quantity * self.unit_price_satang

    @property
    def codes(self) -> tuple[str, ...]:
        """The checklist codes it serves, as a tuple."""
        return tuple(self.scope_codes.split())


def clean_codes(value: Any) -> str:
    """Checklist codes as typed ("1.2, 1.3" or "๑.๒ ๑.๓", "ด้านที่ ๔": the words before a code
    dropped) as stored: Arabic digits, one space between, each once. Raises
    :class:`ValidationError` (a :class:`~..thai.Sentence` quoting the whole input) for a code that
    is not digits and dots."""
    codes: list[str] = []
    typed = clean_field("" if value is None else value)
    for code in _CODE_SEPARATORS.split(_CODE_LEADS.sub("", arabic_digits(typed))):
        code = code.strip(".")
        if not code:
            continue
        if not re.fullmatch(r"[0-9]+(\.[0-9]+)*", code):
            raise ValidationError(Sentence(BAD_CODE, typed=typed))
        if code not in codes:
            codes.append(code)
    return " ".join(codes)


def _whole(value: Any, label: str, minimum: int, maximum: int) -> int:
    text = without_thousands(arabic_digits(clean_field("" if value is None else str(value))).strip(), label, value)
    try:
        number = int(text) if text else minimum
    except ValueError:
        raise ValidationError(f"{label}ต้องเป็นจำนวนเต็ม (กรอกมา “{value}”)") from None
    if not minimum <= number <= maximum:
        raise ValidationError(f"{label}ต้องอยู่ระหว่าง {minimum:,} ถึง {maximum:,}")
    return number


def clean_values(changes: dict[str, Any], rules: BudgetRules | None = None) -> dict[str, Any]:
    """The columns to store from the fields of :data:`EDITABLE` as typed: ``unit_price`` in baht
    (becomes ``unit_price_satang``, :func:`~.money.parse_baht`), ``quantity`` 0–10,000,
    ``span_years`` 1–10, ``priority`` 1–99 (Thai digits and separators accepted), one-line
    description and unit, multi-line justification, codes by :func:`clean_codes`. Raises
    :class:`ValidationError` (Thai) for an unknown field or kind, or a value beyond its rule."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"ไม่มีช่องข้อมูล {', '.join(sorted(unknown))} ในคำของบประมาณ")
    rules = rules or load_rules()
    cleaned: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "kind":
            rules.group_of(str(value))
            cleaned[key] = str(value)
        elif key in ("description", "unit"):
            cleaned[key] = " ".join(clean_text("" if value is None else value, multiline=False).split())
        elif key == "justification":
            cleaned[key] = clean_text("" if value is None else value)
        elif key == "quantity":
            cleaned[key] = _whole(value, "จำนวน", 0, validation.MAX_QUANTITY)
        elif key == "span_years":
            cleaned[key] = _whole(value, "จำนวนปีงบผูกพัน", 1, 10)
        elif key == "priority":
            cleaned[key] = _whole(value, "ลำดับความสำคัญ", 1, 99)
        elif key == "unit_price":
            cleaned["unit_price_satang"] = parse_baht(value)
        else:
            cleaned[key] = clean_codes(value)
    validation.check_row("budget_requests", cleaned)
    return cleaned


@dataclass(frozen=True)
class Approval:
    """What the office approved of an item: ``approved_satang`` (None: not decided), its note.
    ``current`` is False when the item's kind, description, quantity, unit, unit price or years
    (:data:`DECIDED_ON`) differ from the state the decision names (:func:`state_digest`, whatever the
    two laptops' clocks say: TEST14e f01; a decision made before decisions named a state is judged
    by times): it then needs a new decision and does not count as approved (TEST14 finding 6)."""

    request_id: str
    approved_satang: int | None
    note: str
    decided_at: str
    current: bool = True

    @property
    def counted_satang(self) -> int:
        """What counts as approved, satang: the amount of a current decision, else 0."""
        return self.approved_satang or 0 if self.current else 0


# What the office decides on: a change of any of these after a decision calls for a new one (the
# priority, the codes served and the justification do not change what is bought).
DECIDED_ON = ("kind", "description", "quantity", "unit", "unit_price_satang", "span_years")


def state_digest(item: BudgetItem) -> str:
    """The item's state as the office decides on it: the SHA-256 (64 hex digits) of its
    :data:`DECIDED_ON` fields, which a decision keeps (``budget_decisions.decided_state``, migration
    0025) so that "changed since the decision" follows what happened to the item, not the clocks
    of two laptops (TEST14e finding f01). Raises nothing."""
    values = [getattr(item, name) for name in DECIDED_ON]
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode("utf-8")).hexdigest()


OWN_APPROVAL = (
    "โรงเรียนบันทึกผลการอนุมัติงบประมาณของตนเองไม่ได้: ผลการอนุมัติต้องมาจากสำนักงานเขตพื้นที่ที่ดูแลโรงเรียน"
    " และมาถึงเครื่องนี้ทางไฟล์แลกเปลี่ยนข้อมูล"
)

OVER_REQUEST = ("งบประมาณที่อนุมัติ {approved} บาท มากกว่าที่โรงเรียนขอ {requested} บาท:"
                " โปรดอนุมัติไม่เกินจำนวนที่ขอ")


class BudgetRequests:
    """``workspace.budget``: the budget requests of each school and fiscal year (BE)."""

    def __init__(self, db: CoreDatabase, installation_id: str, schools: Schools,
                 known_codes: Callable[[], Collection[str]] | None = None) -> None:
        self._db = db
        self._installation_id = installation_id
        self._schools = schools
        self._known_codes = known_codes  # the checklist's codes (components, indicators, items)

    def _check(self, kind: str, values: dict[str, Any]) -> None:
        """Refuse years that do not suit ``kind`` and checklist codes the checklist lacks (f06)."""
        if "span_years" in values and (problem := span_problem(kind, values["span_years"])):
            raise ValidationError(problem)
        if values.get("scope_codes") and self._known_codes is not None:
            known = set(self._known_codes())
            unknown = [code for code in values["scope_codes"].split() if code not in known]
            if unknown:
                raise ValidationError(UNKNOWN_CODES.format(codes=thai_digits(", ".join(unknown))))

    # -- reading -----------------------------------------------------------------------------
    def get(self, item_id: str) -> BudgetItem:
        """The item ``item_id``; raises :class:`NotFoundError` when there is none or it was removed."""
        rows = list(self._db.query("SELECT * FROM budget_requests WHERE id = ? AND deleted = 0", [item_id]))
        if not rows:
            raise NotFoundError(NOT_FOUND)
        return BudgetItem.from_row(rows[0])

    def items(self, school_id: str, fiscal_year: int) -> list[BudgetItem]:
        """The school's items for ``fiscal_year`` (BE) not removed, by priority and then as added,
        whatever their kind (C14 item 10: equipment first showed places 1, 2, 4, 5, 3). Each
        item's ``priority`` is its place 1..n in that order: what :meth:`_renumber` writes, and
        what two laptops' items merged with the same number read as until the next local edit
        does (C14 item 8: a merge writes nothing of its own, and an office may not renumber a
        school's items)."""
        rows = self._db.query(
            "SELECT * FROM budget_requests WHERE school_id = ? AND fiscal_year = ? AND deleted = 0"
            " ORDER BY priority, created_at, id", [school_id, fiscal_year])
        return [replace(item, priority=min(place, 99)) if item.priority != min(place, 99) else item
                for place, item in enumerate((BudgetItem.from_row(row) for row in rows), start=1)]

    def years(self, school_id: str | None = None) -> list[int]:
        """The fiscal years (BE) with items not removed (of one school, or of any), latest first."""
        where, params = ("AND school_id = ?", [school_id]) if school_id else ("", [])
        return [int(row[0]) for row in self._db.execute(
            f"SELECT DISTINCT fiscal_year FROM budget_requests WHERE deleted = 0 {where} ORDER BY 1 DESC", params)]

    def messages(self, school_id: str, fiscal_year: int) -> tuple[str, ...]:
        """What the school's items of ``fiscal_year`` break of the rules (:func:`~.rules.rule_messages`)
        and each งบผูกพัน item still of one year (:data:`~.rules.MULTI_YEARS_DRAFT`: a kind changed in
        the table before its years), Thai sentences; empty when they hold."""
        items = self.items(school_id, fiscal_year)
        return rule_messages(item.kind for item in items) + tuple(
            MULTI_YEARS_DRAFT.format(name=item.description or "ไม่มีชื่อ", years=thai_digits(item.span_years))
            for item in items if item.kind in MULTI_YEAR_KINDS and item.span_years < MIN_MULTI_YEARS)

    def total_satang(self, school_id: str, fiscal_year: int) -> int:
        """The sum of the school's item amounts for ``fiscal_year``, in satang."""
        return sum(item.amount_satang for item in self.items(school_id, fiscal_year))

    # -- writing -----------------------------------------------------------------------------
    def add(self, school_id: str, fiscal_year: int, kind: str, **values: Any) -> BudgetItem:
        """Add an item of ``kind`` to the school's request for ``fiscal_year`` (BE) and return it;
        ``values``: the other fields of :data:`EDITABLE` (see :func:`clean_values`; blank ones
        start empty, quantity 1). An item over the rules' limits is still added (see
        :meth:`messages`). Raises :class:`ValidationError` for a bad value or year, years that do not
        suit the kind (:func:`~.rules.span_problem`: งบผูกพัน needs 2 or more, any other kind 1),
        checklist codes the checklist has not (:data:`UNKNOWN_CODES`),
        :class:`NotFoundError` for an unknown school,
        :class:`~qualityschool_desktop.errors.OwnershipError` where this installation does not own
        the school, :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be
        written."""
        cleaned = clean_values({"kind": kind, **values})
        self._check(kind, {"span_years": 1, **cleaned})
        self._schools.require(school_id)
        now = now_iso()
        place = cleaned.pop("priority", None)
        row: dict[str, Any] = {
            "id": new_id(), "school_id": school_id, "fiscal_year": fiscal_year, "description": "", "quantity": 1,
            "unit": "", "unit_price_satang": 0, "span_years": 1, "scope_codes": "", "justification": "",
            "priority": min(len(self.items(school_id, fiscal_year)) + 1 if isinstance(fiscal_year, int) else 1, 99),
            **cleaned, "deleted": 0, "created_at": now, "modified_at": now, "modified_by": self._installation_id,
        }
        with self._db.write():
            self._db.table("budget_requests").insert(validation.checked("budget_requests", row))
            self._renumber(school_id, fiscal_year, row["id"], place)
        return self.get(row["id"])

    def update(self, item_id: str, **changes: Any) -> BudgetItem:
        """Change fields of :data:`EDITABLE` and return the item; nothing is written when nothing
        differs. Raises as :meth:`add` does, and :class:`NotFoundError` for a removed item. A kind
        changed to a one-year kind takes the item to 1 year; changed to งบผูกพัน with 1 year it is
        kept as a draft and :meth:`messages` asks for the years."""
        values = clean_values(changes)
        current = self.get(item_id)
        kind = values.get("kind", current.kind)
        self._check(kind, values)
        if "span_years" not in values and kind not in MULTI_YEAR_KINDS and current.span_years != 1:
            values["span_years"] = 1
        place = values.pop("priority", None)
        if all(getattr(current, key) == value for key, value in values.items()) and place in (None, current.priority):
            return current
        with self._db.write():
            if values:
                self._write(item_id, values)
            if place is not None:
                self._renumber(current.school_id, current.fiscal_year, item_id, place)
        return self.get(item_id)

    def remove(self, item_id: str) -> BudgetItem:
        """Take the item off the request (kept, so :meth:`restore` undoes it); returns it as it was.
        Raises :class:`NotFoundError`, :class:`~qualityschool_desktop.errors.OwnershipError` as :meth:`update`."""
        current = self.get(item_id)
        with self._db.write():
            self._write(item_id, {"deleted": 1})
            self._renumber(current.school_id, current.fiscal_year)
        return current

    def restore(self, item_id: str) -> BudgetItem:
        """Undo :meth:`remove`; raises :class:`NotFoundError` for an unknown id."""
        row = self._db.execute("SELECT school_id, fiscal_year, priority FROM budget_requests WHERE id = ?",
                               [item_id]).fetchone()
        if not row:
            raise NotFoundError(NOT_FOUND)
        with self._db.write():
            self._write(item_id, {"deleted": 0})
            self._renumber(row[0], row[1], item_id, row[2])  # back in its place
        return self.get(item_id)

    def _write(self, item_id: str, values: dict[str, Any]) -> None:
        values = {**values, "modified_at": now_iso(), "modified_by": self._installation_id}
        with self._db.write():
            self._db.table("budget_requests").update(item_id, validation.checked("budget_requests", values))

    def _renumber(self, school_id: str, fiscal_year: int, moved: str | None = None, place: int | None = None) -> None:
        """Number the school's items of the year 1..n in their order of priority (then as added),
        ``moved`` put at ``place`` first (1 the top; past the end: last), so that no number repeats
        or is skipped (TEST14 finding 14). Only the items whose number changes are written."""
        rows = self._db.execute(
            "SELECT id, priority FROM budget_requests WHERE school_id = ? AND fiscal_year = ? AND deleted = 0"
            " ORDER BY priority, created_at, id", [school_id, fiscal_year]).fetchall()
        order = [str(row[0]) for row in rows]
        if moved is not None and place is not None and moved in order:
            order.remove(moved)
            order.insert(max(place, 1) - 1, moved)
        now = {str(row[0]): int(row[1]) for row in rows}
        for number, item_id in enumerate(order, start=1):
            if now[item_id] != min(number, 99):
                self._write(item_id, {"priority": min(number, 99)})

    # -- the office's approval (travels, owned by the office) ---------------------------------
    def approval(self, item_id: str) -> Approval | None:
        """The office's latest decision on the item held here (recorded here, or imported from the
        office that owns it), or None. It is current while the item's decided-on fields are as the
        decision names them (:func:`state_digest`); a decision made before decisions named a state
        (migration 0025) follows :meth:`_changed_since`. Raises nothing."""
        row = self._db.execute("SELECT request_id, approved_satang, note, decided_at, decided_state"
                               " FROM budget_decisions WHERE request_id = ? ORDER BY seq DESC LIMIT 1",
                               [item_id]).fetchone()
        if not row:
            return None
        if row[4] is None:
            return Approval(row[0], row[1], row[2], row[3], not self._changed_since(item_id, str(row[3])))
        found = self._db.execute("SELECT * FROM budget_requests WHERE id = ?", [item_id]).fetchone()
        names = [str(c[0]) for c in self._db.execute("SELECT * FROM budget_requests LIMIT 0").description]
        current = found is None or state_digest(BudgetItem.from_row(dict(zip(names, found)))) == row[4]
        return Approval(row[0], row[1], row[2], row[3], current)

    def _changed_since(self, item_id: str, decided_at: str) -> bool:
        """Whether the item's :data:`DECIDED_ON` fields differ now from what they were at
        ``decided_at``: the state then is the newest of the kept earlier states (``record_snapshots``,
        migration 0008) stamped at or before it, else (clocks of two laptops apart) the oldest state
        kept, or the item as it is when it was never changed."""
        current = self._db.execute("SELECT * FROM budget_requests WHERE id = ?", [item_id]).fetchone()
        if current is None:
            return False
        names = [str(c[0]) for c in self._db.execute("SELECT * FROM budget_requests LIMIT 0").description]
        now = dict(zip(names, current))
        if str(now["modified_at"]) <= decided_at:
            return False
        states = [json.loads(row_json) for (row_json,) in self._db.execute(
            "SELECT row_json FROM record_snapshots WHERE table_name = 'budget_requests' AND record_id = ?",
            [item_id])]
        states.sort(key=lambda state: str(state.get("modified_at", "")))
        before = [state for state in states if str(state.get("modified_at", "")) <= decided_at]
        then = before[-1] if before else states[0] if states else now
        return any(then.get(key) != now[key] for key in DECIDED_ON)

    def set_approval(self, item_id: str, approved_baht: Any, note: str = "") -> Approval:
        """Record the office's decision on the item: ``approved_baht`` as typed (see
        :func:`~.money.parse_baht`; blank or None: not decided), and a note; a new decision
        (append-only, ``budget_decisions``) that supersedes the one before; nothing is written when
        it says what the latest already says. Raises :class:`ValidationError` for a bad amount or
        note, for an amount above the item's (:data:`OVER_REQUEST`, both amounts in Thai digits),
        and (Thai, :data:`OWN_APPROVAL`) at the school's own laptop, which never approves its
        own request (:func:`~qualityschool_desktop.office_here.acts_as_office`, the rule of
        ``Reviews.decide``), :class:`NotFoundError` for an unknown item,
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        item = self.get(item_id)
        if not acts_as_office(self._db, item.school_id):
            raise ValidationError(OWN_APPROVAL)
        blank = approved_baht is None or not clean_field(str(approved_baht)).strip()
        satang = None if blank else parse_baht(approved_baht, "งบประมาณที่อนุมัติ")
        if satang is not None and satang > item.amount_satang:
            raise ValidationError(OVER_REQUEST.format(approved=format_baht(satang),
                                                      requested=format_baht(item.amount_satang)))
        text = clean_text(note or "")
        latest = self.approval(item_id)
        if latest is not None and latest.current and (latest.approved_satang, latest.note) == (satang, text):
            return latest
        row = {"id": new_id(), "request_id": item_id, "approved_satang": satang, "note": text,
               "decided_at": now_iso(), "decided_by": self._installation_id, "decided_state": state_digest(item)}
        with self._db.write():
            self._db.table("budget_decisions").insert(validation.checked("budget_decisions", row))
        approval = self.approval(item_id)
        assert approval is not None
        return approval
