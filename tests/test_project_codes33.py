"""The project editor's องค์ประกอบที่สนับสนุน and the progress PDF's file name (TEST32b B10, s33):
"ด้านที่ ๔" is read as component 4 (Thai digits as typed), a code that is no number is refused
quoting the whole input with the example in the reader's digits, and the file name says the period
in Thai as the page does (no "H1")."""

from __future__ import annotations

import pytest

from qualityschool_desktop.budget.requests import clean_codes
from qualityschool_desktop.errors import ValidationError


@pytest.mark.parametrize(("typed", "stored"), [
    ("ด้านที่ ๔", "4"),
    ("องค์ประกอบที่ ๑.๒, ข้อ ๓.๑", "1.2 3.1"),
    ("ด้าน 2 ประเด็นที่ 2.1.3", "2 2.1.3"),
    ("๑.๒ ๑.๓", "1.2 1.3"),
])
def test_words_before_a_code_are_read_as_the_code(typed: str, stored: str) -> None:
    assert clean_codes(typed) == stored


def test_a_refused_code_quotes_the_whole_input_with_an_example_in_the_readers_digits() -> None:
    with pytest.raises(ValidationError) as raised:
        clean_codes("ด้านการเรียนรู้ 4")
    message = raised.value.args[0]
    assert "“ด้านการเรียนรู้ 4”" in str(message)
    assert "เช่น ๔ หรือ ๑.๒.๓" in message.styled("thai") and "“ด้านการเรียนรู้ 4”" in message.styled("thai")
    assert "เช่น 4 หรือ 1.2.3" in message.styled("arabic")


def test_the_progress_file_name_says_the_period_in_thai() -> None:
    from ui.projects.printing import file_name

    for period, words in (("H1", "รอบ 6 เดือน"), ("H2", "ครึ่งปีหลัง"), ("Q3", "ไตรมาสที่ 3"), ("Y", "ทั้งปี")):
        name = file_name({"office": "สพป.ตาก เขต 2", "year": 2570, "period": period})
        assert name == f"ความก้าวหน้าโครงการ สพป.ตาก เขต 2 2570 {words}.pdf", name
