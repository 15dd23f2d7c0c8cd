"""Characters the reports' font cannot draw (issue 11): named in a text, where it is saved, and
where a printed report holds them."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qualityschool_desktop import cli
from qualityschool_desktop.printable import (
    Place, places_warning, unprintable, unprintable_in, unprintable_notice, unprintable_places,
)
from qualityschool_desktop.workspace import Workspace


def test_names_what_sarabun_lacks_and_nothing_it_draws() -> None:
    # Thai (sara am, tone marks, Thai digits), Latin, punctuation and whitespace print whole.
    assert unprintable("น้ำ ๒๓/๑๑/๒๕๖๙ 23/11/2569 “Quality” – … • ฿ €\tok\n") == ()
    # Emoji (with its variation selector kept), Chinese and Burmese, each once, in the order typed.
    assert unprintable("ดีมาก 😀 ❤️ 中文 မ 😀") == ("😀", "❤️", "中", "文", "မ")
    assert unprintable_in({"evidence": "ผ่าน 👍", "notes": ["ok", "中"]}) == ("👍", "中")
    notice = unprintable_notice(("😀",))
    assert notice.startswith("อักขระ 😀 พิมพ์ในรายงานไม่ได้") and unprintable_notice(()) == ""


@dataclass(frozen=True)
class _School:
    code: str
    name: str
    notes: str


@dataclass(frozen=True)
class _Data:
    schools: tuple[_School, ...]
    title: str


def test_places_name_the_record_and_the_field() -> None:
    data = _Data((_School("6301000001", "โรงเรียนทดสอบ", "ดี 😀"), _School("6301000002", "โรงเรียน中", "")), "สรุป")
    assert unprintable_places(data) == (
        Place("6301000001 โรงเรียนทดสอบ", "บันทึก", ("😀",)),
        Place("6301000002 โรงเรียน中", "ชื่อ", ("中",)),
    )
    warning = places_warning(unprintable_places(data))
    assert warning.startswith("คำเตือน:") and "6301000001 โรงเรียนทดสอบ: บันทึก: 😀" in warning
    # TEST25 #11: beside a Thai-digit report, item numbers and codes are in Thai digits too.
    thai = places_warning([Place("ข้อ 4.1.2", "หลักฐาน", ("😀",))], "thai")
    assert "ข้อ ๔.๑.๒: หลักฐาน: 😀" in thai and "4" not in thai


def test_a_printed_report_says_where_the_boxes_will_be(file_workspace: Workspace, tmp_path: Path) -> None:
    school = file_workspace.schools.add(
        code="6301000001", name="โรงเรียนทดสอบวิทยา", district="เมืองตาก", province="ตาก",
        area_office="สพป.ตาก เขต 1", level="primary", pupils=320, teachers=18,
    )
    visit = file_workspace.visits.start(school.id, visited_on=date(2026, 11, 2))
    file_workspace.visits.update(visit.id, notes="ครูเตรียมสื่อดีมาก 😀 ขอบคุณ")
    file_workspace.close()
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "visit.pdf"
    status = cli.run(cli.parse(["report", "visit", "--db", str(file_workspace.path), "--visit", visit.id,
                                "--out", str(target), "--digits", "thai"]), out=out, err=err)
    assert status == 0, err.getvalue()
    assert target.is_file()  # printed all the same: the text is the user's
    assert "คำเตือน:" in err.getvalue() and "บันทึก: 😀" in err.getvalue()
    assert "การนิเทศวันที่ ๒ พฤศจิกายน ๒๕๖๙: บันทึก" in err.getvalue(), err.getvalue()  # --digits thai


def test_the_office_s_own_parts_are_named_as_the_page_names_them() -> None:
    """TEST25 #2: an emoji in 6.4 was placed at "รายงาน: success_factors" (the program's key)."""
    places = unprintable_places({"success_factors": "ครูเข้มแข็ง 😀", "good_practices": "中"})
    assert [place.field for place in places] == ["ปัจจัยแห่งความสำเร็จ", "แบบอย่างที่ดี"]


def test_a_6_3_row_is_named_by_its_column_and_row_number() -> None:
    """TEST26a #6: 6.3 cells were placed at "รายงาน: problem:" (the JSON key) with no row."""
    from qualityschool_desktop.inspection.texts import OfficeTexts, ProblemText

    texts = OfficeTexts(problems=(ProblemText("ครูไม่พอ"), ProblemText("ครูย้าย 🙁", "จ้างครู", "ครบ ✔")))
    warning = places_warning(unprintable_places(texts), "thai")
    assert "รายงาน: ปัญหา/อุปสรรค แถวที่ ๒: 🙁" in warning, warning
    assert "รายงาน: ผลที่คาดว่าจะได้รับ แถวที่ ๒: ✔" in warning, warning
    assert "problem" not in warning and "expected" not in warning


