"""Exchange files from the window: export through the แฟ้ม menu, import one file, many, or a folder
with a preview first (nothing written until confirmed), trusted senders, conflicts.

These run the real exchange core on real files. Two "laptops" are two user data folders: each
has its own installation id and signing key, so a file from the other folder is from an untrusted
sender until someone marks it trusted. Only the file dialogs are stood in for, and, in the cancel
test, a gate around the core's ``apply_import`` so the test can press cancel between two files.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from qualityschool_desktop import exchange
from qualityschool_desktop.paths import DATA_DIR_ENV
from qualityschool_desktop.workspace import Workspace
from ui.exchange.api import ExchangeApi
from ui.exchange.controller import ApplyOutcome, ExchangeController
from ui.exchange.export_dialog import ExportDialog
from ui.exchange.conflicts_dialog import ConflictsDialog
from ui.exchange.import_dialog import ImportPreviewDialog, ImportResultDialog
from ui.exchange.signers_dialog import SignersDialog
from ui.shell.api import Location
from tests.laptops import behind_owner_check
from ui.shell.main_window import MainWindow

from .keyboard import show_active

TAK = dict(district="แม่สอด", province="ตาก", area_office="สพป.ตาก เขต 2", level="primary")
MAE_SOT = "โรงเรียนบ้านแม่สอด"
PHOP_PHRA = "โรงเรียนบ้านพบพระ"
SUPERVISOR = "นางสาวรัตนา ใจดี"


pytestmark = pytest.mark.usefixtures("styled_app")


class Laptops:
    """Switches the per-user data folder, i.e. which installation (and signing key) is acting."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
        self.tmp_path = tmp_path
        self.monkeypatch = monkeypatch
        self.home = home

    def act_as(self, name: str) -> None:
        folder = self.home if name == "office" else self.tmp_path / f"laptop-{name}"
        folder.mkdir(exist_ok=True)
        self.monkeypatch.setenv(DATA_DIR_ENV, str(folder))

    def school_file(self, laptop: str, code: str, name: str, target: Path, *, visitor: str = "") -> Path:
        """On ``laptop``: a database with one school (a round, and a visit by ``visitor``), exported."""
        self.act_as(laptop)
        with Workspace.open(self.tmp_path / f"{laptop}-{code}.sqlite3", create=True) as workspace:
            school = workspace.schools.add(code=code, name=name, **TAK)
            workspace.assessments.start(school.id, 2569, assessor_name="ผู้อำนวยการ")
            if visitor:
                visit = workspace.visits.start(school.id, visited_on=date(2026, 1, 15))
                workspace.visits.add_person(visit.id, "visitor", visitor, "ศึกษานิเทศก์")
            written = exchange.export_file(workspace, target).path
        self.act_as("office")
        return Path(written)


@pytest.fixture
def laptops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> Laptops:
    return Laptops(tmp_path, monkeypatch, data_dir)


@pytest.fixture
def two_files(laptops: Laptops, tmp_path: Path) -> tuple[Path, Path]:
    """Two schools' files from two different laptops."""
    outbox = tmp_path / "usb"
    outbox.mkdir()
    first = laptops.school_file("a", "6301000001", MAE_SOT, outbox / "แม่สอด.qsx")
    second = laptops.school_file("b", "6301000002", PHOP_PHRA, outbox / "พบพระ.qsx")
    return first, second


