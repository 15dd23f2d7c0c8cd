"""Digits, Buddhist Era dates and baht as a Thai report prints them; where lines may break."""

from __future__ import annotations

import copy
from datetime import date

from qualityschool_desktop.thai import DigitText, Moment, Own, Sentence, digits
from qualityschool_desktop.typeset import baht, number, page_label, thai_date
from qualityschool_desktop.typeset.layout import break_lines, build_items
from qualityschool_desktop.typeset.segment import clusters, units


def test_dates_are_buddhist_era_with_thai_month_names() -> None:
    assert thai_date(date(2026, 11, 23)) == "๒๓ พฤศจิกายน ๒๕๖๙"
    assert thai_date(date(2026, 11, 23), "arabic") == "23 พฤศจิกายน 2569"
    assert thai_date(date(2026, 11, 23), "arabic", short=True) == "23 พ.ย. 2569"


def test_baht_and_numbers_have_separators_in_either_digits() -> None:
    assert number(11867900, "arabic") == "11,867,900"
    assert number(11867900, "thai") == "๑๑,๘๖๗,๙๐๐"
    assert baht(11867900, "thai") == "๑๑,๘๖๗,๙๐๐ บาท"
    assert baht(1250.5, "arabic") == "1,250.50 บาท"
    assert page_label(1, 8) == "หน้า ๑ / ๘"
    assert page_label(12, 20, "arabic") == "หน้า 12 / 20"


def test_a_document_writes_its_own_digits_in_one_style_and_typed_text_as_written() -> None:
    assert digits("ข้อ 2.1 และ ๓.๒", "thai") == "ข้อ ๒.๑ และ ๓.๒"
    assert digits("ข้อ 2.1 และ ๓.๒", "arabic") == "ข้อ 2.1 และ 3.2"
    t = DigitText("thai")
    assert t("รอบที่ {round} ปี {year}", round=2, year="2569") == "รอบที่ ๒ ปี 2569"  # a string goes in as it is
    assert t.score(3.254) == "๓.๒๕" and t.score(None) == "–"
    assert DigitText("arabic")("ด้านที่ {code}", code=DigitText("arabic")("๑")) == "ด้านที่ 1"


def test_a_core_sentence_keeps_its_values_so_a_window_writes_the_products_numbers_in_its_digits() -> None:
    """Issue 11 "One digit style per screen": the command line prints the sentence as composed; a
    window writes its years, rounds, codes and dates in its style, typed names and file names as given."""
    said = Sentence("ไฟล์ {source}: ปี {year} รอบ {round} ของโรงเรียน {code} {name} เมื่อ {when} (เกิน ๖๔ เครื่อง)",
                    source="a-2568-1.qsx", year=2568, round=1, code=Own("6301000001"), name="โรงเรียนบ้าน 2",
                    when=Moment("not a stamp 1"))
    assert said == "ไฟล์ a-2568-1.qsx: ปี 2568 รอบ 1 ของโรงเรียน 6301000001 โรงเรียนบ้าน 2 เมื่อ not a stamp 1 (เกิน ๖๔ เครื่อง)"
    assert said.styled("thai") == (
        "ไฟล์ a-2568-1.qsx: ปี ๒๕๖๘ รอบ ๑ ของโรงเรียน ๖๓๐๑๐๐๐๐๐๑ โรงเรียนบ้าน 2 เมื่อ not a stamp 1 (เกิน ๖๔ เครื่อง)")
    assert Sentence("ข้อ {what}", what=said).styled("arabic").endswith("(เกิน 64 เครื่อง)")  # nested, template's digits too
    assert copy.deepcopy(said).styled("thai") == said.styled("thai")  # a copied preview keeps its values


def test_no_line_may_start_with_mai_yamok_paiyannoi_or_closing_punctuation() -> None:
    parts = units('เด็กๆ ต่าง ๆ กรุงเทพฯ (ทดสอบ) "O-NET" ปี 2567 ร้อยละ 45.50 e-mail: a.b@c.com')
    assert "".join(parts) == 'เด็กๆ ต่าง ๆ กรุงเทพฯ (ทดสอบ) "O-NET" ปี 2567 ร้อยละ 45.50 e-mail: a.b@c.com'
    for unit in ("เด็กๆ", "ต่าง ๆ", "กรุงเทพฯ", "(ทดสอบ)", '"O-NET"', "ปี 2567", "ร้อยละ 45.50", "e-mail:", "a.b@c.com"):
        assert unit in parts
    assert not any(part[0] in "ๆฯ)" for part in parts if not part.isspace())


def test_only_a_word_longer_than_the_line_is_cut_and_only_between_clusters() -> None:
    word = "ประสิทธิภาพ"  # one dictionary word, wider than the 30 pt line below
    items = build_items(f"ดี {word} มาก", 14)
    assert [item.text for item in items] == ["ดี", " ", word, " ", "มาก"]
    lines = break_lines(items, [30.0])
    texts = [line.text for line in lines]
    assert texts[0] == "ดี" and texts[-1] == "มาก"
    cut = texts[1:-1]
    assert len(cut) > 1 and "".join(cut) == word
    boundaries = set()
    offset = 0
    for cluster in clusters(word):
        offset += len(cluster)
        boundaries.add(offset)
    offset = 0
    for piece in cut[:-1]:
        offset += len(piece)
        assert offset in boundaries, f"cut inside a cluster after {word[:offset]!r}"
    assert all(line.width <= 30.0 + 1e-6 for line in lines)


def test_newlines_force_breaks_and_spaces_stay_spaces() -> None:
    lines = break_lines(build_items("บรรทัดแรก ยังบรรทัดแรก\nบรรทัดที่สอง", 14), [400.0])
    assert [line.text for line in lines] == ["บรรทัดแรก ยังบรรทัดแรก", "บรรทัดที่สอง"]