def test_an_invisible_character_is_named_and_what_the_cleaning_did_is_said() -> None:
    """TEST34 T2: "อักขระ  พิมพ์ในรายงานไม่ได้" named an invisible character by itself (a blank)
    and did not say it was cleaned away. Now: its code and kind, what was done, and no word about
    boxes when what is stored prints whole."""
    from qualityschool_desktop.printable import character_name, save_notice

    assert character_name("\x0b") == "U+000B (อักขระควบคุม)"
    assert character_name("\u200b") == "U+200B (อักขระที่มองไม่เห็น)"
    assert character_name("😀") == "😀"
    said = save_notice("อาคาร\u200bเรียน\u200bมั่นคง\x0bปลอดภัย")
    assert "พิมพ์ในรายงานไม่ได้" not in said
    # In words since TEST34B B13 (the codes are the tooltip's: cleaning_codes).
    assert "ลบอักขระที่มองไม่เห็น ๒ ตัว" in said
    assert "เปลี่ยนอักขระควบคุม ๑ ตัวเป็นขึ้นบรรทัดใหม่" in said
    assert save_notice("อาคารเรียน") == "" and save_notice({"name": "ok", "notes": ["ดี"]}) == ""
    emoji = save_notice("ดีมาก 😀\u200b")
    assert "อักขระ 😀 พิมพ์ในรายงานไม่ได้" in emoji and "ลบอักขระที่มองไม่เห็น ๑ ตัว" in emoji


def test_the_cleaning_is_said_in_words_as_it_was_done_for_the_field() -> None:
    """TEST34B B13: "ลบ U+200B (อักขระที่มองไม่เห็น) ออกแล้ว · เปลี่ยน U+000B (อักขระควบคุม) เป็น
    ขึ้นบรรทัดใหม่แล้ว (ช่องบรรทัดเดียว: เป็นเว้นวรรค)" contradicted itself and showed codes."""
    from qualityschool_desktop.printable import cleaning_codes, save_notice

    typed = "อบรม\u200bครู\x0bภาษาไทย"
    one_line = save_notice(typed, "อบรมครู ภาษาไทย")  # a one-line field stored a space
    assert one_line == "ลบอักขระที่มองไม่เห็น ๑ ตัว และเปลี่ยนอักขระควบคุม ๑ ตัวเป็นเว้นวรรค"
    many_lines = save_notice(typed, "อบรมครู\nภาษาไทย")
    assert many_lines == "ลบอักขระที่มองไม่เห็น ๑ ตัว และเปลี่ยนอักขระควบคุม ๑ ตัวเป็นขึ้นบรรทัดใหม่"
    for said in (one_line, many_lines, save_notice(typed)):
        assert "U+" not in said and "(" not in said
    assert save_notice("a\u200bb\u200bc\x01", "abc") == "ลบอักขระที่มองไม่เห็น ๒ ตัว และลบอักขระควบคุม ๑ ตัว"
    assert cleaning_codes(typed) == "อักขระที่แก้: U+200B (อักขระที่มองไม่เห็น), U+000B (อักขระควบคุม)"
    assert save_notice("อบรมครู", "อบรมครู") == "" and cleaning_codes("อบรมครู") == ""
    # Several fields at once, each told by what was stored for it.
    assert save_notice({"name": "ก\x0bข", "notes": "ค\x0bง"}, {"name": "ก ข", "notes": "ค\nง"}) == (
        "เปลี่ยนอักขระควบคุม ๑ ตัวเป็นขึ้นบรรทัดใหม่ และเปลี่ยนอักขระควบคุม ๑ ตัวเป็นเว้นวรรค")


def test_what_was_stored_is_read_off_the_call_s_result_or_the_rule_is_said() -> None:
    """A view that does not say what was stored: the record the core returns tells (a one-line
    name holds a space); where nothing tells, the sentence says the rule, not a guess."""
    from dataclasses import dataclass as record

    from qualityschool_desktop.printable import save_notice, stored_text

    @record(frozen=True)
    class Person:
        name: str
        notes: str

    typed = "ครู\x0bสมศรี"
    assert stored_text(typed, Person("ครู สมศรี", "")) == "ครู สมศรี"
    assert stored_text(typed, {"notes": "ครู\nสมศรี"}) == "ครู\nสมศรี"
    assert stored_text(typed, None) is None and stored_text("ครู", Person("ครู", "")) is None
    assert save_notice(typed) == "เปลี่ยนอักขระควบคุม ๑ ตัวเป็นขึ้นบรรทัดใหม่ หรือเป็นเว้นวรรคถ้าเป็นช่องบรรทัดเดียว"
