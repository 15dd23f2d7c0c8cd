"""fit35c (TEST35 T9): "ผลการนิเทศสอดคล้องกับผลการประเมินตนเองในทุกองค์ประกอบ…" was printed when the
supervisor had rated 2 of the 5 components: it read as "all five agree". When not every component
was compared, the line says in which: "ในองค์ประกอบที่ให้ระดับ (๒ จาก ๕ องค์ประกอบ)", in the PDF
(and its Word copy) and on the screen."""

from __future__ import annotations

from qualityschool_desktop.comparison import Comparison, Gap
from qualityschool_desktop.reports.visit import compare as printed
from qualityschool_desktop.thai import DigitText

T = DigitText("thai")


def _comparison(rated: int) -> Comparison:
    return Comparison(
        components=tuple(Gap(str(n), f"c{n}", 3.0, 3.0 if n <= rated else None, True) for n in range(1, 6)),
        items=())


def test_the_printed_line_says_how_many_components_were_compared() -> None:
    some = printed.agreement_line(_comparison(2), T)
    assert "ในองค์ประกอบที่ให้ระดับ (๒ จาก ๕ องค์ประกอบ)" in some, some
    assert "ทุกองค์ประกอบ" not in some
    every = printed.agreement_line(_comparison(5), T)
    assert "ทุกองค์ประกอบ" in every, every


def test_the_screen_says_the_same() -> None:
    from ui.visits.comparison import summary_text

    some = summary_text(_comparison(2))
    assert "ในองค์ประกอบที่ให้ระดับ (๒ จาก ๕ องค์ประกอบ)" in some, some
    assert "จาก" not in summary_text(_comparison(5))
