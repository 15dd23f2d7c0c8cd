"""Issue 10 in print: the self-assessment report prints the comments on its items (and on the
whole round) and the visit record those on its follow-ups, each with its author, role, Buddhist-Era
date and text, where it belongs; read back with pdftotext as a user copies it."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import pytest

from qualityschool_desktop import clock
from qualityschool_desktop.reports.self_assessment import write_self_assessment_report
from qualityschool_desktop.reports.visit import write_visit_report

from .laptops import Laptop, laptops, start_school, start_visit  # noqa: F401 (laptops: a fixture)
from .pdf_checks import needs_poppler, pdftotext

Laptops = Callable[[str], Laptop]
ON_ITEM = "ควรแนบภาพกิจกรรมการเรียนรู้เชิงรุกประกอบหลักฐานของประเด็นนี้ให้ครบทุกชั้นเรียน"
ON_ROUND = "ภาพรวมการประเมินตนเองสอดคล้องกับสภาพจริงของโรงเรียน"
ANSWER = "โรงเรียนจัดทำแผนนิเทศภายในแล้ว ประชุมครูเมื่อวันที่ ๑๒ ธันวาคม"
WRITTEN = datetime(2025, 12, 15, 5, 0, tzinfo=timezone.utc)  # noon in Thailand, the same day in UTC
WRITTEN_BE = "๑๕ ธันวาคม ๒๕๖๘"


def flat(path: Path) -> str:
    """The PDF's text as one line (line breaks of the page and spaces dropped), for reading a
    paragraph whole whatever its lines."""
    return re.sub(r"\s+", "", pdftotext(path, "-raw"))


@pytest.fixture
def commented(laptops: Laptops, monkeypatch: pytest.MonkeyPatch) -> tuple[Laptop, dict[str, str]]:
    district = laptops("district")
    with district.open() as workspace:
        ids = start_school(workspace)
        ids["visit"] = start_visit(workspace, ids["school"])
        ids["follow_up"] = workspace.follow_ups.agreed_in(ids["visit"])[0].id
        monkeypatch.setattr(clock, "_offset", WRITTEN - datetime.now(timezone.utc))
        workspace.comments.on_assessment(ids["assessment"], ON_ITEM, item_code=ids["item2"],
                                         author_name="นางสาวศึกษา นิเทศดี", author_role="ศึกษานิเทศก์")
        workspace.comments.on_assessment(ids["assessment"], ON_ROUND, author_name="นายตรวจ ราชการ")
        workspace.comments.on_follow_up(ids["follow_up"], ANSWER, author_name="ผอ.สมชาย",
                                        author_role="ผู้อำนวยการโรงเรียน")
        monkeypatch.setattr(clock, "_offset", clock.timedelta(0))
    return district, ids


@needs_poppler
def test_the_self_assessment_report_prints_each_comment_under_its_item(commented, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    district, ids = commented
    with district.open() as workspace:
        target = write_self_assessment_report(workspace, ids["assessment"], tmp_path / "sa.pdf")
        item2 = ids["item2"]
    text = flat(target)
    thai_code = item2.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    on_item = "".join(f"ประเด็น{thai_code}·นางสาวศึกษานิเทศดี(ศึกษานิเทศก์)·{WRITTEN_BE}{ON_ITEM}".split())
    on_round = "".join(f"นายตรวจราชการ·{WRITTEN_BE}{ON_ROUND}".split())
    assert on_item in text and on_round in text
    # Where they belong: the item's comment in component 1's part (before component 2's heading);
    # the round's in the summary (before the parts by component).
    assert text.index("องค์ประกอบที่๑") < text.index(on_item) < text.index("องค์ประกอบที่๒")
    assert text.index(on_round) < text.index("๒.ผลการประเมินรายองค์ประกอบ")


@needs_poppler
def test_the_visit_record_prints_the_answers_under_the_follow_ups(commented, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    district, ids = commented
    with district.open() as workspace:
        target = write_visit_report(workspace, ids["visit"], tmp_path / "visit.pdf", digits="arabic")
    text = flat(target)
    answer = "".join(f"ข้อตกลงที่1·ผอ.สมชาย(ผู้อำนวยการโรงเรียน)·15ธันวาคม2568{ANSWER}".split())
    assert answer in text
    assert text.index("4.2ข้อตกลงในการนิเทศครั้งนี้") < text.index(answer) < text.index("5.บันทึกเพิ่มเติม")


@needs_poppler
def test_a_report_without_comments_prints_no_comment_heading(laptops: Laptops, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with laptops("school").open() as workspace:
        ids = start_school(workspace)
        ids["visit"] = start_visit(workspace, ids["school"])
        texts = [flat(write_self_assessment_report(workspace, ids["assessment"], tmp_path / "sa.pdf")),
                 flat(write_visit_report(workspace, ids["visit"], tmp_path / "v.pdf"))]
    assert not any("ความคิดเห็นต่อ" in text for text in texts)  # no heading of comments (an item may say "ความคิดเห็น")
