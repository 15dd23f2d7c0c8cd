"""s35 exch35 (TEST34C C9) in the window: after importing the school's answer to a follow-up the
notice bar and the result name it ("ความคิดเห็นของโรงเรียนต่อข้อตกลง ๑ รายการ"), not only "ใหม่ ๑"."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.laptops import CODE_A, Laptops, laptops  # noqa: F401 (a fixture)
from tests.test_comments import ANSWER, school_and_district
from ui.exchange.import_dialog import ImportPreviewDialog, ImportResultDialog

from .test_exchange_review import controller_of, open_window, wait_for_dialog

pytestmark = pytest.mark.usefixtures("styled_app")
SHOTS = Path(os.environ.get("QSD_SHOTS", "")) if os.environ.get("QSD_SHOTS") else None
NAMED = "ความคิดเห็นของโรงเรียนต่อข้อตกลง ๑ รายการ"


def test_the_notice_names_the_school_s_answer_to_a_follow_up(
        qtbot: Any, laptops: Laptops, tmp_path: Path) -> None:  # noqa: F811
    school, district, ids = school_and_district(laptops)
    with school.open() as workspace:
        workspace.comments.on_follow_up(ids["follow_up"], ANSWER, author_name="ผอ.สมชาย")
    reply = school.export("a-2.qsx", school_codes=[CODE_A])
    window = open_window(qtbot, district, tmp_path)
    controller = controller_of(window)
    notices: list[Any] = []
    real = controller._notify
    controller._notify = lambda notice: (notices.append(notice), real(notice))  # type: ignore[method-assign]
    controller.preview([reply])
    preview = wait_for_dialog(qtbot, controller, ImportPreviewDialog)
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    said = [getattr(n, "text", str(n)) for n in notices]
    assert any(NAMED in text for text in said), said
    assert NAMED in result.summary.text(), result.summary.text()
    result.resize(1366, 768)
    window.grab().save(str((SHOTS or tmp_path) / "exch35-reply-notice.png"))
    result.grab().save(str((SHOTS or tmp_path) / "exch35-reply-result.png"))
    result.close()
    window.close()
