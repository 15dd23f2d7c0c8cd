"""The window's import verifies each file's signature once (review leftover of s31): the preview
reads and verifies every file, the batch check and the import take the headers it verified
(``package.open_package(checked=…)``, as the command line's ``import`` does). A file changed on
the stick after the preview is verified again (its manifest or signature is not the bytes verified:
``test_exchange_ui``'s damaged file is refused at the import, and a file replaced by another)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop.exchange import package as package_module
from ui.exchange.import_dialog import ImportPreviewDialog, ImportResultDialog

from .test_exchange_ui import (  # noqa: F401 (fixtures)
    MAE_SOT, PHOP_PHRA, Laptops, controller_of, laptops, open_window, school_names, two_files, wait_for_dialog,
)

pytestmark = pytest.mark.usefixtures("styled_app")


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    verified: list[str] = []
    real = package_module.signing.verify

    def verify(manifest: bytes, signature: bytes) -> Any:
        verified.append("verified")
        return real(manifest, signature)

    monkeypatch.setattr(package_module.signing, "verify", verify)
    return verified


def _previewed(qtbot: Any, db_path: Path, tmp_path: Path, files: tuple[Path, Path]) -> tuple[Any, Any, Any]:
    """The window, its exchange controller and the preview of ``files`` (read and verified)."""
    window = open_window(qtbot, db_path, tmp_path)
    controller = controller_of(window)
    controller.preview(list(files))
    return window, controller, wait_for_dialog(qtbot, controller, ImportPreviewDialog)


def test_each_file_is_verified_once_from_the_preview_to_the_import(
    qtbot: Any, db_path: Path, tmp_path: Path, two_files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
) -> None:
    verified = _counting(monkeypatch)
    window, controller, preview = _previewed(qtbot, db_path, tmp_path, two_files)
    assert len(verified) == 2  # the batch check took the preview's verdicts
    preview.import_button.click()
    result = wait_for_dialog(qtbot, controller, ImportResultDialog)
    assert result.heading.text() == "นำเข้าเสร็จ ๒ จาก ๒ ไฟล์"
    assert len(verified) == 2  # and so did the import
    assert school_names(window) == sorted([MAE_SOT, PHOP_PHRA])
    window.shutdown()


def test_a_file_replaced_after_the_preview_is_verified_again_and_imported_as_it_is_now(
    qtbot: Any, db_path: Path, tmp_path: Path, two_files: tuple[Path, Path], laptops: Laptops,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    verified = _counting(monkeypatch)
    window, controller, preview = _previewed(qtbot, db_path, tmp_path, two_files)
    other = laptops.school_file("c", "6301000003", "โรงเรียนบ้านท่าสองยาง", tmp_path / "other.qsx")
    two_files[0].write_bytes(other.read_bytes())  # another school's file under the same name, meanwhile
    preview.import_button.click()
    wait_for_dialog(qtbot, controller, ImportResultDialog)
    assert len(verified) == 3  # the new bytes were verified
    assert school_names(window) == sorted(["โรงเรียนบ้านท่าสองยาง", PHOP_PHRA])
    window.shutdown()
