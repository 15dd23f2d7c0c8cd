"""What a preview or an import says: counts per kind of record, conflicts, pending changes,
schools that look like ones already here, and warnings (plain values, for the window and the CLI)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..text import for_terminal
from ..thai import format_moment
from . import office_waiting, signing
from .rejudged import REAPPLIED, Rejudged
from .records import KIND_LABELS, TABLES
from .removed import RemovedVisit, removed_line
from .revised import RevisedVisit, revised_line
from .senders import Sender

# Whose key a school new here is bound to (ImportPreview.lines): the sender's own, when it recorded
# the school itself (the school's laptop, or an office that typed it), or the keys the school's
# owner named, when the sender relays it (try27 F4: an office's key was called "the school's own").
BOUND_TO_SENDER = ("ผูกกับกุญแจของผู้ส่งไฟล์นี้ ซึ่งบันทึกข้อมูลโรงเรียนนี้เอง (เครื่องของโรงเรียน"
                   " หรือสำนักงานที่พิมพ์ข้อมูลโรงเรียนไว้)")
BOUND_TO_OWNER = "ผูกกับกุญแจ {groups} ที่ลงนามข้อมูลของโรงเรียนตามคำรับรองเจ้าของในไฟล์ ไม่ใช่กุญแจของผู้ส่งต่อ"


@dataclass
class KindCounts:
    """Records of one table in a file, by what importing does with them."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicting: int = 0  # concurrent with ours: both kept, the higher-ranked one in use
    older: int = 0  # ours descends from theirs: nothing to do
    pending: int = 0  # signed by a key that does not own the record: kept for a person (รอตรวจสอบ)
    # This very change (same record, same version) waits here already from an earlier file: counted
    # once, as รอตรวจสอบอยู่แล้ว, its warning not said again (s33 exB T6).
    waiting: int = 0
    # Of ``new``: records deleted at the sender, which travel so every copy is deleted; nothing
    # shows them, so a person's count leaves them out (TEST31 T12: "ใหม่ ๔" for a school's 3 items).
    new_deleted: int = 0
    unchanged_deleted: int = 0  # of ``unchanged``: the same, deleted here already
    # Changes this laptop does not take, whoever asks (ไม่รับ): another key's office project, a review
    # decision not by the school's office; the reason is among the warnings (TEST31b U12).
    refused: int = 0
    # Of ``new``: comments that answer a follow-up (not deleted), named in the import's last words
    # so the supervisor knows a reply came (s35 exch35, TEST34C C9: only "ใหม่ ๑" was said).
    new_on_follow_ups: int = 0

    @property
    def new_shown(self) -> int:
        """The new records a person will see: :attr:`new` less :attr:`new_deleted`."""
        return self.new - self.new_deleted

    @property
    def unchanged_shown(self) -> int:
        """The unchanged records a person sees: :attr:`unchanged` less :attr:`unchanged_deleted`."""
        return self.unchanged - self.unchanged_deleted

    @property
    def deleted_quiet(self) -> int:
        """Records deleted at the sender that change nothing a person sees (new here, or deleted
        here already): left out of :attr:`new_shown` and :attr:`unchanged_shown`."""
        return self.new_deleted + self.unchanged_deleted

    @property
    def total(self) -> int:
        """How many records of the table the file holds: the sum of every count (new, updated,
        unchanged, conflicting, older, pending and refused)."""
        return (self.new + self.updated + self.unchanged + self.conflicting + self.older + self.pending + self.waiting
                + self.refused)


@dataclass(frozen=True)
class ConflictInfo:
    """A record changed both here and in the file (concurrent versions): which is in use for now
    (``winner``) and a Thai description; both versions are kept for a person to choose."""

    table: str
    record_id: str
    winner: str  # "ours" or "theirs": the version in use
    description: str  # Thai, for a person
    row: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # the file's, for a window's words


