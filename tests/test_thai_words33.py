"""Thai compound words the programme prints kept whole (s33 V1, V3, B3): money terms such as
เบิกจ่าย, งบประมาณ, ปีงบประมาณ never part at a line end, in print (pythainlp's tokenizer fed the
programme's word list) and in a word-wrapped label (:mod:`ui.common.wrapping`)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop.reports.progress import write_progress_report
from qualityschool_desktop.thai_words import COMPOUNDS
from qualityschool_desktop.typeset.segment import units, word_boundaries
from qualityschool_desktop.workspace import Workspace

from .demo_cache import DEMO_INSTALLATION, copy_demo
from .pdf_checks import needs_poppler, pdftotext

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize("word", sorted(COMPOUNDS))
def test_every_compound_is_one_unit_between_other_words(word: str) -> None:
    text = f"และ{word}และ"
    start = text.index(word)
    inside = set(range(start + 1, start + len(word)))
    assert not inside & word_boundaries(text), units(text)


def test_money_terms_are_not_split() -> None:
    text = "งบประมาณตามแผน ๑,๔๖๗,๐๒๒ บาท เบิกจ่ายจริง ๕๐๙,๗๔๐ บาท ปีงบประมาณ ๒๕๗๐"
    assert "เบิกจ่ายจริง" in units(text) or any(u.startswith("เบิกจ่าย") for u in units(text)), units(text)
    assert "เบิก" not in units(text), units(text)


@needs_poppler
def test_progress_pdf_grand_total_keeps_เบิกจ่าย_whole(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    db = copy_demo(tmp_path / "demo.sqlite3", tmp_path_factory, today=TODAY)
    with Workspace.open(db, installation=DEMO_INSTALLATION) as workspace:
        target = write_progress_report(workspace, 2570, tmp_path / "projects.pdf", period="H1", office="all",
                                       digits="thai")
    lines = [line.strip() for line in pdftotext(Path(target), "-layout").splitlines() if line.strip()]
    total = [line for line in lines if "รวมทุกกลุ่มโครงการ" in line]
    assert total, lines
    assert not [line for line in lines if re.search(r"เบิก$", line) or line.startswith("จ่าย")], \
        [line for line in lines if "เบิก" in line or "จ่าย" in line]