class OpenDialogs:
    """Stands in for QFileDialog's static functions: answers as told, records what was offered."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.open_files: list[Path] = []
        self.folder: Path | None = None
        self.save_as: Path | None = None
        self.offered_save: list[str] = []
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", self._open_files)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self._folder)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save)

    def _open_files(self, *_args: Any, **_kwargs: Any) -> tuple[list[str], str]:
        return [str(path) for path in self.open_files], ""

    def _folder(self, *_args: Any, **_kwargs: Any) -> str:
        return str(self.folder) if self.folder else ""

    def _save(self, _parent: Any, _title: str, start: str, *_args: Any, **_kwargs: Any) -> tuple[str, str]:
        self.offered_save.append(start)
        return (str(self.save_as), "") if self.save_as else ("", "")


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> OpenDialogs:
    return OpenDialogs(monkeypatch)


def open_window(qtbot: Any, path: Path, tmp_path: Path, api: ExchangeApi | None = None) -> MainWindow:
    window = MainWindow(Workspace.open(path, create=True))
    window.resize(1366, 768)
    show_active(qtbot, window)
    controller: ExchangeController = window.features["exchange"]
    controller._settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    if api is not None:
        controller._api = api
    return window


def controller_of(window: MainWindow) -> ExchangeController:
    return window.features["exchange"]  # type: ignore[no-any-return]


def wait_for_dialog(qtbot: Any, controller: ExchangeController, kind: type) -> Any:
    qtbot.waitUntil(lambda: isinstance(controller.dialog, kind), timeout=15000)
    return controller.dialog


def school_names(window: MainWindow) -> list[str]:
    return sorted(school.name for school in window.workspace.schools.list())


# -- export ------------------------------------------------------------------------------------
def test_export_of_the_school_shown_runs_on_a_worker_and_says_where_the_file_went(
    qtbot: Any, db_path: Path, tmp_path: Path, dialogs: OpenDialogs,
) -> None:
    with Workspace.open(db_path, create=True) as workspace:
        school = workspace.schools.add(code="6301000001", name=MAE_SOT, **TAK)
        workspace.schools.add(code="6301000002", name=PHOP_PHRA, **TAK)
        workspace.assessments.start(school.id, 2569, assessor_name="ผู้อำนวยการ")
    threads: list[int] = []
    real = ExchangeApi.real()

    def export_file(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        return real.export_file(*args, **kwargs)

    window = open_window(qtbot, db_path, tmp_path, dataclasses.replace(real, export_file=export_file))
    window.navigate(Location("school", school.id))
    controller = controller_of(window)
    controller.export_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, ExportDialog)
    assert dialog.scope()[0] == "school" and dialog.scope()[1].name == MAE_SOT  # the school shown

    dialogs.save_as = tmp_path / "ส่งเขต"  # typed without the extension
    dialog.export_button.click()
    target = tmp_path / "ส่งเขต.qsx"
    qtbot.waitUntil(lambda: "ส่งออกข้อมูลแล้ว" in window.notices.text(), timeout=15000)

    # the school's code and short name (TEST31 T3)
    assert Path(dialogs.offered_save[0]).name.startswith(f"ข้อมูล-{school.code}-บ้านแม่สอด-")
    assert dialogs.offered_save[0].endswith(".qsx")
    assert str(target) in window.notices.text() and window.notices.isVisible()
    # An exchange file is opened by this app on another laptop: its folder is offered, not the file.
    assert window.notices.open_folder_button.isVisible() and not window.notices.open_file_button.isVisible()
    assert threads and threads[0] != threading.get_ident()
    with Workspace.open(tmp_path / "check.sqlite3", create=True) as other:
        preview = exchange.preview_import(other, target)
    assert preview.counts["schools"].new == 1  # the one school, not both
    assert preview.counts["assessments"].new == 1


def test_export_offers_the_supervisors_found_on_visits(qtbot: Any, memory_workspace: Workspace) -> None:
    school = memory_workspace.schools.add(code="6301000001", name=MAE_SOT, **TAK)
    visit = memory_workspace.visits.start(school.id, visited_on=date(2026, 1, 15))
    memory_workspace.visits.add_person(visit.id, "visitor", SUPERVISOR, "ศึกษานิเทศก์")
    memory_workspace.visits.add_person(visit.id, "school", "ผู้อำนวยการ", "")
    from ui.exchange.export_dialog import visitor_names

    dialog = ExportDialog(memory_workspace.schools.list(), visitor_names(memory_workspace), None)
    qtbot.addWidget(dialog)
    assert [dialog.visitor_combo.itemText(i) for i in range(dialog.visitor_combo.count())] == [SUPERVISOR]
    assert dialog.scope()[0] == "all"  # nothing selected: everything
    dialog.visitor_choice.setChecked(True)
    assert dialog.scope() == ("visitor", None, SUPERVISOR)


def test_the_export_dialogs_schools_are_in_thai_name_order(qtbot: Any, memory_workspace: Workspace) -> None:
    """Issue 11 #10: the combo shows names, so it is sorted by name in Thai order (โรงเรียนเด่น…,
    แม่สอด … after อุ้มผาง was the code's order and a byte order)."""
    ws = memory_workspace
    for code, name in (("6301000001", "อุ้มผางวิทยาคม"), ("6301000002", "แม่สอดพัฒนา"), ("6301000003", "กงไกรลาศ"),
                       ("6301000004", "โรงเรียนเด่นชัย")):
        ws.schools.add(code=code, name=name)
    dialog = ExportDialog(list(reversed(ws.schools.list())), [], ws.schools.list()[0])  # in any order given
    qtbot.addWidget(dialog)
    names = [dialog.school_combo.itemData(i).name for i in range(dialog.school_combo.count())]
    assert names == ["กงไกรลาศ", "แม่สอดพัฒนา", "โรงเรียนเด่นชัย", "อุ้มผางวิทยาคม"]
    assert dialog.school_combo.currentData().id == ws.schools.list()[0].id  # the current school still chosen


