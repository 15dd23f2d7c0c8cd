"""The plan PDF as a director prints it (TEST31 T19): the fiscal year said as one, the title once,
no bare indicator table, and lines to sign for who proposes and who approves the plan."""

from __future__ import annotations

import re
from typing import Callable

from qualityschool_desktop import cli

from .laptops import CODE_A, NAME_A, Laptop, laptops, start_school  # noqa: F401 (fixture)
from .pdf_checks import needs_poppler, pdftotext

Laptops = Callable[[str], Laptop]


@needs_poppler
def test_the_plan_pdf_reads_as_a_plan_to_sign(laptops: Laptops, tmp_path) -> None:
    school = laptops("school")
    with school.open() as workspace:
        ids = start_school(workspace)
        plans = workspace.plans
        plan = plans.create(ids["school"], 2569, 2569, title="แผนพัฒนาคุณภาพการศึกษา ปีงบประมาณ 2569", base=(2568, 1))
        plans.add_goal(plan.id, "1", "ครูจัดการเรียนรู้เชิงรุก", ("1.1.1",), 4)
    school.activate()
    target = tmp_path / "แผน.pdf"
    assert cli.run(cli.parse(["report", "plan", "--db", str(school.db), "--school", CODE_A, "--year", "2569",
                              "--out", str(target)])) == 0
    text = re.sub(r"[ \t]+", " ", pdftotext(target))
    assert "ตั้งต้นจากการประเมินตนเองปีงบประมาณ ๒๕๖๘ รอบที่ ๑" in text
    assert text.count("แผนพัฒนาคุณภาพการศึกษา ปีงบประมาณ") == 0  # the plan's title said the heading again
    assert "ยังไม่ได้กำหนดตัวชี้วัด" in text
    assert "ผู้เสนอแผน" in text and "ผู้อนุมัติแผน" in text


@needs_poppler
def test_a_title_naming_the_school_is_not_the_heading_printed_again(laptops: Laptops, tmp_path) -> None:
    """TEST31b U4: every demo plan is titled "แผนพัฒนาคุณภาพการศึกษา <school>", which the heading's
    first two lines already say; a title that adds something still prints once."""
    school = laptops("school")
    with school.open() as workspace:
        ids = start_school(workspace)
        plans = workspace.plans
        plans.create(ids["school"], 2569, 2569, title=f"แผนพัฒนาคุณภาพการศึกษา {NAME_A}", base=(2568, 1))
        plans.create(ids["school"], 2570, 2570, title=f"แผนพัฒนาคุณภาพการศึกษา {NAME_A} ระยะที่ ๒ เน้นการอ่าน")
    school.activate()

    def text_of(year: str) -> str:
        target = tmp_path / f"แผน{year}.pdf"
        assert cli.run(cli.parse(["report", "plan", "--db", str(school.db), "--school", CODE_A, "--year", year,
                                  "--out", str(target)])) == 0
        return re.sub(r"[ \t]+", " ", pdftotext(target))

    same = text_of("2569")
    assert same.count("แผนพัฒนาคุณภาพการศึกษา") == 1, same[:400]
    assert same.count(NAME_A) == 2  # the heading, and the director's line to sign
    more = text_of("2570")
    assert more.count("ระยะที่ ๒ เน้นการอ่าน") == 1
