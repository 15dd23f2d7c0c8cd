"""Rules that hold across machines, whoever sends what.

* A stamp more than :data:`FUTURE` ahead of this laptop's clock is not a real time: the file is
  refused. A stamp in the past is fine (a laptop whose clock is years behind still exchanges, its
  changes judged by version), but a sign that the sender's clock is wrong becomes a warning.
* A visit that is final here changes (the visit, its people, findings, attachments, the wording of
  its follow-ups) only when the same file brings a new reopen event by the visit's owner.
* A project whose activities were done, or money disbursed, after this laptop's today (the rule
  the write path refuses, ``projects/dates.py``) is taken in with a warning, as a stamp ahead of
  the clock is: which laptop's clock is wrong cannot be told here.
* Within a file, an id and a unique key (an answer's assessment and item, …) appear once; a new
  record may not take a unique key another record holds here.

Ids and keys met are kept as 64-bit hashes (Python's own ``hash``: SipHash with a key drawn at each
start for text, so a sender cannot aim at a collision), not strings: a file of many small rows then
needs some 60 bytes per row for them, which keeps the preview's and the import's memory within a
few times the file's size. Two different ids share a hash with a chance of n²/2⁶⁵ (one in 35 million
for a million rows); the file would then be refused as holding a record twice, never accepted wrongly.
"""

from __future__ import annotations

from datetime import timedelta
import json
from typing import Callable, TYPE_CHECKING, Any

from .. import clock
from ..budget.money import format_baht
from ..errors import ValidationError
from ..projects.dates import check_not_ahead
from ..clock import parse_iso
from ..thai import Moment, Own, Sentence
from .lineage import Lineage
from .owners import root_of
from .records import KIND_LABELS, UNIQUE_KEYS, ExchangeError

if TYPE_CHECKING:
    import sqlite3

FUTURE = timedelta(days=1)  # a stamp further ahead of this laptop's clock is not a real time
CLOCK_FLOOR = "2024-01-01T00:00:00Z"  # before the programme: a sender's clock that says so is wrong
LATE_BY = timedelta(days=1)
# Follow-ups of a final visit keep their wording; their status may change at any time.
STATUS_COLUMNS = frozenset({"status", "closed_on", "closed_in_visit_id", "modified_at", "modified_by", "version"})

