"""Which key is the office that serves a school, here (issue 13: review of submissions).

Only the office that serves a school may accept or return its submitted self-assessment. A
decision made on this laptop is its own; a decision that arrives in a file applies only when its
key is **bound here as the office of the school's area office** (สำนักงานเขตพื้นที่การศึกษา, the
school record's ``area_office``): a person reads the office's fingerprint out (as for a school's
second laptop) and binds it once, ``main.py signers --office FINGERPRINT --area-office NAME``.
Any other key's decision (a stranger who got the school's file, another district, the school
itself) does not apply on import: it waits (รอตรวจสอบ) with a Thai reason saying how to bind the
office's key, and applies the moment a person binds it (s32 B20; ``exchange/rejudge.py``), so the
first laptop to review a file no longer becomes the school's office. The same binding lets an office's own
projects (issue 15; no school) in: only from the key bound as that area office's office
(:func:`is_area_office`); any other key's are refused with :data:`PROJECT_NOT_THE_OFFICE`.

The bindings are this laptop's own (kept in the ``installation`` table under
``office_key:<area office>``, never sent in a file): a list of ``{"fingerprint", "installation"}``
(the installation is learnt from the key's first file, ``""`` until then).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..errors import ValidationError
from ..schools import code_and_area_office
from ..text import clean_text
from ..thai import office_name
from .office_keys import PREFIX, offices_of

if TYPE_CHECKING:
    import sqlite3

    from ..workspace import Workspace

UNKNOWN_AREA = "ไม่มีเขตพื้นที่การศึกษา “{name}” ในฐานข้อมูลนี้ เขตพื้นที่ที่มี: {known}"
NO_AREAS = "ไม่มีเขตพื้นที่การศึกษา “{name}” ในฐานข้อมูลนี้ (ยังไม่มีโรงเรียนใดระบุเขตพื้นที่)"
# How a person binds the office's key, in the window first (a director has no command line: s32
# B20), then the command.
HOW_TO_BIND = (
    "ให้เทียบลายนิ้วมือกับสำนักงานทางโทรศัพท์ แล้วผูกเป็นกุญแจของสำนักงาน: ในหน้าต่างนำเข้าข้อมูล ทำเครื่องหมาย"
    " “กุญแจนี้เป็นของสำนักงานเขตพื้นที่ของโรงเรียน” หรือเมนู แฟ้ม › ผู้ส่งข้อมูล… เลือกกุญแจนี้ แล้วกด “ผูกเป็นกุญแจเขต…”"
    " (หรือคำสั่ง signers --office ลายนิ้วมือ --area-office \"{area}\")"
)
# s33 exC T9: no school in the file or here names the school's area office: no tick is offered, no
# office can be chosen, and no command is printed with a placeholder office.
AREA_UNKNOWN = "ยังไม่ทราบสำนักงานเขตพื้นที่ของโรงเรียน"
HOW_TO_BIND_NO_AREA = (
    "เมื่อข้อมูลของโรงเรียนระบุสำนักงานเขตพื้นที่แล้ว ให้เทียบลายนิ้วมือกับสำนักงานทางโทรศัพท์"
    " แล้วผูกเป็นกุญแจของสำนักงานที่เมนู แฟ้ม › ผู้ส่งข้อมูล… เลือกกุญแจนี้ แล้วกด “ผูกเป็นกุญแจเขต…”"
)
# {who}: who the key is here (exchange.senders.Named: " ของ" a school, a supervisor, an office), or
# nothing: never the computer's name, the same "vm" on every laptop (s33).
NOT_THE_OFFICE = (
    "ผลการตรวจ{what} ในไฟล์ {source}{said} ลงนามโดยกุญแจ {groups}{who} ซึ่งยังไม่ได้ผูกเป็นกุญแจของสำนักงานที่ดูแลโรงเรียน"
    " {code} ({area}) จึงรอตรวจสอบ (ข้อมูลอื่นในไฟล์นำเข้าตามปกติ) หากเป็นกุญแจของสำนักงานจริง {how}"
    " ผลการตรวจนี้จะใช้ทันทีที่ผูก ไม่ต้องนำเข้าไฟล์นี้อีกครั้ง"
)
SCHOOL_S_OWN = (
    "ผลการตรวจ{what} ในไฟล์ {source} ลงนามโดยกุญแจ {groups} ซึ่งเป็นกุญแจของโรงเรียน {code} เอง"
    " โรงเรียนตรวจแบบประเมินของตนเองไม่ได้ จึงไม่นำเข้าผลการตรวจนี้ (ข้อมูลอื่นในไฟล์นำเข้าตามปกติ;"
    " สำนักงานที่ดูแลคือ {area})"
)
BUDGET_NOT_THE_OFFICE = (
    "ผลการอนุมัติงบประมาณ{what} ในไฟล์ {source} ลงนามโดยกุญแจ {groups}{who} ซึ่งยังไม่ได้ผูกเป็นกุญแจของสำนักงาน"
    "ที่ดูแลโรงเรียน {code} ({area}) จึงรอตรวจสอบ (ข้อมูลอื่นในไฟล์นำเข้าตามปกติ) หากเป็นกุญแจของสำนักงานจริง {how}"
    " ผลการอนุมัตินี้จะใช้ทันทีที่ผูก ไม่ต้องนำเข้าไฟล์นี้อีกครั้ง"
)
# No command line: a director reads this in the window (s33 T2; ``signers --help`` says the command).
_PENDING_BIND = (
    " หากเป็นกุญแจของสำนักงานจริง ให้โทรเทียบลายนิ้วมือกับสำนักงานก่อน แล้วผูกเป็นกุญแจของสำนักงานเขตพื้นที่ที่เมนู"
    " แฟ้ม › ผู้ส่งข้อมูล… เลือกกุญแจนี้ แล้วกด “ผูกเป็นกุญแจเขต…” (ไม่ใช่ “ผูกกับโรงเรียน”)"
)
BUDGET_PENDING = (
    "ผลการอนุมัติงบประมาณนี้ลงนามโดยกุญแจที่ยังไม่ได้ผูกเป็นกุญแจของสำนักงานเขตพื้นที่ที่ดูแลโรงเรียน"
    + _PENDING_BIND + " ผลการอนุมัตินี้จะใช้ทันทีที่ผูก ไม่ต้องนำเข้าไฟล์นี้อีกครั้ง"
)
REVIEW_PENDING = (
    "ผลการตรวจแบบประเมินนี้ลงนามโดยกุญแจที่ยังไม่ได้ผูกเป็นกุญแจของสำนักงานเขตพื้นที่ที่ดูแลโรงเรียน"
    + _PENDING_BIND + " ผลการตรวจนี้จะใช้ทันทีที่ผูก ไม่ต้องนำเข้าไฟล์นี้อีกครั้ง"
)
# s34 exw34 T2: the office's way as NOT_THE_OFFICE says it (phone first, the window's menu), no command
# line with "ลายนิ้วมือ" standing for the key (the line names its groups; ``signers --help`` says the command).
PROJECT_NOT_THE_OFFICE = (
    "โครงการของ{area} ในไฟล์ {source} ลงนามโดยกุญแจ {groups}{who} ซึ่งไม่ได้ผูกไว้เป็นกุญแจของสำนักงานนี้"
    " จึงไม่นำเข้าโครงการของสำนักงานนี้ (ข้อมูลอื่นในไฟล์นำเข้าตามปกติ) หากเป็นกุญแจของสำนักงานจริง"
    " ให้โทรเทียบลายนิ้วมือกับสำนักงานก่อน แล้วผูกเป็นกุญแจของ{area}ที่เมนู แฟ้ม › ผู้ส่งข้อมูล… เลือกกุญแจนี้"
    " แล้วกด “ผูกเป็นกุญแจเขต…” จากนั้นนำเข้าไฟล์นี้อีกครั้ง"
)
NO_AREA = "ไม่ระบุเขตพื้นที่"
NOT_BOUND = "กุญแจนี้ไม่ได้ผูกเป็นกุญแจของ {area} ในเครื่องนี้ จึงไม่มีอะไรเปลี่ยน"


def _key(area_office: str) -> str:
    return PREFIX + office_name(clean_text(area_office or "", multiline=False))


def bound_pairs(conn: "sqlite3.Connection", area_office: str) -> list[tuple[str, str]]:
    """The (installation or "", fingerprint) pairs bound here as the office of ``area_office``
    (as stored, in binding order); empty when none or the area office is "". Raises nothing."""
    if not (area_office or "").strip():
        return []
    # A binding made before names were stored with Arabic digits (try14e f03) is read alike.
    rows = conn.execute("SELECT value FROM installation WHERE substr(key, 1, ?) = ? AND"
                        " office_name(substr(key, ?)) = office_name(?) ORDER BY key = ? DESC, key",
                        [len(PREFIX), PREFIX, len(PREFIX) + 1, _key(area_office)[len(PREFIX):], _key(area_office)])
    pairs: list[tuple[str, str]] = []
    for (value,) in rows:
        try:
            entries = json.loads(value)
        except ValueError:
            continue
        for e in entries if isinstance(entries, list) else []:
            pair = (str(e.get("installation", "")), str(e.get("fingerprint", ""))) if isinstance(e, dict) else None
            if pair is not None and pair not in pairs:
                pairs.append(pair)
    return pairs


def bound(workspace: "Workspace", area_office: str) -> list[str]:
    """The fingerprints (64 hex digits) bound here as the office of ``area_office``; empty when
    none. Raises nothing."""
    return [fingerprint for _inst, fingerprint in bound_pairs(workspace.db.conn, area_office)]


def bind(workspace: "Workspace", fingerprint: str, area_office: str, *, installation: str = "",
         arriving: "tuple[str, ...]" = ()) -> str:
    """Bind the key ``fingerprint`` (64 hex digits, or at least 32 that start a key seen here;
    dashes, spaces and case ignored) here as the office of ``area_office`` (one of the area
    offices the schools here name, typed as listed; spaces at the ends ignored): from then on its
    review decisions on those schools apply here. Binding twice changes nothing. Returns the full
    fingerprint. ``installation``: the key's installation, kept when no file of the key was read
    here yet (an import that binds its own file's key before reading its records, s33).
    ``arriving``: the area offices (Arabic digits) of the schools that import's file brings, known
    as the stored ones are (a new province binds the office its first district file names, s33 exB T9).

    Raises :class:`ValidationError` (Thai, listing the known ones) for an area office no school
    here names, :class:`~qualityschool_desktop.exchange.ExchangeError` for a malformed or
    ambiguous fingerprint, :class:`~qualityschool_desktop.errors.StorageError` when the database
    cannot be written."""
    from ..exchange import bindings  # the exchange loads only when a binding is made

    name = office_name(clean_text(area_office or "", multiline=False))
    known = workspace.schools.area_offices()
    if name not in known and name not in arriving:
        if not known:
            raise ValidationError(NO_AREAS.format(name=name))
        raise ValidationError(UNKNOWN_AREA.format(name=name, known=", ".join(known)))
    full = bindings._resolve(workspace, fingerprint)
    pairs = bound_pairs(workspace.db.conn, name)
    if any(fp == full for _inst, fp in pairs):
        return full
    row = workspace.db.execute("SELECT installation_id FROM signers WHERE fingerprint = ?", [full]).fetchone()
    entries = [{"installation": inst, "fingerprint": fp} for inst, fp in pairs]
    entries.append({"installation": str(row[0] or "") if row else installation, "fingerprint": full})
    with workspace.db.write():
        workspace.db.execute("INSERT OR REPLACE INTO installation (key, value) VALUES (?, ?)",
                             [_key(name), json.dumps(entries, ensure_ascii=False)])
    return full


def unbind(workspace: "Workspace", fingerprint: str, area_office: str) -> str:
    """Take the key ``fingerprint`` (as :func:`bind` reads it) off the office of ``area_office``
    (however its digits are written): from then on its review and budget decisions on those
    schools are refused here again (what was applied stays). Returns the full fingerprint.

    Raises :class:`ValidationError` (Thai) when the key is not bound to that office here,
    :class:`~qualityschool_desktop.exchange.ExchangeError` for a malformed or ambiguous
    fingerprint, :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be
    written."""
    from ..exchange import bindings

    name = office_name(clean_text(area_office or "", multiline=False))
    full = bindings._resolve(workspace, fingerprint)
    rows = workspace.db.execute("SELECT key, value FROM installation WHERE substr(key, 1, ?) = ? AND"
                                " office_name(substr(key, ?)) = office_name(?)",
                                [len(PREFIX), PREFIX, len(PREFIX) + 1, name]).fetchall()
    changes: list[tuple[str, list[object]]] = []
    for key, value in rows:
        try:
            entries = json.loads(value)
        except ValueError:
            continue
        entries = entries if isinstance(entries, list) else []
        kept = [e for e in entries if not (isinstance(e, dict) and str(e.get("fingerprint", "")) == full)]
        if len(kept) != len(entries):
            changes.append((str(key), kept))
    if not changes:
        raise ValidationError(NOT_BOUND.format(area=name))
    with workspace.db.write():
        for key, kept in changes:
            if kept:
                workspace.db.execute("UPDATE installation SET value = ? WHERE key = ?",
                                     [json.dumps(kept, ensure_ascii=False), key])
            else:
                workspace.db.execute("DELETE FROM installation WHERE key = ?", [key])
    return full


def is_office(conn: "sqlite3.Connection", school_id: str, installation: str, fingerprint: str) -> bool:
    """Is the key (``installation``, ``fingerprint``) bound here as the office of the school's
    area office? False for a school without an area office or unknown here. Raises nothing."""
    found = code_and_area_office(conn, school_id)
    if found is None:
        return False
    return any((inst and inst == installation) or (fp and fp == fingerprint)
               for inst, fp in bound_pairs(conn, found[1]))


def is_area_office(conn: "sqlite3.Connection", area_office: str, installation: str, fingerprint: str) -> bool:
    """Is the key (``installation``, ``fingerprint``) bound here as the office of ``area_office``
    (any digit form)? It alone may change that office's own projects here (issue 15: an office's
    projects travel to the province from the office's key, as its budget decisions do). False for
    an empty name. Raises nothing."""
    return any((inst and inst == installation) or (fp and fp == fingerprint)
               for inst, fp in bound_pairs(conn, area_office))


def area_of(conn: "sqlite3.Connection", school_id: str) -> tuple[str, str]:
    """(code, area office or :data:`NO_AREA`) of a school here, ``("", NO_AREA)`` when unknown."""
    found = code_and_area_office(conn, school_id)
    return (found[0], found[1] or NO_AREA) if found else ("", NO_AREA)


__all__ = ["NOT_THE_OFFICE", "PROJECT_NOT_THE_OFFICE", "area_of", "bind", "bound", "bound_pairs", "is_area_office",
           "is_office", "offices_of", "unbind"]
