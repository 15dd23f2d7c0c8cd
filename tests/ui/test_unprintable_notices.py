"""Characters the report font cannot draw (issue 11), in the window: a save says which ones will
print as boxes (the text is stored as typed), and a print says where they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from qualityschool_desktop.reports.cautions import caution
from qualityschool_desktop.workspace import Workspace
from ui.common import report_printer
from ui.common.report_printer import ReportPrinter
from ui.common.save_lines import SaveStateLine
from ui.common.save_state import Saver


def test_a_save_with_an_emoji_is_stored_and_says_it_will_print_as_a_box(qtbot: Any) -> None:
    line = SaveStateLine("ทุกการแก้ไขบันทึกทันที")
    qtbot.addWidget(line)
    saver = Saver(line, line)
    stored: list[str] = []
    saver.run(lambda: stored.append("ดีมาก 😀"), key=("evidence", "1.1.1"), typed=True, value="ดีมาก 😀")
    assert stored == ["ดีมาก 😀"]
    assert line.text().startswith("บันทึกแล้ว ✓") and "อักขระ 😀 พิมพ์ในรายงานไม่ได้" in line.text()
    saver.run(lambda: stored.append("ดีมาก"), key=("evidence", "1.1.1"), typed=True, value="ดีมาก")
    assert "พิมพ์ในรายงานไม่ได้" not in line.text()


def test_a_print_names_where_the_boxes_are(qtbot: Any, file_workspace: Workspace, tmp_path: Path,
                                           monkeypatch: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(report_printer, "ask_save_path", lambda *_args: (target, report_printer.DIGIT_FILTERS["thai"]))
    monkeypatch.setattr(report_printer, "open_path", lambda _path: True)

    def builder(_workspace: Any, _subject: Any, path: Path, **_options: Any) -> Path:
        caution("คำเตือน: อักขระต่อไปนี้พิมพ์ในรายงานไม่ได้\n  - ข้อ 1.1.1: หลักฐาน: 😀")
        path.write_bytes(b"%PDF-1.4")
        return path

    printer = ReportPrinter(window, builder=builder, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    with qtbot.waitSignal(printer.noticed, timeout=10000) as notice:
        printer._print(file_workspace, None, lambda: "report.pdf")
    said = notice.args[0]
    assert target.is_file() and said.file == target and said.sticky
    # The window's digits (Thai by default), though the core wrote Arabic (TEST25 #11).
    assert "บันทึกรายงานที่" in said.text and "ข้อ ๑.๑.๑: หลักฐาน: 😀" in said.text


def test_a_pasted_invisible_character_is_named_and_said_to_be_cleaned(qtbot: Any) -> None:
    """TEST34 T2: the line said "อักขระ  พิมพ์ในรายงานไม่ได้" with a blank for a vertical tab the
    core had already turned into a line break."""
    line = SaveStateLine("")
    qtbot.addWidget(line)
    saver = Saver(line, line)
    saver.run(lambda: None, key=("goal", "name"), typed=True, value="อาคาร\u200bเรียน\x0bปลอดภัย")
    assert line.text().startswith("บันทึกแล้ว ✓"), line.text()
    assert "พิมพ์ในรายงานไม่ได้" not in line.text()
    # In words on the line, the codes in its tooltip (TEST34B B13).
    assert "ลบอักขระที่มองไม่เห็น ๑ ตัว" in line.text() and "U+" not in line.text()
    assert "U+000B (อักขระควบคุม)" in line.label.toolTip() and "U+200B" in line.label.toolTip()


def test_a_one_line_field_says_its_control_character_became_a_space(qtbot: Any) -> None:
    """TEST34B B13: "เปลี่ยน U+000B (อักขระควบคุม) เป็นขึ้นบรรทัดใหม่แล้ว (ช่องบรรทัดเดียว: เป็นเว้นวรรค)"
    said both; what was stored says which was done."""
    line = SaveStateLine("")
    qtbot.addWidget(line)
    saver = Saver(line, line)
    typed = "อบรม\u200bครู\x0bภาษาไทย"
    saver.run(lambda: {"owner": "อบรมครู ภาษาไทย"}, key=("activity", "owner"), typed=True, value=typed,
              stored=lambda result: result["owner"])
    said = line.text()
    assert "ลบอักขระที่มองไม่เห็น ๑ ตัว และเปลี่ยนอักขระควบคุม ๑ ตัวเป็นเว้นวรรค" in said, said
    assert "ขึ้นบรรทัดใหม่" not in said and "U+" not in said


def test_a_cleaned_save_is_said_while_a_refusal_still_shows(qtbot: Any) -> None:
    """TEST34B B12: with a refused cell waiting, a later paste that got cleaned was saved without
    a word; the line keeps the refusal and says what the cleaning did."""
    from qualityschool_desktop.errors import ValidationError

    line = SaveStateLine("")
    qtbot.addWidget(line)
    saver = Saver(line, line)

    def refuse() -> None:
        raise ValidationError("กิจกรรมยาวเกินกำหนด")

    saver.run(refuse, key=("activity", "name"), typed=True, value="ก" * 300)
    assert "กิจกรรมยาวเกินกำหนด" in line.text()
    saver.run(lambda: {"owner": "อบรมครู ภาษาไทย"}, key=("activity", "owner"), typed=True,
              value="อบรม\u200bครู\x0bภาษาไทย", stored=lambda result: result["owner"])
    said = line.label.toolTip()  # the whole message (รายละเอียด shows it too)
    assert "กิจกรรมยาวเกินกำหนด" in said, said
    assert "ลบอักขระที่มองไม่เห็น ๑ ตัว และเปลี่ยนอักขระควบคุม ๑ ตัวเป็นเว้นวรรค" in said, said
    assert "U+200B" in said
