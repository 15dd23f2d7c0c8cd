"""Pieces the reports share, so the self-assessment report and the visit record look like one
office's papers: the page geometry and type sizes, the demo notice,
the label/value block under the title, colour chips, table rows that always fit on a page,
signature lines and the running head."""

from __future__ import annotations

from typing import Any, Callable, Collection, Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from ..thai import DigitText
from ..thai import NO_SCORE as NO_SCORE  # the reports' shared dash for a missing score
from ..typeset import BOLD, MARGIN, REGULAR, ThaiParagraph, draw_text, make_styles, register_fonts
from ..typeset.layout import build_items
from ..typeset.segment import clusters

# -- the page ------------------------------------------------------------------------------------
PAGE_WIDTH, PAGE_HEIGHT = A4
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN  # 453.5 pt
FRAME_HEIGHT = PAGE_HEIGHT - 2 * MARGIN
TABLE_SIZE = 12.0
DEMO_COLOUR = colors.HexColor("#b71c1c")
MUTED = colors.HexColor("#595959")
RULE = colors.HexColor("#7f7f7f")

# -- shared Thai strings ---------------------------------------------------------------------------
DEMO_MARK = "ข้อมูลตัวอย่าง"
SIGN = "ลงชื่อ {dots} {role}"
SIGN_NAME = "({name})"
SIGN_NAME_BLANK = "(........................................)"
SIGN_POSITION = "ตำแหน่ง {role}"
# An item's number on the official form (seed 001, section ๖.๒ ๑)), printed beside the product's
# own code so staff can find the item on the paper form (issue 11).
OFFICIAL_NUMBER = "แบบรายงานข้อ {number}"


def official_number_text(number: str, t: DigitText) -> str:
    """"แบบรายงานข้อ ๑.๑.๒.๑" for an item's ``official_number`` (``Item.official_number``) in the
    document's digits (``t``: the product's label, not the form's wording; try11a #3), "" when the
    framework gives none. Never raises."""
    return t(OFFICIAL_NUMBER.format(number=number)) if number else ""


def report_styles() -> dict[str, ParagraphStyle]:
    """Sarabun at the sizes Thai offices use with TH Sarabun: title 20 bold, headings 16 bold,
    body 14, tables 12 (leading 1.4: room for stacked marks)."""
    styles = make_styles(14.0)
    body = styles["body"]
    table = dict(fontSize=TABLE_SIZE, leading=round(TABLE_SIZE * 1.4, 2))
    styles["table_body"] = styles["table_body"].clone("table_body", **table)
    styles["table_header"] = styles["table_header"].clone("table_header", **table)
    styles["title"] = styles["title"].clone("title", spaceAfter=2)
    styles["school"] = body.clone("school", fontName=BOLD, fontSize=18, leading=27, alignment=TA_CENTER)
    styles["round"] = body.clone("round", fontName=BOLD, fontSize=16, leading=24, alignment=TA_CENTER, spaceAfter=8)
    styles["label"] = body.clone("label", fontName=BOLD)
    styles["subheading"] = body.clone("subheading", fontName=BOLD, spaceBefore=6)
    styles["overall"] = body.clone("overall", fontName=BOLD, fontSize=16, leading=24)
    styles["list"] = body.clone("list", leftIndent=14, firstLineIndent=-14)
    styles["caption"] = styles["small"].clone("caption", alignment=TA_CENTER, textColor=MUTED)
    styles["demo"] = styles["small"].clone("demo", fontName=BOLD, textColor=DEMO_COLOUR)
    styles["centre"] = styles["table_body"].clone("centre", alignment=TA_CENTER)
    styles["centre_bold"] = styles["table_header"].clone("centre_bold", alignment=TA_CENTER)
    styles["sign"] = body.clone("sign", alignment=TA_CENTER)
    return styles


