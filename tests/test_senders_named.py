"""s32 A3/B20/A2: a sender is named as the exchange knows it (the school its key owns here, the
supervisor whose visits it made, the office its key is bound as), not the computer's name "vm" nor
"ไม่ระบุชื่อ"; and a laptop that is not an office does not sign its files as one."""

from __future__ import annotations

from typing import Callable

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange import senders
from qualityschool_desktop.review import offices

from .laptops import CODE_A, NAME_A, Laptop, laptops, start_school, start_visit  # noqa: F401 (a fixture)
from .test_review_offices import AREA, COMMENT, submitted_at

Laptops = Callable[[str], Laptop]
VISITOR = "นายสมศักดิ์ รักเรียน"


def test_the_signers_and_pending_name_the_school_the_supervisor_and_the_office(laptops: Laptops) -> None:
    school, ids, (supervisor, district) = submitted_at(laptops, "supervisor", "district")
    with supervisor.open() as workspace:
        start_visit(workspace, ids["school"], visitor=VISITOR)
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "returned", COMMENT, office_name=AREA)
    visit_file = supervisor.export("v.qsx", visitor=VISITOR)
    district_file = district.export("d.qsx", school_codes=[CODE_A])
    with school.open() as workspace:
        preview = exchange.preview_import(workspace, district_file)
    assert "สพป.ตาก เขต 2" in preview.sender.words(), preview.sender.words()  # not only "เครื่อง vm"
    school.import_(visit_file)
    school.import_(district_file)
    with school.open() as workspace:
        (waiting,) = exchange.list_pending(workspace)
        assert "สพป.ตาก เขต 2" in waiting.sender.words()
        named = {s.fingerprint: s.sender.words() for s in exchange.list_signers(workspace)}
        assert named[supervisor.fingerprint] == f"ผู้นิเทศ {VISITOR}"
        offices.bind(workspace, district.fingerprint, AREA)
        named = {s.fingerprint: s.sender.words() for s in exchange.list_signers(workspace)}
        assert named[district.fingerprint] == "สพป.ตาก เขต 2"
    with district.open() as workspace:
        named = {s.fingerprint: s.sender.words() for s in exchange.list_signers(workspace)}
        assert named[school.fingerprint] == f"{NAME_A} (รหัส {CODE_A})"


def test_a_laptop_that_only_imported_schools_does_not_sign_as_their_office(laptops: Laptops) -> None:
    _school, ids, (supervisor, district) = submitted_at(laptops, "supervisor", "district")
    with supervisor.open() as workspace:
        assert "สพป" not in senders.own_sender(workspace).words()
    with district.open() as workspace:  # the district reviews: it acts as the office
        workspace.reviews.decide(ids["assessment"], "returned", COMMENT, office_name=AREA)
        assert senders.own_sender(workspace).words() == "สพป.ตาก เขต 2"


def test_the_closing_summary_names_a_school_as_stored_here_when_its_change_waits(laptops: Laptops) -> None:
    """s32 A1: the supervisor's laptop changed school A's name by hand; at the district the change
    waits, and the import's closing lines name the school as stored here, not "แก้ด้วย sqlite"."""
    from qualityschool_desktop.exchange.results import SchoolsDone

    school, _ids, (supervisor, district) = submitted_at(laptops, "supervisor", "district")
    with supervisor.open() as workspace:
        workspace.db.execute("UPDATE schools SET name = 'แก้ด้วย sqlite' WHERE code = ?", [CODE_A])
        workspace.db.conn.commit()
    result = district.import_(supervisor.export("edited.qsx", school_codes=[CODE_A]))
    assert result.counts["schools"].pending == 1
    done = SchoolsDone()
    done.add(result)
    said = "\n".join(done.lines())
    assert "แก้ด้วย sqlite" not in said and NAME_A in said, said


def test_the_export_summary_says_the_attachments_size_and_the_file_s_size_apart(laptops: Laptops) -> None:
    """s32 A4: "ไฟล์แนบ: 1 ไฟล์ ขนาดไฟล์รวม 25.8 MB" gave the .qsx's size as the attachments'."""
    from dataclasses import replace

    school = laptops("school-a")
    with school.open() as workspace:
        start_school(workspace)
        summary = exchange.export_file(workspace, school.root / "files" / "a.qsx")
    summary = replace(summary, size=27_053_260, files=1, files_size=8)
    said = "\n".join(summary.lines())
    assert "ไฟล์แนบ: 1 ไฟล์ ขนาดรวม 8 ไบต์" in said, said
    assert "ขนาดไฟล์ที่ส่งออก: 25.8 MB" in said, said


def test_a_school_s_second_laptop_neither_offers_the_verdict_nor_signs_as_the_office(laptops: Laptops) -> None:
    """s32 B2: a real school laptop (not the demo) must not offer the office's "ผ่าน / ส่งกลับแก้ไข";
    the school's own laptop already did not, its second laptop did (a key learnt from a file is
    bound to the school there), and A2: it signed its files as the area office."""
    from .laptops import two_laptops_of_the_school

    a1, a2, _district, ids = two_laptops_of_the_school(laptops)
    with a1.open() as workspace:
        workspace.schools.update(ids["school"], area_office=AREA)
        assert not workspace.reviews.office_here(ids["school"])
    a2.import_(a1.export("a1.qsx"))
    with a2.open() as workspace:
        assert not workspace.reviews.office_here(ids["school"])
        assert senders.own_sender(workspace).words() == f"{NAME_A} (รหัส {CODE_A})"
