"""Issue 10 (T4): at an office, a school that came by exchange (bound to the school's keys) is shown
read-only with the reason — its profile, rounds and answers with their evidence, network schools —
while a school typed at the office stays editable and visits go on as before."""

from __future__ import annotations

import pytest

from qualityschool_desktop.workspace import Workspace
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from ..laptops import CODE_B, NAME_B, laptops, start_school  # noqa: F401 (laptops is a fixture)
from .keyboard import show_active

OWNED_ELSEWHERE = "แก้ไขได้ที่เครื่องของโรงเรียน"


pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_school_from_its_own_file_is_read_only_at_the_district(qtbot, laptops) -> None:  # type: ignore[no-untyped-def]
    school, district = laptops("school"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.network_schools.add(ids["school"], code="6301000011", name="โรงเรียนบ้านป่าไม้")
    district.import_(school.export("a.qsx"))
    with district.open() as workspace:
        typed = workspace.schools.add(code=CODE_B, name=NAME_B, district="แม่สอด", province="ตาก", level="primary")
    district.activate()
    window = MainWindow(Workspace.open(district.db))
    window.resize(1366, 768)
    show_active(qtbot, window)

    window.navigate(Location("school", ids["school"]))
    page = window.page("school")
    assert page.owned_notice.isVisible() and OWNED_ELSEWHERE in page.owned_notice.text()
    assert not page.edit_button.isEnabled() and OWNED_ELSEWHERE in page.edit_button.toolTip()
    rounds, visits, network = page.tab("rounds"), page.tab("visits"), page.tab("network")
    assert not rounds.new_button.isEnabled()
    assert visits.new_button.isEnabled()  # a supervisor still visits
    page.tabs.setCurrentWidget(network)
    assert not network.add_button.isEnabled() and OWNED_ELSEWHERE in network.hint_text()
    window.grab().save("/tmp/owners4-school.png")

    window.navigate(Location("assessment", ids["assessment"]))
    view = window.stack.currentWidget()
    panel = view._panel
    assert not any(choice.radio.isEnabled() for choice in panel.level_choices.values())
    # TEST29b B7: the levels looked editable: the whole row, descriptor too, is drawn disabled.
    assert not any(choice.descriptor.isEnabled() for choice in panel.level_choices.values())
    assert panel.evidence.isReadOnly() and not panel.attach_button.isEnabled()
    assert view._submitted_notice.isVisible() and OWNED_ELSEWHERE in view._submitted_notice.text()
    assert not view._submit_button.isEnabled()
    window.grab().save("/tmp/owners4-assessment.png")

    window.navigate(Location("school", typed.id))  # typed here: editable as before
    page = window.page("school")
    assert not page.owned_notice.isVisible() and page.edit_button.isEnabled()
    assert page.tab("rounds").new_button.isEnabled()
    page.tabs.setCurrentWidget(page.tab("network"))
    assert page.tab("network").add_button.isEnabled()
    window.close()
