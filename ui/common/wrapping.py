"""Numbers written with a slash kept on one line in word-wrapped labels (issue 11).

Qt breaks Thai text with libthai, which treats a run of Thai digits and slashes as Thai text and
breaks after a slash: "๒๓/๑๑/๒๕๖๙" wrapped as "๒๓/๑๑/" and "๒๕๖๙", "๒/๒๕๖๙" (a round) as "๒/" and
"๒๕๖๙", while "23/11/2569" stayed whole. A word joiner (U+2060), a zero-width no-break space or a
narrow no-break space after the slash do not hold it (measured with QTextLayout). A character of
another script does: the Arabic letter mark (U+061C, zero width, no glyph) ends libthai's run, and
the line breaker then keeps a slash with the digit after it. It is placed after a slash between two
Thai digits only; beside Thai digits (bidi class L) it moves nothing.

The same mark holds the programme's compound words whole (:data:`qualityschool_desktop.thai_words.
COMPOUNDS`): libthai's dictionary parts "ปีงบประมาณ" as "ปี" and "งบประมาณ", "เบิกจ่าย" as "เบิก" and
"จ่าย", and a wrapping label printed "…ส่งผลการประเมินปี / งบประมาณ ๒๕๗๐" (s33 V3). Qt's own line
breaks inside such a word (asked of QTextBoundaryFinder, so only where Qt would break) get the mark;
between two Thai letters it ends libthai's run and the breaker then joins the two letters.

Used where a wrapping label shows text that may hold such numbers (a core message, a notice, a
sentence naming a round); views that name rounds themselves write "ปีงบประมาณ ๒๕๖๙ รอบที่ ๒"
(:func:`ui.common.labels.round_title`). :func:`plain` takes the marks out again (what a label says).
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QTextBoundaryFinder

from qualityschool_desktop.thai_words import COMPOUNDS

__all__ = ["HOLD", "plain", "unbroken"]

HOLD = "\u061c"
_SLASH = re.compile("(?<=[๐-๙])/(?=[๐-๙])")


def unbroken(text: str) -> str:
    """``text`` with every slash between two Thai digits held to the digit after it, so a
    word-wrapped label never breaks a date, a round or a fraction there, and every compound word
    of the programme held whole (ปีงบประมาณ, เบิกจ่าย); other text unchanged."""
    return _whole_words(_SLASH.sub("/" + HOLD, plain(text)))


@lru_cache(maxsize=1)
def _compounds() -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, COMPOUNDS), key=len, reverse=True)))


def _whole_words(text: str) -> str:
    found = [(match.start(), match.end()) for match in _compounds().finditer(text)]
    if not found:
        return text
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    inside: list[int] = []
    for start, end in found:
        finder.setPosition(start)
        while (position := finder.toNextBoundary()) != -1 and position < end:
            inside.append(position)
    for position in reversed(inside):
        text = text[:position] + HOLD + text[position:]
    return text


def plain(text: str) -> str:
    """``text`` without the marks :func:`unbroken` added."""
    return text.replace(HOLD, "")
