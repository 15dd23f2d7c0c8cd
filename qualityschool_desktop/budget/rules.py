"""The rules a school's budget request follows, as data (``resources/budget/rules.json``).

Seed 001 section ๔ (Lampang area office 3's proposal for fiscal year 2568; the letter ว๕๕๘ cited
just above it belongs to section ๓, the schools chosen, and is not the rules' source): a quality
school asks for at most **3 equipment items** (ครุภัณฑ์) and at most **2 land-and-building items** (ที่ดินและสิ่งก่อสร้าง), the latter either
single-year (construction, or renovation and repair of school and other buildings) or multi-year for
a large building (งบผูกพัน). The limits are data so that an office can follow next year's letter by
editing a file; the seed's values are the default. As the coverage rules do, an office keeps its
own copy, ``budget-rules.json`` in the per-user data folder (TEST26b F11: the program folder is
replaced at each upgrade); it is read when there is one, and a copy the core refuses is named
(:func:`office_rules_refusal`) while the bundled rules apply. A rule broken is a message for the person
typing, never a refusal: the draft is saved as typed (issue 14).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from .. import office_rules, paths, validation
from ..errors import ValidationError
from ..json_files import read_json
from ..thai import thai_digits


# The kind that spans several fiscal years (งบผูกพัน, rules.json: "ก่อสร้างอาคารขนาดใหญ่ (งบผูกพัน)"); every
# other kind is a one-year budget (construction and renovation say "งบปีเดียว"; equipment is bought in
# the year). An item's ``span_years`` is 1 for those and 2 or more for this one (try14e finding f06).
MULTI_YEAR_KINDS = ("multi_year",)
MIN_MULTI_YEARS = 2
SINGLE_YEAR = "รายการ{kind}เป็นงบปีเดียว ระบุจำนวนปีได้ ๑ ปีเท่านั้น (กรอกมา {years} ปี) หากเป็นงบผูกพันหลายปี โปรดเลือกประเภทงบผูกพัน"
MULTI_YEARS = ("รายการงบผูกพันต้องมีจำนวนปีตั้งแต่ ๒ ปีขึ้นไป (ขณะนี้ {years} ปี) โปรดกรอกจำนวนปีงบผูกพัน"
               " หากเป็นงบปีเดียว โปรดเลือกประเภทค่าก่อสร้างหรือค่าปรับปรุงซ่อมแซม")
MULTI_YEARS_DRAFT = "รายการงบผูกพัน “{name}” ยังระบุจำนวนปีไว้ {years} ปี โปรดกรอกจำนวนปีงบผูกพัน (๒ ปีขึ้นไป) ก่อนส่ง"


def span_problem(kind: str, span_years: int) -> str | None:
    """The Thai sentence when ``span_years`` (whole years) does not suit ``kind``: more than one
    year for a one-year kind (:data:`SINGLE_YEAR`), fewer than :data:`MIN_MULTI_YEARS` for งบผูกพัน
    (:data:`MULTI_YEARS`); None when they suit. Raises nothing."""
    if kind in MULTI_YEAR_KINDS:
        return None if span_years >= MIN_MULTI_YEARS else MULTI_YEARS.format(years=thai_digits(span_years))
    if span_years != 1:
        label = load_rules().kind_labels.get(kind, kind).split(" (")[0]
        return SINGLE_YEAR.format(kind=label, years=thai_digits(span_years))
    return None


def _years_suit_kind(row: Mapping[str, Any]) -> bool:
    """Whether a stored or travelling ``budget_requests`` row's years suit its kind: always for a
    removed item (a draft put away travels as it was), else :func:`span_problem` finds nothing."""
    return bool(row["deleted"]) or type(row["span_years"]) is not int or span_problem(str(row["kind"]), row["span_years"]) is None


# What an exchange file may carry (C14 item 4): a request in a file is sent, so it follows its
# kind's years rule; the one-year draft of a งบผูกพัน item stays on the laptop until its years are
# typed (the export says so, exchange/export.py; an import refuses a file carrying one).
ROW_RULES: dict[str, tuple[tuple[tuple[str, ...], Callable[[Mapping[str, Any]], bool], str], ...]] = {
    "budget_requests": ((("span_years", "kind", "deleted"), _years_suit_kind,
                         " ไม่ตรงกับประเภทรายการ: งบผูกพันต้องมีตั้งแต่ ๒ ปีขึ้นไป รายการงบปีเดียวมี ๑ ปี"
                         " (รายการที่ยังกรอกไม่ครบส่งในไฟล์ไม่ได้) โปรแกรมจะไม่นำเข้าไฟล์นี้"),),
}
validation.ROW_RULES.update(ROW_RULES)


def unsent_draft(row: Mapping[str, Any]) -> str | None:
    """The Thai sentence saying why ``row`` (a ``budget_requests`` row as stored) may not be sent
    yet: a งบผูกพัน draft whose years are not typed (:data:`MULTI_YEARS_DRAFT`), or years that do not
    suit the kind (:func:`span_problem`); None when it may travel. Raises nothing."""
    if _years_suit_kind(row):
        return None
    if row["kind"] in MULTI_YEAR_KINDS:
        return MULTI_YEARS_DRAFT.format(name=row.get("description") or "ไม่มีชื่อ", years=thai_digits(row["span_years"]))
    return span_problem(str(row["kind"]), row["span_years"])


@dataclass(frozen=True)
class KindGroup:
    """A group of item kinds counted together against ``max_items`` items per school and fiscal
    year: ``key`` ("equipment", "land_buildings"), its Thai ``label`` and the ``kinds`` it holds."""

    key: str
    label: str
    kinds: tuple[str, ...]
    max_items: int


@dataclass(frozen=True)
class BudgetRules:
    """The groups of kinds with their limits, the Thai name of each kind, and where the rule comes
    from (``source``, the seed's words)."""

    groups: tuple[KindGroup, ...]
    kind_labels: dict[str, str]
    source: str
    path: str = ""  # the file they were read from

    def group_of(self, kind: str) -> KindGroup:
        """The group ``kind`` is counted in. Raises :class:`ValidationError` for a kind the rules do
        not know."""
        for group in self.groups:
            if kind in group.kinds:
                return group
        raise ValidationError(f"ไม่รู้จักประเภทรายการงบประมาณ “{kind}”")

    @property
    def kinds(self) -> tuple[str, ...]:
        """Every kind, in the order of the groups."""
        return tuple(kind for group in self.groups for kind in group.kinds)


def rules_path() -> Path:
    """The bundled rules file: ``resources/budget/rules.json``."""
    return paths.resource_path("budget", "rules.json")


OFFICE_RULES_NAME = "budget-rules.json"


def office_rules_path() -> Path:
    """Where an office keeps its own rules: ``budget-rules.json`` in the per-user data folder
    (:func:`~qualityschool_desktop.paths.user_data_dir`; kept across upgrades, unlike the program
    folder). It may not exist. Raises ``OSError`` when the data folder cannot be created."""
    return office_rules.copy_path(OFFICE_RULES_NAME)


def rules_source() -> Path:
    """The rules file in force: the office's (:func:`office_rules_path`) when there is one, else
    the bundled ``resources/budget/rules.json``."""
    return office_rules.in_force(OFFICE_RULES_NAME, rules_path())


def make_office_rules() -> Path:
    """Copy the bundled rules to :func:`office_rules_path` for the office to edit, unless a file is
    already there (never overwritten); return its path. Raises
    :class:`~qualityschool_desktop.errors.StorageError` (Thai) when it cannot be written."""
    return office_rules.make_copy(OFFICE_RULES_NAME, rules_path(), "เกณฑ์คำขอรับการสนับสนุนงบประมาณ")


def office_rules_refusal() -> str | None:
    """Why the office's own rules file is not used (Thai, naming the file), None when it is used or
    there is none: :func:`load_rules` then applies the bundled rules."""
    source = rules_source()
    if source == rules_path():
        return None
    try:
        _read_rules(source, source.stat().st_mtime_ns)
    except (ValidationError, OSError) as error:
        return str(error)
    return None


def load_rules(path: Path | None = None) -> BudgetRules:
    """The rules in ``path`` (None: :func:`rules_source`, the office's copy when there is one and
    it can be read, else the bundled file): JSON with ``groups`` (each ``key``, ``label``,
    ``kinds``, ``max_items`` ≥ 0), ``kinds`` (kind → Thai name) and ``source``. Raises
    :class:`ValidationError` (Thai) for a given file that cannot be read or holds no such rules;
    an office copy that cannot is skipped (:func:`office_rules_refusal` says why)."""
    if path is not None:
        return _read_rules(path, _mtime(path))
    source = rules_source()
    try:
        return _read_rules(source, _mtime(source))
    except ValidationError:
        if source == rules_path():
            raise
        return _read_rules(rules_path(), _mtime(rules_path()))


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns  # an edited file is read again
    except OSError:
        return 0


@lru_cache(maxsize=8)
def _read_rules(path: Path, _mtime_ns: int) -> BudgetRules:
    data = read_json(path, "เกณฑ์คำขอรับการสนับสนุนงบประมาณ")  # Thai: where and what is wrong (TEST14 s24 F13)
    try:
        groups = tuple(KindGroup(str(g["key"]), str(g["label"]), tuple(str(k) for k in g["kinds"]),
                                 int(g["max_items"])) for g in data["groups"])
        labels = {str(k): str(v) for k, v in data["kinds"].items()}
        source = str(data.get("source", ""))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ValidationError(f"เกณฑ์คำขอรับการสนับสนุนงบประมาณในไฟล์ {path} ไม่ครบหรือไม่ถูกต้อง") from None
    if any(group.max_items < 0 for group in groups) or set(labels) != {k for g in groups for k in g.kinds}:
        raise ValidationError(f"เกณฑ์คำขอรับการสนับสนุนงบประมาณในไฟล์ {path} ไม่ครบหรือไม่ถูกต้อง")
    return BudgetRules(groups, labels, source, str(path))


def office_source(rules: BudgetRules) -> str:
    """The source ``rules`` cite when an office wrote it (its own rules file with a source other
    than the bundled one), else "": the bundled source is seed 001's, another province's report,
    and is not to be printed as the office's own rule (TEST32b B12)."""
    if not rules.source.strip() or rules.path == str(rules_path()):
        return ""
    try:
        bundled = _read_rules(rules_path(), _mtime(rules_path())).source
    except ValidationError:
        bundled = ""
    return "" if rules.source.strip() == bundled.strip() else rules.source


def rule_messages(kinds: Iterable[str], rules: BudgetRules | None = None) -> tuple[str, ...]:
    """What the items of one school and fiscal year (their ``kinds``, removed items left out)
    break of ``rules`` (the bundled ones when None), one Thai sentence per group over its limit,
    e.g. "รายการครุภัณฑ์มี ๔ รายการ เกินเกณฑ์ไม่เกิน ๓ รายการ …"; empty when all hold. Raises
    :class:`ValidationError` for a kind the rules do not know."""
    rules = rules or load_rules()
    counts = {group.key: 0 for group in rules.groups}
    for kind in kinds:
        counts[rules.group_of(kind).key] += 1
    return tuple(
        f"รายการ{group.label}มี {thai_digits(counts[group.key])} รายการ เกินเกณฑ์ไม่เกิน"
        f" {thai_digits(group.max_items)} รายการต่อโรงเรียนต่อปี (บันทึกร่างไว้แล้ว โปรดเลือกเหลือ"
        f" {thai_digits(group.max_items)} รายการก่อนส่ง)"
        for group in rules.groups if counts[group.key] > group.max_items
    )
