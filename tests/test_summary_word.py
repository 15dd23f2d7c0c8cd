"""The summary's Word copy (issue 13): python-docx reads back the same sections, as real headings,
and the same tables, as real tables, as the PDF; Sarabun at the form's sizes; Thai digits when
chosen; ``report summary --docx`` with ``--texts``."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from qualityschool_desktop import cli
from qualityschool_desktop.inspection import load_layout
from qualityschool_desktop.reports.summary import write_summary_report
from qualityschool_desktop.reports.summary.word import SARABUN, SARABUN_SCALE, write_summary_docx
from qualityschool_desktop.thai import DigitText
from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo
from tests.pdf_checks import needs_poppler, pdftotext
from tests.test_summary_layouts import assert_in_order

TODAY = date(2026, 11, 23)
TEXTS = {"office": "สำนักงานศึกษาธิการจังหวัดตาก", "suggestions": "ควรจัดทำคู่มือการขับเคลื่อนให้ชัดเจน",
         "problems": [{"problem": "อาคารเรียนมีอายุเกิน ๔๕ ปี", "solution": "ขอสนับสนุนงบประมาณ",
                       "expected": "อาคารเรียนมั่นคงแข็งแรง"}]}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("word") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    return path


def _headings(document: docx.document.Document) -> list[tuple[int, str]]:
    return [(int(p.style.name.split()[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


def _headers(document: docx.document.Document) -> list[list[str]]:
    return [[cell.text for cell in table.rows[0].cells] for table in document.tables]


@pytest.mark.parametrize("round", [1, 2])
def test_the_word_copy_has_the_forms_headings_and_tables(demo: Path, tmp_path: Path, round: int) -> None:
    target = tmp_path / f"round{round}.docx"
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_docx(workspace, target, fiscal_year=2569, round=round, texts=TEXTS, family=SARABUN)
    document = docx.Document(str(target))
    layout, t = load_layout(f"round{round}"), DigitText("thai")
    headings = _headings(document)
    assert headings[0] == (1, t(layout.topic))
    # Every section of the form, at its level, in order; the per-component ones a level under their section's.
    sections = {t(s.heading) for _, s in layout.walk()}
    assert [h for h in headings if h[1] in sections] == [(2 + depth, t(s.heading)) for depth, s in layout.walk()]
    assert {level for level, text in headings[1:] if text not in sections} == {4 if round == 2 else 3}
    components = [text for level, text in headings[1:] if text not in sections]
    assert components[0] == ("๑.๑) " if round == 2 else "๒.๑) ") + "ด้านโครงสร้างพื้นฐานและระบบสนับสนุนผู้เรียน"
    assert len(components) == 5
    headers = _headers(document)
    assert headers[0] == ["ที่", "อำเภอ", "โรงเรียน", "ผลการประเมิน"]
    if round == 2:
        assert headers[-1] == ["ปัญหา/อุปสรรค", "แนวทางการแก้ไขปัญหา", "ผลที่คาดว่าจะได้รับ"]
        problems = document.tables[-1]
        assert [c.text for c in problems.rows[1].cells] == ["๑. อาคารเรียนมีอายุเกิน ๔๕ ปี", "๑. ขอสนับสนุนงบประมาณ",
                                                             "อาคารเรียนมั่นคงแข็งแรง"]
        # The header row repeats on every page.
        assert problems.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    text = "\n".join(p.text for p in document.paragraphs)
    assert "รอบที่ ๒ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙" in text if round == 2 else "รอบที่ ๑ ประจำปีงบประมาณ" in text
    assert "ควรจัดทำคู่มือการขับเคลื่อนให้ชัดเจน" in text and "สำนักงานศึกษาธิการจังหวัดตาก" in text


@needs_poppler
def test_the_pdf_and_the_word_copy_hold_the_same_sections_and_tables(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_docx(workspace, tmp_path / "s.docx", fiscal_year=2569, round=2, family=SARABUN)
        write_summary_report(workspace, tmp_path / "s.pdf", fiscal_year=2569, round=2)
    document = docx.Document(str(tmp_path / "s.docx"))
    pdf = pdftotext(tmp_path / "s.pdf", "-raw")
    assert_in_order(pdf, [text for _, text in _headings(document)])
    # Every table's header row, in the same order.
    # districts, readiness, bands, schools by band, not reported this round (six on round 1's result), problems
    assert len(document.tables) == 6
    assert_in_order(pdf, [" ".join(header) for header in _headers(document)])


def test_sarabun_at_the_forms_sizes_in_every_script(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_docx(workspace, tmp_path / "s.docx", fiscal_year=2569, round=2, family=SARABUN,
                           digits="arabic")
    document = docx.Document(str(tmp_path / "s.docx"))
    sizes = load_layout("round2").sizes
    runs = [run for p in document.paragraphs for run in p.runs if run.text]
    for run in runs:
        fonts = run._element.rPr.find(qn("w:rFonts"))
        assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:cs")} == {SARABUN}
    body = next(p for p in document.paragraphs if p.text.startswith("นโยบายการตรวจฯ"))
    size = body.runs[0]._element.rPr.find(qn("w:szCs")).get(qn("w:val"))
    assert int(size) == round(sizes["body"] * SARABUN_SCALE * 2)
    headings = [text for _, text in _headings(document)]
    assert "6.2 ผลการดำเนินงานการขับเคลื่อนนโยบายฯ จัดให้มีโรงเรียนคุณภาพ 1 โรงเรียน ต่อ 1 อำเภอ" in headings
    assert not re.search("[๐-๙]", "\n".join(headings))
    assert document.sections[0].page_width.cm == pytest.approx(21.0, abs=0.01)


def test_cli_writes_the_word_copy_with_the_office_texts(demo: Path, tmp_path: Path) -> None:
    texts = tmp_path / "texts.json"
    # An emoji Sarabun lacks: the Word copy warns as the PDF does (issue 11), saying Word may draw it otherwise.
    texts.write_text(json.dumps({**TEXTS, "good_practices": "ครูเข้มแข็ง 😀"}, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "สรุป.docx"
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["report", "summary", "--db", str(demo), "--year", "2569", "--round", "2",
                                "--texts", str(texts), "--docx", str(target)]), out=out, err=err)
    assert status == 0, err.getvalue()
    assert out.getvalue().strip() == str(target)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "ควรจัดทำคู่มือการขับเคลื่อนให้ชัดเจน" in text and "ครูเข้มแข็ง 😀" in text
    assert "ฟอนต์ของเอกสาร Word" in err.getvalue() and "แบบอย่างที่ดี: 😀" in err.getvalue(), err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["report", "summary", "--db", str(demo), "--year", "2569", "--round", "3",
                                "--docx", str(tmp_path / "x.docx")]), out=out, err=err)
    assert status == 2 and "ยังไม่ได้กำหนดรอบการตรวจราชการที่ ๓" in err.getvalue()
    assert not (tmp_path / "x.docx").exists()


def test_a_long_office_name_trims_the_word_title_property_and_keeps_the_body_whole(  # type: ignore[no-untyped-def]
        demo: Path, tmp_path: Path) -> None:
    """Issue 11 (F11e 4): an office name of 200–255 characters made ``report summary --docx``
    crash (python-docx refuses a core property over 255 characters). The document's title
    property is trimmed (at a whole character, not inside a sara am); the body keeps it whole."""
    import shutil

    copy = tmp_path / "demo.sqlite3"
    shutil.copy(demo, copy)
    office = "สำนักงานศึกษาธิการจังหวัดตาก" + "ก" * 200 + "ำ" + "น" * 20
    texts = tmp_path / "texts.json"
    texts.write_text(json.dumps(dict(TEXTS, office=office), ensure_ascii=False), encoding="utf-8")
    target, xlsx = tmp_path / "summary.docx", tmp_path / "summary.xlsx"
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["report", "summary", "--db", str(copy), "--year", "2569", "--round", "2",
                                "--texts", str(texts), "--docx", str(target), "--xlsx", str(xlsx)]), out=out, err=err)
    assert status == 0, err.getvalue()
    assert out.getvalue().split() == [str(target), str(xlsx)]
    document = docx.Document(str(target))
    title = document.core_properties.title
    assert 0 < len(title) <= 255 and title.startswith("แบบรายงานผลการตรวจราชการ")
    assert len(document.core_properties.author) <= 255
    assert any(office in p.text for p in document.paragraphs)


def test_a_failing_output_does_not_stop_the_others_and_is_told(  # type: ignore[no-untyped-def]
        demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 11 (F11e 4): the Word copy failing left the XLSX unwritten and the PDF already written
    unmentioned. Every output is tried; those written are listed, the failed one is named with its
    reason and the exit status says it failed."""
    from qualityschool_desktop.reports.summary import word

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("boom")

    monkeypatch.setattr(word, "write_summary_docx", broken)
    pdf, target, xlsx = tmp_path / "s.pdf", tmp_path / "s.docx", tmp_path / "s.xlsx"
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["report", "summary", "--db", str(demo), "--year", "2569", "--round", "2",
                                "--out", str(pdf), "--docx", str(target), "--xlsx", str(xlsx)]), out=out, err=err)
    assert status == 2
    assert pdf.exists() and xlsx.exists() and not target.exists()
    assert out.getvalue().split() == [str(pdf), str(xlsx)]
    assert str(target) in err.getvalue() and "ValueError: boom" in err.getvalue()
