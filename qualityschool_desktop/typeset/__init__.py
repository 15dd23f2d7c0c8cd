"""Thai typesetting on ReportLab: shaped, correctly broken, extractable Thai for every report.

Importing this package loads ReportLab, uharfbuzz and (on first use) pythainlp; keep it off the
start-up path of headless commands and the window. The pieces:

- :class:`ThaiParagraph` — the flowable (segmentation, shaping, line breaking, /ActualText);
- :func:`thai_table` — tables of Thai cells with repeated headers and unsplit rows;
  :func:`.paged_table.paged_thai_table` the same for a long table (laid out a page at a time,
  each row measured once) and :func:`.line_cell.table_text` its one-line cells (shaped once,
  drawn from a cache);
- :func:`build_pdf`, :func:`make_styles` — A4 documents numbered "หน้า ๑ / ๘";
- :func:`draw_text` — one shaped line anywhere on a canvas (headers, chart labels);
- :mod:`.numbers` — digits, BE dates and baht per document.
"""

from __future__ import annotations

from .fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, font_name, register_fonts
from .layout import Run
from .numbers import baht, number, page_label, thai_date
from .paragraph import ThaiParagraph, draw_text
from .segment import warm_up
from .table import thai_table
from .template import MARGIN, build_pdf, make_styles, pdf_bytes

__all__ = [
    "BOLD", "BOLD_ITALIC", "ITALIC", "MARGIN", "REGULAR", "Run", "ThaiParagraph", "baht", "build_pdf",
    "draw_text", "font_name", "make_styles", "number", "page_label", "pdf_bytes", "register_fonts",
    "thai_date", "thai_table", "warm_up",
]
