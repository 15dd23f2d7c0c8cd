"""The shared save-state helper (ui/common/save_state.py) on its own: what the line says, what waits,
when it is tried again. The views' own tests drive it through their widgets."""

from __future__ import annotations

from typing import Any

import pytest

from qualityschool_desktop import storage
from qualityschool_desktop.errors import StorageError, ValidationError
from ui.common import save_state
from ui.common.save_lines import FieldNote, SaveStateLine
from ui.common.save_state import Saver


class Core:
    """A core call that refuses while ``refusing`` is set, and counts its calls."""

    def __init__(self, refusing: BaseException | None = None) -> None:
        self.refusing = refusing
        self.calls: list[Any] = []

    def save(self, value: Any) -> Any:
        self.calls.append(value)
        if self.refusing is not None:
            raise self.refusing
        return value


BUSY = StorageError(storage.BUSY, "busy")


@pytest.fixture
def parts(qtbot):  # type: ignore[no-untyped-def]
    line = SaveStateLine("ทุกการแก้ไขบันทึกทันที")
    qtbot.addWidget(line)
    line.show()
    note = FieldNote("note")
    qtbot.addWidget(note)
    saver = Saver(line, line)
    saver.bind_note(note, lambda key: key[0] == "evidence")
    return line, note, saver


def test_saved_only_after_the_call_returned_and_a_refusal_waits_with_its_reason(parts) -> None:  # type: ignore[no-untyped-def]
    line, note, saver = parts
    core = Core()
    assert saver.run(lambda: core.save(1), key=("level", "1.1.1")) == 1
    assert line.text().startswith("บันทึกแล้ว ✓") and not line.retry_button.isVisible()

    core.refusing = BUSY
    shown: list[Any] = []
    assert saver.run(lambda: core.save(2), key=("level", "1.1.1"), on_failed=shown.append) is None
    assert shown == [BUSY]
    assert line.text().startswith("ยังไม่ได้บันทึก: " + storage.BUSY) and line.retry_button.isVisible()
    assert saver.has_waiting() and note.message() == ""  # the note is for evidence only

    core.refusing = None
    stored: list[Any] = []
    saver._waiting[("level", "1.1.1")].on_saved = stored.append
    assert saver.retry_all()
    assert stored == [2] and line.text().startswith("บันทึกแล้ว ✓") and not line.retry_button.isVisible()


def test_a_refusal_by_the_rules_is_shown_not_offered_a_retry_and_held_until_another_change(parts) -> None:  # type: ignore[no-untyped-def]
    line, note, saver = parts
    core = Core(ValidationError("แบบประเมินนี้ส่งแล้ว แก้ไขไม่ได้"))
    saver.run(lambda: core.save("ก"), key=("evidence", "1.1.1"), typed=True, value="ก")
    assert not line.retry_button.isVisible() and not saver._timer.isActive()
    assert note.message() == "ยังไม่ได้บันทึก: แบบประเมินนี้ส่งแล้ว แก้ไขไม่ได้"
    # Typed text stays in view, so it is held: the line never says saved beside it …
    assert saver.waiting_value(("evidence", "1.1.1")) == "ก"
    other = Core()
    saver.run(lambda: other.save(1), key=("level", "1.1.1"))
    assert core.calls == ["ก", "ก"]  # … and another stored change tries it again
    assert line.text().startswith("ยังไม่ได้บันทึก: แบบประเมินนี้ส่งแล้ว")
    # A choice refused by the rules shows the stored value: nothing is held.
    saver.run(lambda: core.save(2), key=("level", "1.1.2"))
    assert saver.waiting_keys() == [("evidence", "1.1.1")]


