"""The yardstick for start-up time: a bare PySide6 window with one label.

Like the app under ``QSD_BENCH_FIRST_PAINT=1``, it prints ``first-paint`` on stdout once the window
has painted for the first time, then exits 0. ``bench_startup.py`` runs it alternately with the
app, so the ratio app/bare says what the app adds on top of Python + Qt themselves.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class BareWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("bare window")
        self.setCentralWidget(QLabel("โรงเรียนคุณภาพ – bare PySide6 window"))
        self.resize(1366, 768)
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Report from a zero timer, after the whole paint pass, exactly as ui/shell/app.py does.
            QTimer.singleShot(0, self._report)

    def _report(self) -> None:
        print("first-paint", flush=True)
        QApplication.exit(0)


def main() -> int:
    app = QApplication(sys.argv)
    window = BareWindow()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
