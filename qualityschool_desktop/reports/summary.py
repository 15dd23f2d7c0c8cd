"""The inspection-round summary (แบบรายงานผลการตรวจราชการ, section 6) of a district or province.

:func:`write_summary_report` writes the PDF; :func:`summary_tables` gives the same tables as
plain values for :mod:`.tables_export` (XLSX and CSV). What the report says is gathered here from
:func:`~qualityschool_desktop.district.district_picture` and the supervision visits (no
ReportLab); :mod:`.summary_pdf` typesets it and is imported only when a PDF is built.

The office's own texts (6.1 situation analysis, 6.3 its own problems / solutions / expected
results, 6.4 success factors, 6.5 suggestions, 6.6 good practices, and the office's name for the
title) are not stored in the database: they come as an :class:`OfficeTexts` (from the window) or
from a small JSON file (``report summary --texts FILE``, see :func:`load_office_texts`). Where
the office wrote nothing, the report says what the data shows (6.1, 6.3, 6.6) or prints "-".

6.3 is drawn from the period's *final* visit records (a visit reviewing a round of this fiscal
year, or made within it) of the schools in the picture: the points to develop and the
recommendations the supervisors wrote, per component, the same sentence written for several
schools counted once with the number of schools, and the follow-up actions agreed on those visits.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from ..district import DistrictPicture, SchoolStanding, district_picture, level_name
from ..errors import ValidationError
from ..framework import Band
from ..schools import School
from ..thai import DigitText, digit_style, fiscal_year_of
from ..workspace import Workspace
from .output import check_request, checker, safe_name, write_atomically

# -- Thai strings (messages and the cells the tables share with the PDF) --------------------------
NOTHING_TO_REPORT = "ไม่มีโรงเรียนใดส่งผลการประเมินปีงบประมาณ {year} รอบที่ {round}{where} จึงยังไม่มีข้อมูลสำหรับสรุปรายงาน"
NO_SCHOOLS = "ไม่พบโรงเรียน{where}ในฐานข้อมูลนี้"
WHERE_OFFICE = " สังกัด{office}"
WHERE_PROVINCE = " จังหวัด{province}"
WHERE_LEVEL = " ระดับ{level}"
TEXTS_UNREADABLE = "อ่านไฟล์ข้อความของสำนักงาน {name} ไม่ได้ ({reason})"
TEXTS_BAD_JSON = "ไฟล์ข้อความของสำนักงาน {name}: รูปแบบ JSON ไม่ถูกต้องที่บรรทัด {line} ({msg})"
TEXTS_BAD_FIELD = "ไฟล์ข้อความของสำนักงาน {name}: ช่อง \"{key}\" ต้องเป็นข้อความหรือรายการข้อความ"
TEXTS_UNKNOWN = "ไฟล์ข้อความของสำนักงาน {name}: ไม่รู้จักช่อง {keys} (ใช้ได้: {known})"
TEXTS_BAD_PROBLEMS = (
    "ไฟล์ข้อความของสำนักงาน {name}: \"problems\" ต้องเป็นรายการของ"
    " {{\"problem\": ..., \"solution\": ..., \"expected\": ...}}"
)
FILE_PREFIX = "สรุปผลการตรวจราชการ-โรงเรียนคุณภาพ"
PROVINCIAL_OFFICE = "สำนักงานศึกษาธิการจังหวัด{province}"

COMPONENT_CELL = "ด้านที่ {code} {title}"
COUNT_SCHOOLS = "{text} ({count} โรงเรียน)"
MORE_POINTS = "และอีก {count} ประเด็น"
FOLLOW_UPS_LINE = "ข้อตกลงติดตามผลกับโรงเรียน {total} รายการ ดำเนินการแล้ว {done} รายการ"
EXPECT_URGENT = "โรงเรียนกลุ่มต้องเร่งพัฒนาด้านนี้ {count} โรงเรียน ขยับขึ้นสู่กลุ่มอยู่ในเกณฑ์มาตรฐานในรอบถัดไป"
EXPECT_READY = "โรงเรียนที่มีความพร้อมด้านนี้เพิ่มขึ้นจาก {count} โรงเรียน"
EXPECT_OPEN = "ข้อตกลงที่ยังไม่เสร็จ {count} รายการ ดำเนินการแล้วเสร็จตามกำหนด"
SITUATION_DEFAULT = (
    "{office} มีโรงเรียนคุณภาพตามนโยบาย “๑ อำเภอ ๑ โรงเรียนคุณภาพ” จำนวน {schools} โรงเรียน ใน {districts} อำเภอ"
    " ส่งผลการประเมินตนเองตามเกณฑ์ ๕ ด้าน ปีงบประมาณ {year} รอบที่ {round} แล้ว {reported} โรงเรียน"
)
SITUATION_PENDING = " ยังไม่ส่ง {count} โรงเรียน"
PRACTICE_LINE = "{school} (แถบสี{band} คะแนน {score}): โดดเด่นด้าน{component} ({component_score})"
PRACTICE_STRENGTH = "{school}: {text}"
NONE = "-"

# Table keys and titles: the XLSX sheet names and the CSV file names (Excel allows 31 characters).
TABLE_TITLES = {
    "readiness": "ความพร้อมรายองค์ประกอบ",
    "bands": "กลุ่มสี",
    "schools": "ผลรายโรงเรียน",
    "districts": "โรงเรียนคุณภาพรายอำเภอ",
    "not_reported": "ยังไม่ส่งผล",
    "problems": "ปัญหาและแนวทางแก้ไข",
}
READINESS_TOTAL = "รวม"
BANDS_HEADER = ("แถบสี", "จำนวนโรงเรียน", "ร้อยละ", "รอบก่อน")
SCHOOLS_HEADER = ("ที่", "รหัสโรงเรียน", "โรงเรียน", "อำเภอ", "จังหวัด", "สังกัด", "คะแนนเฉลี่ย", "แถบสี",
                  "คะแนนรอบก่อน", "เปลี่ยนแปลง", "องค์ประกอบที่ควรพัฒนาที่สุด", "คะแนนองค์ประกอบนั้น")
COMPONENT_COLUMN = "ด้านที่ {code}"
DISTRICTS_HEADER = ("สังกัด", "อำเภอ", "รหัสโรงเรียน", "โรงเรียน", "ผลการประเมิน")
NOT_REPORTED_HEADER = ("รหัสโรงเรียน", "โรงเรียน", "อำเภอ", "สังกัด", "สถานะ", "ตอบแล้ว (ประเด็น)", "ทั้งหมด (ประเด็น)")
PROBLEMS_HEADER = ("ปัญหา/อุปสรรค", "แนวทางการแก้ไขปัญหา", "ผลที่คาดว่าจะได้รับ")
STATUS_NONE = "ยังไม่ได้เริ่มประเมิน"
STATUS_DRAFT = "กำลังประเมิน (ฉบับร่าง)"
NOT_SENT = "ยังไม่ส่งผล"
BAND_CELL = "แถบสี{name}"

# How many distinct points of one component 6.3 lists before "and n more".
POINTS_PER_COMPONENT = 3
# Visit strengths quoted per school in the good-practice default.
STRENGTHS_PER_SCHOOL = 1


# -- the office's texts ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ProblemText:
    """One row of the office's own 6.3 table."""

    problem: str
    solution: str = ""
    expected: str = ""


