"""Issue 10 in the window: what a preview says about who signed a file and what it may change, the
same school typed twice, the changes waiting for a person (accept / reject), conflicts settled by
"ใช้ฉบับนี้", and keys bound to schools from the signers dialog.

Every scenario moves real exchange files between databases with separate data folders (separate
installations and keys, ``tests/laptops.py``); the window is the district's. Only the questions a
person answers are answered here by pressing their buttons; nothing of the core is stood in for.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from qualityschool_desktop import clock, exchange
from qualityschool_desktop.changes import Changes
from qualityschool_desktop.thai import thai_digits
from qualityschool_desktop.workspace import Workspace
from tests.laptops import (  # noqa: F401
    CODE_A,
    CODE_B,
    NAME_A,
    NAME_B,
    Laptop,
    behind_owner_check,
    laptops,
    start_school,
)
from ui.exchange.conflicts_dialog import ConflictsDialog
from ui.exchange.controller import ExchangeController
from ui.exchange.import_dialog import ImportPreviewDialog, ImportResultDialog
from ui.exchange.pending_dialog import PendingDialog
from ui.exchange.question import YES_BUTTON
from ui.exchange.signers_dialog import SchoolChoiceDialog, SignersDialog
from ui.shell.main_window import MainWindow

from .keyboard import show_active

Laptops = Callable[[str], Laptop]
TYPED_AT_DISTRICT = "รร.บ้านแม่สอด (พิมพ์ที่เขต)"


pytestmark = pytest.mark.usefixtures("styled_app")


# -- helpers ---------------------------------------------------------------------------------------
def open_window(qtbot: Any, laptop: Laptop, tmp_path: Path) -> MainWindow:
    """``laptop``'s database in a window, acting as that laptop (its installation and key)."""
    laptop.activate()
    window = MainWindow(Workspace.open(laptop.db, create=True))
    window.resize(1366, 768)
    show_active(qtbot, window)
    controller_of(window)._settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return window


def controller_of(window: MainWindow) -> ExchangeController:
    return window.features["exchange"]  # type: ignore[no-any-return]


def wait_for_dialog(qtbot: Any, controller: ExchangeController, kind: type) -> Any:
    qtbot.waitUntil(lambda: isinstance(controller.dialog, kind), timeout=15000)
    return controller.dialog


def answer_yes(qtbot: Any, box: QMessageBox | None) -> None:
    assert box is not None and box.isVisible()
    button = box.findChild(QPushButton, YES_BUTTON)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pupils(laptop: Laptop, code: str = CODE_A) -> int | None:
    with laptop.open() as workspace:
        return workspace.schools.by_code(code).pupils


def school_and_district(laptops: Laptops) -> tuple[Laptop, Laptop, dict[str, str]]:
    """School A makes its data and sends it; the district imports it (binding A's key)."""
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    return school, district, ids


def edited_by_another_key(laptops: Laptops, school: Laptop, ids: dict[str, str], *, pupils: int = 121,
                          level: int | None = 4) -> tuple[Laptop, Path]:
    """Another laptop (not bound to school A) takes A's file, changes A's pupils (and a level), sends it."""
    other = laptops("mallory")
    other.import_(school.root / "files" / "a-1.qsx")
    with other.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], pupils=pupils)
        if level is not None:
            workspace.answers.set_level(ids["assessment"], ids["item"], level)
            workspace.answers.flush_pending()
    return other, other.export("from-mallory.qsx")


