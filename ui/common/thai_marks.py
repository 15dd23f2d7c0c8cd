"""Room above the first line of a label's text for Thai marks stacked above an upper vowel.

Why: Sarabun's line ascent (hhea/typo 1068 of 1000 units) is lower than the top of a tone mark
stacked over an upper vowel (ี้ ื้ ั่ …, up to 1265 units: about 3 px at 11 pt). Plain labels draw
past the line's top, but a QLabel whose text goes through its QTextDocument (rich text: the
breadcrumb's links and bold parts; text selectable with the mouse; message boxes) clips its painter
to the document's rectangle (qlabel.cpp, QLabel::paintEvent: ``setClipRect(lr…)``), so the mark
above the first line was cut away: "ตัวชี้วัด" read "ตัวชีวัด", "พื้นที่" read "พืนที่".

The fix gives the document's first block a minimum line height of its natural height plus the
room the marks need; Qt then moves those lines down by that room (qtextdocumentlayout.cpp,
getLineHeightParams: ``lineAdjustment = line.height() - lineHeight`` for MinimumHeight), inside
the document, so inside the clip. One application-wide filter does it for every label that does
not wrap its text (the breadcrumb, one-line headings and values; see :func:`watch`): when a
label is polished or changes font, and whenever its text changes (the document's
``contentsChanged``: QLabel sets its text into the document lazily, before it measures it).
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCursor, QTextDocument, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

# Upper vowels with a tone mark or thanthakhat above them, over tall consonants: the highest
# stacks Thai text makes.
PROBE = "ปี้ฟื้ฝั่ปั๋ฟิ์ชี้"
_CONNECTED = "_thai_marks_connected"
MINIMUM = QTextBlockFormat.LineHeightTypes.MinimumHeight.value


@lru_cache(maxsize=64)
def _room_and_height(font_key: str) -> tuple[int, float]:
    font = QFont()
    font.fromString(font_key)
    layout = QTextLayout(PROBE, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100000.0)
    layout.endLayout()
    top = 0.0  # the highest ink, in pixels from the line's top (negative: above it)
    for run in layout.glyphRuns():
        raw = run.rawFont()
        for glyph, position in zip(run.glyphIndexes(), run.positions()):
            top = min(top, position.y() + raw.boundingRect(glyph).top())
    # One pixel more: the outlines' boxes are unhinted, the drawn glyphs hinted and antialiased.
    return (math.ceil(-top) + 1 if top < 0 else 0), line.height()


def mark_room(font: QFont) -> int:
    """Pixels the highest stacked Thai marks of ``font`` reach above its line's top (0 if none)."""
    return _room_and_height(font.toString())[0]


def keep_marks(document: QTextDocument, font: QFont) -> None:
    """Give ``document``'s first block enough height that no stacked mark is drawn above it.

    Changes nothing (and so emits no change) when the block already has that height.
    """
    room, height = _room_and_height(font.toString())
    block = document.begin()
    if not block.isValid():
        return
    wanted = math.ceil(height) + room if room else 0.0
    current = block.blockFormat()
    if room == 0 and current.lineHeightType() != MINIMUM:
        return
    if current.lineHeightType() == MINIMUM and current.lineHeight() == wanted:
        return
    block_format = QTextBlockFormat(current)
    if room:
        block_format.setLineHeight(wanted, MINIMUM)
    else:
        block_format.setLineHeight(100.0, QTextBlockFormat.LineHeightTypes.SingleHeight.value)
    was_modified = document.isModified()
    QTextCursor(block).setBlockFormat(block_format)
    document.setModified(was_modified)


def _label_document(label: QLabel) -> QTextDocument | None:
    return label.findChild(QTextDocument)


def watch(label: QLabel) -> None:
    """Keep the marks of ``label``'s first line whenever its text changes (once per label).

    Not for a label that wraps its text: every line of its first paragraph would grow by the
    room, and a bar sized for its lines (the notice bar) would then cut its last line."""
    document = _label_document(label)
    if document is None or label.wordWrap():
        return
    if not document.property(_CONNECTED):
        document.setProperty(_CONNECTED, True)
        document.contentsChanged.connect(lambda: keep_marks(document, label.font()))
    before = document.begin().blockFormat().lineHeight()
    keep_marks(document, label.font())
    if document.begin().blockFormat().lineHeight() != before:
        # QLabel caches its size hint until something of its own changes, its layout the height
        # for a width: make both measure again.
        label.setIndent(label.indent())
        label.updateGeometry()


class _Keeper(QObject):
    """The application-wide event filter that watches every label when it is polished."""

    WATCHED = (QEvent.Type.Polish, QEvent.Type.FontChange, QEvent.Type.ChildAdded)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind not in self.WATCHED or not isinstance(watched, QLabel):
            return False
        if kind == QEvent.Type.ChildAdded:
            # QLabel makes its text document when it first needs one (rich text, selectable text):
            # the child is not built yet, so look once the event loop comes back.
            label = watched
            QTimer.singleShot(0, label, lambda: watch(label))
        else:
            watch(watched)
        return False


_keeper: _Keeper | None = None


def install(app: QApplication) -> None:
    """Watch every label of ``app`` (once per process; later calls do nothing)."""
    global _keeper
    if _keeper is None:
        _keeper = _Keeper(app)
        app.installEventFilter(_keeper)