@dataclass(frozen=True)
class OfficeTexts:
    """What the office writes itself. Each text is printed exactly as written, one paragraph per
    line; an empty text gets the report's default."""

    office: str = ""  # the office's name for the title block (หน่วยงาน)
    situation: str = ""  # 6.1
    problems: tuple[ProblemText, ...] = ()  # 6.3, before the rows drawn from the visits
    success_factors: str = ""  # 6.4
    suggestions: str = ""  # 6.5
    good_practices: str = ""  # 6.6

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], name: str = "texts") -> "OfficeTexts":
        """Build from parsed JSON: every field optional; a text may be a string or a list of
        strings (one paragraph each); ``problems`` a list of objects with ``problem``,
        ``solution`` and ``expected``. Raises :class:`ValidationError` (Thai) on anything else."""
        known = ("office", "situation", "problems", "success_factors", "suggestions", "good_practices")
        if not isinstance(data, Mapping):
            raise ValidationError(TEXTS_BAD_FIELD.format(name=name, key="(ราก)"))
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise ValidationError(TEXTS_UNKNOWN.format(name=name, keys=", ".join(unknown), known=", ".join(known)))
        values: dict[str, Any] = {}
        for key in known:
            if key == "problems" or key not in data:
                continue
            values[key] = _text(data[key], key, name)
        rows = []
        raw = data.get("problems", [])
        if not isinstance(raw, list):
            raise ValidationError(TEXTS_BAD_PROBLEMS.format(name=name))
        for entry in raw:
            if not isinstance(entry, Mapping) or set(entry) - {"problem", "solution", "expected"}:
                raise ValidationError(TEXTS_BAD_PROBLEMS.format(name=name))
            rows.append(ProblemText(*(_text(entry.get(k, ""), f"problems.{k}", name)
                                      for k in ("problem", "solution", "expected"))))
        return cls(problems=tuple(rows), **values)