@dataclass(frozen=True)
class SameSchool:
    """A school in the file whose code a different record here already has (typed twice).
    Importing with ``same_schools=[code]`` makes them one: the school's own record, with its id,
    replaces the one typed here, whose records follow it; the mapping is remembered.
    ``bound_keys``: the fingerprints (64 hex digits) the school would then be bound to (the file's
    signer when it recorded the school itself, else the owners its statement names); ``moving``:
    per table (comments, contacts, visits, follow_ups) how many rows on the typed record would
    move onto the school's own (tables with none absent). Both from a reading without the tick."""

    code: str
    incoming_id: str
    incoming_name: str
    local_id: str
    local_name: str
    bound_keys: tuple[str, ...] = ()
    moving: dict[str, int] = field(default_factory=dict, compare=False)
    from_file: bool = False  # the record here came in a file of another key, not typed here (retest30 N3)


@dataclass(frozen=True)
class MadeSame:
    """A school typed here that gave way to the school's own record in the file, as a person's
    "this is the same school" did it (fx30 B7a): its ``code`` (10 digits), the name it was typed
    under here (``typed_name``), the school's own name in the file (``own_name``) and ``moved``:
    per table (comments, contacts, visits, follow_ups) how many rows on the typed record now sit
    with the school's own, counted before they moved (tables with none absent); ``from_file``:
    True when the record that gave way was not typed here but came in a file of another key (one
    forgotten since, retest30 N3), which the words then say."""

    code: str
    typed_name: str
    own_name: str
    moved: dict[str, int] = field(default_factory=dict, compare=False)
    from_file: bool = False


@dataclass(frozen=True)
class PendingInfo:
    """A change the file brings from a key that does not own the record (or whose parent waits):
    kept as pending ("รอตรวจสอบ"), not applied; who sent it and a Thai description."""

    table: str
    record_id: str
    description: str
    signer_fingerprint: str
    signer_name: str
    row: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # the file's, for a window's words


