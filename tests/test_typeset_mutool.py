"""Thai copies out of our PDFs exactly with a reader that ignores /ActualText too: Debian's
MuPDF 1.21 (``mutool draw -F txt``), like the MuPDF inside SumatraPDF, reads only each embedded
font's /ToUnicode. Tone marks and vowels that shaping swapped for a lowered or narrow glyph must
still read as themselves, and ำ reads as ำ (the font's own sara am glyph is drawn, see shaping.py).

Two things such a reader cannot get back. After ป ฝ ฟ with no tone mark, ำ stays two glyphs (a
narrow nikhahit that clears the tall stem, and sara aa; the font's sara am would hit the stem) and
each drawn glyph gives at least one character, so "ปำ" reads "ปํา" — the same text under
compatibility normalisation (NFKC); no Thai word is spelled so. And MuPDF 1.21 puts the pen after a
mark at the mark's origin (its own advance, 0), so a tone mark moved far left over a tall consonant
with an upper vowel (ปั้น, ฝั่ง, ฟื้น) ends 0.16 em short of the next letter and a space is read there.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qualityschool_desktop.typeset import ThaiParagraph, build_pdf, make_styles
from qualityschool_desktop.typeset.sample import sample_paragraphs
from qualityschool_desktop.workspace import Workspace

from .pdf_checks import mutool_text, needs_mutool, needs_poppler, pdftotext, text_lines

WORDS = (
    "ขึ้น เพื่อ ที่ ปี ประจำ น้ำ ต่ำ กี่ ปู่ ญี่ปุ่น ปั้น ฤๅษี ฎีกา ป่ำ สม่ำเสมอ กตัญญู ฐุ ฎุ ฏู ฬุ "
    "สำนักงาน อำเภอ จำนวน รำ ปำ"
)


def _paragraph_pdf(path: Path, text: str, bold: bool = False, italic: bool = False) -> Path:
    style = make_styles()["body"]
    if bold or italic:
        from reportlab.lib.styles import ParagraphStyle

        from qualityschool_desktop.typeset.fonts import font_name

        style = ParagraphStyle("x", parent=style, fontName=font_name(bold=bold, italic=italic))
    build_pdf(path, [ThaiParagraph(text, style)])
    return path


@needs_mutool
@pytest.mark.parametrize(("bold", "italic"), [(False, False), (True, False), (False, True), (True, True)])
def test_mutool_gives_back_the_marks(tmp_path: Path, bold: bool, italic: bool) -> None:
    path = _paragraph_pdf(tmp_path / "words.pdf", WORDS, bold, italic)
    # Exactly, but for ำ after ป with no tone mark and the space after ปั้ (see the module's note).
    expected = WORDS.replace("ปำ", "ป\u0e4d\u0e32").replace("ปั้น", "ปั้ น")
    assert " ".join(text_lines(mutool_text(path))) == expected


@needs_mutool
def test_mutool_gives_back_the_sample_document(tmp_path: Path) -> None:
    paragraphs = list(sample_paragraphs())
    style = make_styles()["body"]
    path = tmp_path / "sample.pdf"
    build_pdf(path, [ThaiParagraph(text, style) for text in paragraphs])
    # Every character in order; spaces aside (see the module's note on ปั้น). One checklist text has
    # a tone mark typed twice (ใช้้): the second one keeps a private code of its own, which
    # MuPDF 1.26 needs to keep it at all (shaping.py), so MuPDF 1.21 shows that code there.
    got = re.sub(r"\s+", "", "".join(text_lines(mutool_text(path))))
    written = re.sub(r"\s+", "", "".join(paragraphs))
    assert len(re.findall("[\ue000-\uf8ff]", got)) == written.count("\u0e49\u0e49") > 0
    assert re.sub("[\ue000-\uf8ff]", "", got) == written.replace("\u0e49\u0e49", "\u0e49")


@needs_mutool
@needs_poppler
def test_mutool_reads_a_report_as_pdftotext_does(memory_workspace: Workspace, tmp_path: Path) -> None:
    from qualityschool_desktop.reports.progress import write_progress_report

    from .test_progress_report import YEAR, seed_004

    seed_004(memory_workspace)
    path = write_progress_report(memory_workspace, YEAR, tmp_path / "progress.pdf", period="H1")
    poppler = re.sub(r"\s+", "", pdftotext(path, "-raw"))
    mupdf = re.sub(r"\s+", "", mutool_text(path))
    assert "ประจำปีงบประมาณ" in poppler
    assert not re.search("[\ue000-\uf8ff]", mupdf), "a private-use character reached the reader"
    assert mupdf == poppler


@pytest.mark.parametrize(("bold", "italic"), [(False, False), (True, False), (False, True), (True, True)])
def test_no_code_of_the_fonts_reads_as_a_private_use_character(tmp_path: Path, bold: bool, italic: bool) -> None:
    """Without mutool: every /ToUnicode entry of every embedded face stands for real text."""
    pymupdf = pytest.importorskip("pymupdf")
    path = _paragraph_pdf(tmp_path / "words.pdf", WORDS, bold, italic)
    targets = []
    with pymupdf.open(path) as doc:
        for xref in range(1, doc.xref_length()):
            kind, ref = doc.xref_get_key(xref, "ToUnicode")
            if kind == "xref":
                cmap = doc.xref_stream(int(ref.split()[0])).decode("latin-1")
                body = cmap.split("beginbfchar", 1)[1].split("endbfchar", 1)[0]
                targets += [bytes.fromhex(t).decode("utf-16-be") for t in re.findall(r"<[0-9A-F]+>\s*<([0-9A-F]+)>", body)]
    assert targets and not [t for t in targets if re.search("[\ue000-\uf8ff]", t)]
