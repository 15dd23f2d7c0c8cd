"""V3 (s32): at 125 % a file that brings many warnings showed its yellow warnings box followed by
an empty band of the card's yellow as tall as the warnings themselves, the counts pushed below it:
the flow of the card's two parts took a height measured at the facts' preferred width (the
warnings wrapped in two lines each) for the whole card's width (one line each). The card is as tall
as what it shows; the preview scrolls when it is long."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from tests.laptops import Laptop, laptops  # noqa: F401 (laptops is a fixture)
from ui.exchange.import_dialog import FileCheck, ImportPreviewDialog

from .fit import cut_off_texts
from .test_exchange_review import edited_by_another_key, school_and_district

pytestmark = pytest.mark.usefixtures("styled_app")

# A sentence of the length the merge writes (a sender's clock, a record kept by the laptop's own).
WARNING = ("นาฬิกาของเครื่องผู้ส่งเดินหน้าเวลาจริง: ระเบียนการประเมินของโรงเรียน {n} มีเวลาบันทึกหลังวันนี้ "
           "ตรวจสอบวันที่ของเครื่องผู้ส่งก่อนนำเข้า")
# The preview's size at 100, 125 and 150 % of a 1366×768 screen (fit_to_screen: 1240×710 or what is left).
SIZES = {"100": (1240, 710), "125": (1077, 574), "150": (895, 472)}


def stranger_file_with_warnings(laptops: Callable[[str], Laptop], count: int) -> FileCheck:
    """A file from a key that does not own school A (its changes wait), with ``count`` warnings."""
    school, district, ids = school_and_district(laptops)
    _other, path = edited_by_another_key(laptops, school, ids)
    preview = district.preview(path)
    preview.warnings.extend(WARNING.format(n=n) for n in range(count))
    return FileCheck(Path(path), preview=preview)


def empty_band_under(box: QWidget, card: QWidget) -> int:
    """The height of the card's empty band between ``box``'s bottom and the next text below it."""
    bottom = box.mapTo(card, QPoint(0, box.height())).y()
    tops = [widget.mapTo(card, QPoint(0, 0)).y() for widget in card.findChildren(QWidget)
            if isinstance(widget, (QLabel, QAbstractButton)) and widget.isVisibleTo(card)
            and not box.isAncestorOf(widget) and widget.mapTo(card, QPoint(0, widget.height())).y() > bottom]
    return min(tops, default=card.height()) - bottom


@pytest.mark.parametrize("count", [3, 12])
@pytest.mark.parametrize("scale", SIZES)
def test_no_empty_band_under_the_warnings(qtbot: Any, laptops: Callable[[str], Laptop], count: int,
                                          scale: str) -> None:
    dialog = ImportPreviewDialog([stranger_file_with_warnings(laptops, count)])
    qtbot.addWidget(dialog)
    dialog.resize(*SIZES[scale])
    dialog.show()
    qtbot.wait(50)
    card = dialog.cards[0]
    lines = card.warning_list
    assert lines is not None
    box = lines.parentWidget()
    band = empty_band_under(box, card)
    assert band <= 16, f"{band} pixels of empty card under the warnings at {scale} %"
    assert lines.height() + 1 >= lines.heightForWidth(lines.width())  # every warning shows
    assert cut_off_texts(card) == []
    # Long: the preview scrolls, its buttons in view.
    assert dialog.import_button.isVisible() and dialog.height() <= SIZES[scale][1]
