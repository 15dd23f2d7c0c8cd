"""Tables of Thai text: the header repeats on every page and no row is cut across pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qualityschool_desktop.typeset import MARGIN, build_pdf, make_styles, thai_table
from qualityschool_desktop.typeset.sample import checklist_texts

pymupdf = pytest.importorskip("pymupdf")

WIDTHS = (50.0, 290.0, 110.0)
HEADER = ("ข้อ", "ประเด็นการพิจารณา", "ระดับคุณภาพ")


def _column_lines(page: object, column: int) -> list[str]:
    """The text lines of one column, top to bottom (page number excluded), taking each character
    by where it is drawn (MuPDF merges a table row's cells into one line)."""
    left = MARGIN + sum(WIDTHS[:column])
    lines: dict[float, str] = {}
    raw = page.get_text("rawdict", sort=True)  # type: ignore[attr-defined]
    for block in raw["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                for char in span["chars"]:
                    x, y = char["origin"]
                    if left <= x < left + WIDTHS[column] and y < 841.89 - MARGIN:
                        # A mark raised or lowered by shaping is drawn a little off its line's
                        # baseline (MuPDF gives its own origin now that it reads as the mark).
                        key = next((k for k in lines if abs(k - y) < 1.0), round(y, 1))
                        lines[key] = lines.get(key, "") + char["c"]
    return [lines[y].strip() for y in sorted(lines) if lines[y].strip()]


def test_a_long_table_repeats_its_header_and_keeps_rows_whole(tmp_path: Path) -> None:
    texts = checklist_texts()
    rows = [HEADER] + [(f"{n}", texts[n % len(texts)], "ดีเยี่ยม") for n in range(1, 61)]
    styles = make_styles()
    table = thai_table(rows, WIDTHS, body_style=styles["table_body"], header_style=styles["table_header"])
    path = tmp_path / "table.pdf"
    pages = build_pdf(path, [table])
    assert pages >= 3

    next_row = 1
    with pymupdf.open(path) as doc:
        for page in doc:
            numbers = _column_lines(page, 0)
            items = _column_lines(page, 1)
            assert numbers[0] == HEADER[0] and items[0] == HEADER[1], "the header did not repeat"
            rows_here = [int(n) for n in numbers[1:] if re.fullmatch(r"\d+", n)]
            assert rows_here == list(range(next_row, next_row + len(rows_here)))
            # The item column on this page is exactly the whole texts of these rows: no row's text
            # starts on one page and ends on the next.
            # (The doubled tone mark of one checklist text, ใช้้, comes back as written too.)
            expected = "".join(rows[n][1] for n in rows_here)
            assert "".join(items[1:]).replace(" ", "") == expected.replace(" ", "")
            next_row += len(rows_here)
    assert next_row == 61