FUTURE_STAMP = (
    "{what} ในไฟล์ {source} มีเวลา {stamp} ซึ่งอยู่ในอนาคตเมื่อเทียบกับนาฬิกาของเครื่องนี้ นาฬิกาของเครื่องนี้"
    "หรือของเครื่องที่ส่งอาจตั้งผิด ข้อมูลตัดสินตามลำดับการแก้ไข ไม่ใช่ตามเวลา จึงนำเข้าได้ตามปกติ"
    " แต่ควรตรวจวันที่และเวลาของทั้งสองเครื่อง"
)
FINAL_WITHOUT_REOPEN = (
    "{what} ในไฟล์ {source} เปลี่ยนบันทึกการนิเทศที่ยืนยันแล้ว โดยไม่มีการเปิดแก้ไขที่บันทึกไว้โดยผู้บันทึกการนิเทศ"
    " โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
CLOCK_WRONG = (
    "นาฬิกาของเครื่อง {name} อาจผิด ({why}) ข้อมูลจากเครื่องนั้นตัดสินตามลำดับการแก้ไข ไม่ใช่ตามเวลา"
    " จึงนำเข้าได้ตามปกติ แต่ควรตั้งวันที่และเวลาของเครื่องนั้นให้ถูกต้อง"
)
OVER_REQUEST = (
    "{what} ในไฟล์ {source} อนุมัติ {approved} บาท มากกว่าที่โรงเรียนขอ {requested} บาท"
    " (สำนักงานอนุมัติได้ไม่เกินจำนวนที่ขอ) โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
PROJECT_AHEAD = (
    "{what} ในไฟล์ {source}: {why} นาฬิกาของเครื่องนี้หรือของเครื่องที่ส่งอาจตั้งผิด จึงนำเข้าได้ตามปกติ"
    " แต่ควรตรวจวันที่ของโครงการและวันที่และเวลาของทั้งสองเครื่อง"
)
TWICE = "ข้อมูล{kind} บรรทัดที่ {line} ซ้ำกับรายการก่อนหน้าในไฟล์"
CLASH = (
    "{what} ในไฟล์ {source} ซ้ำกับรายการอื่นที่มีอยู่แล้วในฐานข้อมูลนี้ (บันทึกแยกกันคนละเครื่อง)"
    " โปรแกรมจึงไม่นำเข้าไฟล์นี้"
)


def _key(*parts: Any) -> int:
    return hash(parts)  # BLAKE2b of the parts' repr cost 3 µs a row, for no better answer


class Rules:
    """The rules across machines for one file (see the module's docstring): stamps against this
    laptop's clock, final visits, ids and unique keys once. ``warnings`` collects the Thai clock
    warnings; the ``check_*`` methods raise :class:`~.records.ExchangeError` to refuse the file."""

    def __init__(self, source: str, lineage: Lineage, warnings: list[str],
                 owns_visit: Callable[[str, str], bool] = lambda _maker, _who: False) -> None:
        self.source = source
        self.owns_visit = owns_visit  # (visit maker, installation): may it reopen the maker's visits?
        self.lineage = lineage
        self.warnings = warnings
        self.latest = clock.now() + FUTURE
        self._latest_text = clock.iso(self.latest)[:19]  # stamps sort as text: a quick first test
        self.reopened: set[tuple[str, str]] = set()  # (visit id, owner) reopened by a new event in the file
        self._ids: dict[str, set[int]] = {}
        self._keys: dict[str, dict[int, int]] = {}
        self._warned_late = False
        self._warned_future = False

    # -- time ----------------------------------------------------------------------------------
    def in_future(self, stamp: str) -> bool:
        """True when ``stamp`` (a checked UTC stamp) is later than this laptop's clock allows."""
        return stamp > self._latest_text and parse_iso(stamp) > self.latest

    def check_stamp(self, stamp: str, what: Any) -> None:
        """Warn (once per file, naming ``what``) about a UTC stamp more than :data:`FUTURE` (one
        day) ahead of this laptop's clock. Not a refusal: stamps are for display and merges
        follow versions, so a laptop whose clock is years off either way still exchanges (issue
        10); which of the two clocks is wrong cannot be told from here. A stamp that is not a
        real time was refused earlier, when the row was read."""
        if parse_iso(stamp) > self.latest and not self._warned_future:
            self._warned_future = True
            self.warnings.append(Sentence(FUTURE_STAMP, what=what, source=self.source, stamp=Moment(stamp)))

    def check_export_time(self, exported_at: str, sender: str) -> None:
        """Warn about a file exported in the future (as :meth:`check_stamp`), and, naming
        ``sender``, when it says it was exported before :data:`CLOCK_FLOOR` (its clock is wrong)."""
        self.check_stamp(exported_at, "ไฟล์")
        if exported_at < CLOCK_FLOOR:
            self.warn(sender, Sentence("วันที่ส่งออก {when} เก่ากว่าที่โปรแกรมนี้มีอยู่", when=Moment(exported_at)))

    def check_late_clock(self, row: dict[str, Any], local: dict[str, Any], sender: str) -> None:
        """A change made after ours was seen but stamped well before it: its laptop's clock is behind.
        Not when ours is stamped in the future of this laptop's clock: then the earlier stamp was
        the wrong one (a fast clock since put right, already warned about), not this one (try10 F9)."""
        if self._warned_late:
            return
        try:
            ours = parse_iso(local["modified_at"])
            late = parse_iso(row["modified_at"]) < ours - LATE_BY and ours <= self.latest
        except (ValueError, OverflowError):  # a stamp stored before the rule of years (0001-01-01)
            return
        if late:
            self._warned_late = True
            self.warn(sender, Sentence("แก้ไขหลังฉบับของเครื่องนี้ แต่ลงเวลา {theirs} ก่อนหน้า {ours}",
                                       theirs=Moment(row["modified_at"]), ours=Moment(local["modified_at"])))

    def warn(self, name: str, why: Sentence) -> None:
        """Add the Thai warning that ``name``'s clock may be wrong (``why``), once."""
        text = Sentence(CLOCK_WRONG, name=name, why=why)
        if text not in self.warnings:
            self.warnings.append(text)

    # -- final visits --------------------------------------------------------------------------
    def check_final_visit(self, table: str, row: dict[str, Any], local: dict[str, Any] | None, what: str) -> None:
        """A visit final here changes only when this file brings a reopen of it by its owner (its
        follow-ups' status may change at any time): raises :class:`~.records.ExchangeError`
        otherwise."""
        if root_of(table) != "visits" or table == "visit_events":
            return
        if table == "visits":
            if local is None or local["status"] != "final":
                return
            visit_id, owner = row["id"], local["made_by"]
        else:
            visit = self.lineage.parent("visits", row["visit_id"])
            if visit is None or not visit.final:
                return
            visit_id, owner = row["visit_id"], visit.owner
        if any(v == visit_id and (who == owner or self.owns_visit(owner, who)) for v, who in self.reopened):
            return
        if table == "follow_ups" and local is not None and all(
            local[c] == row[c] for c in row if c not in STATUS_COLUMNS
        ):
            return
        raise ExchangeError(Sentence(FINAL_WITHOUT_REOPEN, what=what, source=self.source))

    # -- budget decisions ----------------------------------------------------------------------
    def check_budget_decision(self, conn: "sqlite3.Connection", table: str, row: dict[str, Any], what: Any) -> None:
        """An office's decision approves at most what the school asked for (quantity × unit price,
        satang), the rule of ``BudgetRequests.set_approval`` (issue 14): raises
        :class:`~.records.ExchangeError` (Thai, both amounts in baht) otherwise. A decision whose
        request this database does not hold yet (a preview of a file that brings both) is not
        checked here: the import checks it once the request is written."""
        if table != "budget_decisions" or row.get("approved_satang") is None:
            return
        found = conn.execute("SELECT quantity * unit_price_satang FROM budget_requests WHERE id = ?",
                             [row["request_id"]]).fetchone()
        if found is not None and row["approved_satang"] > found[0]:
            raise ExchangeError(Sentence(OVER_REQUEST, what=what, source=self.source,
                                         approved=Own(format_baht(row["approved_satang"])),
                                         requested=Own(format_baht(found[0]))))

    # -- projects -----------------------------------------------------------------------------
    def check_project_dates(self, table: str, row: dict[str, Any], what: Any) -> None:
        """Warn (naming ``what``, once per project) about a project whose activities were done, or
        money disbursed, after this laptop's today (with :data:`FUTURE`'s day of leeway): the rule
        the write path refuses (``projects/dates.py``, RETEST15 N5). Not a refusal, as for any
        value judged by the clock: which of the two laptops' clocks is wrong cannot be told here,
        and refusing would hold back every other record of the file."""
        if table != "projects":
            return
        try:
            check_not_ahead(row["fiscal_year"], json.loads(row["activities"]), json.loads(row["budget_lines"]),
                            clock.today() + FUTURE)
        except ValidationError as error:
            text = Sentence(PROJECT_AHEAD, what=what, source=self.source, why=str(error))
            if text not in self.warnings:
                self.warnings.append(text)

    # -- once in a file, unique here -----------------------------------------------------------
    @property
    def latest_text(self) -> str:
        """The latest stamp this laptop's clock allows, as text to compare a stamp with first (a
        stamp not above it is not in the future; one above it is parsed: :meth:`in_future`)."""
        return self._latest_text

    def ids_of(self, table: str) -> set[int]:
        """The ids of ``table`` met in the file so far, as :meth:`check_new_id` keeps them (a
        caller that checks ids inline adds to it and calls :meth:`check_new_id` on a repeat)."""
        return self._ids.setdefault(table, set())

    def check_new_id(self, table: str, line: int, record_id: str) -> None:
        """Refuse (:class:`~.records.ExchangeError` naming the line) an id the file already gave
        a record of ``table`` (compared as 64-bit hashes: see the module's docstring)."""
        seen = self._ids.setdefault(table, set())
        key = _key(record_id)
        if key in seen:
            raise ExchangeError(TWICE.format(kind=KIND_LABELS[table], line=line))
        seen.add(key)

    def check_unique(self, conn: "sqlite3.Connection", table: str, row: dict[str, Any],
                     local: dict[str, Any] | None, what: str, *, here_too: bool) -> None:
        """A unique key (besides the id) once in the file and, when ``here_too``, not another
        record's here: raises :class:`~.records.ExchangeError` (the file may be damaged, or the
        record was made apart on two laptops) otherwise. Schools' codes are checked elsewhere
        (a person may say two are the same school)."""
        columns = UNIQUE_KEYS.get(table)
        if not columns or table == "schools":
            return
        values = [row[c] for c in columns]
        key, record = _key(*values), _key(row["id"])
        seen = self._keys.setdefault(table, {})
        if seen.get(key, record) != record:
            raise ExchangeError(f"ไฟล์ {self.source} มี{what} ซ้ำกันสองรายการ ไฟล์นี้อาจเสียหาย")
        seen[key] = record
        if not here_too or (local is not None and all(local[c] == row[c] for c in columns)):
            return
        found = conn.execute(f"SELECT id FROM {table} WHERE {' AND '.join(f'{c} = ?' for c in columns)}",
                             values).fetchone()
        if found is not None and found[0] != row["id"]:
            raise ExchangeError(CLASH.format(what=what, source=self.source))
