"""Reading an exchange file (``.qsx``, a zip) without trusting it.

Nothing is ever extracted by member name: members are read into memory (records, with a cap) or
streamed (attachment contents), always bounded by the size the signed manifest declares and
checked against its SHA-256. Before any member is read, the zip's directory is checked: only the
names this format uses, no links, no paths that leave a folder, declared sizes that add up to
something sane and compress no better than real data does.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .. import validation
from ..value_rules import MAX_FILE_BYTES
from . import signing
from .records import TABLES, ExchangeError

FORMAT_NAME = "qualityschool-exchange"
# 2: records carry versions and owners' seals (issue 10); a file of version 1 has neither, so it
# is refused with a request to update the sender's program.
# 3: a history row may carry ``typed`` (what was typed when the stored text was cleaned, issue 11),
# left out when null (records.OMITTED_WHEN_NULL). A file of version 2 is read as one whose rows have
# no typed text: its rows and owners' seals are unchanged. Version 2 programs refuse a version 3
# file ("ใช้รูปแบบรุ่น 3 ซึ่งโปรแกรมรุ่นนี้ไม่รู้จัก โปรดปรับรุ่นโปรแกรม…"); this one refuses a newer
# format with NEWER_FORMAT.
# 4: an office's budget decision may carry ``decided_state`` (migration 0025, left out when null).
# A version 3 program met it as "a field this program does not know" and refused the whole file
# without saying what to do (checked with the program at commit bce5304); it refuses a version 4
# file with its NEWER_FORMAT message instead. A file is written in the lowest version that carries
# its rows (records.format_for), so files with no such field stay readable by version 3 programs.
# 5: a project may carry ``results_summary`` (migration 0030, left out when null): the office's own
# "สรุปผลการดำเนินงาน" (seed 004). Files without one stay of a lower version.
# 6: a file may carry ``same_schools.jsonl``, an office's signed word that a school it typed is the
# school's own record (same_school.py), beside rows others sealed about the typed record. A version 5
# program called that member unknown ("ไม่รู้จักรายการ") and refused the file as unsafe; it now refuses
# it as one of a newer program. Only a file that carries such a row (and so the member) is version 6.
# 7: a relay's file may carry ``relayed/<table>.jsonl``: the owner's last sealed version of a record
# whose version in use at the relay is not the owner's (relayed.py), under the owner's seal, beside
# the relay's version in ``records/<table>.jsonl`` (the same id in both). A version 6 program called
# that member unknown and refused the file as unsafe; it now refuses it as one of a newer program
# ("โปรดปรับรุ่นโปรแกรม…"). Only a file that carries such a version is version 7; a file of version 6
# or lower has none, and reads as before (the receiver then keeps the relay's change waiting with no
# version of the owner's, and says so: merge_decide.own_missing_warnings).
# 8: a plan activity's budget may carry satang (migration 0035): a row whose amount has satang
# carries ``budget_satang`` in place of ``budget_baht`` (records.SCALED). A version 7 program would
# call that field unknown; it refuses a version 8 file as one of a newer program instead. Rows of
# whole baht travel as before (``budget_baht``), so a file without satang stays of a lower version,
# and a file of an older program (whole baht) is read in satang (× 100).
# 9: a visit its maker deleted (migration 0036) carries ``deleted_at``; a visit's confirmation or
# reopen may name the team member who did it and a confirmation carries what it confirmed (migration
# 0037: ``visit_events.person_name``, ``signed_findings``). A version 8 program would call those fields
# unknown; it refuses a version 9 file as one of a newer program instead. Rows without them (visits
# alive, events recorded before) carry none (records.OMITTED_WHEN_NULL), keep their seals and leave
# the file of a lower version.
FORMAT_VERSION = 9
RELAYED_FORMAT = 7
READABLE_VERSIONS = frozenset({2, 3, 4, 5, 6, 7, 8, 9})
EXTENSION = ".qsx"
MANIFEST = "manifest.json"
SIGNATURE = "signature.json"

MAX_TOTAL_BYTES = 2 * 1024**3  # everything a file may unpack to
MAX_RECORDS_BYTES = 512 * 1024**2  # one records member (held in memory)
MAX_MANIFEST_BYTES = 64 * 1024**2
MAX_SIGNATURE_BYTES = 64 * 1024
MAX_MEMBERS = 500_000
# Real records compress about 10:1 and photos hardly at all; a member far beyond this is a bomb.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # tiny members may compress absurdly well (a file of spaces) – harmless
_CHUNK = 1024 * 1024
_EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
_KEEP_MEMBER, _KEEP_TOTAL = 64 * 1024, 1024 * 1024  # Package._kept

_FILE_MEMBER = re.compile(r"^files/[0-9a-f]{64}$")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_RECORD_MEMBERS = {f"records/{table}.jsonl" for table in TABLES}
RELAYED = "relayed/"  # the owners' versions a relay carries (relayed.py): relayed/<table>.jsonl; format 7
_RELAYED_MEMBERS = {f"{RELAYED}{table}.jsonl" for table in TABLES}
SEALS = "seals.jsonl"
OWNERS = "owners.jsonl"  # the schools' own statements of their keys (statements.py); absent in older files
SAME_SCHOOLS = "same_schools.jsonl"  # an office's signed same-school mappings (same_school.py); format 6
_KEY = re.compile(r"^[A-Za-z0-9+/]{43}=$")  # an Ed25519 public key (32 bytes) in base64
_DRIVE = re.compile(r"^[A-Za-z]:")
_FOLDERS = ("records/", "files/", RELAYED)  # the folder entries a zip tool writes when a file is zipped again

NOT_A_PACKAGE = "ไฟล์ {name} ไม่ใช่ไฟล์แลกเปลี่ยนข้อมูลของโปรแกรมนี้ หรือไฟล์เสียหาย"
ALTERED = "ไฟล์ {name} ถูกแก้ไขหลังส่งออก ({detail}) โปรแกรมจะไม่นำเข้าไฟล์นี้"
REPACKED = (
    "ไฟล์ {name} ถูกแตกออกแล้วบีบอัด (zip) ใหม่ ({detail}) จึงไม่ใช่ไฟล์แลกเปลี่ยนตามที่โปรแกรมส่งออก"
    " โปรดนำเข้าไฟล์ .qsx เดิมที่ได้รับมา หรือขอให้ผู้ส่งส่งออกใหม่ โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
UNSAFE = "ไฟล์ {name} มีรายการภายในที่ไม่ปลอดภัย ({detail}) โปรแกรมจะไม่นำเข้าไฟล์นี้"
BOMB = "ไฟล์ {name} ขยายออกแล้วใหญ่ผิดปกติ ({detail}) อาจเป็นไฟล์อันตราย โปรแกรมจะไม่นำเข้าไฟล์นี้"
NEWER_FORMAT = (
    "ไฟล์ {name} ทำด้วยโปรแกรมรุ่นใหม่กว่าโปรแกรมนี้ (ไฟล์รูปแบบรุ่น {version} โปรแกรมนี้อ่านได้ถึงรุ่น {ours})"
    " โปรดปรับรุ่นโปรแกรมในเครื่องนี้ให้เป็นรุ่นล่าสุดก่อน แล้วนำเข้าไฟล์นี้อีกครั้ง"
)
OLDER_FORMAT = (
    "ไฟล์ {name} ทำด้วยโปรแกรมรุ่นเก่า (ไฟล์รูปแบบรุ่น {version}) ซึ่งโปรแกรมนี้อ่านไม่ได้แล้ว"
    " โปรดให้ผู้ส่งปรับรุ่นโปรแกรมในเครื่องของผู้ส่ง แล้วส่งออกไฟล์ใหม่"
)
# The laptop attaches nothing larger (validation.MAX_FILE_BYTES): a file carrying more is not ours.
TOO_BIG = (
    "ไฟล์ {name} มีไฟล์แนบขนาด {size:,} ไบต์ เกินขนาดที่แนบได้ ({limit} MB) โปรแกรมจะไม่นำเข้าไฟล์นี้"
)


@dataclass
class Package:
    """An opened, signature-checked exchange file. Close it (or use ``with``)."""

    path: Path
    manifest: dict[str, Any]
    fingerprint: str
    public_key: str
    members: dict[str, tuple[str, int]]  # path -> (sha256, size), as the signed manifest declares
    _zip: zipfile.ZipFile = field(repr=False)
    # Small members already read and checked, kept for a second reading (the import reads the
    # attachments' and the visit events' records before its pass and again in it): at most
    # _KEEP_TOTAL bytes in all, so memory still follows the batch, not the file.
    _kept: dict[str, bytes] = field(default_factory=dict, repr=False)

    def __enter__(self) -> "Package":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the zip file (closing twice does nothing)."""
        self._zip.close()

    @property
    def file_members(self) -> list[str]:
        """The attachment contents the manifest declares (``files/<sha256>``), sorted."""
        return sorted(name for name in self.members if name.startswith("files/"))

    def chunks(self, name: str) -> Iterator[bytes]:
        """The member's bytes in chunks; raises ExchangeError (after the last chunk at the
        latest) when it is longer than declared or its SHA-256 differs."""
        expected_hash, expected_size = self.members[name]
        if expected_size == 0 and expected_hash == _EMPTY_SHA256:
            # A table with no records (a school file has ten): the zip's directory says the member
            # is empty (open_package held its size to the manifest's) and what reading it would
            # check at its end, CRC and encryption, is there too; not opened (~0.1 ms a member).
            info = self._zip.getinfo(name)
            if info.CRC == 0 and not info.flag_bits & 0x1:
                return
        kept = self._kept.get(name)
        if kept is not None:  # read and checked already in this opening of the file
            yield kept
            return
        keep = not name.startswith("files/") and expected_size <= _KEEP_MEMBER and sum(map(len, self._kept.values())) + expected_size <= _KEEP_TOTAL
        parts: list[bytes] = []
        hasher = hashlib.sha256()
        size = 0
        try:
            with self._zip.open(name) as handle:
                while True:
                    chunk = handle.read(min(_CHUNK, expected_size - size + 1))
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > expected_size:
                        raise ExchangeError(BOMB.format(name=self.path.name, detail=f"{name} ใหญ่กว่าที่แจ้งไว้"))
                    hasher.update(chunk)
                    if keep:
                        parts.append(chunk)
                    yield chunk
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise ExchangeError(NOT_A_PACKAGE.format(name=self.path.name) + f" ({name}: {exc})") from None
        if size != expected_size or hasher.hexdigest() != expected_hash:
            raise ExchangeError(ALTERED.format(name=self.path.name, detail=f"{name} ไม่ตรงกับรหัสตรวจสอบ"))
        if keep:
            self._kept[name] = b"".join(parts)

    def read(self, name: str) -> bytes:
        """The whole member ``name`` (a small one: the manifest, seals), checked as
        :meth:`chunks` checks it; raises :class:`ExchangeError` when it is longer than declared,
        altered or unreadable, and ``KeyError`` for a member the manifest does not declare."""
        return b"".join(self.chunks(name))


