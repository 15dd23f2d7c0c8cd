"""``report summary`` without the office's name (issue 13, open after s22): the PDF and the Word
copy open with the office's name, so without one (none stored for the round, none in --texts)
they are refused with a Thai message and exit 2 rather than printed with a blank title; the
tables (XLSX, CSV) and a report of one area office (its name is the title) are written."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop import cli
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    with Workspace.open(path, installation=DEMO_INSTALLATION) as workspace:
        workspace.office_texts.set_text(2569, 2, "office", "")  # the demo names its rounds' office: cleared
    return path


def _cli(*argv: str) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(cli.parse(list(argv)), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_no_office_name_no_pdf_nor_word_copy(demo: Path, tmp_path: Path) -> None:
    pdf, word = tmp_path / "s.pdf", tmp_path / "s.docx"
    base = ("report", "summary", "--db", str(demo), "--year", "2569", "--round", "2")
    for output in (("--out", str(pdf)), ("--docx", str(word)), ("--by-area-office", "--out", str(pdf))):
        code, out, err = _cli(*base, *output)
        assert code == 2 and out == ""
        assert "ยังไม่ได้ระบุชื่อหน่วยงานของปีงบประมาณ ๒๕๖๙ รอบที่ ๒" in err and "--texts" in err
    assert not pdf.exists() and not word.exists()
    # One area office's report is titled with its name; the tables carry no title block.
    code, _out, err = _cli(*base, "--area-office", "สพป.ตาก เขต 1", "--out", str(pdf))
    assert code == 0, err
    code, _out, err = _cli(*base, "--xlsx", str(tmp_path / "s.xlsx"))
    assert code == 0, err


def test_the_name_from_texts_is_enough(demo: Path, tmp_path: Path) -> None:
    texts = tmp_path / "texts.json"
    texts.write_text(json.dumps({"office": "สำนักงานศึกษาธิการจังหวัดตาก"}, ensure_ascii=False), encoding="utf-8")
    word = tmp_path / "s.docx"
    code, _out, err = _cli("report", "summary", "--db", str(demo), "--year", "2569", "--round", "2",
                           "--texts", str(texts), "--docx", str(word))
    assert code == 0, err
    import docx

    assert any("สำนักงานศึกษาธิการจังหวัดตาก" in p.text for p in docx.Document(str(word)).paragraphs)
