"""The clock, and the stamps and dates it writes, for records that travel between installations.

Times are for people to read: which of two changes came first is decided by versions (see
``exchange/versions.py``), never by these stamps, because a laptop's clock may be years off (a flat
CMOS battery). The clock is read through :func:`now` only, so a test can move it: set
``clock._offset`` (a ``timedelta``, e.g. with ``monkeypatch.setattr``) and every stamp the core
makes moves with it, while the machine's clock stays as it is. :func:`real_timestamp` and
:func:`real_date` tell whether a text is a stamp or date of this form naming a moment or day that
exists (the exchange and the forms check what they receive with them). Record ids are made in
:mod:`.ids`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

__all__ = ["be_year_hint", "date", "datetime", "iso", "now", "now_iso", "parse_iso", "real_date", "real_timestamp",
           "timedelta", "today"]

# How far this installation's clock is moved from the machine's (tests only; zero in use).
_offset = timedelta(0)


def now() -> datetime:
    """The time now (UTC, aware), as this installation's clock says."""
    return datetime.now(timezone.utc) + _offset


def today() -> date:
    """Today's date where the laptop is (local time), as this installation's clock says."""
    return (datetime.now() + _offset).date()


def now_iso() -> str:
    """UTC time with milliseconds, sortable as text: 2026-11-23T10:15:02.123Z."""
    return iso(now())


def iso(moment: datetime) -> str:
    """``moment`` (aware) in the app's stamp form: UTC with milliseconds and a ``Z``."""
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(value: str) -> datetime:
    """The aware ``datetime`` of a stamp in the app's form (``…Z``; any ISO form with an offset
    too). Raises ``ValueError`` for text that is not one (see :func:`real_timestamp`)."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def real_timestamp(value: str) -> bool:
    """True when ``value`` names a moment that exists (``2026-02-30T…`` and ``…T99:99:99Z`` do not)."""
    try:
        parse_iso(value)
    except ValueError:
        return False
    return True


def real_date(value: str) -> bool:
    """True when ``value`` is a calendar date in ISO form (``2026-02-30`` and ``พรุ่งนี้`` are not)."""
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


# The Buddhist-Era years every date the app keeps lies in (validation.MIN_YEAR_BE–MAX_YEAR_BE).
_BE_YEARS = range(2500, 2701)
BE_CLOCK_HINT = (
    "นาฬิกาของเครื่องน่าจะตั้งปีเป็น พ.ศ. แทน ค.ศ. (ปีในนาฬิกาของเครื่องต้องเป็น ค.ศ. เช่น ๒๐๒๖)"
    " โปรดตั้งวันที่และเวลาของเครื่องให้ถูกต้อง"
)


def be_year_hint(ce_year: int) -> str:
    """Why a stamp or a date of the clock (``ce_year``, read as a Common-Era year) is 543 years
    off: "" for an ordinary year; for a CE year that is a Buddhist-Era year the app keeps (2569,
    where the clock should say 2026 — a laptop set to the Thai year in its clock rather than in its
    display settings) the Thai :data:`BE_CLOCK_HINT` that says so (issue 11, tester 11b finding 13)."""
    return BE_CLOCK_HINT if ce_year in _BE_YEARS else ""
