"""What the chosen exchange files would do, shown before anything is written; then what they did.

* :class:`ImportPreviewDialog` — one card per file: who exported it and when, what it covers, who
  signed it and whether the office trusts that signer (untrusted in amber, with a button to trust
  it), per record kind how many records are new / updated / unchanged / conflicting, and the
  conflicts. A refused file shows its Thai reason and cannot be ticked. Accepting the dialog means
  "import the ticked files"; :mod:`ui.exchange.controller` does the work.
* :class:`ImportResultDialog` — per file what importing did (or why it was refused, or that a
  cancel stopped before it).
* :class:`ConflictsDialog` — read-only: the conflicts kept, what won and what went to history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.thai import format_date

from . import strings as s

if TYPE_CHECKING:
    from qualityschool_desktop.exchange import ImportPreview, KindCounts, StoredConflict

AMBER = "#8a5a00"
AMBER_BACK = "#fff6dc"
AMBER_BORDER = "#e0b84c"
RED = "#b3261e"
RED_BACK = "#fdecea"
GREEN = "#1e6b34"
CONFLICTS_SHOWN = 6  # per card; the full list is a menu command away after the import
COUNT_FIELDS = ("new", "updated", "unchanged", "conflicting")


@dataclass
class FileCheck:
    """One chosen file and what reading it gave: the core's preview, or the Thai reason it is refused."""

    path: Path
    preview: ImportPreview | None = None
    error: str = ""

    @property
    def refused(self) -> bool:
        return self.preview is None


# -- words for the core's values ----------------------------------------------------------------
def format_when(value: str | datetime | None) -> str:
    """An ISO timestamp (the core's UTC form) as a Thai date and local time: 3 มี.ค. 2569 เวลา 14:05 น."""
    if not value:
        return "—"
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone()  # the reader's own clock
    return f"{format_date(moment.date(), short=True)} เวลา {moment:%H:%M} น."


def short_fingerprint(fingerprint: str) -> str:
    """The core's phone-friendly form: four groups of four hex digits."""
    from qualityschool_desktop.exchange.signing import format_fingerprint

    return format_fingerprint(fingerprint)


def kind_label(kind: str) -> str:
    from qualityschool_desktop.exchange import KIND_LABELS

    return KIND_LABELS.get(kind, kind)


def scope_text(scope: dict[str, Any]) -> str:
    kind = scope.get("kind")
    if kind == "schools":
        return s.SCOPE_SCHOOLS_TEXT.format(codes=", ".join(scope.get("school_codes", [])))
    if kind == "visitor":
        return s.SCOPE_VISITOR_TEXT.format(name=scope.get("visitor", ""))
    return s.SCOPE_ALL_TEXT


def counts_in_order(counts: dict[str, KindCounts]) -> list[tuple[str, KindCounts]]:
    """The kinds the file holds, in the core's order."""
    from qualityschool_desktop.exchange import TABLES

    order = {table: index for index, table in enumerate(TABLES)}
    return sorted(((k, c) for k, c in counts.items() if c.total), key=lambda pair: order.get(pair[0], 99))


def totals_of(counts: dict[str, KindCounts]) -> dict[str, int]:
    return {name: sum(getattr(c, name) for c in counts.values()) for name in (*COUNT_FIELDS, "older")}


