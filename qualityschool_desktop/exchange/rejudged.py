"""What judging the waiting changes again did (``rejudge.py``, RETEST30 N1), as plain values and the
Thai sentences the import's result, ``signers --bind`` and the window say. Apart from ``rejudge.py``
so that ``results.py`` and ``signing.py`` name it without importing the merge."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

REJUDGED_APPLIED = "ใช้การแก้ไขที่รอตรวจสอบ {count} รายการแล้ว (ผู้ส่งเพิ่งผูกเป็นเครื่องของโรงเรียน)"
REJUDGED_CONFLICTS = ("การแก้ไขที่รอตรวจสอบ {count} รายการจากเครื่องที่เพิ่งผูกกับโรงเรียน ขัดแย้งกับข้อมูลในเครื่องนี้"
                      " เก็บไว้ทั้งสองฉบับให้เลือกในรายการข้อมูลที่แก้ไขซ้อนกัน")
REJUDGED_SUPERSEDED = ("การแก้ไขที่รอตรวจสอบ {count} รายการจากเครื่องที่เพิ่งผูกกับโรงเรียน ไม่ต้องใช้แล้ว"
                       " เพราะข้อมูลในเครื่องนี้มีฉบับที่ใหม่กว่าอยู่แล้ว")
# A person's bind: the changes of that key it left rejected (rejudge.py: a rejection stands).
REJECTED_KEPT = ("การแก้ไขจากเครื่องนี้ที่เลือก \"ไม่ยอมรับ\" ไว้ {count} รายการยังไม่ใช้ หากต้องการใช้"
                 " ให้นำเข้าไฟล์ของเครื่องนั้นอีกครั้ง")
REAPPLIED = ("  ใช้การแก้ไข {count} รายการที่เคยเลือก \"ไม่ยอมรับ\" ไว้ ซึ่งไฟล์นี้มีอยู่ด้วย เพราะตอนนี้เครื่องที่แก้ไข"
             "เป็นเครื่องของโรงเรียนแล้ว (ผูกกุญแจกับโรงเรียนแล้ว) จึงใช้ในฐานะการแก้ไขของโรงเรียนเอง")


@dataclass(frozen=True)
class Rejudged:
    """What judging the waiting changes again did (``rejudge.py``): ``applied`` changes now in use
    as their owner's (inserted, updated, or here already), ``conflicts`` kept as conflicts
    (concurrent with what is here), ``superseded`` closed because what is here already descends
    from them; ``rejected``: changes a person rejected from the key just bound, left rejected (a
    bind's message names them; 0 after an import); ``records``: (table, record id) of the changes
    decided."""

    applied: int = 0
    conflicts: int = 0
    superseded: int = 0
    rejected: int = 0
    # (table, record id) of each waiting change decided: a batch's result no longer counts them as waiting
    records: frozenset[tuple[str, str]] = field(default_factory=frozenset, compare=False)

    @property
    def decided(self) -> int:
        """How many waiting changes left the list (applied, conflicts and superseded)."""
        return self.applied + self.conflicts + self.superseded

    def lines(self, digits: "Callable[[str], str] | None" = None) -> list[str]:
        """Thai sentences, one per count that is not 0; ``digits`` writes the numbers (the window's
        Thai digits; Arabic with thousands separators by default)."""
        write = digits or (lambda text: text)
        return [text.format(count=write(f"{count:,}")) for text, count in (
            (REJUDGED_APPLIED, self.applied), (REJUDGED_CONFLICTS, self.conflicts),
            (REJUDGED_SUPERSEDED, self.superseded), (REJECTED_KEPT, self.rejected)) if count]
