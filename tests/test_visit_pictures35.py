"""Pictures a supervisor attached to a visit (jpg/png) printed after the record under ภาพประกอบ,
as wide as the text, each with its file name under it, in the PDF (pdfimages lists them) and in
the Word copy; a damaged picture is named as not printed and never stops the print."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from qualityschool_desktop.reports.blocks import TEXT_WIDTH
from qualityschool_desktop.reports.visit import write_visit_report
from qualityschool_desktop.reports.visit.word import write_visit_docx
from qualityschool_desktop.workspace import Workspace

from .pdf_checks import needs_poppler, pdftotext
from .test_visit_word35 import text_of

WIDE = "ภาพห้องสมุด.png"
TALL = "photo2.jpg"
BROKEN = "กล้องเสีย.jpg"
NOT_A_PICTURE = "แผนงาน.pdf"


@pytest.fixture
def visit_id(file_workspace: Workspace, tmp_path: Path) -> str:
    ws = file_workspace
    school = ws.schools.add(code="6301000001", name="โรงเรียนทดสอบวิทยา", district="เมืองตาก", province="ตาก")
    visit = ws.visits.start(school.id, visited_on=date(2026, 11, 12))
    ws.visits.add_person(visit.id, "visitor", "นางสาวสมศรี ดีงาม", "ศึกษานิเทศก์")
    folder = tmp_path / "photos"
    folder.mkdir()
    Image.new("RGB", (800, 400), (200, 40, 40)).save(folder / WIDE)
    Image.new("RGB", (300, 900), (40, 90, 200)).save(folder / TALL, quality=85)
    (folder / BROKEN).write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    (folder / NOT_A_PICTURE).write_bytes(b"%PDF-1.4 nothing")
    ws.visits.add_attachment(visit.id, "1", folder / WIDE)
    ws.visits.add_attachment(visit.id, "", folder / TALL)
    ws.visits.add_attachment(visit.id, "", folder / BROKEN)
    ws.visits.add_attachment(visit.id, "", folder / NOT_A_PICTURE)
    return visit.id


@needs_poppler
@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler's pdfimages not installed")
def test_the_pdf_prints_the_pictures_after_the_record(file_workspace: Workspace, visit_id: str, tmp_path: Path) -> None:
    pymupdf = pytest.importorskip("pymupdf")
    target = tmp_path / "visit.pdf"
    write_visit_report(file_workspace, visit_id, target)
    listing = subprocess.run(["pdfimages", "-list", str(target)], capture_output=True, text=True, check=True).stdout
    images = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert sorted((int(row[3]), int(row[4])) for row in images) == [(300, 900), (800, 400)]
    text = re.sub(r"\s+", " ", pdftotext(target, "-raw"))
    signatures = text.index("ผู้นิเทศและผู้รับการนิเทศได้ร่วมกันพิจารณาบันทึกนี้แล้ว")
    pictures = text.index("ภาพประกอบ", signatures)  # after the record
    assert text.index(WIDE, pictures) and text.index(TALL, pictures)
    assert BROKEN in text[pictures:] and "พิมพ์ภาพไม่ได้" in text[pictures:]
    assert NOT_A_PICTURE not in text[pictures:]  # not a picture: named with the files, not here
    with pymupdf.open(target) as doc:
        boxes = [info["bbox"] for page in doc for info in page.get_image_info()]
    widths = sorted(round(box[2] - box[0], 1) for box in boxes)
    assert widths[-1] == pytest.approx(TEXT_WIDTH, abs=1)  # the wide one as wide as the text
    heights = [box[3] - box[1] for box in boxes]
    assert max(heights) < 842 - 2 * 56  # the tall one fits a page


def test_the_word_copy_holds_the_same_pictures(file_workspace: Workspace, visit_id: str, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    target = tmp_path / "visit.docx"
    write_visit_docx(file_workspace, visit_id, target)
    with zipfile.ZipFile(target) as archive:
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
    assert len(media) == 2
    document = docx.Document(str(target))
    text = "\n".join(text_of(target))  # the body and its tables, in order
    pictures = text.index("ภาพประกอบ", text.index("ผู้นิเทศและผู้รับการนิเทศได้ร่วมกันพิจารณาบันทึกนี้แล้ว"))
    assert WIDE in text[pictures:] and TALL in text[pictures:] and BROKEN in text[pictures:]
    shapes = document.inline_shapes
    assert len(shapes) == 2
    assert max(shape.width for shape in shapes) == pytest.approx(docx.shared.Cm(16), rel=0.01)
