"""Issue 11 (DOCS finding): in a label drawn through its text document (rich text: the breadcrumb's
links and bold parts; text selectable with the mouse) the tone mark over an upper vowel was cut
away with the bundled Sarabun: "ตัวชี้วัด…พื้นที่" read "ตัวชีวัด…พืนที่"; plain labels kept it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from ui.common import fonts
from ui.shell.breadcrumbs import breadcrumb_html
from ui.shell.api import Location


@pytest.fixture(autouse=True)
def sarabun(qapp: QApplication) -> None:
    assert fonts.install(qapp), "the bundled Sarabun could not be loaded"


def dark_pixels(image: QImage) -> int:
    """How much ink an image holds: the darkness of every pixel against the lightest, summed."""
    lightness = [QColor(image.pixel(x, y)).lightness() for y in range(image.height()) for x in range(image.width())]
    paper = max(lightness)
    return sum(paper - value for value in lightness)


def ink(qtbot, text: str, *, fmt: Qt.TextFormat, selectable: bool = False, font: QFont | None = None) -> int:
    """Dark pixels of ``text`` in a label laid out as a page would lay it out."""
    page = QWidget()
    qtbot.addWidget(page)
    label = QLabel(page)
    label.setTextFormat(fmt)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if font is not None:
        label.setFont(font)
    label.setText(text)
    QVBoxLayout(page).addWidget(label)
    page.show()
    qtbot.waitExposed(page)
    return dark_pixels(label.grab().toImage())


def painted(text: str, font: QFont | None, colour: str | None = None) -> int:
    """Dark pixels of ``text`` drawn by a painter with room all round: what the font really draws."""
    image = QImage(200, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font or QApplication.font())
    # In the labels' ink (a style sheet may make it softer than black).
    painter.setPen(QColor(colour) if colour else QApplication.palette().color(QPalette.ColorRole.WindowText))
    painter.drawText(QPointF(20, 60), text)
    painter.end()
    return dark_pixels(image)


def mark_ink(qtbot, **kind) -> int:
    """The ink the tone mark adds in a label: "ชี้วัด" less "ชีวัด" (a mark is wider than its vowel)."""
    return ink(qtbot, "ชี้วัด", **kind) - ink(qtbot, "ชีวัด", **kind)


def reference(font: QFont | None = None) -> int:
    """The ink the tone mark adds when nothing clips it."""
    return painted("ชี้วัด", font) - painted("ชีวัด", font)


def test_the_reference_mark_has_ink() -> None:
    assert reference() >= 400  # about 4 x 4 pixels


@pytest.mark.parametrize(
    "kind",
    [
        {"fmt": Qt.TextFormat.RichText},
        {"fmt": Qt.TextFormat.PlainText, "selectable": True},
        {"fmt": Qt.TextFormat.RichText, "font": QFont("Sarabun", 15, QFont.Weight.Bold)},
    ],
    ids=["rich", "selectable", "title-size-bold"],
)
def test_a_label_drawn_through_its_document_paints_the_tone_mark_over_the_vowel(qtbot, kind) -> None:
    assert mark_ink(qtbot, **kind) >= reference(kind.get("font")) * 0.85


def test_the_breadcrumb_keeps_every_mark_of_its_links_and_bold_part(qtbot) -> None:
    words, unmarked = "ตัวชี้วัด พื้นที่", "ตัวชีวัด พืนที่"
    bold = QFont(QApplication.font())
    bold.setBold(True)
    for where, font, colour in (
        (Location("schools", None), None, "#1565c0"),  # a link back
        (None, bold, None),  # where the user is
    ):
        marks = painted(words, font, colour) - painted(unmarked, font, colour)
        drawn = (
            ink(qtbot, breadcrumb_html([(words, where)]), fmt=Qt.TextFormat.RichText)
            - ink(qtbot, breadcrumb_html([(unmarked, where)]), fmt=Qt.TextFormat.RichText)
        )
        assert drawn >= marks * 0.85, where


def test_text_set_after_the_label_is_shown_keeps_its_mark(qtbot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    label = QLabel("ชีวัด", page)
    label.setTextFormat(Qt.TextFormat.RichText)
    QVBoxLayout(page).addWidget(label)
    page.show()
    qtbot.waitExposed(page)
    without = dark_pixels(label.grab().toImage())
    label.setText("<b>ชี้</b>")
    qtbot.waitUntil(lambda: label.height() >= label.sizeHint().height(), timeout=60_000)
    label.setText("ชี้วัด")
    qtbot.waitUntil(lambda: label.height() >= label.sizeHint().height(), timeout=60_000)
    with_mark = dark_pixels(label.grab().toImage())
    assert with_mark - without >= reference() * 0.85
