"""Issue 11: with Thai digits a date or a round in a word-wrapped label broke at its slash
("๒๓/๑๑/" on one line, "๒๕๖๙" on the next): libthai breaks there, whatever joiner is put in.
:func:`ui.common.wrapping.unbroken` holds them; the labels that show core messages, notices and
rounds use it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextLayout

from qualityschool_desktop.text import clean_text
from ui.common.notices import Notice, NoticeBar
from ui.common.wrapping import plain, unbroken

pytestmark = pytest.mark.usefixtures("styled_app")

TEXT = "ส่งผลการประเมินตนเองรอบ ๒/๒๕๖๙ แล้วเมื่อวันที่ ๒๓/๑๑/๒๕๖๙ ตามหนังสือ ศธ ๐๔๒๓๗/๑๒๓๔ ตอบแล้ว ๗๔/๗๔ ประเด็น"
WHOLE = ("๒/๒๕๖๙", "๒๓/๑๑/๒๕๖๙", "๐๔๒๓๗/๑๒๓๔", "๗๔/๗๔")


def _lines(text: str, font: QFont, width: float) -> list[str]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(plain(text[line.textStart():line.textStart() + line.textLength()]))
    layout.endLayout()
    return lines


def test_dates_rounds_and_fractions_stay_on_one_line_at_every_width(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = NoticeBar()
    qtbot.addWidget(bar)
    bar.show_notice(Notice(TEXT, sticky=True))
    shown = bar.message.text()
    assert plain(shown) == TEXT and unbroken("23/11/2569 ๒/ก") == "23/11/2569 ๒/ก"  # nothing else changes
    assert clean_text(shown) == TEXT  # copied from the notice and pasted: stored without the marks
    font = bar.message.font()
    for width in range(90, 420, 7):  # every width the label may get, each number still fitting a line
        lines = _lines(shown, font, width)
        split = [number for number in WHOLE if not any(number in line for line in lines)]
        assert not split, (width, lines)


def test_every_message_the_window_shows_from_the_core_holds_them(thai_digits_after) -> None:  # type: ignore[no-untyped-def]
    """The core's messages reach labels and message boxes through ``shown_text``."""
    from ui.common import digits
    message = "ส่งผลรอบ ๒/๒๕๖๙ แล้ว"
    assert digits.shown_text(message) == unbroken(message) != message
    digits.set_style("arabic")
    assert digits.shown_text(unbroken(message)) == "ส่งผลรอบ 2/2569 แล้ว"