def demo_notice(text: str, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The boxed red line at the top of a demo school's report."""
    notice = Table(
        [[ThaiParagraph(text, s["demo"])]], colWidths=[TEXT_WIDTH],
        style=TableStyle([
            ("BOX", (0, 0), (-1, -1), 1.0, DEMO_COLOUR),
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fdecea")),
            ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ]),
    )
    return [notice, Spacer(1, 8)]


def info_table(pairs: Sequence[tuple[str, ...]], widths: Sequence[float], s: dict[str, ParagraphStyle]) -> Table:
    """Bold labels and their values under the title, without rules. A pair of two values
    ("code", "area office") shares a row; a single long value spans the row, and one taller than
    a page (a visit's purpose may hold 200,000 characters) continues in the rows below it, cut
    between lines, so the table can always be laid out."""
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
    spanned = sum(widths[1:]) - 4
    for pair in pairs:
        label = ThaiParagraph(pair[0], s["label"])
        if len(pair) == 4:
            rows.append([label, ThaiParagraph(pair[1], s["body"]), ThaiParagraph(pair[2], s["label"]),
                         ThaiParagraph(pair[3], s["body"])])
            continue
        for part in _cut(ThaiParagraph(pair[1], s["body"]), spanned, FRAME_HEIGHT - 24):
            commands.append(("SPAN", (1, len(rows)), (3, len(rows))))
            rows.append([label, part, "", ""])
            label = ThaiParagraph("", s["label"])
    return Table(rows, colWidths=list(widths), hAlign="LEFT", style=TableStyle(commands))


def _cut(paragraph: ThaiParagraph, width: float, limit: float) -> list[ThaiParagraph]:
    """``paragraph`` as parts no taller than ``limit`` at ``width``, cut between lines."""
    parts: list[ThaiParagraph] = []
    rest = paragraph
    while rest.wrap(width, 1e9)[1] > limit:
        pieces = rest.split(width, limit)
        if len(pieces) != 2:
            break
        parts.append(pieces[0])
        rest = pieces[1]
    return [*parts, rest]


def tint(colour: str | colors.Color, amount: float = 0.55) -> colors.Color:
    """``colour`` mixed with white: a cell background that still reads in black text."""
    base = colors.HexColor(colour) if isinstance(colour, str) else colour
    return colors.Color(*(c + (1 - c) * amount for c in (base.red, base.green, base.blue)))


def readable_on(colour: colors.Color) -> colors.Color:
    """Black or white, whichever reads better on ``colour`` (yellow takes black, red white)."""
    luminance = 0.299 * colour.red + 0.587 * colour.green + 0.114 * colour.blue
    return colors.black if luminance > 0.6 else colors.white


class BandChip(Flowable):
    """A rounded label filled with a colour band's colour and naming it ("กลุ่มสีเขียว")."""

    def __init__(self, text: str, colour: str, *, size: float = 15.0, font_name: str = BOLD,
                 outline: colors.Color | None = None) -> None:
        super().__init__()
        register_fonts()
        self.text = text
        self.colour = colors.HexColor(colour) if colour else colors.HexColor("#9e9e9e")
        self.size = size
        self.font_name = font_name
        self.outline = outline
        text_width = sum(item.width for item in build_items(text, size, bold=font_name == BOLD))
        self.pad_x = size * 0.8
        self.width = text_width + 2 * self.pad_x
        self.height = size * 1.7

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """ReportLab's question: the chip's (width, height) in points, whatever space is offered."""
        return self.width, self.height

    def draw(self) -> None:
        """ReportLab's call: paint the rounded chip and its centred text on ``self.canv``."""
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.colour)
        # A thin darker edge keeps a pale band (yellow) visible on white paper and in greyscale.
        canvas.setStrokeColor(self.outline or colors.HexColor("#00000055", hasAlpha=True))
        canvas.setLineWidth(0.5 if self.outline is None else 1.0)
        canvas.roundRect(0, 0, self.width, self.height, self.height / 2, stroke=1, fill=1)
        canvas.setFillColor(self.outline or readable_on(self.colour))
        # Baseline so Thai's ascent and descent sit evenly in the chip.
        draw_text(canvas, self.text, self.width / 2, self.height * 0.3, font_name=self.font_name,
                  size=self.size, align="centre")
        canvas.restoreState()


