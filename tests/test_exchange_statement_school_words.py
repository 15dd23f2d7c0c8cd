"""TEST31b U6: a warning about a school's owner statement names the school by its code and name,
also when the school is new here (a preview writes nothing), and never passes an internal id
through the reader's digit style ("โรงเรียน ๐๖๑๐๗ccb")."""

from __future__ import annotations

from qualityschool_desktop import exchange
from qualityschool_desktop.thai import in_style
from qualityschool_desktop.workspace import Workspace
from tests.laptops import CODE_A, NAME_A, laptops, start_school  # noqa: F401 (fixture)
from tests.test_exchange_accept_owners import Laptops

THAI_CODE = "๖๓๐๑๐๐๐๐๐๑"


def test_a_new_school_s_statement_signed_by_another_key_is_named_by_code_and_name(laptops: Laptops) -> None:  # noqa: F811
    school, stray, office = laptops("school-b"), laptops("stray"), laptops("office")
    with school.open() as workspace:
        start_school(workspace)
    stray.activate()  # the export ran with another data folder's key (the tester's set-up)
    with Workspace.open(school.db) as workspace:
        sent = exchange.export_file(workspace, school.root / "b.qsx").path
    preview = office.preview(sent)
    warning = next(w for w in preview.warnings if "คำรับรองเจ้าของโรงเรียน" in str(w))
    assert f"คำรับรองเจ้าของโรงเรียน {CODE_A} ({NAME_A}) ที่ไม่ได้ลงนาม" in str(warning), str(warning)
    assert f"คำรับรองเจ้าของโรงเรียน {THAI_CODE} ({NAME_A}) ที่ไม่ได้ลงนาม" in in_style(warning, "thai")
    result = office.import_(sent)  # the import (the school is in the database by then) says the same
    assert any(f"คำรับรองเจ้าของโรงเรียน {CODE_A} ({NAME_A}) ที่ไม่ได้ลงนาม" in str(w) for w in result.warnings)
