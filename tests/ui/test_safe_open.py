"""Attachments open by a name the app makes (issue 10): a file's stored name came from whoever sent
it (``../../x.sh``, an absolute path) and is a label, never a path. Opening one from the assessment
view or the visit view hands the system's viewer a copy with a generated name inside the app's own
folder, and writes nothing anywhere else.

The hostile names arrive the way they would: in an exchange file the school's own key signed,
imported into the district's database (a separate data folder, so a separate laptop).
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QListWidget, QPushButton

from qualityschool_desktop import paths
from qualityschool_desktop.workspace import Workspace
from tests.laptops import Laptop, edit_rows, forge, laptops, read_members, start_school, write_members  # noqa: F401
from ui.assessment.view import AssessmentView
from ui.visits.view import VisitView

from .keyboard import show_active

Laptops = Callable[[str], Laptop]
HOSTILE = ["../../x.sh", "/tmp/qs-evil/x.sh", "C:\\Windows\\System32\\x.sh", "..\\..\\รายงาน.pdf"]


pytestmark = pytest.mark.usefixtures("styled_app")


@pytest.fixture
def viewer(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Stands in for the system's viewer: records what it was asked to open, opens nothing."""
    opened: list[Path] = []

    def open_url(url: QUrl) -> bool:
        opened.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return opened


@pytest.fixture(autouse=True)
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, inside the test's folder: whatever lands there is seen."""
    folder = tmp_path / "system-temp" / "a" / "b"
    folder.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()} if folder.exists() else set()


def sent_with_name(school: Laptop, district: Laptop, table: str, label: str) -> None:
    """The school exports its data, its attachment rows renamed ``label`` and signed again with
    the school's own key (its owner: the district applies it); the district imports the file."""
    members = read_members(school.export("a.qsx"))
    school.activate()
    renamed = forge(edit_rows(members, table, lambda row: row.update(file_name=label)))
    path = write_members(school.root / "files" / "renamed.qsx", renamed)
    district.import_(path)
    district.activate()  # the window below is the district's


def assert_opened_safely(opened: list[Path], content: bytes, label: str, watched: Path, before: set[Path]) -> None:
    [copy] = opened
    own_folder = paths.user_data_dir() / "open"
    assert copy.parent == own_folder  # the app's own folder
    # Named after the label's last part (test33 T12), never its folders; a script never keeps its extension last.
    assert copy.name.startswith(Path(label.replace("\\", "/")).stem) and not copy.name.startswith(".")
    assert copy.suffix in (".bin", ".txt", ".pdf")
    assert copy.read_bytes() == content
    written = {path for path in files_under(watched) - before if not path.name.endswith(("-wal", "-shm"))}
    assert written == {copy}  # nothing in the temporary folder, above it, or beside the databases
    assert not Path("/tmp/qs-evil").exists()


@pytest.mark.parametrize("label", HOSTILE)
def test_an_evidence_file_with_a_hostile_name_opens_as_a_copy_the_app_names(
    qtbot: Any, laptops: Laptops, viewer: list[Path], label: str,
) -> None:
    school, district = laptops("school-a"), laptops("district")
    content = b"#!/bin/sh\necho owned\n" + os.urandom(32)
    with school.open() as workspace:
        ids = start_school(workspace)
        evidence = school.root / "หลักฐาน.pdf"
        evidence.write_bytes(content)
        workspace.attachments.add(ids["assessment"], ids["item"], evidence)
    sent_with_name(school, district, "attachments", label)
    watched = school.root
    before = files_under(watched)

    workspace = Workspace.open(district.db)
    view = AssessmentView(workspace, ids["assessment"])
    view.resize(1366, 768)
    show_active(qtbot, view)
    view.go_to(ids["item"])
    listing = view.findChild(QListWidget, "attachmentList")
    assert label in listing.item(0).text()  # shown as the label it is
    listing.setCurrentRow(0)
    view.findChild(QPushButton, "openAttachmentButton").click()

    assert_opened_safely(viewer, content, label, watched, before)
    view.close()
    workspace.close()


def test_a_visit_file_with_a_hostile_name_opens_as_a_copy_the_app_names(
    qtbot: Any, laptops: Laptops, viewer: list[Path],
) -> None:
    school, district = laptops("school-a"), laptops("district")
    label = "../../x.sh"
    content = b"%PDF-1.4 " + os.urandom(64)
    with school.open() as workspace:
        ids = start_school(workspace)
        visit = workspace.visits.start(ids["school"], visited_on=date(2025, 12, 1))
        report = school.root / "บันทึก.pdf"
        report.write_bytes(content)
        workspace.visits.add_attachment(visit.id, "", report)
    sent_with_name(school, district, "visit_attachments", label)
    watched = school.root
    before = files_under(watched)

    workspace = Workspace.open(district.db)
    view = VisitView(workspace, visit.id)
    view.resize(1366, 768)
    show_active(qtbot, view)
    box = view.general.files
    assert label in box.list.item(0).text()
    box.list.setCurrentRow(0)
    box.open_button.click()

    assert_opened_safely(viewer, content, label, watched, before)
    view.close()
    workspace.close()


def test_content_missing_from_the_store_is_said_and_nothing_is_opened(
    qtbot: Any, file_workspace: Workspace, tmp_path: Path, viewer: list[Path],
) -> None:
    school = file_workspace.schools.add(code="6301000001", name="โรงเรียนบ้านแม่สอด")
    assessment = file_workspace.assessments.start(school.id, 2569)
    item = file_workspace.frameworks.latest().items[0].code
    photo = tmp_path / "ภาพ.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + os.urandom(64))
    attachment = file_workspace.attachments.add(assessment.id, item, photo)
    file_workspace.attachments.path_of(attachment).unlink()  # the store lost it (a disk fault)

    view = AssessmentView(file_workspace, assessment.id)
    show_active(qtbot, view)
    view.go_to(item)
    view.findChild(QListWidget, "attachmentList").setCurrentRow(0)
    view.findChild(QPushButton, "openAttachmentButton").click()
    assert viewer == []
    assert "เปิดไฟล์ไม่ได้" in view.save_state()
