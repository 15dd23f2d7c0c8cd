"""The demo's contact log (issue 15; see :mod:`.demo`): the advice the seeds give by phone and LINE,
and a meeting in person that counts as a visit (``resources/coverage/rules.json``), spread so that
the coverage page shows schools overdue, due and done. Fixed offsets from ``today`` (working days),
no random numbers: the rest of the demo stays as it was."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

from .schools import School
from .workspace import Workspace

# band -> (days before today, channel, topic, who), for every school of that band.
CONTACTS: dict[str, tuple[tuple[int, str, str, str], ...]] = {
    "red": ((5, "phone", "โทรสอบถามความคืบหน้าการจัดทำแผนนิเทศภายในตามข้อตกลง", "ผู้อำนวยการโรงเรียน"),
            (12, "line", "ส่งแนวทางการประเมินตนเองรอบที่ ๒ ทาง LINE กลุ่มโรงเรียนคุณภาพ", "ครูวิชาการ")),
    "orange": ((3, "in_person", "พบผู้อำนวยการที่การประชุมเครือข่ายโรงเรียนคุณภาพ ติดตามข้อตกลงจากการนิเทศ",
                "ผู้อำนวยการโรงเรียน"),),
    "yellow": ((8, "line", "ติดตามการประเมินตนเองรอบใหม่ของกลุ่มสีเหลือง (ประเมิน ๓ ครั้ง)", "ครูวิชาการ"),
               (20, "phone", "นัดหมายวันนิเทศ ติดตามในภาคเรียนนี้", "รองผู้อำนวยการโรงเรียน")),
    "green": ((15, "email", "ส่งแบบรายงานผลการดำเนินงานตามแนวทางพัฒนาโรงเรียนคุณภาพ", "ครูวิชาการ"),),
}
GREEN_CONTACTED = 2  # the first two green schools
# The yellow school visited longest ago hears nothing from the office: with its last visit months
# ago it is the demo's school "not touched in 60 days", overdue from the first day of the term
# (RETEST15 N2: the issue asks for demo schools due and some overdue).


def _working_day(today: date, days_before: int) -> date:
    day = today - timedelta(days=days_before)
    while day.weekday() >= 5:  # offices call on working days
        day -= timedelta(days=1)
    return day


def add_demo_contacts(workspace: Workspace, schools: Sequence[tuple[School, str]], *, today: date) -> None:
    """Add the demo's contact log for ``schools`` ((school, colour band) in the demo's order), dated
    before ``today``. Raises :class:`~qualityschool_desktop.errors.StorageError` when the database
    cannot be written (inside :func:`~.demo.build_demo`'s transaction, which then leaves nothing)."""
    greens = 0
    last_visits = {school.id: str(workspace.db.execute(
        "SELECT COALESCE(MAX(visited_on), '') FROM visits WHERE school_id = ?", [school.id]).fetchone()[0])
        for school, band in schools if band == "yellow"}
    visited = [school_id for school_id, day in last_visits.items() if day]
    untouched = min(visited, key=lambda school_id: last_visits[school_id]) if visited else None
    for school, band in schools:
        if band == "green":
            greens += 1
            if greens > GREEN_CONTACTED:
                continue
        if school.id == untouched:
            continue
        for days_before, channel, topic, who in CONTACTS.get(band, ()):
            workspace.contacts.add(school.id, _working_day(today, days_before), channel, topic, who)
