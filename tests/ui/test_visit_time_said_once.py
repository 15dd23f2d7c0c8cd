"""TEST31b U3: a time the field cannot read ("9.75" in a draft visit) was said three times at once:
in the header's save line, in a red box beside ทบทวนผลการประเมิน (cut to "นา...") and under the field.
The reason is said once, under the field; the save line still says nothing was saved, and points there."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active
from ui.visits.view import VisitView

from .test_date_fields import type_into

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_time_that_cannot_be_read_is_said_once_under_its_field(qtbot: Any, memory_workspace: Workspace,
                                                                  school: Any) -> None:
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 12, 2), start_time="09:00")
    view = VisitView(memory_workspace, visit.id)
    view.resize(1366, 768)
    show_active(qtbot, view)
    type_into(qtbot, view.details.start_edit, "9.75")
    assert "นาที" in view.details.start_edit.error()  # under the field
    assert view.field_note("details") == ""  # no red box beside the round
    line = view.save_state()
    assert line.startswith("ยังไม่ได้บันทึก") and "นาที" not in line and "9.75" not in line
    assert "ใต้ช่อง" in line  # says where the reason is
    view.details.start_edit.line_edit.setFocus()
    type_into(qtbot, view.details.start_edit, "9.45")  # corrected: stored, nothing red
    assert memory_workspace.visits.get(visit.id).start_time == "09:45"
    assert not view.details.start_edit.error() and not view.save_state().startswith("ยังไม่ได้บันทึก")
    view.close()


def test_the_stored_time_typed_again_after_a_refusal_clears_the_header_and_the_field_is_red(
        qtbot: Any, memory_workspace: Workspace, school: Any) -> None:
    """VERIFY31 V1: "9.75" then the stored "09:00" again: the note under the field went but the
    header kept "ยังไม่ได้บันทึก: ดูเหตุผลใต้ช่องสีแดง"; and the field the header calls red was not."""
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 12, 2), start_time="09:00")
    view = VisitView(memory_workspace, visit.id)
    view.resize(1366, 768)
    show_active(qtbot, view)
    field = view.details.start_edit
    assert not _red_in(field.line_edit)
    type_into(qtbot, field, "9.75")
    assert view.save_state().startswith("ยังไม่ได้บันทึก")
    assert _red_in(field.line_edit)  # drawn red, as the header says
    field.line_edit.setFocus()
    type_into(qtbot, field, "09:00")  # what is stored: nothing to save
    assert not field.error() and not view.save_state().startswith("ยังไม่ได้บันทึก")
    assert memory_workspace.visits.get(visit.id).start_time == "09:00" and not _red_in(field.line_edit)
    view.close()


def _red_in(widget: Any) -> bool:
    """Whether some pixel of ``widget`` as drawn is clearly red (its frame)."""
    image = widget.grab().toImage()
    return any(image.pixelColor(x, y).red() > 150 and image.pixelColor(x, y).green() < 90
               and image.pixelColor(x, y).blue() < 90
               for x in range(image.width()) for y in range(image.height()))
