"""The batch check and the imports after it verify each file's header once (review leftover of
fx30b: the check opened every file the import then opened again). What is taken from the batch's
``checked`` is only a verdict on the very same bytes: a file whose signature or members differ
from what was checked is checked in full, and refused as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualityschool_desktop.exchange import ExchangeError, batch
from qualityschool_desktop.exchange.package import MANIFEST, SIGNATURE, Checked, open_package

from .laptops import CODE_B, NAME_B, Laptops, laptops, read_members, start_school, write_members  # noqa: F401


def _two_files(laptops: Laptops) -> tuple[Path, Path]:
    a, b = laptops("school-a"), laptops("school-b")
    with a.open() as workspace:
        start_school(workspace)
    with b.open() as workspace:
        start_school(workspace, code=CODE_B, name=NAME_B)
    return a.export("a.qsx"), b.export("b.qsx")


def test_the_batch_check_keeps_each_header_and_the_import_uses_it(laptops: Laptops) -> None:
    first, second = _two_files(laptops)
    district = laptops("district")
    checked: Checked = {}
    with district.open() as workspace:
        assert batch.clashes(workspace, [first, second], checked=checked) == {}
        assert len(checked) == 2
        with open_package(first) as plain, open_package(first, checked=checked) as reused:
            assert (reused.fingerprint, reused.public_key, reused.members) == (
                plain.fingerprint, plain.public_key, plain.members)
    result = district.import_(second, checked=checked)
    assert result.counts["schools"].new == 1


def test_another_signature_under_a_checked_manifest_is_verified_and_refused(laptops: Laptops, tmp_path: Path) -> None:
    first, _second = _two_files(laptops)
    checked: Checked = {}
    open_package(first, checked=checked).close()
    members = read_members(first)
    signature = json.loads(members[SIGNATURE])
    signature["signature"] = "A" * len(signature["signature"]) if "signature" in signature else "x"
    members[SIGNATURE] = json.dumps(signature).encode()
    forged = write_members(tmp_path / "forged.qsx", members)
    with pytest.raises(ExchangeError):
        open_package(forged)
    with pytest.raises(ExchangeError):
        open_package(forged, checked=checked)


def test_a_member_changed_under_a_checked_header_is_refused(laptops: Laptops, tmp_path: Path) -> None:
    first, _second = _two_files(laptops)
    checked: Checked = {}
    open_package(first, checked=checked).close()
    members = read_members(first)
    name = next(name for name in members if name.startswith("records/"))
    members[name] = members[name] + b"\n"  # its size no longer the manifest's
    altered = write_members(tmp_path / "altered.qsx", members)
    with pytest.raises(ExchangeError, match="ถูกแก้ไขหลังส่งออก"):
        open_package(altered, checked=checked)
    assert read_members(altered)[MANIFEST] == read_members(first)[MANIFEST]
