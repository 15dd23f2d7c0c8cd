"""TEST31b U12 in the window: a file whose office projects this laptop refuses (another key's, not
bound as that office's) is not previewed as "ข้อมูลในไฟล์นี้ตรงกับที่มีอยู่แล้วทั้งหมด นำเข้าซ้ำก็ไม่มีอะไรเปลี่ยน":
the card counts them under ไม่รับ, says so above the warnings, and shows the reason first among them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from tests.laptops import Laptops, laptops  # noqa: F401 (a fixture)
from tests.test_office_projects_exchange import NOT_BOUND, office_with_projects
from ui.common.digits import shown
from ui.exchange import strings as s
from ui.exchange.import_dialog import ImportPreviewDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")
SHOTS = Path(os.environ.get("QSD_SHOTS", "")) if os.environ.get("QSD_SHOTS") else None


def test_refused_office_projects_are_said_not_nothing_changes(qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:  # noqa: F811
    office, province, _ids = office_with_projects(laptops)
    province.import_(office.export("all-1.qsx"))  # the key is not bound: the projects are refused
    sent = office.export("all-2.qsx")
    window = open_window(qtbot, province, tmp_path)
    controller = controller_of(window)
    controller.preview([sent])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    preview.resize(1366, 768)
    card = preview.card_for(sent.name)
    texts = [label.text() for label in card.findChildren(QLabel)]
    assert not any(s.NOTHING_NEW in text for text in texts), texts
    assert any("ไม่รับ" in text and shown("2") in text for text in texts), texts
    assert card.counts_shown()["โครงการ"]["ไม่รับ"] == shown("2")
    warnings = [text for text in texts if NOT_BOUND in text]
    assert warnings, texts
    qtbot.wait(50)
    preview.grab().save(str((SHOTS or tmp_path) / "fxUa-refused.png"))
