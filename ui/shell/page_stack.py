"""The window's stack of pages, in a scroll area: a page larger than the window scrolls, never cut.

At 125 % and 150 % display scaling a 1366×768 laptop leaves the window 1093×582 or 910×485
logical pixels. A ``QStackedWidget`` asks for the room of its largest page, shown or not, so one
tall page (the district's) would make every page as tall; this stack asks for the room of the
page shown only, and the scroll area around it gives that page its minimum size and scroll bars
where the window is smaller. The pages themselves wrap, elide and scroll their lists first
(``tests/ui/test_scaling.py`` holds them to the smallest window); this is the last resort.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QStackedWidget, QWidget

from ui.common.qt_numbers import NO_FOCUS


class PageStack(QStackedWidget):
    """A stack of pages that asks for the room of the page shown, not of the largest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        page = self.currentWidget()
        if page is None:
            return QSize(0, 0)
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """The least height the page shown needs at ``width`` (lines that wrap): the scroll area
        asks it, and would otherwise take the page's preferred height for its least and scroll
        a page whose lists could simply be shorter."""
        page = self.currentWidget()
        if page is None:
            return -1
        layout = page.layout()
        if layout is None or not layout.hasHeightForWidth():
            return -1
        return max(layout.totalMinimumHeightForWidth(width), page.minimumHeight())


class PageScroll(QScrollArea):
    """The window's page scroll area: scrolls to the control Tab reaches, and only then.

    Qt's ``QScrollArea`` scrolls to its own last focused child whenever the keyboard moves on,
    also when Qt moves it because the control that had it was hidden (a school's tab left): at
    150 % a click on แผนพัฒนา after คำของบประมาณ scrolled the page 187 pixels down, the school's tabs
    off screen (TEST34B B9).

    The keyboard also moves into the page from outside it (Tab from ย้อนกลับ in the top bar): Qt
    then asks the window, not this area, and left the control reached out of sight (RETEST34 D5:
    at 150 % the first chip of the follow-up list, the page still scrolled down to its comments)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, before: QWidget | None, after: QWidget | None) -> None:
        """Scroll to a control the keyboard (or the program) moved the focus to from outside the page;
        not to one clicked (it is where the user pointed), nor where Qt moves on from a hidden one."""
        content = self.widget()
        if after is None or content is None or not content.isAncestorOf(after):
            return
        if before is None or content.isAncestorOf(before) or not before.isVisible():
            return  # inside the page: focusNextPrevChild below; none before: the window came back
        if QApplication.mouseButtons().value:  # a button held: clicked (no Qt namespace: issue 16's "ready")
            return
        self.ensureWidgetVisible(after)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802,A002 (Qt's names)
        before = QApplication.focusWidget()
        moved = QWidget.focusNextPrevChild(self, next)
        after = QApplication.focusWidget()
        content = self.widget()
        user_moved = before is not None and before.isVisible()  # not a hidden control's keyboard moving on
        if moved and user_moved and after is not None and content is not None and content.isAncestorOf(after):
            self.ensureWidgetVisible(after)
        return moved


def scrolling(stack: PageStack) -> QScrollArea:
    """``stack`` in a frameless scroll area that fits it to the window while there is room."""
    area = PageScroll()
    area.setObjectName("pageScroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)  # scroll bars as needed (the default: no Qt enum built before the first paint)
    area.setWidget(stack)
    # No Tab stop of its own: it showed no focus, so Tab seemed to do nothing (TEST30b B1); a
    # control reached by Tab is still scrolled into view (QScrollArea.focusNextPrevChild).
    area.setProperty("focusPolicy", NO_FOCUS)  # a property: no ``Qt`` before the first paint
    return area
