"""One word for a component the two views agree on (TEST34C C9): the comparison's rule counts a
component as agreeing when its two mean levels are less than half a level apart, so it is
"ใกล้เคียงกัน" on the screen, in the PDF and in the Word copy; an item agrees only on the same
level, so it is "ตรงกัน". "เห็นตรงกัน" and "ใกล้เคียงหรือตรงกัน" said the same thing in other words."""

from __future__ import annotations

from qualityschool_desktop.comparison import AGREE_COMPONENT, AGREE_ITEM, Gap, verdict_text
from qualityschool_desktop.reports.visit import compare as printed
from qualityschool_desktop.thai import DigitText

T = DigitText("thai")


def test_the_rule_names_a_close_component_and_a_matching_item() -> None:
    assert AGREE_COMPONENT == "ใกล้เคียงกัน" and AGREE_ITEM == "ตรงกัน"
    assert verdict_text(Gap("1", "x", 3.0, 3.25, True)) == "ใกล้เคียงกัน"
    assert verdict_text(Gap("1", "x", 3.0, 3.0, True)) == "ใกล้เคียงกัน"
    assert verdict_text(Gap("1.1", "x", 3, 3, False)) == "ตรงกัน"
    assert verdict_text(Gap("1.1", "x", 4, 3, False)) == "ศึกษานิเทศก์ให้ต่ำกว่า"


def test_the_printed_record_uses_the_same_words() -> None:
    assert "ใกล้เคียงกัน {agree}" in printed.GLANCE_COMPONENTS
    assert "ตรงกัน {agree}" in printed.GLANCE_COUNTS
    every_string = " ".join(value for name, value in vars(printed).items() if name.isupper() and isinstance(value, str))
    assert "ใกล้เคียงหรือตรงกัน" not in every_string and "เห็นตรงกัน" not in every_string
    # A component whose means are equal is as close as can be: the same word, not "ตรงกัน".
    assert printed.component_gap_text(Gap("1", "x", 3.0, 3.0, True), T) == "ใกล้เคียงกัน"
    assert printed.component_gap_text(Gap("1", "x", 3.0, 3.25, True), T).startswith("ใกล้เคียงกัน")
    assert printed.item_gap_text(Gap("1.1", "x", 3, 3, False), T) == "ตรงกัน"
