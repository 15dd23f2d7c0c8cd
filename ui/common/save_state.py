"""Honest save state, shared by every view that saves as the user works (issue 8).

The core raises :class:`~qualityschool_desktop.errors.StorageError` when SQLite could not store a
change (another program held the write lock longer than the core waits, the disk is full …) and
:class:`~qualityschool_desktop.errors.ValidationError` when it refuses one. A view then must not
look as if the change was made:

* :class:`~ui.common.save_lines.SaveStateLine` is the view's save-state line: "บันทึกแล้ว ✓
  10:42:05" only after the core call returned, otherwise "ยังไม่ได้บันทึก: <the core's reason>" in
  red with a "ลองอีกครั้ง" button;
* :class:`~ui.common.save_lines.FieldNote` is the red line by a field or section that says the same
  for what is there;
* :class:`Saver` runs the core calls of one view. A refused change (with a ``key`` naming what it
  changes) is remembered and "ลองอีกครั้ง" offered, unless trying again cannot help (a read-only
  database or a damaged file: :func:`may_pass`); while the reason passes by itself
  (``StorageError.retryable``: busy, io) it is tried again on a timer with back-off. Typed text is never given up: the view keeps it in the
  editor, and it is tried again on the timer, on the next keystroke and when the field loses the
  focus until it is stored; :meth:`Saver.confirm_leave` asks before a view with changes still
  waiting is left. On failure the view is told (``on_failed``) so it can show the stored value.
* Typed text refused by the core's rules (an end before the start) is *held*: the view keeps it in
  view with the reason, the line says "ยังไม่ได้บันทึก" while any is held (never "บันทึกแล้ว" beside
  it), and it is tried again each time another change of the view is stored — the change that may
  make it valid (the start moved before it) — and stored then. Leaving asks about it like any
  change waiting; letting it go calls the view's ``on_dropped`` (show the stored value). A value a
  field itself cannot read (``ui/common/date_fields.py``) is held the same way (:meth:`Saver.hold`).
  Once a change is stored (at once or by a later try) the saver tells the window's other pages what
  it changed (``run(..., changes=...)``, published through the ``publish`` it was given, the
  operations helper's ``ops.publish``), so a list showing the same records re-reads them.

Every try waits for the lock on this thread, freezing the window meanwhile: the window's own
workspace waits :data:`WINDOW_WRITE_WAIT_SECONDS` (less than a command's ``WRITE_WAIT_SECONDS``).
So the automatic tries are few and far between (the first comes two seconds after a refusal, by
when the window has answered whatever came in while it waited), and a try that finds the lock
still held ends the round of retries.
"""

from __future__ import annotations

import sqlite3

import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import QualitySchoolError, StorageError, ValidationError
from qualityschool_desktop.printable import cleaning_codes, save_notice, stored_text
from qualityschool_desktop.storage import WINDOW_WRITE_WAIT_SECONDS  # the window's wait (kept there: issue 16)

from . import digits
from . import strings_save as text
from .save_lines import ERROR_COLOUR, SAVED_COLOUR, FieldNote, SaveStateLine

T = TypeVar("T")

# Seconds between the automatic tries of a change refused for a passing reason (busy, io).
RETRY_DELAYS = (2.0, 5.0, 15.0)
# Typed text is not given up after those: it is tried at this pace until it is stored.
TEXT_RETRY_EVERY = 30.0
# A keystroke tries refused text again at most this often: each try may wait for the lock.
KEYSTROKE_RETRY_GAP = 3.0


def is_retryable(error: BaseException) -> bool:
    """Does the reason pass by itself (a lock held, a disk hiccup)? Then the timer tries again."""
    return isinstance(error, StorageError) and error.retryable


# Refusals no later try can turn into a save: the database was opened read-only (or its file or
# folder cannot be written) or it is damaged. They are said, but never offered "ลองอีกครั้ง".
HOPELESS_REASONS = ("read_only", "damaged")