def _bounded_read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, source: str) -> bytes:
    if info.file_size > limit:
        raise ExchangeError(BOMB.format(name=source, detail=f"{info.filename} ใหญ่เกินกำหนด"))
    try:
        with archive.open(info) as handle:
            data = handle.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise ExchangeError(NOT_A_PACKAGE.format(name=source)) from None
    if len(data) > limit:
        raise ExchangeError(BOMB.format(name=source, detail=f"{info.filename} ใหญ่เกินกำหนด"))
    return data


def _check_repacked(infos: list[zipfile.ZipInfo], source: str) -> None:
    """Refuse, saying so, a file unpacked and zipped again in a way that moved or added members:
    wrapped in a folder (``s1/manifest.json``), with a Mac's ``__MACOSX/`` copies or other folder
    entries; and a zip with no ``manifest.json`` at all (TEST14 finding 18: both were refused as
    "unsafe"). The empty entries zip tools write for ``records/`` and ``files/`` are dropped
    before (they carry nothing)."""
    names = [info.filename for info in infos]
    if MANIFEST in names:
        wrapped = ""
    else:
        wrapped = next((name[: -len(MANIFEST)] for name in names if name.endswith("/" + MANIFEST)), "")
    if wrapped and ".." not in wrapped.split("/") and not wrapped.startswith("/"):
        raise ExchangeError(REPACKED.format(name=source, detail=f"ทุกรายการอยู่ในโฟลเดอร์ \"{wrapped[:60]}\""))
    if any(name.startswith("__MACOSX/") for name in names):
        raise ExchangeError(REPACKED.format(name=source, detail="มีสำเนา __MACOSX ที่เครื่อง Mac ใส่ไว้"))
    folder = next((info.filename for info in infos if info.is_dir()), None)
    if folder is not None and ".." not in folder.split("/") and not folder.startswith("/") and "\\" not in folder:
        raise ExchangeError(REPACKED.format(name=source, detail=f"มีโฟลเดอร์ \"{folder[:60]}\""))
    if MANIFEST not in names:
        raise ExchangeError(NOT_A_PACKAGE.format(name=source) + " (ไม่มีไฟล์กำกับ manifest.json)")


