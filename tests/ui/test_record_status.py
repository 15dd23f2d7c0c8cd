"""The status part the assessment and visit views share (ui/common/record_status.py) on its own:
what it shows, when it asks, what it stores. The views' own tests drive it through their buttons."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from qualityschool_desktop.errors import ValidationError
from ui.common.record_status import RecordStatus, StatusLook, status_notice
from ui.common.save_lines import SaveStateLine
from ui.common.save_state import Saver
from ui.common.widgets import ColourChip

LOOK = StatusLook({"draft": "ฉบับร่าง", "closed": "ปิดแล้ว"}, {"draft": "#78909c", "closed": "#2e7d32"},
                  "ปิดแล้ว อ่านอย่างเดียว")


class View(QWidget):
    def __init__(self, *, read_only: bool = False) -> None:
        super().__init__()
        self.line = SaveStateLine("", self)
        self.saver = Saver(self.line, self)
        self.chip = ColourChip(self)
        self.notice = status_notice("closedNotice", LOOK.closed_notice, self)
        self.close_button, self.reopen_button = QPushButton("ปิด", self), QPushButton("เปิด", self)
        layout = QVBoxLayout(self)
        for widget in (self.line, self.chip, self.notice, self.close_button, self.reopen_button):
            layout.addWidget(widget)
        self.status = RecordStatus(self.saver, self.chip, self.notice, LOOK, read_only=read_only, parent=self)
        self.status.add_buttons(self.close_button, self.reopen_button)


@pytest.fixture
def view(qtbot: Any) -> View:
    widget = View()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_it_shows_the_status_the_buttons_that_apply_and_the_notice(view: View) -> None:
    view.status.show("draft", closed=False)
    assert view.chip.label == "ฉบับร่าง" and view.chip.colour.name() == "#78909c"
    assert view.close_button.isVisible() and not view.reopen_button.isVisible() and not view.notice.isVisible()
    view.status.show("closed", closed=True)
    assert view.chip.label == "ปิดแล้ว"
    assert not view.close_button.isVisible() and view.reopen_button.isVisible()
    assert view.notice.isVisible() and view.notice.text() == LOOK.closed_notice


def test_read_only_turns_the_buttons_off_and_says_why(qtbot: Any) -> None:
    view = View(read_only=True)
    qtbot.addWidget(view)
    view.show()
    view.status.show("draft", closed=False)
    assert not view.close_button.isEnabled() and not view.reopen_button.isEnabled()
    assert view.notice.isVisible() and "อ่านอย่างเดียว" in view.notice.text()


def test_closing_waits_for_the_question_and_says_saved_only_after_the_core(view: View) -> None:
    stored: list[str] = []
    assert view.status.close(lambda: stored.append("closed") or "closed", saved="ปิดแล้ว ✓ {time}",
                             on_saved=stored.append, confirm=lambda: False) is None
    assert stored == [] and view.line.text() == ""
    view.status.close(lambda: "closed", saved="ปิดแล้ว ✓ {time}", on_saved=stored.append, confirm=lambda: True)
    assert stored == ["closed"] and view.line.text().startswith("ปิดแล้ว ✓")


def test_reopening_asks_a_reason_where_one_is_needed_and_shows_a_refusal(view: View) -> None:
    reasons: list[str] = []

    def reopen(reason: str) -> str:
        if not reason.strip():
            raise ValidationError("กรุณาระบุเหตุผล")
        reasons.append(reason)
        return "draft"

    view.status.reopen(reopen, saved="เปิดแล้ว", on_saved=lambda _status: None, reason=lambda: None)  # cancelled
    assert reasons == [] and view.line.text() == ""
    view.status.reopen(reopen, saved="เปิดแล้ว", on_saved=lambda _status: None, reason=lambda: "  ")
    assert "กรุณาระบุเหตุผล" in view.line.text()
    view.status.reopen(reopen, saved="เปิดแล้ว", on_saved=lambda _status: None, reason=lambda: "แก้ชื่อ")
    assert reasons == ["แก้ชื่อ"] and view.line.text() == "เปิดแล้ว"
    # Without a reason function the record is reopened with none (a round needs none).
    opened: list[str] = []
    view.status.reopen(lambda reason: opened.append(reason) or "draft", saved="เปิดแล้ว", on_saved=lambda _s: None)
    assert opened == [""]
