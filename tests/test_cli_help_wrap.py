"""The command line's help wraps Thai between words (try11b F20): argparse wraps by characters, and
``import --help`` printed a line beginning "ึกไว้แล้วในเครื่องนี้", a vowel mark torn off its
consonant, the first thing the issue says a line must never do."""

from __future__ import annotations

import argparse
import unicodedata

import pytest

from qualityschool_desktop.cli import build_parser

FOLLOWING_VOWELS = "\u0e30\u0e32\u0e33\u0e45"


def every_help(columns: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("COLUMNS", str(columns))
    parser = build_parser()
    helps = {"main.py": parser.format_help()}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                helps[name] = sub.format_help()
    return helps


@pytest.mark.parametrize("columns", [80, 60, 100])
def test_no_help_line_starts_with_a_mark_or_inside_a_word(columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    found = []
    for name, text in every_help(columns, monkeypatch).items():
        for line in text.splitlines():
            first = line.lstrip()[:1]
            if first and (unicodedata.category(first) == "Mn" or first in FOLLOWING_VOWELS):
                found.append(f"{name}: {line!r}")
    assert not found, "\n".join(found)


def test_thai_words_are_kept_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    helps = every_help(80, monkeypatch)
    lines = [line.strip() for line in helps["import"].splitlines()]
    assert not any(line.endswith("บันท") for line in lines), lines
    assert any("เครื่องนี้" in line for line in lines)
    assert "--same-school" in helps["import"]
