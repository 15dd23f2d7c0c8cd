"""Issue 11, "one digit style per screen": every page and main dialog of the window, walked as
``test_scaling.py`` walks them on the demo data, in both styles (มุมมอง › ตัวเลข). With Arabic
digits chosen no Thai digit shows anywhere we write (labels, buttons, tabs, list cells and
headings, combo boxes, group titles, window titles, tooltips); with Thai digits chosen no Arabic
digit shows, except where the domain needs it: a school's 10-digit ministry code (typed and
searched in 0–9 as the ministry's lists write it) and file names and folders, which are the
user's own; and, as in the printed reports (``thai.DigitText``), texts people typed and the
checklist's official wording, shown as written, and the keys of the keyboard (1–5, F4)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Callable, Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QDialog, QGroupBox, QHeaderView, QLabel, QLineEdit, QMessageBox,
    QTabBar, QWidget,
)

from qualityschool_desktop.workspace import Workspace
from ui.common import digits
from ui.common.save_lines import SaveStateLine
from ui.shell.api import Location
from ui.shell.main_window import MainWindow

from .test_scaling import busiest_school, dialogs

THAI_DIGIT = re.compile("[๐-๙]")
ARABIC_DIGIT = re.compile("[0-9]")
TAG = re.compile(r"<[^>]*>|&[a-z]+;|&#\d+;")
# What may keep 0–9 in the Thai style: a 10-digit school code, a file name or a folder.
ALLOWED_ARABIC = re.compile(
    r"\b\d{10}\b|[\w./\\~:-]*\.(?:pdf|xlsx|csv|qsx|sqlite3|jpg|png)\b|/[\w./-]+|\b[A-Za-z]:\\[\w.\\~-]+"  # a school code, a file, a folder (POSIX or Windows)
    r"|\b(?:F\d{1,2}|(?:Ctrl|Alt|Shift)\+\d)\b|กดเลข 1–5"  # keys on the keyboard
    r"|\b(?:[0-9A-F]{4}-){7}[0-9A-F]{4}\b|\b[0-9a-f]{64}\b"  # a signer's key fingerprint
    r"|กุญแจ [0-9A-F]{4}-[0-9A-F]{4}…"  # its first groups, as exchange.editors.editor_names names a laptop (hex, not a number)
)
# Whole values people typed (a number in a free-text field): shown as written, matched whole.
TYPED_VALUES: set[str] = set()
FRAMEWORKS = Path(__file__).resolve().parents[2] / "resources" / "frameworks"


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "area_office":  # a name the window writes in its digits
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def as_written(database: Path) -> list[str]:
    """Texts shown as written, longest first: every text people typed (every text value in the
    database) and every text of the bundled checklists."""
    found: set[str] = set()
    with sqlite3.connect(database) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}"')
            names = [column[0] for column in cursor.description]
            for row in cursor:
                # An area office ("สพป.ตาก เขต 1") is a name the window writes in its digits.
                found.update(value for name, value in zip(names, row) if isinstance(value, str) and name != "area_office")
    for path in FRAMEWORKS.rglob("*.json"):
        found.update(_strings(json.loads(path.read_text(encoding="utf-8"))))
    # Values typed into a record's list (a project's indicator target "100"), stored as JSON.
    for text in list(found):
        if text.startswith(("[", "{")):
            try:
                found.update(_strings(json.loads(text)))
            except ValueError:
                pass
    TYPED_VALUES.update(text.strip() for text in found if ARABIC_DIGIT.search(text) or THAI_DIGIT.search(text))
    texts = {piece.strip() for text in found for piece in text.splitlines()}
    return sorted((text for text in texts if re.search("[ก-ฮ]", text) and (THAI_DIGIT.search(text) or ARABIC_DIGIT.search(text))),
                  key=len, reverse=True)


pytestmark = pytest.mark.usefixtures("styled_app", "thai_digits_after")


def _columns(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> int:
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def _model_texts(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> Iterator[str]:
    for row in range(min(model.rowCount(parent), 60)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value
            if column == 0 and not isinstance(model, QAbstractListModel) and model.rowCount(index) > 0:
                yield from _model_texts(model, index)


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a user sees under ``root``."""
    yield "window title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        name = type(widget).__name__ + (f" {widget.parentWidget().objectName()}" if widget.parentWidget() else "")
        if widget.toolTip():
            yield f"{name} tooltip", widget.toolTip()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QAbstractSpinBox):
            yield f"{name} value", widget.text()  # a year box, an amount
        elif isinstance(widget, QLineEdit):
            yield name, widget.placeholderText()
            if widget.isReadOnly() or not widget.isEnabled():
                yield f"{name} value", widget.text()  # a value the window wrote, not one typed
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield "tab", widget.tabText(index)
        elif isinstance(widget, QComboBox) and not widget.isEditable():  # an editable one offers names to type
            for index in range(widget.count()):
                yield "combo box item", widget.itemText(index)
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            for orientation in (Qt.Orientation.Horizontal,):
                for section in range(_columns(model)):
                    value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
                    if isinstance(value, str):
                        yield f"{name} heading", value
            for value in _model_texts(model):
                yield f"{name} cell", value


