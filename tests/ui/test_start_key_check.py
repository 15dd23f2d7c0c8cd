"""At start the window checks the file and reads this installation's key once its first page has
painted (issue 16): a key lost since the last start still opens the file under the new id and says
why; a damaged file still gets its Thai message and the app's status 2, the file left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from qualityschool_desktop import keys
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