def fit_rows(
    rows: Sequence[Sequence[ThaiParagraph]], col_widths: Sequence[float], *, padding: float, limit: float
) -> list[list[ThaiParagraph]]:
    """Rows no taller than ``limit`` points: a row that would be taller than a page (an item text
    of a thousand characters beside a long evidence text) is cut between lines into a row and
    continuation rows, each cell keeping its own lines in order. Tables never split a row, so
    without this such a row could not be laid out at all; with it no line is ever cut."""
    fitted: list[list[ThaiParagraph]] = []
    for row in rows:
        pending: list[ThaiParagraph | None] = list(row)
        while True:
            heights = [
                cell.wrap(width - 2 * padding, 1e9)[1] if cell is not None else 0.0
                for cell, width in zip(pending, col_widths)
            ]
            if max(heights) + padding <= limit:
                fitted.append([cell if cell is not None else _empty_like(row[i]) for i, cell in enumerate(pending)])
                break
            head: list[ThaiParagraph] = []
            rest: list[ThaiParagraph | None] = []
            for index, (cell, width) in enumerate(zip(pending, col_widths)):
                if cell is None:
                    head.append(_empty_like(row[index]))
                    rest.append(None)
                    continue
                parts = cell.split(width - 2 * padding, limit - padding)
                if len(parts) == 2:
                    head.append(parts[0])
                    rest.append(parts[1])
                else:
                    head.append(cell)
                    rest.append(None)
            fitted.append(head)
            pending = rest
            if all(cell is None for cell in pending):
                break
    return fitted


def fit_row_under(
    row: Sequence[ThaiParagraph], header: Sequence[ThaiParagraph], col_widths: Sequence[float], *, padding: float,
    above: float = 0.0,
) -> list[list[ThaiParagraph]]:
    """:func:`fit_rows` for one row of a table whose ``header`` repeats on every page (and
    ``above`` points more are kept with the row, such as a group's row): a name or an action of
    the longest length the rules allow, in a narrow column, continues in the rows below."""
    header_height = max(cell.wrap(width - 2 * padding, 1e9)[1] for cell, width in zip(header, col_widths))
    limit = FRAME_HEIGHT - header_height - above - 2 * padding - 12
    return fit_rows([list(row)], col_widths, padding=padding, limit=limit)


def _empty_like(cell: ThaiParagraph) -> ThaiParagraph:
    return ThaiParagraph("", cell.style)


def keep_with_table(
    lead: Sequence[Flowable], table: Flowable, rows: Sequence[Sequence[ThaiParagraph]], widths: Sequence[float],
    *, padding: float, count: int = 2,
) -> list[Flowable]:
    """``lead`` (headings, a line) then ``table``, moved to the next page together unless the
    table's first ``count`` rows fit under the headings: a heading never ends a page alone."""
    lead_height = sum(f.wrap(TEXT_WIDTH, FRAME_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in lead)
    first_rows = sum(
        max(cell.wrap(width - 2 * padding, 1e9)[1] for cell, width in zip(row, widths)) + padding
        for row in rows[:count]
    )
    return [CondPageBreak(min(lead_height + first_rows + 4, FRAME_HEIGHT * 0.6)), *lead, table]


def text_width(text: str, style: ParagraphStyle) -> float:
    """The width of ``text`` on one line in ``style``'s font and size, in points (shaped as
    printed)."""
    return sum(item.width for item in build_items(text, style.fontSize, bold=style.fontName == BOLD))


def signature_dots(style: ParagraphStyle, width: float, roles: Sequence[str]) -> str:
    """Dots for "ลงชื่อ ....... <role>" to fill ``width`` with the longest of ``roles``; every
    signature line of the page takes the same count so they end level, as on a typed form."""
    dot = text_width(".", style)
    widest = max(text_width(SIGN.format(dots="", role=role), style) for role in roles)
    return "." * max(int((width - widest - dot) / dot), 12)


def signature_block(
    cells: Sequence[str], s: dict[str, ParagraphStyle], *, space_before: float = 36, lead: Sequence[Flowable] = (),
    whole: Collection[str] = (), together: bool = False,
) -> list[Flowable]:
    """Signature cells ("ลงชื่อ … / (name) / position", lines separated by newlines) two to a
    row, the last one alone centred, each row kept whole on a page; the first row stays with
    ``lead`` (a sentence above the signatures) and the space above it. (``lead`` is taken here
    rather than wrapped around the result: a KeepTogether inside a KeepTogether always breaks
    the page in ReportLab.) ``together``: every row stays on one page with ``lead`` (a signed
    record's last page: TEST34C C2, the school's line alone on a page of its own). ``whole``: names
    never broken inside a line (a school's)."""
    half = TEXT_WIDTH / 2
    style = TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ])
    rows: list[list[Flowable]] = []
    for start in range(0, len(cells), 2):
        pair = [ThaiParagraph(text, s["sign"], whole=whole) for text in cells[start:start + 2]]
        if len(pair) == 2:
            table = Table([pair], colWidths=[half, half], style=style)
        else:
            table = Table([pair], colWidths=[half], style=style)
        first = start == 0
        rows.append([*(lead if first else ()), Spacer(1, space_before if first else 18), table])
    if together:
        return [KeepTogether([flowable for row in rows for flowable in row])]
    return [KeepTogether(row) for row in rows]


