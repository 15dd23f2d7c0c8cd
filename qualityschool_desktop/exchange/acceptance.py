"""May a person here accept a waiting change? The owner rules, with no back door (issue 10, s23).

Accepting a pending change makes it this installation's own change (``pending.py``), so it passes
the same owner check a direct edit here passes (``owners.py`` says whose each record is):

- a visit, its people, findings, attachments, follow-ups and events: only where the visit was made
  (or at the key its maker's visits were re-bound to, ``visit_owners.owned_elsewhere``), as for
  ``FollowUps``/``Visits`` (a school answers a follow-up with a comment);
- a school's records (profile, self-assessments, answers, history, evidence, network schools,
  plans, budget requests, projects): only at the school's own laptop, the one a direct edit here
  passes (``schools.owned_elsewhere``, migration 0016): a school's records change only by the
  school's key (STYLE.md, "Records have owners"; the integrator's decision, s23). An office (a
  district or province laptop that holds the school by exchange) only rejects such a change or
  leaves it waiting; a supervisor comments;
- an office's decision: only once the key that decided is bound here as the office of the school's
  area office (``review/offices.py``), the rule an import applies (then importing the file again
  applies it too);
- a comment or a contact line: only its writer's own (an import refuses one in another's name).

A change whose sender owns the record and that waited only for its parent (``parent_pending``) is
the owner's own change: it passes. Choosing a side of a conflict (``conflicts.use_version``,
"ใช้ฉบับนี้") is this installation's own change too and meets the same check. Everything here
reads only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..review import offices
from ..visit_owners import owned_elsewhere
from .owners import DECIDES_ON, LINKS, OWNERS, ROOTS

if TYPE_CHECKING:
    from ..workspace import Workspace

NOT_OURS_VISIT = (
    "เครื่องนี้ไม่ใช่เจ้าของบันทึกการนิเทศนี้ (บันทึกการนิเทศเป็นของเครื่องที่บันทึก) จึงรับรายการนี้แทนเจ้าของไม่ได้"
    " เครื่องที่บันทึกการนิเทศเป็นผู้รับหรือไม่รับ (โรงเรียนตอบข้อตกลงด้วยความคิดเห็นได้) เลือก \"ไม่ยอมรับ\" ได้"
)
# After the reason (``PendingChange.reason_text``, which names the record's kind and how to bind the
# office's key): not the same instructions a second time, nor another record's kind (s33 T2).
NOT_OURS_OFFICE = (
    "เครื่องนี้ไม่ใช่สำนักงานเขตพื้นที่ จึงกด “ยอมรับ” แทนสำนักงานไม่ได้ ผลนี้จะใช้เองเมื่อผูกกุญแจของสำนักงานแล้ว"
    " (เลือก \"ไม่ยอมรับ\" ได้)"
)
NOT_OURS_SCHOOL = (
    "ข้อมูลของโรงเรียนแก้ได้เฉพาะที่เครื่องของโรงเรียน เครื่องนี้ไม่ใช่เจ้าของข้อมูลนี้ จึงรับรายการนี้แทนโรงเรียนไม่ได้"
    " เครื่องของโรงเรียนเป็นผู้รับหรือไม่รับ (ผู้นิเทศให้ความเห็นได้) เลือก \"ไม่ยอมรับ\" ได้"
)
NOT_OURS_AUTHOR = "เครื่องนี้ไม่ใช่เจ้าของข้อความนี้ (ข้อความเป็นของผู้เขียน) จึงรับรายการนี้ไม่ได้ เลือก \"ไม่ยอมรับ\" ได้"


def refusal(workspace: "Workspace", table: str, reason: str, row: dict[str, Any],
            current: dict[str, Any] | None) -> str:
    """The Thai reason this installation may not accept a waiting change to ``table`` (``row`` as
    sent, ``current`` the record here or None; ``reason`` why it waits, a key of
    ``pending.REASONS``): :data:`NOT_OURS_SCHOOL`, :data:`NOT_OURS_VISIT`,
    :data:`NOT_OURS_OFFICE` or :data:`NOT_OURS_AUTHOR`; ``""`` when it may (the module's rules, checked on the record as it
    is here and as it was sent). A parent that is not here is not judged here: accepting says so
    itself. Reads only; raises nothing."""
    if reason == "parent_pending":
        return ""  # its sender owns it (the import said so): the owner's own change
    kind = OWNERS.get(table)
    for version in (current, row):
        if version is None:
            continue
        if kind == "office":
            if not _decider_is_office(workspace, table, version):
                return NOT_OURS_OFFICE
        elif kind == "author":
            if version[ROOTS[table]] != workspace.installation_id:
                return NOT_OURS_AUTHOR
        elif kind == "school":
            school = _root(workspace, table, version)
            if school is not None and workspace.schools.owned_elsewhere(school):
                return NOT_OURS_SCHOOL
        elif kind == "visit_maker":
            maker = _root(workspace, table, version)
            if maker is not None and owned_elsewhere(workspace.db, workspace.installation_id, _Made(maker)):
                return NOT_OURS_VISIT
    return ""


class _Made:
    def __init__(self, made_by: str) -> None:
        self.made_by = made_by


def _root(workspace: "Workspace", table: str, row: dict[str, Any]) -> str | None:
    """The owner key of ``row`` (``ROOTS``: a visit's maker for a visit's records); None when a
    parent on the way is not here."""
    db = workspace.db
    while table not in ROOTS:
        column, table = LINKS[table]
        if row.get(column) is None:
            return None
        found = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [row[column]]))
        if not found:
            return None
        row = found[0]
    return str(row[ROOTS[table]] or "")


def _decider_is_office(workspace: "Workspace", table: str, row: dict[str, Any]) -> bool:
    """Is the installation that decided ``row`` bound here as the office of its school's area
    office, and not a key of the school itself (a school never decides on its own)?"""
    column, parent_table = DECIDES_ON[table]
    decided_by = str(row[ROOTS[table]])
    parent = workspace.db.execute(f"SELECT school_id FROM {parent_table} WHERE id = ?", [row[column]]).fetchone()
    if parent is None:
        return False
    school_id = str(parent[0])
    conn = workspace.db.conn
    found = conn.execute("SELECT fingerprint FROM signers WHERE installation_id = ?", [decided_by]).fetchone()
    fingerprint = str(found[0]) if found and found[0] else ""
    owns_school = conn.execute(
        "SELECT 1 FROM school_signers WHERE school_id = ? AND (installation_id = ? OR (fingerprint <> '' AND fingerprint = ?))",
        [school_id, decided_by, fingerprint]).fetchone() is not None
    return not owns_school and offices.is_office(conn, school_id, decided_by, fingerprint)
