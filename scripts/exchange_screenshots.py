"""Screenshots of the exchange dialogs for docs/screenshots/, from real files between laptops.

    QT_QPA_PLATFORM=offscreen python3 scripts/exchange_screenshots.py [OUT_FOLDER]

Builds, in a temporary folder, a district and the laptops that send it files (each its own data
folder: its own installation and key, as ``tests/laptops.py`` makes them), then shows the district's
window at 1366×768 and saves: the import preview (a school typed twice, a supervisor's file with
changes waiting for a person and a clock that is wrong), the pending changes, the conflicts and the
signers. Re-run it after a wording change; look at every picture before committing it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402 (its MonkeyPatch switches the data folder, as in the tests)
from PySide6.QtCore import QCoreApplication, QPoint, QSettings  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from qualityschool_desktop import clock  # noqa: E402
from qualityschool_desktop.exchange import signing  # noqa: E402
from qualityschool_desktop.workspace import Workspace  # noqa: E402
from tests.laptops import CODE_A, CODE_B, NAME_B, Laptop, start_school  # noqa: E402
from ui.shell import app as app_module  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402


def wait(condition: Callable[[], Any], seconds: float = 20.0) -> Any:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise TimeoutError("the dialog did not come")


def named(laptop: Laptop, name: str) -> Laptop:
    with laptop.open():
        signing.set_own_name(name)
    return laptop


def build(root: Path, patch: pytest.MonkeyPatch) -> tuple[Laptop, dict[str, Path]]:
    def laptop(key: str, name: str) -> Laptop:
        return named(Laptop(key, root, patch), name)

    district = laptop("district", "สพป.ตาก เขต 2 (ฝ่ายนิเทศ)")
    school_a = laptop("school-a", "โรงเรียนบ้านแม่สอด")
    school_b = laptop("school-b", "โรงเรียนบ้านพบพระ")
    supervisor = laptop("supervisor", "ศน.รัตนา ใจดี (โน้ตบุ๊กนิเทศ)")
    files: dict[str, Path] = {}

    with school_a.open() as workspace:
        ids = start_school(workspace, levels=6)
    first = school_a.export("แม่สอด-1.qsx", school_codes=[CODE_A])
    district.import_(first)
    supervisor.import_(first)
    with supervisor.open() as workspace:
        visit = workspace.visits.start(ids["school"], visited_on=date(2026, 1, 20), purpose="ติดตามการจัดการเรียนรู้")
        workspace.visits.add_person(visit.id, "visitor", "นางสาวรัตนา ใจดี", "ศึกษานิเทศก์")
    district.import_(supervisor.export("นิเทศ-1.qsx"))

    # The supervisor's laptop clock falls back three years; it edits its visit (its own) and the
    # school's pupils and one level (not its own: they wait for a person at the district).
    patch.setattr(clock, "_offset", timedelta(days=-365 * 3))
    with supervisor.open() as workspace:
        workspace.visits.update(visit.id, purpose="ติดตามการจัดการเรียนรู้และการวัดผล")
        workspace.schools.update(ids["school"], pupils=135, teachers=9)
        workspace.answers.set_level(ids["assessment"], ids["item"], 4)
        workspace.answers.flush_pending()
    files["supervisor"] = supervisor.export("นิเทศ-ศน.รัตนา.qsx")
    patch.setattr(clock, "_offset", timedelta(0))

    # School B was typed at the district before its own file came.
    with district.open() as workspace:
        workspace.schools.add(code=CODE_B, name="รร.บ้านพบพระ (พิมพ์ที่เขต)", district="พบพระ", province="ตาก")
    with school_b.open() as workspace:
        start_school(workspace, CODE_B, NAME_B, levels=4)
    files["school_b"] = school_b.export("พบพระ-1.qsx")

    # Both the district and the school change the school's figures apart: conflicts.
    with district.open() as workspace:
        workspace.schools.update(ids["school"], pupils=118, area_office="สพป.ตาก เขต 2")
        workspace.answers.set_level(ids["assessment"], ids["item2"], 2)
        workspace.answers.flush_pending()
    with school_a.open() as workspace:
        workspace.schools.update(ids["school"], pupils=124, teachers=8)
        workspace.answers.set_level(ids["assessment"], ids["item2"], 4)
        workspace.answers.flush_pending()
    files["school_a"] = school_a.export("แม่สอด-2.qsx", school_codes=[CODE_A])
    district.import_(files["school_a"])
    with district.open() as workspace:
        signing.set_trusted(workspace, school_a.fingerprint, True)
    return district, files


def save(widget: QWidget, out: Path, name: str) -> None:
    widget.raise_()
    for _ in range(5):
        QCoreApplication.processEvents()
    target = out / name
    widget.grab().save(str(target))
    print(target, widget.width(), "x", widget.height())


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app_module.make_application()
    patch = pytest.MonkeyPatch()
    with tempfile.TemporaryDirectory() as folder:
        district, files = build(Path(folder), patch)
        district.activate()
        window = MainWindow(Workspace.open(district.db))
        window.resize(1366, 768)
        window.show()
        controller = window.features["exchange"]
        controller._settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)

        controller.preview([files["school_b"], files["supervisor"]])
        preview = wait(lambda: controller.dialog if type(controller.dialog).__name__ == "ImportPreviewDialog" else None)
        # Scrolled to the decision the first file needs, with the supervisor's file below it.
        section = preview.cards[0].same_section
        bar = preview.scroll_area.verticalScrollBar()
        wait(lambda: bar.maximum() > 0)
        top = section.mapTo(preview.scroll_area.widget(), QPoint(0, 0)).y() - 8
        bar.setValue(min(top, bar.maximum()))
        save(preview, out, "import-preview.png")
        preview.reject()
        district.import_(files["supervisor"])  # its changes to the school wait for a person
        district.import_(files["school_b"], same_schools=[CODE_B])  # the school typed at the district

        controller.show_pending()
        pending = wait(lambda: controller.dialog if type(controller.dialog).__name__ == "PendingDialog" else None)
        pending.select(next(change.id for change in pending.changes if change.table == "schools"))
        save(pending, out, "pending-changes.png")
        if os.environ.get("QSD_SHOTS_EXTRA"):
            pending.accept_selected()
            save(pending.question, out, "extra-accept.png")
            pending.question.reject()
        pending.reject()

        controller.show_conflicts()
        conflicts = wait(lambda: controller.dialog if type(controller.dialog).__name__ == "ConflictsDialog" else None)
        save(conflicts, out, "conflicts.png")
        conflicts.reject()

        controller.manage_signers()
        signers = wait(lambda: controller.dialog if type(controller.dialog).__name__ == "SignersDialog" else None)
        save(signers, out, "signers.png")
        if os.environ.get("QSD_SHOTS_EXTRA"):  # the dialogs behind the buttons, to look at
            signers.select(signers.signers[1].fingerprint)
            save(signers.choose_school_to_bind(), out, "extra-bind.png")
            signers.choice.reject()
            signers.select(signers.signers[0].fingerprint)
            save(signers.choose_school_to_unbind(), out, "extra-unbind.png")
            signers.choice.reject()
        signers.reject()
        window.close()
    patch.undo()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
