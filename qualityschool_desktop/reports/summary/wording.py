"""The sentences the summary writes itself from its data, the same for the PDF (:mod:`.pdf`) and
the tables (:mod:`.tables`): the office named in the title, the default situation analysis (6.1),
the office's rows of the problems table (6.3) and the lines drafted from the data that
:mod:`.drafts` offers as suggestions. Each takes the
document's :class:`~qualityschool_desktop.thai.DigitText`, so counts and scores come out in its
digits while what people typed goes in as written. No ReportLab.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from ...collation import thai_key
from ...district import NotReported
from ...schools import School
from ...thai import DigitText, format_date, short_title
from .data import Point, SummaryData
from .strings import LIST_EXPECTED, LIST_SOLUTION, NUMBERED, SUB_NUMBERED
from .strings import (
    READINESS_GROUP,
    COUNT_SCHOOLS, NONE,
    DRAFT_PROGRESS, NOT_SENT, STATUS_CARRIED, STATUS_DRAFT, STATUS_LATE, STATUS_NONE, STATUS_RETURNED,
    MODEL_LINE, MODEL_NO_OFFICE, MODEL_OFFICE, POLICY, SERVED_SENTENCE, PRACTICE_LINE, PRACTICE_STRENGTH, SITUATION_DEFAULT, SITUATION_NO_OFFICE, SITUATION_PENDING,
)

__all__ = ["OfficeDistricts", "ProblemRow", "model_groups", "model_lines", "office_districts", "served_sentence", "office_name", "place_names", "paragraphs", "pending_status", "points", "policy", "practice_lines", "problem_rows", "situation"]

# Visit strengths quoted per school in the good-practice default.
STRENGTHS_PER_SCHOOL = 1
__all__ += ["listed_problems", "numbered"]  # the 6.3 rows numbered, round 1's list


@dataclass(frozen=True)
class ProblemRow:
    """A row of the 6.3 table: each cell a list of lines."""

    problem: tuple[str, ...]
    solution: tuple[str, ...]
    expected: tuple[str, ...]
    from_office: bool = False


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs: its non-empty lines, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def office_name(data: SummaryData, t: DigitText | None = None) -> str:
    """The office named in the title: the office's own words for the round (else the name the
    office gave this installation, :func:`~.data.gather`), the area office filtered on, else ""
    (the form's blank to fill in). No name is made up: a provincial office's name guessed from the
    schools' province was printed for an area office (found by a tester). With ``t`` the name is
    in the document's digits, as the budget PDF prints the area office (C14 item 3): an office
    typed "… เขต 1" printed beside its schools' "สพป.ตาก เขต ๑" (TEST31); a name is the report's
    label, not prose quoted as written."""
    picture, texts = data.picture, data.texts
    office = texts.office or picture.area_office or ""
    return t(office) if t is not None and office else office


def situation(data: SummaryData, t: DigitText) -> str:
    """6.1 as printed: the office's own text, or a sentence of how many quality schools in how
    many districts have reported (and how many not yet)."""
    if data.texts.situation:
        return data.texts.situation
    picture = data.picture
    # No office name: the sentence stands without a subject rather than with the form's label (T2).
    office = office_name(data, t)
    counts = dict(schools=len(picture.schools), districts=len(picture.quality_schools_by_district),
                  year=picture.fiscal_year, round=picture.round, reported=picture.reported_this_round)
    text = t(SITUATION_DEFAULT, office=office, **counts) if office else t(SITUATION_NO_OFFICE, **counts)
    if picture.not_this_round:
        text += t(SITUATION_PENDING, count=len(picture.not_this_round))
    return text


def pending_status(item: NotReported, t: DigitText, *, progress: bool = True) -> str:
    """The status of a school that sent nothing for the round (6.2 5), the not-reported table):
    returned by the office, counted with an earlier round's result, a draft (with how far it is,
    when ``progress``) or not started."""
    if item.state == "returned":
        return STATUS_RETURNED
    if item.state == "late" and item.late_on:
        return t(STATUS_LATE, date=format_date(date.fromisoformat(item.late_on), short=True, style=t.style))
    if item.state == "carried" and item.carried_from is not None:
        return t(STATUS_CARRIED, round=item.carried_from[1])
    if item.draft is None:
        return STATUS_NONE
    return t(DRAFT_PROGRESS, status=STATUS_DRAFT, answered=item.answered, total=item.total) if progress else STATUS_DRAFT


def missing_result(data: SummaryData, school_id: str, t: DigitText) -> str:
    """6.1's cell for a school without a result this round: returned or late said as such (the
    school did send: tester's F5, F17), else "ยังไม่ส่งผล"."""
    for item in data.picture.not_reported:
        if item.school.id == school_id and item.state in ("returned", "late"):
            return pending_status(item, t, progress=False)
    return NOT_SENT


