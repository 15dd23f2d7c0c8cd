"""Issue 10 (X10 gap 2): a school's visits that another laptop recorded (they came by exchange)
are listed beside this laptop's own, marked as recorded elsewhere, and open read-only with the
reason ("บันทึกโดยเครื่องอื่น — อ่านอย่างเดียว"): no field, level, file, person or follow-up can
be changed and neither finalise nor reopen is offered; this laptop's own visit stays editable."""

from __future__ import annotations

from datetime import date

import pytest

from qualityschool_desktop.workspace import Workspace
from ui.shell.api import Location
from ui.shell.main_window import MainWindow
from ui.visits.view import VisitView

from ..laptops import laptops, start_school, start_visit  # noqa: F401 (laptops is a fixture)
from .keyboard import show_active

ELSEWHERE = "บันทึกโดยเครื่องอื่น — อ่านอย่างเดียว"


pytestmark = pytest.mark.usefixtures("styled_app")


def test_visits_made_on_another_laptop_are_listed_and_open_read_only(qtbot, laptops) -> None:  # type: ignore[no-untyped-def]
    school, supervisor, colleague = laptops("school"), laptops("supervisor"), laptops("colleague")
    with school.open() as workspace:
        ids = start_school(workspace)
    supervisor.import_(school.export("a.qsx"))
    with supervisor.open() as workspace:
        final_id = start_visit(workspace, ids["school"])
        draft = workspace.visits.start(ids["school"], visited_on=date(2025, 12, 10), purpose="นิเทศการสอน")
        workspace.visits.add_person(draft.id, "visitor", "นางสาวศึกษา นิเทศดี", "ศึกษานิเทศก์")
    colleague.import_(supervisor.export("s.qsx"))
    with colleague.open() as workspace:
        own = workspace.visits.start(ids["school"], visited_on=date(2025, 12, 20), purpose="ของเครื่องนี้")
    colleague.activate()
    window = MainWindow(Workspace.open(colleague.db))
    window.resize(1366, 768)
    show_active(qtbot, window)

    window.navigate(Location("school", ids["school"]))
    page = window.page("school")
    tab = page.tab("visits")
    page.tabs.setCurrentWidget(tab)
    assert [v.id for v in tab.visits] == [own.id, draft.id, final_id]  # all of the school's, newest first
    marks = [tab.table.item(row, 3).text() for row in range(tab.table.rowCount())]
    assert "เครื่องอื่น" not in marks[0]
    assert all("บันทึกโดยเครื่องอื่น" in mark for mark in marks[1:])
    window.grab().save("/tmp/x10-visits-tab.png")

    for visit_id in (draft.id, final_id):
        window.navigate(Location("visit", visit_id))
        view = window.view
        assert isinstance(view, VisitView) and view.visit_id == visit_id
        assert view._final_notice.isVisible() and ELSEWHERE in view._final_notice.text()
        assert not view.finalise_button.isEnabled() and not view.reopen_button.isEnabled()
        assert not view.sign.finalise_button.isEnabled() and not view.sign.reopen_button.isEnabled()
        assert view.general.purpose_edit.isReadOnly()
        assert not view.details.date_edit.isEnabled()
        assert not view.visitors.add_button.isEnabled()
        panel = next(iter(view.finding_panels.values()))
        assert not any(radio.isEnabled() for radio in panel.picker.radios.values())
        assert all(box.isReadOnly() for box in panel.texts.values())
        assert not panel.files.attach_button.isEnabled()
        assert not view.follow_ups.add_button.isEnabled()
        if visit_id == draft.id:
            view.go_to_section("general")
            window.grab().save("/tmp/x10-visit-elsewhere.png")
    with Workspace.open(colleague.db) as workspace:  # nothing changed by opening them
        assert workspace.visits.get(draft.id).purpose == "นิเทศการสอน"
        assert workspace.visits.get(draft.id).status == "draft"

    window.navigate(Location("visit", own.id))  # her own visit: editable as before
    view = window.view
    assert not view._final_notice.isVisible()
    assert not view.general.purpose_edit.isReadOnly() and view.finalise_button.isEnabled()
    # The supervisor's follow-up it carries: her maker closes it, not this visit.
    view.go_to_section("follow_ups")
    carried = view.follow_ups.carried
    assert carried.rowCount() == 1
    carried.selectRow(0)
    assert not view.follow_ups.done_button.isEnabled()
    assert "เครื่องอื่น" in view.follow_ups.done_button.toolTip()
    window.grab().save("/tmp/x10-own-visit-carried.png")
    window.close()
