"""The checklist as the official form numbers and words it (issue 11).

* Each item carries the number the form (seed 001, section ๖.๒ ๑)) gives it, ``๑.<component>.
  <indicator>.<item>`` in Thai digits (๑.๑.๒.๑ ระบบไฟฟ้า), so staff can find it on the paper form;
  an item that stands alone under its indicator carries the indicator's number (๑.๕.๑, as
  printed). Unique, unlike the numbers the seed printed (๑.๑.๑.๑ three times: ``source_number``).
* The four items whose seed text is a school's below-standard description have a criterion as
  their statement, like every other item, and keep the seed's text as their level-3 descriptor.
"""

from __future__ import annotations

import re

from qualityschool_desktop.framework import bundled_frameworks

# Seed 001, verbatim: what a school at the standard's lower edge was described as.
SEED_TEXT = {
    "1.1.3": "บ้านพักครูหรือบ้านพักนักเรียน มีโครงสร้างที่มั่นคงแข็งแรง มีการป้องกันความปลอดภัย แต่ไม่เพียงพอต่อการใช้งาน",
    "1.2.3": "ระบบสื่อสารและอินเทอร์เน็ต มีระบบอินเทอร์เน็ตความเร็วสูงและระบบสื่อสาร แต่ยังไม่ครอบคลุมทุกพื้นที่ภายในโรงเรียน",
    "1.3.1": "มีห้องปฏิบัติการ (ภาษา/วิทยาศาสตร์/คณิตศาสตร์/คอมพิวเตอร์/ห้องเรียนเฉพาะด้าน เช่น นาฏศิลป์ ดนตรี ศิลปะ"
             " ฯลฯ/แหล่งเรียนรู้เศรษฐกิจพอเพียง) ไม่ครบถ้วน และสื่อเทคโนโลยีดิจิทัลและอุปกรณ์การเรียนการสอนมีไม่เพียงพอ"
             "ต่อความต้องการ",
    "1.3.2": "ห้องสมุดและห้องบริการอื่น ๆ (ห้องสมุดอัจฉริยะ (Smart Library)/ห้องปฏิบัติการ/ห้องแนะแนวและให้คำปรึกษา)"
             " มีห้องสมุดทั่วไปและห้องบริการอื่น ๆ ไม่ครบถ้วน แต่เพียงพอต่อความจำเป็น",
}
# How a below-standard description reads: "but not enough", "not yet covering", "incomplete".
SHORTFALL = re.compile(r"แต่ไม่|แต่ยังไม่|ไม่ครบถ้วน|มีไม่เพียงพอ")
THAI_NUMBER = re.compile(r"^๑(\.[๑-๙][๐-๙]*){2,3}$")


def thai(code: str) -> str:
    return code.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def test_every_item_has_its_official_number_and_they_are_unique() -> None:
    for framework in bundled_frameworks().all():
        numbers = [item.official_number for item in framework.items]
        assert all(THAI_NUMBER.match(number) for number in numbers), numbers
        assert len(set(numbers)) == len(numbers) == len(framework.items)


def test_the_official_number_follows_the_forms_scheme() -> None:
    framework = bundled_frameworks().latest()
    by_code = {item.code: item for item in framework.items}
    assert by_code["1.1.1"].official_number == "๑.๑.๑.๑"
    assert by_code["1.2.1"].official_number == "๑.๑.๒.๑"  # the seed printed ๑.๑.๑.๑ again
    assert by_code["1.3.2"].official_number == "๑.๑.๓.๒"
    assert by_code["4.1.2"].official_number == "๑.๔.๑.๒"  # printed ๑.๔.๒), like the next indicator
    assert by_code["5.1.1"].official_number == "๑.๕.๑"  # alone under its indicator, as printed
    assert by_code["5.6.1"].official_number == "๑.๕.๖"
    for item in framework.items:
        indicator = next(i for c in framework.components for i in c.indicators if i.code == item.indicator_code)
        expected = "๑." + thai(indicator.code) if len(indicator.items) == 1 else "๑." + thai(item.code)
        assert item.official_number == expected


def test_below_standard_items_have_a_criterion_and_keep_the_seed_text_at_level_3() -> None:
    framework = bundled_frameworks().latest()
    for code, seed_text in SEED_TEXT.items():
        item = framework.item(code)
        assert item.level(3) is not None and item.level(3).descriptor == seed_text
        assert item.text != seed_text and not SHORTFALL.search(item.text), code
        assert item.text == item.descriptor  # written like the others: the statement is what good looks like
    # No item's statement describes a shortfall.
    assert [item.code for item in framework.items if SHORTFALL.search(item.text)] == []
