"""Evidence files are copied into the app's storage by SHA-256, with a size limit."""

from __future__ import annotations

import hashlib

import pytest

from qualityschool_desktop.errors import ValidationError


@pytest.fixture
def assessment(file_workspace):
    school = file_workspace.schools.add(code="6301000009", name="โรงเรียนแนบไฟล์")
    return file_workspace.assessments.start(school.id, 2569)


def test_a_file_is_copied_and_named_by_its_hash(file_workspace, assessment, tmp_path) -> None:
    source = tmp_path / "ภาพกิจกรรม PLC.jpg"
    payload = b"\xff\xd8 photo bytes " * 1000
    source.write_bytes(payload)
    attachment = file_workspace.attachments.add(assessment.id, "4.2.5", source)
    stored = file_workspace.attachments.path_of(attachment)
    assert stored.name == hashlib.sha256(payload).hexdigest()
    assert stored.read_bytes() == payload
    assert attachment.file_name == "ภาพกิจกรรม PLC.jpg" and attachment.size == len(payload)
    source.unlink()  # the user's own copy can go; ours stays
    assert stored.exists()
    assert [a.id for a in file_workspace.attachments.for_item(assessment.id, "4.2.5")] == [attachment.id]
    assert file_workspace.answers.history(assessment.id, "4.2.5")[-1].field == "attachment"


def test_identical_files_are_stored_once(file_workspace, assessment, tmp_path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"same")
    (tmp_path / "b.pdf").write_bytes(b"same")
    first = file_workspace.attachments.add(assessment.id, "1.1.1", tmp_path / "a.pdf")
    second = file_workspace.attachments.add(assessment.id, "1.1.2", tmp_path / "b.pdf")
    assert file_workspace.attachments.path_of(first) == file_workspace.attachments.path_of(second)


def test_removal_hides_and_restore_brings_back(file_workspace, assessment, tmp_path) -> None:
    (tmp_path / "x.txt").write_text("หลักฐาน", encoding="utf-8")
    attachment = file_workspace.attachments.add(assessment.id, "3.2.1", tmp_path / "x.txt")
    file_workspace.attachments.remove(attachment.id)
    assert file_workspace.attachments.for_item(assessment.id, "3.2.1") == []
    file_workspace.attachments.restore(attachment.id)
    assert len(file_workspace.attachments.for_item(assessment.id, "3.2.1")) == 1


def test_a_file_over_the_limit_is_refused_and_nothing_is_recorded(
    file_workspace, assessment, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(file_workspace.files, "max_bytes", 1000)
    big = tmp_path / "big.mp4"
    big.write_bytes(b"0" * 1001)
    with pytest.raises(ValidationError, match="เกินขนาด"):
        file_workspace.attachments.add(assessment.id, "1.1.1", big)
    assert file_workspace.attachments.for_assessment(assessment.id) == {}
    store = file_workspace.attachments.store_folder
    assert not store.exists() or not any(p.is_file() for p in store.rglob("*"))


def test_a_missing_file_is_refused(file_workspace, assessment, tmp_path) -> None:
    with pytest.raises(ValidationError, match="ไม่พบไฟล์"):
        file_workspace.attachments.add(assessment.id, "1.1.1", tmp_path / "nope.jpg")
