"""Network schools of a quality school: typed in, edited, removed and restored, imported from CSV
files as Thai Excel writes them (UTF-8 with or without BOM, Windows-874)."""

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
    assert parse_distance("3,5") == 3.5


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
