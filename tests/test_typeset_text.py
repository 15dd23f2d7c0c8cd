"""The Thai typesetting engine gives back exactly the Thai it was given, and breaks lines only
between words — read from the PDF the way a user copies it (pdftotext, MuPDF)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from qualityschool_desktop.typeset import ThaiParagraph, build_pdf, make_styles
from qualityschool_desktop.typeset.sample import sample_paragraphs
from qualityschool_desktop.typeset.segment import inside_cluster, word_boundaries

from .pdf_checks import match as _match
from .pdf_checks import needs_poppler
from .pdf_checks import pdftotext as _pdftotext
from .pdf_checks import text_lines as _text_lines

@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], int]:
    paragraphs = list(sample_paragraphs())
    styles = make_styles()
    path = tmp_path_factory.mktemp("typeset") / "sample.pdf"
    pages = build_pdf(path, [ThaiParagraph(text, styles["body"]) for text in paragraphs])
    return path, paragraphs, pages


@needs_poppler
@pytest.mark.parametrize("mode", ["-layout", "-raw"])
def test_pdftotext_gives_back_exactly_the_thai_that_was_written(sample: tuple[Path, list[str], int], mode: str) -> None:
    path, paragraphs, pages = sample
    assert pages >= 3
    _match(paragraphs, _text_lines(_pdftotext(path, mode)))


def test_mupdf_gives_back_exactly_the_thai_that_was_written(sample: tuple[Path, list[str], int]) -> None:
    pymupdf = pytest.importorskip("pymupdf")
    path, paragraphs, _pages = sample
    with pymupdf.open(path) as doc:
        text = "\n".join(page.get_text() for page in doc)
    # One checklist text has a doubled tone mark (ใช้้, a typo in the source). It comes back as
    # written: the second mark belongs to the word's cluster (a line may not start with a mark), so
    # it is drawn inside the cluster's /ActualText, which MuPDF keeps. (Set apart, as a word of its
    # own, MuPDF dropped it as duplicated "fake bold" text.)
    _match(paragraphs, _text_lines(text))


@needs_poppler
def test_lines_break_only_between_words(sample: tuple[Path, list[str], int]) -> None:
    path, paragraphs, _pages = sample
    spans = _match(paragraphs, _text_lines(_pdftotext(path, "-layout")))
    boundaries = [word_boundaries(text) for text in paragraphs]
    for index, start, end in spans:
        assert start in boundaries[index], f"a line starts inside a word: {paragraphs[index][start - 5:start + 5]!r}"
        assert end in boundaries[index], f"a line ends inside a word: {paragraphs[index][end - 5:end + 5]!r}"
        assert not inside_cluster(paragraphs[index][start]), f"a line starts with a mark: {paragraphs[index][start:end]!r}"
    # Real line breaks happened (the check above is not vacuous), and mid-text ones without spaces.
    inner = [(i, end) for i, _s, end in spans if end < len(paragraphs[i])]
    assert len(inner) > 50
    assert any(not paragraphs[i][end].isspace() for i, end in inner)


@needs_poppler
def test_a_paragraph_split_across_pages_keeps_every_line(sample: tuple[Path, list[str], int]) -> None:
    path, paragraphs, pages = sample
    per_page = [
        _text_lines(subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"], capture_output=True, text=True, encoding="utf-8", check=True
        ).stdout)
        for n in range(1, pages + 1)
    ]
    assert all(per_page), "an empty page"
    spans = _match(paragraphs, [line for page in per_page for line in page])
    # The longest paragraph starts on one page and ends on another.
    longest = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
    line_pages = [n for n, page in enumerate(per_page) for _ in page]
    its_pages = {line_pages[k] for k, (i, _s, _e) in enumerate(spans) if i == longest}
    assert len(its_pages) >= 2


def test_page_numbers_count_the_pages_in_thai_digits(sample: tuple[Path, list[str], int]) -> None:
    pymupdf = pytest.importorskip("pymupdf")
    path, _paragraphs, pages = sample
    thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    with pymupdf.open(path) as doc:
        for number, page in enumerate(doc, start=1):
            assert f"หน้า {number} / {pages}".translate(thai) in page.get_text()


def test_page_numbers_in_arabic_digits_when_the_document_asks(tmp_path: Path) -> None:
    pymupdf = pytest.importorskip("pymupdf")
    path = tmp_path / "arabic.pdf"
    build_pdf(path, [ThaiParagraph("ทดสอบเลขหน้า", make_styles()["body"])], digits="arabic")
    with pymupdf.open(path) as doc:
        assert "หน้า 1 / 1" in doc[0].get_text()


def test_bold_runs_and_alignment_keep_their_text(tmp_path: Path) -> None:
    pymupdf = pytest.importorskip("pymupdf")
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT

    from qualityschool_desktop.typeset import Run

    styles = make_styles()
    runs = [Run("ผู้อำนวยการ"), Run("โรงเรียนบ้านหนองน้ำ", bold=True), Run(" ยืนยันผลการประเมินตนเอง")]
    story = [ThaiParagraph(runs, styles["body"])] + [
        ThaiParagraph(text, styles["body"].clone(f"a{align}", alignment=align))
        for align, text in ((TA_CENTER, "กึ่งกลาง"), (TA_RIGHT, "ชิดขวา"), (TA_JUSTIFY, next(sample_paragraphs())))
    ]
    path = tmp_path / "runs.pdf"
    build_pdf(path, story)
    with pymupdf.open(path) as doc:
        page = doc[0]
        text = page.get_text()
        fonts = {span["font"] for span in page.get_texttrace()}
    assert "ผู้อำนวยการโรงเรียนบ้านหนองน้ำ ยืนยันผลการประเมินตนเอง" in text
    assert {"Sarabun-Regular", "Sarabun-Bold"} <= fonts
    assert "กึ่งกลาง" in text and "ชิดขวา" in text


def test_no_single_line_is_left_alone_at_a_page_break() -> None:
    from qualityschool_desktop.typeset import ThaiParagraph, make_styles

    style = make_styles()["body"]
    text = "ความร่วมมือระหว่างสำนักงานเขตพื้นที่การศึกษาและโรงเรียนคุณภาพในสังกัด " * 6
    paragraph = ThaiParagraph(text, style)
    width = 200.0
    _, height = paragraph.wrap(width, 10_000)
    lines = round(height / style.leading)
    assert lines >= 5
    # Room for one line only: the paragraph moves to the next page whole.
    assert paragraph.split(width, style.leading * 1.5) == []
    # Room for all but one line: two lines go over, never one.
    head, tail = paragraph.split(width, style.leading * (lines - 1))
    assert round(head.wrap(width, 10_000)[1] / style.leading) == lines - 2
    assert round(tail.wrap(width, 10_000)[1] / style.leading) == 2
