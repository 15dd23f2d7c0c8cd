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


def _opened(file_workspace, tmp_path, label: str, content: bytes):
    """A copy to open of ``content`` stored under the label ``label`` (as a sender may name it)."""
    source = tmp_path / "content"
    source.write_bytes(content)
    sha256, _size = file_workspace.files.put(source)
    return file_workspace.files.copy_to_open(sha256, label)


@pytest.mark.parametrize(("label", "content", "expected"), [
    # test33 T12: the copy was "da02004463adf6b38c6472cf.bin"; the user in "เปิดโฟลเดอร์" could not tell which.
    ("หลักฐาน ลานกีฬา.sh", b"#!/bin/sh\necho hi\n", r"หลักฐาน ลานกีฬา\.sh \([0-9a-f]{4,}\)\.txt"),
    ("รายงานผล.PDF", b"%PDF-1.4 \x00\x01", r"รายงานผล \([0-9a-f]{4,}\)\.pdf"),
    ("ภาพ กิจกรรม.jpg", b"\xff\xd8\xff\x00", r"ภาพ กิจกรรม \([0-9a-f]{4,}\)\.jpg"),
    ("setup.exe", b"MZ\x90\x00\x03\x00", r"setup\.exe \([0-9a-f]{4,}\)\.bin"),
    ("../../x.sh", b"echo owned\n", r"x\.sh \([0-9a-f]{4,}\)\.txt"),
    ("C:\\Windows\\System32\\evil.bat", b"del *\n", r"evil\.bat \([0-9a-f]{4,}\)\.txt"),
    ("CON.pdf", b"%PDF", r"_CON \([0-9a-f]{4,}\)\.pdf"),
    ("nul.tar.gz", b"\x1f\x8b\x00", r"_nul\.tar\.gz \([0-9a-f]{4,}\)\.bin"),
    ("a<b>c:d|e?f*\"g.docx", b"PK\x03\x04\x00", r"a_b_c_d_e_f__g \([0-9a-f]{4,}\)\.docx"),
    ("ใบ\x07งาน\u202efdp.exe", b"MZ\x00", r"ใบงานfdp\.exe \([0-9a-f]{4,}\)\.bin"),
    ("  ..  ", b"x", r"ไฟล์แนบ \([0-9a-f]{4,}\)\.txt"),
])
def test_a_copy_to_open_is_named_after_its_label_with_a_safe_suffix(
    file_workspace, tmp_path, label, content, expected,
) -> None:
    import re

    from qualityschool_desktop import paths

    copy = _opened(file_workspace, tmp_path, label, content)
    assert copy.parent == paths.user_data_dir() / "open"
    assert re.fullmatch(expected, copy.name), copy.name
    assert copy.read_bytes() == content
    again = _opened(file_workspace, tmp_path, label, content)
    assert again != copy and again.parent == copy.parent  # unique per open


def test_a_long_label_makes_a_short_enough_name(file_workspace, tmp_path) -> None:
    copy = _opened(file_workspace, tmp_path, "ก" * 300 + ".pdf", b"%PDF")
    assert copy.suffix == ".pdf" and len(copy.name) <= 120
