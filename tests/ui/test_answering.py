"""The tests' answerer ends with its test: s34's CI failed because one left polling pressed Enter on
a message box of test_report_action, many tests later."""

from __future__ import annotations

from typing import Any

from . import answering


def test_an_answerer_that_never_answered_stops_when_its_test_ends(qtbot: Any) -> None:
    calls: list[int] = []
    answering.keep_looking(lambda: bool(calls.append(1)))  # never answers
    qtbot.waitUntil(lambda: len(calls) > 2)
    answering.stop_all()  # what the autouse fixture does after each test
    seen = len(calls)
    qtbot.wait(100)
    assert len(calls) == seen


def test_an_answerer_stops_once_it_has_answered_or_its_time_is_up(qtbot: Any) -> None:
    answered: list[int] = []
    answering.keep_looking(lambda: bool(answered.append(1)) or True)
    waited: list[int] = []
    answering.keep_looking(lambda: bool(waited.append(1)), within_ms=50)
    qtbot.wait(200)
    assert len(answered) == 1
    seen = len(waited)
    qtbot.wait(100)
    assert len(waited) == seen
