"""An area office's name typed with an Arabic digit ("สพป.ตาก เขต 1", as stored) is shown in the
window's digit style, like every other number (try12c finding 4: Thai-digit views kept the "1").
Display only: the stored name is unchanged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qualityschool_desktop.workspace import Workspace
from ui.common import digits
from ui.schools.school_page import profile_line
from ui.schools.schools_page import COL_OFFICE, SchoolsModel, load_rows


pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def workspace(memory_workspace: Workspace) -> Workspace:
    memory_workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", area_office="สพป.ตาก เขต 1")
    return memory_workspace


def test_the_office_follows_the_digit_style_in_the_profile_and_the_list(workspace: Workspace,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # The style as the views read it (set_style would also re-render other tests' leftover views).
    chosen = ["thai"]
    monkeypatch.setattr(digits, "style", lambda: chosen[0])
    school = workspace.schools.list()[0]
    model = SchoolsModel()
    model.set_rows(load_rows(workspace))
    shown_in_list = lambda: model.data(model.index(0, COL_OFFICE), Qt.ItemDataRole.DisplayRole)  # noqa: E731
    assert "สพป.ตาก เขต ๑" in profile_line(school)
    assert shown_in_list() == "สพป.ตาก เขต ๑"
    chosen[0] = "arabic"
    assert "สพป.ตาก เขต 1" in profile_line(school)
    assert shown_in_list() == "สพป.ตาก เขต 1"
    assert workspace.schools.list()[0].area_office == "สพป.ตาก เขต 1"  # stored as typed
