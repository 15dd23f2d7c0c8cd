"""One chosen exchange file in the import preview: what reading it gave, as a card.

A card says who exported the file and when, what it covers, who signed it (the key's fingerprint
as groups to read out over the phone, and whether a person has marked that signer as checked), the
schools it would bind to its signer on first use, the warnings (a sender's clock that is wrong …),
per kind of record how many records are new / updated / unchanged / conflicting / pending
(รอตรวจสอบ: changed by a key that does not own them, so kept for a person), the conflicts and the
pending changes, and the schools that look like ones typed here ("เป็นโรงเรียนเดียวกัน", off
until a person ticks it; the file cannot be imported before). A refused file shows its reason and
cannot be ticked; when it was refused only because a relayed "same school" word was signed by a key
not known here (``same_school.UnknownSigner``), the key's fingerprint and a tick to vouch for it,
off until a person who compared the fingerprint by phone ticks it (the CLI's ``--same-school``).
A file whose words about one typed school are signed by two unknown keys (``same_school.MixedSigners``)
is refused with no tick: its reason names who sent it and both keys. A ticked "same school" says
whose key the school is then bound to and what of the typed record moves onto it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.digits import number as count_text
from ui.common.digits import shown as shown_digits
from ui.common.digits import shown_text
from ui.common.digits import style as digit_style
from ui.common.flow import FlowLayout

from . import office_strings as o
from . import result_strings as r
from . import strings as s
from .office_tick import OfficeTick

from .words import COUNT_FIELDS, SELECTABLE, counts_in_order, fingerprint_line, format_when, groups, key_font, kind_label, muted, number
from .words import count_of, office_kinds, refusal_text, said, scope_text, sender_words, totals_of

if TYPE_CHECKING:
    from qualityschool_desktop.exchange import ImportPreview, KindCounts, SameSchool

AMBER = "#8a5a00"
AMBER_BACK = "#fff6dc"
AMBER_BORDER = "#e0b84c"
RED = "#b3261e"
RED_BACK = "#fdecea"
GREEN = "#1e6b34"
LISTED = 5  # conflicts or pending changes named per card; the full lists are a menu command away


@dataclass(frozen=True)
class Vouch:
    """A relayed word that the school typed elsewhere under ``code`` is the school's own, signed by
    a key not known here (``fingerprint``, 64 hex digits): a person may vouch for it by phone.
    ``name``: the school's name the word names ("" when the file and this database lack it)."""

    code: str
    fingerprint: str
    name: str = ""
    forwarded_by: tuple[str, str] | None = None  # (name, key) of a sender who is not the key's owner