def test_exporting_from_the_demo_says_its_file_goes_only_into_demo_data(qtbot: Any, memory_workspace: Workspace) -> None:
    """TEST32b B9: every demo export was refused at the district ("… นำเข้าฐานข้อมูลจริงไม่ได้") with
    no word of it when the file was made."""
    memory_workspace.schools.add(code="6301000001", name="โรงเรียนบ้านแม่ตาว")
    plain = ExportDialog(memory_workspace.schools.list(), [], None)
    demo = ExportDialog(memory_workspace.schools.list(), [], None, demo=True)
    for dialog in (plain, demo):
        qtbot.addWidget(dialog)
    assert plain.demo_warning is None
    assert demo.demo_warning is not None and "นำเข้าฐานข้อมูลจริงไม่ได้" in demo.demo_warning.text()


# -- import ------------------------------------------------------------------------------------
def test_importing_two_files_shows_what_they_hold_and_writes_nothing_until_confirmed(
    qtbot: Any, db_path: Path, tmp_path: Path, dialogs: OpenDialogs, two_files: tuple[Path, Path],
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    controller = controller_of(window)
    dialogs.open_files = list(two_files)
    controller.import_action.trigger()  # type: ignore[union-attr]
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)

    card = preview.card_for("แม่สอด.qsx")
    assert card.counts_shown()["โรงเรียน"] == {"ใหม่": "๑", "ปรับปรุง": "–", "เหมือนเดิม": "–", "แก้ไขซ้อนกัน": "–",
                                              "รอตรวจสอบ": "–"}
    assert card.counts_shown()["การประเมินตนเอง"]["ใหม่"] == "๑"
    assert not card.trusted and card.trust_button.isVisible()  # another laptop, not yet trusted
    assert [check.path.name for check in preview.chosen()] == ["แม่สอด.qsx", "พบพระ.qsx"]
    assert window.workspace.schools.count() == 0  # nothing written yet

    preview.reject()  # the user changes their mind
    qtbot.wait(50)
    assert window.workspace.schools.count() == 0


def test_confirming_imports_the_files_one_by_one_and_refreshes_the_school_list(
    qtbot: Any, db_path: Path, tmp_path: Path, dialogs: OpenDialogs, two_files: tuple[Path, Path],
) -> None:
    with Workspace.open(db_path, create=True) as workspace:
        workspace.schools.add(code="6301000009", name="โรงเรียนที่มีอยู่แล้ว", **TAK)
    window = open_window(qtbot, db_path, tmp_path)
    assert window.location.kind == "schools"
    controller = controller_of(window)
    dialogs.open_files = list(two_files)
    controller.import_action.trigger()  # type: ignore[union-attr]
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)

    assert school_names(window) == sorted([MAE_SOT, PHOP_PHRA, "โรงเรียนที่มีอยู่แล้ว"])
    assert set(window.page("schools").visible_names()) == {MAE_SOT, PHOP_PHRA, "โรงเรียนที่มีอยู่แล้ว"}
    assert result.heading.text() == "นำเข้าเสร็จ ๒ จาก ๒ ไฟล์"
    assert "แม่สอด.qsx: ใหม่" in result.summary.text()
    assert window.notices.isVisible()
    assert window.notices.text().startswith("นำเข้าข้อมูลแล้ว ๒ จาก ๒ ไฟล์: ใหม่ ")
    result.accept()

    # The same files again change nothing, and the preview says so (in Arabic digits, chosen meanwhile).
    window.digit_menu.choices["arabic"].trigger()
    controller.import_action.trigger()  # type: ignore[union-attr]
    again = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    assert again.card_for("แม่สอด.qsx").counts_shown()["โรงเรียน"]["เหมือนเดิม"] == "1"
    assert again.card_for("แม่สอด.qsx").trusted is False
    assert "นำเข้าได้ 2 ไฟล์" in again.heading.text()
    again.import_button.click()
    wait_for_dialog(qtbot, controller, ImportResultDialog).accept()
    assert window.notices.text().startswith("นำเข้าข้อมูลแล้ว 2 จาก 2 ไฟล์: ใหม่ 0 รายการ")