def _text(value: Any, key: str, name: str) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list) and all(isinstance(line, str) for line in value):
        return "\n".join(line.strip() for line in value if line.strip())
    raise ValidationError(TEXTS_BAD_FIELD.format(name=name, key=key))


def load_office_texts(path: Path) -> OfficeTexts:
    """Read the office's texts from a UTF-8 JSON file, e.g.::

        {"office": "สำนักงานศึกษาธิการจังหวัดตาก",
         "situation": ["ย่อหน้าแรก", "ย่อหน้าที่สอง"],
         "problems": [{"problem": "...", "solution": "...", "expected": "..."}],
         "success_factors": ["...", "..."], "suggestions": "...", "good_practices": "..."}
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "ไม่ใช่ข้อความ UTF-8"
        raise ValidationError(TEXTS_UNREADABLE.format(name=path.name, reason=reason)) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ValidationError(TEXTS_BAD_JSON.format(name=path.name, line=error.lineno, msg=error.msg)) from None
    return OfficeTexts.from_mapping(data, path.name)


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs: its non-empty lines."""
    return [line.strip() for line in text.splitlines() if line.strip()]


# -- 6.3 from the visits ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ProblemRow:
    """A row of the 6.3 table: each cell a list of lines (the first may be a heading)."""

    problem: tuple[str, ...]
    solution: tuple[str, ...]
    expected: tuple[str, ...]
    from_office: bool = False


@dataclass(frozen=True)
class SummaryData:
    """Everything the summary prints."""

    picture: DistrictPicture
    texts: OfficeTexts
    office: str
    problems: tuple[ProblemRow, ...]
    practices: tuple[str, ...]  # 6.6 lines drawn from the data (used when the office wrote none)
    situation: str  # 6.1 as printed (the office's text, or the default sentence)
    area_offices: dict[str, dict[str, list[School]]] = field(default_factory=dict)  # office -> อำเภอ -> schools


def _period_visits(workspace: Workspace, picture: DistrictPicture) -> list[dict[str, Any]]:
    """Final visits of the picture's schools that review a round of its fiscal year or were
    made within that fiscal year."""
    ids = {school.id for school in picture.schools}
    year = picture.fiscal_year
    rows = workspace.db.query(
        "SELECT v.id, v.school_id, v.visited_on, a.fiscal_year FROM visits AS v"
        " LEFT JOIN assessments AS a ON a.id = v.assessment_id WHERE v.status = 'final'"
        " ORDER BY v.visited_on, v.created_at"
    )
    return [
        row for row in rows
        if row["school_id"] in ids and (
            row["fiscal_year"] == year or fiscal_year_of(date.fromisoformat(row["visited_on"])) == year)
    ]


def _ranked(texts: Sequence[tuple[str, str]]) -> list[tuple[str, int]]:
    """Distinct texts with the number of schools that got them, most schools first, then in
    the order they were first written."""
    schools: dict[str, set[str]] = defaultdict(set)
    order: dict[str, int] = {}
    for school_id, text in texts:
        schools[text].add(school_id)
        order.setdefault(text, len(order))
    return sorted(((text, len(ids)) for text, ids in schools.items()), key=lambda p: (-p[1], order[p[0]]))


def _points(ranked: list[tuple[str, int]], d: DigitText) -> list[str]:
    lines = [d(COUNT_SCHOOLS, text=text, count=count) if count > 1 else text
             for text, count in ranked[:POINTS_PER_COMPONENT]]
    if len(ranked) > POINTS_PER_COMPONENT:
        lines.append(d(MORE_POINTS, count=len(ranked) - POINTS_PER_COMPONENT))
    return lines


