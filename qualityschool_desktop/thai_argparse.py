"""The command line's own complaints in Thai: argparse's usage line, help headings and errors.

argparse writes "usage:", "options:" and "error: the following arguments are required: --db" in
English, and Python ships no Thai catalogue for it. :class:`ThaiArgumentParser` puts its known
messages (Python 3.11's wording) into Thai and keeps the option names as typed; a message it does
not know is shown after a Thai sentence rather than hidden. The usage line's syntax (``[-h] --db
COMMAND_DB``) stays as it is: it is what the user types.

argparse also wraps help by characters, counting Thai marks as columns: it tore words apart and
began lines with a vowel mark ("ึกไว้แล้ว…"). :class:`ThaiHelpFormatter` wraps between words (the
PDFs' segmentation, :mod:`.typeset.segment`) and counts only the columns a terminal draws.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from typing import NoReturn

# argparse's messages (Lib/argparse.py, Python 3.11) → Thai; groups keep the option names and values.
_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"the following arguments are required: (.+)"), "ยังไม่ได้ใส่ {0}"),
    (re.compile(r"unrecognized arguments: (.+)"), "ไม่รู้จัก {0}"),
    (re.compile(r"one of the arguments (.+) is required"), "ต้องใส่อย่างใดอย่างหนึ่งใน {0}"),
    (re.compile(r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)"), "{0}: ไม่มีตัวเลือก {1} (เลือกได้: {2})"),
    (re.compile(r"argument (.+?): expected one argument"), "{0} ต้องตามด้วยค่าหนึ่งค่า"),
    (re.compile(r"argument (.+?): expected at least one argument"), "{0} ต้องตามด้วยค่าอย่างน้อยหนึ่งค่า"),
    (re.compile(r"argument (.+?): expected (\d+) arguments?"), "{0} ต้องตามด้วยค่า {1} ค่า"),
    (re.compile(r"argument (.+?): invalid \S+ value: (.+)"), "{0}: ค่า {1} ไม่ถูกต้อง"),
    (re.compile(r"argument (.+?): not allowed with argument (.+)"), "{0} ใช้ร่วมกับ {1} ไม่ได้"),
    (re.compile(r"argument (.+?): ignored explicit argument (.+)"), "{0} ไม่รับค่า {1}"),
]
UNKNOWN = "คำสั่งไม่ถูกต้อง ({message})"
ERROR_LINE = "{prog}: ผิดพลาด: {message} (ดูวิธีใช้ด้วย {prog} --help)\n"

_HEADINGS = [
    ("usage: ", "วิธีใช้: "),
    ("\noptions:\n", "\nตัวเลือก:\n"),
    ("\npositional arguments:\n", "\nอาร์กิวเมนต์:\n"),
    ("show this help message and exit", "แสดงวิธีใช้นี้แล้วจบ"),
    ("show program's version number and exit", "แสดงรุ่นของโปรแกรมแล้วจบ"),
]


def thai_error(message: str) -> str:
    """argparse's error ``message`` in Thai (Python 3.11's wording; unknown ones behind a Thai
    sentence). Option names and the values typed are kept as they were."""
    for pattern, thai in _ERRORS:
        match = pattern.fullmatch(message)
        if match:
            return thai.format(*match.groups())
    return UNKNOWN.format(message=message)


def _thai_headings(text: str) -> str:
    for english, thai in _HEADINGS:
        text = text.replace(english, thai)
    return text


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes: combining marks (Thai vowels above and below, tone
    marks) sit on the letter before them."""
    return sum(1 for char in text if not unicodedata.combining(char) and unicodedata.category(char) != "Mn")


def wrap_words(text: str, width: int) -> list[str]:
    """``text`` (one paragraph, spaces collapsed) in lines of at most ``width`` columns, broken only
    between words; a word wider than a line has a line of its own rather than being torn."""
    from .typeset.segment import units  # pythainlp's dictionary: loaded for --help only

    lines: list[str] = []
    line = ""
    for unit in units(text):
        if unit.isspace():
            if line:
                line += " "
            continue
        if line and columns(line) + columns(unit) > width:
            lines.append(line.rstrip())
            line = ""
        line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines


class ThaiHelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, wrapping Thai between words (:func:`wrap_words`)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_words(self._whitespace_matcher.sub(" ", text).strip(), max(width, 20))

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = wrap_words(self._whitespace_matcher.sub(" ", text).strip(), max(width - len(indent), 20))
        return "\n".join(indent + line for line in lines)


class ThaiArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose usage, help headings and errors read in Thai; its sub-command
    parsers are of the same class (``add_subparsers`` makes them with ``type(self)``). A bad
    command line prints the usage and the Thai error to stderr and exits with status 2."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", ThaiHelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def format_usage(self) -> str:
        """The usage line, headed "วิธีใช้:"."""
        return _thai_headings(super().format_usage())

    def format_help(self) -> str:
        """The help, with Thai headings ("วิธีใช้:", "ตัวเลือก:", "อาร์กิวเมนต์:")."""
        return _thai_headings(super().format_help())

    def error(self, message: str) -> NoReturn:
        """Print the usage and ``message`` in Thai (:func:`thai_error`) to stderr; exit with status 2."""
        self.print_usage(sys.stderr)
        self.exit(2, ERROR_LINE.format(prog=self.prog, message=thai_error(message)))
