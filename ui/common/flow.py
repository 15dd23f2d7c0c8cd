"""A row of widgets that wraps onto more lines when the window is narrow (125 %, 150 % scaling).

Qt has no flow layout among its widgets; this is its documented example (Qt's "Flow Layout
Example"), with two additions for the headers of the record views: one *filling* item (the title
with the school's name, which elides) counts with its minimum width when the lines are made and
then takes what is left of its line, like an item with a stretch in a ``QHBoxLayout``; and the
items after it sit at the right end of their line. A line holds what fits at the other items'
preferred widths; an item wider than the whole line is given the line.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QSizePolicy, QWidget

from .elided_label import ElidedLabel


class FlowLayout(QLayout):
    """Items left to right, wrapping onto a new line where the next does not fit."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6, line_spacing: int = 4,
                 centred: bool = True) -> None:
        """``centred``: items lower than their line sit in its middle (buttons beside a title);
        otherwise at its top (blocks of text side by side)."""
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing
        self._centred = centred
        self._fill: int | None = None  # the index of the filling item
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def add_fill(self, widget: QWidget) -> None:
        """Add ``widget`` as the filling item: it takes what its line leaves; the items after it
        sit at the right end of their line."""
        self._fill = len(self._items)
        self.addWidget(widget)

    # -- QLayout -----------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """All on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        """As narrow as its widest item's minimum (the lines then grow in height)."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- arranging ---------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (when ``move``); return the height they take."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        width = max(1, area.width())
        lines: list[list[tuple[int, QLayoutItem, int]]] = [[]]
        used = 0
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            wanted = item.minimumSize().width() if index == self._fill else item.sizeHint().width()
            item_width = max(min(wanted, width), min(item.minimumSize().width(), width))
            needed = item_width if not lines[-1] else used + self._spacing + item_width
            if lines[-1] and needed > width:
                lines.append([])
                needed = item_width
            lines[-1].append((index, item, item_width))
            used = needed
        y = area.y()
        for number, line in enumerate(lines):
            if not line:
                continue
            line = self._widen_fill(line, width)
            height = max(self._height(item, item_width) for _index, item, item_width in line)
            if move:
                self._place_line(line, area.x(), area.x() + width, y, height)
            y += height + (self._line_spacing if number < len(lines) - 1 else 0)
        return y - area.y() + margins.top() + margins.bottom()

    def _widen_fill(self, line: list[tuple[int, QLayoutItem, int]], width: int) -> list[tuple[int, QLayoutItem, int]]:
        """The line with its filling item given what the others leave."""
        left_over = width - sum(entry[2] for entry in line) - self._spacing * (len(line) - 1)
        return [(index, item, item_width + max(0, left_over) if index == self._fill else item_width)
                for index, item, item_width in line]

    @staticmethod
    def _height(item: QLayoutItem, width: int) -> int:
        # An item whose height follows its width (wrapped text) takes the height at the width it
        # is given: its size hint's height is measured at its preferred, narrower width (the import
        # preview's warnings at 125 %: two lines each there, one across the card, and the card kept
        # an empty band as tall as the warnings; s32 V3).
        if item.hasHeightForWidth():
            return max(item.heightForWidth(width), item.minimumSize().height())
        return item.sizeHint().height()

    def _place_line(self, line: list[tuple[int, QLayoutItem, int]], left: int, right: int, y: int,
                    height: int) -> None:
        fill = self._fill if self._fill is not None else len(self._items)
        leading = [entry for entry in line if entry[0] <= fill]
        ending = [entry for entry in line if entry[0] > fill]
        x = left
        for _index, item, item_width in leading:
            self._place(item, x, y, item_width, height)
            x += item_width + self._spacing
        x = right - sum(entry[2] for entry in ending) - self._spacing * max(0, len(ending) - 1)
        for _index, item, item_width in ending:
            self._place(item, x, y, item_width, height)
            x += item_width + self._spacing

    def _place(self, item: QLayoutItem, x: int, y: int, width: int, line_height: int) -> None:
        item_height = min(line_height, max(self._height(item, width), item.minimumSize().height()))
        if item.expandingDirections() & Qt.Orientation.Vertical:
            item_height = line_height
        top = y + (line_height - item_height) // 2 if self._centred else y
        item.setGeometry(QRect(QPoint(x, top), QSize(width, item_height)))


def header_layout(title: list[QWidget], buttons: list[QWidget], *, stretch: QWidget | None = None,
                  name_width: int = 120, name_most: int = 300) -> FlowLayout:
    """A record view's header: ``title`` (the back button, the school's name …) kept together on
    the first line, then ``stretch`` (a save line) taking the room left, and ``buttons`` at the
    right, wrapping onto a second line when the window is narrow. A title label that elides
    (:class:`ElidedLabel`) gets what its line leaves, up to its whole text, and at least its whole
    text up to ``name_most`` pixels (never less than ``name_width``): the buttons wrap first."""
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in title:
        if isinstance(widget, ElidedLabel):
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            # The whole name (up to ``name_most``) before the buttons share its line: at 125 % the
            # save line took the room and the name read "โรงเรียนบ้า…" (TEST31 T19); the buttons
            # wrap onto a second line instead.
            widget.setMinimumWidth(max(name_width, min(widget.sizeHint().width(), name_most)))
        row.addWidget(widget)
    if stretch is not None:
        row.addWidget(stretch, 1)
    else:
        row.addStretch(1)
    flow = FlowLayout()
    flow.add_fill(group)
    for button in buttons:
        flow.addWidget(button)
    return flow