def _problems_from_visits(workspace: Workspace, picture: DistrictPicture, d: DigitText) -> list[ProblemRow]:
    visits = _period_visits(workspace, picture)
    if not visits:
        return []
    by_id = {row["id"]: row for row in visits}
    marks = ",".join("?" * len(by_id))
    develop: dict[str, list[tuple[str, str]]] = defaultdict(list)
    advice: dict[str, list[tuple[str, str]]] = defaultdict(list)
    # In visit order (date, then creation), so equal counts rank the same way on every build:
    # the index on (visit_id, scope_code) would otherwise hand rows back in random-UUID order.
    position = {visit_id: index for index, visit_id in enumerate(by_id)}
    findings = sorted(
        workspace.db.query(
            f"SELECT visit_id, scope_code, to_develop, recommendations FROM visit_findings WHERE visit_id IN ({marks})",
            list(by_id),
        ),
        key=lambda row: (position[row["visit_id"]], row["scope_code"]),
    )
    for row in findings:
        component = row["scope_code"].split(".")[0]
        school_id = by_id[row["visit_id"]]["school_id"]
        if row["to_develop"].strip():
            develop[component].append((school_id, row["to_develop"].strip()))
        if row["recommendations"].strip():
            advice[component].append((school_id, row["recommendations"].strip()))
    agreed: dict[str, Counter[str]] = defaultdict(Counter)
    for row in workspace.db.query(
        f"SELECT scope_code, status FROM follow_ups WHERE deleted = 0 AND visit_id IN ({marks})", list(by_id)
    ):
        agreed[row["scope_code"].split(".")[0]][row["status"]] += 1

    rows = []
    for component in picture.components:
        code = component.code
        if not develop.get(code) and not advice.get(code):
            continue
        heading = d(COMPONENT_CELL, code=d(code), title=component.title)
        solution = _points(_ranked(advice.get(code, [])), d)
        counts = agreed.get(code, Counter())
        total = sum(counts.values())
        if total:
            solution.append(d(FOLLOW_UPS_LINE, total=total, done=counts["done"]))
        groups = picture.readiness_counts.get(code, {})
        urgent = groups.get(picture.groups[-1].key, 0) if picture.groups else 0
        ready = groups.get(picture.groups[0].key, 0) if picture.groups else 0
        expected = [d(EXPECT_URGENT, count=urgent) if urgent else d(EXPECT_READY, count=ready)]
        if counts["open"]:
            expected.append(d(EXPECT_OPEN, count=counts["open"]))
        rows.append(ProblemRow((heading, *(_points(_ranked(develop.get(code, [])), d) or [NONE])),
                               tuple(solution) or (NONE,), tuple(expected)))
    return rows


def _practices(workspace: Workspace, picture: DistrictPicture, d: DigitText) -> list[str]:
    """6.6 by default: the schools of the two best bands, each with its strongest component and
    what the supervisors wrote as its strength."""
    top = {band.key for band in picture.bands[:2]}
    best = [standing for standing in picture.standings if standing.band_key in top]
    if not best:
        return []
    strengths: dict[str, list[str]] = defaultdict(list)
    ids = {standing.school.id for standing in best}
    for row in workspace.db.query(
        "SELECT v.school_id, f.strengths FROM visit_findings AS f JOIN visits AS v ON v.id = f.visit_id"
        " WHERE v.status = 'final' AND f.strengths <> '' ORDER BY v.visited_on DESC, f.scope_code"
    ):
        if row["school_id"] in ids and row["strengths"].strip() not in strengths[row["school_id"]]:
            strengths[row["school_id"]].append(row["strengths"].strip())
    lines = []
    for standing in best:
        strongest = max((c for c in standing.result.components if c.score is not None),
                        key=lambda c: c.score or 0.0, default=None)
        band = standing.band
        if strongest is not None and band is not None:
            lines.append(d(
                PRACTICE_LINE, school=standing.school.name, band=band.name, score=d.score(standing.score),
                component=_short(strongest.title), component_score=d.score(strongest.score)))
        for text in strengths[standing.school.id][:STRENGTHS_PER_SCHOOL]:
            lines.append(PRACTICE_STRENGTH.format(school=standing.school.name, text=text))
    return lines


def _short(title: str) -> str:
    return title[len("ด้าน"):] if title.startswith("ด้าน") else title