def problem_rows(data: SummaryData, t: DigitText) -> list[ProblemRow]:
    """6.3: the office's own rows, in its order, as written ("-" for an empty cell). Nothing the
    program drafted is printed unless the office accepted it into its rows (:mod:`.drafts`)."""
    return [ProblemRow(tuple(paragraphs(p.problem)) or (NONE,), tuple(paragraphs(p.solution)) or (NONE,),
                       tuple(paragraphs(p.expected)) or (NONE,), from_office=True) for p in data.texts.problems]


# A line that starts with a list marker of its own: "1)", "๒.", "(3)", "-", "•".
_MARKED = re.compile(r"\s*(\(?[0-9๐-๙]+[.)]|[-•*])")


def numbered(rows: Sequence[ProblemRow], t: DigitText) -> list[ProblemRow]:
    """The 6.3 rows numbered ๑, ๒ … as seed 001 writes them: the row's number before the first
    line of its problem and of its solution ("-" cells stay "-"). A solution of several lines
    numbers each under the row (๑.๑, ๑.๒ …: the second line bare read as a list missing its
    "๒."), unless the office numbered or bulleted its lines itself."""
    def first(lines: tuple[str, ...], number: int) -> tuple[str, ...]:
        if lines == (NONE,):
            return lines
        return (NUMBERED.format(number=t(number), text=lines[0]), *lines[1:])  # typed text as written

    def each(lines: tuple[str, ...], number: int) -> tuple[str, ...]:
        if len(lines) < 2 or any(_MARKED.match(line) for line in lines):
            return first(lines, number)
        return tuple(SUB_NUMBERED.format(number=t(f"{number}.{sub}"), text=line)
                     for sub, line in enumerate(lines, start=1))

    return [ProblemRow(first(row.problem, n), each(row.solution, n), row.expected, row.from_office)
            for n, row in enumerate(rows, start=1)]


def listed_problems(data: SummaryData, t: DigitText) -> list[tuple[str, list[str]]]:
    """Round 1's 3) ปัญหาอุปสรรค as a list: per office row "๑. <problem>" and under it the
    solution and the expected result the office typed ("แนวทางการแก้ไขปัญหา: …"), so nothing typed
    is dropped by the shorter form; the office's words as written. Raises nothing."""
    found = []
    for number, row in enumerate(data.texts.problems, start=1):
        problem = paragraphs(row.problem) or [NONE]
        lines = []
        for text, template in ((row.solution, LIST_SOLUTION), (row.expected, LIST_EXPECTED)):
            typed = paragraphs(text)
            if typed:
                lines += [template.format(text=typed[0]), *typed[1:]]
        found.append((NUMBERED.format(number=t(number), text=problem[0]), [*problem[1:], *lines]))
    return found


def points(items: Sequence[Point], t: DigitText) -> list[str]:
    """Every point, none cut off (issue 13), with its number of schools when more than one."""
    return [t(COUNT_SCHOOLS, text=point.text, count=point.schools) if point.schools > 1 else point.text
            for point in items]


def practice_lines(data: SummaryData, t: DigitText) -> list[str]:
    """Drafts for 6.6 (suggestions, :mod:`.drafts`): each school of the two best bands with its band, score and strongest
    component, then what the supervisors wrote as its strength."""
    lines = []
    for practice in data.practices:
        standing, strongest = practice.standing, practice.strongest
        band = standing.band
        if strongest is not None and band is not None:
            lines.append(t(
                PRACTICE_LINE, school=standing.school.name, band=band.name, score=t.score(standing.score),
                component=short_title(strongest.title), component_score=t.score(strongest.score)))
        for text in practice.strengths[:STRENGTHS_PER_SCHOOL]:
            lines.append(PRACTICE_STRENGTH.format(school=standing.school.name, text=text))
    return lines