def wrong_digits(root: QWidget, where: str, written: list[str]) -> list[str]:
    style = digits.style()
    found = []
    for place, raw in shown_texts(root):
        if place.endswith(" cell") and raw.strip() in TYPED_VALUES:
            continue  # a value typed into a table, shown as typed
        text = TAG.sub(" ", raw)
        if THAI_DIGIT.search(text) or ARABIC_DIGIT.search(text):
            for typed in written:
                if typed in text:
                    text = text.replace(typed, " ")
        if style == "arabic":
            bad = THAI_DIGIT.search(text)
        else:
            bad = ARABIC_DIGIT.search(ALLOWED_ARABIC.sub(" ", text))
        if bad:
            found.append(f"{where} · {place}: {raw[:120]!r}")
    return found


def walk(qtbot, window: MainWindow, written: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    school_id = busiest_school(workspace)
    latest = workspace.assessments.for_school(school_id)[0]
    visit = workspace.visits.for_school(school_id)[0]
    found: list[str] = []

    def page(location: Location, name: str) -> None:
        window.navigate(location)
        qtbot.wait(30)
        found.extend(wrong_digits(window, name, written))

    page(Location("schools"), "school list")
    page(Location("school", school_id), "school page")
    school_page = window.page("school")
    assert school_page is not None
    for index in range(school_page.tabs.count()):
        school_page.tabs.setCurrentIndex(index)
        qtbot.wait(30)
        found.extend(wrong_digits(window, f"school page, tab {school_page.tabs.tabText(index)}", written))
    page(Location("assessment", latest.id), "assessment")
    page(Location("results", latest.id), "results")
    page(Location("visit", visit.id), "visit")
    page(Location("follow_ups"), "follow-ups")
    page(Location("district"), "district")
    page(Location("office_report"), "office report")
    # The office's pages (issue 11: Arabic digits were left in the budget page's office column,
    # the projects page's year box and values, the rounds page's form).
    page(Location("budget"), "office budget")
    page(Location("office_projects"), "office projects")
    page(Location("inspection_rounds"), "inspection rounds")
    page(Location("office_indicators"), "office indicators")
    page(Location("coverage"), "coverage")
    window.navigate(Location("school", school_id))
    for dialog in dialogs(window, school_id):
        qtbot.wait(30)
        found.extend(wrong_digits(dialog, type(dialog).__name__, written))
        dialog.reject()
    return found


def test_every_page_and_dialog_shows_one_digit_style(qtbot, demo_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """Thai digits first, then Arabic chosen in the same window (มุมมอง › ตัวเลข), every page again."""
    written = as_written(demo_copy)
    digits.set_style("thai")
    window = MainWindow(Workspace.open(demo_copy))  # not qtbot's: deleted below, before the next test
    try:
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        found = [f"Thai digits · {problem}" for problem in walk(qtbot, window, written)]
        digits.set_style("arabic")
        found += [f"Arabic digits · {problem}" for problem in walk(qtbot, window, written)]
        digits.set_style("thai")
    finally:
        # Gone before the next test: a window left alive would follow that test's digit switch.
        window.shutdown()
        window.deleteLater()
        qtbot.wait(20)
    assert not found, f"{len(found)} texts:\n" + "\n".join(dict.fromkeys(found))


def a_draft_with_warnings(workspace: Workspace) -> str:
    for school in workspace.schools.list():
        for assessment in workspace.assessments.for_school(school.id):
            if assessment.is_draft and len(workspace.assessments.warnings(assessment.id)) > 3:
                return assessment.id
    raise AssertionError("the demo has no draft round with warnings")


@pytest.mark.parametrize("style", ["thai", "arabic"])
def test_the_submit_confirmation_and_the_save_status_follow_the_style(
        qtbot, demo_window: Callable[[QSize | None], MainWindow], monkeypatch: pytest.MonkeyPatch, style: str) -> None:  # type: ignore[no-untyped-def]
    """The confirmation before submitting a round listed "ประเด็น 4.1.2 …", "22 เรื่อง", "อีก 10
    เรื่อง" with Thai digits chosen; a save status "บันทึกแล้ว ✓ ๒๐:๐๐:๐๒" kept its Thai digits
    after Arabic was chosen."""
    digits.set_style(style)
    window = demo_window(QSize(1366, 768))
    window.navigate(Location("assessment", a_draft_with_warnings(window.workspace)))
    qtbot.wait(30)
    asked: list[str] = []

    def answer_no(box: QMessageBox) -> int:
        asked.append(box.text() + "\n" + box.informativeText())
        return int(QMessageBox.StandardButton.No)

    monkeypatch.setattr(QMessageBox, "exec", answer_no)
    window.view.submit()
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    wrong = THAI_DIGIT if style == "arabic" else ARABIC_DIGIT
    assert ARABIC_DIGIT.search(asked[0]) or THAI_DIGIT.search(asked[0])
    assert not wrong.search(asked[0]), asked[0]

    line = window.view.findChild(SaveStateLine)
    assert line is not None
    line.show_saved()
    other = "arabic" if style == "thai" else "thai"
    digits.set_style(other)
    assert line.text().startswith("บันทึกแล้ว")
    assert not (ARABIC_DIGIT if other == "thai" else THAI_DIGIT).search(line.text()), line.text()
    digits.set_style("thai")
    window.shutdown()
