"""One digit style for the whole window: Thai digits (๐–๙) or Arabic (0–9), chosen once
(มุมมอง › ตัวเลข), kept in the window's settings file and the default of every printed report.

Every view writes the numbers it shows (years, rounds, scores, counts, dates) through the helpers
here, never through ``thai_digits`` directly, and re-renders when :func:`notice` says the choice
changed (``follow(self.render)``), so a switch shows at once, without a restart. What people type
(the level keys 1–5, a school code, a date) is read in either style; only what is shown follows
the setting.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import Callable, Protocol, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal

from qualityschool_desktop import thai
from qualityschool_desktop.paths import DATA_DIR_ENV
from qualityschool_desktop.thai import DigitStyle

from .settings import default_settings
from .wrapping import plain, unbroken

DIGITS_KEY = "display/digits"
DEFAULT_STYLE: DigitStyle = "thai"  # official documents (DOMAIN.md); the seeds mostly write Thai digits

# The style per data folder (the override of paths.DATA_DIR_ENV, "" for the user's own), read
# from its settings file once: views ask for it for every cell they draw or sort.
_cache: dict[str, DigitStyle] = {}


class DigitNotice(QObject):
    """Says when the digit style changed (``changed(style)``)."""

    changed = Signal(str)


_notice: DigitNotice | None = None


def notice() -> DigitNotice:
    """The one notice of the process (made on first use, on the GUI thread)."""
    global _notice
    if _notice is None:
        _notice = DigitNotice()
    return _notice


def follow(render: Callable[[], None]) -> None:
    """Call ``render`` each time the style changes. Give a bound method of a widget: Qt drops the
    connection when the widget is deleted."""
    notice().changed.connect(render)


class _StyledField(Protocol):
    def set_digit_style(self, style: str) -> None: ...


Field = TypeVar("Field", bound=_StyledField)


def styled(field: Field) -> Field:
    """``field`` (a ``ThaiDateEdit`` or ``ThaiTimeEdit``, ui/common/date_fields.py) showing its
    value in the window's style now and again each time the style changes; returns ``field``."""
    field.set_digit_style(style())
    notice().changed.connect(field.set_digit_style)
    return field


def style_in(settings: QSettings) -> DigitStyle:
    """The style ``settings`` hold ("thai" when none is set or the value is not one we know)."""
    value = str(settings.value(DIGITS_KEY, DEFAULT_STYLE))
    return "arabic" if value == "arabic" else "thai"


def _folder_key() -> str:
    return os.environ.get(DATA_DIR_ENV, "")


def style() -> DigitStyle:
    """The style chosen for the window (read from the settings file once per data folder)."""
    key = _folder_key()
    found = _cache.get(key)
    if found is None:
        found = _cache[key] = style_in(default_settings())
    return found


def set_style(chosen: str) -> None:
    """Choose ``chosen`` ("thai" or "arabic"; anything else means Thai), store it in the settings
    file and tell every view (only when it changed)."""
    new: DigitStyle = "arabic" if chosen == "arabic" else "thai"
    old = style()
    settings = default_settings()
    settings.setValue(DIGITS_KEY, new)
    settings.sync()
    _cache[_folder_key()] = new
    if new != old:
        notice().changed.emit(new)


# -- what views write -------------------------------------------------------------------------
def shown(value: str | int | float) -> str:
    """``value`` (a year, a round, a count, an item code, a sentence) with its digits in the
    window's style."""
    return thai.digits(value, style())


def shown_text(message: object) -> str:
    """A sentence the window shows but did not compose from numbers (a core error's message, a
    Thai string constant, the framework's title) in the window's style. The core and our constants
    write Thai digits, so in the Arabic style they become 0–9; in the Thai style the text is left
    as it is, so a path or a typed value with Arabic digits inside a message is never altered.
    A slash between Thai digits ("๒/๒๕๖๙", "๒๓/๑๑/๒๕๖๙") is held to the digit after it, and the
    programme's compound words (ปีงบประมาณ, เบิกจ่าย) are held whole, in either style, so a
    word-wrapped label or message box never breaks them (:mod:`.wrapping`).

    A sentence the core composed from a template and values (:class:`thai.Sentence`, also as an
    error's one argument) is written in the window's style as a whole: its numbers, codes and
    dates follow the style, the names people typed, file names and fingerprints in it stay as
    written, in either style (issue 11 "One digit style per screen")."""
    if isinstance(message, BaseException) and len(message.args) == 1:
        message = message.args[0]
    if callable(getattr(message, "styled", None)):
        return unbroken(thai.in_style(message, style()))
    text = str(message)
    return unbroken(text) if style() == "thai" else unbroken(thai.arabic_digits(plain(text)))


def score(value: float | None) -> str:
    """A mean score with two decimals ("3.75" / "๓.๗๕"); "–" for none."""
    return thai.format_score(value, style())


def number(value: int | float, decimals: int = 0) -> str:
    """A count or amount with thousands separators ("1,250" / "๑,๒๕๐")."""
    return thai.format_number(value, style(), decimals)


def day(value: date, *, short: bool = False) -> str:
    """A date in the Buddhist Era ("23 พฤศจิกายน 2569" / "๒๓ พ.ย. ๒๕๖๙")."""
    return thai.format_date(value, short=short, style=style())


def local_moment(value: str | datetime | None) -> datetime | None:
    """A stamp in the reader's local time, or None when it cannot be (:func:`thai.local_moment`)."""
    return thai.local_moment(value)


def moment(value: str | datetime | None, *, short: bool = True) -> str:
    """A stamp as a Thai date and local time ("๓ มี.ค. ๒๕๖๙ เวลา ๑๔:๐๕ น.") in the window's digits;
    "—" for none, and the stamp as stored when it cannot be shown in local time
    (:func:`thai.format_moment`). Never raises."""
    if not value:
        return "—"
    return thai.format_moment(value, style=style(), short=short)