"""The shell's records made before "ready" (a location, a kind of page, a page, a school tab) behave as
the dataclasses they were (issue 16, branch rc30: nothing compiled at import; tests/test_records.py)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from tests.test_records import SAMPLES, _other, _twin
from ui.common.notices import Notice
from ui.schools.schools_page import SchoolRow, searchable
from ui.shell.api import Location, Page, SchoolTabSpec
from ui.shell.navigation import Kind

_SAMPLE = {cls.__name__: cls(**values) for cls, values, _slots in SAMPLES}


def _make(_location: Location) -> Page:
    raise AssertionError("not called")


def _crumbs(_workspace: Any, _id: str | None) -> list[Any]:
    return []


FROZEN: list[tuple[type, dict[str, Any]]] = [
    (Location, {"kind": "visit", "id": "v1"}),
    (Kind, {"name": "visit", "make": _make, "crumbs": _crumbs, "record": True, "owns_alt_left": False}),
    (SchoolTabSpec, {"key": "plans", "title": "แผนพัฒนา", "order": 25, "make": _make, "follows_page": False}),
    (Notice, {"text": "พิมพ์แล้ว", "file": Path("/tmp/a.pdf"), "folder": Path("/tmp"), "kind": "failed",
              "openable": False, "sticky": True, "unasked": True, "on_page": True}),
    (SchoolRow, {"school": _SAMPLE["School"], "latest": _SAMPLE["Assessment"], "result": _SAMPLE["AssessmentResult"],
                 "review": "waiting", "to_correct": (_SAMPLE["Assessment"], "returned"), "to_review": True}),
]


@pytest.mark.parametrize(("cls", "values"), FROZEN, ids=[cls.__name__ for cls, _values in FROZEN])
def test_a_shell_record_compares_hashes_shows_and_refuses_as_its_frozen_dataclass(cls: type,
                                                                                   values: dict[str, Any]) -> None:
    twin_cls = _twin(cls)
    twin, record = twin_cls(**values), cls(**values)
    assert dataclasses.is_dataclass(record) and [f.name for f in dataclasses.fields(cls)] == list(values)
    assert cls(*values.values()) == record == cls(**values) and hash(record) == hash(twin) == hash(cls(**values))
    assert repr(record) == repr(twin) and record.__eq__(twin) is NotImplemented
    for name, value in values.items():
        assert cls(**{**values, name: _other(value)}) != record, name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, next(iter(values)), None)
    assert dataclasses.replace(record, **{next(iter(values)): "x"}) == cls(**{**values, next(iter(values)): "x"})


def test_a_location_without_a_record_and_the_defaults_of_a_kind_and_a_tab() -> None:
    assert Location("schools") == Location("schools", None) and repr(Location("schools")) == \
        "Location(kind='schools', id=None)"
    assert {Location("schools"), Location("schools", None), Location("visit", "v1")} == {Location("schools"),
                                                                                         Location("visit", "v1")}
    assert Notice("x") == Notice("x", None, None, "done", True, False, False)
    assert Notice("x", Path("/tmp/a.pdf")).folder_to_open == Path("/tmp") and Notice("x").file_to_open is None
    school = _SAMPLE["School"]
    row = SchoolRow(school, None, None)
    assert row.review == "" and row.to_correct is None and row.to_review is False and row.tag() is None
    kind = Kind("visit", _make, _crumbs)
    assert kind.record is False and kind.owns_alt_left is False
    assert SchoolTabSpec("plans", "แผนพัฒนา", 25, _make).follows_page is True


def test_a_page_compares_and_shows_as_its_dataclass_and_may_change(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    values = {"widget": widget, "show": _make, "focus": widget.setFocus, "print": None, "flush": None,
              "confirm_leave": None, "school_id": None}
    twin_cls = _twin(Page, frozen=False)
    page, twin = Page(**values), twin_cls(**values)
    assert repr(page) == repr(twin) and page == Page(widget, _make, widget.setFocus) and page != twin
    with pytest.raises(TypeError):
        hash(page)  # as the dataclass: it may change, so it has no hash
    page.print = widget.update
    assert page.print == widget.update and page != Page(**values)
    bare = Page(widget)
    assert bare.focus is None and bare.print is None and bare.school_id is None
    bare.show(Location("schools"), None)  # does nothing by default


def test_the_shell_makes_its_records_without_compiling_dataclass_code() -> None:
    """The shell's interface and navigation, imported in a fresh process as a launch imports them: no
    class of the shell or of the core is made with generated code (issue 16)."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    from tests.test_records import COUNT_GENERATED

    root = Path(__file__).resolve().parent.parent.parent
    done = subprocess.run([sys.executable, "-c", COUNT_GENERATED, "ui.shell.api", "ui.shell.navigation",
                           "ui.common.notices", "ui.schools.schools_page"], cwd=root,
                          capture_output=True, text=True, check=True)
    assert [name for name in json.loads(done.stdout) if name.startswith(("ui.", "qualityschool_desktop."))] == []


def test_a_school_row_keeps_what_the_search_compares() -> None:
    """The search reads each row's words once per refill, not at every keystroke (TEST29's review):
    the same words as before, kept on the row and out of its equality."""
    school = _SAMPLE["School"]
    row = SchoolRow(school, None, None)
    expected = searchable(" ".join((school.name, school.code, school.district, school.province, "สพป.ตาก เขต 2")))
    assert row.search_text == expected and "เขต2" in expected
    assert row.search_text is row.search_text  # made once
    assert row == SchoolRow(school, None, None) and "search_text" not in repr(row)
