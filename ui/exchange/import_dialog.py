"""What the chosen exchange files would do, shown before anything is written; then what they did.

* :class:`ImportPreviewDialog` — one :class:`~ui.exchange.file_card.FileCard` per file. Accepting
  the dialog means "import the ticked files, with the schools confirmed as the same";
  :mod:`ui.exchange.controller` does the work. Ticking "เป็นโรงเรียนเดียวกัน" asks the controller
  to read that file again with the school confirmed (the counts change: the file's school takes
  the typed record's place); the card is replaced by the new reading. Ticking "โทรตรวจลายนิ้วมือ
  กับผู้ส่งแล้ว" under a file refused for a relayed "same school" word from an unknown key does the
  same with that word's code (``file_card.Vouch``).
* :class:`ImportResultDialog` — per file what importing did (or why it was refused, or that a
  cancel stopped before it), with buttons to the conflicts and the pending changes it left.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.common.digits import number as count_text
from ui.common.digits import shown
from ui.common.screen import fit_to_screen, room

from . import office_strings as o
from . import result_strings as r
from . import strings as s
from .file_card import AMBER, FileCard, FileCheck
from .words import (COUNT_FIELDS, groups, judged_lines, kind_label, muted, office_kinds, office_waiting,
                    office_waiting_kinds, still_waiting,
                    totals_of)

__all__ = ["FileCard", "FileCheck", "ImportPreviewDialog", "ImportResultDialog"]

Recheck = Callable[[FileCheck, frozenset[str]], object]  # read a file again with these schools the same


class ImportPreviewDialog(QDialog):
    """The files read, one card each. ``accepted`` means "import :meth:`chosen`"."""

    def __init__(self, checks: list[FileCheck], recheck: Recheck | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checks = checks
        self._recheck = recheck
        self._rechecking: set[Path] = set()
        self._refocus: dict[Path, str] = {}  # the "same school" tick the keyboard was on
        self.setWindowTitle(s.PREVIEW_TITLE)
        fit_to_screen(self, QSize(1240, 710), QSize(760, 0))  # or what the screen leaves (150 %: 894 wide)
        self.heading = QLabel(heading_text(checks))
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        note = muted(s.PREVIEW_NOTE, wrap=True)

        body = QWidget()
        body.setObjectName("importCards")
        self._body_layout = QVBoxLayout(body)
        self._body_layout.setContentsMargins(0, 0, 8, 0)
        self._body_layout.setSpacing(8)
        self.cards = [self._card(check) for check in checks]
        # What the officer must act on first (TEST30a B2: 4 refused files scattered among 26): the
        # refused files, then those waiting for "the same school", then the rest; each group in
        # the files' order, which stays the import's order (``chosen``).
        for card in sorted(self.cards, key=first_to_act_on):
            self._body_layout.addWidget(card)
        self._body_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # Text wraps to the width; nothing hides to the right.
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(s.IMPORT_BUTTON, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("primaryButton")
        self.buttons.addButton(s.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.heading)
        layout.addWidget(note)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.buttons)
        self._update_button()
        self.import_button.setDefault(True)
        first = next((card.include for card in self.cards if card.include.isEnabled()), None)
        if first is None:
            first = next((box for card in self.cards for box in card.same_boxes.values()), None)
        (first or self.buttons).setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A tick the keyboard starts on (every file waits for a word) is scrolled into view once the
        # cards have their heights: at 150 % a refusal's long reason pushed it below the fold.
        focused = self.focusWidget()
        if focused is not None and self.scroll_area.isAncestorOf(focused):
            QTimer.singleShot(0, self, lambda: self.scroll_area.ensureWidgetVisible(focused))

    def _card(self, check: FileCheck) -> FileCard:
        card = FileCard(check, self._mark_trusted, self._same_changed)
        card.include.toggled.connect(self._update_button)
        return card

    def chosen(self) -> list[FileCheck]:
        """The files ticked for import, in the order shown (each with its schools confirmed as the same)."""
        return [card.check for card in self.cards if card.check.importable and card.include.isChecked()]

    def left_out(self) -> list[FileCheck]:
        """The files read and not in :meth:`chosen` (refused, waiting for a tick, or unticked), in
        the order shown: the import's result names them too (test30a B1)."""
        chosen = {id(check) for check in self.chosen()}
        return [card.check for card in self.cards if id(card.check) not in chosen]

    def cards_shown(self) -> list[FileCard]:
        """The cards from top to bottom, as the dialog shows them."""
        layout = self._body_layout
        found = (item.widget() for index in range(layout.count()) if (item := layout.itemAt(index)) is not None)
        return [card for card in found if isinstance(card, FileCard) and card in self.cards]

    def card_for(self, name: str) -> FileCard:
        return next(card for card in self.cards if card.check.path.name == name)

    def accept(self) -> None:
        if self._rechecking or not self.chosen():
            return  # a file is still being read again: its counts are not known yet
        # The phone calls (a press of "ยืนยันแล้วว่าลายนิ้วมือตรงกัน", a vouch for the file's own key)
        # are saved by each file's import, in its transaction (FileCheck.trust_signer; test30a B15).
        super().accept()

    def _update_button(self) -> None:
        self.heading.setText(heading_text([card.check for card in self.cards]))  # a school confirmed since
        count = len(self.chosen())
        self.import_button.setEnabled(count > 0 and not self._rechecking)
        waiting = any(card.check.waits_for_a_tick for card in self.cards)
        self.import_button.setText(s.IMPORT_BUTTON_COUNT.format(count=count_text(count)) if count
                                   else s.TICK_FIRST if waiting else s.NOTHING_TO_IMPORT)

    # -- a signer checked by phone ------------------------------------------------------------
    def _mark_trusted(self, card: FileCard) -> None:
        # Not saved now, under "ยังไม่มีข้อมูลใดถูกบันทึก" (test30a B15): every file signed with that
        # key is marked to save it with its import, and says so.
        fingerprint = card.preview.fingerprint
        for other in self.cards:
            if not other.check.refused and other.preview.fingerprint == fingerprint:
                other.check.checked_by_phone = True
                other.set_trusted(False)

    # -- the same school ----------------------------------------------------------------------
    def _same_changed(self, card: FileCard, codes: frozenset[str]) -> None:
        if self._recheck is None:
            return
        self._rechecking.add(card.check.path)
        # The dialog's focus widget, not hasFocus(): that is false while the window is not active
        # (offscreen, or another window in front), and the keyboard then lost its place.
        focused = next((code for code, box in card.same_boxes.items() if box is self.focusWidget()), None)
        if focused is not None:
            self._refocus[card.check.path] = focused
        card.set_busy(True)
        self._update_button()
        if self._recheck(card.check, codes) is None:  # could not start (another file is being read)
            self.checked_again(card.check.path, None)  # the tick goes back: the user may try again

    def checked_again(self, path: Path, check: FileCheck | None) -> FileCard:
        """The controller's new reading of ``path`` (None: it was cancelled, the card goes back to
        what it was). The card is replaced; the keyboard stays on the same tick."""
        index = next(i for i, card in enumerate(self.cards) if card.check.path == path)
        old = self.cards[index]
        self._rechecking.discard(path)
        focused = self._refocus.pop(path, None)
        card = self._card(check or old.check)
        self._body_layout.replaceWidget(old, card)
        old.hide()
        old.deleteLater()
        self.cards[index] = card
        self.checks[index] = card.check
        if focused in card.same_boxes:
            card.same_boxes[focused].setFocus()
        elif card.include.isEnabled():
            card.include.setFocus()
        self._update_button()
        return card