def test_a_corrupt_file_is_shown_with_its_reason_and_the_others_still_import(
    qtbot: Any, db_path: Path, tmp_path: Path, dialogs: OpenDialogs, two_files: tuple[Path, Path],
) -> None:
    broken = two_files[0].parent / "เสีย.qsx"
    broken.write_bytes(b"this is not a zip file at all")
    window = open_window(qtbot, db_path, tmp_path)
    controller = controller_of(window)
    dialogs.folder = broken.parent
    controller.import_folder_action.trigger()  # type: ignore[union-attr]
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)

    card = preview.card_for("เสีย.qsx")
    assert card.check.refused and not card.include.isEnabled() and not card.include.isChecked()
    assert "ไม่ใช่ไฟล์แลกเปลี่ยนข้อมูล" in card.reason.text()
    assert "นำเข้าได้ ๒ ไฟล์ นำเข้าไม่ได้ ๑ ไฟล์" in preview.heading.text()
    assert preview.import_button.text() == "นำเข้า ๒ ไฟล์"
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    assert school_names(window) == sorted([MAE_SOT, PHOP_PHRA])
    # Never attempted (refused up front), yet counted and named with its reason (test30a B1).
    assert result.heading.text().startswith("นำเข้าเสร็จ ๒ จาก ๓ ไฟล์")
    assert "เสีย.qsx: นำเข้าไม่ได้ — " in result.summary.text()


def test_a_file_refused_while_applying_does_not_stop_the_others(
    qtbot: Any, db_path: Path, tmp_path: Path, two_files: tuple[Path, Path],
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    controller = controller_of(window)
    controller.preview(list(two_files))
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    two_files[0].write_bytes(two_files[0].read_bytes()[:-40])  # damaged on the USB stick meanwhile
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    assert school_names(window) == [PHOP_PHRA]
    assert "แม่สอด.qsx: นำเข้าไม่ได้" in result.summary.text()
    assert "นำเข้าเสร็จ ๑ จาก ๒ ไฟล์" in result.heading.text()


def test_cancel_while_importing_stops_between_files(
    qtbot: Any, db_path: Path, tmp_path: Path, two_files: tuple[Path, Path],
) -> None:
    real = ExchangeApi.real()
    first_done = threading.Event()
    release = threading.Event()

    def gated_apply(workspace: Workspace, source: Path, **kwargs: Any) -> Any:
        result = real.apply_import(workspace, source, **kwargs)
        first_done.set()
        release.wait(10)  # the user presses cancel while this file finishes
        return result

    window = open_window(qtbot, db_path, tmp_path, dataclasses.replace(real, apply_import=gated_apply))
    controller = controller_of(window)
    controller.preview(list(two_files))
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    preview.import_button.click()
    qtbot.waitUntil(first_done.is_set, timeout=15000)
    progress = controller.progress_dialog
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=5000)  # the file takes a while: the dialog is up
    assert progress.labelText() == "กำลังนำเข้าไฟล์ที่ ๑ จาก ๒: แม่สอด.qsx"
    [cancel] = [button for button in progress.findChildren(QPushButton) if button.text() == "ยกเลิก"]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    release.set()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)

    outcome = controller.last_outcome
    assert isinstance(outcome, ApplyOutcome) and outcome.cancelled
    assert [path.name for path in outcome.skipped] == ["พบพระ.qsx"]
    assert school_names(window) == [MAE_SOT]  # the first file stays imported, whole
    assert "นำเข้าเสร็จ ๑ จาก ๒ ไฟล์" in result.heading.text()


