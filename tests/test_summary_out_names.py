"""``report summary --out x.docx`` does not write a PDF under a Word name (issue 13, tester's F18):
it is refused in Thai, pointing to --docx, before anything is written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.workspace import Workspace


@pytest.mark.parametrize(("name", "option"), [("x.docx", "--docx"), ("x.DOCX", "--docx"), ("x.xlsx", "--xlsx"),
                                            ("x.doc", "--docx x.docx")])
def test_out_with_a_word_or_excel_name_is_refused(tmp_path: Path, name: str, option: str) -> None:
    path = tmp_path / "office.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        workspace.inspection_rounds.define(2569, 2)
        workspace.office_texts.set_text(2569, 2, "office", "สำนักงานศึกษาธิการจังหวัดตาก")
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["report", "summary", "--db", str(path), "--year", "2569", "--round", "2",
                                "--out", str(tmp_path / name)]), out=out, err=err)
    assert status == 2
    assert option in err.getvalue() and "PDF" in err.getvalue()
    assert not (tmp_path / name).exists()