@dataclass
class ImportPreview:
    """What a file holds and what importing it would do. Nothing has been written.

    ``trusted`` is the person's label of the file's signer (it grants nothing, see ``signing``);
    what the file may change is in ``counts``: ``pending`` rows are changes by keys that do not
    own the records. ``warnings`` are Thai sentences (a sender's clock that is wrong, …);
    ``same_schools`` the decisions a person must make before the file can be applied;
    ``bound_on_first_use`` the codes of schools this file would bind to its signers, and
    ``bound_keys`` per such code the fingerprints bound (:meth:`bound_to_sender` tells whose);
    ``made_one``
    the codes given as ``same_schools`` whose record typed here the file's school replaces;
    ``bound_waiting`` (the key's 8 groups, the school's code) per binding by the 8 groups that
    waited for a key of this file and is made with it (``waiting.py``)."""

    source: Path
    format_version: int
    app_version: str
    frameworks: list[dict[str, str]]
    exporter_installation: str
    exporter_name: str
    exported_at: str
    scope: dict[str, Any]
    fingerprint: str
    signer_name: str
    signed_ok: bool
    trusted: bool
    is_own: bool
    counts: dict[str, KindCounts]
    conflicts: list[ConflictInfo]
    files_total: int = 0
    files_new: int = 0
    pending: list[PendingInfo] = field(default_factory=list)
    # (table, record id) of the changes the file brings that wait here already (KindCounts.waiting)
    already_waiting: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    same_schools: list[SameSchool] = field(default_factory=list)
    bound_on_first_use: list[str] = field(default_factory=list)
    bound_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code -> fingerprints bound
    made_one: list[str] = field(default_factory=list)  # codes of same_schools the file's school took over
    # (key's 8 groups, school code): bindings by the 8 groups that waited for this file's key (waiting.py)
    bound_waiting: list[tuple[str, str]] = field(default_factory=list)
    # (what became of it: "insert", "update", "unchanged", "older", "pending", "conflict"; code;
    # name in the file) per school record of the file (TEST30a B3: a result names its schools)
    schools: list[tuple[str, str, str]] = field(default_factory=list)
    # fx31d (RETEST31 R3): rows it applies that are changes a person rejected here (their signer
    # has become the record's owner since); the card says so before the import
    overrides_rejected: int = 0
    # Who sent the file, in words a district recognises (TEST31 T3: not the computer's name "vm")
    sender: Sender = field(default_factory=Sender)
    # s32 B20: the area offices whose decisions signed by this file's key wait only because the key
    # is not bound here as their office: the preview offers "this key is my office's" for them
    office_offer: tuple[str, ...] = ()
    # TEST34C C3: the confirmed visits this file reopens, who reopened them, why, confirmed again or not
    revised_visits: list[RevisedVisit] = field(default_factory=list)
    # TEST35 T1: the visits this file deletes here (their maker deleted them), by school and day
    removed_visits: list[RemovedVisit] = field(default_factory=list)

    @property
    def short_fingerprint(self) -> str:
        """The first 16 hex digits of the signer's fingerprint in groups of four (``"ABCD EF12 …"``)."""
        return signing.format_fingerprint(self.fingerprint)

    @property
    def groups(self) -> str:
        """The signer's fingerprint as a person reads it out (``ABCD-EF12-…``, 32 digits)."""
        return signing.fingerprint_groups(self.fingerprint)

    def bound_to_sender(self, code: str) -> bool:
        """True when the school ``code`` of :attr:`bound_on_first_use` is bound to the key that
        signed this file (its sender recorded the school itself: the school's laptop, or an office
        that typed it), False when to other keys its owner's statement names (a relayed school)."""
        return self.bound_keys.get(code, (self.fingerprint,)) == (self.fingerprint,)

    @property
    def changes_anything(self) -> bool:
        """True when importing would add or update a record, keep a conflict or a pending change."""
        return any(c.new or c.updated or c.conflicting or c.pending for c in self.counts.values())

    def lines(self) -> list[str]:
        """A Thai summary for the command line and logs."""
        trust = "ผู้ลงนามที่เชื่อถือ" if self.trusted else "ยังไม่ได้ระบุว่าเชื่อถือผู้ลงนามนี้"
        lines = [
            # Names from the file (its own name, the sender's): shown escaped (issue 10 finding #13).
            f"ไฟล์ {for_terminal(self.source.name)}: ส่งออกโดย {for_terminal(self._sender_words(True))}"
            f" เมื่อ {format_moment(self.exported_at)}",  # local time, BE (C14 item 6)
            f"  ลงนามโดย {for_terminal(self._sender_words(False))} · ลายนิ้วมือ {self.groups} – {trust}",
        ]
        for table in TABLES:
            c = self.counts[table]
            if c.total:
                lines.append(
                    f"  {KIND_LABELS[table]}: ใหม่ {c.new_shown:,} ปรับปรุง {c.updated:,} เหมือนเดิม {c.unchanged_shown:,}"
                    f" ขัดแย้ง {c.conflicting:,}" + (f" ของเครื่องนี้ใหม่กว่า {c.older:,}" if c.older else "")
                    + (f" รอตรวจสอบ {c.pending:,}" if c.pending else "")
                    + (f" รอตรวจสอบอยู่แล้ว {c.waiting:,}" if c.waiting else "")
                    + (f" ไม่รับ {c.refused:,}" if c.refused else "")
                    + (DELETED_TOO.format(count=f"{c.deleted_quiet:,}") if c.deleted_quiet else "")
                )
        lines.append(f"  ไฟล์แนบ: {self.files_total:,} ไฟล์ (ใหม่ {self.files_new:,})")
        for code in self.bound_on_first_use:  # whose key: the sender's own, or the owner's it relays (try27 F4)
            lines.append(f"  โรงเรียนรหัส {code} เข้ามาครั้งแรก: " + (
                BOUND_TO_SENDER if self.bound_to_sender(code) else BOUND_TO_OWNER.format(
                    groups=", ".join(signing.fingerprint_groups(key) for key in self.bound_keys[code]))))
        for groups, code in self.bound_waiting:
            lines.append(f"  กุญแจ {groups} ผูกกับโรงเรียนรหัส {code} ตามที่ผูกด้วยลายนิ้วมือไว้รอไฟล์แรกของเครื่องนั้น")
        for match in self.same_schools:
            lines.append(
                f"  โรงเรียนรหัส {match.code} \"{match.incoming_name}\" ตรงกับ \"{match.local_name}\" ที่มีอยู่แล้ว"
                " หากเป็นโรงเรียนเดียวกัน ให้ยืนยันก่อนนำเข้า"
            )
        lines += [revised_line(revised) for revised in self.revised_visits]
        lines += [removed_line(self.removed_visits)] if self.removed_visits else []
        for conflict in self.conflicts:
            lines.append(f"  ขัดแย้ง: {conflict.description}")
        lines += office_waiting.file_lines(self)  # the office's decisions apart (s35 exch35, TEST34B B7)
        lines += [f"  คำเตือน: {warning}" for warning in self.warnings]
        return lines

    def _sender_words(self, machine: bool) -> str:
        """The sender (:attr:`sender`; the computer's name after it when ``machine``); the names
        of the manifest when the result was made without one (a stand-in)."""
        if self.sender.schools or self.sender.visitors or self.sender.machine:
            return self.sender.with_machine() if machine else self.sender.words()
        return self.exporter_name if machine else self.signer_name