# -- the preview -----------------------------------------------------------------------------------
def test_the_preview_shows_pending_changes_warnings_the_signers_key_and_first_use(
    qtbot: Any, laptops: Laptops, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    school, district, ids = school_and_district(laptops)
    # 99999: the 999999 of the issue is over the head-count rule now, and the laptop refuses it.
    mallory, forged = edited_by_another_key(laptops, school, ids, pupils=99999, level=1)
    monkeypatch.setattr(clock, "_offset", timedelta(days=-365 * 6))  # school A's clock fell back years
    with school.open() as workspace:
        workspace.answers.set_level(ids["assessment"], ids["item2"], 5)
        workspace.answers.flush_pending()
    late = school.export("a-late.qsx", school_codes=[CODE_A])
    monkeypatch.setattr(clock, "_offset", timedelta(0))
    school_b = laptops("school-b")
    with school_b.open() as workspace:
        start_school(workspace, CODE_B, NAME_B)
    newcomer = school_b.export("b-1.qsx")

    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.preview([forged, late, newcomer])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)

    card = preview.card_for("from-mallory.qsx")
    assert card.counts_shown()["โรงเรียน"]["รอตรวจสอบ"] == "๑"
    assert card.counts_shown()["คำตอบรายประเด็น"]["รอตรวจสอบ"] == "๑"
    assert card.pending_list is not None and f"โรงเรียน {thai_digits(CODE_A)}" in card.pending_list.text()
    assert exchange.fingerprint_groups(mallory.fingerprint) in card.signer_key.text()
    assert not card.trusted and card.badge.text() == "ยังไม่ได้ยืนยันผู้ส่ง"
    assert card.include.isEnabled()  # importing keeps them waiting: nothing is applied

    clock_card = preview.card_for("a-late.qsx")
    assert clock_card.warning_list is not None and "นาฬิกา" in clock_card.warning_list.text()
    assert clock_card.counts_shown()["คำตอบรายประเด็น"]["ปรับปรุง"] == "๑"  # judged by version, not clock

    first = preview.card_for("b-1.qsx")
    assert first.first_use is not None and thai_digits(CODE_B) in first.first_use.text()  # as the school list writes it (try10 F4)
    assert "กุญแจของผู้ส่งไฟล์นี้" in first.first_use.text()  # try27 F4: whose key it is, not "the school's own"
    assert exchange.fingerprint_groups(school_b.fingerprint) in first.signer_key.text()
    assert window.workspace.schools.get(ids["school"]).pupils == 120  # nothing written yet