# -- the result of an import ---------------------------------------------------------------------
class ImportResultDialog(QDialog):
    """What applying the chosen files did, per file; buttons open the conflicts and the pending
    changes the files left."""

    show_conflicts = Signal()
    show_pending = Signal()

    def __init__(self, outcome: Any, total: int, parent: QWidget | None = None) -> None:
        """``outcome`` is a :class:`ui.exchange.controller.ApplyOutcome`."""
        super().__init__(parent)
        self.setWindowTitle(r.RESULT_TITLE)
        self.setMinimumWidth(680)
        self.totals = {name: 0 for name in (*COUNT_FIELDS, "older")}
        self.conflict_count = 0
        self.not_taken = 0  # changes the files held that this laptop does not take (KindCounts.refused)
        from qualityschool_desktop.exchange.replies import named as named_replies
        from qualityschool_desktop.exchange.results import OWN_BROUGHT_BACK, SchoolsDone

        # The files not imported first, as the preview lists them (retest30 B1: 4 refused after 28 good).
        lines = [r.RESULT_FILE_REFUSED.format(name=path.name, reason=reason) for path, reason in outcome.refused]
        lines += [r.RESULT_FILE_SKIPPED.format(name=path.name) for path in outcome.skipped]
        lines += [r.RESULT_FILE_NOT_CHOSEN.format(name=path.name) for path in getattr(outcome, "not_chosen", ())]
        schools = SchoolsDone()  # one rule for the window and the CLI (retest30 N4)
        per_file = [schools.add(result) for _path, result in outcome.results]  # the batch's word first
        unchanged_files = 0
        for (path, result), actions in zip(outcome.results, per_file):
            numbers = totals_of(result.counts)
            for name, value in numbers.items():
                self.totals[name] += value
            self.conflict_count += len(result.conflicts)
            said = []
            not_taken = [(kind, c.refused) for kind, c in result.counts.items() if getattr(c, "refused", 0)]
            if not_taken:  # the preview said ไม่รับ: so does the result (VERIFY31 V4)
                self.not_taken += sum(n for _kind, n in not_taken)
                said.append(r.RESULT_FILE_NOT_TAKEN.format(count=count_text(sum(n for _kind, n in not_taken)),
                                                           kinds=", ".join(kind_label(kind) for kind, _n in not_taken)))
            for action, code, name in actions:
                if action == "same":
                    continue  # said in the one line of what did not change (s32: 40 files, 38 the same)
                # The count above says the school once (new over updated): a later file's records
                # of a school new in the batch do not call it updated (TEST31 T12).
                verdict = schools.schools[code][0]
                line = (r.RESULT_SCHOOL_RECORDS if action == "update" and verdict == "insert"
                        else r.RESULT_SCHOOL_LINE.get(action, r.RESULT_SCHOOL_OTHER))
                said.append(line.format(code=shown(code), name=name))
            said += same_school_lines(result)
            said += revised_lines(result)  # a confirmed visit reopened: who, why (TEST34C C3)
            said += removed_lines(result)  # a visit its maker deleted: which school, which day (TEST35 T1)
            if getattr(result, "own_brought_back", 0):  # typed here, kept aside by a forget (test28 N1)
                said.append(OWN_BROUGHT_BACK.format(count=count_text(result.own_brought_back)).strip())
            if getattr(result, "office_rejudged", None) is not None:  # s32 B20: the preview's office tick
                said.append(o.RESULT_OFFICE_BOUND.format(
                    groups=groups(result.fingerprint), area=shown(result.office_bound),
                    count=count_text(getattr(result, "office_decided", 0))))
            said += judged_lines(result)  # waiting changes this file's bindings decided (retest30 N1)
            replies = named_replies([result], count_text)
            if replies:  # the school's answers to follow-ups, named (TEST34C C9)
                said.append(r.RESULT_FILE_REPLIES.format(what=replies))
            known = len(getattr(result, "already_waiting", ()))
            if known:  # waiting here already: in the list once, said once (s33 exB T6)
                said.append(r.RESULT_FILE_WAITING.format(count=count_text(known)))
            if not said and not any(numbers[name] for name in ("new", "updated", "conflicting", "pending")):
                unchanged_files += 1  # nothing to read about it: counted in one line after the rest
                continue
            lines.append(r.RESULT_FILE.format(name=path.name, **{k: count_text(v) for k, v in numbers.items()}))
            lines += said
        unchanged_line = unchanged_text(unchanged_files, schools.counts()["same"])
        if unchanged_line:
            lines.append(unchanged_line)
        # Changes kept waiting by one file and applied once a later file bound their signer wait no more.
        self.pending_count = still_waiting([result for _path, result in outcome.results], self.totals["pending"])
        if outcome.cancelled:
            heading_text = s.APPLY_CANCELLED.format(done=count_text(len(outcome.results)), total=count_text(total))
        else:
            heading_text = r.RESULT_DONE.format(done=count_text(len(outcome.results)), total=count_text(total))
            not_done = len(outcome.refused) + len(outcome.skipped) + len(getattr(outcome, "not_chosen", ()))
            if not_done:  # every file chosen is counted, those not imported too (test30a B1)
                heading_text += r.RESULT_DONE_NOT.format(count=count_text(not_done))
        self.heading = QLabel(heading_text)
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        counted = schools.counts()
        self.schools_line = QLabel(r.RESULT_SCHOOLS.format(
            new=count_text(counted["new"]), updated=count_text(counted["updated"]), same=count_text(counted["same"])))
        self.schools_line.setWordWrap(True)
        self.schools_line.setVisible(bool(schools.schools))
        self.summary = QLabel("\n".join(lines))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # A district imports 30-150 school files at once: the lines scroll inside a window that fits
        # the screen, the buttons always in view (TEST30a B4: 50 files ran past a 768-pixel screen).
        self.lines = QScrollArea()
        self.lines.setObjectName("resultLines")
        self.lines.setFrameShape(QFrame.Shape.NoFrame)
        self.lines.setWidgetResizable(True)
        self.lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lines.setWidget(self.summary)
        buttons = QDialogButtonBox()
        self.conflicts_button: QPushButton | None = None
        self.pending_button: QPushButton | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.schools_line)
        layout.addWidget(self.lines, 1)
        # The office's decisions wait for its key, not for a person to judge them (s33 exC T1).
        office = min(office_waiting([result for _path, result in outcome.results]), self.pending_count)
        if self.pending_count - office:
            layout.addWidget(self._note(r.RESULT_PENDING_NOTE.format(count=count_text(self.pending_count - office))))
        if office:
            kinds = office_waiting_kinds([result for _path, result in outcome.results])  # s34 exw34 T4
            layout.addWidget(self._note(o.RESULT_OFFICE_WAITING.format(what=office_kinds(kinds, counted=True))))
        if self.pending_count:
            self.pending_button = buttons.addButton(
                r.SHOW_PENDING.format(count=count_text(self.pending_count)), QDialogButtonBox.ButtonRole.ActionRole)
            self.pending_button.clicked.connect(self.show_pending)
        if self.conflict_count:
            layout.addWidget(self._note(r.RESULT_CONFLICTS_NOTE.format(count=count_text(self.conflict_count))))
            self.conflicts_button = buttons.addButton(
                r.SHOW_CONFLICTS.format(count=count_text(self.conflict_count)), QDialogButtonBox.ButtonRole.ActionRole)
            self.conflicts_button.clicked.connect(self.show_conflicts)
        close = buttons.addButton(s.CLOSE, QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        self.close_button = close
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self._fit_lines()

    def _fit_lines(self) -> None:
        """The lines' area as tall as its lines, up to what the screen leaves the window."""
        width = max(self.minimumWidth(), self.sizeHint().width()) - 60
        wanted = self.summary.heightForWidth(width) if self.summary.hasHeightForWidth() else -1
        # Its size hint wraps the lines at a narrower width: taller than they are here (TEST34B B8).
        wanted = (wanted if wanted > 0 else self.summary.sizeHint().height()) + 4
        others = self.sizeHint().height() - self.lines.sizeHint().height()
        self.lines.setMinimumHeight(max(min(wanted, room(self).height() - others - 40), 60))
        self.lines.setMaximumHeight(max(wanted, 60))  # never a blank area under the lines (TEST34B B8)
        # As tall as the lines and the notes wrapped at the width the window takes: its size hint
        # wraps the notes at a narrower width, and the lines' area took the difference as a tall
        # blank gap (TEST34B B8).
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            full = max(self.minimumWidth(), self.sizeHint().width())
            self.resize(full, min(layout.totalHeightForWidth(full), room(self).height()))

    @staticmethod
    def _note(text: str) -> QLabel:
        note = QLabel(text)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {AMBER};")
        return note


def unchanged_text(files: int, schools: int) -> str:
    """The one line for the files that changed nothing and the schools that stayed as they were
    ("" when none): a district reads what changed, not 38 rows of "เหมือนเดิม"."""
    parts = [r.RESULT_UNCHANGED_FILES.format(count=count_text(files))] if files else []
    parts += [r.RESULT_UNCHANGED_SCHOOLS.format(count=count_text(schools))] if schools else []
    return r.RESULT_UNCHANGED.format(what=", ".join(parts)) if parts else ""


def first_to_act_on(card: FileCard) -> int:
    """A card's place in the preview: refused 0, waiting for a tick 1, the rest 2."""
    return 0 if card.check.refused else 1 if card.check.waits_for_a_tick else 2


def revised_lines(result: Any) -> list[str]:
    """The confirmed visits a file reopened (``exchange/revised.py``), in the window's digits."""
    from qualityschool_desktop.exchange.revised import revised_line
    from ui.common.digits import style

    return ["    " + revised_line(revised, style()).strip() for revised in getattr(result, "revised_visits", ())]


def removed_lines(result: Any) -> list[str]:
    """The visits a file deleted here (``exchange/removed.py``), in the window's digits."""
    from qualityschool_desktop.exchange.removed import removed_line
    from ui.common.digits import style

    removed = list(getattr(result, "removed_visits", ()))
    return ["    " + removed_line(removed, style()).strip()] if removed else []


def same_school_lines(result: Any) -> list[str]:
    """What an import with "this is the same school" did, as the card said it would (fx30 B7a):
    per school typed here made the school's own, its names, what moved onto it and whose key the
    school is bound to now."""
    lines: list[str] = []
    bound = getattr(result, "bound_same", {})
    for same in getattr(result, "made_same", ()):
        filed = getattr(same, "from_file", False)  # not typed here: a forgotten key's file brought it (N3)
        lines.append((r.RESULT_SAME_FILED if filed else r.RESULT_SAME).format(
            code=shown(same.code), typed=same.typed_name, own=same.own_name))
        lines.append((r.RESULT_SAME_MOVED_FILED if filed else r.RESULT_SAME_MOVED).format(what=", ".join(
            s.SAME_MOVES_ONE.format(kind=kind_label(table), count=count_text(count))
            for table, count in same.moved.items())) if same.moved
            else r.RESULT_SAME_NOTHING_MOVED_FILED if filed else r.RESULT_SAME_NOTHING_MOVED)
        if bound.get(same.code):
            lines.append(r.RESULT_SAME_KEY.format(groups=", ".join(groups(key) for key in bound[same.code])))
    return lines


def heading_text(checks: list[FileCheck]) -> str:
    """How many files were read, can be imported, wait for "the same school", are refused: what
    the import button says too (try10 F10: a file waiting for that word was counted importable)."""
    refused = sum(1 for check in checks if check.refused)
    waiting = sum(1 for check in checks if not check.refused and check.undecided)
    text = s.PREVIEW_HEADING.format(total=count_text(len(checks)), ok=count_text(len(checks) - refused - waiting),
                                    refused=count_text(refused))
    return text + s.PREVIEW_WAITING.format(count=count_text(waiting)) if waiting else text
