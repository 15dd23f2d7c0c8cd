"""Hostile or broken exchange files are refused with a Thai message and change nothing:
the database file stays byte-identical and no attachment is written."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from qualityschool_desktop.exchange import ExchangeError, apply_import, export_file, preview_import
from qualityschool_desktop.exchange import package as package_module
from qualityschool_desktop.paths import DATA_DIR_ENV, attachments_dir_for, sidecar_files
from qualityschool_desktop.workspace import Workspace

from .laptops import forge
from .test_exchange import INSTALLATION_A, INSTALLATION_B, fill

Members = dict[str, bytes]


@pytest.fixture(scope="module")
def good_members(tmp_path_factory: pytest.TempPathFactory) -> tuple[Members, bytes]:
    """The members of a real export (school data with attachments)."""
    folder = tmp_path_factory.mktemp("good")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, str(folder / "school-userdata"))  # the school's laptop
        with Workspace.open(folder / "school.sqlite3", create=True, installation=INSTALLATION_A) as workspace:
            fill(workspace, folder / "in")
            exported = export_file(workspace, folder / "good.qsx").path
    with zipfile.ZipFile(exported) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    return members, exported.read_bytes()


def _write(path: Path, members: Members, *, infos: dict[str, zipfile.ZipInfo] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr((infos or {}).get(name, name), data)
    return path


def _resign(members: Members, edit: Callable[[dict], None] | None = None) -> Members:
    """Seal every record and sign the manifest (its hashes and sizes recomputed, ``edit`` applied)
    with a hostile sender's own key (the checks must not rely on trust). Called while the
    sender's data folder is the acting one (see :func:`hostile`)."""
    return forge(members, claim_installation=INSTALLATION_A, manifest_edit=edit)


def _edit_record(members: Members, table: str, change: Callable[[dict], None]) -> Members:
    members = dict(members)
    name = f"records/{table}.jsonl"
    rows = [json.loads(line) for line in members[name].decode("utf-8").splitlines() if line]
    change(rows[0])
    members[name] = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
    return members


def _snapshot(db_path: Path) -> tuple[str, list[str]]:
    digest = hashlib.sha256()
    for path in (db_path, *sidecar_files(db_path)[:1]):  # the database and its write-ahead log
        if path.exists():
            digest.update(path.read_bytes())
    store = attachments_dir_for(db_path)
    files = sorted(str(p.relative_to(store)) for p in store.rglob("*")) if store.exists() else []
    return digest.hexdigest(), files


def _hostile_cases(members: Members, tmp: Path) -> dict[str, tuple[Path, str]]:
    """name -> (file, words the refusal must contain)."""
    cases: dict[str, tuple[Path, str]] = {}

    def add(name: str, built: Members, words: str, infos: dict[str, zipfile.ZipInfo] | None = None) -> None:
        cases[name] = (_write(tmp / f"{name}.qsx", built, infos=infos), words)

    (tmp / "not-a-zip.qsx").write_bytes(b"PK\x03\x04 this is not really a zip")
    cases["not-a-zip"] = (tmp / "not-a-zip.qsx", "ไม่ใช่ไฟล์แลกเปลี่ยนข้อมูล")
    add("format-v4", _resign(members, lambda m: m.update(format_version=package_module.FORMAT_VERSION + 1)),
        "ทำด้วยโปรแกรมรุ่นใหม่กว่า")
    for label, evil in (("dotdot", "../evil.txt"), ("dotdot-inner", "files/../../evil"),
                        ("absolute", "/etc/evil"), ("drive", "C:\\Windows\\evil.txt"),
                        ("backslash", "records\\..\\..\\evil")):
        add(label, {**members, evil: b"x"}, "ชี้ออกนอกโฟลเดอร์")
    link = zipfile.ZipInfo("records/schools.jsonl")
    link.external_attr = (0o120777 << 16)
    add("symlink", members, "ลิงก์", infos={"records/schools.jsonl": link})
    unknown = {**members, "payload.exe": b"MZ"}
    add("unknown-member", _resign(unknown), "ไม่รู้จักรายการ")
    # Unpacked and zipped again by hand (TEST14 finding 18): the refusal says so, not "unsafe".
    add("rezipped-in-a-folder", {f"s1/{name}": data for name, data in members.items()}, "แตกออกแล้วบีบอัด")
    add("rezipped-on-a-mac", {**members, "__MACOSX/._manifest.json": b"x"}, "แตกออกแล้วบีบอัด")
    add("no-manifest", {"photo.jpg": b"\xff\xd8"}, "ไม่มีไฟล์กำกับ manifest.json")

    def shrink(manifest: dict) -> None:
        for member in manifest["members"]:
            if member["path"] == "records/answers.jsonl":
                member["size"] = 10
    add("larger-than-declared", _resign(members, shrink), "ขนาดไม่ตรงกับที่แจ้งไว้")
    zeros = bytes(30 * 1024 * 1024)
    add("bomb", _resign({**members, f"files/{hashlib.sha256(zeros).hexdigest()}": zeros}), "บีบอัดไว้มากผิดปกติ")
    altered_record = _edit_record(members, "schools", lambda row: row.update(name="โรงเรียนปลอม"))
    add("hash-mismatch", altered_record, "ถูกแก้ไขหลังส่งออก")
    attachment = next(name for name in members if name.startswith("files/"))
    add("attachment-hash-mismatch", {**members, attachment: members[attachment][:-1] + b"!"}, "ถูกแก้ไขหลังส่งออก")
    manifest = json.loads(members["manifest.json"])
    manifest["exported_at"] = "2030-01-01T00:00:00.000Z"
    add("manifest-altered", {**members, "manifest.json": json.dumps(manifest).encode()}, "ถูกแก้ไขหลังส่งออก")
    # Re-zipped with an edited record and its hash updated in the manifest, without the key.
    rezipped = _resign(altered_record)
    rezipped["signature.json"] = members["signature.json"]
    add("rezipped-edited-record", rezipped, "ถูกแก้ไขหลังส่งออก")
    add("unsigned", {k: v for k, v in members.items() if k != "signature.json"}, "ไม่ได้ลงนาม")
    add("missing-field", _resign(_edit_record(members, "schools", lambda row: row.pop("name"))), "ขาดช่องข้อมูล name")
    add("wrong-type", _resign(_edit_record(members, "schools", lambda row: row.update(pupils="many"))), "จำนวนนักเรียนต้องเป็นจำนวนเต็ม")
    add("bad-code", _resign(_edit_record(members, "schools", lambda row: row.update(code="63010"))), "รหัสโรงเรียน")
    add("bad-timestamp", _resign(_edit_record(members, "answers", lambda row: row.update(modified_at="yesterday"))),
        "เวลาแก้ไข")
    broken_json = dict(members)
    broken_json["records/visits.jsonl"] = b'{"id": "oops"\n'
    add("broken-json", _resign(broken_json), "อ่านไม่ได้")
    add("not-an-object", _resign({**members, "records/visits.jsonl": b"[1, 2, 3]\n"}), "ไม่ใช่รายการข้อมูล")
    add("unknown-item", _resign(_edit_record(members, "answers", lambda row: row.update(item_code="9.9.9"))),
        "ไม่มีในเกณฑ์")
    unknown_framework = _edit_record(members, "assessments", lambda row: row.update(framework_id="other-framework"))
    add("unknown-framework", _resign(unknown_framework), "ซึ่งโปรแกรมนี้ไม่มี")
    orphan = _edit_record(members, "answers", lambda row: row.update(assessment_id="00000000-0000-0000-0000-000000000001"))
    add("dangling-reference", _resign(orphan), "อ้างถึง")
    # History of an assessment in neither the file nor the database (was a KeyError, not a refusal).
    orphan_history = _edit_record(
        members, "answer_history", lambda row: row.update(assessment_id="00000000-0000-0000-0000-000000000002")
    )
    add("dangling-history", _resign(orphan_history), "อ้างถึง")
    return cases


