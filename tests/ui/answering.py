"""Answering what a window asks, from a test: a poll that looks every few milliseconds and stops
once it has answered, when its time is up, or when its test ends (the ``answerers_end_with_their_test``
fixture) — never in a later test. s34's CI: an answerer left polling after its test (its question
never came back) pressed Enter on test_report_action's message box many tests later, so that test
waited for ever for a box already gone."""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QTimer

_live: list[object] = []


def keep_looking(step: Callable[[], bool], every_ms: int = 20, within_ms: int = 20_000) -> None:
    """Call ``step`` every ``every_ms`` ms until it returns True (it has answered), ``within_ms`` ms
    have passed, or the test ends. ``step`` may open event loops of its own (a click on a button
    that asks again): it is not called again while it runs."""
    poll = object()
    deadline = time.monotonic() + within_ms / 1000

    def tick() -> None:
        if poll not in _live:  # its test has ended
            return
        if step() or time.monotonic() > deadline:
            _live.remove(poll)
            return
        QTimer.singleShot(every_ms, tick)

    _live.append(poll)
    QTimer.singleShot(0, tick)


def stop_all() -> None:
    """End every poll still looking (the fixture calls it after each test)."""
    _live.clear()