def test_importing_into_an_empty_database_leaves_the_welcome_page_for_the_list(
    qtbot: Any, db_path: Path, tmp_path: Path, dialogs: OpenDialogs, two_files: tuple[Path, Path],
) -> None:
    window = open_window(qtbot, db_path, tmp_path)
    assert window.location == Location("welcome")
    controller = controller_of(window)
    dialogs.open_files = [two_files[1]]
    controller.import_action.trigger()  # type: ignore[union-attr]
    wait_for_dialog(qtbot, controller, ImportPreviewDialog).import_button.click()
    wait_for_dialog(qtbot, controller, ImportResultDialog)
    assert window.location.kind == "schools"
    assert window.page("schools").visible_names() == [PHOP_PHRA]


def test_end_to_end_export_on_one_laptop_import_on_another(
    qtbot: Any, tmp_path: Path, laptops: Laptops, dialogs: OpenDialogs,
) -> None:
    laptops.act_as("school")
    school_db = tmp_path / "at-the-school.sqlite3"  # not db_path: that is the office's
    with Workspace.open(school_db, create=True) as workspace:
        school = workspace.schools.add(code="6301000001", name=MAE_SOT, **TAK)
        workspace.assessments.start(school.id, 2569, assessor_name="ผู้อำนวยการ")
    sender = open_window(qtbot, school_db, tmp_path)
    sender.navigate(Location("school", school.id))
    dialogs.save_as = tmp_path / "ส่ง.qsx"
    controller_of(sender).export_action.trigger()  # type: ignore[union-attr]
    wait_for_dialog(qtbot, controller_of(sender), ExportDialog).export_button.click()
    qtbot.waitUntil(lambda: dialogs.save_as.exists(), timeout=15000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not controller_of(sender).busy, timeout=15000)
    sender.close()

    laptops.act_as("office")
    office = open_window(qtbot, tmp_path / "office.sqlite3", tmp_path)
    dialogs.open_files = [tmp_path / "ส่ง.qsx"]
    controller_of(office).import_action.trigger()  # type: ignore[union-attr]
    wait_for_dialog(qtbot, controller_of(office), ImportPreviewDialog).import_button.click()
    wait_for_dialog(qtbot, controller_of(office), ImportResultDialog)
    assert office.page("schools").visible_names() == [MAE_SOT]
    imported = office.workspace.schools.by_code("6301000001")
    assert [a.fiscal_year for a in office.workspace.assessments.for_school(imported.id)] == [2569]


# -- trust -------------------------------------------------------------------------------------
def _trusted_here(window: Any) -> set[str]:
    return {signer.fingerprint for signer in exchange.list_signers(window.workspace) if signer.trusted}


def test_marking_a_sender_trusted_in_the_preview_is_saved_only_with_the_import(
    qtbot: Any, db_path: Path, tmp_path: Path, two_files: tuple[Path, Path],
) -> None:
    """test30a B15: the preview says nothing is saved yet; the phone check is saved with the import
    (in its transaction), and a cancelled preview leaves the sender unconfirmed."""
    window = open_window(qtbot, db_path, tmp_path)
    controller = controller_of(window)
    controller.preview(list(two_files))
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    card = preview.card_for("พบพระ.qsx")
    assert "ยังไม่ได้ยืนยันผู้ส่ง" in card.badge.text()
    card.trust_button.click()
    assert not card.trust_button.isVisible() and "เมื่อนำเข้า" in card.signer_name.text()
    assert not preview.card_for("แม่สอด.qsx").trusted  # another laptop's key
    assert _trusted_here(window) == set()  # under "ยังไม่มีข้อมูลใดถูกบันทึก": nothing saved yet
    preview.reject()
    assert _trusted_here(window) == set()

    controller.preview(list(two_files))
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    card = preview.card_for("พบพระ.qsx")
    fingerprint = card.preview.fingerprint
    assert not card.trusted and card.trust_button.isVisible()  # the cancelled tick did not stick
    card.trust_button.click()
    preview.import_button.click()
    wait_for_dialog(qtbot, controller, ImportResultDialog)
    assert _trusted_here(window) == {fingerprint}


