"""สารบัญ with page numbers, by ReportLab's own mechanism for a table of contents: an indexing
flowable that :meth:`~reportlab.platypus.doctemplate.BaseDocTemplate.multiBuild` lays out again
until the page numbers it shows are the pages its sections fell on.

Put a :class:`ContentsMark` where each listed section begins (right before its title) and a
:class:`Contents` naming the same keys where the contents go; :func:`~.template.build_pdf` sees the
contents and builds the story twice (the first pass finds the pages, the second prints them: the
contents keep their height between passes, so two passes are enough). A story without contents is
built once, as before.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from reportlab.platypus import Table, TableStyle
from reportlab.platypus.flowables import Flowable

ENTRY = "qsd-contents-entry"  # the kind of notice a mark sends: (key, page)
NUMBER_WIDTH = 48.0  # points: the page-number column, wide enough for "๑๒๓"


class ContentsMark(Flowable):
    """Takes no room; tells the contents the page it is drawn on under ``key``."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Takes no room: ``(0, 0)`` points."""
        return 0, 0

    def draw(self) -> None:
        """Draws nothing: the mark only tells the contents its page."""


class Contents(Flowable):
    """The contents: one row per ``(key, title)`` of ``entries``, the title flowable on the left
    and, on the right, the page its :class:`ContentsMark` fell on as ``page_text(page)`` gives it
    (``number(text)`` makes the cell; ``header``, when given, is a first row such as "หน้า")."""

    def __init__(self, entries: Sequence[tuple[str, Flowable]], number: Callable[[str], Flowable],
                 page_text: Callable[[int], str], header: Flowable | None = None) -> None:
        super().__init__()
        self.entries = list(entries)
        self.number = number
        self.page_text = page_text
        self.header = header
        self.shown: dict[str, int] = {}  # key → page, as the previous pass found them (printed now)
        self.found: dict[str, int] = {}  # key → page, as this pass finds them
        self._table: Table | None = None

    # -- the indexing protocol of multiBuild -------------------------------------------------
    def isIndexing(self) -> int:
        """1: multiBuild builds again until :meth:`isSatisfied` (ReportLab's indexing protocol)."""
        return 1

    def beforeBuild(self) -> None:
        """Before a pass: print the pages the previous pass found, and find them again."""
        self.shown, self.found = self.found, {}
        self._table = None

    def afterBuild(self) -> None:
        """After a pass: nothing to do (the pages found are compared in :meth:`isSatisfied`)."""

    def notify(self, kind: str, stuff: Any) -> None:
        """Records the first page of each ``(key, page)`` entry a :class:`ContentsMark` reports."""
        if kind == ENTRY:
            key, page = stuff
            self.found.setdefault(key, page)

    def isSatisfied(self) -> int:
        """1 once this pass found every part on the page the contents printed, else 0."""
        return int(self.found == self.shown)

    # -- laying out ----------------------------------------------------------------------------
    def _rows(self, width: float) -> Table:
        if self._table is None:
            rows: list[list[Any]] = [["", self.header]] if self.header is not None else []
            for key, title in self.entries:
                page = self.shown.get(key)
                # Before the pages are known the cell is blank: the row's height is the title's either way.
                rows.append([title, self.number(self.page_text(page)) if page else ""])
            table = Table(rows, colWidths=[width - NUMBER_WIDTH, NUMBER_WIDTH])
            table.setStyle(TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]))
            self._table = table
        return self._table

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """The contents' table laid out in ``available_width``: its ``(width, height)`` in points."""
        self.width, self.height = self._rows(available_width).wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """A long contents splits as its table does, between rows."""
        return list(self._rows(available_width).split(available_width, available_height))

    def draw(self) -> None:
        """Draws the table laid out by :meth:`wrap`."""
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)


def needs_passes(story: Sequence[Flowable]) -> bool:
    """Does ``story`` hold contents that need the pages found first?"""
    return any(isinstance(item, Contents) for item in story)
