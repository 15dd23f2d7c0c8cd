"""At start the window checks the file and reads this installation's key once its first page has
painted (issue 16): a key lost since the last start still opens the file under the new id and says
why; a damaged file still gets its Thai message and the app's status 2, the file left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from qualityschool_desktop import keys
from qualityschool_desktop.errors import DatabaseOpenError
from qualityschool_desktop.workspace import Workspace, installation_id
from ui.shell import app as app_module
from ui.shell.host import WindowShell
from ui.shell.main_window import MainWindow


def test_a_key_lost_since_the_last_start_reopens_the_file_under_the_new_id_with_the_notice(
        qapp: QApplication, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Workspace.open(db_path, create=True) as workspace:
        workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่ตาว")
    old = installation_id()
    keys.key_path().unlink()
    said: list[str] = []
    shown: list[str] = []
    real_notify, real_show_again = WindowShell.notify, MainWindow.show_again

    def notify(shell: WindowShell, notice: object) -> None:
        said.append(str(getattr(notice, "text", notice)))
        real_notify(shell, notice)  # type: ignore[arg-type]

    def show_again(window: MainWindow, workspace: Workspace) -> None:
        shown.append(workspace.installation_id)
        real_show_again(window, workspace)
        assert window.page("schools").visible_names() == ["โรงเรียนบ้านแม่ตาว"]

    monkeypatch.setattr(WindowShell, "notify", notify)
    monkeypatch.setattr(MainWindow, "show_again", show_again)
    monkeypatch.setenv(app_module.BENCH_FIRST_PAINT_ENV, "1")  # quit once the check is done
    assert app_module.run_app(db_path, create=False, demo=False) == 0
    new = installation_id()
    assert new != old and shown == [new]
    assert any(old in text and "signers --bind" in text for text in said)


def test_a_damaged_file_still_gets_its_thai_message_and_status_2(qapp: QApplication, db_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from tests.test_workspace_key_check import _damaged_copy

    content = _damaged_copy(db_path)
    assert app_module.run_app(db_path, create=False, demo=False) == 2
    assert "เสียหาย" in capsys.readouterr().err
    assert db_path.read_bytes() == content


def _watch_start(monkeypatch: pytest.MonkeyPatch) -> tuple[list[list[Path]], list[object]]:
    """The import previews the window opens (files, and the installation id then) and the daily
    backups it arms, recorded instead of done."""
    from ui.backup.actions import BackupActions
    from ui.exchange.controller import ExchangeController

    previews: list[list[Path]] = []
    backups: list[object] = []

    def preview(controller: ExchangeController, files: list[Path]) -> None:
        previews.append([*files, controller.shell.workspace.installation_id])  # type: ignore[list-item]

    monkeypatch.setattr(ExchangeController, "preview", preview)
    monkeypatch.setattr(BackupActions, "workspace_attached", lambda _actions, database: backups.append(database))
    return previews, backups


def test_a_damaged_file_opened_with_a_file_to_import_imports_nothing_and_is_not_backed_up(
        qapp: QApplication, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """try27b findings 1 and 5: the preview opened over the damage message and its import wrote
    into the file; the daily backup copied it. Nothing but the first page before the check."""
    from tests.test_workspace_key_check import _damaged_copy

    content = _damaged_copy(db_path, "sqlite_autoindex_answers_1")  # the school list does not read it
    previews, backups = _watch_start(monkeypatch)
    status = app_module.run_app(db_path, create=False, demo=False, import_files=[tmp_path / "new.qsx"])
    assert status == 2 and "เสียหาย" in capsys.readouterr().err
    assert previews == [] and backups == []
    assert db_path.read_bytes() == content


def test_a_file_to_import_is_previewed_after_the_key_was_found_replaced(
        qapp: QApplication, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """try27b finding 2: opening the file again under the new id dropped the pending preview."""
    with Workspace.open(db_path, create=True):
        pass
    keys.key_path().unlink()
    previews, backups = _watch_start(monkeypatch)
    monkeypatch.setenv(app_module.BENCH_FIRST_PAINT_ENV, "1")  # quit once the check is done
    assert app_module.run_app(db_path, create=False, demo=False, import_files=[tmp_path / "new.qsx"]) == 0
    assert previews == [[tmp_path / "new.qsx", installation_id()]]  # once, under the new id
    assert backups == [db_path]


def test_answers_the_migration_set_aside_are_said_at_that_opening(
        qapp: QApplication, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """try27b finding 3: answers moved to answers_set_aside by migration 0031 were never mentioned."""
    from qualityschool_desktop.database import open_database
    from qualityschool_desktop.ids import new_id
    from tests.test_framework_items import RAW_ANSWER, _round

    db = open_database(db_path, create=True, stop_before="0031_framework_items")
    old = Workspace(db, db_path, mode="worker", installation="old-laptop")  # as version 0030 wrote it
    assessment_id = _round(old)
    with old.db.write():
        old.db.execute(RAW_ANSWER, [new_id(), assessment_id, "1.1.19", 5, "ส่งมาจากเครื่องมืออื่น", "old-laptop"])
    db.conn.close()
    said: list[str] = []
    real_notify = WindowShell.notify
    monkeypatch.setattr(WindowShell, "notify", lambda shell, notice: said.append(str(getattr(notice, "text", "")))
                        or real_notify(shell, notice))
    monkeypatch.setenv(app_module.BENCH_FIRST_PAINT_ENV, "1")  # quit once the check is done
    assert app_module.run_app(db_path, create=False, demo=False) == 0
    assert [text for text in said if "answers_set_aside" in text and "๑ ข้อ" in text]


def test_a_damaged_file_on_read_only_media_still_gets_its_thai_message_and_status_2(
        qapp: QApplication, db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """TEST27b finding 4: opened read-only (its folder cannot be written), the file skipped its check."""
    import os

    from tests.test_workspace_key_check import _damaged_copy

    content = _damaged_copy(db_path, "sqlite_autoindex_answers_1")  # the school list does not read it
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode & os.W_OK and Path(p) == db_path.parent
                        else real_access(p, mode))  # as root everything can be written: say it cannot
    unchecked = QTimer()  # had the check been skipped again, the app would run on: end it (status 0)
    unchecked.setSingleShot(True)
    unchecked.timeout.connect(lambda: qapp.exit(0))
    unchecked.start(30_000)
    try:
        assert app_module.run_app(db_path, create=False, demo=False) == 2
    finally:
        unchecked.stop()
    assert "เสียหาย" in capsys.readouterr().err
    assert db_path.read_bytes() == content
    with pytest.raises(DatabaseOpenError, match="เสียหาย"):  # switching to it from the menu: refused too
        MainWindow.open_workspace(db_path, read_only=True)


def test_damage_the_first_page_reads_past_the_check_is_said_as_at_start_not_as_a_demo_failure(
        qapp: QApplication, db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken index quick_check does not see, read by the school list itself: it said "สร้างข้อมูลตัวอย่างไม่ได้"."""
    import sqlite3

    with Workspace.open(db_path, create=True):
        pass

    def attach(_window: MainWindow, _workspace: Workspace) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(MainWindow, "attach", attach)
    assert app_module.run_app(db_path, create=False, demo=False) == 2
    err = capsys.readouterr().err
    assert "เสียหาย" in err and "ข้อมูลตัวอย่าง" not in err and "Traceback" not in err


