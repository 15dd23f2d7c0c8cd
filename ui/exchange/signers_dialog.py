"""ผู้ส่งข้อมูล: every key seen in imported files, what each may change here, and this laptop's own.

Per key: the person's "ยืนยันแล้ว" tick (a label set after comparing the fingerprint by phone; it
grants nothing, and the dialog says so), the sender's name, the fingerprint as groups to read out,
the schools bound to it (whose records it may change) with how each binding was learnt (the school's
own statement, its first file, by hand here – which holds here only), the visits its laptop made,
and when it was first seen. "ผูกกับโรงเรียน…" binds the selected key to a school (a second laptop of the school,
or a new one) after showing the fingerprint to compare; "ยกเลิกการผูก…" removes a binding;
"ผูกการนิเทศกับกุญแจใหม่…" passes the visits the selected (old) key's laptop made to a new key
(a reinstalled supervisor, ``visits_rebind.py``); "ผูกเครื่องใหม่ด้วยลายนิ้วมือ…" binds a school's new
laptop that sent nothing here yet by the groups read out over the phone, and the bindings waiting
for such a laptop's first file are listed under the keys (``bind_new.py``); "ลืมกุญแจนี้…" (or
Delete) forgets the selected key as ``signers --forget`` does, after saying what that does
(``forget_key.py``).

Every write (tick, bind, unbind) goes through the save-state helper: the line says it is saved
only after the core returned, or why not; a tick the database refused goes back to what is stored.
The change notice that follows refreshes this dialog and whatever else shows signers.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTextBoundaryFinder, QTimer
from PySide6.QtGui import QFontMetrics, QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualityschool_desktop.changes import Changes
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.exchange.signing import HOW_LEARNT
from qualityschool_desktop.thai import arabic_digits
from ui.common.columns import cell_width, fit_rows, heading_width, keep_rows_in_view, viewport
from ui.common.digits import number as count_text
from ui.common.digits import shown, shown_text
from ui.common.flow import FlowLayout
from ui.common.whole_lines import WholeLinesArea

from . import strings as s
from .bind_new import NewKeyBinding, bind_after_asking
from .choice_dialog import SchoolChoiceDialog
from .forget_key import ForgetKey
from .review import ExchangeDialog, record_list
from .signer_rows import AtMostLines, cap_rows
from .visits_rebind import VisitsRebind
from .words import SELECTABLE, braces, bound, format_when, full_groups, groups, key_font, key_label, muted
from .words import sender_words

if TYPE_CHECKING:
    from qualityschool_desktop.exchange import Signer
    from qualityschool_desktop.schools import School
    from qualityschool_desktop.workspace import Workspace

    from ui.common.ops import Ops

    from .api import ExchangeApi

COL_TRUSTED, COL_NAME, COL_KEY, COL_SCHOOLS, COL_VISITS, COL_SEEN = range(6)
def _key_lines(fingerprint: str, narrow: bool) -> list[str]:
    """The fingerprint's groups on one line, or ``narrow``: two lines of 4 groups."""
    text = groups(fingerprint)
    parts = text.split("-")
    return [text] if not narrow or len(parts) < 8 else ["-".join(parts[:4]) + "-", "-".join(parts[4:])]


SCHOOLS_SHARE = 0.3  # the schools column keeps at least this share of the list (test29b B2; 0.4 before
# senders were named by their school, s32 A3: then the fingerprint went on two lines at any width)
WRAPPED_SHARE = 0.14  # the name and the date, wrapped at their spaces when the list is narrow
INFO_STYLE = "background: #eef5fd; border: 1px solid #b9d3f0; border-radius: 6px; padding: 8px 10px; color: #16324f;"