@dataclass(frozen=True)
class OfficeDistricts:
    """6.1 for one area office: the districts it serves (the office's list, else its quality
    schools' districts) and, per district in that order, its quality schools (none for a district
    without one; districts of its schools the list forgot come last)."""

    office: str
    served: tuple[str, ...]
    rows: tuple[tuple[str, tuple[School, ...]], ...]


def office_districts(data: SummaryData) -> list[OfficeDistricts]:
    """Per area office of the summary (Thai order), :class:`OfficeDistricts`. Raises nothing."""
    found = []
    for office, districts in data.area_offices.items():
        served = data.texts.served_by(office) or tuple(d for d in districts if d)
        order = [*served, *(d for d in districts if d not in served)]
        found.append(OfficeDistricts(office, served, tuple((d, tuple(districts.get(d, ()))) for d in order)))
    return found


def place_names(data: SummaryData, t: DigitText) -> frozenset[str]:
    """The names the summary prints that a line must never break inside (TEST31 T10: "สาม / เงา"):
    the districts (the schools' and those the office says it serves), provinces, schools, area
    offices (as written and in ``t``'s digits) and the office's own name. Raises nothing."""
    names: set[str] = set()
    for school in data.picture.schools:
        names.update((school.district, school.province, school.name, school.area_office, t(school.area_office)))
    for entry in office_districts(data):
        names.update((entry.office, t(entry.office), *entry.served))
    names.add(office_name(data, t))
    return frozenset(name for name in names if name)


def served_sentence(entry: OfficeDistricts, t: DigitText) -> str:
    """"สพป.ตาก เขต ๑ มีเขตพื้นที่บริการการศึกษาขั้นพื้นฐาน ๔ อำเภอ ได้แก่ เมืองตาก บ้านตาก …"
    (seed 002), "" for schools without an area office."""
    if not entry.office or not entry.served:
        return ""
    return t(SERVED_SENTENCE, office=t(entry.office), count=len(entry.served), districts=" ".join(entry.served))


def model_groups(data: SummaryData) -> list[tuple[str, list[tuple[School, str]]]]:
    """6.2 2): the model schools the office marked, per area office (Thai order), each with the
    office's reason, in the order marked; schools no longer in the summary are left out."""
    schools = {school.id: school for school in data.picture.schools}
    groups: dict[str, list[tuple[School, str]]] = {}
    for model in data.texts.models:
        school = schools.get(model.school_id)
        if school is not None:
            groups.setdefault(school.area_office, []).append((school, model.reason))
    return [(office, groups[office]) for office in sorted(groups, key=thai_key)]


def model_lines(data: SummaryData, t: DigitText) -> list[tuple[str, list[str]]]:
    """6.2 2) as the form asks (seed 002): "โรงเรียนของ<office> คือ" then "(1) อำเภอ… โรงเรียน…
    (the reason)" per model school."""
    lines = []
    for office, entries in model_groups(data):
        items = [t(MODEL_LINE, number=n, district=school.district or NONE, school=school.name)
                 + (f" {reason}" if reason else "") for n, (school, reason) in enumerate(entries, start=1)]
        lines.append((t(MODEL_OFFICE, office=t(office)) if office else MODEL_NO_OFFICE, items))
    return lines


def policy(data: SummaryData) -> str:
    """The policy in the title block: the office's words, else the programme's
    ("การลดภาระนักเรียนและผู้ปกครอง")."""
    return data.texts.policy or POLICY


def readiness_line(data: SummaryData, code: str, t: DigitText) -> str:
    """How many schools are in each readiness group for component ``code`` ("มีความพร้อม ๔
    โรงเรียน อยู่ในเกณฑ์มาตรฐาน ๓ โรงเรียน …", seed 000), groups without a school left out; "-"
    when no school reported it."""
    picture = data.picture
    counts = picture.readiness_counts.get(code, {})
    named = [t(READINESS_GROUP, name=group.name, count=counts.get(group.key, 0))
             for group in picture.groups if counts.get(group.key, 0)]
    return " ".join(named) or NONE


def network_rows(data: SummaryData) -> list[tuple[str, str, str, int | None, int | None, float | None]]:
    """(quality school, code, network school, pupils, teachers, km) for every network school of
    the schools in the summary, quality schools in Thai order, their lists as kept."""
    return [(school.name, member.code, member.name, member.pupils, member.teachers, member.distance_km)
            for school, members in data.network for member in members]
