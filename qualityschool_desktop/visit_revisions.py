"""A confirmed visit record that was reopened and confirmed again: which revision it is, who
reopened it and why, and what changed since the version confirmed before (TEST34C C3).

The paper the school signs carries the findings as they stood at the confirmation; a reopen
overwrites them in place. So each confirmation (``visit_events`` row ``finalised``, migration 0037)
keeps what it confirmed in ``signed_findings``: per component or item code, the supervisor's level
and a short digest of each written text (enough to say exactly *that* a text changed, not a second
copy of every note), and the visit's number (ครั้งที่) as the record printed then, which a
confirmed record prints ever after (TEST35 T3: visits dated earlier that a later file brings must
not renumber the signed paper). ``person_name`` names the member of the visiting team (คณะนิเทศ) who confirmed
or reopened, on a laptop several supervisors share. Both travel with the event (the exchange's
``visit_events``; null, left out, for the events recorded before).

Plain values and Thai phrases only; no Qt, no SQL.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

from .thai import thai_digits
from .value_rules import MAX_CODE, MAX_LEVEL, MIN_LEVEL, Rule
from .visit_records import FINDING_TEXTS, Finding, VisitEvent

__all__ = ["Change", "Revision", "SIGNED_FINDINGS", "change_text", "revision_of", "signed_number", "snapshot",
           "confirmed_number"]

_DIGEST_CHARS = 16  # hex digits of a text's SHA-256 kept: a change is told, the text is not kept twice
MAX_SCOPES = 1000  # codes in one snapshot: far above a framework's components and items
MAX_NUMBER = 100_000  # a visit's number (ครั้งที่) kept with its confirmation: far above any school's

TEXT_LABELS = {"observed": "สิ่งที่พบ", "evidence": "หลักฐานที่ตรวจดู", "strengths": "จุดเด่น",
               "to_develop": "ประเด็นที่ควรพัฒนา", "recommendations": "ข้อเสนอแนะ"}
NO_LEVEL = "ยังไม่ให้ระดับ"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_DIGEST_CHARS]


def snapshot(findings: Mapping[str, Finding], number: int | None = None) -> str:
    """``findings`` (code → finding, as ``Visits.findings`` gives them) as ``signed_findings`` keeps
    them: JSON, codes sorted, an empty finding (no level, no text) left out. With ``number``, the
    visit's number (ครั้งที่) as it printed at this confirmation (TEST35 T3: earlier-dated visits
    imported later must not renumber the signed paper): ``{"findings": {...}, "number": n}``."""
    kept: dict[str, Any] = {}
    for code in sorted(findings):
        finding = findings[code]
        texts = {field: _digest(getattr(finding, field)) for field in FINDING_TEXTS if getattr(finding, field).strip()}
        if finding.level is not None or texts:
            kept[code] = {"level": finding.level, "texts": texts}
    value: dict[str, Any] = kept if number is None else {"findings": kept, "number": number}
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _read(value: Any) -> Any:
    if not isinstance(value, str) or len(value) > MAX_SCOPES * 200:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def _numbered(found: Any) -> bool:
    """True when ``found`` is the numbered form (:func:`snapshot` with a number); its shape is
    checked by :func:`_parsed`."""
    return isinstance(found, dict) and "findings" in found


def signed_number(value: Any) -> int | None:
    """The visit's number a ``signed_findings`` value kept, None when it kept none (a confirmation
    before TEST35 T3, or no snapshot) or is not one."""
    found = _read(value)
    return found["number"] if _numbered(found) and _parsed(value) is not None else None


def confirmed_number(events: Iterable[VisitEvent]) -> int | None:
    """The number a visit's record was first signed with (``events`` oldest first): the first
    confirmation that kept one. A revision is the same visit's record and keeps it (RETEST35 R1:
    a re-confirmation after earlier-dated visits arrived printed ครั้งที่ ๙ for a paper signed ๘);
    None when no confirmation kept one (all from before the number was kept)."""
    for event in events:
        if event.event == "finalised":
            number = signed_number(event.signed_findings)
            if number is not None:
                return number
    return None


def _parsed(value: Any) -> dict[str, Any] | None:
    """The findings the snapshot ``value`` holds (code → entry, either form of :func:`snapshot`),
    None when it is not one (the rule's check and the reader's)."""
    found = _read(value)
    if _numbered(found):
        number = found.get("number")
        if set(found) != {"findings", "number"} or type(number) is not int or not 0 < number <= MAX_NUMBER:
            return None
        found = found["findings"]
    if not isinstance(found, dict) or len(found) > MAX_SCOPES:
        return None
    for code, entry in found.items():
        if not (0 < len(code) <= MAX_CODE and code.isprintable()) or not isinstance(entry, dict):
            return None
        level, texts = entry.get("level"), entry.get("texts")
        if set(entry) != {"level", "texts"} or not isinstance(texts, dict):
            return None
        if level is not None and (type(level) is not int or not MIN_LEVEL <= level <= MAX_LEVEL):
            return None
        if not all(field in FINDING_TEXTS and isinstance(digest, str) and len(digest) == _DIGEST_CHARS
                   and all(c in "0123456789abcdef" for c in digest) for field, digest in texts.items()):
            return None
    return found


class _SignedFindings(Rule):
    """``visit_events.signed_findings``: a snapshot as :func:`snapshot` writes it, or null."""

    def _signed(self, value: Any) -> str | None:
        return None if _parsed(value) is not None else "ไม่ใช่ผลการนิเทศที่ยืนยันไว้ในรูปแบบที่ถูกต้อง"


SIGNED_FINDINGS = _SignedFindings("signed", nullable=True)


@dataclass(frozen=True)
class Change:
    """One difference between the version confirmed before and now: ``field`` ``"level"`` (with
    ``before``/``after`` levels, None: not given) or a text field (its text was written, changed or
    cleared; the levels are None)."""

    code: str
    field: str
    before: int | None = None
    after: int | None = None


@dataclass(frozen=True)
class Reopening:
    """A reopen of the confirmed record: when (UTC stamp), by whom (a name of the team, "" when not
    recorded) and why."""

    happened_at: str
    person_name: str
    reason: str


@dataclass(frozen=True)
class Revision:
    """A visit record reopened at least once. ``number``: how many times it was reopened (the
    print's "ฉบับแก้ไขครั้งที่ N"); ``first_confirmed_at``: the first confirmation (UTC stamp);
    ``confirmed_at``/``confirmed_by``: the latest confirmation after the last reopen (None/"" while
    the record is open again); ``changes``: what differs from the version confirmed before the last
    reopen, None when that version was confirmed before the app kept what was confirmed."""

    number: int
    first_confirmed_at: str
    reopenings: tuple[Reopening, ...]
    confirmed_at: str | None
    confirmed_by: str
    changes: tuple[Change, ...] | None


def _changes(before: Mapping[str, Any], now: Mapping[str, Any]) -> tuple[Change, ...]:
    found = []
    for code in sorted(set(before) | set(now), key=_code_order):
        old = before.get(code, {"level": None, "texts": {}})
        new = now.get(code, {"level": None, "texts": {}})
        if old["level"] != new["level"]:
            found.append(Change(code, "level", old["level"], new["level"]))
        for field in FINDING_TEXTS:
            if old["texts"].get(field) != new["texts"].get(field):
                found.append(Change(code, field))
    return tuple(found)


def _code_order(code: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in code.split("."))


def revision_of(events: Iterable[VisitEvent], findings: Mapping[str, Finding]) -> Revision | None:
    """The revision a visit's record is (``events`` oldest first, ``findings`` as they are now),
    None for a record never reopened (it prints as it always did)."""
    events = list(events)
    reopens = [event for event in events if event.event == "reopened"]
    confirms = [event for event in events if event.event == "finalised"]
    if not reopens or not confirms:
        return None
    last_reopen = reopens[-1]
    before = [event for event in confirms if event.seq < last_reopen.seq]
    after = [event for event in confirms if event.seq > last_reopen.seq]
    previous = _parsed(before[-1].signed_findings) if before else None
    changes = None if previous is None else _changes(previous, _parsed(snapshot(findings)) or {})
    return Revision(
        number=len(reopens),
        first_confirmed_at=confirms[0].happened_at,
        reopenings=tuple(Reopening(e.happened_at, e.person_name or "", e.reason) for e in reopens),
        confirmed_at=after[-1].happened_at if after else None,
        confirmed_by=(after[-1].person_name or "") if after else "",
        changes=changes,
    )


def scope_text(code: str, digits: Callable[[str], str] = thai_digits) -> str:
    """"องค์ประกอบที่ ๓" for a component code, "ประเด็น ๒.๑.๕" for an item's (``digits``: Thai
    unless a document writes Arabic ones)."""
    return f"องค์ประกอบที่ {digits(code)}" if "." not in code else f"ประเด็น {digits(code)}"


def change_text(change: Change, digits: Callable[[str], str] = thai_digits,
                levels: Mapping[int, str] | None = None) -> str:
    """The change as one Thai line: "องค์ประกอบที่ ๓: ระดับ ๓ ดี → ๔ ดีเลิศ", "องค์ประกอบที่ ๔:
    ยังไม่ให้ระดับ → ๒ ปานกลาง", "องค์ประกอบที่ ๓: แก้ไขจุดเด่น". ``levels``: the record's own level
    words by value (the framework's scale; TEST35 T9: the rest of the record says "๔ ดีเลิศ")."""
    if change.field == "level":
        names = levels or {}

        def level(value: int | None) -> str:
            if value is None:
                return NO_LEVEL
            return f"{digits(str(value))} {names[value]}" if names.get(value) else digits(str(value))
        said = f"{level(change.before)} → {level(change.after)}"
        return f"{scope_text(change.code, digits)}: {said if change.before is None else 'ระดับ ' + said}"
    return f"{scope_text(change.code, digits)}: แก้ไข{TEXT_LABELS[change.field]}"
