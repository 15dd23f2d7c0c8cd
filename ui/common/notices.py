"""What a print, an export, an import or a backup did, and where: one slim bar at the bottom of the
window, above the status bar.

Every command that writes or reads a file answers through a :class:`Notice` handed to the shell
(``shell.notify(notice)``, :mod:`ui.shell.api`); the window shows it in its :class:`NoticeBar`:
the sentence (the path can be selected and copied), "เปิดไฟล์" when there is a file a person
opens (a PDF, a workbook), "เปิดโฟลเดอร์" when there is a file or folder, and "ปิด". A notice
stays for about ten seconds, longer while the pointer rests on it, and until dismissed when it
must be read (a failure, a print's list of characters that print as boxes). A report saved that no
program could open is said for ten seconds too (TEST31b U7: until closed, it followed the user to
other pages for minutes). A new notice replaces the
one shown: the bar says what happened last. ``notify(None)`` takes down a notice that said work
was running. A notice about the page it was given on (a print, an export of the page's tables:
``on_page``) goes when the window shows another page (:meth:`NoticeBar.page_shown`): the PDF was
made from that page, and at the bottom of the next one it read as if said about it (pdf32).

Why at the bottom, in the window's layout: laid over the bottom edge (as it was from issue 11 to
TEST31) it hid the page's last row for ten seconds: the assessment's ‹ ก่อนหน้า / ถัดไป ›, the
plan's "เพิ่มเป้าหมาย", the budget's total line (TEST31 T4). It now takes its own room between
the page and the status bar (:meth:`NoticeBar.take_room`): the page ends above it and hides
nothing, and Tab reaches its buttons after the page's. It stays at the bottom, not under the top bar
where it once pushed the whole page down by its height, so that a double-click aimed at one school
opened the one beside it (issue 11): at the bottom a page's rows keep their place, only its lists
get a line or two shorter while the bar is up. A long notice shows its first :data:`MOST_LINES`
lines and scrolls for the rest, so it never takes much of the page (TEST26a #9).

Why a bar and not the status bar: the status bar's line is small, at the bottom edge, gone in a
few seconds, and cannot carry buttons; a message box for each success would stop the user's work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal, Optional

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QDesktopServices, QEnterEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

from qualityschool_desktop.records import Frozen

from .qt_numbers import PLAIN_TEXT, SCROLL_BAR_ALWAYS_OFF, SELECTABLE_BY_MOUSE  # set as properties
from .wrapping import unbroken


# -- Thai strings ----------------------------------------------------------------------------
OPEN_FILE = "เปิดไฟล์"
OPEN_FOLDER = "เปิดโฟลเดอร์"
CLOSE = "ปิด"
CLOSE_TIP = "ปิดข้อความนี้"
OPEN_FILE_TIP = "เปิด {path}"
OPEN_FOLDER_TIP = "เปิดโฟลเดอร์ {path}"
OPEN_FILE_FAILED = "เปิดไฟล์ {path} ไม่ได้ (ไม่พบโปรแกรมที่เปิดไฟล์ชนิดนี้ หรือไฟล์ถูกย้ายไปแล้ว) ลองเปิดจากโฟลเดอร์ {folder}"
OPEN_FOLDER_FAILED = "เปิดโฟลเดอร์ {folder} ไม่ได้ (อาจถูกย้ายหรือถอดไดรฟ์ออกแล้ว)"
# The file or folder is there: the system found no program to show it (try11b F3, F16).
NO_FOLDER_PROGRAM = "ไม่พบโปรแกรมที่แสดงโฟลเดอร์ในเครื่องนี้ เปิดโฟลเดอร์ {folder} เองจากโปรแกรมจัดการไฟล์"
NO_FILE_PROGRAM = "เปิดไฟล์ {path} ไม่ได้ เพราะไม่พบ{program}ในเครื่องนี้ ติดตั้ง{program} หรือเปิดไฟล์จากโฟลเดอร์ {folder}"
PROGRAMS = {".pdf": "โปรแกรมอ่าน PDF", ".docx": "โปรแกรม Word (.docx)", ".xlsx": "โปรแกรมตารางคำนวณ Excel (.xlsx)",
            ".csv": "โปรแกรมตารางคำนวณ", ".png": "โปรแกรมดูรูปภาพ"}
ANY_PROGRAM = "โปรแกรมที่เปิดไฟล์ชนิดนี้"


def program_for(path: Path) -> str:
    """The kind of program that opens ``path``, in Thai ("โปรแกรมอ่าน PDF", "โปรแกรม Word (.docx)" …)."""
    return PROGRAMS.get(path.suffix.lower(), ANY_PROGRAM)

SHOWN_MS = 10_000  # how long a notice stays by itself
# A long notice (a Word warning listing places) shows this many lines and scrolls for the rest:
# at 150 % a whole list covered ~40 % of the assessment view and its buttons (TEST26a #9).
MOST_LINES = 4


Kind = Literal["done", "info", "busy", "failed"]


@dataclass(init=False, repr=False, eq=False)
class Notice(Frozen):
    """One answer to a command. ``text`` says what was done and where; ``file``: the file written,
    offered with "เปิดไฟล์" when ``openable`` (a PDF, a workbook; not a backup or an exchange
    file, which nothing but this app reads); ``folder``: offered with "เปิดโฟลเดอร์" (the file's
    folder when not given). ``kind``: "done", "info", "busy" (work is running: stays until the
    next notice) or "failed" (stays until dismissed). ``sticky``: stays until dismissed.
    ``unasked``: said without the user asking (the daily backup's): it waits while a notice that
    stays is shown, and follows it when the user closes it (try27b finding 6). ``on_page``: said
    about the page shown when it came (a print made there): leaving that page takes it away."""

    text: str
    file: Path | None = None
    folder: Path | None = None
    kind: Kind = "done"
    openable: bool = True
    sticky: bool = False
    unasked: bool = False
    on_page: bool = False

    # Written out, with Frozen's equality, hash, repr and refusals: nothing compiled at import before
    # "ready" (issue 16; qualityschool_desktop/records.py, tests/ui/test_shell_records.py).
    def __init__(self, text: str, file: Path | None = None, folder: Path | None = None, kind: Kind = "done",
                 openable: bool = True, sticky: bool = False, unasked: bool = False, on_page: bool = False) -> None:
        _set = object.__setattr__
        _set(self, "text", text)
        _set(self, "file", file)
        _set(self, "folder", folder)
        _set(self, "kind", kind)
        _set(self, "openable", openable)
        _set(self, "sticky", sticky)
        _set(self, "unasked", unasked)
        _set(self, "on_page", on_page)

    @property
    def file_to_open(self) -> Path | None:
        return self.file if self.openable else None

    @property
    def folder_to_open(self) -> Path | None:
        if self.folder is not None:
            return self.folder
        return self.file.parent if self.file is not None else None

    @property
    def stays(self) -> bool:
        return self.sticky or self.kind in ("failed", "busy")


Notify = Callable[[Optional[Notice]], None]


def open_path(path: Path) -> bool:
    """Hand ``path`` (a file or a folder) to the system: the PDF viewer, Excel, the file manager."""
    from PySide6.QtCore import QUrl  # here: its Python enums are built on first use (issue 16)

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class NoticeBar(QFrame):
    """The window's bar of notices; hidden while there is none."""

    shown = Signal(object)  # the Notice now shown (tests and the window's record of what it said)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setAutoFillBackground(True)  # its own colour, not the window's
        self.notice: Notice | None = None
        self._waiting: list[Notice] = []  # unasked notices behind one that stays, in turn
        self._page: object = None  # the page the window shows (page_shown), and the notice's
        self._notice_page: object = None
        self.message = QLabel()
        self.message.setObjectName("noticeText")
        self.message.setWordWrap(True)
        # Set as properties: the window makes its bar before its first page has painted, and the
        # ``Qt`` namespace's 93 Python enums would be built for them (issue 16: "ready").
        self.message.setProperty("textFormat", PLAIN_TEXT)
        self.message.setProperty("textInteractionFlags", SELECTABLE_BY_MOUSE)
        self.open_file_button = QPushButton(OPEN_FILE)
        self.open_file_button.clicked.connect(self._open_file)
        self.open_folder_button = QPushButton(OPEN_FOLDER)
        self.open_folder_button.clicked.connect(self._open_folder)
        self.close_button = QPushButton(CLOSE)
        self.close_button.setToolTip(CLOSE_TIP)
        self.close_button.clicked.connect(self._closed)
        # The sentence scrolls when it is longer than MOST_LINES lines (_place sets the height).
        self.message_area = QScrollArea()
        self.message_area.setObjectName("noticeScroll")
        self.message_area.setWidgetResizable(True)
        self.message_area.setFrameShape(QFrame.Shape.NoFrame)
        self.message_area.setProperty("horizontalScrollBarPolicy", SCROLL_BAR_ALWAYS_OFF)
        self._see_through = False  # the scroll area's viewport: see _show
        self.message_area.setWidget(self.message)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 10, 6)
        layout.setSpacing(8)
        layout.addWidget(self.message_area, 1)
        layout.addWidget(self.open_file_button)
        layout.addWidget(self.open_folder_button)
        layout.addWidget(self.close_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SHOWN_MS)
        self.timer.timeout.connect(self._closed)
        self.hide()

    # -- what the window calls ---------------------------------------------------------------
    def take_room(self, layout: QBoxLayout) -> None:
        """Put the bar at the end of ``layout`` (the window's, under its page): while a notice is up
        it takes its own height there, as tall as its sentence needs, and the page ends above it."""
        from PySide6.QtWidgets import QSizePolicy  # after the first paint: its enums (issue 16)

        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # as tall as its sentence
        layout.addWidget(self)
        self.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self.notice is not None and event.size().width() != event.oldSize().width():
            self._place()  # the sentence wraps anew at the new width

    def _place(self) -> None:
        # The page's width (the bar spans it): the bar's own is stale until the layout has run.
        holder = self.parentWidget()
        height = self._sentence_height(holder.width() if holder is not None else self.width())
        if self.message_area.height() != height or self.message_area.minimumHeight() != height:
            self.message_area.setFixedHeight(height)

    def _sentence_height(self, width: int) -> int:
        """The height the sentence takes in a bar ``width`` wide: all of it (a word-wrapped
        label's size hint guesses a narrower width and would make the bar twice as tall as one
        line), at most MOST_LINES lines; the scroll bar then takes some of the width."""
        layout = self.layout()
        assert layout is not None  # made in __init__
        margins = layout.contentsMargins()
        buttons = [button for button in (self.open_file_button, self.open_folder_button, self.close_button)
                   if not button.isHidden()]
        room = width - margins.left() - margins.right() - sum(
            button.sizeHint().width() + layout.spacing() for button in buttons)
        needed = self.message.heightForWidth(max(room, 1))
        most = self.message.fontMetrics().lineSpacing() * MOST_LINES + 2 * self.message.margin()
        if needed <= most:
            return max(needed, self.message.fontMetrics().lineSpacing())
        return most

    def show_notice(self, notice: Notice | None) -> None:
        """Show ``notice`` in place of the one shown; None takes down a "busy" notice."""
        if notice is None:
            if self.notice is not None and self.notice.kind == "busy":
                self.dismiss()
            return
        if notice.unasked and self.notice is not None and self.notice.stays:
            self._waiting.append(notice)
            return
        self.notice = notice
        self._notice_page = self._page
        self.message.setText(unbroken(notice.text))  # "๒/๒๕๖๙" never split at its slash
        self.message_area.verticalScrollBar().setValue(0)  # a long notice shows its first lines
        file, folder = notice.file_to_open, notice.folder_to_open
        self.open_file_button.setVisible(file is not None)
        self.open_folder_button.setVisible(folder is not None)
        if file is not None:
            self.open_file_button.setToolTip(OPEN_FILE_TIP.format(path=file))
        if folder is not None:
            self.open_folder_button.setToolTip(OPEN_FOLDER_TIP.format(path=folder))
        self.close_button.setVisible(notice.kind != "busy")
        self.setProperty("kind", notice.kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.timer.stop()
        if not notice.stays:
            self.timer.start()
        self._place()  # before it shows: the layout gives it the height its sentence needs ...
        self._show()
        self._place()  # ... and again once shown, in the fonts of its style
        self.shown.emit(notice)

    def _show(self) -> None:
        if not self._see_through:
            # The bar's colour shows through the sentence's scroll area. Set when the bar first
            # shows, not when it is made: handing Python the viewport, a plain QWidget, makes
            # shiboken build every lazy Qt widget class's enums (~30 ms CPU before the first page).
            self._see_through = True
            self.message_area.viewport().setAutoFillBackground(False)
        self.show()

    def page_shown(self, page: object) -> None:
        """The window now shows ``page`` (its location): a notice said about another page goes,
        and the next one waiting, if any, follows (as when closed)."""
        self._page = page
        if self.notice is not None and self.notice.on_page and self._notice_page != page:
            self._closed()

    def dismiss(self) -> None:
        """Take the notice down, and those waiting behind it (the database shown changed)."""
        self._waiting = []
        self.timer.stop()
        self.notice = None
        self.hide()

    def text(self) -> str:
        """The sentence shown ("" while hidden)."""
        return self.message.text() if self.notice is not None else ""

    # -- the buttons -------------------------------------------------------------------------
    def _closed(self) -> None:
        """Closed by the user (or gone by itself): the next notice waiting, if any, follows."""
        waiting = self._waiting
        self.dismiss()
        if waiting:
            self._waiting = waiting[1:]
            self.show_notice(waiting[0])

    def _open_file(self) -> None:
        notice = self.notice
        if notice is None or notice.file_to_open is None:
            return
        file = notice.file_to_open
        if not open_path(file):
            failed = (NO_FILE_PROGRAM.format(path=file, program=program_for(file), folder=file.parent)
                      if file.is_file() else OPEN_FILE_FAILED.format(path=file, folder=file.parent))
            self.show_notice(Notice(failed, folder=file.parent, kind="failed"))

    def _open_folder(self) -> None:
        notice = self.notice
        if notice is None or notice.folder_to_open is None:
            return
        folder = notice.folder_to_open
        if not open_path(folder):
            failed = NO_FOLDER_PROGRAM if folder.is_dir() else OPEN_FOLDER_FAILED
            self.show_notice(Notice(failed.format(folder=folder), kind="failed"))

    # -- the pointer keeps it up -------------------------------------------------------------
    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802 (Qt name)
        self.timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if self.notice is not None and not self.notice.stays:
            self.timer.start()
        super().leaveEvent(event)