BOUND_SAME = ("  โรงเรียนรหัส {code} (เป็นโรงเรียนเดียวกัน): ผูกกับกุญแจ {groups} แล้ว"
              " แทนกุญแจที่ผูกกับรายการที่พิมพ์ไว้ในเครื่องนี้ ต่อไปเฉพาะไฟล์ที่ลงนามด้วยกุญแจนี้จึงแก้ไขข้อมูลของโรงเรียนได้")
# A school typed here made the school's own (ImportResult.made_same), and what moved with it.
MADE_SAME = "  โรงเรียนรหัส {code} \"{typed}\" ที่พิมพ์ไว้ในเครื่องนี้ เป็นข้อมูลของโรงเรียนเอง (\"{own}\") แล้ว"
MOVED = "    ข้อมูลที่ย้ายจากรายการที่พิมพ์ไว้มาอยู่กับโรงเรียนนี้: {what}"
MOVED_ONE = "{kind} {count:,} รายการ"
MOVED_NONE = "    ไม่มีความคิดเห็น บันทึกการติดต่อ หรือการนิเทศที่ต้องย้ายจากรายการที่พิมพ์ไว้"
# s33: the file's key bound as the office a person named (import --office, the preview's tick), and
# the office's decisions that applied with it (this file's, and earlier files' that waited for it).
OFFICE_BOUND = "  ผูกกุญแจ {groups} เป็นกุญแจของ {area} แล้ว · ใช้ผลการตรวจของสำนักงาน {count} รายการ"
OWN_BROUGHT_BACK = ("  ความคิดเห็น {count} รายการที่บันทึกในเครื่องนี้ ซึ่งเก็บแยกไว้พร้อมการนิเทศเมื่อลืมกุญแจ"
                    " กลับมาอยู่กับข้อตกลงติดตามผลที่ตอบไว้แล้ว")