@dataclass
class FileCheck:
    """One chosen file and what reading it gave: the core's preview, or the Thai reason it is refused.

    ``matches`` are the schools in the file whose code a different record here has (from the first
    reading; a reading with a school confirmed no longer lists it), ``same_codes`` the codes a
    person confirmed are the same school: they go to the core as ``same_schools=``. ``vouches`` are
    the relayed words a reading refused for their unknown signer (kept across readings, so that a
    tick can be undone); a person's tick puts the code in ``same_codes`` too."""

    path: Path
    preview: ImportPreview | None = None
    error: str = ""
    matches: tuple[SameSchool, ...] = ()
    same_codes: frozenset[str] = field(default_factory=frozenset)
    vouches: tuple[Vouch, ...] = ()
    checked_by_phone: bool = False  # "ยืนยันแล้วว่าลายนิ้วมือตรงกัน" pressed: saved with the import (B15)
    office_key: str = ""  # s32 B20: the area office a person ticked this file's key as (office_tick.py)

    @classmethod
    def read(cls, path: Path, preview: ImportPreview, earlier: FileCheck | None = None,
             same_codes: frozenset[str] = frozenset()) -> FileCheck:
        known = {match.code: match for match in (earlier.matches if earlier is not None else ())}
        for match in preview.same_schools:
            known.setdefault(match.code, match)
        return cls(path, preview, matches=tuple(known.values()), same_codes=same_codes,
                   vouches=earlier.vouches if earlier is not None else (),
                   checked_by_phone=earlier.checked_by_phone if earlier is not None else False,
                   office_key=earlier.office_key if earlier is not None else "")

    @classmethod
    def refusal(cls, path: Path, error: Exception, earlier: FileCheck | None = None,
                same_codes: frozenset[str] = frozenset()) -> FileCheck:
        """``path`` refused by the core's ``error``, its reason in the window's digits; a refusal
        for an unknown signer of a relayed "same school" word adds it to the words to vouch for."""
        from qualityschool_desktop.exchange.same_school import UnknownSigner  # loaded by the reading already

        vouches = earlier.vouches if earlier is not None else ()
        reason = refusal_text(error)  # the senders' window's action, not the command (retest28 R1)
        if isinstance(error, UnknownSigner) and error.code not in {vouch.code for vouch in vouches}:
            vouches = (*vouches, Vouch(error.code, error.fingerprint, error.name, error.forwarded_by))
        if isinstance(error, UnknownSigner) and not error.vouched:
            # The tick under the reason does what the command line's advice says (retest27 N5); a
            # forwarded word's key is checked with its owner, not the sender (test29b B8).
            below = s.VOUCH_BELOW_OWNER if error.forwarded_by else s.VOUCH_BELOW
            reason = f"{shown_text(error.reason)}\n{below}"  # a line of its own (fx30 B6)
        return cls(path, error=reason, matches=earlier.matches if earlier is not None else (),
                   same_codes=same_codes, vouches=vouches)

    def same_schools(self, same_codes: frozenset[str] | None = None) -> list[Any]:
        """``same_codes`` (this check's by default) as the core's ``same_schools=``: a ticked vouch
        names the key the person compared (``same_school.Vouch``), so no other key's word gets
        through with it (retest27 N2); the other codes go bare."""
        from qualityschool_desktop.exchange.same_school import Vouch as KeyVouch  # loaded by the reading already

        codes = self.same_codes if same_codes is None else same_codes
        vouched = [KeyVouch(vouch.code, vouch.fingerprint) for vouch in self.vouches if vouch.code in codes]
        return [*sorted(codes - {vouch.code for vouch in vouched}), *vouched]

    @property
    def refused(self) -> bool:
        return self.preview is None

    @property
    def undecided(self) -> list[SameSchool]:
        """The schools a person has not yet said are the same: the core refuses the file until then."""
        return [match for match in self.matches if match.code not in self.same_codes]

    @property
    def importable(self) -> bool:
        return not self.refused and not self.undecided

    @property
    def waits_for_a_tick(self) -> bool:
        """True when a person's tick on the card is all the file waits for: a school to confirm as
        the same, or a relayed word's key to vouch for (try27 F9)."""
        return bool(self.undecided) if self.preview is not None else bool(self.vouches) and not self.same_codes

    @property
    def trust_signer(self) -> bool:
        """True when the import is to mark the file's signer trusted (its ``apply_import``'s
        ``trust_signer``): a person pressed "ยืนยันแล้วว่าลายนิ้วมือตรงกัน", or vouched for the key."""
        return self.checked_by_phone or self.vouched_signer

    @property
    def vouched_signer(self) -> bool:
        """True when a ticked vouch is for the key that signed the file itself: the phone call that
        checked it is the one "ยืนยันแล้วว่าลายนิ้วมือตรงกัน" asks for (retest27 N7)."""
        return self.preview is not None and any(
            vouch.fingerprint == self.preview.fingerprint and vouch.code in self.same_codes for vouch in self.vouches)


def _card_style(background: str, border: str) -> str:
    return f"#importCard {{ background: {background}; border: 1px solid {border}; border-radius: 6px; }}"


def _decision_section(heading: str, explain: str) -> tuple[QWidget, QVBoxLayout]:
    """A section of decisions a person makes on a card: an amber heading and its explanation."""
    section = QWidget()
    inner = QVBoxLayout(section)
    inner.setContentsMargins(0, 2, 0, 0)
    inner.setSpacing(3)
    inner.addWidget(_heading(heading, AMBER))
    inner.addWidget(muted(explain, wrap=True))
    return section, inner

def _heading(text: str, colour: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour}; font-weight: bold;")
    return label


def _bullets(lines: list[str], more: int) -> QLabel:
    shown = [f"•  {line}" for line in lines]
    if more:
        shown.append(s.MORE_ITEMS.format(count=count_text(more)))
    label = QLabel("\n".join(shown))
    label.setWordWrap(True)
    label.setContentsMargins(12, 0, 0, 0)
    return label