def test_the_window_s_opening_and_school_list_do_not_import_sqlite_utils(db_path: Path) -> None:
    """Issue 16: the window's opening of an up-to-date file and its school list read over plain
    sqlite3; sqlite-utils (~60–220 ms of CPU to import) waits for the first write or migration,
    after "ready", as do the parts the list does not read (the answers, the stored files, the shared
    rules of the writes) and OpenSSL's hashlib and uuid. In a fresh process, since this one has
    imported them long ago."""
    import os
    import subprocess
    import sys

    with Workspace.open(db_path, create=True) as workspace:
        school = workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่ตาว")
        assessment = workspace.assessments.start(school.id, 2569)
        workspace.answers.set_level(assessment.id, "1.1.1", 3)
        workspace.assessments.submit(assessment.id)  # the list shows it waiting for the office
    probe = ("import sys; from qualityschool_desktop.workspace import Workspace; "
             "from ui.schools.schools_page import load_rows; "
             "workspace = Workspace.open(sys.argv[1], checks_later=True); row, = load_rows(workspace); "
             "print(row.school.name, row.review, row.result.overall, "
             "[name for name in ('sqlite_utils', 'click', 'dateutil', 'qualityschool_desktop.answers', "
             "'qualityschool_desktop.validation', 'qualityschool_desktop.filestore', 'hashlib', 'uuid') "
             "if name in sys.modules])")
    done = subprocess.run([sys.executable, "-c", probe, str(db_path)], capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["โรงเรียนบ้านแม่ตาว", "waiting", "3.0", "[]"]


def test_an_unreadable_key_is_named_with_its_file_not_said_as_a_demo_failure(
        qapp: QApplication, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """try28b #5: garbage in the key file said "สร้างข้อมูลตัวอย่างไม่ได้ … ไม่คาดคิด" for an ordinary file."""
    with Workspace.open(db_path, create=True):
        pass
    content = db_path.read_bytes()
    keys.key_path().write_text("garbage", encoding="ascii")
    keys._loaded = None  # the key this process read before: read again, as a new start does
    assert app_module.run_app(db_path, create=False, demo=False) == 2
    err = capsys.readouterr().err
    assert str(keys.key_path()) in err and "ข้อมูลตัวอย่าง" not in err and "Traceback" not in err
    assert db_path.read_bytes() == content
