"""Thai conventions: digits, Buddhist Era dates, fiscal years, number formatting.

The one place digits are converted: :func:`digits` for a value in a chosen style and
:class:`DigitText` for a document that writes everything of its own in one style (the reports).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any, Literal

DigitStyle = Literal["thai", "arabic"]
BE_OFFSET = 543
NO_SCORE = "–"  # how a missing score is written
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)


def thai_digits(text: str | int | float) -> str:
    """Replace Arabic digits with Thai digits (๐–๙)."""
    return str(text).translate(_THAI_DIGITS)


def arabic_digits(text: str) -> str:
    """Replace Thai digits with Arabic digits (0–9): what people type, made readable for code."""
    return text.translate(_ARABIC_DIGITS)


# A district reads the same few office names for every school (the picture, its filters): remembered.
@lru_cache(maxsize=4096)
def office_name(text: str) -> str:
    """An area office's name (or any name compared as one) with Arabic digits and its runs of
    whitespace made one space, trimmed: "สพป.ตาก  เขต ๑" is "สพป.ตาก เขต 1" (try14e finding f03:
    a Thai digit made another office in budget totals and indicators). How names are stored and
    compared; the window shows them in its digit style."""
    return " ".join(arabic_digits(str(text or "")).split())


def digits(text: str | int | float, style: str) -> str:
    """``text`` with every digit in ``style``: "thai" (๐–๙) or anything else for Arabic (0–9),
    whichever digits it was written with. The per-report choice of DOMAIN.md."""
    return thai_digits(text) if style == "thai" else arabic_digits(str(text))


def digit_style(choice: str) -> DigitStyle:
    """A digit choice as given (a command-line or dialog value) as a :data:`DigitStyle`:
    "arabic" when asked for, Thai otherwise."""
    return "arabic" if choice == "arabic" else "thai"


class DigitText:
    """A document's digit choice applied to everything the document itself writes (labels,
    numbers, codes, its own sentences); texts people typed and the checklist's official wording
    are printed as written. ``t = DigitText("thai")``; ``t("ข้อ 2.1")`` → "ข้อ ๒.๑"."""

    def __init__(self, style: DigitStyle) -> None:
        self.style: DigitStyle = style

    def __call__(self, text: str | int, /, **values: Any) -> str:
        """``text`` in the document's digits; with ``values`` it is a ``str.format`` template whose
        int and float values are converted too, while string values go in as they are (convert
        them with ``t(...)`` first when they are the document's own). Raises ``KeyError`` for a
        placeholder without a value, as ``str.format`` does."""
        converted = digits(text, self.style)
        if not values:
            return converted
        return converted.format(**{
            key: digits(value, self.style) if isinstance(value, (int, float)) else value
            for key, value in values.items()
        })

    def score(self, value: float | None) -> str:
        """A mean score with two decimals ("๓.๒๕"), or :data:`NO_SCORE` for none."""
        return NO_SCORE if value is None else self(f"{value:.2f}")


def short_title(title: str) -> str:
    """A component's title without its leading "ด้าน" ("ด้านการบริหารจัดการ" → "การบริหารจัดการ"):
    under or after "ด้านที่ ๓" the word would come twice. Other titles come back as they are."""
    return title[len("ด้าน"):] if title.startswith("ด้าน") else title


def be_year(ce_year: int) -> int:
    """The Buddhist Era year (พ.ศ.) of a Common Era year: CE + 543 (2026 → 2569)."""
    return ce_year + BE_OFFSET


def fiscal_year_of(day: date) -> int:
    """The Thai fiscal year (BE) a day belongs to: it runs 1 October – 30 September and is named
    by the BE year in which it ends."""
    return be_year(day.year + (1 if day.month >= 10 else 0))


def format_date(day: date, *, short: bool = False, style: str = "arabic") -> str:
    """23 พฤศจิกายน 2569 (or ๒๓ พ.ย. ๒๕๖๙)."""
    months = MONTHS_SHORT if short else MONTHS
    return digits(f"{day.day} {months[day.month - 1]} {be_year(day.year)}", style)


def local_moment(value: str | datetime | None) -> datetime | None:
    """A stamp (``clock.now_iso``'s UTC form, "2026-12-01T03:48:35.255Z", or an aware ``datetime``)
    in the reader's local time, or None when it cannot be: not a stamp, or a moment the local
    calendar cannot hold (9999-12-31T23:59Z is in year 10000 east of Greenwich; Windows refuses
    years before 1970). Never raises: a stamp stored before the validator knew its years must not
    stop a window from opening or a command from printing (issue 10)."""
    if not value:
        return None
    try:
        when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        return when.astimezone() if when.tzinfo is not None else when
    except (ValueError, OverflowError, OSError):
        return None


def format_moment(stamp: str | datetime | None, *, style: str = "arabic", short: bool = True) -> str:
    """A stored stamp (see :func:`local_moment`) as a Thai date and local time in the Buddhist Era:
    "1 ธ.ค. 2569 เวลา 10:48 น." (Thai digits with ``style="thai"``; the month in full with
    ``short=False``), for the command line's messages and the window (``ui.common.digits.moment``).
    The stamp as stored when it cannot be read or shown in local time, :data:`NO_SCORE` for none.
    Raises nothing."""
    if not stamp:
        return NO_SCORE
    when = local_moment(stamp)
    if when is None:
        return str(stamp)
    try:
        return digits(f"{format_date(when.date(), short=short)} เวลา {when:%H:%M} น.", style)
    except (ValueError, OverflowError):
        return str(stamp)


def format_score(score: float | None, style: str = "arabic") -> str:
    """A score (a mean level) with two decimals, ``"3.75"`` (``"๓.๗๕"`` with ``style="thai"``);
    :data:`NO_SCORE` for None."""
    return NO_SCORE if score is None else digits(f"{score:.2f}", style)


def format_number(value: int | float, style: str = "arabic", decimals: int = 0) -> str:
    """Thousands separators: 11,867,900."""
    return digits(f"{value:,.{decimals}f}", style)


class Own(str):
    """A text the product writes itself inside a :class:`Sentence` (a school's code, a year, a
    date it formatted): its digits follow the reader's style. Plain ``str`` values are what people
    typed, file names and fingerprints, and are never changed."""

    __slots__ = ()

    def styled(self, style: str) -> str:
        """This text with its digits in ``style`` ("thai" or "arabic")."""
        return digits(str(self), style)


class Moment(str):
    """A stored stamp inside a :class:`Sentence`: :func:`format_moment` of it (Arabic digits, what
    the command line prints), and in a reader's style with :meth:`styled`."""

    __slots__ = ("stamp",)
    stamp: str | datetime | None

    def __new__(cls, stamp: str | datetime | None) -> Moment:
        made = super().__new__(cls, format_moment(stamp))
        made.stamp = stamp
        return made

    def styled(self, style: str) -> str:
        """The moment as a Thai BE date and time in ``style``'s digits."""
        return format_moment(self.stamp, style=style)

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles keep the stamp
        return Moment, (self.stamp,)


def _plain(value: Any) -> Any:
    return value if isinstance(value, (int, float, str)) else str(value)


def _styled(value: Any, style: str) -> Any:
    styled = getattr(value, "styled", None)
    if callable(styled):
        return styled(style)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return digits(value, style)
    return value if isinstance(value, str) else str(value)


class Sentence(str):
    """A Thai sentence the core composed from a ``str.format`` template and values: as a ``str``
    it is the text as the command line prints it (the values as given), and :meth:`styled` writes
    it in a reader's digit style ("thai" or "arabic": the window's, TEST try10 F4) — the template's
    own digits, int and float values, :class:`Own` texts, :class:`Moment` stamps and nested
    sentences (anything with a ``styled(style)`` method) follow the style, while plain ``str``
    values (a name someone typed, a file name, a fingerprint) stay exactly as given.
    ``Sentence("รอบ {round} ของ {name}", round=1, name="โรงเรียนบ้าน 2").styled("thai")`` →
    "รอบ ๑ ของ โรงเรียนบ้าน 2". Raises ``KeyError`` for a placeholder without a value."""

    __slots__ = ("template", "values")
    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Sentence:
        made = super().__new__(cls, template.format(**{key: _plain(value) for key, value in values.items()}))
        made.template = template
        made.values = values
        return made

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles keep the template and values
        return _sentence, (self.template, self.values)

    def styled(self, style: str) -> str:
        """The sentence rewritten in ``style``'s digits: the template's own digits, numbers, ``Own``
        texts, moments and nested sentences follow it; plain ``str`` values (typed names, file
        names, fingerprints) go in as they are."""
        return digits(self.template, style).format(**{key: _styled(value, style) for key, value in self.values.items()})


def _sentence(template: str, values: dict[str, Any]) -> Sentence:
    return Sentence(template, **values)


def in_style(text: Any, style: str) -> str:
    """``text`` in ``style`` when the product composed it (a :class:`Sentence` or anything with a
    ``styled(style)`` method), otherwise as it is (a message of unknown make keeps its digits)."""
    styled = getattr(text, "styled", None)
    return styled(style) if callable(styled) else str(text)
