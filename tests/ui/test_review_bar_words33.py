"""s33 T13 and T3 in the window: at the office a returned round the school reopened tells what the
office waits for (the school's file), not the school's instruction to press a button greyed there;
a round the school sent again after a return and reopened itself shows that return as history."""

from __future__ import annotations

from qualityschool_desktop.review.history import Decision
from ui.assessment.review_bar import ReviewBar

from ..laptops import laptops  # noqa: F401 (a fixture)

RETURN = Decision(id="d" * 36, assessment_id="a" * 36, reviewed_version="{}", decision="returned",
                  comment="กรุณาแนบหลักฐาน", office_name="สพป.ตาก เขต ๒", decided_at="2026-12-02T19:29:00.000Z",
                  decided_by="x")


def _bar(qtbot) -> ReviewBar:  # type: ignore[no-untyped-def]
    bar = ReviewBar(lambda decision, comment: None, lambda: None)
    qtbot.addWidget(bar)
    return bar


def test_at_the_office_a_round_being_corrected_waits_for_the_school_s_file(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = _bar(qtbot)
    bar.show_state("correcting", RETURN, office=True, editable=True)
    said = bar.message.text()
    assert said.startswith("โรงเรียนกำลังแก้ไขตามที่ส่งกลับ (รอไฟล์จากโรงเรียน)"), said
    assert "ส่งแบบประเมิน" not in said and "กรุณาแนบหลักฐาน" in said, said
    bar.show_state("correcting", RETURN, office=False, editable=True)  # the school's own words stay
    assert "แก้ไขแล้วกด" in bar.message.text()


def test_an_old_return_after_the_school_sent_again_is_history(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = _bar(qtbot)
    for office in (False, True):
        bar.show_state("draft", RETURN, office=office, editable=True)
        said = bar.message.text()
        assert not bar.isHidden()
        assert said.startswith("ครั้งก่อนสำนักงานส่งกลับแก้ไข"), said
        assert "กำลังแก้ไขตามที่" not in said and "กรุณาแนบหลักฐาน" in said, said
        assert not bar.reopen_button.isVisibleTo(bar) and not bar.accept_button.isVisibleTo(bar)
    accepted = Decision(**{**RETURN.__dict__, "decision": "accepted", "comment": ""})
    bar.show_state("draft", accepted, office=False, editable=True)
    assert bar.isHidden()


def test_a_verdict_waiting_for_its_key_says_what_the_office_said_and_where_to_confirm(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = _bar(qtbot)
    bar.show_waiting("สำนักงานส่งกลับแก้ไข: กรุณาแนบหลักฐาน 3 ไฟล์")
    said = bar.message.text()
    assert said.startswith("มีผลการตรวจจากสำนักงานรอยืนยันกุญแจ"), said
    assert "สำนักงานส่งกลับแก้ไข: กรุณาแนบหลักฐาน 3 ไฟล์" in said  # as the office typed it
    assert "ผูกเป็นกุญแจเขต" in said and not bar.isHidden()


def test_the_school_s_round_shows_the_waiting_verdict(qtbot, laptops) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from tests.test_office_words33 import _district_returns
    from tests.test_review_offices import COMMENT

    from .test_review_view import make_view

    school, _district, ids, decided = _district_returns(laptops)
    school.import_(decided)  # the office's key not bound: the verdict waits
    with school.open() as workspace:
        view = make_view(qtbot, workspace, ids["assessment"])
        said = view.findChild(QLabel, "reviewMessage").text()
        view.grab().save("/tmp/exA33/round-waiting-verdict.png")
        view.close()
    assert "รอยืนยันกุญแจ" in said and f"สำนักงานส่งกลับแก้ไข: {COMMENT}" in said, said
