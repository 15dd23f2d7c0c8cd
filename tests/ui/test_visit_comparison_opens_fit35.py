"""fit35c (TEST35 T2): the visit's comparison (เทียบกับการประเมินตนเอง) at 1366×768. At 125 % only
components ๑–๓ were in sight when the section opened, at 150 % none until the page was scrolled:
the summary box stood above the table. The table comes first now (the summary under it), and
opening the section scrolls the window's page so that the table's rows are in sight: all five at
100 and 125 %, at 150 % as many as the page's height holds, from the table's top."""

from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from ui.common.screen import FRAME
from ui.shell.main_window import MainWindow

from .test_headings_fit import WINDOWS
from .test_visit_fit35 import _open_section, _page_scroll

pytestmark = pytest.mark.usefixtures("styled_app")


def _rows_out_of_sight(window: MainWindow) -> tuple[list[str], int]:
    """The component rows not in the page's sight, and where the table's top is in it."""
    view = window.stack.currentWidget()
    tree = view.comparison.tree
    seen = _page_scroll(window).viewport()
    out = []
    for index in range(tree.topLevelItemCount()):
        rect = tree.visualItemRect(tree.topLevelItem(index))
        top = tree.viewport().mapTo(seen, rect.topLeft()).y()
        if rect.isEmpty() or top < 0 or top + rect.height() > seen.height():
            out.append(f"row {index + 1} at {top}-{top + rect.height()} of {seen.height()}")
    return out, tree.mapTo(seen, tree.rect().topLeft()).y()


@pytest.mark.parametrize("scaling", list(WINDOWS))
@pytest.mark.parametrize("final", [False, True], ids=["draft", "confirmed"])
def test_opening_the_comparison_shows_its_rows(
        qtbot, demo_window: Callable[[QSize | None], MainWindow], scaling: str, final: bool) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(WINDOWS[scaling] - FRAME)
    view = _open_section(qtbot, window, final, "comparison")
    panel = view.comparison
    layout = panel.layout()
    assert layout.indexOf(panel.tree) < layout.indexOf(panel.summary), "the summary comes before the table"

    def shown() -> bool:
        out, top = _rows_out_of_sight(window)
        if scaling == "150 %":  # from the table's top, as many rows as the page holds
            return 0 <= top <= 8 and "row 1" not in " ".join(out) or not out
        return not out

    try:
        qtbot.waitUntil(shown, timeout=3000)
    except Exception:  # noqa: BLE001 — pytest-qt's TimeoutError: what is out of sight is said below
        pass
    QApplication.processEvents()
    out, top = _rows_out_of_sight(window)
    ok = shown()
    window.shutdown()
    assert ok, f"at {scaling}: the table's top at {top}; out of sight: {out}"