HEAD_SIZE = 11  # pt: the running head and the marks beside it
HEAD_GAP = 12  # pt kept free between the mark at the left and the running head
ELLIPSIS = "…"


def line_width(text: str, size: float = HEAD_SIZE, *, bold: bool = False) -> float:
    """The width of ``text`` on one line at ``size`` pt (shaped as printed), in points."""
    return sum(item.width for item in build_items(text, size, bold=bold))


def fitted_head(head: str, room: float, *, size: float = HEAD_SIZE) -> str:
    """``head`` as it fits on one line ``room`` points wide at ``size`` pt: whole when it fits;
    else the part before its last " · " (the school's name) cut at a Thai character cluster and
    ended in "…", keeping what follows (the date, the round); when even that does not fit, the
    whole head cut the same way. A school's name may be 255 characters (validation.MAX_LINE):
    on one line it ran off the page (issue 11)."""
    if line_width(head, size) <= room:
        return head
    lead, separator, rest = head.rpartition(" · ")
    tail = separator + rest
    if not separator or line_width(ELLIPSIS + tail, size) > room:
        lead, tail = head, ""
    pieces = clusters(lead)
    low, high = 0, len(pieces)  # the most clusters of ``lead`` that fit before the "…"
    while low < high:
        middle = (low + high + 1) // 2
        if line_width("".join(pieces[:middle]).rstrip() + ELLIPSIS + tail, size) <= room:
            low = middle
        else:
            high = middle - 1
    return "".join(pieces[:low]).rstrip() + ELLIPSIS + tail


def page_decorations(
    head: str, *, is_demo: bool, check: Callable[[], None], mark: str = "",
) -> Callable[[Any, Any], None]:
    """The running head (from page 2, at the right, cut with "…" to the room the marks at the
    left leave: :func:`fitted_head`), the demo mark on every page of a demo school's report, and
    ``mark`` (such as "ฉบับร่าง") on every page. Calls ``check()`` as each page starts: the
    cheapest place to honour a cancel during layout."""
    left = " · ".join(text for text in ((DEMO_MARK if is_demo else ""), mark) if text)
    taken = line_width(left, bold=True) + HEAD_GAP if left else 0.0
    shown_head = fitted_head(head, TEXT_WIDTH - taken)

    def on_page(canvas: Any, doc: Any) -> None:
        check()
        canvas.saveState()
        y = PAGE_HEIGHT - MARGIN / 2
        if canvas.getPageNumber() > 1:
            canvas.setFillColor(MUTED)
            draw_text(canvas, shown_head, PAGE_WIDTH - MARGIN, y, font_name=REGULAR, size=HEAD_SIZE, align="right")
        if left:
            # On every page: a printed page on its own must not pass for a real school's result,
            # nor a draft for the signed record.
            canvas.setFillColor(DEMO_COLOUR)
            draw_text(canvas, left, MARGIN, y, font_name=BOLD, size=HEAD_SIZE)
        canvas.restoreState()

    return on_page


def number_cell(text: str, style: ParagraphStyle, width: float, *, padding: float = 4.0,
                smallest: float = 7.0) -> ThaiParagraph:
    """A figure for a table cell ``width`` points wide (``padding`` each side, as
    :func:`~qualityschool_desktop.typeset.thai_table`'s): right-aligned in ``style``, its size made
    smaller (down to ``smallest`` points) until it fits on one line, so an amount is one unbreakable
    word and never splits across lines ("๒๒,๒๒๔,๓๐ / ๐", issue 14)."""
    room = width - 2 * padding - 0.5
    size = float(style.fontSize)
    while size > smallest and text_width(text, style.clone("fit", fontSize=size)) > room:
        size = max(smallest, size - 0.5)
    fitted = style.clone("number", alignment=TA_RIGHT, fontSize=size)  # the row's leading kept
    return ThaiParagraph(text, fitted)