# -- the same school typed twice ---------------------------------------------------------------------
def test_saying_it_is_the_same_school_lets_a_clashing_file_import(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    school, district = laptops("school-a"), laptops("district")
    with district.open() as workspace:
        typed = workspace.schools.add(code=CODE_A, name=TYPED_AT_DISTRICT)
        workspace.contacts.add(typed.id, date(2025, 11, 3), "phone", "แนะนำการกรอกแบบประเมิน")
    with school.open() as workspace:
        ids = start_school(workspace)
    own_file = school.export("a.qsx")

    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.preview([own_file])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    card = preview.card_for("a.qsx")
    box = card.same_boxes[CODE_A]
    assert not box.isChecked()  # off until a person says so
    assert box.text() == "เป็นโรงเรียนเดียวกัน"
    names = card.same_names[CODE_A].text()
    assert thai_digits(CODE_A) in names and NAME_A in names and TYPED_AT_DISTRICT in names  # as the school list (try10 F4)
    assert names in box.accessibleName()
    assert not card.include.isEnabled() and not card.include.isChecked()
    assert not preview.import_button.isEnabled() and preview.chosen() == []
    assert preview.import_button.text() == "ทำเครื่องหมายยืนยันในไฟล์ด้านบนก่อนนำเข้า"  # try27 F9
    assert card.first_use is None  # try27 F8: not "comes here for the first time" beside "typed twice"
    assert card.same_effects == {}  # what the tick does is said once it is ticked
    # The heading agrees with the button (try10 F10): none can be imported yet, one waits for a word.
    assert "นำเข้าได้ ๐ ไฟล์" in preview.heading.text()
    assert "รอยืนยันว่าเป็นโรงเรียนเดียวกัน ๑ ไฟล์" in preview.heading.text()

    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # from the keyboard
    qtbot.waitUntil(lambda: preview.card_for("a.qsx") is not card, timeout=15000)  # read again with the choice
    card = preview.card_for("a.qsx")
    assert card.same_boxes[CODE_A].isChecked()
    assert preview.focusWidget() is card.same_boxes[CODE_A]  # the keyboard stays on the tick
    # test28 N8: whose key the school is then bound to (the sender's name and key) and what moves.
    effect = card.same_effects[CODE_A].text()
    assert f"ผู้ส่งไฟล์นี้ “{NAME_A}" in effect  # the school, not its computer's name (s33 exB T11)
    assert any(label.text().startswith(NAME_A) for label in card.findChildren(QLabel))  # ส่งออกโดย: the school
    assert exchange.fingerprint_groups(school.fingerprint) in effect
    assert f"{exchange.KIND_LABELS['contacts']} ๑ รายการ" in effect
    assert card.include.isEnabled() and card.include.isChecked()
    assert card.counts_shown()["การประเมินตนเอง"]["ใหม่"] == "๑"
    assert [check.same_codes for check in preview.chosen()] == [frozenset({CODE_A})]
    assert "นำเข้าได้ ๑ ไฟล์" in preview.heading.text() and "รอยืนยัน" not in preview.heading.text()

    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    assert "นำเข้าเสร็จ ๑ จาก ๑ ไฟล์" in result.heading.text()
    assert result.schools_line.text().startswith("โรงเรียนใหม่ ๐ โรงเรียน · ปรับปรุง ๑")  # listed already (T11)
    [only] = window.workspace.schools.list()
    assert (only.id, only.name) == (ids["school"], NAME_A)  # the school's own record took the typed one's place
    assert typed.id != only.id
    assert window.page("schools").visible_names() == [NAME_A]


def test_without_saying_so_a_clashing_file_cannot_be_ticked(qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:
    school, district = laptops("school-a"), laptops("district")
    with district.open() as workspace:
        workspace.schools.add(code=CODE_A, name=TYPED_AT_DISTRICT)
    with school.open() as workspace:
        start_school(workspace)
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.preview([school.export("a.qsx")])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    card = preview.card_for("a.qsx")
    card.same_boxes[CODE_A].click()
    qtbot.waitUntil(lambda: preview.card_for("a.qsx") is not card, timeout=15000)
    card = preview.card_for("a.qsx")
    card.same_boxes[CODE_A].click()  # changed their mind
    qtbot.waitUntil(lambda: preview.card_for("a.qsx") is not card, timeout=15000)
    card = preview.card_for("a.qsx")
    assert not card.same_boxes[CODE_A].isChecked() and not card.include.isEnabled()
    preview.accept()  # Enter on the dialog: nothing to import
    assert preview.isVisible() and [s.name for s in window.workspace.schools.list()] == [TYPED_AT_DISTRICT]


def test_the_preview_and_summary_write_the_products_numbers_in_the_windows_digits_and_typed_text_as_typed(
    qtbot: Any, laptops: Laptops, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 11 "One digit style per screen" (try10 F4/F10): with Thai digits chosen, the core's
    warnings write their years, rounds, codes and dates in Thai digits, as the rest of the card;
    the school and laptop names people typed and the file's name keep their Arabic digits."""
    typed = "โรงเรียนบ้าน 2"
    school, district = laptops("school-a"), laptops("district")
    with district.open() as workspace:
        start_school(workspace, CODE_A, TYPED_AT_DISTRICT)  # a round 2568/1 typed here for the school
    with school.open() as workspace:
        start_school(workspace, CODE_A, typed)
        exchange.set_own_name(typed)  # the laptop's name, as a person typed it
    monkeypatch.setattr(clock, "_offset", timedelta(days=-365 * 6))  # the school's clock fell back years
    own_file = school.export("a-2568-1.qsx")
    monkeypatch.setattr(clock, "_offset", timedelta(0))

    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.preview([own_file])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    card = preview.card_for("a-2568-1.qsx")
    card.same_boxes[CODE_A].click()
    qtbot.waitUntil(lambda: preview.card_for("a-2568-1.qsx") is not card, timeout=15000)
    card = preview.card_for("a-2568-1.qsx")
    assert card.include.text() == "a-2568-1.qsx" and typed in card.same_names[CODE_A].text()
    assert card.warning_list is not None
    warnings = card.warning_list.text()
    assert f"การประเมินปี ๒๕๖๘ รอบ ๑ ของโรงเรียน {thai_digits(CODE_A)}" in warnings
    assert f"นาฬิกาของเครื่อง {typed} อาจผิด (วันที่ส่งออก " in warnings
    assert not any(ch.isascii() and ch.isdigit() for ch in warnings.replace(typed, "")), warnings

    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    summary = result.summary.text()
    # the school made one is named as typed and its key as groups (fx30 B7a): those keep their digits
    products = summary.replace("a-2568-1.qsx", "").replace(typed, "").replace(exchange.fingerprint_groups(school.fingerprint), "")
    assert summary.startswith("a-2568-1.qsx") and "2" not in products, summary
    assert f"โรงเรียนรหัส {thai_digits(CODE_A)}" in summary, summary


# -- pending changes -------------------------------------------------------------------------------
def test_a_pending_change_is_accepted_or_rejected_in_the_window(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    school, _district, ids = school_and_district(laptops)
    mallory, suggestion = edited_by_another_key(laptops, school, ids)
    window = open_window(qtbot, school, tmp_path)  # only the school's laptop accepts (s23)
    controller = controller_of(window)
    notices: list[Changes] = []
    window.ops.notifier.changed.connect(notices.append)

    # Imported through the window: the result leads to the changes waiting.
    controller.preview([suggestion])
    wait_for_dialog(qtbot, controller, ImportPreviewDialog).import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    assert result.pending_button is not None and "(๓)" in result.pending_button.text()
    assert notices and notices[-1].any_pending
    result.pending_button.click()
    dialog = wait_for_dialog(qtbot, controller, PendingDialog)

    waiting = {change.table: change for change in dialog.changes}
    assert set(waiting) == {"schools", "answers", "answer_history"}
    dialog.select(waiting["schools"].id)
    assert exchange.fingerprint_groups(mallory.fingerprint) in dialog.sender_key.text()
    assert dialog.reason.text() == "ผู้ส่งไม่ใช่เจ้าของข้อมูลนี้"
    assert "from-mallory.qsx" in dialog.source.text()
    assert ("จำนวนนักเรียน", "๑๒๐", "๑๒๑") in dialog.versions.rows_shown()  # here now | sent (Thai digits chosen)

    # Cancelling the question decides nothing.
    dialog.accept_button.click()
    assert dialog.question is not None
    dialog.question.reject()
    assert window.workspace.schools.get(ids["school"]).pupils == 120

    dialog.accept_button.click()
    answer_yes(qtbot, dialog.question)
    assert window.workspace.schools.get(ids["school"]).pupils == 121
    assert "ยอมรับแล้ว" in dialog.save_line.text()
    assert notices[-1].any_pending and notices[-1].any_schools  # the pages showing the school re-read it
    assert "schools" not in {change.table for change in dialog.changes}  # the list re-read itself

    answers = next(change for change in dialog.changes if change.table == "answers")
    dialog.select(answers.id)
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    answer_yes(qtbot, dialog.question)
    level = window.workspace.answers.get(ids["assessment"], ids["item"])
    assert level is not None and level.level == 3
    assert "ไม่ยอมรับ" in dialog.save_line.text()
    # The answer's history row of that edit went with it (RETEST31 R2): nothing left to ask about.
    assert exchange.list_pending(window.workspace) == []

    dialog.show_decided.setChecked(True)
    decided = {row.table: row.decision for row in dialog.changes}
    assert decided == {"schools": "accepted", "answers": "rejected", "answer_history": "rejected"}
    dialog.select(next(change.id for change in dialog.changes if change.table == "schools"))
    assert not dialog.accept_button.isEnabled() and not dialog.reject_button.isEnabled()


def test_a_pending_change_shows_what_accepting_makes_not_the_senders_stale_row(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    # A supervisor fixes the school's name; meanwhile the school typed its new pupil count.
    school, district, ids = school_and_district(laptops)
    supervisor = laptops("supervisor")
    supervisor.import_(school.root / "files" / "a-1.qsx")
    with supervisor.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], name="โรงเรียนบ้านแม่สอด (สะกดใหม่)")
    with school.open() as workspace:
        workspace.schools.update(ids["school"], pupils=201)
    school.import_(supervisor.export("fix.qsx"))
    window = open_window(qtbot, school, tmp_path)  # only the school's laptop accepts (s23)
    controller = controller_of(window)
    controller.pending_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, PendingDialog)
    [change] = dialog.changes
    dialog.select(change.id)
    shown = dialog.versions.rows_shown()
    # Only the name changes; the sender's stale pupil count (120) is not what accepting would store.
    assert shown == [("ชื่อ", "โรงเรียนบ้านแม่สอด", "โรงเรียนบ้านแม่สอด (สะกดใหม่)")]
    dialog.accept_button.click()
    answer_yes(qtbot, dialog.question)
    row = window.workspace.schools.get(ids["school"])
    assert (row.name, row.pupils) == ("โรงเรียนบ้านแม่สอด (สะกดใหม่)", 201)


def test_the_pending_changes_are_a_file_menu_command(qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:
    school, district, ids = school_and_district(laptops)
    _mallory, suggestion = edited_by_another_key(laptops, school, ids, level=None)
    school.import_(suggestion)
    window = open_window(qtbot, school, tmp_path)
    controller = controller_of(window)
    assert controller.pending_action in window.menus.menu("file").actions()
    controller.pending_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, PendingDialog)
    [change] = dialog.changes
    assert change.table == "schools"
    qtbot.waitUntil(dialog.list.hasFocus, timeout=5000)  # the keyboard starts on the list
    qtbot.keyClick(dialog.list, Qt.Key.Key_Tab)  # from the list, the keyboard goes on to the decisions
    assert QApplication.focusWidget() is dialog.accept_button
    qtbot.keyClick(dialog.accept_button, Qt.Key.Key_Space)
    assert dialog.question is not None and dialog.question.defaultButton().text() == "ยกเลิก"  # Enter decides nothing


# -- conflicts -------------------------------------------------------------------------------------
@pytest.mark.parametrize("side", ["winning", "losing"])
def test_either_version_of_a_conflict_can_be_used(qtbot: Any, laptops: Laptops, tmp_path: Path, side: str) -> None:
    # A conflict on a school's record is chosen at the school's laptop (s23): its second laptop
    # corrected the figure while the first did too, not knowing.
    school, _district, ids = school_and_district(laptops)
    spare = laptops("school-a-spare")
    with school.open() as workspace:
        exchange.bind(workspace, spare.fingerprint, CODE_A)
    spare.import_(school.export("a-bound.qsx", school_codes=[CODE_A]))
    with spare.open() as workspace:
        workspace.schools.update(ids["school"], pupils=310)
    with school.open() as workspace:
        workspace.schools.update(ids["school"], pupils=320)
    school.import_(spare.export("spare.qsx", school_codes=[CODE_A]))

    window = open_window(qtbot, school, tmp_path)
    controller = controller_of(window)
    controller.conflicts_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, ConflictsDialog)
    [conflict] = dialog.conflicts
    [row] = dialog.rows()
    assert row[0] == f"โรงเรียน {thai_digits(CODE_A)} {NAME_A}" and dialog.title.text() == row[0]  # as the school list
    [shown] = [r for r in dialog.versions.rows_shown() if r[0] == "จำนวนนักเรียน"]
    assert shown == ("จำนวนนักเรียน", thai_digits(conflict.winning["pupils"]), thai_digits(conflict.losing["pupils"]))
    in_use, kept = dialog.headings()
    assert in_use.startswith("ฉบับที่ใช้อยู่") and kept.startswith("ฉบับที่เก็บไว้")

    button = dialog.versions.left_button if side == "winning" else dialog.versions.right_button
    assert button is not None and button.text() == "ใช้ฉบับนี้"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    answer_yes(qtbot, dialog.question)

    chosen = conflict.winning if side == "winning" else conflict.losing
    assert window.workspace.schools.get(ids["school"]).pupils == chosen["pupils"]
    assert dialog.conflicts == [] and exchange.list_conflicts(window.workspace) == []
    assert "ใช้ฉบับ" in dialog.save_line.text()
    dialog.show_resolved.setChecked(True)
    [settled] = dialog.rows()
    assert settled[2] == "เลือกฉบับแล้ว"
    assert dialog.versions.left_button is not None and not dialog.versions.left_button.isEnabled()


# -- keys bound to schools -------------------------------------------------------------------------
def test_a_second_laptop_of_the_school_is_bound_and_unbound_from_the_signers_dialog(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    school, district, ids = school_and_district(laptops)
    spare = laptops("school-a-spare")
    spare.import_(school.root / "files" / "a-1.qsx")
    with spare.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], pupils=150)
    assert district.import_(spare.export("spare-1.qsx")).counts["schools"].pending == 1

    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.signers_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, SignersDialog)
    assert "ไม่ได้ให้สิทธิ์" in dialog.meaning.text()  # what the "checked" tick means now
    assert dialog.own_key.text() == exchange.fingerprint_groups(exchange.own_signer(window.workspace).fingerprint)
    groups = exchange.fingerprint_groups(spare.fingerprint)
    dialog.select(spare.fingerprint)
    row = dialog.table.currentRow()
    assert dialog.table.item(row, 2).text().replace("\n", "") == groups  # two lines of 4 groups when narrow (test29b B2)
    assert dialog.table.item(row, 3).text() == "—" and not dialog.unbind_button.isEnabled()
    school_row = next(i for i, signer in enumerate(dialog.signers) if signer.fingerprint == school.fingerprint)
    assert dialog.table.item(school_row, 3).text() == f"{thai_digits(CODE_A)}  {NAME_A} · คำรับรองของโรงเรียน"  # as the school list

    qtbot.mouseClick(dialog.bind_button, Qt.MouseButton.LeftButton)
    choice = dialog.choice
    assert isinstance(choice, SchoolChoiceDialog) and choice.key.text() == groups  # compared by phone first
    choice.choose(CODE_A)
    qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    # A is bound to its own key already: asked first, the bind adds a laptop (retest30 N2).
    assert dialog.question is not None and "ไม่ได้แทนเครื่องเดิม" in dialog.question.text()
    qtbot.mouseClick(dialog.question.findChild(QPushButton, YES_BUTTON), Qt.MouseButton.LeftButton)
    owners = {signer.fingerprint: signer.schools for signer in exchange.list_signers(window.workspace)}
    assert owners[spare.fingerprint] == (CODE_A,)
    assert "ผูกกุญแจ" in dialog.save_line.text()
    dialog.select(spare.fingerprint)
    assert dialog.table.item(dialog.table.currentRow(), 3).text() == f"{thai_digits(CODE_A)}  {NAME_A} · ผูกที่เครื่องนี้ (ไม่ส่งต่อ)"

    # Bound: the spare laptop's next change to the school applies (bound only here, at the district:
    # on its own laptop the spare is not the school's yet, so it edits behind the owner check).
    with spare.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], pupils=160)
    assert district.import_(spare.export("spare-2.qsx")).counts["schools"].updated == 1
    district.activate()

    dialog.select(spare.fingerprint)
    assert dialog.unbind_button.isEnabled()
    qtbot.mouseClick(dialog.unbind_button, Qt.MouseButton.LeftButton)
    choice = dialog.choice
    assert isinstance(choice, SchoolChoiceDialog) and choice.chosen_code() == CODE_A
    qtbot.mouseClick(choice.confirm_button, Qt.MouseButton.LeftButton)
    owners = {signer.fingerprint: signer.schools for signer in exchange.list_signers(window.workspace)}
    assert owners[spare.fingerprint] == () and owners[school.fingerprint] == (CODE_A,)
    assert "ยกเลิกการผูก" in dialog.save_line.text()

    # Unbound: its changes wait for a person again.
    with spare.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], pupils=170)
    assert district.import_(spare.export("spare-3.qsx")).counts["schools"].pending == 1