class FileCard(QFrame):
    """One file: its facts and counts, or its reason for refusal.

    ``on_trust(card)`` marks the file's signer as checked; ``on_same(card, codes)`` is called when
    the "same school" ticks change, with the codes ticked now (the dialog reads the file again)."""

    def __init__(self, check: FileCheck, on_trust: Callable[[FileCard], None],
                 on_same: Callable[[FileCard, frozenset[str]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.trusted = False
        self._on_same = on_same
        self.setObjectName("importCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(6)

        top = QHBoxLayout()
        self.include = QCheckBox(check.path.name)
        self.include.setToolTip(str(check.path))
        self.include.setAccessibleName(f"{s.INCLUDE_FILE} {check.path.name}")
        font = self.include.font()
        font.setBold(True)
        self.include.setFont(font)
        top.addWidget(self.include, 1)
        self.badge = QLabel()
        top.addWidget(self.badge)
        layout.addLayout(top)
        self.trust_button = QPushButton(s.MARK_TRUSTED)
        self.signer_name = QLabel()
        self.signer_key = QLabel()
        self.untrusted_note = QLabel(s.UNTRUSTED)
        # Every tick that names a code for ``same_schools``: "เป็นโรงเรียนเดียวกัน" and the vouches.
        self.same_boxes: dict[str, QCheckBox] = {}
        self.same_names: dict[str, QLabel] = {}
        self.same_effects: dict[str, QLabel] = {}  # under a ticked "same school": what it will do
        self.vouch_boxes: dict[str, QCheckBox] = {}
        self.vouch_names: dict[str, QLabel] = {}
        self.vouch_keys: dict[str, QLabel] = {}
        self.vouch_senders: dict[str, QLabel] = {}  # a forwarded word: who sent the file (test29b B8)
        self.same_section: QWidget | None = None
        self.warning_list: QLabel | None = None
        self.pending_list: QLabel | None = None
        self.already_waiting: QLabel | None = None  # changes waiting here already (s33 exB T6)
        self.conflict_list: QLabel | None = None
        self.revised_list: QLabel | None = None  # TEST34C C3
        self.removed_heading: QLabel | None = None  # TEST35 T1: visits the file deletes, by their maker
        self.removed_list: QLabel | None = None
        self.first_use: QLabel | None = None
        self.same_needed: QLabel | None = None
        self._shown: dict[str, dict[str, str]] = {}

        preview = check.preview
        if preview is None:
            self.include.setChecked(False)
            self.include.setEnabled(False)
            self.badge.setText(s.REFUSED)
            self.badge.setStyleSheet(f"color: {RED}; font-weight: bold;")
            self.reason = QLabel(s.REFUSED_REASON.format(reason=check.error))
            self.reason.setWordWrap(True)
            self.reason.setStyleSheet(f"color: {RED};")
            self.reason.setTextInteractionFlags(SELECTABLE)
            layout.addWidget(self.reason)
            if check.vouches:
                layout.addWidget(self._vouch_section(check))
            self.setStyleSheet(_card_style(RED_BACK, "#e6a9a4"))
            return
        self.preview = preview
        self.include.setEnabled(check.importable)
        self.include.setChecked(check.importable)

        # Facts on the left; on the right the counts, and under them what waits and what clashed.
        # Below, across the card: the warnings and the decisions (the same school).
        # In a narrow dialog (125 %, 150 % scaling) the counts go under the facts.
        facts_part, counts_part = QWidget(), QWidget()
        left = QVBoxLayout(facts_part)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(6)
        left.addLayout(self._facts(preview))
        right = QVBoxLayout(counts_part)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(4)
        right.addLayout(self._counts_grid(preview.counts))
        side_by_side = FlowLayout(spacing=24, line_spacing=10, centred=False)
        side_by_side.add_fill(facts_part)
        side_by_side.addWidget(counts_part)
        layout.addLayout(side_by_side)

        # A code also offered as "the same school" is not new here (try27 F8); whose key each new
        # school is bound to: the sender's own, or the owner's it relays (try27 F4).
        matched = {match.code for match in check.matches}
        new_here = [code for code in preview.bound_on_first_use if code not in matched]
        lines = [template.format(codes=", ".join(shown_digits(code) for code in codes))
                 for template, codes in ((s.BOUND_FIRST_USE_SENDER, [c for c in new_here if preview.bound_to_sender(c)]),
                                         (s.BOUND_FIRST_USE, [c for c in new_here if not preview.bound_to_sender(c)]))
                 if codes]
        if lines:
            self.first_use = muted("\n".join(lines), wrap=True)
            left.addWidget(self.first_use)
        for key_groups, code in preview.bound_waiting:
            left.addWidget(muted(s.BOUND_WAITING.format(groups=key_groups, codes=shown_digits(code)), wrap=True))
        self.trust_row = QWidget()
        trust_layout = QHBoxLayout(self.trust_row)
        trust_layout.setContentsMargins(0, 0, 0, 0)
        self.untrusted_note.setWordWrap(True)
        self.untrusted_note.setStyleSheet(f"color: {AMBER};")
        trust_layout.addWidget(self.untrusted_note, 1)
        self.trust_button.clicked.connect(lambda: on_trust(self))
        trust_layout.addWidget(self.trust_button, 0, Qt.AlignmentFlag.AlignVCenter)
        notes = self._notes(preview)
        if notes:
            left.addWidget(muted("\n".join(notes), wrap=True))
        overriding = getattr(preview, "overrides_rejected", 0)  # RETEST31 R3: said before the import too
        warnings = [*preview.warnings, *([s.OVERRIDES_REJECTED.format(count=count_text(overriding))] if overriding else [])]
        if warnings:
            left.addWidget(self._warnings(warnings))
        left.addStretch(1)
        self.set_trusted(preview.trusted)

        if preview.pending:
            right.addSpacing(6)
            office = Counter(p.table for p in preview.pending if p.table in ("review_decisions", "budget_decisions"))
            others = len(preview.pending) - sum(office.values())  # the office's wait for its key (TEST34B B8)
            right.addWidget(_heading("\n".join(
                ([s.PENDING_HEADING.format(count=count_text(others))] if others else [])
                + ([o.PREVIEW_OFFICE_WAITING.format(what=office_kinds(office, counted=True))] if office else [])), AMBER))
            self.pending_list = _bullets([said(p.description) for p in preview.pending[:LISTED]],
                                         len(preview.pending) - LISTED if len(preview.pending) > LISTED else 0)
            right.addWidget(self.pending_list)
        known = len(getattr(preview, "already_waiting", ()))  # a stand-in preview may hold none
        if known:
            right.addSpacing(6)
            self.already_waiting = muted(r.ALREADY_WAITING.format(count=count_text(known)), wrap=True)
            right.addWidget(self.already_waiting)
        if preview.conflicts:
            right.addSpacing(6)
            right.addWidget(_heading(s.CONFLICTS_HEADING.format(count=count_text(len(preview.conflicts))), AMBER))
            self.conflict_list = _bullets([said(c.description) for c in preview.conflicts[:LISTED]],
                                          len(preview.conflicts) - LISTED if len(preview.conflicts) > LISTED else 0)
            right.addWidget(self.conflict_list)
        revised = getattr(preview, "revised_visits", ())  # TEST34C C3: a signed record reopened, who and why
        if revised:
            from qualityschool_desktop.exchange.revised import revised_line

            right.addSpacing(6)
            right.addWidget(_heading(r.REVISED_HEADING.format(count=count_text(len(revised))), AMBER))
            self.revised_list = _bullets([revised_line(v, digit_style()).strip() for v in revised[:LISTED]],
                                         max(0, len(revised) - LISTED))
            right.addWidget(self.revised_list)
        removed = getattr(preview, "removed_visits", ())  # TEST35 T1: a visit deleted by its maker, said
        if removed:
            from qualityschool_desktop.exchange.removed import removed_item

            right.addSpacing(6)
            self.removed_heading = _heading(r.REMOVED_HEADING.format(count=count_text(len(removed))), AMBER)
            self.removed_list = _bullets([removed_item(v, digit_style()) for v in removed[:LISTED]],
                                         max(0, len(removed) - LISTED))
            right.addWidget(self.removed_heading)
            right.addWidget(self.removed_list)
        right.addStretch(1)
        layout.addWidget(self.trust_row)
        if check.matches:
            self.same_section = self._same_schools(check)
            layout.addWidget(self.same_section)
        if check.vouches:  # vouched for: the tick stays, to be undone
            layout.addWidget(self._vouch_section(check))
        self.office_tick: OfficeTick | None = None
        if getattr(preview, "office_offer", ()):  # s32 B20: "this key is my district office's"
            kinds = tuple({change.table for change in preview.pending} & {"review_decisions", "budget_decisions"})
            self.office_tick = OfficeTick(preview.fingerprint, preview.office_offer, check.office_key,
                                          lambda area: setattr(check, "office_key", area), kinds=kinds)
            layout.addWidget(self.office_tick)

    # -- parts -----------------------------------------------------------------------------------
    def _facts(self, preview: ImportPreview) -> QGridLayout:
        info = QGridLayout()
        info.setHorizontalSpacing(12)
        info.setVerticalSpacing(3)
        sender = getattr(preview, "sender", None)  # the school or the supervisor, the computer's name a detail (T3)
        exporter = (s.FROM_THIS_MACHINE if preview.is_own else sender.with_machine(shown_digits) if sender and sender.machine
                    else preview.exporter_name or preview.exporter_installation[:8])
        rows = (
            (s.EXPORTED_BY, exporter),
            (s.EXPORTED_AT, format_when(preview.exported_at)),
            (s.SCOPE, scope_text(preview.scope)),
        )
        for row, (caption, text) in enumerate(rows):
            info.addWidget(muted(caption), row, 0, Qt.AlignmentFlag.AlignTop)
            value = QLabel(text)
            value.setTextFormat(Qt.TextFormat.PlainText)  # names from the file: never rich text
            value.setWordWrap(True)
            info.addWidget(value, row, 1)
        info.addWidget(muted(s.SIGNER), len(rows), 0, Qt.AlignmentFlag.AlignTop)
        signer = QVBoxLayout()
        signer.setSpacing(1)
        self.signer_name.setWordWrap(True)
        self.signer_name.setTextFormat(Qt.TextFormat.PlainText)
        self.signer_key.setTextFormat(Qt.TextFormat.RichText)  # the caption in the window's face
        self.signer_key.setText(fingerprint_line(groups(preview.fingerprint)))
        self.signer_key.setFont(key_font(self.signer_key.font()))
        self.signer_key.setToolTip(preview.fingerprint)
        self.signer_key.setTextInteractionFlags(SELECTABLE)
        signer.addWidget(self.signer_name)
        signer.addWidget(self.signer_key)
        info.addLayout(signer, len(rows), 1)
        info.setColumnStretch(1, 1)
        return info

    @staticmethod
    def _notes(preview: ImportPreview) -> list[str]:
        totals = totals_of(preview.counts)
        notes = []
        if preview.files_total:
            notes.append(s.FILES_LINE.format(total=count_text(preview.files_total), new=count_text(preview.files_new)))
        if totals["older"]:
            notes.append(s.OLDER_LINE.format(count=count_text(totals['older'])))
        deleted = sum(getattr(c, "deleted_quiet", 0) for c in preview.counts.values())
        if deleted:  # travel so every copy is deleted; not in the "ใหม่" column (TEST31 T12)
            notes.append(s.DELETED_LINE.format(count=count_text(deleted)))
        refused = [(kind, c.refused) for kind, c in counts_in_order(preview.counts) if getattr(c, "refused", 0)]
        if refused:  # said, not "nothing changes" (TEST31b U12)
            notes.append(s.REFUSED_LINE.format(count=count_text(sum(n for _k, n in refused)),
                                               kinds=", ".join(kind_label(kind) for kind, _n in refused)))
        elif not preview.changes_anything:
            notes.append(s.NOTHING_NEW)
        return notes

    def _warnings(self, warnings: list[str]) -> QFrame:
        box = QFrame()
        box.setObjectName("importWarnings")
        box.setStyleSheet(f"#importWarnings {{ background: {AMBER_BACK}; border: 1px solid {AMBER_BORDER};"
                          " border-radius: 4px; }")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(8, 4, 8, 6)
        inner.setSpacing(2)
        inner.addWidget(_heading(s.WARNINGS_HEADING, AMBER))
        from qualityschool_desktop.review import offices  # loaded by the reading already

        # What this laptop refuses first: the line above the box points here (TEST31b U12).
        refusals = (offices.NOT_THE_OFFICE, offices.PROJECT_NOT_THE_OFFICE)
        ordered = sorted(warnings, key=lambda warning: getattr(warning, "template", None) not in refusals)
        self.warning_list = _bullets([said(warning) for warning in ordered], 0)
        self.warning_list.setTextInteractionFlags(SELECTABLE)
        inner.addWidget(self.warning_list)
        return box

    def _same_schools(self, check: FileCheck) -> QWidget:
        filed = bool(check.matches) and all(match.from_file for match in check.matches)  # none typed here (N3)
        section, inner = _decision_section(s.SAME_HEADING, s.SAME_EXPLAIN_FILED if filed else s.SAME_EXPLAIN)
        for match in check.matches:
            detail = (s.SAME_DETAIL_FILED if match.from_file else s.SAME_DETAIL).format(
                code=shown_digits(match.code), incoming=match.incoming_name, local=match.local_name)
            box, names, row = self._choice_row(s.SAME_CHOICE, detail, f"{s.SAME_CHOICE}: {detail}",
                                               match.code in check.same_codes)
            self.same_boxes[match.code] = box
            self.same_names[match.code] = names
            inner.addLayout(row)
            if match.code in check.same_codes:
                self.same_effects[match.code] = muted(self._same_effect(match), wrap=True)
                self.same_effects[match.code].setContentsMargins(24, 0, 0, 0)
                inner.addWidget(self.same_effects[match.code])
        if check.undecided:
            self.same_needed = QLabel(s.SAME_NEEDED)
            self.same_needed.setWordWrap(True)
            self.same_needed.setStyleSheet(f"color: {AMBER};")
            inner.addWidget(self.same_needed)
        return section

    def _same_effect(self, match: SameSchool) -> str:
        """What a ticked "same school" will do: whose key the school is then bound to (name and
        fingerprint) and what of the typed record moves onto it (test28 N8)."""
        keys = match.bound_keys or (self.preview.fingerprint,)
        whose = (s.SAME_BINDS_SENDER.format(name=sender_words(getattr(self.preview, "sender", None),
                                                             self.preview.signer_name, s.UNNAMED_SENDER))
                 if keys == (self.preview.fingerprint,) else s.SAME_BINDS_OWNER)
        lines = [(s.SAME_BINDS_FILED if match.from_file else s.SAME_BINDS).format(
            code=shown_digits(match.code), whose=whose, groups=", ".join(groups(key) for key in keys))]
        if match.moving:
            lines.append((s.SAME_MOVES_FILED if match.from_file else s.SAME_MOVES).format(what=", ".join(
                s.SAME_MOVES_ONE.format(kind=kind_label(table), count=count_text(count))
                for table, count in match.moving.items())))
        return "\n".join(lines)

    def _vouch_section(self, check: FileCheck) -> QWidget:
        forwarded = any(vouch.forwarded_by for vouch in check.vouches)  # not "usually the sender" then
        section, inner = _decision_section(s.VOUCH_HEADING, s.VOUCH_EXPLAIN_OWNER if forwarded else s.VOUCH_EXPLAIN)
        for vouch in check.vouches:
            if vouch.code in self.same_boxes:
                continue  # one decision per code
            key = QLabel(fingerprint_line(groups(vouch.fingerprint)))  # as the signers dialog writes it
            key.setTextFormat(Qt.TextFormat.RichText)
            key.setFont(key_font(key.font(), bold=True))
            key.setToolTip(vouch.fingerprint)
            key.setTextInteractionFlags(SELECTABLE)
            detail = (s.VOUCH_DETAIL_NAMED.format(code=shown_digits(vouch.code), name=vouch.name) if vouch.name
                      else s.VOUCH_DETAIL.format(code=shown_digits(vouch.code)))
            choice = s.VOUCH_CHOICE_OWNER if vouch.forwarded_by else s.VOUCH_CHOICE
            box, names, row = self._choice_row(choice, detail, f"{choice}: {detail} ({groups(vouch.fingerprint)})",
                                               vouch.code in check.same_codes)
            self.same_boxes[vouch.code] = self.vouch_boxes[vouch.code] = box
            self.vouch_names[vouch.code] = names
            self.vouch_keys[vouch.code] = key
            inner.addWidget(key)
            if vouch.forwarded_by:  # beside the key: who sent the file, and that it is someone else
                sender, sender_key = vouch.forwarded_by
                sent_by = QLabel(s.VOUCH_FORWARDED.format(sender=sender or s.UNNAMED_SENDER,
                                                          sender_groups=groups(sender_key), groups=groups(vouch.fingerprint)))
                sent_by.setWordWrap(True)
                sent_by.setTextFormat(Qt.TextFormat.PlainText)  # a name from a file
                sent_by.setStyleSheet(f"color: {AMBER};")
                self.vouch_senders[vouch.code] = sent_by
                inner.addWidget(sent_by)
            inner.addLayout(row)
        return section

    def _choice_row(self, choice: str, detail: str, accessible: str, checked: bool) -> tuple[QCheckBox, QLabel, QHBoxLayout]:
        """A bold check box (off until a person says so) and, beside it, its words in a label of
        their own (a check box does not wrap); the box says it all to a screen reader."""
        names = QLabel(detail)
        names.setWordWrap(True)
        box = QCheckBox(choice)
        font = box.font()
        font.setBold(True)
        box.setFont(font)
        box.setAccessibleName(accessible)
        box.setToolTip(detail)
        box.setChecked(checked)
        box.toggled.connect(self._same_toggled)
        row = QHBoxLayout()
        row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        row.addSpacing(8)
        row.addWidget(names, 1)
        return box, names, row

    def _same_toggled(self, _checked: bool) -> None:
        # A decision not shown on this card (a refused card shows only its vouches) is kept.
        kept = self.check.same_codes - set(self.same_boxes)
        self._on_same(self, kept | frozenset(code for code, box in self.same_boxes.items() if box.isChecked()))

    def set_busy(self, busy: bool) -> None:
        """While the file is read again: its ticks wait."""
        for box in (self.include, *self.same_boxes.values()):
            box.setEnabled(not busy and (box is not self.include or self.check.importable))

    def set_trusted(self, trusted: bool) -> None:
        preview = self.preview
        sender = getattr(preview, "sender", None)  # a stand-in preview may have none
        name = sender.words(shown_digits) if sender and sender.machine else preview.signer_name or s.UNNAMED_SENDER
        # A vouch for the file's own signer is the same phone call: one act, saved at import (N7).
        vouched = not trusted and self.check.trust_signer
        if trusted or vouched:
            self.signer_name.setText(f"{name}   ✓ {s.TRUSTED if trusted else s.VOUCHED_SIGNER}")
            self.signer_name.setStyleSheet(f"color: {GREEN};")
            self.badge.setText("")
            self.setStyleSheet(_card_style("#ffffff", "#c9d3dc"))
        else:
            self.signer_name.setText(name)
            self.signer_name.setStyleSheet(f"color: {AMBER}; font-weight: bold;")
            self.badge.setText(s.UNTRUSTED_BADGE)
            self.badge.setStyleSheet(f"color: {AMBER}; font-weight: bold;")
            self.setStyleSheet(_card_style(AMBER_BACK, AMBER_BORDER))
        self.trust_row.setVisible(not trusted and not vouched)
        self.trusted = trusted

    # -- the counts ------------------------------------------------------------------------------
    def counts_shown(self) -> dict[str, dict[str, str]]:
        """What the counts grid reads, per kind label: {header: text}."""
        return dict(self._shown)

    def _counts_grid(self, counts: dict[str, KindCounts]) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(1)
        # A column of its own for what is refused, only when something is (TEST31b U12).
        fields = (*COUNT_FIELDS, "refused") if any(getattr(c, "refused", 0) for c in counts.values()) else COUNT_FIELDS
        headers = (*s.COUNT_HEADERS, s.REFUSED_HEADER)
        for column, header in enumerate(headers[: len(fields) + 1]):
            label = muted(header)
            if column:
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, 0, column)
        for row, (kind, numbers) in enumerate(counts_in_order(counts), start=1):
            name = kind_label(kind)
            grid.addWidget(QLabel(name), row, 0)
            shown = self._shown.setdefault(name, {})
            for column, field_name in enumerate(fields, start=1):
                value = count_of(numbers, field_name)
                label = QLabel(number(value))
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if field_name in ("conflicting", "pending", "refused") and value:
                    label.setStyleSheet(f"color: {AMBER}; font-weight: bold;")
                elif field_name in ("new", "updated") and value:
                    label.setStyleSheet("font-weight: bold;")
                grid.addWidget(label, row, column)
                shown[headers[column]] = label.text()
        return grid