def where_text(area_office: str | None, province: str | None, level: str | None) -> str:
    return "".join((
        WHERE_OFFICE.format(office=area_office) if area_office else "",
        WHERE_PROVINCE.format(province=province) if province else "",
        WHERE_LEVEL.format(level=level_name(level)) if level else "",
    ))


def office_name(picture: DistrictPicture, texts: OfficeTexts) -> str:
    """The office named in the title: the office's own words, the area office filtered on, or
    the provincial office of the schools' one province."""
    if texts.office:
        return texts.office
    if picture.area_office:
        return picture.area_office
    provinces = {school.province for school in picture.schools if school.province}
    if picture.province or len(provinces) == 1:
        return PROVINCIAL_OFFICE.format(province=picture.province or provinces.pop())
    return ""


def gather(
    workspace: Workspace, picture: DistrictPicture, texts: OfficeTexts | None = None, *, digits: str = "arabic"
) -> SummaryData:
    """What the summary prints for ``picture`` (its own sentences in ``digits``); raises
    :class:`ValidationError` (Thai) when no school matches the filters or none has reported."""
    texts = texts or OfficeTexts()
    d = DigitText(digit_style(digits))
    where = where_text(picture.area_office, picture.province, picture.level)
    if not picture.schools:
        raise ValidationError(NO_SCHOOLS.format(where=where))
    if not picture.standings:
        raise ValidationError(NOTHING_TO_REPORT.format(year=picture.fiscal_year, round=picture.round, where=where))
    office = office_name(picture, texts)
    situation = texts.situation
    if not situation:
        situation = d(
            SITUATION_DEFAULT, office=office or "หน่วยงาน", schools=len(picture.schools), districts=len(picture.quality_schools_by_district),
            year=picture.fiscal_year, round=picture.round, reported=picture.reported,
        )
        if picture.not_reported:
            situation += d(SITUATION_PENDING, count=len(picture.not_reported))
    offices: dict[str, dict[str, list[School]]] = defaultdict(lambda: defaultdict(list))
    for school in sorted(picture.schools, key=lambda s: (s.area_office, s.district, s.name)):
        offices[school.area_office][school.district].append(school)
    problems = [ProblemRow(tuple(paragraphs(p.problem)) or (NONE,), tuple(paragraphs(p.solution)) or (NONE,),
                           tuple(paragraphs(p.expected)) or (NONE,), from_office=True) for p in texts.problems]
    problems += _problems_from_visits(workspace, picture, d)
    return SummaryData(
        picture=picture, texts=texts, office=office, problems=tuple(problems),
        practices=tuple(_practices(workspace, picture, d)), situation=situation,
        area_offices={name: dict(districts) for name, districts in offices.items()},
    )


# -- the tables as plain values (for XLSX / CSV) ----------------------------------------------------
Cell = str | int | float | None


@dataclass(frozen=True)
class SummaryTable:
    """One table: ``key`` names the file or sheet, numbers stay numbers."""

    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _band_cell(band: Band | None) -> str:
    return BAND_CELL.format(name=band.name) if band else NONE