def _check_entries(infos: list[zipfile.ZipInfo], source: str) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > MAX_MEMBERS:
        raise ExchangeError(BOMB.format(name=source, detail="มีรายการภายในมากเกินไป"))
    entries: dict[str, zipfile.ZipInfo] = {}
    total = 0
    infos = [info for info in infos if info.filename not in _FOLDERS or info.file_size]
    _check_repacked(infos, source)
    for info in infos:
        name = info.filename
        parts = name.split("/")
        if (
            "\\" in name
            or name.startswith("/")
            or _DRIVE.match(name)
            or any(part in ("", ".", "..") for part in parts)
            or "\x00" in name
        ):
            raise ExchangeError(UNSAFE.format(name=source, detail=f"ชื่อ \"{name[:60]}\" ชี้ออกนอกโฟลเดอร์"))
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise ExchangeError(UNSAFE.format(name=source, detail=f"\"{name[:60]}\" เป็นลิงก์"))
        if info.is_dir() or not (
            name in (MANIFEST, SIGNATURE, SEALS, OWNERS, SAME_SCHOOLS) or name in _RECORD_MEMBERS
            or name in _RELAYED_MEMBERS or _FILE_MEMBER.match(name)
        ):
            raise ExchangeError(UNSAFE.format(name=source, detail=f"ไม่รู้จักรายการ \"{name[:60]}\""))
        if name in entries:
            raise ExchangeError(UNSAFE.format(name=source, detail=f"มีรายการ \"{name[:60]}\" ซ้ำกัน"))
        if info.flag_bits & 0x1:
            raise ExchangeError(UNSAFE.format(name=source, detail="มีรายการที่เข้ารหัสไว้"))
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ExchangeError(BOMB.format(name=source, detail="รวมแล้วเกิน ๒ GB"))
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ExchangeError(BOMB.format(name=source, detail=f"{name} บีบอัดไว้มากผิดปกติ"))
        entries[name] = info
    return entries


