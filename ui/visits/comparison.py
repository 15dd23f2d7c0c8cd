"""The comparison of the school's own assessment with the supervisor's view, in the visit view:
the components with their items beneath, the gap tinted and written out, and a summary on top.

It only shows things; the view (``ui/visits/view.py``) fills it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea, QStyledItemDelegate, QStyleOptionViewItem,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from qualityschool_desktop.comparison import Comparison, Gap, compare, verdict_text
from qualityschool_desktop.framework import Framework
from qualityschool_desktop.visit_basis import Basis, day_of
from qualityschool_desktop.visit_records import Finding
from ui.common.digits import day, score, shown

from . import strings as text
from .panels import ID_ROLE, level_text

# The gap colours: a tint behind the verdict, which is always written out too (not colour alone).
VERDICT_COLOURS = {"lower": "#fde2e0", "higher": "#dcebfb", "agree": "#e3f4e4"}
VERDICT_INK = {"lower": "#a3261c", "higher": "#0d47a1", "agree": "#1b5e20"}
NOT_RATED_INK = "#7b8794"


def gap_text(gap: float | None, *, whole: bool) -> str:
    if gap is None:
        return text.NOT_RATED
    if abs(gap) < 1e-9:
        return shown("0" if whole else "0.00")
    sign = "+" if gap > 0 else "−"
    return shown(f"{sign}{abs(gap):.0f}" if whole else f"{sign}{abs(gap):.2f}")



class _WrappedNames(QStyledItemDelegate):
    """Rows as tall as their name wrapped in the first column's width (a tree's rows do not grow
    for wrapped text by themselves): TEST34C C6, "องค์ประก…" at 150 %."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != 0:
            return size
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        room = max(self._tree.columnWidth(0) - depth * self._tree.indentation() - 8, 40)
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        wrapped = QFontMetrics(font).boundingRect(QRect(0, 0, room, 100_000), Qt.TextFlag.TextWordWrap,
                                                  str(index.data() or ""))
        return QSize(size.width(), max(size.height(), wrapped.height() + 8))