@dataclass
class ImportResult(ImportPreview):
    """What importing did (same fields as the preview, now applied); ``own_brought_back``: rows
    typed here that ``signers --forget`` had kept aside with a visit this file brought back."""

    files_written: int = 0
    own_brought_back: int = 0
    office_rejudged: Any = None  # s32 B20: what binding the office's key (office_key=) applied, or None
    office_bound: str = ""  # s32 B20: the area office the file's key was bound as (office_key=)
    office_decided: int = 0  # s33: the office's decisions applied by that binding (this file's and earlier ones')
    # code -> the fingerprints the school is bound to now, per code of made_one (test28 N8)
    bound_same: dict[str, tuple[str, ...]] = field(default_factory=dict)
    made_same: list[MadeSame] = field(default_factory=list)  # the typed schools made the school's own
    # Changes that waited for a person, judged again because this import made their signer an owner
    # (retest30 N1), and rejected ones the owner's file brought again (``rejudge.py``).
    rejudged: "Rejudged" = field(default_factory=lambda: Rejudged())
    reapplied: int = 0
    # s34 exw34b B1: conflicts a program before s33 kept between two identical versions, settled by
    # this import or by the opening before it (equal_kept.py): no longer in the conflict list
    equal_settled: int = 0

    def lines(self) -> list[str]:
        """The preview's Thai summary, the schools typed here made the school's own and what moved
        with them (fx30 B7a), whose keys the schools made one are bound to now, and the rows typed
        here this import put back (test28 N1)."""
        made: list[str] = []
        filed = {same.code for same in self.made_same if same.from_file}  # not typed here (retest30 N3)
        for same in self.made_same:
            made.append((MADE_SAME_FILED if same.from_file else MADE_SAME).format(
                code=same.code, typed=for_terminal(same.typed_name), own=for_terminal(same.own_name)))
            made.append((MOVED_FILED if same.from_file else MOVED).format(what=", ".join(
                MOVED_ONE.format(kind=KIND_LABELS[table], count=count) for table, count in same.moved.items()))
                if same.moved else MOVED_NONE_FILED if same.from_file else MOVED_NONE)
        return super().lines() + made + [(BOUND_SAME_FILED if code in filed else BOUND_SAME).format(
            code=code, groups=", ".join(map(signing.fingerprint_groups, keys)))
            for code, keys in self.bound_same.items() if keys] + (
            [OWN_BROUGHT_BACK.format(count=self.own_brought_back)] if self.own_brought_back else []) + (
            [OFFICE_BOUND.format(groups=self.groups, area=self.office_bound, count=f"{self.office_decided:,}")]
            if self.office_bound else []) + [
            "  " + line for line in self.rejudged.lines()] + (
            [REAPPLIED.format(count=f"{self.reapplied:,}")] if self.reapplied else []) + (
            [EQUAL_SETTLED.format(count=f"{self.equal_settled:,}")] if self.equal_settled else [])


# s34 exw34b B1: said once, by the import after the update (or the opening before it)
EQUAL_SETTLED = ("  ข้อมูลที่แก้ไขซ้อนกันซึ่งค้างไว้ {count} รายการ ทั้งสองฉบับเหมือนกันทุกช่อง"
                 " (ต่างกันเพียงลำดับการแก้ไข) จึงรวมเป็นฉบับเดียวให้แล้ว ไม่ต้องเลือกฉบับใดอีก")


# fx31b (retest30 N3): the same lines when the record that gave way came in a file of another key
# (one forgotten since), not typed here (MadeSame.from_file).
MADE_SAME_FILED = ("  โรงเรียนรหัส {code} \"{typed}\" ที่มาจากไฟล์ของกุญแจอื่น (ไม่ได้พิมพ์ในเครื่องนี้)"
                   " เป็นข้อมูลของโรงเรียนเอง (\"{own}\") แล้ว")
MOVED_FILED = "    ข้อมูลที่ย้ายจากรายการเดิมมาอยู่กับโรงเรียนนี้: {what}"
MOVED_NONE_FILED = "    ไม่มีความคิดเห็น บันทึกการติดต่อ หรือการนิเทศที่ต้องย้ายจากรายการเดิม"
BOUND_SAME_FILED = ("  โรงเรียนรหัส {code} (เป็นโรงเรียนเดียวกัน): ผูกกับกุญแจ {groups} แล้ว"
                    " ต่อไปเฉพาะไฟล์ที่ลงนามด้วยกุญแจนี้จึงแก้ไขข้อมูลของโรงเรียนได้")