def _muted(text: str, *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(wrap)
    return label


def _number(value: int) -> str:
    return f"{value:,}" if value else "–"


# -- the preview -------------------------------------------------------------------------------
class FileCard(QFrame):
    """One file: its facts and counts, or its reason for refusal."""

    def __init__(self, check: FileCheck, on_trust: Callable[[FileCard], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.trusted = False
        self.setObjectName("importCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
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
        self.signer_label = QLabel()
        self.untrusted_note = QLabel(s.UNTRUSTED)

        preview = check.preview
        if preview is None:
            self.include.setChecked(False)
            self.include.setEnabled(False)
            self.badge.setText(s.REFUSED)
            self.badge.setStyleSheet(f"color: {RED}; font-weight: bold;")
            self.reason = QLabel(s.REFUSED_REASON.format(reason=check.error))
            self.reason.setWordWrap(True)
            self.reason.setStyleSheet(f"color: {RED};")
            layout.addWidget(self.reason)
            self.setStyleSheet(f"#importCard {{ background: {RED_BACK}; border: 1px solid #e6a9a4; border-radius: 6px; }}")
            return
        self.preview = preview
        self.include.setChecked(True)

        info = QGridLayout()
        info.setHorizontalSpacing(12)
        info.setVerticalSpacing(3)
        exporter = s.FROM_THIS_MACHINE if preview.is_own else (preview.exporter_name or preview.exporter_installation[:8])
        rows = (
            (s.EXPORTED_BY, exporter),
            (s.EXPORTED_AT, format_when(preview.exported_at)),
            (s.SCOPE, scope_text(preview.scope)),
        )
        for row, (label, text) in enumerate(rows):
            info.addWidget(_muted(label), row, 0, Qt.AlignmentFlag.AlignTop)
            value = QLabel(text)
            value.setWordWrap(True)
            info.addWidget(value, row, 1)
        info.addWidget(_muted(s.SIGNER), len(rows), 0, Qt.AlignmentFlag.AlignTop)
        self.signer_label.setWordWrap(True)
        self.signer_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        info.addWidget(self.signer_label, len(rows), 1)
        info.setColumnStretch(1, 1)
        # Facts on the left, counts on the right: three files fit a 768-pixel-high screen.
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addLayout(info)
        side_by_side = QHBoxLayout()
        side_by_side.addLayout(left, 1)
        side_by_side.addSpacing(24)
        layout.addLayout(side_by_side)

        self.trust_row = QWidget()
        trust_layout = QVBoxLayout(self.trust_row)
        trust_layout.setContentsMargins(0, 0, 0, 0)
        self.untrusted_note.setWordWrap(True)
        self.untrusted_note.setStyleSheet(f"color: {AMBER};")
        trust_layout.addWidget(self.untrusted_note)
        self.trust_button.clicked.connect(lambda: on_trust(self))
        trust_layout.addWidget(self.trust_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.trust_row)
        self.set_trusted(preview.trusted)

        side_by_side.addLayout(self._counts_grid(preview.counts))
        totals = totals_of(preview.counts)
        notes = []
        if preview.files_total:
            notes.append(s.FILES_LINE.format(total=f"{preview.files_total:,}", new=f"{preview.files_new:,}"))
        if totals["older"]:
            notes.append(s.OLDER_LINE.format(count=f"{totals['older']:,}"))
        if not preview.changes_anything:
            notes.append(s.NOTHING_NEW)
        if notes:
            left.addWidget(_muted("\n".join(notes), wrap=True))
        left.addStretch(1)
        if preview.conflicts:
            heading = QLabel(s.CONFLICTS_HEADING.format(count=len(preview.conflicts)))
            heading.setWordWrap(True)
            heading.setStyleSheet(f"color: {AMBER}; font-weight: bold;")
            layout.addWidget(heading)
            shown = preview.conflicts[:CONFLICTS_SHOWN]
            more = len(preview.conflicts) - len(shown)
            lines = [f"•  {conflict.description}" for conflict in shown]
            if more:
                lines.append(s.MORE_CONFLICTS.format(count=more))
            self.conflict_list = QLabel("\n".join(lines))
            self.conflict_list.setWordWrap(True)
            layout.addWidget(self.conflict_list)

    def set_trusted(self, trusted: bool) -> None:
        preview = self.preview
        key = s.FINGERPRINT.format(fingerprint=short_fingerprint(preview.fingerprint))
        if trusted:
            self.signer_label.setText(f"{preview.signer_name}\n{key}   ✓ {s.TRUSTED}")
            self.signer_label.setStyleSheet(f"color: {GREEN};")
            self.badge.setText("")
            self.setStyleSheet("#importCard { background: #ffffff; border: 1px solid #c9d3dc; border-radius: 6px; }")
        else:
            self.signer_label.setText(f"{preview.signer_name}\n{key}")
            self.signer_label.setStyleSheet(f"color: {AMBER}; font-weight: bold;")
            self.badge.setText(s.UNTRUSTED_BADGE)
            self.badge.setStyleSheet(f"color: {AMBER}; font-weight: bold;")
            self.setStyleSheet(
                f"#importCard {{ background: {AMBER_BACK}; border: 1px solid {AMBER_BORDER}; border-radius: 6px; }}")
        self.trust_row.setVisible(not trusted)
        self.trusted = trusted

    def counts_shown(self) -> dict[str, dict[str, str]]:
        """What the counts grid reads, per kind label: {header: text}."""
        return dict(self._shown)

    def _counts_grid(self, counts: dict[str, KindCounts]) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(22)
        grid.setVerticalSpacing(1)
        for column, header in enumerate(s.COUNT_HEADERS):
            label = _muted(header)
            if column:
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, 0, column)
        self._shown: dict[str, dict[str, str]] = {}
        for row, (kind, numbers) in enumerate(counts_in_order(counts), start=1):
            name = kind_label(kind)
            grid.addWidget(QLabel(name), row, 0)
            shown = self._shown.setdefault(name, {})
            for column, field_name in enumerate(COUNT_FIELDS, start=1):
                value = int(getattr(numbers, field_name))
                label = QLabel(_number(value))
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if field_name == "conflicting" and value:
                    label.setStyleSheet(f"color: {AMBER}; font-weight: bold;")
                elif field_name in ("new", "updated") and value:
                    label.setStyleSheet("font-weight: bold;")
                grid.addWidget(label, row, column)
                shown[s.COUNT_HEADERS[column]] = label.text()
        grid.setRowStretch(len(self._shown) + 1, 1)
        return grid


class ImportPreviewDialog(QDialog):
    """The files read, one card each. ``accepted`` means "import :meth:`chosen`"."""

    def __init__(self, checks: list[FileCheck], trust: Callable[[str, str], None], parent: QWidget | None = None) -> None:
        """``trust(fingerprint, name)`` marks a signer trusted (it may raise a QualitySchoolError)."""
        super().__init__(parent)
        self.checks = checks
        self._trust = trust
        self.setWindowTitle(s.PREVIEW_TITLE)
        self.setMinimumWidth(780)
        self.resize(1000, 680)  # room for three files on a 1366×768 laptop
        refused = sum(1 for check in checks if check.refused)
        self.heading = QLabel(s.PREVIEW_HEADING.format(total=len(checks), ok=len(checks) - refused, refused=refused))
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        note = _muted(s.PREVIEW_NOTE, wrap=True)
        self.error_label = QLabel()
        self.error_label.setObjectName("dialogError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        body = QWidget()
        body.setObjectName("importCards")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)
        body_layout.setSpacing(8)
        self.cards = [FileCard(check, self._mark_trusted) for check in checks]
        for card in self.cards:
            card.include.toggled.connect(self._update_button)
            body_layout.addWidget(card)
        body_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
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
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._update_button()
        self.import_button.setDefault(True)
        first = next((card.include for card in self.cards if card.include.isEnabled()), None)
        (first or self.buttons).setFocus()

    def chosen(self) -> list[FileCheck]:
        """The files ticked for import, in the order shown."""
        return [card.check for card in self.cards if not card.check.refused and card.include.isChecked()]

    def card_for(self, name: str) -> FileCard:
        return next(card for card in self.cards if card.check.path.name == name)

    def _update_button(self) -> None:
        count = len(self.chosen())
        self.import_button.setEnabled(count > 0)
        self.import_button.setText(s.IMPORT_BUTTON_COUNT.format(count=count) if count else s.NOTHING_TO_IMPORT)

    def _mark_trusted(self, card: FileCard) -> None:
        try:
            self._trust(card.preview.fingerprint, card.preview.signer_name)
        except QualitySchoolError as error:
            self.error_label.setText(f"{s.MARK_TRUSTED_FAILED}: {error}")
            self.error_label.show()
            return
        self.error_label.hide()
        # Every file signed with that key now comes from a trusted sender.
        for other in self.cards:
            if not other.check.refused and other.preview.fingerprint == card.preview.fingerprint:
                other.set_trusted(True)


# -- the result of an import ---------------------------------------------------------------------
class ImportResultDialog(QDialog):
    """What applying the chosen files did, per file; a button opens the conflicts kept."""

    show_conflicts = Signal()

    def __init__(self, outcome: Any, total: int, parent: QWidget | None = None) -> None:
        """``outcome`` is a :class:`ui.exchange.controller.ApplyOutcome`."""
        super().__init__(parent)
        self.setWindowTitle(s.RESULT_TITLE)
        self.setMinimumWidth(640)
        self.totals = {name: 0 for name in (*COUNT_FIELDS, "older")}
        self.conflict_count = 0
        lines: list[str] = []
        for path, result in outcome.results:
            numbers = totals_of(result.counts)
            for name, value in numbers.items():
                self.totals[name] += value
            self.conflict_count += len(result.conflicts)
            lines.append(s.RESULT_FILE.format(name=path.name, **{k: f"{v:,}" for k, v in numbers.items()}))
        lines += [s.RESULT_FILE_REFUSED.format(name=path.name, reason=reason) for path, reason in outcome.refused]
        lines += [s.RESULT_FILE_SKIPPED.format(name=path.name) for path in outcome.skipped]
        if outcome.cancelled:
            heading_text = s.APPLY_CANCELLED.format(done=len(outcome.results), total=total)
        else:
            heading_text = s.RESULT_DONE.format(done=len(outcome.results), total=total)
        self.heading = QLabel(heading_text)
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.summary = QLabel("\n".join(lines))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.conflicts_button: QPushButton | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        if self.conflict_count:
            note = QLabel(s.RESULT_CONFLICTS_NOTE.format(count=self.conflict_count))
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {AMBER};")
            layout.addWidget(note)
            self.conflicts_button = buttons.addButton(
                s.SHOW_CONFLICTS.format(count=self.conflict_count), QDialogButtonBox.ButtonRole.ActionRole)
            self.conflicts_button.clicked.connect(self.show_conflicts)
        close = buttons.addButton(s.CLOSE, QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


# -- the conflicts kept --------------------------------------------------------------------------
def conflict_row(conflict: StoredConflict) -> tuple[str, str, str, str, str]:
    """(kind, record, the version in use, the version kept in history, file) as a person reads them."""
    theirs = s.VERSION_FROM_FILE.format(file=conflict.source_file)
    ours = s.VERSION_OURS
    won, lost = (theirs, ours) if conflict.winner == "theirs" else (ours, theirs)
    won += s.EDITED_AT.format(when=format_when(conflict.winning.get("modified_at")))
    lost += s.EDITED_AT.format(when=format_when(conflict.losing.get("modified_at")))
    return kind_label(conflict.table), conflict.description, won, lost, format_when(conflict.detected_at)


class ConflictsDialog(QDialog):
    """Read-only: records changed on both sides, which version is in use, and that the other is kept."""

    def __init__(self, conflicts: list[StoredConflict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(s.CONFLICTS_TITLE)
        self.setMinimumSize(900, 440)
        explain = QLabel(s.CONFLICTS_EXPLAIN)
        explain.setWordWrap(True)
        self.table = QTableWidget(len(conflicts), len(s.CONFLICT_HEADERS))
        self.table.setHorizontalHeaderLabels(list(s.CONFLICT_HEADERS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        for row, conflict in enumerate(conflicts):
            for column, text in enumerate(conflict_row(conflict)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = _muted(s.NO_CONFLICTS)
        self.empty.setVisible(not conflicts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(s.CLOSE)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        if conflicts:
            self.table.setCurrentCell(0, 0)

    def rows(self) -> list[list[str]]:
        return [
            [self._text(row, column) for column in range(self.table.columnCount())]
            for row in range(self.table.rowCount())
        ]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
