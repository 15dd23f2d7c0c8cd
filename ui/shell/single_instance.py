"""One window per database file: the window's hold on the file it shows (:class:`InstanceGuard`).

At start-up the guard claims the file's lock (``database_lock.py``): this window holds it, or the
window that does came forward and nothing opens, or that window does not answer and the file opens
read-only, saying so in a banner with who holds the file and a way to take it over should nobody
really hold it. The guard moves the lock when the window switches files and answers second
launches by bringing the window forward.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QDeadlineTimer, QObject, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QMainWindow, QPushButton, QWidget

from .database_lock import (
    REACH_TIMEOUT_MS, DatabaseLock, Outcome, ask_to_come_forward, claim, is_this_host, report,
)

if TYPE_CHECKING:  # imported only when a wait is shown
    from .waiting_window import WaitingWindow

# -- Thai strings ----------------------------------------------------------------------------
READ_ONLY_BANNER = (
    "เปิดแบบอ่านอย่างเดียว: ฐานข้อมูลนี้เปิดอยู่ในหน้าต่างอื่นที่ไม่ตอบสนอง ดูข้อมูลได้แต่บันทึกไม่ได้ "
    "หากต้องการแก้ไข ให้ปิดหน้าต่างนั้นแล้วเปิดไฟล์นี้อีกครั้ง"
)
NOT_WRITABLE_BANNER = (
    "เปิดแบบอ่านอย่างเดียว: ไม่มีสิทธิ์เขียนไฟล์ฐานข้อมูลนี้หรือโฟลเดอร์ที่เก็บไฟล์ (เช่น แผ่นซีดีหรือแฟลชไดรฟ์ที่ล็อกไว้) "
    "ดูข้อมูลได้แต่บันทึกไม่ได้ คัดลอกไฟล์ไปไว้ในโฟลเดอร์ที่เขียนได้เพื่อแก้ไข"
)
OPEN_ELSEWHERE = "ฐานข้อมูล {name} เปิดอยู่ในหน้าต่างอื่น จึงเรียกหน้าต่างนั้นขึ้นมาให้แทน"
# Who holds the lock, and the way out when nobody really does (a crash's lock whose process id the
# system gave to another program: issue 12, try12c finding 3).
HELD_BY = "ไฟล์นี้ถูกจองโดยโปรแกรม {app} (PID {pid}{host})"
ON_HOST = " บนเครื่อง {host}"
IF_CLOSED = "หากไม่มีหน้าต่างอื่นเปิดไฟล์นี้อยู่แล้ว (เช่น หลังโปรแกรมปิดตัวผิดปกติ) กดปุ่ม \u201c{button}\u201d"
TAKE_OVER = "ปิดโปรแกรมอื่นแล้ว — เปิดแก้ไข"
STILL_HELD = "ยังเปิดแก้ไขไม่ได้: โปรแกรม PID {pid} ยังเปิดไฟล์นี้อยู่ ปิดหน้าต่างนั้นก่อนแล้วกดปุ่มอีกครั้ง"
CAME_FORWARD = "หน้าต่างที่เปิดไฟล์นี้ยังทำงานอยู่ จึงเรียกขึ้นมาให้ แก้ไขในหน้าต่างนั้นได้"
# The holder never showed a window (a start that hung before it: retest28 R3): no window to close.
SILENT_START_BANNER = (
    "เปิดแบบอ่านอย่างเดียว: ฐานข้อมูลนี้ถูกจองโดยโปรแกรมอื่นที่ไม่ตอบสนองและไม่มีหน้าต่างขึ้นมา ดูข้อมูลได้แต่บันทึกไม่ได้ "
    "หากต้องการแก้ไข รอให้โปรแกรมนั้นเปิดเสร็จ หรือปิดโปรแกรมนั้น{how} แล้วเปิดไฟล์นี้อีกครั้ง"
)
STILL_STARTING = ("ยังเปิดแก้ไขไม่ได้: โปรแกรม PID {pid} ยังจองไฟล์นี้อยู่และไม่ตอบสนอง (ไม่มีหน้าต่างให้ปิด)"
                  " รอให้โปรแกรมนั้นเปิดเสร็จ หรือปิดโปรแกรมนั้น{how} แล้วกดปุ่มอีกครั้ง")
END_ON_WINDOWS = (" (กด Ctrl+Shift+Esc เพื่อเปิดตัวจัดการงาน ที่แท็บ รายละเอียด เลือกรายการที่มี PID {pid}"
                  " แล้วกด สิ้นสุดงาน)")
END_ELSEWHERE = " (เช่น ด้วยคำสั่ง kill {pid})"


def how_to_end(pid: int | str) -> str:
    """How to end the program with ``pid``, in this system's words (Task Manager on Windows)."""
    return (END_ON_WINDOWS if sys.platform == "win32" else END_ELSEWHERE).format(pid=pid)


