"""The office's view of budget requests (issue 14): every school's items of a fiscal year (BE) with
totals per school, per area office, per kind group and per colour band.

The colour band of a school is that of its latest *submitted* self-assessment of the year before
the requested one or earlier (the request is made during that year on the results the office
has); schools without one are in no band ("ยังไม่มีผลประเมิน"). Amounts are satang (see
:mod:`.money`). Plain values only: the printout and the window lay them out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..collation import thai_key
from ..errors import NotFoundError, ValidationError
from ..schools import School
from ..thai import BE_OFFSET, office_name, thai_digits
from ..value_rules import MAX_YEAR_BE, MIN_YEAR_BE
from ..workspace import Workspace
from .commitment import commitment_satang
from .decided import Decided
from .requests import Approval, BudgetItem
from .rules import load_rules

NO_BAND = "ยังไม่มีผลประเมิน"
CE_YEAR = "ปีงบประมาณ {year} เป็นปี ค.ศ.: โปรดระบุเป็นปี พ.ศ. (ค.ศ. + ๕๔๓) เช่น {be}"
BAD_YEAR = "ปีงบประมาณ {year} อยู่นอกช่วงที่รับได้: โปรดระบุเป็นปี พ.ศ. ระหว่าง {low}–{high}"
UNKNOWN_OFFICE = "ไม่มีโรงเรียนสังกัด “{office}” ในฐานข้อมูลนี้ สำนักงานเขตพื้นที่ที่มี: {known}"
NO_OFFICES = "ไม่มีโรงเรียนสังกัด “{office}” ในฐานข้อมูลนี้ (ยังไม่มีโรงเรียนใดระบุสำนักงานเขตพื้นที่)"


def _office_key(name: str) -> str:
    return office_name(name)


def check_choice(workspace: Workspace, fiscal_year: int, area_office: str | None) -> str | None:
    """The office's name as the schools here spell it for what was typed (``area_office``; Thai and
    Arabic digits and runs of spaces read as the same name: "สพป.ตาก เขต ๑" is "สพป.ตาก เขต 1"), or
    None for all offices. Raises :class:`ValidationError` (Thai) for a ``fiscal_year`` outside BE
    :data:`~qualityschool_desktop.validation.MIN_YEAR_BE`–``MAX_YEAR_BE`` (saying so when it is a CE
    year, 2027) and :class:`NotFoundError` (Thai, listing the offices here) for an office no school
    here belongs to."""
    if not MIN_YEAR_BE <= fiscal_year <= MAX_YEAR_BE:
        if MIN_YEAR_BE <= fiscal_year + BE_OFFSET <= MAX_YEAR_BE:
            raise ValidationError(CE_YEAR.format(year=thai_digits(str(fiscal_year)),
                                                 be=thai_digits(str(fiscal_year + BE_OFFSET))))
        raise ValidationError(BAD_YEAR.format(year=thai_digits(str(fiscal_year)), low=thai_digits(str(MIN_YEAR_BE)),
                                              high=thai_digits(str(MAX_YEAR_BE))))
    if area_office is None or not area_office.strip():
        return None
    known = workspace.schools.area_offices()
    found = next((name for name in known if _office_key(name) == _office_key(area_office)), None)
    if found is None:
        shown = " ".join(area_office.split())
        raise NotFoundError(UNKNOWN_OFFICE.format(office=shown, known=", ".join(known)) if known
                            else NO_OFFICES.format(office=shown))
    return found


@dataclass(frozen=True)
class SchoolRequest:
    """One school's request: its items (removed ones left out), the rules' messages, its colour
    band's Thai name (:data:`NO_BAND` without a submitted round) and the office's approvals by item id."""

    school: School
    items: tuple[BudgetItem, ...]
    messages: tuple[str, ...]
    band: str
    approvals: dict[str, Approval] = field(default_factory=dict)

    @property
    def total_satang(self) -> int:
        """The sum of the item amounts, satang."""
        return sum(item.amount_satang for item in self.items)

    @property
    def commitment_satang(self) -> int:
        """The part of :attr:`total_satang` that is งบผูกพัน, the whole commitment (try14 F11), satang."""
        return commitment_satang(self.items)

    @property
    def approved_satang(self) -> int:
        """The sum of what the office approved of the items, satang (items not decided, and items
        changed since their decision, add nothing: :attr:`~.requests.Approval.current`)."""
        return sum(a.counted_satang for a in self.approvals.values())

    @property
    def decisions(self) -> Decided:
        """What the office decided of the items: approved satang, decided and pending counts."""
        return Decided.of(self.approvals.get(item.id) for item in self.items)


@dataclass(frozen=True)
class BudgetPicture:
    """All requests of ``fiscal_year`` (BE), by area office then school name, with totals (satang)."""

    fiscal_year: int
    area_office: str | None
    requests: tuple[SchoolRequest, ...]
    by_area_office: dict[str, int]
    by_group: dict[str, int]  # group label (ครุภัณฑ์, ที่ดินและสิ่งก่อสร้าง) -> satang
    by_kind: dict[str, int]  # kind key -> satang
    by_band: dict[str, int]  # band name -> satang, in the checklist's order of bands, "no result" last
    is_demo: bool
    # What the office approved, by the same keys (try14 F6; :attr:`SchoolRequest.approved_satang`'s rule).
    approved_by_area_office: dict[str, int] = field(default_factory=dict)
    approved_by_group: dict[str, int] = field(default_factory=dict)
    approved_by_band: dict[str, int] = field(default_factory=dict)
    # The same with how many items are decided and pending (RETEST14 N5: pending is not ๐).
    decided_by_area_office: dict[str, Decided] = field(default_factory=dict)
    decided_by_group: dict[str, Decided] = field(default_factory=dict)
    decided_by_band: dict[str, Decided] = field(default_factory=dict)
    # How much of each total is งบผูกพัน, the whole commitment over its years (try14 F11), satang.
    commitment_by_area_office: dict[str, int] = field(default_factory=dict)
    commitment_by_group: dict[str, int] = field(default_factory=dict)
    commitment_by_band: dict[str, int] = field(default_factory=dict)

    @property
    def total_satang(self) -> int:
        """Everything requested, satang."""
        return sum(r.total_satang for r in self.requests)

    @property
    def commitment_satang(self) -> int:
        """The part of :attr:`total_satang` that is งบผูกพัน commitment, satang."""
        return sum(r.commitment_satang for r in self.requests)

    @property
    def approved_satang(self) -> int:
        """Everything approved here, satang."""
        return sum(r.approved_satang for r in self.requests)

    @property
    def decisions(self) -> Decided:
        """The office's decisions over every item here."""
        return Decided.of(r.approvals.get(item.id) for r in self.requests for item in r.items)


