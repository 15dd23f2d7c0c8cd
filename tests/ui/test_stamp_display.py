"""Issue 10 tester finding #1: no display of a stamp can crash. A stamp far in the future (or in
year 1) stored before the validator knew the years overflowed when turned into local time, and
the import preview, the visit's history, the pending and conflict lists never opened. Every
formatter of a stamp is total: it shows the stamp as stored when it cannot convert it."""

from __future__ import annotations

import time
from datetime import date

import pytest

from qualityschool_desktop.ids import new_id
from qualityschool_desktop.visit_records import VisitEvent
from qualityschool_desktop.workspace import Workspace
from tests.ui.keyboard import show_active
from ui.common.digits import moment
from ui.exchange.words import format_when
from ui.visits.sections import event_text
from ui.visits.view import VisitView

FAR_FUTURE = "9999-12-31T23:59:59.999Z"
YEAR_ONE = "0001-01-01T00:00:00.000Z"


# Windows has no time.tzset (and no IANA names in TZ): a test there cannot put itself in Bangkok's
# time; the tests that need UTC+7 skip, the others run in the machine's own zone.
needs_bangkok = pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset to be in Bangkok's time (POSIX)")


@pytest.fixture(autouse=True)
def bangkok(monkeypatch: pytest.MonkeyPatch):
    """Thai local time (UTC+7): 9999-12-31T23:59Z is in year 10000 there."""
    if not hasattr(time, "tzset"):
        yield
        return
    monkeypatch.setenv("TZ", "Asia/Bangkok")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.mark.parametrize("stamp", [pytest.param(FAR_FUTURE, marks=needs_bangkok), "9999-99-99T99:99:99Z", "พรุ่งนี้"])
def test_a_stamp_that_cannot_be_shown_in_local_time_is_shown_as_stored(stamp: str) -> None:
    assert moment(stamp) == stamp
    assert format_when(stamp) == stamp
    event = VisitEvent(1, new_id(), new_id(), "reopened", "แก้ไขข้อมูล", stamp, "x")
    assert stamp in event_text(event)


def test_year_one_never_raises() -> None:
    """Year 1 holds in Bangkok's calendar on Linux (Windows refuses it: then it is shown as stored)."""
    assert moment(YEAR_ONE) and format_when(YEAR_ONE)


@needs_bangkok
def test_a_real_stamp_is_shown_in_local_time() -> None:
    assert moment("2026-03-03T07:05:00.000Z") == "๓ มี.ค. ๒๕๖๙ เวลา ๑๔:๐๕ น."
    assert format_when("2026-03-03T07:05:00.000Z") == "๓ มี.ค. ๒๕๖๙ เวลา ๑๔:๐๕ น."


@needs_bangkok
def test_a_visit_whose_event_was_stamped_in_year_9999_still_opens(qtbot, memory_workspace: Workspace) -> None:
    ws = memory_workspace
    school = ws.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด", district="แม่สอด", province="ตาก")
    visit = ws.visits.start(school.id, visited_on=date(2026, 2, 3))
    with ws.db.write():  # as a file accepted before the rule of years stored it
        ws.db.execute(
            "INSERT INTO visit_events (id, visit_id, event, reason, happened_at, happened_by)"
            " VALUES (?, ?, 'finalised', '', ?, 'x')", [new_id(), visit.id, FAR_FUTURE])
    view = VisitView(ws, visit.id)
    view.resize(1366, 768)
    show_active(qtbot, view)
    assert FAR_FUTURE in view.sign.events.text()
