"""TEST31 T3: the export's suggested file name names who sends it (the school's code and short
name, the supervisor, the office), with a Buddhist-Era date, safe for Windows file names; every
school no longer sends "ข้อมูลทั้งหมด-2569-12-02.qsx"."""

from __future__ import annotations

from datetime import date

from qualityschool_desktop.exchange.senders import own_sender
from tests.laptops import CODE_A, laptops, start_school, start_visit  # noqa: F401 (a fixture)
from tests.test_exchange_accept_owners import Laptops
from ui.exchange.export_dialog import default_export_name

DAY = date(2026, 12, 2)
VISITOR = "นางวิไล รักการสอน"
WINDOWS_REFUSES = set('<>:"/\\|?*')


def test_a_school_s_laptop_names_its_school(laptops: Laptops) -> None:  # noqa: F811
    school = laptops("school-a")
    with school.open() as workspace:
        start_school(workspace, name="โรงเรียนบ้านทดลอง/สามเงา")
        sender = own_sender(workspace)
        chosen = workspace.schools.by_code(CODE_A)
    name = default_export_name("all", sender=sender, today=DAY)
    assert name == f"ข้อมูลทั้งหมด-{CODE_A}-บ้านทดลอง-สามเงา-2569-12-02.qsx", name
    assert not WINDOWS_REFUSES & set(name)
    one = default_export_name("school", school=chosen, sender=sender, today=DAY)
    assert one == f"ข้อมูล-{CODE_A}-บ้านทดลอง-สามเงา-2569-12-02.qsx", one


def test_a_supervisor_s_laptop_names_the_supervisor(laptops: Laptops) -> None:  # noqa: F811
    school, supervisor = laptops("school-a"), laptops("supervisor")
    with school.open() as workspace:
        ids = start_school(workspace)
    supervisor.import_(school.export("school.qsx"))
    with supervisor.open() as workspace:
        start_visit(workspace, ids["school"], visitor=VISITOR)
        sender = own_sender(workspace)
    assert sender.schools == () and sender.visitors == (VISITOR,)
    assert default_export_name("all", sender=sender, today=DAY) == "ข้อมูลทั้งหมด-ผู้นิเทศ-นางวิไล-รักการสอน-2569-12-02.qsx"


def test_an_office_s_laptop_names_its_office(laptops: Laptops) -> None:  # noqa: F811
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.schools.update(workspace.schools.by_code(CODE_A).id, area_office="สพป.ตาก เขต 1")
        workspace.assessments.submit(ids["assessment"])
    district.import_(school.export("school.qsx"))
    with district.open() as workspace:
        # s32 A2: having only imported a school's file (as a supervisor's laptop may), it is no office yet
        assert own_sender(workspace).office == ""
        workspace.reviews.decide(ids["assessment"], "accepted", office_name="สพป.ตาก เขต 1")
        sender = own_sender(workspace)  # it reviews as the office: named so
    assert sender.office == "สพป.ตาก เขต 1"
    assert default_export_name("all", sender=sender, today=DAY) == "ข้อมูลทั้งหมด-สพป.ตาก-เขต-1-2569-12-02.qsx"
