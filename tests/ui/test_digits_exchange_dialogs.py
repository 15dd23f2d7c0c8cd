"""Issue 11, "one digit style per screen", the exchange's review dialogs with data in them (F11c):
the pending list wrote item numbers (1.1.1) and values (121 pupils, level 4) in Arabic digits with
Thai digits chosen. Each row of the pending and the conflicts dialog is selected and every text
shown is walked as ``test_digits_every_page`` walks the pages, in both styles; the school's code
is written as the school list writes it (in the window's digits), not as the core describes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import QSettings

from qualityschool_desktop.thai import digits as thai_digits
from qualityschool_desktop.workspace import Workspace
from tests.laptops import CODE_A, Laptop, behind_owner_check, laptops  # noqa: F401 (fixture)
from ui.common import digits
from ui.exchange.conflicts_dialog import ConflictsDialog
from ui.exchange.import_dialog import ImportPreviewDialog
from ui.exchange.pending_dialog import PendingDialog
from ui.shell.main_window import MainWindow

from .test_digits_every_page import as_written, shown_texts, wrong_digits
from .test_exchange_review import controller_of, edited_by_another_key, school_and_district, wait_for_dialog

Laptops = Callable[[str], Laptop]


pytestmark = pytest.mark.usefixtures("styled_app", "thai_digits_after")


def _walk(qtbot: Any, dialog: Any, name: str, written: list[str]) -> list[str]:
    found = []
    for row in range(dialog.list.rowCount()):
        dialog.list.setCurrentCell(row, 0)
        qtbot.wait(20)
        found += wrong_digits(dialog, f"{name} row {row + 1}", written)
        found += _code_as_stored(dialog, f"{name} row {row + 1}")
    return found


def _code_as_stored(dialog: Any, where: str) -> list[str]:
    """The school's code where the window shows it in the other style than the school list does
    (the core's ``describe`` and the comparison wrote it as stored, 0–9, in the Thai style)."""
    other = CODE_A if digits.style() == "thai" else thai_digits(CODE_A, "thai")
    return [f"{where} · {place}: {raw[:120]!r}" for place, raw in shown_texts(dialog) if other in raw]


@pytest.mark.parametrize("style", ["thai", "arabic"])
def test_the_pending_and_conflict_lists_show_one_digit_style(
    qtbot: Any, laptops: Laptops, tmp_path: Path, style: str,  # noqa: F811 (the fixture)
) -> None:
    school, district, ids = school_and_district(laptops)
    _mallory, suggestion = edited_by_another_key(laptops, school, ids)
    district.import_(suggestion)
    with district.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], pupils=310)
    with school.open() as workspace:
        workspace.schools.update(ids["school"], pupils=320)
    district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    district.activate()
    digits.set_style(style)  # the style is kept per data folder: after activate()
    window = MainWindow(Workspace.open(district.db))  # as open_window, but not kept by qtbot: deleted below
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    controller_of(window)._settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    written = as_written(district.db)
    found: list[str] = []
    try:
        controller = controller_of(window)
        controller.pending_action.trigger()  # type: ignore[union-attr]
        dialog = wait_for_dialog(qtbot, controller, PendingDialog)
        assert dialog.list.rowCount() >= 2
        found += _walk(qtbot, dialog, "pending", written)
        dialog.reject()
        controller.conflicts_action.trigger()  # type: ignore[union-attr]
        dialog = wait_for_dialog(qtbot, controller, ConflictsDialog)
        assert dialog.list.rowCount() >= 1
        found += _walk(qtbot, dialog, "conflicts", written)
        dialog.reject()
    finally:
        # Gone before the next test: a window left alive would follow that test's digit switch.
        window.shutdown()
        window.deleteLater()
        qtbot.wait(20)
    assert not found, f"{len(found)} texts:\n" + "\n".join(dict.fromkeys(found))


@pytest.mark.parametrize("style", ["thai", "arabic"])
def test_the_import_previews_lists_of_pending_and_conflicting_records_show_one_digit_style(
    qtbot: Any, laptops: Laptops, tmp_path: Path, style: str,  # noqa: F811 (the fixture)
) -> None:
    """The preview's bullets "คำตอบรายประเด็น 1.1.1" (pending) and a conflicting answer's item, in
    the window's digits; a school's code and name as written."""
    school, district, ids = school_and_district(laptops)
    _mallory, suggestion = edited_by_another_key(laptops, school, ids)
    with district.open() as workspace, behind_owner_check(workspace):
        workspace.answers.set_level(ids["assessment"], ids["item2"], 2)
        workspace.answers.flush_pending()
    with school.open() as workspace:
        workspace.answers.set_level(ids["assessment"], ids["item2"], 5)
        workspace.answers.flush_pending()
    late = school.export("a-2.qsx", school_codes=[CODE_A])
    district.activate()
    digits.set_style(style)  # the style is kept per data folder: after activate()
    window = MainWindow(Workspace.open(district.db))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    controller = controller_of(window)
    controller._settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    try:
        written = as_written(district.db)
        controller.preview([suggestion, late])
        preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
        pending = preview.card_for("from-mallory.qsx").pending_list
        conflicts = preview.card_for("a-2.qsx").conflict_list
        assert pending is not None and conflicts is not None
        item = "๑.๑." if style == "thai" else "1.1."
        assert item in pending.text() and item in conflicts.text(), (pending.text(), conflicts.text())
        found = wrong_digits(preview, "import preview", written)
        preview.reject()
    finally:
        window.shutdown()
        window.deleteLater()
        qtbot.wait(20)
    assert not found, f"{len(found)} texts:\n" + "\n".join(dict.fromkeys(found))


@pytest.mark.parametrize("style", ["thai", "arabic"])
def test_a_compared_school_code_follows_the_digit_style(tmp_path: Path, style: str) -> None:
    """The comparison's "code" field and a record's school (its name and code) as the school list
    writes the code."""
    from ui.exchange.compare import value_text

    digits.set_style(style)
    with Workspace.open(tmp_path / "w.sqlite3", create=True) as workspace:
        school = workspace.schools.add(code=CODE_A, name="โรงเรียนบ้านแม่สอด")
        shown_code = thai_digits(CODE_A, style)
        assert value_text(workspace, "schools", "code", CODE_A) == shown_code
        assert value_text(workspace, "network_schools", "code", CODE_A) == shown_code
        assert value_text(workspace, "visits", "school_id", school.id) == f"โรงเรียนบ้านแม่สอด ({shown_code})"