def test_the_trusted_senders_dialog_lists_signers_and_toggles_trust(
    qtbot: Any, db_path: Path, tmp_path: Path, two_files: tuple[Path, Path],
) -> None:
    with Workspace.open(db_path, create=True) as workspace:
        for path in two_files:
            exchange.apply_import(workspace, path)
    window = open_window(qtbot, db_path, tmp_path)
    controller = controller_of(window)
    controller.signers_action.trigger()  # type: ignore[union-attr]
    dialog = wait_for_dialog(qtbot, controller, SignersDialog)
    own = exchange.own_signer(window.workspace)
    assert dialog.own_key.text() == exchange.fingerprint_groups(own.fingerprint)
    shown = dialog.signers_shown()
    assert len(shown) == 2 and not any(trusted for _fingerprint, trusted in shown)

    dialog.set_row_trusted(0, True)
    fingerprint = shown[0][0]
    assert {s.fingerprint: s.trusted for s in exchange.list_signers(window.workspace)}[fingerprint] is True
    dialog.set_row_trusted(0, False)
    assert {s.fingerprint: s.trusted for s in exchange.list_signers(window.workspace)}[fingerprint] is False


# -- conflicts ---------------------------------------------------------------------------------
def test_conflicts_after_an_import_are_listed_with_what_won_and_what_was_kept(
    qtbot: Any, db_path: Path, tmp_path: Path, laptops: Laptops,
) -> None:
    # The office imports a school's file, both sides then edit the school, the school sends again.
    laptops.act_as("school")
    school_db = tmp_path / "at-the-school.sqlite3"  # not db_path: that is the office's
    with Workspace.open(school_db, create=True) as workspace:
        school = workspace.schools.add(code="6301000001", name=MAE_SOT, pupils=300, **TAK)
        exchange.export_file(workspace, tmp_path / "first.qsx")
    laptops.act_as("office")
    with Workspace.open(db_path, create=True) as office:
        exchange.apply_import(office, tmp_path / "first.qsx")
        time.sleep(0.01)
        with behind_owner_check(office):  # as an office could before owners (a non-owner's version)
            office.schools.update(school.id, pupils=310)
    laptops.act_as("school")
    with Workspace.open(school_db) as workspace:
        time.sleep(0.01)
        workspace.schools.update(school.id, pupils=320)
        exchange.export_file(workspace, tmp_path / "second.qsx")
    laptops.act_as("office")

    window = open_window(qtbot, db_path, tmp_path)
    controller = controller_of(window)
    controller.preview([tmp_path / "second.qsx"])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    assert preview.card_for("second.qsx").counts_shown()["โรงเรียน"]["แก้ไขซ้อนกัน"] == "๑"
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    assert result.conflicts_button is not None
    result.conflicts_button.click()
    conflicts = wait_for_dialog(qtbot, controller, ConflictsDialog)
    [row] = conflicts.rows()
    assert row[0].startswith("โรงเรียน ") and MAE_SOT in row[0]
    in_use, kept = conflicts.headings()
    assert {in_use.splitlines()[1], kept.splitlines()[1]} == {"จากไฟล์ second.qsx", "ที่มีอยู่ในเครื่องนี้"}
    [pupils] = [row[1:] for row in conflicts.versions.rows_shown() if row[0] == "จำนวนนักเรียน"]
    assert set(pupils) == {"๓๑๐", "๓๒๐"}  # both versions, side by side (Thai digits chosen)


# -- without a database file -------------------------------------------------------------------
def test_a_temporary_database_explains_that_it_cannot_exchange(qtbot: Any, memory_workspace: Workspace) -> None:
    window = MainWindow(memory_workspace)
    show_active(qtbot, window)
    controller = controller_of(window)
    controller.import_action.trigger()  # type: ignore[union-attr]
    assert controller.message_box is not None
    assert "ฐานข้อมูลชั่วคราว" in controller.message_box.text()
    controller.message_box.close()


@pytest.mark.parametrize(("style", "other"), [("thai", "0123456789"), ("arabic", "๐๑๒๓๔๕๖๗๘๙")])
def test_the_export_dialogs_school_codes_follow_the_digit_setting(qtbot: Any, memory_workspace: Workspace,
                                                                  style: str, other: str) -> None:
    """try11b F9: "(9910000002)" beside "(๑๘ โรง)" in the same dialog."""
    from ui.common import digits

    digits.set_style(style)
    try:
        memory_workspace.schools.add(code="6301000001", name="โรงเรียนบ้านแม่ตาว")
        dialog = ExportDialog(memory_workspace.schools.list(), [], None)
        qtbot.addWidget(dialog)
        shown = dialog.school_combo.itemText(0)
        assert digits.shown("6301000001") in shown and not any(char in shown for char in other), shown
    finally:
        digits.set_style("thai")
