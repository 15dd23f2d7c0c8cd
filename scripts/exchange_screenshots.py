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
from screenshots import wait  # noqa: E402 (scripts/ is on the path: this script's folder)
from tests.laptops import CODE_A, CODE_B, NAME_B, Laptop, behind_owner_check, start_school  # noqa: E402
from ui.shell import app as app_module  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402


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
        # The window refuses these now (not the supervisor's records); an older version or a
        # hand-edited database makes them, and that is what the pending list is for.
        with behind_owner_check(workspace):
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
    with district.open() as workspace, behind_owner_check(workspace):  # as a database from before 0016
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
    target = out / f"{name}.png"
    widget.grab().save(str(target))
    print(target, widget.width(), "x", widget.height())


def shoot_dialogs(root: Path, patch: pytest.MonkeyPatch, shoot: Callable[[QWidget, str], None], *,
                  size: tuple[int, int] | None = None, extra: bool = False) -> None:
    """Build the laptops in ``root`` (:func:`build`), open the district's window (at ``size``, else
    as it fits the screen) and hand each exchange dialog to ``shoot`` with its picture's name:
    import-preview, pending-changes, conflicts, signers (and, with ``extra``, the questions and
    dialogs behind their buttons)."""
    district, files = build(root, patch)
    district.activate()
    window = MainWindow(Workspace.open(district.db))
    if size is not None:
        window.resize(*size)
    window.show()
    controller = window.features["exchange"]
    controller._settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)

    def dialog_of(kind: str) -> Any:
        return wait(lambda: controller.dialog if type(controller.dialog).__name__ == kind else None)

    controller.preview([files["school_b"], files["supervisor"]])
    preview = dialog_of("ImportPreviewDialog")
    # Scrolled to the decision the first file needs, with the supervisor's file below it.
    section = preview.cards[0].same_section
    bar = preview.scroll_area.verticalScrollBar()
    try:  # the preview takes its height a moment after it shows (a tall screen may need no scrolling)
        wait(lambda: bar.maximum() > 0, seconds=5)
    except TimeoutError:
        pass
    top = section.mapTo(preview.scroll_area.widget(), QPoint(0, 0)).y() - 8
    bar.setValue(max(0, min(top, bar.maximum())))
    shoot(preview, "import-preview")
    preview.reject()
    district.import_(files["supervisor"])  # its changes to the school wait for a person
    district.import_(files["school_b"], same_schools=[CODE_B])  # the school typed at the district

    controller.show_pending()
    pending = dialog_of("PendingDialog")
    pending.select(next(change.id for change in pending.changes if change.table == "schools"))
    shoot(pending, "pending-changes")
    if extra:
        pending.accept_selected()
        shoot(pending.question, "extra-accept")
        pending.question.reject()
    pending.reject()

    controller.show_conflicts()
    conflicts = dialog_of("ConflictsDialog")
    shoot(conflicts, "conflicts")
    conflicts.reject()

    controller.manage_signers()
    signers = dialog_of("SignersDialog")
    shoot(signers, "signers")
    if extra:  # the dialogs behind the buttons, to look at
        signers.select(signers.signers[1].fingerprint)
        shoot(signers.choose_school_to_bind(), "extra-bind")
        signers.choice.reject()
        signers.select(signers.signers[0].fingerprint)
        shoot(signers.choose_school_to_unbind(), "extra-unbind")
        signers.choice.reject()
    signers.reject()
    window.close()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app_module.make_application()
    patch = pytest.MonkeyPatch()
    try:
        with tempfile.TemporaryDirectory() as folder:
            shoot_dialogs(Path(folder), patch, lambda widget, name: save(widget, out, name), size=(1366, 768),
                          extra=bool(os.environ.get("QSD_SHOTS_EXTRA")))
    finally:
        patch.undo()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
