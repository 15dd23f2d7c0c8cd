"""The school list's model keeps its row count with Qt (rq30, issue 16: "ready" without a Python
``rowCount``): refilled with fewer or more schools, the list, its search and its sorting show exactly
the schools given, never a stale or an empty row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop.workspace import Workspace
from ui.schools.schools_page import COL_NAME, SchoolsPage, load_rows

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_refilled_list_shows_exactly_the_schools_given(qtbot: Any, demo_copy: Path) -> None:
    workspace = Workspace.open(demo_copy)
    try:
        page = SchoolsPage(workspace)
        qtbot.addWidget(page)
        page.refresh()
        rows = load_rows(workspace)
        every = [row.school.name for row in rows]
        assert page.visible_names() == every and len(every) > 3

        page.model.set_rows(rows[:3])  # fewer: no row left over from before
        assert page.visible_names() == every[:3]
        assert page.table.model().rowCount() == 3

        page.model.set_rows(rows)  # more again: every one, none empty
        assert page.visible_names() == every

        page.search.setText(rows[-1].school.name)  # the search reads the rows now held
        assert page.visible_names() == [every[-1]]
        page.search.clear()

        page.table.horizontalHeader().sectionPressed.emit(COL_NAME)  # sorting switched on, as a press does
        page.table.sortByColumn(COL_NAME, page.table.horizontalHeader().sortIndicatorOrder())
        assert sorted(page.visible_names()) == sorted(every)
        assert page.model.rowCount() == len(every) and page.model.columnCount() == 8
    finally:
        workspace.close()