class _WholeInItsSection(QObject):
    """Makes the section's scroll area (the view puts each section in one) as tall as the panel
    needs at its width while the panel is shown, so the window's page scrolls, once, instead of a
    box 120 px high inside it (fit35, TEST34C C6: at 150 % the table showed 1–2 rows there)."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__(panel)
        self._panel = panel
        self._area: QScrollArea | None = None
        self._queued = False

    def area(self) -> QScrollArea | None:
        parent = self._panel.parentWidget()
        area = parent.parentWidget() if parent is not None else None  # its viewport, then the area
        if isinstance(area, QScrollArea) and area.widget() is self._panel:
            if area is not self._area:
                self._area = area
                area.installEventFilter(self)
            return area
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._area and event.type() == QEvent.Type.Resize:
            self.queue()
        return False

    def queue(self) -> None:
        """Fit once the layout settles (a resize can come from the fit itself)."""
        if not self._queued:
            self._queued = True
            QTimer.singleShot(0, self, self.fit)

    def fit(self) -> None:
        self._queued = False
        area = self.area()
        if area is None:
            return
        if not self._panel.isVisible():
            area.setMinimumHeight(0)  # another section shown: it keeps its own room
            return
        layout = self._panel.layout()
        width = area.viewport().width()
        need = layout.totalHeightForWidth(width) if layout is not None and layout.hasHeightForWidth() else -1
        need = max(need, self._panel.minimumSizeHint().height()) + 2 * area.frameWidth()
        if area.minimumHeight() != need:
            area.setMinimumHeight(need)

    def release(self) -> None:
        area = self.area()
        if area is not None:
            area.setMinimumHeight(0)


class ComparisonPanel(QWidget):
    """The school's levels beside the supervisor's, components with their items beneath, the
    gap tinted and written out; a summary of where the two views differ most on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._room = _WholeInItsSection(self)
        self._waiting_range = False  # opened before the page took the section's height (_reveal_rows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 12, 8)
        layout.setSpacing(6)
        heading = QLabel(text.COMPARISON_HEADING, self)
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)
        self.round_label = QLabel(self)
        self.round_label.setObjectName("fieldHint")
        self.basis_label = QLabel(self)  # which of the school's results are compared (C11)
        self.basis_label.setObjectName("fieldHint")
        self.basis_label.setWordWrap(True)
        self.basis_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(self)
        self.summary.setObjectName("comparisonSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setStyleSheet(
            "QLabel#comparisonSummary { background: #ffffff; border: 1px solid #dde3ea; border-radius: 6px;"
            " padding: 6px 10px; }"
        )
        self.expand_button = QPushButton(text.EXPAND_ITEMS, self)
        self.expand_button.setObjectName("expandComparison")
        self.expand_button.setCheckable(True)
        self.expand_button.toggled.connect(self._expand)
        top = QHBoxLayout()
        top.addWidget(self.round_label, 1)
        top.addWidget(self.expand_button)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("comparisonTree")
        self.tree.setColumnCount(len(text.COMPARISON_HEADERS))
        self.tree.setHeaderLabels(list(text.COMPARISON_HEADERS))
        # A component's name wraps rather than being cut to "องค์ประก…" in a narrow window (TEST34C C6).
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 0; }")  # room for Thai marks
        self.tree.setItemDelegate(_WrappedNames(self.tree))
        header = self.tree.header()
        header.sectionResized.connect(self._relayout)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The levels and the verdict as wide as they are written, the rest to the names (TEST34C C6:
        # fixed widths left the names 106 px at 150 %).
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The table first, what it sums up under it: with the summary on top, at 125 % only
        # components ๑–๓ were in sight when the section opened, at 150 % none (TEST35 T2).
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        layout.addWidget(self.basis_label)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.rows: dict[str, QTreeWidgetItem] = {}

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._room.queue()
        QTimer.singleShot(0, self, self._reveal_rows)  # after the fit, queued before it

    def _reveal_rows(self) -> None:
        """Scroll the window's page, on opening, so that the table's rows are in sight: no further
        than puts the table's top at the page's top (TEST35 T2: at 150 % no row showed). The page
        may not have taken the section's new height yet: then once its scroll range follows."""
        page = None
        parent = self.parentWidget()
        while parent is not None:  # the outermost scroll area: the window's page
            if isinstance(parent, QScrollArea):
                page = parent
            parent = parent.parentWidget()
        last = self.tree.topLevelItem(self.tree.topLevelItemCount() - 1)
        if page is None or last is None or not self.isVisible():
            return
        seen, bar = page.viewport(), page.verticalScrollBar()
        top = self.tree.mapTo(seen, QPoint(0, 0)).y()
        rect = self.tree.visualItemRect(last)
        bottom = self.tree.viewport().mapTo(seen, rect.bottomLeft()).y() + 2 * self.tree.frameWidth() + 4
        step = min(top, bottom - seen.height())
        if step <= 0:
            return
        if bar.value() + step > bar.maximum() and not self._waiting_range:
            self._waiting_range = True
            bar.rangeChanged.connect(self._range_followed, Qt.ConnectionType.SingleShotConnection)
        bar.setValue(bar.value() + step)

    def _range_followed(self, *_range: int) -> None:
        self._waiting_range = False
        QTimer.singleShot(0, self, self._reveal_rows)  # the page laid out at its new height

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        super().hideEvent(event)
        self._room.release()

    def fill(self, comparison: Comparison, round_title: str | None, basis: str = "") -> None:
        self.round_label.setText(
            text.COMPARISON_ROUND.format(round=round_title) if round_title else text.COMPARISON_NO_ROUND
        )
        self.basis_label.setText(basis if round_title else "")
        self.basis_label.setVisible(bool(basis and round_title))
        self.summary.setText(summary_text(comparison))
        expanded = {code for code, row in self.rows.items() if row.isExpanded()}
        self.tree.clear()
        self.rows = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        items_by_component: dict[str, list[Gap]] = {}
        for gap in comparison.items:
            items_by_component.setdefault(gap.code.split(".")[0], []).append(gap)
        for gap in comparison.components:
            row = self._row(self.tree, gap, text.COMPONENT_ROW.format(code=shown(gap.code), title=gap.title))
            for column in range(self.tree.columnCount()):
                row.setFont(column, bold)
            for item_gap in items_by_component.get(gap.code, []):
                self._row(row, item_gap, text.ITEM_ROW.format(code=shown(item_gap.code), title=item_gap.title))
            row.setExpanded(gap.code in expanded or self.expand_button.isChecked())
        self._keep_components_in_view()

    def _relayout(self, column: int, _old: int, _new: int) -> None:
        if column == 0:  # the names wrap anew: row heights and the table's own height follow
            self.tree.doItemsLayout()
            self._keep_components_in_view()

    def _keep_components_in_view(self) -> None:
        """The table at least as tall as its header and every component row (TEST34C C6: at 150 %
        it got one row and a scrollbar of its own): the section's page scrolls instead."""
        tree = self.tree
        rows = 0
        for index in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(index)
            if item is not None:
                rows += tree.sizeHintForIndex(tree.indexFromItem(item)).height()
        frame = 2 * tree.frameWidth()
        bar = tree.horizontalScrollBar().sizeHint().height()  # room for it, should the columns not fit
        tree.setMinimumHeight(tree.header().sizeHint().height() + rows + frame + bar + 4)
        self._room.queue()

    def _row(self, parent: QTreeWidget | QTreeWidgetItem, gap: Gap, title: str) -> QTreeWidgetItem:
        whole = not gap.is_component
        verdict = gap.verdict
        cells = [
            title, level_text(gap.school, whole=whole), level_text(gap.supervisor, whole=whole),
            gap_text(gap.gap, whole=whole),
            text.VERDICT_MARKS[verdict] + verdict_text(gap) if verdict else text.VERDICT_NONE,
        ]
        row = QTreeWidgetItem(parent, cells)
        row.setToolTip(0, gap.title)
        row.setData(0, ID_ROLE, (gap.code, verdict))
        for column in (1, 2, 3):
            row.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
        if verdict:
            for column in (3, 4):
                row.setBackground(column, QBrush(QColor(VERDICT_COLOURS[verdict])))
                row.setForeground(column, QBrush(QColor(VERDICT_INK[verdict])))
        else:
            row.setForeground(4, QBrush(QColor(NOT_RATED_INK)))
        self.rows[gap.code] = row
        return row

    def row_texts(self, code: str) -> list[str]:
        """What a row shows (for tests and accessibility)."""
        row = self.rows[code]
        return [row.text(column) for column in range(self.tree.columnCount())]

    def _expand(self, shown: bool) -> None:
        self.expand_button.setText(text.COLLAPSE_ITEMS if shown else text.EXPAND_ITEMS)
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None:
                item.setExpanded(shown)


def basis_text(basis: Basis, framework: Framework, findings: dict[str, Finding], shown_now: Comparison) -> str:
    """Which of the school's results the comparison uses, and (a confirmed visit whose school
    changed its levels since) one line with the latest component scores."""
    when = day(day_of(basis.as_of), short=True)
    lines = [(text.BASIS_SIGNED if basis.as_of else text.BASIS_CURRENT).format(date=when)]
    if basis.changed_since and basis.rebuilt:
        latest = compare(framework, basis.current, findings)
        scores = [text.BASIS_CHANGED_SCORE.format(code=shown(now.code), score=score(now.school))
                  for then, now in zip(shown_now.components, latest.components) if then.school != now.school]
        if scores:
            lines.append(text.BASIS_CHANGED.format(scores=", ".join(scores)))
    elif basis.changed_since and basis.last_change:
        lines.append(text.BASIS_UNKNOWN.format(date=day(day_of(basis.last_change), short=True)))
    return "\n".join(lines)


def summary_text(comparison: Comparison) -> str:
    counts = comparison.counts()
    lines = [text.SUMMARY_ITEMS.format(**counts) if sum(counts.values()) else text.SUMMARY_NO_ITEMS]
    found = {"lower": 0, "higher": 0, "agree": 0}
    for gap in comparison.components:
        if gap.verdict:
            found[gap.verdict] += 1
    if sum(found.values()):
        lines.append(text.SUMMARY_COMPONENTS.format(**found))
    biggest = comparison.biggest(3)
    if biggest:
        names = ", ".join(
            text.SUMMARY_BIGGEST_ONE.format(
                name=(text.BIGGEST_COMPONENT if gap.is_component else text.BIGGEST_ITEM).format(code=gap.code),
                gap=gap_text(gap.gap, whole=not gap.is_component),
            )
            for gap in biggest
        )
        lines.append(text.SUMMARY_BIGGEST.format(gaps=names))
    elif sum(counts.values()) or sum(found.values()):
        compared, total = sum(found.values()), len(comparison.components)  # not "all": TEST35 T9
        lines.append(text.SUMMARY_NONE_DIFFER if compared == total
                     else text.SUMMARY_NONE_DIFFER_SOME.format(compared=compared, total=total))
    return shown("\n".join(lines))  # counts and codes only: every digit is the window's own


def school_levels(comparison: Comparison) -> dict[str, float | None]:
    """Component and item code → the school's own (mean) level, from a comparison."""
    return {gap.code: gap.school for gap in (*comparison.components, *comparison.items)}
