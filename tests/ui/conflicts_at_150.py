"""The conflict window as a 1366x768 laptop at 150 % shows it, measured in a process of its own.

    python3 -m tests.ui.conflicts_at_150 FOLDER

Qt's scaling is chosen before Qt starts (``QT_SCALE_FACTOR``), so this runs apart from the test
that calls it (``tests/ui/test_conflicts_window_150.py``): an offscreen 1366x728 screen (a
1366x768 laptop less its taskbar, made as ``scripts/screenshots.py`` makes it: ``offscreen.py``), the
district's window fitted to it, the conflicts window opened from it as a person opens it (not resized by hand:
RETEST30 B8 showed only so). Prints what a person would notice, as JSON, and saves the window's
pictures in FOLDER.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .offscreen import configure_qt, settle, wait


def measure(folder: Path) -> dict[str, Any]:
    import pytest
    from PySide6.QtCore import QSettings

    from qualityschool_desktop.exchange import signing
    from qualityschool_desktop.workspace import Workspace
    from tests.laptops import Laptop, two_laptops_of_the_school
    from ui.shell import app as app_module
    from ui.shell.main_window import MainWindow

    from .test_conflicts_window_150 import nested, rows_cut, scrolling, seen_whole
    from .test_exchange_dialogs_150 import whole_rows

    app_module.make_application()
    patch = pytest.MonkeyPatch()
    try:
        a1, a2, district, ids = two_laptops_of_the_school(lambda name: Laptop(name, folder, patch))
        for laptop, level, name in ((a1, 4, "ห้องธุรการ โรงเรียนบ้านแม่สอด"), (a2, 2, "โน้ตบุ๊กครูวิชาการ")):
            with laptop.open() as workspace:
                signing.set_own_name(name)
                workspace.answers.set_level(ids["assessment"], ids["item"], level)
                workspace.answers.flush_pending()
        district.import_(a2.export("a2-1.qsx"))
        district.import_(a1.export("a1-1.qsx"))
        district.activate()
        window = MainWindow(Workspace.open(district.db))
        window.show()
        controller = window.features["exchange"]
        controller._settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        settle(0.5)
        controller.show_conflicts()
        dialog = wait(lambda: controller.dialog if type(controller.dialog).__name__ == "ConflictsDialog" else None)
        settle(0.5)
        found: dict[str, Any] = {"size": [dialog.width(), dialog.height()]}
        table = dialog.versions.table
        for all_fields in (False, True):
            dialog.versions.all_fields.setChecked(all_fields)
            settle(0.3)
            dialog.grab().save(str(folder / f"conflicts-150-{'all' if all_fields else 'differing'}.png"))
            found["all" if all_fields else "differing"] = {
                "rows": table.rowCount(),
                "whole_rows": whole_rows(table),
                "cut": rows_cut(table),
                "nested": nested(scrolling(dialog)),
                "reason_seen": dialog.refusal_note.isVisible() and seen_whole(dialog.refusal_note, dialog),
                "buttons_on": [button.isEnabled() for button in (dialog.versions.left_button,
                                                                  dialog.versions.right_button)],
            }
        window.shutdown()
        return found
    finally:
        patch.undo()


if __name__ == "__main__":
    out = Path(sys.argv[1])
    configure_qt(1.5, out)
    print(json.dumps(measure(out), ensure_ascii=False))
