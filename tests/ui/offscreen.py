"""Qt offscreen as a 1366x768 laptop shows it, for what runs in a process of its own: the
screenshots (``scripts/screenshots.py``) and the measurements at a display scaling
(``tests/ui/conflicts_at_150.py``), since Qt's scaling is chosen before Qt starts. Plain Python:
Qt is imported only to run its events, and pytest not at all (the script runs without it).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Callable

SCREEN = (1366, 768)
TASKBAR = 40  # a Windows taskbar at 100 %, in screen pixels


def configure_qt(scale: float, folder: Path) -> None:
    """Before Qt loads: offscreen, a 1366×728 screen (what the taskbar leaves) and the scaling."""
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1] - TASKBAR,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1,
    }]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = f"{scale:g}"


def settle(seconds: float = 0.3) -> None:
    """Run Qt's events for ``seconds`` (layouts, deferred fits, paints)."""
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def wait(condition: Callable[[], Any], seconds: float = 30.0) -> Any:
    """Run Qt's events until ``condition()`` gives something true, and return it; TimeoutError after ``seconds``."""
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise TimeoutError("what the script waited for did not come")
