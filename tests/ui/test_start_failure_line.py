"""TEST32b B18: behind the box saying why the database cannot be opened, the window still said
"กำลังเปิดฐานข้อมูล…" in the middle of the page, right where the box stands: the box's lower edge
hid the line's upper vowels and tone marks, and the user read "กาลงเบดฐานขอมูล…". Once opening has
failed the line says nothing more (the box says why)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.shell import app as app_module
from ui.shell import strings as shell_text

pytestmark = pytest.mark.usefixtures("styled_app")


def test_the_loading_line_is_gone_behind_the_failure_box(tmp_path, monkeypatch) -> None:
    behind: list[tuple[str, bool]] = []

    def critical(parent, _title, _text, *_a, **_k):  # noqa: ANN001, ANN202
        label = parent.loading_label
        behind.append((label.text(), label.isVisible()))

    monkeypatch.setattr(QMessageBox, "critical", critical)
    monkeypatch.setattr(QApplication, "platformName", staticmethod(lambda: "xcb"))
    broken = tmp_path / "bad.sqlite3"
    broken.write_bytes(b"not a database" * 20)
    assert app_module.run_app(broken, create=False, demo=False) == 2
    assert len(behind) == 1
    line, visible = behind[0]
    assert not (visible and shell_text.LOADING in line), "the loading line still shows behind the box"
