"""Hand-edited JSON files (the budget rules an office edits for next year's letter) are refused in
Thai, naming the file, the line and what is wrong there (TEST14 s24 F13: the JSON library's English
reached the user; try11a #10)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qualityschool_desktop.budget.rules import load_rules, rules_path
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.json_files import read_json


def _english(text: str) -> list[str]:
    return [word for word in re.findall(r"[A-Za-z]{4,}", text) if word not in ("JSON", "UTF", "Notepad", "Save")]


@pytest.mark.parametrize("broken, where", [
    ('{"groups": [], }', "บรรทัด 1"),
    ('{"groups": [\n  {"key": "a" "label": "b"}\n]}', "บรรทัด 2"),
    ('{"groups": "ไม่ปิด', "บรรทัด 1"),
    ("", "บรรทัด 1"),
])
def test_a_broken_rules_file_says_in_thai_where(tmp_path: Path, broken: str, where: str) -> None:
    path = tmp_path / "rules.json"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ValidationError) as raised:
        load_rules(path)
    message = str(raised.value)
    assert str(path) in message and where in message
    assert not _english(message.replace(str(path), "")), message


def test_a_rules_file_saved_as_unicode_by_notepad_reads(tmp_path: Path) -> None:
    path = tmp_path / "rules.json"
    path.write_bytes(rules_path().read_text(encoding="utf-8").encode("utf-16"))
    assert load_rules(path).groups == load_rules(rules_path()).groups


def test_a_file_in_another_encoding_says_how_to_save_it(tmp_path: Path) -> None:
    path = tmp_path / "texts.json"
    path.write_bytes('{"office": "สำนักงาน"}'.encode("cp874"))
    with pytest.raises(ValidationError, match="UTF-8") as raised:
        read_json(path, "ข้อความของสำนักงาน")
    assert "บันทึกเป็น" in str(raised.value)


def _coverage_rules(path: Path) -> object:
    from qualityschool_desktop.coverage.rules import load_rules as load_coverage_rules
    from qualityschool_desktop.paths import resource_path
    if path.read_bytes().startswith(b"\xff\xfe"):  # the office's real rules, saved by Notepad as "Unicode"
        path.write_bytes(resource_path("coverage", "rules.json").read_text(encoding="utf-8").encode("utf-16"))
    return load_coverage_rules(path)


def _office_texts(path: Path) -> object:
    from qualityschool_desktop.inspection.texts import load_office_texts
    return load_office_texts(path)


@pytest.mark.parametrize("load", [_coverage_rules, _office_texts], ids=["coverage-rules", "office-texts"])
def test_every_hand_edited_file_is_read_one_way(tmp_path: Path, load) -> None:
    """try11a #10: ``--texts`` showed json's English and had no how-to for Notepad's Unicode/ANSI files;
    the coverage rules had their own reader. Both go through :func:`read_json`."""
    broken = tmp_path / "broken.json"
    # A value without its quotes on line 2 (not a trailing comma: Python 3.13 places that error on the
    # comma's line, 3.11 on the next one).
    broken.write_text('{\n"office": สำนักงาน\n}', encoding="utf-8")
    with pytest.raises(ValidationError) as raised:
        load(broken)
    message = str(raised.value)
    assert "บรรทัด 2" in message and str(broken) in message and not _english(message.replace(str(broken), "")), message
    unicode = tmp_path / "unicode.json"
    unicode.write_bytes('{"office": "สำนักงานศึกษาธิการจังหวัดตาก"}'.encode("utf-16"))
    assert load(unicode)
    ansi = tmp_path / "ansi.json"
    ansi.write_bytes('{"office": "สำนักงาน"}'.encode("cp874"))
    with pytest.raises(ValidationError, match="บันทึกเป็น") as raised:
        load(ansi)
    assert str(ansi) in str(raised.value)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_texts_file_in_utf16_without_its_bom_reads(tmp_path: Path, encoding: str) -> None:
    """TEST25 #11: without a BOM the file was read as UTF-8 and refused with a misleading
    "missing quote" at line 1; it is the Thai text the office wrote."""
    from qualityschool_desktop.inspection.texts import load_office_texts
    path = tmp_path / "texts.json"
    path.write_bytes('{"office": "สำนักงานศึกษาธิการจังหวัดตาก"}'.encode(encoding))
    assert load_office_texts(path).office == "สำนักงานศึกษาธิการจังหวัดตาก"


def test_a_texts_file_holding_a_list_says_it_must_be_an_object(tmp_path: Path) -> None:
    """TEST25 #11: a JSON list said 'ช่อง "(ราก)"', a word no user knows."""
    from qualityschool_desktop.inspection.texts import load_office_texts
    path = tmp_path / "list.json"
    path.write_text('["ย่อหน้าแรก", "ย่อหน้าที่สอง"]', encoding="utf-8")
    with pytest.raises(ValidationError) as raised:
        load_office_texts(path)
    message = str(raised.value)
    assert "ไฟล์ต้องเป็นออบเจ็กต์ JSON" in message and "ราก" not in message, message
