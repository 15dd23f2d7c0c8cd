"""What a second launch shows while it waits for the window that holds its file (retest28 R3).

A launch on a file whose window is still starting waits for it to listen (up to
``database_lock.STARTING_TIMEOUT_MS``): before this, nothing was on screen for up to 31 s, and a
user who saw nothing double-clicked again. Shown only once the wait has lasted a moment
(``database_lock.WAIT_NOTICE_MS``): a normal start never makes, nor imports, any of it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QVBoxLayout, QWidget

# -- Thai strings ----------------------------------------------------------------------------
WAITING = "กำลังรอหน้าต่างที่เปิดไฟล์ {name} อยู่…"
WAITING_WHY = ("โปรแกรมเปิดไฟล์นี้อยู่แล้ว (หน้าต่างที่เพิ่งเปิดอาจใช้เวลาสักครู่) เมื่อพร้อม หน้าต่างนั้นจะขึ้นมาให้เอง"
               " ไม่ต้องเปิดโปรแกรมซ้ำ")


class WaitingWindow(QWidget):
    """A small window saying which file is waited for, with a busy bar and a busy cursor until
    :meth:`done`. User input is held back while the launch waits, so it has nothing to click."""

    def __init__(self, database: Path) -> None:
        super().__init__(None, Qt.WindowType.Dialog)
        self.setObjectName("waitingWindow")
        self.setWindowTitle(QApplication.applicationDisplayName())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = QLabel(WAITING.format(name=database.name))
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        why = QLabel(WAITING_WHY)
        why.setObjectName("fieldHint")
        why.setWordWrap(True)
        bar = QProgressBar()
        bar.setRange(0, 0)  # busy: no end is known
        bar.setTextVisible(False)
        for widget in (self.title, why, bar):
            layout.addWidget(widget)
        self.setFixedWidth(480)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._cursor = True

    def appear(self) -> None:
        """Show it in the middle of the screen, on top."""
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            frame = self.frameGeometry()
            frame.moveCenter(screen.availableGeometry().center())
            self.move(frame.topLeft())
        self.show()
        self.raise_()
        self.activateWindow()

    def done(self) -> None:
        """The wait is over (forwarded, or the file opens): gone, the cursor as it was."""
        if self._cursor:
            QGuiApplication.restoreOverrideCursor()
            self._cursor = False
        self.close()
        self.deleteLater()
