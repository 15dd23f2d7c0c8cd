"""Network schools of a quality school: typed in, edited, removed and restored, imported from the
files Thai Excel for Windows writes ("CSV UTF-8", "CSV" in Windows-874, "Unicode Text" in UTF-16
with tabs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.network_schools import distance_warning, parse_distance
from qualityschool_desktop.workspace import Workspace

HEADER_TH = "รหัสโรงเรียน,ชื่อโรงเรียน,จำนวนนักเรียน,จำนวนครู,ระยะทาง (กม.)"
GOOD_ROWS = [
    "6301000011,โรงเรียนบ้านป่าไม้,85,6,2.5",
    "6301000012,โรงเรียนบ้านห้วยน้ำใส,๑๒๐,๘,๔.๕",
    "6301000013,โรงเรียนบ้านดอยผาหมี,42,4,7",
]


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def test_add_list_totals_and_thai_digits(memory_workspace: Workspace, school) -> None:  # type: ignore[no-untyped-def]
    network = memory_workspace.network_schools
    near = network.add(school.id, code="๖๓๐๑-๐๐๐๐๑๑", name="  โรงเรียนบ้านป่าไม้ ", pupils="1,085",
                       teachers="๖", distance_km="๓.๕ กม.")
    network.add(school.id, code="6301000012", name="โรงเรียนบ้านห้วยน้ำใส", pupils=20, distance_km=1)

    assert (near.code, near.name, near.pupils, near.teachers, near.distance_km) == (
        "6301000011", "โรงเรียนบ้านป่าไม้", 1085, 6, 3.5)
    assert near.modified_by == memory_workspace.installation_id and near.modified_at
    assert [n.code for n in network.for_school(school.id)] == ["6301000012", "6301000011"]  # nearest first
    totals = network.totals(school.id)
    assert (totals.schools, totals.pupils, totals.teachers) == (2, 1105, 6)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"code": "12345"}, "๑๐ หลัก"),
        ({"code": "63010000ab"}, "ตัวเลข"),
        ({"name": "   "}, "ชื่อโรงเรียนเครือข่าย"),
        ({"pupils": "-3"}, "ไม่ติดลบ"),
        ({"teachers": "สิบ"}, "จำนวนครูต้องเป็นตัวเลข"),
        ({"pupils": "12.5"}, "จำนวนเต็ม"),
        ({"distance_km": "-1"}, "ไม่ติดลบ"),
        ({"distance_km": "ไกล"}, "ระยะทางต้องเป็นตัวเลข"),
    ],
)
def test_bad_values_are_refused_with_a_thai_message(memory_workspace: Workspace, school, changes,
                                                    message) -> None:  # type: ignore[no-untyped-def]
    values = {"code": "6301000011", "name": "โรงเรียนบ้านป่าไม้", **changes}
    with pytest.raises(ValidationError, match=message):
        memory_workspace.network_schools.add(school.id, **values)
    assert memory_workspace.network_schools.for_school(school.id) == []


def test_beyond_five_km_is_a_note_not_an_error(memory_workspace: Workspace, school) -> None:  # type: ignore[no-untyped-def]
    far = memory_workspace.network_schools.add(school.id, code="6301000013", name="โรงเรียนบ้านดอย", distance_km=12)
    assert far.far and far.distance_km == 12
    assert "เกินประมาณ ๕ กม." in distance_warning(far.distance_km)
    assert distance_warning(5) == "" and distance_warning(None) == ""
    assert parse_distance("3.5") == 3.5


def test_duplicate_code_update_and_no_op_update(memory_workspace: Workspace, school) -> None:  # type: ignore[no-untyped-def]
    network = memory_workspace.network_schools
    first = network.add(school.id, code="6301000011", name="โรงเรียนบ้านป่าไม้")
    second = network.add(school.id, code="6301000012", name="โรงเรียนบ้านห้วยน้ำใส")
    with pytest.raises(ValidationError, match="มีโรงเรียนเครือข่ายรหัส 6301000011"):
        network.add(school.id, code="6301000011", name="ซ้ำ")
    with pytest.raises(ValidationError, match="ในรายการแล้ว"):
        network.update(second.id, code="6301000011")

    same = network.update(first.id, name="โรงเรียนบ้านป่าไม้")
    assert same.modified_at == first.modified_at  # nothing differed, nothing written
    changed = network.update(first.id, pupils="๙๐", distance_km="")
    assert (changed.pupils, changed.distance_km) == (90, None)


def test_remove_then_undo_restores_it(memory_workspace: Workspace, school) -> None:  # type: ignore[no-untyped-def]
    network = memory_workspace.network_schools
    added = network.add(school.id, code="6301000011", name="โรงเรียนบ้านป่าไม้", pupils=85)
    network.remove(added.id)
    assert network.for_school(school.id) == []
    restored = network.restore(added.id)
    assert (restored.id, restored.pupils) == (added.id, 85)
    # Removing and typing the same code in again brings the row back with the new values.
    network.remove(added.id)
    again = network.add(school.id, code="6301000011", name="โรงเรียนบ้านป่าไม้ใหม่")
    assert again.id == added.id and again.pupils is None and again.name == "โรงเรียนบ้านป่าไม้ใหม่"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp874"])
def test_csv_preview_and_apply_in_every_encoding(memory_workspace: Workspace, school, tmp_path: Path,
                                                 encoding: str) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path / "network.csv", [HEADER_TH, *GOOD_ROWS], encoding)
    network = memory_workspace.network_schools

    preview = network.preview_csv(school.id, path)
    assert preview.encoding == ("cp874" if encoding == "cp874" else "utf-8-sig")
    assert [row.line for row in preview.rows] == [2, 3, 4]
    assert [row.action for row in preview.rows] == ["new", "new", "new"]
    assert preview.rows[1].values == {"code": "6301000012", "name": "โรงเรียนบ้านห้วยน้ำใส", "pupils": 120,
                                      "teachers": 8, "distance_km": 4.5}
    assert preview.rows[2].warnings and "บรรทัดที่ ๔" in preview.rows[2].warnings[0]
    assert network.for_school(school.id) == []  # the preview wrote nothing

    result = network.apply_csv(school.id, path)
    assert (result.added, result.updated, result.unchanged, result.skipped) == (3, 0, 0, 0)
    assert {n.name for n in network.for_school(school.id)} == {
        "โรงเรียนบ้านป่าไม้", "โรงเรียนบ้านห้วยน้ำใส", "โรงเรียนบ้านดอยผาหมี"}


def test_reimport_changes_nothing_and_edits_are_matched_on_code(memory_workspace: Workspace, school,
                                                                tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    network = memory_workspace.network_schools
    path = write_csv(tmp_path / "network.csv", [HEADER_TH, *GOOD_ROWS], "utf-8-sig")
    network.apply_csv(school.id, path)
    before = {n.code: n.modified_at for n in network.for_school(school.id)}

    preview = network.preview_csv(school.id, path)
    assert not preview.changes_anything and preview.count("unchanged") == 3
    result = network.apply_csv(school.id, path)
    assert (result.added, result.updated, result.unchanged) == (0, 0, 3)
    assert {n.code: n.modified_at for n in network.for_school(school.id)} == before

    # English headers, columns in another order, one figure changed: one update, the rest untouched.
    english = write_csv(tmp_path / "english.csv", [
        "name,code,pupils,teachers,distance_km",
        "โรงเรียนบ้านป่าไม้,6301000011,90,6,2.5",
        "โรงเรียนบ้านห้วยน้ำใส,6301000012,120,8,4.5",
    ])
    result = network.apply_csv(school.id, english)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 1)
    assert {n.code: n.pupils for n in network.for_school(school.id)}["6301000011"] == 90


def test_bad_rows_block_the_import_unless_the_user_agrees(memory_workspace: Workspace, school,
                                                          tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    network = memory_workspace.network_schools
    path = write_csv(tmp_path / "mixed.csv", [
        HEADER_TH,
        GOOD_ROWS[0],
        "630100001,โรงเรียนรหัสสั้น,10,1,1",
        "",  # blank lines are skipped, but the line numbers stay those of the file
        "6301000014,,10,1,1",
        "6301000011,โรงเรียนบ้านป่าไม้ซ้ำ,10,1,1",
        GOOD_ROWS[1],
    ], "cp874")

    preview = network.preview_csv(school.id, path)
    assert [row.line for row in preview.good_rows] == [2, 7]
    problems = [problem for row in preview.bad_rows for problem in row.problems]
    assert problems == [
        "บรรทัดที่ ๓: รหัสโรงเรียนต้องมี ๑๐ หลัก (กรอกมา ๙ หลัก)",
        "บรรทัดที่ ๕: กรุณากรอกชื่อโรงเรียนเครือข่าย",
        "บรรทัดที่ ๖: รหัส 6301000011 ซ้ำกับบรรทัดที่ ๒",
    ]

    with pytest.raises(ValidationError, match="มี ๓ แถวที่มีปัญหา"):
        network.apply_csv(school.id, path)
    assert network.for_school(school.id) == []  # refused as a whole

    result = network.apply_csv(school.id, path, skip_bad_rows=True)
    assert (result.added, result.skipped) == (2, 3)
    assert sorted(n.code for n in network.for_school(school.id)) == ["6301000011", "6301000012"]


def test_a_file_without_code_or_name_columns_is_refused(memory_workspace: Workspace, school,
                                                        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path / "wrong.csv", ["เลขที่,ที่อยู่", "1,ลำพูน"])
    with pytest.raises(ValidationError, match="ไม่มีคอลัมน์ รหัสโรงเรียน และ ชื่อโรงเรียน"):
        memory_workspace.network_schools.preview_csv(school.id, path)


def test_a_removed_school_comes_back_on_import(memory_workspace: Workspace, school,
                                               tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    network = memory_workspace.network_schools
    path = write_csv(tmp_path / "network.csv", [HEADER_TH, GOOD_ROWS[0]])
    network.apply_csv(school.id, path)
    (only,) = network.for_school(school.id)
    network.remove(only.id)
    assert network.preview_csv(school.id, path).rows[0].action == "new"
    network.apply_csv(school.id, path)
    assert [n.id for n in network.for_school(school.id)] == [only.id]


# -- lists as Excel for Windows saves them -----------------------------------------------------------
EXCEL_ROWS = [
    ("รหัสโรงเรียน", "ชื่อโรงเรียน", "จำนวนนักเรียน", "จำนวนครู", "ระยะทาง (กม.)"),
    ("6301000011", "โรงเรียนบ้านป่าไม้", "85", "6", "2.5"),
    ("6301000012", 'โรงเรียน "บ้านห้วยน้ำใส"', "๑๒๐", "๘", "๔.๕"),
    ("6301000013", "โรงเรียนบ้านดอยผาหมี, สาขา", "42", "4", "7"),
]


def _excel_file(path: Path, kind: str) -> Path:
    """The list as Excel for Windows writes it: "Unicode Text" (UTF-16 LE with BOM, tabs), "CSV
    UTF-8" (UTF-8 with BOM, commas) or "CSV" in the Thai code page; CRLF line ends, fields quoted
    where needed."""
    import csv
    import io

    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter="\t" if kind == "unicode_text" else ",", lineterminator="\r\n").writerows(EXCEL_ROWS)
    text = buffer.getvalue()
    data = {
        "unicode_text": b"\xff\xfe" + text.encode("utf-16-le"),
        "unicode_text_no_bom": text.encode("utf-16-le"),
        "unicode_text_big_endian": b"\xfe\xff" + text.encode("utf-16-be"),
        "csv_utf8": text.encode("utf-8-sig"),
        "csv_thai": text.encode("cp874"),
    }[kind]
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind", ["unicode_text", "unicode_text_no_bom", "unicode_text_big_endian", "csv_utf8",
                                  "csv_thai"])
def test_every_list_excel_saves_imports_alike(memory_workspace: Workspace, school, tmp_path: Path,
                                              kind: str) -> None:  # type: ignore[no-untyped-def]
    path = _excel_file(tmp_path / ("list.txt" if kind.startswith("unicode") else "list.csv"), kind)
    network = memory_workspace.network_schools
    preview = network.preview_csv(school.id, path)
    assert preview.encoding == {"csv_utf8": "utf-8-sig", "csv_thai": "cp874"}.get(kind, "utf-16")
    assert [row.values for row in preview.rows] == [
        {"code": "6301000011", "name": "โรงเรียนบ้านป่าไม้", "pupils": 85, "teachers": 6, "distance_km": 2.5},
        {"code": "6301000012", "name": 'โรงเรียน "บ้านห้วยน้ำใส"', "pupils": 120, "teachers": 8, "distance_km": 4.5},
        {"code": "6301000013", "name": "โรงเรียนบ้านดอยผาหมี, สาขา", "pupils": 42, "teachers": 4, "distance_km": 7.0},
    ]
    result = network.apply_csv(school.id, path)
    assert (result.added, result.skipped) == (3, 0)


def test_a_file_that_cannot_be_read_says_what_was_tried_and_how_to_save_it(memory_workspace: Workspace, school,
                                                                           tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "list.csv"
    path.write_bytes(("รหัสโรงเรียน,ชื่อ\n".encode("cp874") + b"\xdb\xdc\xdd\xde\xfc\n") * 3)
    with pytest.raises(ValidationError) as raised:
        memory_workspace.network_schools.preview_csv(school.id, path)
    message = str(raised.value)
    for named in ("list.csv", "UTF-8", "UTF-16", "Windows-874", "TIS-620", "CSV UTF-8 (คั่นด้วยจุลภาค)"):
        assert named in message, message


@pytest.mark.parametrize("signature", [b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"])
def test_an_excel_workbook_is_named_as_one(memory_workspace: Workspace, school, tmp_path: Path,
                                           signature: bytes) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "list.xlsx"
    path.write_bytes(signature + bytes(range(256)) * 4)
    with pytest.raises(ValidationError, match="CSV UTF-8") as raised:
        memory_workspace.network_schools.preview_csv(school.id, path)
    assert "Excel" in str(raised.value)


def test_a_stray_nul_does_not_make_a_utf8_list_unreadable(memory_workspace: Workspace, school,
                                                          tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path / "network.csv", [HEADER_TH, "6301000011,โรงเรียนบ้าน\x00ป่าไม้,85,6,2.5"], "utf-8-sig")
    preview = memory_workspace.network_schools.preview_csv(school.id, path)
    assert preview.encoding == "utf-8-sig" and preview.rows[0].values["name"] == "โรงเรียนบ้านป่าไม้"


def test_one_nul_in_a_short_utf8_list_is_no_reason_to_refuse_it(memory_workspace: Workspace, school,
                                                                tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """try11a #12: a two-row UTF-8 list with one NUL in a name was refused as "not UTF-8", and told to
    save as CSV UTF-8, which it was."""
    path = tmp_path / "m-nul.csv"
    path.write_bytes((Path(__file__).parent / "fixtures" / "network-one-nul.csv").read_bytes())
    preview = memory_workspace.network_schools.preview_csv(school.id, path)
    assert preview.encoding == "utf-8-sig"
    assert all("\x00" not in str(value) for row in preview.rows for value in row.values.values())


@pytest.mark.parametrize("content", [
    b"\x81\xdb\xfc\xff\x00abc\xfe\xdd" * 20,  # the tester's file: a NUL in every ten bytes
    "รหัสโรงเรียน,ชื่อ\n6301000011,โรงเรียนบ้านป่าไม้\n".encode("utf-8").replace(b",", b"\x00,") * 4,
])
def test_a_file_full_of_nuls_is_not_taken_for_utf16_but_says_what_was_tried(
        memory_workspace: Workspace, school, tmp_path: Path, content: bytes) -> None:  # type: ignore[no-untyped-def]
    """Issue 11 #16: a file with ~10 % NUL bytes was read as UTF-16 and reported as "ไม่มีคอลัมน์ …"."""
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as raised:
        memory_workspace.network_schools.preview_csv(school.id, path)
    message = str(raised.value)
    assert "ไม่มีคอลัมน์" not in message
    for named in ("list.csv", "UTF-8", "UTF-16", "Windows-874", "CSV UTF-8 (คั่นด้วยจุลภาค)"):
        assert named in message, message


