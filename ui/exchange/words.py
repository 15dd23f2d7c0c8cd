"""The exchange core's values as a person reads them: times, key fingerprints, kinds of record,
what a file covers, and the counts of a preview in the core's order.

The exchange core (zip and crypto modules) is imported on first use, not when the window starts.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel

from ui.common.digits import moment as shown_moment
from ui.common.digits import shown, shown_text
from ui.common.digits import style as digit_style
from ui.common.digits import number as count_text

from . import strings as s

if TYPE_CHECKING:
    from qualityschool_desktop.exchange import KindCounts

COUNT_FIELDS = ("new", "updated", "unchanged", "conflicting", "pending")
# The kinds of record whose ``code`` is a school's ministry code (shown in the window's digits).
SCHOOL_TABLES = ("schools", "network_schools")
SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard


def described(table: str, row: dict[str, Any]) -> str:
    """A record as a person recognises it (the core's ``describe``), its item code, date, year
    and a school's code in the window's digit style; a school's name and typed texts as written."""
    from qualityschool_desktop.exchange.refusals import describe

    return describe(table, row, digit_style())


def said(text: str) -> str:
    """A sentence of the exchange core (a preview's warning, a pending or conflicting record's
    line) in the window's digit style: the years, rounds, codes, dates and counts the core wrote
    follow the style, the names people typed, file names and fingerprints in it stay as written
    (``thai.Sentence``); a sentence of another make is shown as it is."""
    from qualityschool_desktop.thai import in_style

    return in_style(text, digit_style())


def refusal_text(error: BaseException) -> str:
    """The core's refusal as the window says it: a refusal whose advice differs (a command on the
    command line, this window's action here: ``exchange.advice.AdvisedRefusal``) in its window words."""
    return shown_text(getattr(error, "in_window", None) or error)


def braces(text: str) -> str:
    """Text that goes into a message template with ``{time}`` still to fill (its braces doubled)."""
    return text.replace("{", "{{").replace("}", "}}")


def format_when(value: str | datetime | None) -> str:
    """An ISO timestamp (the core's UTC form) as a Thai date and local time: 3 มี.ค. 2569 เวลา 14:05 น.
    Never raises: a stamp that cannot be shown in local time is shown as stored (see
    :func:`ui.common.digits.moment`)."""
    return shown_moment(value)


def groups(fingerprint: str) -> str:
    """A key's fingerprint as a person reads it out over the phone: ``ABCD-EF12-…`` (8 groups)."""
    from qualityschool_desktop.exchange import fingerprint_groups

    return fingerprint_groups(fingerprint) if fingerprint else "—"


def full_groups(fingerprint: str) -> str:
    """All 64 digits of a key's fingerprint in 16 groups (``ABCD-EF12-…``), as ``signers --bind``
    takes them for a laptop never seen; "" for none."""
    from qualityschool_desktop.exchange import fingerprint_groups

    return fingerprint_groups(fingerprint, full=True) if fingerprint else ""


def key_font(base: QFont, *, scale: float = 1.0, bold: bool = False) -> QFont:
    """A fixed-width font for fingerprints: 0 and O, 8 and B stay apart when read out.

    Windows' own fixed fonts are named first (Qt's FixedFont there fell back to a serif font,
    issue 12 finding 6), then the system's fixed font and the generic monospace hint."""
    system = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    font = QFont()
    font.setFamilies(list(dict.fromkeys(["Consolas", "Courier New", "DejaVu Sans Mono", "Liberation Mono", system])))
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    font.setPointSizeF(base.pointSizeF() * scale)
    font.setBold(bold)
    return font


def fingerprint_line(groups_text: str) -> str:
    """The rich text "ลายนิ้วมือกุญแจ <groups>" for a label set in :func:`key_font`: the Thai words
    in the window's own face (the fixed-width font has no Thai; its fallback was spaced out, try11b
    F21), the groups in the key font."""
    face = html.escape(QApplication.font().family(), quote=True)
    caption = html.escape(s.FINGERPRINT.format(groups="").strip())
    return f'<span style="font-family: \'{face}\'; font-weight: normal;">{caption}</span> {html.escape(groups_text)}'


def key_label(fingerprint: str, *, scale: float = 1.0, bold: bool = False) -> QLabel:
    """A selectable label with a fingerprint's groups (the full key in its tooltip)."""
    label = QLabel(groups(fingerprint))
    label.setFont(key_font(label.font(), scale=scale, bold=bold))
    label.setToolTip(fingerprint)
    label.setTextInteractionFlags(SELECTABLE)
    return label


def kind_label(table: str) -> str:
    from qualityschool_desktop.exchange import KIND_LABELS

    return KIND_LABELS.get(table, table)


def scope_text(scope: dict[str, Any]) -> str:
    kind = scope.get("kind")
    if kind == "schools":
        return s.SCOPE_SCHOOLS_TEXT.format(codes=", ".join(shown(str(code)) for code in scope.get("school_codes", [])))
    if kind == "visitor":
        return s.SCOPE_VISITOR_TEXT.format(name=scope.get("visitor", ""))
    return s.SCOPE_ALL_TEXT


def counts_in_order(counts: dict[str, KindCounts]) -> list[tuple[str, KindCounts]]:
    """The kinds the file holds, in the core's order."""
    from qualityschool_desktop.exchange import TABLES

    order = {table: index for index, table in enumerate(TABLES)}
    return sorted(((k, c) for k, c in counts.items() if c.total), key=lambda pair: order.get(pair[0], 99))


def count_of(counts: KindCounts, name: str) -> int:
    """One of :data:`COUNT_FIELDS` (or "older") of ``counts`` as a person counts it: "new" leaves
    out the records deleted at the sender, "unchanged" those deleted here already (TEST31 T12:
    "ใหม่ ๔" for a school's 3 budget items)."""
    left_out = {"new": "new_deleted", "unchanged": "unchanged_deleted"}  # a stand-in's counts have none
    return int(getattr(counts, name)) - int(getattr(counts, left_out[name], 0) if name in left_out else 0)


def totals_of(counts: dict[str, KindCounts]) -> dict[str, int]:
    return {name: sum(count_of(c, name) for c in counts.values()) for name in (*COUNT_FIELDS, "older")}


def number(value: int) -> str:
    return count_text(value) if value else "–"


def muted(text: str, *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(wrap)
    return label


def with_waiting_judged(saved: str, result: Any) -> str:
    """A bind's success message (``saved``, ending in "✓ {time}") with what the bind did to the
    key's changes waiting here (``Signer.rejudged``: applied, conflicts, left rejected; retest30 N1)."""
    rejudged = getattr(result, "rejudged", None)
    lines = rejudged.lines(shown) if rejudged is not None else []
    if not lines:
        return saved
    head, tick, tail = saved.rpartition(" ✓ ")
    return (head if tick else saved) + " · " + " · ".join(lines) + (tick + tail if tick else "")


def still_waiting(results: list[Any], kept: int) -> int:
    """:func:`qualityschool_desktop.exchange.office_waiting.still_waiting`: the command line's rule."""
    from qualityschool_desktop.exchange import office_waiting as waiting

    return waiting.still_waiting(results, kept)


def office_waiting(results: list[Any]) -> int:
    """How many of the changes a batch's ``results`` kept waiting (or brought again, waiting here
    already) are an office's decisions (a review or budget decision: they wait for the office's key,
    s33 exC T1), less those a later file of the batch applied (``rejudged``)."""
    return sum(office_waiting_kinds(results).values())


def office_waiting_kinds(results: list[Any]) -> dict[str, int]:
    """:func:`office_waiting` by table ("review_decisions", "budget_decisions"), kinds absent when
    none: the command line's count (s35 exch35, TEST34B B7/B8: one rule for both)."""
    from qualityschool_desktop.exchange import office_waiting as waiting

    return waiting.office_waiting_kinds(results)


def office_kinds(kinds: dict[str, int] | Any, *, counted: bool = False, preview: bool = False) -> str:
    """The office's decisions named by the kinds present (s34 exw34 T4): "ผลการตรวจ",
    "ผลการอนุมัติงบประมาณ" or both ("ผลการตรวจและผลการอนุมัติงบประมาณ"); ``counted`` with how many
    of each ("ผลการตรวจของสำนักงาน ๑ รายการ และผลการอนุมัติงบประมาณ ๒ รายการ"; ``kinds`` a count by
    table); ``preview`` says what a verdict is. No kind named: both (the kinds are not known)."""
    from . import office_strings as o

    present = [table for table in ("review_decisions", "budget_decisions") if table in kinds] \
        or ["review_decisions", "budget_decisions"]
    names = {"review_decisions": o.KIND_REVIEW_WHAT if preview else o.KIND_REVIEW, "budget_decisions": o.KIND_BUDGET}
    if not counted:
        said = [names[table] for table in present]
        return said[0] if len(said) == 1 else o.KINDS.format(first=said[0], second=said[1])
    said = [o.KIND_COUNTED.format(kind=names[table], count=count_text(kinds.get(table, 0))) for table in present]
    said[0] = o.KIND_OF_OFFICE.format(kind=names[present[0]]) + said[0][len(names[present[0]]):]
    return said[0] if len(said) == 1 else o.KINDS_COUNTED.format(first=said[0], second=said[1])


def bound(saver: Any, ops: Any, saved: str, result: Any) -> None:
    """After a bind: say what it did (:func:`with_waiting_judged`) and tell the pages what changed
    (the signers; every kind of record when the bind applied waiting changes: any of a school's)."""
    from qualityschool_desktop.changes import Changes

    said = with_waiting_judged(saved, result)
    if said != saved:
        saver.show_saved(said)
    rejudged = getattr(result, "rejudged", None)
    ops.publish(Changes(everything=True) if rejudged is not None and rejudged.decided else Changes(signers=True))


def judged_lines(result: Any) -> list[str]:
    """An import result's sentences on the waiting changes it decided because the file made their
    signer an owner, and on rejected ones its owner's file brought again (``rejudge.py``)."""
    from qualityschool_desktop.exchange.rejudged import REAPPLIED

    rejudged = getattr(result, "rejudged", None)
    lines = rejudged.lines(shown) if rejudged is not None else []
    reapplied = getattr(result, "reapplied", 0)
    lines += [REAPPLIED.format(count=count_text(reapplied)).strip()] if reapplied else []
    return ["    " + line for line in lines]  # under the file whose import decided them


def sender_words(sender: Any, name: str, unnamed: str, *, machine: bool = True) -> str:
    """Who sent something, as the exchange knows the key here (``senders.Sender``: the school, the
    supervisor, the office, the computer's name as a detail unless ``machine`` is False: a narrow
    list column; s32 A3), else the name the laptop gave itself (``name``), else ``unnamed``."""
    if sender is not None and (sender.schools or sender.visitors or sender.offices or sender.claimed or sender.office):
        return str(sender.with_machine(shown) if machine else sender.words(shown))
    return name or unnamed