def _band_of(workspace: Workspace, school_id: str, fiscal_year: int) -> str:
    row = workspace.db.execute(
        "SELECT id FROM assessments WHERE school_id = ? AND status = 'submitted' AND fiscal_year < ?"
        " ORDER BY fiscal_year DESC, round DESC LIMIT 1", [school_id, fiscal_year]).fetchone()
    if row is None:
        return NO_BAND
    band = workspace.assessments.result(row[0]).band
    return band.name if band is not None else NO_BAND


def budget_picture(workspace: Workspace, fiscal_year: int, *, area_office: str | None = None,
                   school_id: str | None = None) -> BudgetPicture:
    """Every school's request for ``fiscal_year`` (BE), of one ``area_office`` (its exact name) or
    all, or only that of ``school_id`` (the school page's own print, TEST34 T10), schools without
    items left out. Raises nothing for an empty year (no requests); raises as
    :func:`check_choice` for a year out of range or an office no school here belongs to."""
    area_office = check_choice(workspace, fiscal_year, area_office)
    rules = load_rules()
    requests: list[SchoolRequest] = []
    school_ids = [str(row[0]) for row in workspace.db.execute(
        "SELECT DISTINCT school_id FROM budget_requests WHERE fiscal_year = ? AND deleted = 0", [fiscal_year])]
    if school_id is not None:
        school_ids = [found for found in school_ids if found == school_id]
    for school in workspace.schools.by_ids(school_ids).values():
        if area_office and _office_key(school.area_office) != _office_key(area_office):
            continue
        items = tuple(workspace.budget.items(school.id, fiscal_year))
        if not items:
            continue
        approvals = {item.id: a for item in items if (a := workspace.budget.approval(item.id)) is not None}
        requests.append(SchoolRequest(school, items, workspace.budget.messages(school.id, fiscal_year),
                                      _band_of(workspace, school.id, fiscal_year), approvals))
    # Thai order, as every list of schools (TEST14 s24 F1: a plain sort put เมืองตาก after สามเงา).
    requests.sort(key=lambda r: (thai_key(r.school.area_office or ""), thai_key(r.school.district or ""),
                                 thai_key(r.school.name)))
    by_office: dict[str, int] = defaultdict(int)
    by_group: dict[str, int] = {group.label: 0 for group in rules.groups}
    by_kind: dict[str, int] = {kind: 0 for kind in rules.kinds}
    by_band: dict[str, int] = defaultdict(int)
    approved_office: dict[str, int] = defaultdict(int)
    approved_group: dict[str, int] = dict.fromkeys(by_group, 0)
    approved_band: dict[str, int] = defaultdict(int)
    decided_office: dict[str, Decided] = defaultdict(Decided)
    decided_group: dict[str, Decided] = {label: Decided() for label in by_group}
    decided_band: dict[str, Decided] = defaultdict(Decided)
    commitment_office: dict[str, int] = defaultdict(int)
    commitment_group: dict[str, int] = defaultdict(int)
    commitment_band: dict[str, int] = defaultdict(int)
    for request in requests:
        office = request.school.area_office or "ไม่ระบุสังกัด"
        if request.commitment_satang:
            commitment_office[office] += request.commitment_satang
            commitment_band[request.band] += request.commitment_satang
            for item in request.items:
                commitment_group[rules.group_of(item.kind).label] += commitment_satang((item,))
        by_office[office] += request.total_satang
        by_band[request.band] += request.total_satang
        approved_office[office] += request.approved_satang
        approved_band[request.band] += request.approved_satang
        for item in request.items:
            approval = request.approvals.get(item.id)
            decided_office[office] = decided_office[office].add(approval)
            decided_band[request.band] = decided_band[request.band].add(approval)
            decided_group[rules.group_of(item.kind).label] = decided_group[rules.group_of(item.kind).label].add(approval)
            by_group[rules.group_of(item.kind).label] += item.amount_satang
            by_kind[item.kind] += item.amount_satang
            if approval is not None:
                approved_group[rules.group_of(item.kind).label] += approval.counted_satang
    # The checklist's order of colour bands (ม่วง ฟ้า เขียว เหลือง ส้ม แดง), then any other name, then no result.
    order = {band.name: n for n, band in enumerate(workspace.frameworks.latest().colour_bands)}
    in_order = dict(sorted(by_band.items(), key=lambda kv: (kv[0] == NO_BAND, order.get(kv[0], len(order)))))
    return BudgetPicture(fiscal_year, area_office, tuple(requests), dict(by_office), by_group, by_kind,
                         in_order, workspace.schools.is_demo_database(), dict(approved_office), approved_group,
                         {band: approved_band[band] for band in in_order}, dict(decided_office), decided_group,
                         {band: decided_band[band] for band in in_order}, dict(commitment_office),
                         dict(commitment_group), dict(commitment_band))