@pytest.mark.parametrize("mark", ["\u200b", "\u200d", "\u2060", "\u00ad", "\u200f", "\ufeff"])
def test_an_invisible_character_pasted_into_a_number_is_ignored(memory_workspace: Workspace, school,
                                                                mark: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 11 (tester 11b, finding 4)."""
    added = memory_workspace.network_schools.add(
        school.id, code=f"6301000011{mark}", name="โรงเรียนบ้านป่าไม้", pupils=f"85{mark}",
        teachers=f"{mark}6", distance_km=f"2.5{mark}")
    assert (added.code, added.pupils, added.teachers, added.distance_km) == ("6301000011", 85, 6, 2.5)


def test_a_list_with_codes_excel_turned_into_numbers_says_how_to_fix_it(
        memory_workspace: Workspace, school, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 11 (tester 11b, finding 12): a leading ' is stripped; 6.301E+09 gets a hint."""
    path = write_csv(tmp_path / "network.csv", [HEADER_TH, "'6301000011,โรงเรียนบ้านป่าไม้,85,6,2.5",
                                                "6.301E+09,โรงเรียนบ้านห้วยน้ำใส,120,8,4.5"])
    preview = memory_workspace.network_schools.preview_csv(school.id, path)
    assert preview.rows[0].values["code"] == "6301000011"
    problems = [problem for row in preview.bad_rows for problem in row.problems]
    assert len(problems) == 1 and problems[0].startswith("บรรทัดที่ ๓: ")
    assert "จัดรูปแบบคอลัมน์รหัสเป็นข้อความใน Excel" in problems[0]


def test_a_comma_groups_thousands_and_a_lone_decimal_comma_is_asked_about(  # type: ignore[no-untyped-def]
        memory_workspace: Workspace, school, tmp_path: Path) -> None:
    """Issue 11 (F11e 3): "1,200" in a list's distance column was stored as 1.2 km. Thai writing
    groups thousands with the comma: "1,200" is 1200 in the preview and in the database; "1,5" is
    refused with a Thai message asking for 1.5; head counts and typed values follow the same rule."""
    path = write_csv(tmp_path / "network.csv", [
        HEADER_TH,
        "6301000011,โรงเรียนบ้านป่าไม้,\"1,234\",6,\"1,200\"",
        "6301000012,โรงเรียนบ้านห้วยน้ำใส,85,6,\"1,5\"",
        "6301000013,โรงเรียนบ้านดอย,\"1,5\",6,2",
    ])
    network = memory_workspace.network_schools
    preview = network.preview_csv(school.id, path)
    assert preview.rows[0].values["distance_km"] == 1200 and preview.rows[0].values["pupils"] == 1234
    assert not preview.rows[0].problems
    assert any("1.5" in problem and "บรรทัดที่ ๓" in problem for problem in preview.rows[1].problems)
    assert any("1.5" in problem for problem in preview.rows[2].problems)  # not 15 pupils
    result = network.apply_csv(school.id, path, skip_bad_rows=True)
    assert (result.added, result.skipped) == (1, 2)
    stored = network.for_school(school.id)[0]
    assert stored.distance_km == 1200 and stored.pupils == 1234
    with pytest.raises(ValidationError, match="1.5"):
        network.add(school.id, code="6301000014", name="โรงเรียนบ้านใหม่", distance_km="1,5")
    with pytest.raises(ValidationError, match="1,200"):
        network.add(school.id, code="6301000014", name="โรงเรียนบ้านใหม่", pupils="12,00")
    assert parse_distance("๑,๒๐๐ กม.") == 1200 and parse_distance("12,345.5") == 12345.5
    with pytest.raises(ValidationError):
        memory_workspace.schools.update(school.id, pupils="1,5")
    assert memory_workspace.schools.update(school.id, pupils="1,250").pupils == 1250
