"""``report indicators`` (issue 14): seed 003's table of an area office's indicators with the
actuals, and a target-vs-actual chart per indicator, on the typesetting engine."""

from __future__ import annotations

import re
from pathlib import Path

from qualityschool_desktop import cli
from qualityschool_desktop.thai import thai_digits
from qualityschool_desktop.workspace import Workspace

from .pdf_checks import needs_poppler, pdftotext
from .test_indicators import OFFICE, _round, _school

SAFETY = "สุขภาพจิต"  # seed 003, 1.3 ข้อ 3, shortened to fit one line of the table


def _database(path: Path) -> None:
    with Workspace.open(path, create=True) as w:
        a, b = _school(w, "6301000001"), _school(w, "6301000002")
        _round(w, a, 2567, 1, 5)
        _round(w, b, 2567, 1, 2)
        w.indicators.add(OFFICE, SAFETY, unit="ร้อยละ", responsible="ตามจุดเน้น สพฐ.",
                         targets={2566: 100, 2567: 100, 2568: 100, 2569: 100, 2570: 100}, actuals={2566: "96.5"})
        w.indicators.add(OFFICE, "ร้อยละของโรงเรียนคุณภาพในกลุ่มสีระดับบน", unit="ร้อยละ", responsible="กลุ่มนิเทศ",
                         computed="top_bands_share", targets={2567: 40, 2568: 60})


@needs_poppler
def test_report_indicators_prints_targets_actuals_and_a_chart_each(tmp_path: Path) -> None:
    db, target = tmp_path / "office.sqlite3", tmp_path / "ตัวชี้วัด.pdf"
    _database(db)
    assert cli.run(cli.parse(["report", "indicators", "--db", str(db), "--area-office", OFFICE,
                              "--out", str(target)])) == 0
    text = pdftotext(target)
    joined = re.sub(r"\s+", "", pdftotext(target, "-raw"))  # table cells wrap: compare without the spaces and line breaks
    # the office's name in the document's digits, like every number in it (try14e f03)
    for words in ("ตัวชี้วัดและค่าเป้าหมาย", thai_digits(OFFICE), "ตัวชี้วัด", "หน่วยนับ", "ค่าเป้าหมาย", "ผู้รับผิดชอบ",
                  "๒๕๖๖", "๒๕๗๐", SAFETY, "ตามจุดเน้น", "๙๖.๕", "ผลการดำเนินงาน",
                  "ผลที่คำนวณจากผลประเมิน", "ค่าเป้าหมายเทียบกับผลการดำเนินงาน"):
        assert words.replace(" ", "") in joined, words
    # 2567: one of the office's two assessed schools is in a top band (ม่วง): 50 per cent, computed
    computed_row = next(line for line in text.splitlines() if "ผลที่คำนวณจาก" in line)
    assert re.findall(r"[๐-๙.]+|–", computed_row) == ["–", "๕๐", "–", "–", "–"]
    # a chart per indicator: numbered titles and each one's legend
    assert text.count("ผลที่คำนวณ\n") + text.count("ผลที่คำนวณ ") >= 1
    assert "๑." + SAFETY in joined and "๒.ร้อยละของโรงเรียนคุณภาพ" in joined


def test_report_indicators_refuses_bad_years_and_an_office_without_indicators(tmp_path: Path, capsys) -> None:
    db = tmp_path / "office.sqlite3"
    _database(db)
    for extra, message in ((["--area-office", "สพม.ตาก"], "ยังไม่มีตัวชี้วัด"),
                           (["--area-office", OFFICE, "--years", "2566-2580"], "ไม่เกิน ๑๐ ปี"),
                           (["--area-office", OFFICE, "--years", "ปีหน้า"], "ช่วงปีต้องเป็นปี พ.ศ.")):
        assert cli.run(cli.parse(["report", "indicators", "--db", str(db), *extra, "--out",
                                  str(tmp_path / "x.pdf")])) == cli.EXIT_ERROR
        assert message in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
