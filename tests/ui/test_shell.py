"""The application shell: welcome page, schools list, school dialog, new-round dialog, start-up
errors and the operations layer — driven through the widgets, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from qualityschool_desktop.thai import thai_digits
from qualityschool_desktop.workspace import Workspace
from ui.assessment.new_round_dialog import NewRoundDialog
from ui.common.tables import CHIP_ROLE
from ui.schools.school_dialog import SchoolDialog
from ui.schools.schools_page import COL_BAND
from ui.shell import app as app_module
from ui.shell.api import MENU_FILE, Location
from ui.shell.main_window import MainWindow
from ui.common.wrapping import plain

from .keyboard import show_active, type_text

ROOT = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def window(qtbot, memory_workspace: Workspace) -> MainWindow:
    return show_active(qtbot, MainWindow(memory_workspace))


def fill_school_dialog(qtbot, dialog: SchoolDialog, *, code: str, name: str, district: str = "",
                       province: str = "", office: str = "") -> None:
    type_text(dialog.code, code)
    type_text(dialog.name, name)
    if district:
        type_text(dialog.district, district)
    if province:
        type_text(dialog.province, province)
    if office:
        type_text(dialog.area_office.lineEdit(), office)


def test_empty_database_opens_on_the_welcome_page(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.page("welcome")
    assert window.page("welcome").add_button.isVisible() and window.page("welcome").demo_button.isVisible()
    assert window.page("welcome").add_button.title == "เพิ่มโรงเรียนของฉัน"
    assert window.page("welcome").demo_button.title == "เปิดข้อมูลตัวอย่าง"
    assert window.windowTitle() == "ฐานข้อมูลชั่วคราว — โรงเรียนคุณภาพ"  # in memory: no file name


def test_the_welcome_page_says_each_roles_first_step(qtbot, window: MainWindow) -> None:
    """TEST32b B9: district staff and supervisors found nothing for them on the welcome page (their first
    job is to import the schools' files); and the demo's files cannot go into real data."""
    welcome = window.page("welcome")
    assert welcome.import_button.isVisible() and welcome.import_button.title == "นำเข้าไฟล์ข้อมูล"
    roles = {button.title: button.role for button in (welcome.add_button, welcome.import_button, welcome.demo_button)}
    assert roles == {"เพิ่มโรงเรียนของฉัน": "โรงเรียน", "นำเข้าไฟล์ข้อมูล": "สำนักงานเขต จังหวัด และศึกษานิเทศก์",
                     "เปิดข้อมูลตัวอย่าง": "ผู้ที่อยากลองก่อน"}
    assert "นำเข้าฐานข้อมูลจริงไม่ได้" in welcome.footnote.text()  # the demo's files stay demo
    action = next(a for a in window.actions() if a.objectName() == "importFilesAction")
    action.triggered.disconnect()  # no file dialog in the test: only that the choice runs the command
    pressed: list[bool] = []
    action.triggered.connect(lambda *_args: pressed.append(True))
    qtbot.mouseClick(welcome.import_button, Qt.MouseButton.LeftButton)
    assert pressed == [True]


def test_the_title_names_the_app_once_where_qt_would_add_it(window: MainWindow) -> None:
    # Qt's xcb and Windows plugins append " — <applicationDisplayName>" to a window title unless it
    # already ends with it (QPlatformWindow::formatWindowTitle); macOS appends nothing. A title that
    # ends with the name reads the same everywhere, with the name once.
    display_name = QApplication.applicationDisplayName()
    assert display_name == "โรงเรียนคุณภาพ"  # Thai, as the Start menu names it (try12c: the title was English only)
    title = window.windowTitle()
    assert title.endswith(" — " + display_name) and title.count(display_name) == 1


def test_adding_schools_through_the_dialog_lists_them(qtbot, window: MainWindow) -> None:
    workspace = window.workspace
    qtbot.mouseClick(window.page("welcome").add_button, Qt.MouseButton.LeftButton)
    dialog = window.active_dialog
    assert isinstance(dialog, SchoolDialog) and dialog.isVisible()
    # Thai digits are accepted and stored as the ministry's Arabic ones.
    fill_school_dialog(qtbot, dialog, code="๖๓๐๒๐๐๐๐๐๑", name="โรงเรียนบ้านแม่สอด",
                       district="แม่สอด", province="ตาก", office="สพป.ตาก เขต 2")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert not dialog.isVisible()

    [school] = workspace.schools.list()
    assert (school.code, school.name, school.district, school.area_office) == (
        "6302000001", "โรงเรียนบ้านแม่สอด", "แม่สอด", "สพป.ตาก เขต 2")
    # The first school leads straight to its page, where starting a round is the next step.
    assert window.stack.currentWidget() is window.page("school")
    assert window.page("school").name_label.text() == "โรงเรียนบ้านแม่สอด"
    assert window.breadcrumb_text() == "โรงเรียน  ›  โรงเรียนบ้านแม่สอด"

    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.page("schools")
    assert window.page("schools").visible_names() == ["โรงเรียนบ้านแม่สอด"]

    # A second school from the list, with the keyboard only.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.active_dialog
    fill_school_dialog(qtbot, dialog, code="6302000002", name="โรงเรียนอุ้มผางวิทยาคม", district="อุ้มผาง",
                       province="ตาก")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    page = window.page("schools")
    assert sorted(page.visible_names()) == ["โรงเรียนบ้านแม่สอด", "โรงเรียนอุ้มผางวิทยาคม"]
    assert page.selected_id() == workspace.schools.by_code("6302000002").id

    # Ctrl+F, type part of a district, Enter: the matching school opens.
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    type_text(page.search, "แม่สอด")
    assert page.visible_names() == ["โรงเรียนบ้านแม่สอด"]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.page("school")
    assert window.page("school").school.code == "6302000001"


def test_editing_a_school_from_the_list(qtbot, window: MainWindow) -> None:
    school = window.workspace.schools.add(code="6302000001", name="โรงเรียนเดิม")
    window.go_home()
    qtbot.mouseClick(window.page("schools").edit_button, Qt.MouseButton.LeftButton)
    dialog = window.active_dialog
    assert dialog.code.text() == "6302000001"
    dialog.name.clear()
    type_text(dialog.name, "โรงเรียนใหม่")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.workspace.schools.get(school.id).name == "โรงเรียนใหม่"
    assert window.page("schools").visible_names() == ["โรงเรียนใหม่"]


def test_a_wrong_code_keeps_save_disabled_with_a_thai_message(qtbot, memory_workspace: Workspace) -> None:
    dialog = SchoolDialog(memory_workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name, "โรงเรียนทดสอบ")
    type_text(dialog.code, "12345")
    assert not dialog.ok_button.isEnabled()
    assert "๑๐ หลัก" in dialog.code_message.text()
    type_text(dialog.code, "abcde")
    assert not dialog.ok_button.isEnabled()
    assert "ตัวเลข" in dialog.code_message.text()
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)  # Enter does not save a wrong code
    assert dialog.isVisible() and memory_workspace.schools.count() == 0

    dialog.code.clear()
    type_text(dialog.code, "1234567890")
    assert dialog.ok_button.isEnabled()
    dialog.name.clear()  # the name is required as well
    assert not dialog.ok_button.isEnabled()
    assert dialog.name_message.isVisible()


def test_a_duplicate_code_is_refused_inside_the_dialog(qtbot, memory_workspace: Workspace) -> None:
    memory_workspace.schools.add(code="6302000001", name="โรงเรียนแรก")
    dialog = SchoolDialog(memory_workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_school_dialog(qtbot, dialog, code="6302000001", name="โรงเรียนซ้ำ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.isVisible() and "มีโรงเรียนรหัส 6302000001 อยู่แล้ว" in dialog.error.text()
    assert [s.name for s in memory_workspace.schools.list()] == ["โรงเรียนแรก"]


def test_new_round_dialog_starts_round_one_then_offers_round_two(qtbot, memory_workspace, school) -> None:
    today = date(2026, 11, 23)  # November: already fiscal year 2570
    first = NewRoundDialog(memory_workspace, school, today=today)
    qtbot.addWidget(first)
    first.show()
    assert (first.year.value(), first.round.value()) == (2570, 1)
    assert first.role.currentText() == "ผู้อำนวยการโรงเรียน"
    assert first.assessed_on.text() == "๒๓ พ.ย. ๒๕๖๙"  # the BE year, in the window's digits (Thai by default)
    type_text(first.assessor, "นางสาวสมใจ ใฝ่ดี")
    qtbot.mouseClick(first.ok_button, Qt.MouseButton.LeftButton)
    created = first.created
    assert created is not None
    assert (created.fiscal_year, created.round, created.assessor_name, created.assessed_on) == (
        2570, 1, "นางสาวสมใจ ใฝ่ดี", "2026-11-23")

    second = NewRoundDialog(memory_workspace, school, today=today)
    qtbot.addWidget(second)
    assert second.round.value() == 2
    assert "รอบที่ ๑ แล้ว" in second.round_info.text()
    second.year.setValue(2569)  # another year starts again at round 1
    assert second.round.value() == 1
    second.year.setValue(2570)
    second.round.setValue(1)  # a round that exists: the core's message, nothing created
    qtbot.mouseClick(second.ok_button, Qt.MouseButton.LeftButton)
    assert second.created is None and "มีการประเมินปีงบประมาณ 2570 รอบที่ 1 อยู่แล้ว" in plain(second.error.text())
    assert len(memory_workspace.assessments.for_school(school.id)) == 1


def test_school_page_lists_rounds_newest_first(qtbot, window: MainWindow) -> None:
    workspace = window.workspace
    school = workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด")
    older = workspace.assessments.start(school.id, 2568)
    newer = workspace.assessments.start(school.id, 2569)
    framework = workspace.frameworks.latest()
    for item in framework.items:
        workspace.answers.set_level(older.id, item.code, 4)
    window.go_home()
    window.navigate(Location("school", school.id))
    page = window.page("school").tab("rounds")
    assert [page.table.item(row, 0).text() for row in range(page.table.rowCount())] == ["๒๕๖๙", "๒๕๖๘"]
    assert page.table.item(1, 6).text() == "๔.๐๐"
    assert page.table.item(1, 5).text().startswith(thai_digits(f"{len(framework.items)}/{len(framework.items)}"))
    assert page.selected_id() == newer.id
    assert page.open_button.text() == "ทำแบบประเมินต่อ"


def test_an_unopenable_database_exits_with_status_2_and_is_left_alone(tmp_path, monkeypatch, capsys) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text, *a, **k: shown.append(text))
    # On a real screen the user gets a message box; offscreen (no one to click OK) only stderr.
    monkeypatch.setattr(QApplication, "platformName", staticmethod(lambda: "xcb"))
    broken = tmp_path / "broken.sqlite3"
    content = b"this is not a database, just some bytes" * 10
    broken.write_bytes(content)
    assert app_module.run_app(broken, create=False, demo=False) == 2
    assert broken.read_bytes() == content
    assert shown and "ไฟล์เสียหาย" in shown[0]
    assert "ไฟล์เสียหาย" in capsys.readouterr().err

    monkeypatch.setattr(QApplication, "platformName", staticmethod(lambda: "offscreen"))
    missing = tmp_path / "missing.sqlite3"
    assert app_module.run_app(missing, create=False, demo=False) == 2
    assert not missing.exists()
    assert len(shown) == 1
    assert "ไม่พบไฟล์ฐานข้อมูล" in capsys.readouterr().err


def test_first_paint_hook_and_a_lean_start_up(file_workspace: Workspace, db_path: Path) -> None:
    """The benchmark's hook prints once the window has painted; ReportLab and pythainlp stay unloaded."""
    file_workspace.close()
    env = {**os.environ, "QSD_BENCH_FIRST_PAINT": "1", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "main.py"), "--db", str(db_path)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=60, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    # The frame paints first, then the database opens and its first page paints.
    assert done.stdout.strip().splitlines() == ["first-paint", "ready"]
    imported = done.stderr
    assert "| reportlab" not in imported and "| pythainlp" not in imported
    assert "| ui.shell.main_window" in imported  # the import log is real, so the absence above means something


def test_the_demo_choice_builds_the_demo_and_switches_to_it(qtbot, window: MainWindow) -> None:
    own = window.workspace
    qtbot.mouseClick(window.page("welcome").demo_button, Qt.MouseButton.LeftButton)
    # Built on a worker; the window switches once it is delivered back on the GUI thread. A wait, not a
    # timing check: ~2 s on Linux, ~20 s under Wine's Windows Python, more on a loaded CI machine.
    qtbot.waitUntil(lambda: window.workspace is not own, timeout=180000)
    assert window.windowTitle() == "demo.sqlite3 — โรงเรียนคุณภาพ"
    assert "demo.sqlite3" in window.db_label.text()
    page = window.page("schools")
    assert window.stack.currentWidget() is page
    assert len(page.visible_names()) == window.workspace.schools.count() > 5
    assert page.demo_note.isVisible()
    scored = [page.proxy.index(row, COL_BAND).data(CHIP_ROLE) for row in range(page.proxy.rowCount())]
    assert len({chip[0] for chip in scored if chip}) >= 3  # several colour bands, each with its Thai name


def test_about_names_the_version_and_the_data_folder(qtbot, window: MainWindow, monkeypatch, data_dir) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window.about_action.trigger()
    from qualityschool_desktop import __version__

    assert __version__ in shown[0] and str(data_dir) in shown[0].replace("\u200b", "")  # breaks allowed


def test_a_file_that_cannot_be_opened_keeps_the_current_database(qtbot, window: MainWindow, tmp_path,
                                                                 monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text, *a, **k: shown.append(text))
    current = window.workspace
    broken = tmp_path / "from-usb.sqlite3"
    broken.write_bytes(b"garbage" * 100)
    assert not window.switch_workspace(broken)
    assert window.workspace is current and current.schools.count() == 0  # still open and usable
    assert shown and broken.read_bytes() == b"garbage" * 100


def test_ctrl_q_closes_the_window_and_the_database(qtbot, file_workspace: Workspace) -> None:
    win = MainWindow(file_workspace)
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    qtbot.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not win.isVisible()
    with pytest.raises(Exception):
        file_workspace.db.execute("SELECT 1")


def test_the_frame_painted_first_gets_its_commands_before_the_database_shows(qtbot, file_workspace: Workspace) -> None:
    """At start the frame paints first (issue 16): the menus' titles and the loading line, centred, and
    no command yet; made whole right after that paint, then the database: the commands are in their
    menus and their shortcuts work. A frame closed before that closes cleanly."""
    closed_early = MainWindow(None, frame_first=True)
    closed_early.close()
    win = show_active(qtbot, MainWindow(None, frame_first=True))
    assert [action.text() for action in win.menuBar().actions()] == ["แฟ้ม", "โรงเรียน", "มุมมอง", "ช่วยเหลือ"]
    assert win.loading_label.alignment() == Qt.AlignmentFlag.AlignCenter
    assert not win.menus.menu(MENU_FILE).actions()
    win.complete()
    assert win.menus.menu(MENU_FILE).actions() and not any(action.isEnabled() for action in win.actions())
    win.attach(file_workspace)
    assert win.quit_action in win.menus.menu(MENU_FILE).actions() and win.quit_action.isEnabled()
    qtbot.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not win.isVisible()
    with pytest.raises(Exception):
        file_workspace.db.execute("SELECT 1")


def test_the_features_past_the_list_are_there_for_the_first_key_and_the_first_school(
        qtbot, db_path: Path, file_workspace: Workspace) -> None:
    """Issue 16 ("ready"): at start only the school list's feature is installed before that page
    paints, the others right after. A feature's shortcut typed the instant the list appears still
    runs (the first key installs them first), and a school opened at once shows every tab."""
    school = file_workspace.schools.add(code="6302000002", name="โรงเรียนบ้านแม่ตาว")
    win = show_active(qtbot, MainWindow(None, frame_first=True))
    win.complete()
    win.attach(file_workspace)
    assert list(win.features) == ["schools"] and win.location.kind == "schools"
    app_module._FirstInput([win, win.menuBar()], win.complete_features)  # as run_app leaves it
    focused = QApplication.focusWidget()  # the list: the key reaches the window only through it
    assert focused is not None and focused is not win
    qtbot.keyClick(focused, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win.location.kind == "district" and "exchange" in win.features
    assert win.features["exchange"].import_action.isEnabled()  # on, as the window's own commands

    win.close()
    later = show_active(qtbot, MainWindow(None, frame_first=True))
    later.complete()
    later.attach(Workspace.open(db_path))
    later.navigate(Location("school", school.id))
    tabs = later.page("school").tabs  # type: ignore[union-attr]
    shown = [tabs.tabText(index) for index in range(tabs.count())]
    assert any(tab.startswith("การนิเทศ") for tab in shown) and any(tab.startswith("แผนพัฒนา") for tab in shown)


def test_what_can_change_an_open_record_is_off_while_it_is_shown(qtbot, window: MainWindow) -> None:
    """An import or a decision would change the records of the assessment shown under the user's
    hands (the view does not re-read them): those commands wait until the user leaves the view."""
    workspace = window.workspace
    school = workspace.schools.add(code="6302000002", name="โรงเรียนบ้านแม่ตาว")
    assessment = workspace.assessments.start(school.id, 2569)
    controller = window.features["exchange"]
    window.go_home()
    assert controller.import_action.isEnabled() and controller.pending_action.isEnabled()
    window.navigate(Location("assessment", assessment.id))
    assert not controller.import_action.isEnabled()
    assert not controller.import_folder_action.isEnabled()
    assert not controller.pending_action.isEnabled() and not controller.conflicts_action.isEnabled()
    assert controller.export_action.isEnabled()
    window.go_back()
    assert controller.import_action.isEnabled()


def test_the_window_frame_paints_without_the_database_layer() -> None:
    """What the first paint needs (the shell and every feature's menu entries) loads neither the
    database layer (sqlite-utils, the storage) nor the reports: those wait until after the first paint;
    nor the commands' command line (``main.py --db X`` is read without it)."""
    probe = ("import sys; import main, ui.shell.app, ui.shell.main_window; main.window_start(['--db', 'x']); "
             "print(sorted(name for name in ('sqlite_utils', 'qualityschool_desktop.storage', "
             "'qualityschool_desktop.workspace', 'qualityschool_desktop.cli', 'reportlab', 'pythainlp') "
             "if name in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


def test_pages_are_made_when_first_shown_and_work_when_reached(qtbot, memory_workspace: Workspace, school) -> None:
    window = show_active(qtbot, MainWindow(memory_workspace))
    # At start only the school list is made; the district, follow-ups and the other pages wait.
    assert window.navigator.made() == ["schools"]
    assert window.stack.count() == 1 and window.page("district") is None and window.page("follow_ups") is None
    assert window.page("schools").visible_names() == ["โรงเรียนทดสอบวิทยา"]

    # Its keyboard shortcut makes the district page and shows it, working.
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    district = window.page("district")
    assert district is not None and window.stack.currentWidget() is district
    assert window.breadcrumb_text() == "ภาพรวมระดับเขต/อำเภอ"
    assert window.navigator.made() == ["schools", "district"]

    # The menu entry makes the follow-ups page.
    menu_entry = window.features["follow_ups"].action
    assert menu_entry in window.menus.menu("schools").actions()
    menu_entry.trigger()
    follow_ups = window.page("follow_ups")
    assert follow_ups is not None and window.stack.currentWidget() is follow_ups

    # Back (Alt+Left) returns to the pages already made: the same widgets, not new ones.
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is district and window.page("district") is district
    window.back_action.trigger()
    assert window.stack.currentWidget() is window.page("schools")
    assert window.navigator.made() == ["schools", "district", "follow_ups"] and window.stack.count() == 3


def test_another_database_starts_again_with_only_its_first_page(qtbot, window: MainWindow, tmp_path) -> None:
    window.navigate(Location("district"))
    other_path = tmp_path / "other.sqlite3"
    with Workspace.open(other_path, create=True) as other:
        other.schools.add(code="6302000002", name="โรงเรียนบ้านแม่ตาว")
    assert window.switch_workspace(other_path)
    assert window.navigator.made() == ["schools"] and window.stack.count() == 1
    assert window.page("schools").visible_names() == ["โรงเรียนบ้านแม่ตาว"]
    window.navigate(Location("district"))
    district = window.page("district")
    assert district is not None and window.stack.currentWidget() is district
    assert district.workspace is window.workspace  # made on the database now open