def test_the_checked_tick_is_a_label_saved_at_once(qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:
    school, district, _ids = school_and_district(laptops)
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.signers_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, SignersDialog)
    dialog.select(school.fingerprint)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert {s.fingerprint: s.trusted for s in exchange.list_signers(window.workspace)}[school.fingerprint]
    assert dialog.save_line.text().startswith("บันทึกแล้ว ✓")


def test_a_history_row_shows_what_was_typed_under_the_cleaned_text(
    qtbot: Any, laptops: Laptops, tmp_path: Path,
) -> None:
    """Issue 11: evidence typed with Thai marks in a wrong order is stored cleaned; the history row
    that arrives from another laptop shows the cleaned text and, below it, what was typed."""
    school, district, ids = school_and_district(laptops)
    other = laptops("mallory")
    other.import_(school.root / "files" / "a-1.qsx")
    with other.open() as workspace, behind_owner_check(workspace):
        workspace.answers.set_text(ids["assessment"], ids["item"], "evidence", "นํ้าดื่มสะอาด")
        workspace.answers.flush_pending()
    district.import_(other.export("typed.qsx"))
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    controller.pending_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, PendingDialog)
    history = next(change for change in dialog.changes if change.table == "answer_history")
    dialog.select(history.id)
    labels = [label for label, _here, _sent in dialog.versions.rows_shown()]
    shown = {label: sent for label, _here, sent in dialog.versions.rows_shown()}
    assert shown["ค่าใหม่"] == "น้ำดื่มสะอาด" and shown["พิมพ์ว่า"] == "นํ้าดื่มสะอาด"
    assert labels.index("พิมพ์ว่า") == labels.index("ค่าใหม่") + 1
    dialog.resize(1366, 768)
    dialog.grab().save("/tmp/typed_history.png")
