"""``--out`` (and ``--docx``, ``--xlsx``, the files of ``--csv``) naming an existing file that is
not of the command's output kind, above all ANOTHER SQLite database, is refused: Thai message,
exit 2, the file untouched (issue 12, try12c finding 1: ``schools --json --out real.sqlite3``
replaced the user's real database with a listing, rc 0). A file of the same kind (a PDF over a
PDF) may still be replaced.
"""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop.workspace import Workspace
from .demo_cache import DEMO_INSTALLATION, copy_demo
from .test_cli import run

TODAY = date(2026, 11, 23)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        workspace.schools.add(code="6302000001", name="โรงเรียนบ้านแม่สอด")
    return path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    with Workspace.open(path, installation=DEMO_INSTALLATION) as workspace:
        workspace.office_texts.set_text(2569, 2, "office", "สำนักงานศึกษาธิการจังหวัดตาก")  # the PDF asks for it
    return path


@pytest.fixture
def other_db(tmp_path: Path) -> Path:
    """The user's real database, not the one the command reads."""
    path = tmp_path / "real.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        workspace.schools.add(code="6302000002", name="โรงเรียนบ้านพะวอ")
    return path


COMMANDS = {
    "schools --json": lambda db, target: ["schools", "--db", str(db), "--json", "--out", str(target)],
    "schools": lambda db, target: ["schools", "--db", str(db), "--out", str(target)],
    "signers": lambda db, target: ["signers", "--db", str(db), "--out", str(target)],
    "signers --json": lambda db, target: ["signers", "--db", str(db), "--json", "--out", str(target)],
    "report self-assessment": lambda db, target: [
        "report", "self-assessment", "--db", str(db), "--school", "6302000001", "--out", str(target)],
    "report visit": lambda db, target: ["report", "visit", "--db", str(db), "--visit", "1", "--out", str(target)],
    "report summary --out": lambda db, target: [
        "report", "summary", "--db", str(db), "--year", "2569", "--round", "1", "--out", str(target)],
    "report summary --docx": lambda db, target: [
        "report", "summary", "--db", str(db), "--year", "2569", "--round", "1", "--docx", str(target)],
    "report summary --xlsx": lambda db, target: [
        "report", "summary", "--db", str(db), "--year", "2569", "--round", "1", "--xlsx", str(target)],
    "export": lambda db, target: ["export", "--db", str(db), "--out", str(target)],
}


def names_in(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM schools")]


@pytest.mark.parametrize("command", list(COMMANDS))
def test_out_naming_another_database_is_refused(db: Path, other_db: Path, command: str) -> None:
    target = other_db
    if command == "export":  # export adds .qsx to a name without it: a database so named
        target = other_db.with_name("real.qsx")
        other_db.rename(target)
    before = target.read_bytes()
    status, out, err = run(*COMMANDS[command](db, target))
    assert status == 2, err
    assert "ฐานข้อมูล" in err and "เลือกชื่อไฟล์อื่น" in err, err
    assert out == ""
    assert target.read_bytes() == before
    assert names_in(target) == ["โรงเรียนบ้านพะวอ"]


def _zip(path: Path, member: str) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, "x")


OTHER_FILES = {
    "a photo": lambda path: path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256))),
    "a PDF": lambda path: path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
    "a Word file": lambda path: _zip(path, "word/document.xml"),
}


@pytest.mark.parametrize("existing", list(OTHER_FILES))
@pytest.mark.parametrize("command", ["schools --json", "signers", "report self-assessment", "report summary --xlsx"])
def test_out_naming_a_file_of_another_kind_is_refused(db: Path, tmp_path: Path, command: str, existing: str) -> None:
    target = tmp_path / "something"
    OTHER_FILES[existing](target)
    if (command, existing) in {("report self-assessment", "a PDF")}:
        pytest.skip("a PDF over a PDF may be replaced")
    before = target.read_bytes()
    status, out, err = run(*COMMANDS[command](db, target))
    assert status == 2, err
    assert "ไม่ใช่ไฟล์" in err and "เลือกชื่อไฟล์อื่น" in err, err
    assert target.read_bytes() == before


def test_a_pdf_over_a_pdf_and_a_listing_over_a_listing_are_replaced(demo: Path, tmp_path: Path) -> None:
    db = demo
    pdf = tmp_path / "report.pdf"
    assert run("report", "summary", "--db", str(db), "--year", "2569", "--round", "2", "--out", str(pdf))[0] == 0
    first = pdf.read_bytes()
    pdf.write_bytes(first + b"\n% an older copy")
    status, _, err = run("report", "summary", "--db", str(db), "--year", "2569", "--round", "2", "--out", str(pdf))
    assert status == 0, err
    assert pdf.read_bytes().startswith(b"%PDF-") and not pdf.read_bytes().endswith(b"older copy")
    listing = tmp_path / "schools.json"
    listing.write_text("old listing, not even JSON\n", encoding="utf-8")
    status, _, err = run(*COMMANDS["schools --json"](db, listing))
    assert status == 0, err
    assert "9910000002" in listing.read_text(encoding="utf-8")
    workbook = tmp_path / "tables.xlsx"
    for _ in range(2):
        status, _, err = run("report", "summary", "--db", str(db), "--year", "2569", "--round", "2", "--xlsx", str(workbook))
        assert status == 0, err


def test_csv_files_over_a_database_in_the_folder_are_refused(demo: Path, db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    summary = ("report", "summary", "--db", str(demo), "--year", "2569", "--round", "2", "--csv", str(folder))
    status, _, err = run(*summary)
    assert status == 0, err
    written = sorted(folder.iterdir())
    assert written
    victim = written[-1]
    victim.write_bytes(Path(db).read_bytes())
    for path in written[:-1]:
        path.write_text("older table\n", encoding="utf-8")
    status, _, err = run(*summary)
    assert status == 2 and "ฐานข้อมูล" in err, err
    assert victim.read_bytes() == Path(db).read_bytes()
    assert all(path.read_text(encoding="utf-8") == "older table\n" for path in written[:-1])  # nothing half-done


@pytest.mark.parametrize("second", ["--xlsx", "--docx", "--csv"])
def test_two_outputs_naming_one_file_are_refused(demo: Path, tmp_path: Path, second: str) -> None:
    """try14e finding f04: ``--out X.pdf --xlsx X.pdf`` wrote the PDF, then the workbook over it, and
    said both were written (rc 0). Now refused before anything is written."""
    target = tmp_path / "x3.pdf"
    argv = ["report", "summary", "--db", str(demo), "--year", "2569", "--round", "2", "--out", str(target),
            second, str(tmp_path / "." / "x3.pdf")]
    status, out, err = run(*argv)
    assert status == 2, err
    assert "ไฟล์เดียวกัน" in err and "--out" in err and second in err, err
    assert not target.exists() and out == ""


def test_budget_out_and_xlsx_naming_one_file_are_refused(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.pdf"
    status, _, err = run("report", "budget", "--db", str(demo), "--year", "2571", "--out", str(target),
                         "--xlsx", str(target))
    assert status == 2 and "ไฟล์เดียวกัน" in err, err
    assert not target.exists()


def test_the_refusal_spaces_a_latin_kind_name(demo: Path, tmp_path: Path) -> None:
    """try14e: "ไม่ใช่ไฟล์PDF" ran the Thai into the Latin word."""
    target = tmp_path / "listing.pdf"
    target.write_text("not a PDF\n", encoding="utf-8")
    status, _, err = run("report", "summary", "--db", str(demo), "--year", "2569", "--round", "2", "--out", str(target))
    assert status == 2 and "ไม่ใช่ไฟล์ PDF" in err, err