def _manifest_members(manifest: dict[str, Any], source: str) -> dict[str, tuple[str, int]]:
    raw = manifest.get("members")
    if not isinstance(raw, list):
        raise ExchangeError(NOT_A_PACKAGE.format(name=source) + " (ไม่มีรายการสมาชิกในไฟล์กำกับ)")
    members: dict[str, tuple[str, int]] = {}
    for entry in raw:
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("path"), str)
            and isinstance(entry.get("sha256"), str)
            and _SHA256.fullmatch(entry["sha256"])
            and isinstance(entry.get("size"), int)
            and not isinstance(entry.get("size"), bool)
            and entry["size"] >= 0
        ):
            raise ExchangeError(NOT_A_PACKAGE.format(name=source) + " (รายการสมาชิกในไฟล์กำกับไม่ถูกต้อง)")
        if entry["path"] in members or entry["path"] in (MANIFEST, SIGNATURE):
            raise ExchangeError(NOT_A_PACKAGE.format(name=source) + " (รายการสมาชิกซ้ำกัน)")
        members[entry["path"]] = (entry["sha256"], entry["size"])
    return members


# The manifest's texts, held to the product's rules (validation.py): a name is one line of at most
# 255 characters as every name is, codes and versions as the records' codes, the export time a
# real stamp. A file breaking one is refused, so nothing unbounded or with control characters is
# stored (signers, exchange_log) or printed (issue 10 findings #1, #13, #14).
MANIFEST_TEXTS: dict[str, tuple[validation.Rule, str]] = {
    "app_version": (validation.CODE, "รุ่นของโปรแกรมที่ส่งออก"),
    "exported_at": (validation.STAMP, "เวลาส่งออก"),
    "installation_id": (validation.CODE, "รหัสเครื่องที่ส่งออก"),
    "name": (validation.line(), "ชื่อเครื่องที่ส่งออก"),
    "framework": (validation.CODE, "รหัสหรือรุ่นของเกณฑ์"),
    "visitor": (validation.line(required=True), "ชื่อผู้นิเทศในขอบเขตไฟล์"),
}
SCOPE_KINDS = ("all", "schools", "visitor")