CASES = [
    "not-a-zip", "format-v4", "dotdot", "dotdot-inner", "absolute", "drive", "backslash", "symlink",
    "unknown-member", "rezipped-in-a-folder", "rezipped-on-a-mac", "no-manifest",
    "larger-than-declared", "bomb", "hash-mismatch", "attachment-hash-mismatch",
    "manifest-altered", "rezipped-edited-record", "unsigned", "missing-field", "wrong-type", "bad-code",
    "bad-timestamp", "broken-json", "not-an-object", "unknown-item", "unknown-framework", "dangling-reference",
    "dangling-history",
]


@pytest.fixture(scope="module")
def hostile(good_members: tuple[Members, bytes], tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("hostile")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, str(folder / "mallory-userdata"))  # a sender with a key of their own
        return _hostile_cases(good_members[0], folder)


@pytest.mark.parametrize("case", CASES)
def test_hostile_file_is_refused_and_changes_nothing(
    case: str, hostile: dict[str, tuple[Path, str]], tmp_path: Path
) -> None:
    path, words = hostile[case]
    db_path = tmp_path / "district.sqlite3"
    with Workspace.open(db_path, create=True, installation=INSTALLATION_B) as district:
        district.schools.add(code="6302000001", name="โรงเรียนที่มีอยู่แล้ว")
        district.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = _snapshot(db_path)
        with pytest.raises(ExchangeError, match=words):
            preview_import(district, path)
        with pytest.raises(ExchangeError, match=words):
            apply_import(district, path)
        assert _snapshot(db_path) == before
        assert district.schools.count() == 1


def test_the_unaltered_file_is_accepted(good_members: tuple[Members, bytes], tmp_path: Path) -> None:
    """The hostile cases are built from this file: it must itself import cleanly, also re-zipped."""
    members, _ = good_members
    path = _write(tmp_path / "rezipped.qsx", members)
    with Workspace.open(tmp_path / "d.sqlite3", create=True, installation=INSTALLATION_B) as district:
        assert apply_import(district, path).counts["schools"].new == 1
    # zip tools write an entry for each folder ("records/", "files/"): empty, they change nothing
    # (TEST14 finding 18: such a file was refused as "unsafe, points outside the folder")
    path = _write(tmp_path / "rezipped-with-folders.qsx", {"records/": b"", "files/": b"", **members})
    with Workspace.open(tmp_path / "e.sqlite3", create=True, installation=INSTALLATION_B) as district:
        assert apply_import(district, path).counts["schools"].new == 1


def test_total_uncompressed_size_is_capped(
    good_members: tuple[Members, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(package_module, "MAX_TOTAL_BYTES", 1000)
    path = tmp_path / "big.qsx"
    path.write_bytes(good_members[1])
    with Workspace.open(tmp_path / "d.sqlite3", create=True, installation=INSTALLATION_B) as district:
        with pytest.raises(ExchangeError, match="ใหญ่ผิดปกติ"):
            apply_import(district, path)
        assert district.schools.count() == 0