def bring_forward(window: QWidget) -> bool:
    """Show ``window`` on top and active, restored if minimised (still maximised if it was).
    False for a window that is closing (no longer shown): it must not come back."""
    if not window.isVisible():
        return False
    from PySide6.QtCore import Qt  # not before the first paint (the window's start imports this module)

    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState(state & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    report("raised")
    return True


class InstanceGuard(QObject):
    """A window's hold on the database file it shows: claimed at start-up, moved when the window
    switches databases, released when the app ends. Give it to the window, which becomes its
    parent and is the one brought forward."""

    # Files a second launch asked this window to import (``--import``, a double-clicked .qsx).
    import_requested = Signal(list)
    # The read-only file's lock was taken over (the banner's button): the window opens the file
    # again for editing and calls settle(); should it not, cancel_move().
    taken_over = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._lock: DatabaseLock | None = None  # None: nothing claimed, or read-only
        self._next: tuple[DatabaseLock | None, bool] | None = None  # moved to, not yet shown
        self._database: Path | None = None  # the file claimed (shown once settled)
        self._next_database: Path | None = None
        self._listening = False
        self._bar: QWidget | None = None  # the banner, the holder and the way out
        self._banner: QLabel | None = None
        self._holder: QLabel | None = None
        self._take_over: QPushButton | None = None
        self.read_only = False  # the file shown (or about to be, at start-up) is open read-only
        self.silent_start = False  # … because its holder never showed a window (Outcome.SILENT_START)
        self._next_silent = False
        self._waiting: WaitingWindow | None = None  # shown while a launch waits for the holder
        self.cannot_write = False  # … because the file or its folder cannot be written (read-only media)

    def claim(self, database: Path, timeout_ms: int | None = None, files: Sequence[Path] = (),
              starting_ms: int | None = None) -> Outcome:
        """At start-up, before any window: take ``database``'s lock, or bring its window forward
        (handing it ``files`` to import); see :func:`.database_lock.claim` for the two waits. A
        wait that lasts is shown in a small window (:mod:`.waiting_window`), gone when it ends."""
        outcome, self._lock = self._claim_shown(Path(database), timeout_ms, files, starting_ms)
        self.read_only = outcome.read_only
        self.silent_start = outcome is Outcome.SILENT_START
        self._database = Path(database)
        return outcome

    def _claim_shown(self, database: Path, timeout_ms: int | None = None, files: Sequence[Path] = (),
                     starting_ms: int | None = None) -> tuple[Outcome, DatabaseLock | None]:
        """:func:`.database_lock.claim`, its wait shown once it lasts (:mod:`.waiting_window`)."""
        try:
            return claim(database, timeout_ms, files, starting_ms, on_wait=lambda: self._show_waiting(database))
        finally:
            if self._waiting is not None:
                self._waiting.done()
                self._waiting = None

    def _show_waiting(self, database: Path) -> None:
        from .waiting_window import WaitingWindow

        self._waiting = WaitingWindow(database)
        self._waiting.appear()

    def listen(self) -> None:
        """From now on answer second launches (the window is up: called after its first paint)."""
        self._listening = True
        if self._lock is not None and self._lock.listen(self._come_forward, self.import_requested.emit):
            report("listening")

    def _come_forward(self) -> bool:
        window = self.parent()
        return isinstance(window, QWidget) and bring_forward(window)

    def move_to(self, database: Path) -> Outcome:
        """The window is about to switch to ``database``: take its lock next to the current one
        (until :meth:`settle`, or :meth:`cancel_move` should it not open). FORWARDED when another
        window has it: that window came forward, and the status bar says so."""
        self.cancel_move()
        outcome, lock = self._claim_shown(Path(database))  # a window starting on it is waited for, shown
        window = self.parent()
        if outcome is Outcome.FORWARDED:
            if isinstance(window, QMainWindow):
                # In the status bar, not a message box: a box would take the focus straight back.
                window.statusBar().showMessage(OPEN_ELSEWHERE.format(name=database.name), 15000)
        else:
            self._next = (lock, outcome.read_only)
            self._next_silent = outcome is Outcome.SILENT_START
            self._next_database = Path(database)
        return outcome

    def cancel_move(self) -> None:
        """The file moved to could not be opened: let go of its lock, keep the current one."""
        if self._next is not None and self._next[0] is not None:
            self._next[0].release()
        self._next = None

    def settle(self, *, cannot_write: bool = False) -> None:
        """The window now shows the file claimed or moved to last: let go of the previous file's
        lock and show whether this one is read-only. ``cannot_write``: it is, although its lock was
        taken, because the file or its folder cannot be written; the lock is kept all the same (a
        second launch comes to this window rather than opening another read-only one)."""
        if self._next is not None:
            lock, self.read_only = self._next
            self.silent_start = self._next_silent and self.read_only
            self._next, self._next_silent = None, False
            self._database = self._next_database or self._database
            if self._lock is not None:
                self._lock.release()
            self._lock = lock
            if self._listening:
                self.listen()
        self.cannot_write = cannot_write
        self.read_only = self.read_only or cannot_write
        if self.read_only:
            report("read-only")
        window = self.parent()
        if isinstance(window, QMainWindow):
            self._show_read_only(window)

    def _show_read_only(self, window: QMainWindow) -> None:
        # The title says "read-only" too: the window writes it from its workspace.
        if self._bar is None and self.read_only:
            self._make_bar(window)
        if self._bar is None or self._banner is None or self._holder is None or self._take_over is None:
            return
        self._banner.setText(self._banner_text())
        held_elsewhere = self.read_only and not self.cannot_write
        if held_elsewhere:
            self._holder.setText(self._holder_text())
        self._holder.setVisible(held_elsewhere)
        self._take_over.setVisible(held_elsewhere)
        self._banner.setVisible(self.read_only)
        self._bar.setVisible(self.read_only)

    def _make_bar(self, window: QMainWindow) -> None:
        from PySide6.QtCore import Qt

        bar = QWidget()
        bar.setObjectName("readOnlyBar")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # its background from the style sheet
        column = QHBoxLayout(bar)
        column.setContentsMargins(14, 8, 14, 8)
        column.setSpacing(12)
        texts = QWidget()
        lines = QBoxLayout(QBoxLayout.Direction.TopToBottom, texts)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(4)
        self._banner = QLabel()
        self._banner.setObjectName("readOnlyBanner")
        self._banner.setWordWrap(True)
        self._holder = QLabel()
        self._holder.setObjectName("lockHolder")
        self._holder.setWordWrap(True)
        lines.addWidget(self._banner)
        lines.addWidget(self._holder)
        self._take_over = QPushButton(TAKE_OVER)
        self._take_over.setObjectName("takeOverLock")
        self._take_over.clicked.connect(self.take_over)
        column.addWidget(texts, 1)
        column.addWidget(self._take_over, 0, Qt.AlignmentFlag.AlignTop)
        self._bar = bar
        central = window.centralWidget()
        layout = central.layout() if central is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, bar)
        else:
            window.statusBar().addWidget(bar)

    def _banner_text(self) -> str:
        if self.cannot_write:
            return NOT_WRITABLE_BANNER
        if self.silent_start:
            pid = DatabaseLock(self._database).holder_pid() if self._database is not None else None
            return SILENT_START_BANNER.format(how=how_to_end(pid or "?"))
        return READ_ONLY_BANNER

    def _holder_text(self) -> str:
        pid, host, app = DatabaseLock(self._database).holder() if self._database is not None else (None, "", "")
        named = HELD_BY.format(app=app or "?", pid=pid or "?",
                               host="" if is_this_host(host) else ON_HOST.format(host=host))
        return f"{named} {IF_CLOSED.format(button=TAKE_OVER)}"

    def take_over(self) -> bool:
        """The user says no other window has the file open (the banner's button): a window that
        answers comes forward and this one stays read-only; otherwise the lock is taken unless a
        live process holds it (:meth:`DatabaseLock.take_over`), and :attr:`taken_over` asks the
        window to open the file for editing. True when the lock is now this window's."""
        if not self.read_only or self.cannot_write or self._database is None:
            return False
        lock = DatabaseLock(self._database)
        answer = ask_to_come_forward(lock, QDeadlineTimer(REACH_TIMEOUT_MS // 4))
        if answer == "ok":
            if self._holder is not None:
                self._holder.setText(CAME_FORWARD)
            return False
        if not lock.take_over():
            pid = lock.holder_pid() or "?"
            if self._holder is not None:  # no server: it never showed a window to close (retest28 R3)
                self._holder.setText(STILL_STARTING.format(pid=pid, how=how_to_end(pid)) if answer == "absent"
                                     else STILL_HELD.format(pid=pid))
            return False
        self.cancel_move()
        self._next, self._next_database = (lock, False), self._database
        self.taken_over.emit()
        if self._next is not None:  # the window did not open it again: let go
            self.cancel_move()
            return False
        return True

    def release(self) -> None:
        """Let go of every lock (the window has closed its database)."""
        self.cancel_move()
        if self._lock is not None:
            self._lock.release()
        self._lock = None