def _check_text(value: Any, field: str, source: str) -> None:
    rule, label = MANIFEST_TEXTS[field]
    reason = rule.problem(value)
    if reason is not None:  # the message never repeats the text: it may be megabytes, or escapes
        raise ExchangeError(f"ไฟล์ {source}: {label}ในไฟล์กำกับ{reason} โปรแกรมจะไม่นำเข้าไฟล์นี้")


def _check_scope(scope: Any, source: str, bad: str) -> None:
    if not (isinstance(scope, dict) and scope.get("kind") in SCOPE_KINDS):
        raise ExchangeError(bad.format(field="scope"))
    if scope["kind"] == "schools":
        codes = scope.get("school_codes")
        if not (isinstance(codes, list) and len(codes) <= 100_000 and all(validation.CODE10(c) for c in codes)):
            raise ExchangeError(bad.format(field="scope"))
    if scope["kind"] == "visitor":
        _check_text(scope.get("visitor"), "visitor", source)


def _check_manifest_fields(manifest: dict[str, Any], source: str) -> None:
    bad = NOT_A_PACKAGE.format(name=source) + " (ไฟล์กำกับขาดข้อมูล {field})"
    for field in ("app_version", "exported_at"):
        if not isinstance(manifest.get(field), str):
            raise ExchangeError(bad.format(field=field))
        _check_text(manifest[field], field, source)
    exporter = manifest.get("exporter")
    if not (
        isinstance(exporter, dict)
        and isinstance(exporter.get("installation_id"), str)
        and isinstance(exporter.get("name"), str)
    ):
        raise ExchangeError(bad.format(field="exporter"))
    _check_text(exporter["installation_id"], "installation_id", source)
    _check_text(exporter["name"], "name", source)
    frameworks = manifest.get("frameworks")
    if not (
        isinstance(frameworks, list)
        and len(frameworks) <= 1000
        and all(
            isinstance(f, dict) and isinstance(f.get("id"), str) and isinstance(f.get("version"), str)
            for f in frameworks
        )
    ):
        raise ExchangeError(bad.format(field="frameworks"))
    for entry in frameworks:
        _check_text(entry["id"], "framework", source)
        _check_text(entry["version"], "framework", source)
    _check_scope(manifest.get("scope"), source, bad)
    keys = manifest.get("keys")
    if not (
        isinstance(keys, dict)
        and 0 < len(keys) <= 10_000
        and all(isinstance(k, str) and 0 < len(k) <= 100 and isinstance(v, str) and _KEY.match(v) for k, v in keys.items())
    ):
        raise ExchangeError(bad.format(field="keys"))


def _check_version(version: Any, source: str) -> None:
    """Refuse a format this program cannot read, saying which side must update its program."""
    if type(version) is int and version in READABLE_VERSIONS:
        return
    if type(version) is int and version > FORMAT_VERSION:
        raise ExchangeError(NEWER_FORMAT.format(name=source, version=version, ours=FORMAT_VERSION))
    if type(version) is int and 0 < version < min(READABLE_VERSIONS):
        raise ExchangeError(OLDER_FORMAT.format(name=source, version=version))
    raise ExchangeError(NOT_A_PACKAGE.format(name=source) + f" (รูปแบบรุ่น {str(version)[:20]} ไม่ถูกต้อง)")


# A batch's headers checked once (review leftover of fx30b: the batch check opened every file the
# import then opened again): the manifest's bytes -> (the signature's bytes, the manifest, the
# signer's fingerprint and public key, the members), filled and read by open_package(checked=…).
Checked = dict[bytes, tuple[bytes, dict[str, Any], str, str, dict[str, tuple[str, int]]]]