def may_pass(error: BaseException) -> bool:
    """May the same change succeed if tried again, by itself or once the user made room on the
    disk? (A refusal by the core's rules, or by a read-only database, will not.)"""
    return isinstance(error, StorageError) and error.reason not in HOPELESS_REASONS


def is_rule(error: BaseException) -> bool:
    """Refused by the core's rules (not by the database): the same value may pass once a related
    value changes (an end time once the start moves before it)."""
    return not isinstance(error, StorageError)


def done(action: Callable[..., object], *arguments: object) -> bool:
    """Run a core call that returns nothing; True once it returned without raising."""
    action(*arguments)
    return True


def ask_unsaved(parent: QWidget | None, message: str, *, can_retry: bool = True) -> str:
    """Ask what to do with changes not yet stored: "retry", "discard" or "stay". Without
    ``can_retry`` (no try can store them: refused by the rules) there is no "retry" and the
    default is to stay and fix them (TEST32b B13: the default's try asked again for ever)."""
    box = QMessageBox(QMessageBox.Icon.Warning, text.LEAVE_TITLE, message, parent=parent)
    retry = box.addButton(text.LEAVE_RETRY, QMessageBox.ButtonRole.AcceptRole) if can_retry else None
    discard = box.addButton(text.LEAVE_DISCARD, QMessageBox.ButtonRole.DestructiveRole)
    stay = box.addButton(text.LEAVE_STAY, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry if retry is not None else stay)
    box.setEscapeButton(stay)
    box.exec()
    clicked = box.clickedButton()
    return "retry" if retry is not None and clicked is retry else "discard" if clicked is discard else "stay"


@dataclass
class _Waiting:
    """A change the database has not taken yet."""

    action: Callable[[], Any]
    on_saved: Callable[[Any], None] | None
    typed: bool
    value: Any
    error: QualitySchoolError
    attempts: int
    last_try: float
    due: float | None = None  # when the timer tries it again; None: only when asked
    on_failed: Callable[[QualitySchoolError], None] | None = None
    on_dropped: Callable[[], None] | None = None

    @property
    def held(self) -> bool:
        """Refused by the rules, kept in view: tried again when another change is stored."""
        return not may_pass(self.error)


