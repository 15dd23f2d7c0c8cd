"""Which components a visit wrote nothing for: asked before the visit is confirmed (TEST32b B6),
as the self-assessment's submit warns of unanswered items. The rule is the printed record's: a
component with no level, no text and no file, for itself or any of its items, prints
"ไม่ได้บันทึกผลการนิเทศในองค์ประกอบนี้" (here text typed and erased again counts as none too)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .framework import Component, Framework
from .visit_records import FINDING_TEXTS, Finding, Person, VisitAttachment


def _within(scope: str, code: str) -> bool:
    return scope == code or scope.startswith(code + ".")


def _written(finding: Finding) -> bool:
    return finding.level is not None or any(str(getattr(finding, field) or "").strip() for field in FINDING_TEXTS)


def empty_components(framework: Framework, findings: Mapping[str, Finding],
                     attachments: Iterable[VisitAttachment]) -> list[Component]:
    """The framework's components, in order, for which ``findings`` (by scope code) hold no level
    and no text (blank text counts as none) and ``attachments`` no file, for the component or any
    of its items."""
    filed = [attachment.scope_code for attachment in attachments]
    return [component for component in framework.components
            if not any(_within(scope, component.code) and _written(found) for scope, found in findings.items())
            and not any(_within(scope, component.code) for scope in filed)]


# TEST34C C4: the visitors are who sign the record; a confirmed visit with none named had no line
# for a supervisor to sign and said nothing of whose visit it was (a shared laptop's key does not).
NO_VISITOR = (
    "ยังยืนยันบันทึกไม่ได้: ยังไม่มีชื่อผู้นิเทศในคณะนิเทศ\n"
    "กรอกชื่อผู้นิเทศอย่างน้อย ๑ คน (ผู้ลงนามในบันทึก) ที่หัวข้อ “คณะนิเทศและผู้ให้ข้อมูล” ก่อนยืนยัน"
)


def named_visitors(people: Iterable[Person]) -> list[Person]:
    """The visitors (side ``"visitor"``) of ``people`` whose name is not blank, in order."""
    return [person for person in people if person.side == "visitor" and person.name.strip()]


def why_not_final(people: Iterable[Person]) -> str:
    """Why a visit with these (not removed) ``people`` cannot be confirmed, in Thai; ``""`` when it
    can. The one rule: at least one visitor (ผู้นิเทศ) named."""
    return "" if named_visitors(people) else NO_VISITOR


# SQL condition on a visit aliased ``v``: it holds something (TEST34C C12). A draft made by one click
# on "บันทึกการนิเทศครั้งใหม่" and left holds nothing and is no visit made: counted only once it is
# confirmed or has a purpose or note, a person named, a level or text written, a file or a follow-up.
HOLDS_SOMETHING = (
    "(v.status = 'final' OR trim(v.purpose) <> '' OR trim(v.notes) <> ''"
    " OR EXISTS (SELECT 1 FROM visit_people p WHERE p.visit_id = v.id AND p.deleted = 0 AND trim(p.name) <> '')"
    " OR EXISTS (SELECT 1 FROM visit_findings f WHERE f.visit_id = v.id AND (f.level IS NOT NULL"
    " OR trim(f.observed || f.evidence || f.strengths || f.to_develop || f.recommendations) <> ''))"
    " OR EXISTS (SELECT 1 FROM visit_attachments a WHERE a.visit_id = v.id AND a.deleted = 0)"
    " OR EXISTS (SELECT 1 FROM follow_ups u WHERE u.visit_id = v.id AND u.deleted = 0))"
)