def _score(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def summary_tables(data: SummaryData) -> list[SummaryTable]:
    """The summary's tables in report order, with Thai headers."""
    picture = data.picture
    groups = picture.groups
    readiness: list[tuple[Cell, ...]] = []
    for component in picture.components:
        counts = picture.readiness_counts.get(component.code, {})
        values = [counts.get(group.key, 0) for group in groups]
        readiness.append((COMPONENT_CELL.format(code=component.code, title=component.title), *values, sum(values)))
    total = picture.reported
    previous = picture.previous
    bands = [
        (_band_cell(band), picture.band_counts.get(band.key, 0),
         round(100.0 * picture.band_counts.get(band.key, 0) / total, 1) if total else 0.0,
         previous.band_counts.get(band.key, 0) if previous else None)
        for band in picture.bands
    ]
    schools = []
    for number, standing in enumerate(picture.standings, start=1):
        school = standing.school
        change = standing.change
        schools.append((
            number, school.code, school.name, school.district, school.province, school.area_office,
            _score(standing.score), _band_cell(standing.band), _score(standing.previous_score),
            None if change is None else round(change, 2),
            COMPONENT_CELL.format(code=standing.weakest_code, title=standing.weakest_title) if standing.weakest else NONE,
            _score(standing.weakest_score),
            *(_score(_component_score(standing, c.code)) for c in picture.components),
        ))
    districts = []
    for office, by_district in data.area_offices.items():
        for district, members in by_district.items():
            for school in members:
                found = picture.standing_of(school.id)
                districts.append((office, district, school.code, school.name,
                                  _band_cell(found.band) if found else NOT_SENT))
    pending = [
        (item.school.code, item.school.name, item.school.district, item.school.area_office,
         STATUS_DRAFT if item.draft else STATUS_NONE, item.answered if item.draft else None,
         item.total if item.draft else None)
        for item in picture.not_reported
    ]
    problems = [tuple("\n".join(cell) for cell in (row.problem, row.solution, row.expected)) for row in data.problems]
    return [
        SummaryTable("readiness", TABLE_TITLES["readiness"],
                     ("องค์ประกอบ", *(group.name for group in groups), READINESS_TOTAL), tuple(readiness)),
        SummaryTable("bands", TABLE_TITLES["bands"], BANDS_HEADER, tuple(bands)),
        SummaryTable("schools", TABLE_TITLES["schools"],
                     (*SCHOOLS_HEADER, *(COMPONENT_COLUMN.format(code=c.code) for c in picture.components)),
                     tuple(schools)),
        SummaryTable("districts", TABLE_TITLES["districts"], DISTRICTS_HEADER, tuple(districts)),
        SummaryTable("not_reported", TABLE_TITLES["not_reported"], NOT_REPORTED_HEADER, tuple(pending)),
        SummaryTable("problems", TABLE_TITLES["problems"], PROBLEMS_HEADER, tuple(problems)),
    ]


def _component_score(standing: SchoolStanding, code: str) -> float | None:
    try:
        return standing.result.component(code).score
    except KeyError:
        return None


# -- writing ----------------------------------------------------------------------------------------
def _texts(texts: OfficeTexts | Mapping[str, Any] | None) -> OfficeTexts:
    if texts is None or isinstance(texts, OfficeTexts):
        return texts or OfficeTexts()
    return OfficeTexts.from_mapping(texts)


def summary_data(
    workspace: Workspace, *, fiscal_year: int, round: int, area_office: str | None = None,
    province: str | None = None, level: str | None = None, texts: OfficeTexts | Mapping[str, Any] | None = None,
    digits: str = "arabic",
) -> SummaryData:
    """The picture and everything else the summary (PDF or tables) shows."""
    picture = district_picture(workspace, fiscal_year, round, area_office=area_office, province=province, level=level)
    return gather(workspace, picture, _texts(texts), digits=digits)


def default_summary_name(fiscal_year: int, round: int, area_office: str | None = None, extension: str = "pdf") -> str:
    """E.g. "สรุปผลการตรวจราชการ-โรงเรียนคุณภาพ-สพป.ตาก เขต 1-2569-รอบ2.pdf" (safe on Windows)."""
    office = f"-{safe_name(area_office, '')}" if area_office else ""
    return f"{FILE_PREFIX}{office}-{fiscal_year}-รอบ{round}.{extension}"


def write_summary_report(
    workspace: Workspace,
    target: Path,
    *,
    fiscal_year: int,
    round: int,
    area_office: str | None = None,
    province: str | None = None,
    level: str | None = None,
    texts: OfficeTexts | Mapping[str, Any] | None = None,
    digits: str = "thai",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Build the inspection-round summary of ``fiscal_year`` round ``round`` over the schools
    matching the filters and write it to ``target`` (atomically, as the other reports).

    ``texts`` are the office's own texts (an :class:`OfficeTexts` or the mapping of
    :func:`load_office_texts`'s JSON). ``digits`` "thai" or "arabic" applies to what the report
    itself writes (counts, scores, dates, page numbers); texts people typed are printed as
    written. Raises a :class:`~qualityschool_desktop.errors.QualitySchoolError` with a Thai
    message when nothing matches or nothing was reported, :class:`ReportCancelled` when
    ``cancelled()`` turns true. Returns ``target``."""
    check_request(target, digits)
    check = checker(cancelled)
    check()
    data = summary_data(workspace, fiscal_year=fiscal_year, round=round, area_office=area_office,
                        province=province, level=level, texts=texts, digits=digits)
    # Imported here: it loads ReportLab, HarfBuzz and (on first use) pythainlp's dictionary.
    from .summary_pdf import build_report

    return write_atomically(
        Path(target), lambda partial: build_report(data, partial, digits=digits, progress=progress, check=check), check
    )
