"""The import preview's "this key is my district office's" tick (s32 B20).

A school's first file from its area office carries the office's verdict (ผ่าน, ส่งกลับแก้ไข) or
budget approval, signed by a key not yet bound here as that office's: the core keeps the decision
waiting (``ImportPreview.office_offer`` names the offices). The card shows the key's fingerprint
in groups to compare by phone and a tick, off until a person ticks it (as "เป็นโรงเรียนเดียวกัน");
ticking asks first, then the import binds the key as that office (``apply_import(office_key=…)``)
and the verdict applies in the same import. Left unticked, the decision waits, and binding later in
แฟ้ม › ผู้ส่งข้อมูล… › ผูกเป็นกุญแจเขต… applies it without importing the file again.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from ui.common.digits import shown

from . import office_strings as o
from .words import SELECTABLE, fingerprint_line, groups, key_font, muted, office_kinds

AMBER = "#8a5a00"


class OfficeTick(QWidget):
    """The section: heading, what it does, the key's groups and one tick per office offered.
    ``on_change(area)`` gets the office ticked ("" when none)."""

    def __init__(self, fingerprint: str, offices: tuple[str, ...], ticked: str,
                 on_change: Callable[[str], None], parent: QWidget | None = None, *,
                 kinds: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        # The kinds of the office's decisions the file carries ("review_decisions", "budget_decisions";
        # none: both said), named in every line here (s34 exw34 T4).
        self._what = office_kinds(dict.fromkeys(kinds, 1))
        self._fingerprint = fingerprint
        self._on_change = on_change
        inner = QVBoxLayout(self)
        inner.setContentsMargins(0, 2, 0, 0)
        inner.setSpacing(3)
        heading = QLabel(o.OFFICE_HEADING.format(what=self._what))
        heading.setWordWrap(True)
        heading.setStyleSheet(f"color: {AMBER}; font-weight: bold;")
        inner.addWidget(heading)
        inner.addWidget(muted(o.OFFICE_EXPLAIN.format(what=office_kinds(dict.fromkeys(kinds, 1), preview=True)),
                             wrap=True))
        self.key = QLabel(fingerprint_line(groups(fingerprint)))
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setFont(key_font(self.key.font(), bold=True))
        self.key.setToolTip(fingerprint)
        self.key.setTextInteractionFlags(SELECTABLE)
        inner.addWidget(self.key)
        self.boxes: dict[str, QCheckBox] = {}
        for area in offices:
            box = QCheckBox(o.OFFICE_CHOICE.format(area=shown(area)))
            font = box.font()
            font.setBold(True)
            box.setFont(font)
            box.setChecked(area == ticked)
            box.setAccessibleName(f"{box.text()} ({groups(fingerprint)})")
            box.clicked.connect(lambda checked, area=area, box=box: self._clicked(area, box, checked))
            self.boxes[area] = box
            inner.addWidget(box)
        self.effect = muted((o.OFFICE_TICKED if ticked else o.OFFICE_LATER).format(what=self._what), wrap=True)
        inner.addWidget(self.effect)

    def _clicked(self, area: str, box: QCheckBox, checked: bool) -> None:
        if checked and not self.confirm(area):
            box.setChecked(False)
            return
        for other, other_box in self.boxes.items():
            if other != area:
                other_box.setChecked(False)
        self.effect.setText((o.OFFICE_TICKED if checked else o.OFFICE_LATER).format(what=self._what))
        self._on_change(area if checked else "")

    def confirm(self, area: str) -> bool:
        """Asks first (the fingerprint to compare, whose key it becomes); tests replace it."""
        answer = QMessageBox.question(
            self, o.OFFICE_CONFIRM_TITLE,
            o.OFFICE_CONFIRM.format(area=shown(area), groups=groups(self._fingerprint)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