def test_typed_text_soon_after_a_busy_refusal_waits_instead_of_waiting_for_the_lock_again(
    parts, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    line, note, saver = parts
    core = Core(BUSY)
    saver.run(lambda: core.save("ก"), key=("evidence", "1.1.1"), typed=True, value="ก")
    saver.run(lambda: core.save("กข"), key=("evidence", "1.1.1"), typed=True, value="กข")
    assert core.calls == ["ก"]  # the second keystroke did not try (each try may wait seconds)
    assert saver.waiting_value(("evidence", "1.1.1")) == "กข"
    assert note.message().startswith("ยังไม่ได้บันทึก")

    monkeypatch.setattr(save_state, "KEYSTROKE_RETRY_GAP", 0.0)
    core.refusing = None
    saver.run(lambda: core.save("กขค"), key=("evidence", "1.1.1"), typed=True, value="กขค")
    assert core.calls == ["ก", "กขค"] and not saver.has_waiting() and note.message() == ""


def test_the_timer_tries_again_and_an_early_tick_does_not_lose_the_retry(qtbot, parts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    line, note, saver = parts
    monkeypatch.setattr(save_state, "RETRY_DELAYS", (0.3, 0.3, 0.3))
    core = Core(BUSY)
    saver.run(lambda: core.save("ก"), key=("evidence", "1.1.1"), typed=True, value="ก")
    saver._retry_due()  # a timer that fires too early finds nothing due ...
    assert saver._timer.isActive() and core.calls == ["ก"]  # ... and waits on
    core.refusing = None
    qtbot.waitUntil(lambda: not saver.has_waiting(), timeout=3000)
    assert core.calls == ["ก", "ก"] and line.text().startswith("บันทึกแล้ว ✓")


def test_a_success_sends_what_waits_from_the_event_loop(qtbot, parts) -> None:  # type: ignore[no-untyped-def]
    line, note, saver = parts
    core = Core(BUSY)
    saver.run(lambda: core.save("ก"), key=("evidence", "1.1.1"), typed=True, value="ก")
    core.refusing = None
    saver.run(lambda: core.save(3), key=("level", "1.1.1"))
    assert line.text().startswith("ยังไม่ได้บันทึก")  # the text still waits: no "saved" yet
    qtbot.waitUntil(lambda: not saver.has_waiting(), timeout=1000)
    assert line.text().startswith("บันทึกแล้ว ✓")


def test_leaving_asks_only_while_something_cannot_be_stored(parts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    line, note, saver = parts
    assert saver.confirm_leave(None)
    core = Core(BUSY)
    saver.run(lambda: core.save("ก"), key=("evidence", "1.1.1"), typed=True, value="ก")
    answers = iter(["stay", "retry", "discard"])
    monkeypatch.setattr(save_state, "ask_unsaved", lambda _parent, _message, **_k: next(answers))
    assert not saver.confirm_leave(None) and saver.has_waiting()
    assert saver.confirm_leave(None) and not saver.has_waiting()  # tried again, then let go
    assert core.calls == ["ก", "ก", "ก", "ก"]


def test_a_closed_view_tries_nothing_more(qtbot, parts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    line, note, saver = parts
    monkeypatch.setattr(save_state, "RETRY_DELAYS", (0.1, 0.1, 0.1))
    core = Core(BUSY)
    saver.run(lambda: core.save("ก"), key=("evidence", "1.1.1"), typed=True, value="ก")
    assert saver._timer.isActive()
    line.close()  # the saver's parent: its connection may be closed next
    assert not saver._timer.isActive()
    qtbot.wait(300)
    assert core.calls == ["ก"]


def test_a_read_only_database_is_never_offered_a_retry(parts) -> None:  # type: ignore[no-untyped-def]
    line, note, saver = parts
    core = Core(StorageError(storage.READ_ONLY, "read_only"))
    assert not core.refusing.retryable
    saver.run(lambda: core.save("ก"), key=("evidence", "1.1.1"), typed=True, value="ก")
    saver.run(lambda: core.save(3), key=("level", "1.1.1"))
    # Said, but nothing waits: no "ลองอีกครั้ง", no timer, no question when leaving.
    assert line.text().startswith("ยังไม่ได้บันทึก: " + storage.READ_ONLY)
    assert note.message().startswith("ยังไม่ได้บันทึก: " + storage.READ_ONLY)
    assert not line.retry_button.isVisible() and not saver.has_waiting() and not saver._timer.isActive()
    assert save_state.text.RETRYING not in line.text()
    assert saver.confirm_leave(None)


def test_a_save_tells_the_other_pages_what_it_changed_once_it_is_stored(qtbot) -> None:  # type: ignore[no-untyped-def]
    from qualityschool_desktop.changes import Changes

    line = SaveStateLine()
    qtbot.addWidget(line)
    published: list[Changes] = []
    saver = Saver(line, line, publish=published.append)
    core = Core()
    saver.run(lambda: core.save("v1"), key=("status", "f1"), changes=Changes(follow_ups=True))
    assert published == [Changes(follow_ups=True)]
    # From the result (the record made), and not while the database refuses.
    core.refusing = BUSY
    saver.run(lambda: core.save("v2"), key=("visit", "v2"), changes=lambda visit_id: Changes(visits={visit_id}))
    assert published == [Changes(follow_ups=True)]
    core.refusing = None
    assert saver.retry_all()
    assert published == [Changes(follow_ups=True), Changes(visits={"v2"})]
    saver.run(lambda: core.save(3), key=("level", "1.1.1"))  # nothing said: nothing published
    assert len(published) == 2