class SignersDialog(ExchangeDialog):
    """The keys this laptop knows; ``workspace`` is read each time (the window's database)."""

    SIZE = QSize(1180, 720)  # as much of it as the screen leaves (fit_to_screen)

    def __init__(self, workspace: Callable[[], Workspace], api: ExchangeApi, ops: Ops,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, api, ops, parent, title=s.SIGNERS_TITLE, size=self.SIZE)
        self.signers: list[Signer] = []
        self.choice: SchoolChoiceDialog | None = None
        intro = muted(s.SIGNERS_INTRO, wrap=True)
        self.meaning = QLabel(s.TRUST_MEANING)
        self.meaning.setObjectName("trustMeaning")
        self.meaning.setWordWrap(True)
        self.meaning.setStyleSheet(INFO_STYLE)

        # The label on its own (wrapped) line, the fingerprint whole under it with its copy button:
        # the groups a person reads out over the phone are never cut.
        self.own_caption = QLabel(s.OWN_KEY)
        self.own_caption.setObjectName("ownFingerprintLabel")
        self.own_caption.setWordWrap(True)
        own_row = QHBoxLayout()
        self.own_key = QLabel()
        self.own_key.setObjectName("ownFingerprint")
        self.own_key.setTextInteractionFlags(SELECTABLE)
        self.own_key.setFont(key_font(self.own_key.font(), scale=1.15, bold=True))
        own_row.addWidget(self.own_key)
        self.copy_button = QPushButton(s.COPY)
        self.copy_button.clicked.connect(self._copy_own)
        own_row.addWidget(self.copy_button)
        # "ลืมกุญแจนี้…" for the selected key; its twin here, off, says why this one cannot be
        self.forget = ForgetKey(self, self.selected, lambda code: self._school_text(self._workspace(), code))
        own_row.addWidget(self.forget.own_button)
        own_row.addStretch(1)
        self.own_fingerprint = ""
        # The full fingerprint too: a laptop that has never had a file of this one binds it by all
        # 16 groups (signers --bind takes exactly this; try10 F2).
        self.own_full = muted("", wrap=True)
        self.own_full.setObjectName("ownFullFingerprint")
        self.own_full.setTextInteractionFlags(SELECTABLE)
        try:
            self.own_fingerprint = str(api.own_signer(workspace()).fingerprint)
            self.own_key.setText(groups(self.own_fingerprint))
            self.own_full.setText(shown(s.OWN_KEY_FULL).format(full=full_groups(self.own_fingerprint)))
            self.own_key.setMinimumWidth(self.own_key.sizeHint().width())  # the dialog widens to it
        except QualitySchoolError as error:
            self.own_key.setText(shown_text(error))
            self.copy_button.setEnabled(False)

        self.table = record_list(s.SIGNER_HEADERS, "signerList", COL_SCHOOLS, wrap=True)
        self.table.setItemDelegate(AtMostLines(self.table))  # rows of three lines at most (ui34)
        self.table.itemChanged.connect(self._item_changed)
        self.table.installEventFilter(self)
        self._viewport = viewport(self.table)
        self._viewport.installEventFilter(self)  # its width: the columns fitted again
        self._fit_due = False
        self.table.currentCellChanged.connect(lambda *_cells: self._update_buttons())
        self.empty = muted(s.NO_SIGNERS)
        # A school's key among 80 (TEST30a B5): by its code (either digits), its name, the sender's
        # name or the fingerprint's groups read out over the phone.
        self.search = QLineEdit()
        self.search.setObjectName("signersSearch")
        self.search.setPlaceholderText(s.SIGNERS_SEARCH)
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(s.SIGNERS_SEARCH)
        self.search.textChanged.connect(lambda _text: self._filter())
        self.found = muted("")
        self._haystacks: list[str] = []
        self.bind_button = QPushButton(s.BIND)
        self.bind_button.clicked.connect(self.choose_school_to_bind)
        self.unbind_button = QPushButton(s.UNBIND)
        self.unbind_button.clicked.connect(self.choose_school_to_unbind)
        self.office_button = QPushButton(s.BIND_OFFICE)
        self.office_button.setToolTip(s.BIND_OFFICE_TIP)
        self.office_button.setObjectName("bindOfficeKey")
        self.office_button.clicked.connect(self.choose_office_to_bind)
        self.unbind_office_button = QPushButton(s.UNBIND_OFFICE)
        self.unbind_office_button.setToolTip(s.UNBIND_OFFICE_TIP)
        self.unbind_office_button.setObjectName("unbindOfficeKey")
        self.unbind_office_button.clicked.connect(self.choose_office_to_unbind)
        # One row where the dialog is wide enough (it opens 784 px wide; a second row would not fit
        # under the texts on a 150 % screen), wrapping rather than cutting a label where it is not.
        actions = FlowLayout(spacing=4)
        actions.addWidget(self.bind_button)
        actions.addWidget(self.unbind_button)
        self.rebind_visits = VisitsRebind(self, self.selected)  # a reinstalled supervisor's visits
        actions.addWidget(self.rebind_visits.button)
        # A school's new laptop not listed yet: by the groups read out over the phone (try10 F2).
        self.new_key = NewKeyBinding(self, lambda: [x.fingerprint for x in self.signers] + [self.own_fingerprint])
        actions.addWidget(self.new_key.button)
        actions.addWidget(self.office_button)
        actions.addWidget(self.unbind_office_button)
        actions.addWidget(self.forget.button)  # a stranger's key, or a false "same school" (test28 N3)

        self.error_label = self.save_line.label
        self.status = muted("")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(s.CLOSE)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        # The explanations and this laptop's key scroll on their own when the dialog is short (150 %):
        # the list of keys keeps two whole rows (f10 added the full fingerprint's two lines, and the
        # list was left no row at all).
        about = QWidget()
        about_layout = QVBoxLayout(about)
        about_layout.setContentsMargins(0, 0, 0, 0)
        about_layout.addWidget(intro)
        about_layout.addWidget(self.meaning)
        about_layout.addWidget(self.own_caption)
        about_layout.addLayout(own_row)
        about_layout.addWidget(self.own_full)
        about_layout.addStretch(1)
        self.about = WholeLinesArea()  # scrolls, never cut through a line of text (TEST34B B15)
        self.about.setObjectName("signersAbout")
        self.about.setWidget(about)
        self.about.setFrameShape(QFrame.Shape.NoFrame)
        self.about.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.about.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # no taller than its text
        layout.addWidget(self.about)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.found)
        layout.addLayout(search_row)
        keep_rows_in_view(self.table, rows=2, lines=2)  # rows of two lines: a wrapped word, two schools
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        # The waiting bindings with their own cancel button, and ปิด at the end of the buttons' row:
        # the buttons keep one row and the save line the whole width at 1366×768 (TEST31b U11).
        waiting_row = QHBoxLayout()
        waiting_row.addWidget(self.new_key.label, 1)
        waiting_row.addWidget(self.new_key.cancel_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(waiting_row)
        actions_row = QHBoxLayout()
        actions_row.addLayout(actions, 1)
        actions_row.addWidget(buttons, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(actions_row)
        # The save line and the copy note share one row: on a 150 % screen every line under the
        # table is taken from the table, which was left a strip half a row high (try11b F4).
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_line, 1)
        bottom.addWidget(self.status)
        layout.addLayout(bottom)
        ops.notifier.changed.connect(self.on_changes)
        self.refresh()
        self.table.setFocus()

    # -- reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected()
        row_before = max(self.table.currentRow(), 0)
        workspace = self._workspace()
        none: list[Signer] = []
        signers = self._saver.read(lambda: self.api.list_signers(workspace), none)
        no_names: dict[str, str] = {}
        names = self._saver.read(lambda: {x.code: x.name for x in workspace.schools.list()}, no_names)
        from qualityschool_desktop.exchange.bindings import by_school  # loaded already: the list came from it

        # By school (Thai order), then fingerprint; keys of no school last (retest30 B5).
        self.signers = by_school([x for x in signers if x.fingerprint != self.own_fingerprint], names)
        no_offices: list[str] = []
        self.offices = {x.fingerprint: self._saver.read(partial(self.api.office_bindings, workspace, x.fingerprint),
                                                        no_offices) for x in self.signers}
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.signers))
        # A read-only database: the ticks show who is trusted but cannot be changed.
        tickable = Qt.ItemFlag.NoItemFlags if workspace.read_only else Qt.ItemFlag.ItemIsUserCheckable
        for row, signer in enumerate(self.signers):
            check = QTableWidgetItem()
            check.setFlags(tickable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            check.setCheckState(Qt.CheckState.Checked if signer.trusted else Qt.CheckState.Unchecked)
            check.setToolTip(s.TRUST_MEANING)
            self.table.setItem(row, COL_TRUSTED, check)
            named = sender_words(getattr(signer, "sender", None), signer.name, s.UNNAMED_SENDER, machine=False)
            self.table.setItem(row, COL_NAME, QTableWidgetItem(named))
            key = QTableWidgetItem(groups(signer.fingerprint))
            key.setFont(key_font(self.table.font()))
            key.setToolTip(signer.fingerprint)
            self.table.setItem(row, COL_KEY, key)
            offices = [shown(s.OFFICE_OF.format(area=area)) for area in self.offices[signer.fingerprint]]
            # what its "same school" word moved here, which forgetting it takes back (test28 N3)
            words = [s.SAME_SCHOOL_WORD.format(codes=", ".join(self._school_text(workspace, code) for code in
                                                               signer.same_school))] if signer.same_school else []
            bound = [self._schools_text(workspace, signer.bindings)] if signer.bindings or not offices + words else []
            schools = QTableWidgetItem("\n".join(bound + offices + words))
            schools.setToolTip("\n".join(f"{code}: {HOW_LEARNT.get(how, how)}" for code, how in signer.bindings))
            self.table.setItem(row, COL_SCHOOLS, schools)
            visits = QTableWidgetItem(s.VISITS_COUNT.format(count=count_text(signer.visits)) if signer.visits else "–")
            visits.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, COL_VISITS, visits)
            self.table.setItem(row, COL_SEEN, QTableWidgetItem(format_when(signer.first_seen_at)))
        self._haystacks = [self._haystack(workspace, signer) for signer in self.signers]
        self.table.blockSignals(False)
        self._fit_columns()
        self.table.setVisible(bool(self.signers))
        self.empty.setVisible(not self.signers)
        self.new_key.refresh(not workspace.read_only)
        if self.signers:
            # The key selected before, else the one that took its place (a forgotten key's
            # neighbour, not the top of 80: TEST30a B5).
            fingerprints = [x.fingerprint for x in self.signers]
            row = (fingerprints.index(selected.fingerprint) if selected and selected.fingerprint in fingerprints
                   else min(row_before, len(fingerprints) - 1))
            self.table.setCurrentCell(row, max(self.table.currentColumn(), COL_TRUSTED))
        self._filter()
        self._update_buttons()

    def _haystack(self, workspace: Workspace, signer: Signer) -> str:
        """What the search looks in: the sender's name, the fingerprint, the codes (Arabic
        digits) and names of the schools bound to the key or named by its word, its offices."""
        codes = [*signer.schools, *signer.same_school]
        names = [self._school_text(workspace, code) for code in codes]
        return arabic_digits(" ".join([signer.name, signer.fingerprint, *codes, *names,
                                       *self.offices.get(signer.fingerprint, ())])).casefold()

    def _filter(self) -> None:
        """Show the keys whose text holds every word typed (a fingerprint's groups with or without
        their dashes); the selection moves to the first one shown when its key is hidden."""
        words = arabic_digits(self.search.text()).casefold().split()
        shown_rows = []
        for row, haystack in enumerate(self._haystacks):
            hit = all(word in haystack or word.replace("-", "") in haystack for word in words)
            self.table.setRowHidden(row, not hit)
            if hit:
                shown_rows.append(row)
        text = self.search.text().strip()
        if not text:
            self.found.clear()
        else:
            self.found.setText(shown(s.SIGNERS_FOUND.format(found=len(shown_rows), total=len(self._haystacks)))
                               if shown_rows else s.SIGNERS_NONE_FOUND.format(text=text))
        if shown_rows and self.table.currentRow() not in shown_rows:
            self.table.setCurrentCell(shown_rows[0], max(self.table.currentColumn(), COL_TRUSTED))
        elif not shown_rows:
            self.table.setCurrentCell(-1, -1)
        self._update_buttons()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """The explanations no taller than their text at this width: the rest is the list's
        (TEST30a B5: ~100 px stayed empty above three rows of keys)."""
        super().resizeEvent(event)
        content, layout = self.about.widget(), self.layout()
        if content is None or layout is None:
            return
        margins = layout.contentsMargins()  # the viewport's width is not updated yet
        width = self.width() - margins.left() - margins.right() - 2 * self.about.frameWidth()
        height = content.heightForWidth(width) if content.hasHeightForWidth() else content.sizeHint().height()
        self.about.setMaximumHeight(max(height, 0) + 2 * self.about.frameWidth())

    def _fit_columns(self) -> None:
        """The schools column (what the key may change and its "same school" word: the line a
        refusal sends a person here to read) keeps :data:`SCHOOLS_SHARE` of the list. Where the
        other columns on one line leave it less (150 %: the fingerprint's 8 groups took 540 px and
        left it 30, test29b B2), the fingerprint goes on two lines of 4 groups and the name and the
        date wrap at their spaces; rows as high as their text."""
        self._fit_due = False
        table = self.table
        room = viewport(table).width()
        # ... or less than its own widest line, when that is shorter: a list of one-line rows shows
        # twice the keys (TEST30a B5: every row was two lines with the schools' column half empty).
        lines = [line for row in range(table.rowCount()) if (item := table.item(row, COL_SCHOOLS)) is not None
                 for line in item.text().split("\n")]
        wanted = max((table.fontMetrics().horizontalAdvance(line) for line in lines), default=0) + cell_width(table)
        narrow = room - sum(self._widths(room, narrow=False).values()) < min(room * SCHOOLS_SHARE, wanted)
        for row, signer in enumerate(self.signers):
            item = table.item(row, COL_KEY)
            text = "\n".join(_key_lines(signer.fingerprint, narrow))
            if item is not None and item.text() != text:
                item.setText(text)
        header = table.horizontalHeader()
        widths = self._widths(room, narrow)
        widths[COL_KEY] = max(widths[COL_KEY], table.sizeHintForColumn(COL_KEY))  # as Qt draws the key's font
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        fit_rows(table)
        cap_rows(table)

    def _widths(self, room: int, narrow: bool) -> dict[int, int]:
        """The columns beside the schools column → their widths: their text whole on one line,
        or ``narrow`` (the fingerprint on two lines, the name and the date wrapped)."""
        table = self.table
        padding = cell_width(table)
        key_metrics = QFontMetrics(key_font(table.font()))
        metrics = table.fontMetrics()
        widths: dict[int, int] = {}
        for column in (COL_TRUSTED, COL_NAME, COL_KEY, COL_VISITS, COL_SEEN):
            texts = [item.text() for row in range(table.rowCount()) if (item := table.item(row, column)) is not None]
            lines = [line for text in texts for line in text.split("\n")]
            if column == COL_KEY:
                lines = [line for signer in self.signers for line in _key_lines(signer.fingerprint, narrow)]
                wanted = max((key_metrics.horizontalAdvance(line) for line in lines), default=0) + padding
            else:
                # as the key's column: never narrower than Qt's own measure (a date lost its "น."
                # to a second line by a few pixels once the list was not narrow, TEST30a B5)
                wanted = max(max((metrics.horizontalAdvance(line) for line in lines), default=0) + padding,
                             table.sizeHintForColumn(column) if column == COL_SEEN else 0)
                # a sender's name wraps at its Thai words at every width: since senders are named by
                # their school or office (s32 A3) a name is as long as a school's; the date only when narrow
                if column == COL_NAME or (narrow and column == COL_SEEN):
                    words = max((metrics.horizontalAdvance(part) for line in lines for part in _unbreakable(line)), default=0)
                    wanted = min(wanted, max(int(room * WRAPPED_SHARE), words + padding))
            widths[column] = max(wanted, heading_width(table, s.SIGNER_HEADERS[column]))
        return widths

    def _schools_text(self, workspace: Workspace, bindings: tuple[tuple[str, str], ...]) -> str:
        """One line per school bound to the key: its code and name, and how the binding was learnt."""
        if not bindings:
            return s.NO_SCHOOLS
        return "\n".join(s.SCHOOL_LEARNT.format(school=self._school_text(workspace, code), how=s.HOW_SHORT.get(how, how))
                         for code, how in bindings)

    def schools_shown(self) -> list[str]:
        """The schools column's text per row."""
        return [self.table.item(row, COL_SCHOOLS).text() for row in range(self.table.rowCount())]  # type: ignore[union-attr]

    @staticmethod
    def _school_text(workspace: Workspace, code: str) -> str:
        try:  # the code in the window's digits, as the school list writes it (try10 F4)
            return f"{shown(code)}  {workspace.schools.by_code(code).name}"
        except QualitySchoolError:
            return shown(code)

    def on_changes(self, changes: Changes) -> None:
        if changes.any_signers or changes.any_schools:
            self.refresh()

    def selected(self) -> Signer | None:
        row = self.table.currentRow()
        return self.signers[row] if 0 <= row < len(self.signers) else None

    def select(self, fingerprint: str) -> None:
        row = next(i for i, signer in enumerate(self.signers) if signer.fingerprint == fingerprint)
        self.table.setCurrentCell(row, COL_NAME)

    def signers_shown(self) -> list[tuple[str, bool]]:
        """(fingerprint, ticked) per row."""
        return [(signer.fingerprint, self._tick(row).checkState() == Qt.CheckState.Checked)
                for row, signer in enumerate(self.signers)]

    def _update_buttons(self) -> None:
        signer = self.selected()
        writable = not self._workspace().read_only
        self.bind_button.setEnabled(signer is not None and writable)
        self.unbind_button.setEnabled(signer is not None and bool(signer.schools) and writable)
        self.rebind_visits.update(writable)
        self.office_button.setEnabled(signer is not None and writable)
        self.unbind_office_button.setEnabled(signer is not None and writable
                                             and bool(self.offices.get(signer.fingerprint)))
        self.forget.update(writable)

    # -- the "checked by phone" label ----------------------------------------------------------
    def _tick(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, COL_TRUSTED)
        assert item is not None
        return item

    def set_row_trusted(self, row: int, trusted: bool) -> None:
        """As a click on the row's tick does."""
        self._tick(row).setCheckState(Qt.CheckState.Checked if trusted else Qt.CheckState.Unchecked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._viewport and event.type() == QEvent.Type.Resize and not self._fit_due:
            self._fit_due = True  # the list's width changed (its viewport): once it settles
            QTimer.singleShot(0, self.table, self._fit_columns)
        # Space on a row toggles its tick wherever the cursor is in the row (the table would only
        # select the row, or toggle the tick when the cursor is on it).
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            row = self.table.currentRow()
            if (isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Space and row >= 0
                    and not self._workspace().read_only):
                self.set_row_trusted(row, self._tick(row).checkState() != Qt.CheckState.Checked)
                return True
            if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Delete and row >= 0:
                self.forget.open()  # asks first; nothing when the action is off
                return True
        return super().eventFilter(watched, event)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != COL_TRUSTED or not 0 <= item.row() < len(self.signers):
            return
        signer = self.signers[item.row()]
        trusted = item.checkState() == Qt.CheckState.Checked
        self._saver.run(lambda: self.api.set_trusted(self._workspace(), signer.fingerprint, trusted, name=signer.name),
                        key=("trust", signer.fingerprint),
                        on_saved=lambda _result: self.ops.publish(Changes(signers=True)),
                        on_failed=lambda _error: self.refresh())  # back to what the database says

    # -- binding -------------------------------------------------------------------------------
    def choose_school_to_bind(self) -> SchoolChoiceDialog | None:
        signer = self.selected()
        if signer is None:
            return None
        bound = set(signer.schools)
        none: list[School] = []
        schools = self._saver.read(lambda: self._workspace().schools.list(), none)
        offered = [(school.code, f"{shown(school.code)}  {school.name}") for school in schools if school.code not in bound]
        dialog = SchoolChoiceDialog(s.BIND_TITLE, s.BIND_INTRO, signer, offered, s.BIND_CHECK, s.BIND_CONFIRM, self)
        return self._open_choice(dialog, partial(self._bind, signer, dialog))

    def choose_school_to_unbind(self) -> SchoolChoiceDialog | None:
        signer = self.selected()
        if signer is None or not signer.schools:
            return None
        workspace = self._workspace()
        bound = [(code, self._school_text(workspace, code)) for code in signer.schools]
        intro = s.UNBIND_CHOOSE
        check = s.UNBIND_QUESTION.format(school=s.UNBIND_SELECTED)
        dialog = SchoolChoiceDialog(s.UNBIND_TITLE, intro, signer, bound, check, s.UNBIND_CONFIRM, self)
        return self._open_choice(dialog, partial(self._unbind, signer, dialog))

    def _open_choice(self, dialog: SchoolChoiceDialog, on_accept: Callable[[], None]) -> SchoolChoiceDialog:
        self.choice = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(on_accept)
        dialog.open()
        return dialog

    def _bind(self, signer: Signer, dialog: SchoolChoiceDialog) -> None:
        code, school = dialog.chosen_code(), dialog.chosen_text()
        if code is None:
            return
        saved = s.BOUND.format(groups=groups(signer.fingerprint), school=braces(school), time="{time}")
        self.question = bind_after_asking(self, signer.fingerprint, code, school, groups(signer.fingerprint), partial(
            self._saver.run, partial(self.api.bind, self._workspace(), signer.fingerprint, code),
            key=("bind", signer.fingerprint, code), saved=saved,
            on_saved=lambda result: bound(self._saver, self.ops, saved, result)))

    def _unbind(self, signer: Signer, dialog: SchoolChoiceDialog) -> None:
        code, school = dialog.chosen_code(), dialog.chosen_text()
        if code is None:
            return
        saved = s.UNBOUND.format(groups=groups(signer.fingerprint), school=braces(school), time="{time}")
        self._saver.run(partial(self.api.unbind, self._workspace(), signer.fingerprint, code),
                        key=("bind", signer.fingerprint, code), saved=saved,
                        on_saved=lambda _result: self.ops.publish(Changes(signers=True)))

    # -- the office of an area office (review and budget decisions) ---------------------------------
    def choose_office_to_bind(self) -> SchoolChoiceDialog | None:
        """"ผูกเป็นกุญแจของสำนักงานเขต…": choose one of the area offices the schools here name; the
        fingerprint is shown to compare by phone before confirming (``signers --office``)."""
        signer = self.selected()
        if signer is None:
            return None
        bound = set(self.offices.get(signer.fingerprint, ()))
        none: tuple[str, ...] = ()
        areas = self._saver.read(lambda: tuple(self._workspace().schools.area_offices()), none)
        offered = [(area, shown(area)) for area in areas if area not in bound]
        dialog = SchoolChoiceDialog(s.BIND_OFFICE_TITLE, s.BIND_OFFICE_INTRO, signer, offered, s.BIND_OFFICE_CHECK,
                                    s.BIND_OFFICE_CONFIRM, self, label=s.BIND_AREA, none=s.BIND_NO_AREAS)
        return self._open_choice(dialog, partial(self._office, signer, dialog, True))

    def choose_office_to_unbind(self) -> SchoolChoiceDialog | None:
        signer = self.selected()
        if signer is None or not self.offices.get(signer.fingerprint):
            return None
        bound = [(area, shown(area)) for area in self.offices[signer.fingerprint]]
        dialog = SchoolChoiceDialog(s.UNBIND_OFFICE_TITLE, s.UNBIND_OFFICE_INTRO, signer, bound,
                                    s.UNBIND_OFFICE_CHECK, s.UNBIND_OFFICE_CONFIRM, self, label=s.BIND_AREA)
        return self._open_choice(dialog, partial(self._office, signer, dialog, False))

    def _office(self, signer: Signer, dialog: SchoolChoiceDialog, bind: bool) -> None:
        area, shown_area = dialog.chosen_code(), dialog.chosen_text()
        if area is None:
            return
        said = s.OFFICE_BOUND if bind else s.OFFICE_UNBOUND
        saved = said.format(groups=groups(signer.fingerprint), area=shown_area, time="{time}")
        action = self.api.bind_office if bind else self.api.unbind_office
        self._saver.run(partial(action, self._workspace(), signer.fingerprint, area),
                        key=("office", signer.fingerprint, area), saved=saved,
                        on_saved=lambda _result: self.ops.publish(  # approvals that waited may apply (R5)
                            Changes(signers=True, pending=bind) | (Changes.from_tables(["budget_decisions", "review_decisions"]) if bind else Changes())))

    def _copy_own(self) -> None:
        # All 16 groups: pasted into a message, they bind this laptop even where it was never seen.
        QGuiApplication.clipboard().setText(full_groups(self.own_fingerprint) or self.own_key.text())
        self.status.setText(s.COPIED)


def _unbreakable(line: str) -> list[str]:
    """The parts of ``line`` Qt will not break inside when it wraps it: between spaces, and
    between the Thai words its line breaker finds ("โรงเรียนบ้านแม่สอด" wraps as "โรงเรียน" /
    "บ้านแม่สอด"), so a sender named by its school (exchange/senders.py) no longer holds the name
    column as wide as the whole name (the schools' column lost its share at 150 %)."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, line)
    parts, start = [], 0
    while (position := finder.toNextBoundary()) != -1:
        if position > start:
            parts.append(line[start:position].strip())
        start = position
    return parts