# fx31b (TEST30a B3 in the command line): the schools of an import, named as the window names them.
SCHOOLS_SHOWN = 20  # schools named one a line; a longer batch ends with SCHOOLS_MORE
SCHOOLS_COUNT = "โรงเรียนใหม่ {new} โรงเรียน · ปรับปรุง {updated} โรงเรียน · ไม่เปลี่ยนแปลง {same} โรงเรียน"
SCHOOL_LINES = {"insert": "  โรงเรียนใหม่: {code} {name}", "update": "  ปรับปรุง: {code} {name}",
                "same": "  ไม่เปลี่ยนแปลง: {code} {name}"}
SCHOOLS_MORE = "  และอีก {count} โรงเรียน"
_PRECEDENCE = {"insert": 2, "update": 1, "same": 0}


def school_actions(result: ImportPreview) -> list[tuple[str, str, str]]:
    """(``"insert"``, ``"update"`` or ``"same"``; code; name in the file) per school record of
    ``result`` (:attr:`ImportPreview.schools`). A one-school file whose other records changed
    (answers …) updated its school though the school's own row did not change (retest30 N4); a
    file of several schools cannot say which, so its rows decide. A school made one with the record
    typed here (``made_one``) was listed already: updated, not new (s33 exB T11)."""
    rows = list(getattr(result, "schools", ()))  # a window's stand-in result may hold none
    records = len(rows) == 1 and any(c.new or c.updated for table, c in result.counts.items() if table != "schools")
    made_one = set(getattr(result, "made_one", ()))
    found = []
    for action, code, name in rows:
        action = "update" if (records and action not in ("insert", "update")) or (
            action == "insert" and code in made_one) else action
        found.append((action if action in ("insert", "update") else "same", code, name))
    return found


@dataclass
class SchoolsDone:
    """The schools of a batch of imports, each once, by what became of it: new (``insert``) over
    updated over unchanged (``same``) when several files bring it. :meth:`add` each result."""

    schools: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (action, name)

    def add(self, result: ImportPreview) -> list[tuple[str, str, str]]:
        """Count the schools of ``result``; returns its :func:`school_actions`."""
        actions = school_actions(result)
        for action, code, name in actions:
            before = self.schools.get(code)
            if before is None or _PRECEDENCE[action] > _PRECEDENCE[before[0]]:
                self.schools[code] = (action, name)
        return actions

    def counts(self) -> dict[str, int]:
        """How many schools are new, updated and unchanged (keys ``new``, ``updated``, ``same``)."""
        actions = [action for action, _name in self.schools.values()]
        return {"new": actions.count("insert"), "updated": actions.count("update"), "same": actions.count("same")}

    def lines(self, shown: int = SCHOOLS_SHOWN) -> list[str]:
        """The count (:data:`SCHOOLS_COUNT`), then one line per school (new, updated, unchanged;
        each in code order) up to ``shown``, then :data:`SCHOOLS_MORE` for the rest; [] when no
        school. Names from files: printed safely (``for_terminal``)."""
        if not self.schools:
            return []
        ordered = sorted(self.schools.items(), key=lambda item: (-_PRECEDENCE[item[1][0]], item[0]))
        lines = [SCHOOLS_COUNT.format(**{key: f"{value:,}" for key, value in self.counts().items()})]
        lines += [SCHOOL_LINES[action].format(code=code, name=for_terminal(name))
                  for code, (action, name) in ordered[:shown]]
        if len(ordered) > shown:
            lines.append(SCHOOLS_MORE.format(count=f"{len(ordered) - shown:,}"))
        return lines


# fx31c (TEST31 T12): after a kind's counts, the records deleted at the sender they leave out.
DELETED_TOO = " (ไม่นับรายการที่ลบแล้ว {count})"  # deleted at the sender, nothing to see (KindCounts.deleted_quiet)