class Saver(QObject):
    """Runs one view's core calls and keeps its save state honest (see the module's notes)."""

    def __init__(self, line: SaveStateLine | None, parent: QObject, *,
                 publish: Callable[[Changes], None] | None = None, changes: Changes | None = None) -> None:
        """``publish``: where the change notices of stored changes go (the window's
        ``shell.ops.publish``; None: nowhere, as for a view on its own in a test). ``changes``:
        what a save of this view changes unless its ``run`` says otherwise (a visit view's: that
        visit), so a save added later is announced too."""
        super().__init__(parent)
        self._line = line
        self._publish = publish
        self._changes = changes
        self._failed: dict[Hashable, QualitySchoolError] = {}  # the last refusal of each key
        self._waiting: dict[Hashable, _Waiting] = {}
        self._at_field: set[Hashable] = set()  # held refusals their field says itself (see hold)
        self._notes: list[tuple[FieldNote, Callable[[Hashable], bool]]] = []
        self._in_held = False  # trying held values again (a store inside does not start another round)
        # What the cleaning did to the last save made while a refusal still shows (TEST34B B12):
        # said after the refusal, with the codes for the tooltip; "" when there is nothing to say.
        self._cleaned, self._cleaned_codes = "", ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one may come early
        self._timer.timeout.connect(self._retry_due)
        if line is not None:
            line.retry_button.clicked.connect(lambda _checked=False: self.retry_all())
        if isinstance(parent, QWidget):
            parent.installEventFilter(self)  # a closed view or dialog tries nothing more

    # -- running core calls --------------------------------------------------------------------
    def run(
        self, action: Callable[[], T], *, key: Hashable | None = None, typed: bool = False, value: Any = None,
        quiet: bool = False, saved: str | None = None, on_saved: Callable[[T], None] | None = None,
        on_failed: Callable[[QualitySchoolError], None] | None = None,
        changes: Changes | Callable[[T], Changes] | None = None, on_dropped: Callable[[], None] | None = None,
        stored: Callable[[T], Any] | None = None,
    ) -> T | None:
        """Call the core; its result, or None when it raised (the state then says why).

        ``key`` names what the call changes: a newer call with the same key replaces a waiting
        one. ``typed``: the value is typed text (kept by the view, tried until stored; a keystroke
        soon after a refusal only updates what will be tried). ``saved``: the message on success
        (may hold ``{time}``); ``quiet``: none. ``on_saved`` runs after a success, also a later
        retry's; ``on_failed`` right after a refusal (show the stored value there; for typed
        text held after a refusal by the rules, show the reason: also after a later try).
        ``on_dropped``: the user let a held or waiting change go (show the stored value).
        ``changes``: what the call changes for other pages (or a function of its result that
        says so), published after ``on_saved`` once it is stored, never for a refusal.
        ``stored``: what the core stored of ``value``, read off the call's result, so the line says
        what the cleaning did to this field (a one-line field makes a line break a space: TEST34B B13)."""
        changes = changes if changes is not None else self._changes
        if changes is not None:
            on_saved = self._publishing(on_saved, changes)
        waiting = self._waiting.get(key) if key is not None else None
        if typed and waiting is not None and is_retryable(waiting.error) and (
            time.monotonic() - waiting.last_try < KEYSTROKE_RETRY_GAP
        ):
            waiting.action, waiting.value, waiting.on_saved = action, value, on_saved
            return None
        try:
            result = action()
        except QualitySchoolError as error:
            self._refused(key, error, action, typed, value, on_saved, on_failed, on_dropped)
            if on_failed is not None:
                on_failed(error)
            return None
        self._stored(key)
        kept = stored(result) if stored is not None else stored_text(value, result)
        notice = digits.shown_text(save_notice(value, kept))
        self._cleaned, self._cleaned_codes = (notice, cleaning_codes(value)) if notice else ("", "")
        if notice:
            # What the core's cleaning did to the typed text, in words (the codes in the tooltip), and
            # which characters of what is stored will print as boxes (issue 11, TEST34 T2, TEST34B B13).
            escaped = notice.replace("{", "{{").replace("}", "}}")
            self._show_after_success((saved or text.SAVED) + "  " + escaped)
        else:
            self._show_after_success(None if quiet else saved or text.SAVED)
        if on_saved is not None:
            on_saved(result)
        self._refresh_notes()
        self._retry_held()
        return result

    def _publishing(self, on_saved: Callable[[T], None] | None,
                    changes: Changes | Callable[[T], Changes]) -> Callable[[T], None]:
        """``on_saved``, then the change notice (a stored change only ever comes through here)."""

        def saved(result: T) -> None:
            if on_saved is not None:
                on_saved(result)
            if self._publish is not None:
                self._publish(changes if isinstance(changes, Changes) else changes(result))

        return saved

    def read(self, action: Callable[[], T], default: T) -> T:
        """A read for the view: on failure the line says so and ``default`` is shown; a view left
        over from a database that was closed (another one opened) reads nothing and shows ``default``."""
        try:
            return action()
        except sqlite3.ProgrammingError:  # "Cannot operate on a closed database": nothing to show
            return default
        except QualitySchoolError as error:
            if self._line is not None and not self._waiting:
                self._line.show_message(text.READ_FAILED.format(reason=error), ERROR_COLOUR)
            return default

    def show_saved(self, template: str) -> None:
        """Show ``template`` (may hold ``{time}``) as the success message now: for a message that
        depends on the call's result (``on_saved`` calls it), unless a change still waits."""
        self._show_after_success(template)

    def say(self, message: str, colour: str = SAVED_COLOUR) -> None:
        """A message on the line, unless a change still waits (that stays in view)."""
        if self._line is not None and not self._waiting:
            self._line.show_message(message, colour)

    # -- what is waiting -----------------------------------------------------------------------
    def has_waiting(self) -> bool:
        return bool(self._waiting)

    def waiting_value(self, key: Hashable) -> Any:
        """The typed value still waiting under ``key`` (None when nothing waits)."""
        waiting = self._waiting.get(key)
        return waiting.value if waiting is not None else None

    def waiting_keys(self) -> list[Hashable]:
        return list(self._waiting)

    def error_for(self, key: Hashable) -> QualitySchoolError | None:
        return self._failed.get(key)

    def discard_all(self) -> None:
        """Let every waiting and held change go: each view's ``on_dropped`` shows what is stored."""
        dropped = [waiting.on_dropped for waiting in self._waiting.values() if waiting.on_dropped is not None]
        self._waiting.clear()
        self._failed.clear()
        self._timer.stop()
        for show_stored in dropped:
            show_stored()
        self._show_as_stored()
        self._refresh_notes()

    def hold(self, key: Hashable, error: QualitySchoolError, *, retry: Callable[[], Any],
             on_dropped: Callable[[], None] | None = None, at_field: bool = False) -> None:
        """A value the view holds refused before it reached the core (a date its field cannot
        read): the line says "ยังไม่ได้บันทึก" with ``error`` and leaving asks, as for a refused
        save under ``key``. ``retry`` tries it again (raises a QualitySchoolError while it still
        cannot be taken); ``on_dropped`` puts the stored value back when the user lets it go.
        ``at_field``: the field says ``error`` under itself, so the line only points there and a
        note bound to ``key`` stays quiet (TEST31b U3: "9.75" was said three times at once)."""
        if at_field:
            self._at_field.add(key)
        else:
            self._at_field.discard(key)
        waiting = self._waiting.get(key)
        if waiting is not None and waiting.held:
            waiting.error, waiting.last_try = error, time.monotonic()
        else:
            self._waiting[key] = _Waiting(retry, None, True, None, error, 1, time.monotonic(),
                                          on_dropped=on_dropped)
        self._failed[key] = error
        self._show_waiting()
        self._refresh_notes()

    def forget_refused(self, matches: Callable[[Hashable], bool]) -> None:
        """Refusals the user has moved past (test33 T12: another file attached, another item shown)
        leave their notes; a change still waiting to be tried again stays."""
        gone = [key for key in self._failed if matches(key) and key not in self._waiting]
        for key in gone:
            del self._failed[key]
        if gone:
            self._refresh_notes()

    def drop(self, key: Hashable) -> None:
        """The view put the stored value back itself (Esc): what was held under ``key`` goes."""
        if self._waiting.pop(key, None) is None and self._failed.pop(key, None) is None:
            return
        self._failed.pop(key, None)
        self._schedule()
        if self._waiting:
            self._show_waiting()
        else:
            self._show_as_stored()
        self._refresh_notes()

    def _show_as_stored(self) -> None:
        if self._line is not None and not self._waiting:
            self._line.show_message(text.AS_STORED)

    def bind_note(self, note: FieldNote, matches: Callable[[Hashable], bool]) -> None:
        """Show on ``note`` the refusal of the first key ``matches`` accepts."""
        self._notes.append((note, matches))

    def refresh_notes(self) -> None:
        self._refresh_notes()

    # -- trying again --------------------------------------------------------------------------
    def retry_all(self) -> bool:
        """Try every waiting change now (the button, leaving the view); True once none waits."""
        self._retry(list(self._waiting))
        return not self._waiting

    def retry_on_focus_out(self, *widgets: QWidget) -> None:
        """Typed text waiting is tried again when one of ``widgets`` loses the keyboard focus."""
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close and watched is self.parent():
            self._timer.stop()
        elif event.type() == QEvent.Type.FocusOut and self._waiting:
            now = time.monotonic()
            self._retry([k for k, w in self._waiting.items() if w.typed and now - w.last_try >= KEYSTROKE_RETRY_GAP])
        return False

    def confirm_leave(self, parent: QWidget | None) -> bool:
        """Before the view goes: try what waits; if some still cannot be stored, ask whether to
        try again, let it go, or stay. True when the view may go."""
        if not self._waiting:
            return True
        self.retry_all()
        while self._waiting:
            error = self._all_reasons()
            can_retry = self._can_retry()  # only held values: a try meets the same refusal
            question = text.LEAVE_QUESTION if can_retry else text.LEAVE_QUESTION_FIX
            message = question.format(count=digits.number(len(self._waiting)), reason=error)
            # looked up each time: tests answer for the user
            choice = ask_unsaved(parent, message, can_retry=can_retry)
            if choice == "discard":
                self.discard_all()
            elif choice == "retry" and can_retry:
                self.retry_all()
            else:
                return False
        return True

    # -- internals -----------------------------------------------------------------------------
    def _refused(
        self, key: Hashable | None, error: QualitySchoolError, action: Callable[[], Any], typed: bool, value: Any,
        on_saved: Callable[[Any], None] | None, on_failed: Callable[[QualitySchoolError], None] | None,
        on_dropped: Callable[[], None] | None,
    ) -> None:
        if key is not None:
            self._failed[key] = error
            self._at_field.discard(key)  # the core's refusal: said on the line as any other
            before = self._waiting.pop(key, None)
            # A refusal by the disk or the lock may pass; typed text refused by the core's rules
            # stays in view and is held until a related change makes it valid. A choice refused by
            # the rules shows the stored value again, and nothing helps a read-only database.
            if may_pass(error) or (typed and is_rule(error)):
                attempts = before.attempts + 1 if before is not None else 1
                waiting = _Waiting(action, on_saved, typed, value, error, attempts, time.monotonic(),
                                   on_failed=on_failed, on_dropped=on_dropped)
                waiting.due = self._next_try(waiting)
                self._waiting[key] = waiting
        self._schedule()
        self._cleaned, self._cleaned_codes = "", ""  # a newer refusal: the line says the refusals only
        if self._line is not None:
            self._line.show_failed(self._all_reasons(error), retrying=self._retrying(), can_retry=self._can_retry())
        self._refresh_notes()

    def _all_reasons(self, newest: QualitySchoolError | None = None) -> QualitySchoolError:
        """Why each change still waiting was refused, newest last, each reason once (TEST34 T3:
        a refused name then a refused amount: the line named only the amount). One reason is
        the error itself; several are one error that says them all."""
        reasons: list[QualitySchoolError] = []
        for key, waiting in self._waiting.items():
            reasons.append(ValidationError(text.SEE_FIELD) if key in self._at_field else waiting.error)
        if newest is not None and newest not in reasons:
            reasons.append(newest)
        said = list(dict.fromkeys(str(reason) for reason in reasons))
        if len(said) <= 1:
            return reasons[-1] if reasons else ValidationError("")
        return ValidationError(text.REASONS_JOIN.join(said))

    def _can_retry(self) -> bool:
        """"ลองอีกครั้ง" only where a try may pass: a held value waits for a related change."""
        return any(not waiting.held for waiting in self._waiting.values())

    def _stored(self, key: Hashable | None) -> None:
        if key is not None:
            self._failed.pop(key, None)
            self._waiting.pop(key, None)
        if any(not waiting.held for waiting in self._waiting.values()):
            # The database just took a change, so the lock is free: what waits goes next, from
            # the event loop rather than inside this call.
            now = time.monotonic()
            for waiting in self._waiting.values():
                if not waiting.held:
                    waiting.due = now
            self._schedule()

    def _retry_held(self) -> None:
        """A change was stored: held values it may have made valid are tried again (after the
        view took the stored change), as long as each round stores one more."""
        if self._in_held:
            return
        self._in_held = True
        try:
            while True:
                held = [key for key, waiting in self._waiting.items() if waiting.held]
                if not held or not self._retry(held):
                    return
        finally:
            self._in_held = False

    def _show_after_success(self, template: str | None) -> None:
        if self._line is None:
            return
        if self._waiting:
            self._show_waiting()
        elif template is not None:
            self._line.show_saved(template, tip=self._cleaned_codes)

    def _show_waiting(self) -> None:
        if self._line is not None and self._waiting:
            # A later save's cleaning is said after the refusal that stays in view (TEST34B B12).
            also = text.ALSO_SAVED.format(notice=self._cleaned) if self._cleaned else ""
            self._line.show_failed(self._all_reasons(), retrying=self._retrying(), can_retry=self._can_retry(),
                                   also=also, tip=self._cleaned_codes)

    def _retrying(self) -> bool:
        return any(waiting.due is not None for waiting in self._waiting.values())

    def _next_try(self, waiting: _Waiting) -> float | None:
        if not is_retryable(waiting.error):
            return None
        if waiting.attempts <= len(RETRY_DELAYS):
            return waiting.last_try + RETRY_DELAYS[waiting.attempts - 1]
        return waiting.last_try + TEXT_RETRY_EVERY if waiting.typed else None

    def _schedule(self) -> None:
        due = [waiting.due for waiting in self._waiting.values() if waiting.due is not None]
        if not due:
            self._timer.stop()
            return
        self._timer.start(max(0, int((min(due) - time.monotonic()) * 1000)))

    def _retry_due(self) -> None:
        now = time.monotonic()
        due = [k for k, w in self._waiting.items() if w.due is not None and w.due <= now + 0.05]
        if due:
            if self._retry(due):
                self._retry_held()  # a change stored late may make a held one valid, as at once
        else:
            self._schedule()  # the timer came early: wait for the rest

    def _retry(self, keys: list[Hashable]) -> int:
        """Try ``keys`` now; how many were stored."""
        if not keys:
            return 0
        stored: list[tuple[Callable[[Any], None] | None, Any]] = []
        refused: list[tuple[_Waiting, QualitySchoolError]] = []
        dropped: QualitySchoolError | None = None
        for index, key in enumerate(keys):
            waiting = self._waiting.get(key)
            if waiting is None:
                continue
            try:
                result = waiting.action()
            except QualitySchoolError as error:
                if self._waiting.get(key) is not waiting:
                    continue  # the try itself put a newer change under the key (a field's commit)
                self._failed[key] = error
                waiting.error, waiting.attempts, waiting.last_try = error, waiting.attempts + 1, time.monotonic()
                refused.append((waiting, error))
                if not may_pass(error):
                    if not (waiting.typed and is_rule(error)):
                        # Nothing shows it any more (a choice shows the stored value): said on the line.
                        del self._waiting[key]
                        dropped = error
                    waiting.due = None
                    continue
                waiting.due = self._next_try(waiting)
                if is_retryable(error):
                    # Still busy: the others would only wait for the same lock. They go with it.
                    for later in keys[index + 1:]:
                        if later in self._waiting:
                            self._waiting[later].due = waiting.due
                    break
                continue
            if self._waiting.get(key) is waiting:  # not replaced by a newer change during the try
                del self._waiting[key]
                self._failed.pop(key, None)
            stored.append((waiting.on_saved, result))
        self._schedule()
        if self._waiting:
            self._show_waiting()
        elif dropped is not None and self._line is not None:
            self._line.show_failed(dropped)
        elif stored and self._line is not None:
            self._line.show_saved()
        # A try refused by the rules: the view shows why (its reason may have changed).
        for waiting, reason in refused:
            if not may_pass(reason) and waiting.on_failed is not None:
                waiting.on_failed(reason)
        # After the line: a view's own message for the change (say()) then stands.
        for on_saved, result in stored:
            if on_saved is not None:
                on_saved(result)
        self._refresh_notes()
        return len(stored)

    def _refresh_notes(self) -> None:
        for note, matches in self._notes:
            note.show_error(next((error for key, error in self._failed.items()
                                  if matches(key) and not (key in self._at_field and key in self._waiting)), None))