def open_package(path: Path, *, checked: Checked | None = None) -> Package:
    """Open ``path`` and check everything that can be checked without reading the members'
    contents: the zip directory, the manifest, the signature. Raises ExchangeError.

    ``checked``: a batch's headers checked already (:data:`Checked`, shared by the batch check and
    the imports that follow it). A manifest and signature byte for byte equal to ones checked
    before are the same verdict, so their parsing and the signature's verification are taken from
    there (the zip directory and each member's declared size are still checked here); a header
    checked here is added to it."""
    path = Path(path)
    source = path.name
    if not path.is_file():
        raise ExchangeError(f"ไม่พบไฟล์ {path}")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise ExchangeError(NOT_A_PACKAGE.format(name=source) + " (ไม่ใช่ไฟล์ zip)") from None
    try:
        entries = _check_entries(archive.infolist(), source)
        if MANIFEST not in entries:
            raise ExchangeError(NOT_A_PACKAGE.format(name=source) + " (ไม่มีไฟล์กำกับ manifest.json)")
        if SIGNATURE not in entries:
            raise ExchangeError(f"ไฟล์ {source} ไม่มีลายเซ็นของผู้ส่งออก โปรแกรมจะไม่นำเข้าไฟล์ที่ไม่ได้ลงนาม")
        manifest_bytes = _bounded_read(archive, entries[MANIFEST], MAX_MANIFEST_BYTES, source)
        known = checked.get(manifest_bytes) if checked is not None else None
        if known is not None and _bounded_read(archive, entries[SIGNATURE], MAX_SIGNATURE_BYTES, source) == known[0]:
            _signature, manifest, fingerprint, public_key, members = known
            return _package(path, source, archive, entries, manifest, fingerprint, public_key, members)
        try:
            manifest = json.loads(manifest_bytes.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise ExchangeError(NOT_A_PACKAGE.format(name=source) + " (ไฟล์กำกับอ่านไม่ได้)") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
            raise ExchangeError(NOT_A_PACKAGE.format(name=source))
        _check_version(manifest.get("format_version"), source)
        signature_bytes = _bounded_read(archive, entries[SIGNATURE], MAX_SIGNATURE_BYTES, source)
        try:
            fingerprint, public_key = signing.verify(manifest_bytes, signature_bytes)
        except ExchangeError as exc:
            raise ExchangeError(f"ไฟล์ {source}: {exc}") from None
        _check_manifest_fields(manifest, source)
        if manifest["keys"].get(manifest["exporter"]["installation_id"]) != public_key:
            raise ExchangeError(
                f"ไฟล์ {source} ลงนามด้วยกุญแจที่ไม่ใช่กุญแจของเครื่องที่อ้างว่าส่งออก โปรแกรมจะไม่นำเข้าไฟล์นี้"
            )
        members = _manifest_members(manifest, source)
        if checked is not None:
            checked[manifest_bytes] = (signature_bytes, manifest, fingerprint, public_key, members)
        return _package(path, source, archive, entries, manifest, fingerprint, public_key, members)
    except BaseException:
        archive.close()
        raise


def _package(path: Path, source: str, archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo],
             manifest: dict[str, Any], fingerprint: str, public_key: str,
             members: dict[str, tuple[str, int]]) -> Package:
    """The checks of the zip's entries against a verified manifest's members (open_package's last
    part, for a header verified here or taken from a batch's ``checked``); the caller closes
    ``archive`` when this raises."""
    present = set(entries) - {MANIFEST, SIGNATURE}
    if set(members) != present:
        raise ExchangeError(ALTERED.format(name=source, detail="รายการภายในไม่ตรงกับไฟล์กำกับ"))
    if SEALS not in members:
        raise ExchangeError(f"ไฟล์ {source} ไม่มีลายเซ็นของเจ้าของข้อมูล (seals.jsonl) โปรแกรมจะไม่นำเข้าไฟล์นี้")
    for name, (_, size) in members.items():
        if entries[name].file_size != size:
            raise ExchangeError(ALTERED.format(name=source, detail=f"{name} ขนาดไม่ตรงกับที่แจ้งไว้"))
        if (name.startswith(("records/", RELAYED)) or name in (SEALS, OWNERS, SAME_SCHOOLS)) and size > MAX_RECORDS_BYTES:
            raise ExchangeError(BOMB.format(name=source, detail=f"{name} ใหญ่เกินกำหนด"))
        if name.startswith("files/") and name[6:] != members[name][0]:
            raise ExchangeError(ALTERED.format(name=source, detail=f"{name} ไม่ตรงกับรหัสตรวจสอบ"))
        if name.startswith("files/") and size > MAX_FILE_BYTES:
            raise ExchangeError(TOO_BIG.format(name=source, size=size, limit=MAX_FILE_BYTES // 1048576))
    return Package(path, manifest, fingerprint, public_key, members, archive)
