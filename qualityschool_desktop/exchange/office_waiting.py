"""What a batch of imports leaves waiting, counted once for the window and the command line
(s35 exch35, TEST34B B7/B8): the changes still waiting for a person, and of them the office's own
decisions (a review verdict, a budget decision), which wait for the office's key to be bound here,
not for anyone to judge whether their signer may change someone else's data."""

from __future__ import annotations

from typing import Any, Callable, Iterable

# The office's own records: a pending one waits for its key, it is no "change by a key that does
# not own the record" (s33 exC T1).
OFFICE_TABLES = ("review_decisions", "budget_decisions")

KIND_WORDS = {"review_decisions": "ผลการตรวจ", "budget_decisions": "ผลการอนุมัติงบประมาณ"}
KIND_COUNTED = "{kind} {count} รายการ"
KIND_OF_OFFICE = "{kind}ของสำนักงาน"
KINDS_COUNTED = "{first} และ{second}"
# A file's line in the command line's import, beside the changes by keys that do not own the records.
FILE_OFFICE_WAITING = "  {what} รอกุญแจของสำนักงาน: ได้รับแล้ว ยังไม่นำไปใช้ (ดูคำเตือนด้านล่าง)"
# The command line's last words after a batch (the window's RESULT_OFFICE_WAITING, with the command).
CLOSING_OFFICE = (
    "{what}รอตรวจสอบ: ได้รับแล้วแต่ยังไม่นำไปใช้ จนกว่าเครื่องนี้จะผูกกุญแจของสำนักงาน"
    " โทรเทียบลายนิ้วมือกับสำนักงานก่อน หากตรงกันทุกกลุ่ม ให้ผูกด้วยคำสั่ง"
    " signers --office ลายนิ้วมือ --area-office \"ชื่อสำนักงานเขตพื้นที่\""
    " (หรือในโปรแกรม: แฟ้ม › ผู้ส่งข้อมูล… › “ผูกเป็นกุญแจเขต…”) ผลนั้นจะใช้ทันที ไม่ต้องนำเข้าไฟล์อีกครั้ง"
)
CLOSING_NOT_OWNER = (
    "การแก้ไขโดยกุญแจที่ไม่ใช่เจ้าของข้อมูล {count} รายการรอตรวจสอบ: ยังไม่นำไปใช้"
    " ผู้มีหน้าที่ตรวจสอบควรดูและตัดสินใจในโปรแกรม ที่ แฟ้ม › การเปลี่ยนแปลงที่รอตรวจสอบ…"
)


def _decided(results: Iterable[Any]) -> set[tuple[str, str]]:
    """(table, record id) of the waiting changes a file of the batch applied by making their
    signer an owner (``rejudged``, retest30 N1)."""
    decided: set[tuple[str, str]] = set()
    for result in results:
        rejudged = getattr(result, "rejudged", None)
        decided |= set(rejudged.records) if rejudged is not None else set()
    return decided


def still_waiting(results: list[Any], kept: int) -> int:
    """How many of the ``kept`` changes a batch's ``results`` kept as pending still wait for a
    person: less those a later file of the batch decided by making their signer an owner
    (``rejudged``, retest30 N1), plus those waiting here already that the files brought again,
    each once, as the pending list shows them (s33 exB T6)."""
    decided = _decided(results)
    new = {(change.table, change.record_id) for result in results for change in getattr(result, "pending", ())}
    known = {pair for result in results for pair in getattr(result, "already_waiting", ())} - new - decided
    return kept - sum(1 for result in results for change in getattr(result, "pending", ())
                      if (change.table, change.record_id) in decided) + len(known)


def office_waiting_kinds(results: list[Any]) -> dict[str, int]:
    """How many of the changes a batch's ``results`` kept waiting (or brought again, waiting here
    already) are the office's decisions, by table (``OFFICE_TABLES``; kinds absent when none), less
    those a later file of the batch applied (``rejudged``)."""
    waiting = ({(change.table, change.record_id) for result in results for change in getattr(result, "pending", ())}
               | {pair for result in results for pair in getattr(result, "already_waiting", ())})
    waiting = {(table, record) for table, record in waiting if table in OFFICE_TABLES} - _decided(results)
    kinds: dict[str, int] = {}
    for table, _record in waiting:
        kinds[table] = kinds.get(table, 0) + 1
    return kinds


def kinds_counted(kinds: dict[str, int], number: Callable[[int], str] = "{:,}".format) -> str:
    """The office's decisions by kind with their counts, the first named as the office's:
    "ผลการตรวจของสำนักงาน 1 รายการ และผลการอนุมัติงบประมาณ 2 รายการ" (kinds absent are left out;
    ``number`` writes a count, Thai digits in the window)."""
    present = [table for table in OFFICE_TABLES if kinds.get(table)]
    said = [KIND_COUNTED.format(kind=KIND_WORDS[table], count=number(kinds[table])) for table in present]
    if not said:
        return ""
    said[0] = KIND_OF_OFFICE.format(kind=KIND_WORDS[present[0]]) + said[0][len(KIND_WORDS[present[0]]):]
    return said[0] if len(said) == 1 else KINDS_COUNTED.format(first=said[0], second=said[1])


def file_lines(result: Any) -> list[str]:
    """A file's lines about its pending changes for the command line: those by keys that do not own
    the records, and apart from them the office's decisions waiting for its key."""
    pending = list(getattr(result, "pending", ()))
    office: dict[str, int] = {}
    for change in pending:
        if change.table in OFFICE_TABLES:
            office[change.table] = office.get(change.table, 0) + 1
    others = len(pending) - sum(office.values())
    lines = [f"  รอตรวจสอบ {others:,} รายการ: แก้ไขโดยกุญแจที่ไม่ใช่เจ้าของข้อมูล ยังไม่ได้นำไปใช้"] if others else []
    if office:
        lines.append(FILE_OFFICE_WAITING.format(what=kinds_counted(office)))
    return lines


def closing_lines(results: list[Any]) -> list[str]:
    """The command line's last words about what a batch left waiting, counted as the window's
    result counts them: the office's decisions and what to do, then the other changes waiting."""
    kept = sum(c.pending for result in results for c in result.counts.values())
    waiting = still_waiting(results, kept)
    kinds = office_waiting_kinds(results)
    office = min(sum(kinds.values()), waiting)
    lines = [CLOSING_OFFICE.format(what=kinds_counted(kinds))] if office else []
    if waiting - office:
        lines.append(CLOSING_NOT_OWNER.format(count=f"{waiting - office:,}"))
    return lines
