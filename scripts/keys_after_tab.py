"""TEST34 T1 the tester's way: keys typed by xdotool right after Tab in the plan's indicators table.

    Xvfb :68 -screen 0 1366x768x24 &
    DISPLAY=:68 python3 scripts/keys_after_tab.py [--busy-ms 150] [--layout us|th]

Builds a school database in a temporary folder (a school, a submitted round, a plan with one
indicator), opens the real window, goes to แผนพัฒนา › ตัวชี้วัด and, with xdotool, presses F2 on the
name, types a name, Tab, then ``ร้อยละ`` at 20 ms a key and Enter; prints what was stored.
``--busy-ms`` adds that long to every re-read of the plan (a loaded laptop).

What it showed (2026-12, Xvfb, US key map): xdotool lends a spare key code for each Thai letter
and takes it back at once; Qt reads a queued key with the key map of the moment it takes it, so
Thai letters typed while the window is busy come out as nothing. Before the fix every Tab ran the
save and two whole re-reads of the plan: with --busy-ms 150 the whole unit was lost ("");
after it (re-read once typing ends) the save alone is left and "อยละ"/"ร้อยละ" come through
(the first letters can still fall in the few ms of the save, and the last one is sometimes lost
even on an idle window: xdotool's own race). ASCII letters, and Thai with ``--layout th`` (a real
Thai keyboard: no lent key codes), were never lost, even with --busy-ms 300.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(path: Path) -> None:
    from qualityschool_desktop.workspace import Workspace

    w = Workspace.open(path, create=True)
    school = w.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา", district="เมืองตาก", province="ตาก",
                           level="primary", pupils=320)
    items = w.frameworks.latest().items
    first = w.assessments.start(school.id, 2568)
    for item, level in zip(items[:6], (2, 3, 4, 1, 5, 3)):
        w.answers.set_level(first.id, item.code, level)
    w.answers.flush_pending()
    w.assessments.submit(first.id)
    plan = w.plans.create(school.id, 2569, title="แผนพัฒนา", base=(2568, 1))
    w.plans.add_indicator(plan.id, "ตัวชี้วัดหนึ่ง")
    w.close()


def xdo(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True)


def keys(db: Path, unit: str, name: str) -> None:
    """Run in a second process once the window is ready: the tester's keys."""
    xdo("key", "F2")
    time.sleep(0.3)
    xdo("key", "ctrl+a")
    xdo("type", "--delay", "20", name)
    xdo("key", "Tab")
    xdo("type", "--delay", "20", unit)
    time.sleep(0.5)
    xdo("key", "Return")
    time.sleep(1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--busy-ms", type=float, default=0)
    parser.add_argument("--layout", default="us")
    parser.add_argument("--unit", default="ร้อยละ")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="keys34-"))
    os.environ.setdefault("QUALITYSCHOOL_DATA_DIR", str(folder / "data"))
    db = folder / "school.sqlite3"
    build(db)
    subprocess.run(["setxkbmap", "-layout", options.layout], check=False)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.plans.tab import PlanPanel
    from ui.shell.api import Location
    from ui.shell.app import make_application
    from ui.shell.main_window import MainWindow
    from qualityschool_desktop.workspace import Workspace

    real_refresh = PlanPanel.refresh

    def busy_refresh(self: PlanPanel) -> None:
        real_refresh(self)
        time.sleep(options.busy_ms / 1000)

    PlanPanel.refresh = busy_refresh  # type: ignore[method-assign]
    app = make_application()
    window = MainWindow(Workspace.open(db))
    window.resize(1366, 720)
    window.show()

    def ready() -> None:
        window.navigate(Location("school", window.workspace.schools.list()[0].id))
        page: Any = window.page("school")
        assert page is not None
        page.tabs.setCurrentIndex([spec.key for spec in page._specs].index("plans"))
        tab = next(t for t in page._tabs if isinstance(t, PlanPanel))
        tab.parts_tabs.setCurrentIndex(1)
        tab.indicators.setCurrentCell(0, 0)
        tab.indicators.setFocus()
        window.activateWindow()
        helper = subprocess.Popen([sys.executable, __file__, "--keys", str(db), options.unit])
        QTimer.singleShot(100, lambda: wait_for(helper))

    def wait_for(helper: subprocess.Popen[bytes]) -> None:
        if helper.poll() is None:
            QTimer.singleShot(100, lambda: wait_for(helper))
            return
        window.close()

    QTimer.singleShot(2000, ready)
    app.exec()
    subprocess.run(["setxkbmap", "-layout", "us"], check=False)
    with sqlite3.connect(db) as connection:
        name, unit = connection.execute("SELECT name, unit FROM plan_indicators").fetchone()
    print(f"typed {options.unit!r} after Tab (busy {options.busy_ms:g} ms, layout {options.layout}): "
          f"stored name {name!r}, unit {unit!r}", "OK" if unit == options.unit else "LOST")
    return 0 if unit == options.unit else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--keys":
        keys(Path(sys.argv[2]), sys.argv[3], "ชื่อตัวชี้วัด")
        sys.exit(0)
    sys.exit(main())
