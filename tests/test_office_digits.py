"""An area office typed with Thai digits is the same office as with Arabic ones (try14e finding
f03: "สพป.ตาก เขต ๑" was another office than "สพป.ตาก เขต 1" in budget totals, ``--area-office``
and the office's indicators). New names are stored with Arabic digits; names stored before (or
brought by an older laptop's file) are read alike when offices are compared and grouped."""

from __future__ import annotations

import pytest

from qualityschool_desktop.budget.office import budget_picture
from qualityschool_desktop.indicators.computed import computed_actual
from qualityschool_desktop.review import offices
from qualityschool_desktop.workspace import Workspace

ARABIC = "สพป.ตาก เขต 1"
THAI = "สพป.ตาก เขต ๑"


def _school(workspace: Workspace, code: str, office: str):
    return workspace.schools.add(code=code, name=f"โรงเรียน {code}", district="เมืองตาก", province="ตาก",
                                 area_office=office, level="primary")


def _stored_as_before(workspace: Workspace, school_id: str, office: str) -> None:
    """A name stored before the rule (or by an older laptop), Thai digits and all."""
    with workspace.db.write():
        workspace.db.execute("UPDATE schools SET area_office = ? WHERE id = ?", [office, school_id])


def test_a_typed_office_is_stored_with_arabic_digits(memory_workspace: Workspace) -> None:
    workspace = memory_workspace
    school = _school(workspace, "1063000009", "สพป.ตาก  เขต ๑")
    assert school.area_office == ARABIC
    assert workspace.schools.update(school.id, area_office="สพม.ตาก เขต ๒").area_office == "สพม.ตาก เขต 2"


def test_budget_totals_and_the_office_choice_count_both_spellings_as_one_office(memory_workspace: Workspace) -> None:
    workspace = memory_workspace
    typed = _school(workspace, "1063000001", ARABIC)
    older = _school(workspace, "1063000009", ARABIC)
    _stored_as_before(workspace, older.id, THAI)
    for school in (typed, older):
        workspace.budget.add(school.id, 2571, "equipment", description="x", quantity=1, unit_price="1000")
    assert workspace.schools.area_offices() == (ARABIC,)
    picture = budget_picture(workspace, 2571)
    assert picture.by_area_office == {ARABIC: 200000}
    for chosen in (THAI, ARABIC):
        picture = budget_picture(workspace, 2571, area_office=chosen)
        assert {r.school.id for r in picture.requests} == {typed.id, older.id}
        assert picture.area_office == ARABIC
    assert {s.id for s in workspace.schools.list(area_office=THAI)} == {typed.id, older.id}


def test_office_indicators_and_their_computed_actuals_take_either_spelling(memory_workspace: Workspace) -> None:
    workspace = memory_workspace
    typed = _school(workspace, "1063000001", ARABIC)
    older = _school(workspace, "1063000009", ARABIC)
    _stored_as_before(workspace, older.id, THAI)
    indicator = workspace.indicators.add(THAI, "โรงเรียนที่ประเมินตนเอง")
    assert indicator.area_office == ARABIC
    assert [i.id for i in workspace.indicators.for_office(ARABIC)] == [indicator.id]
    assert [i.id for i in workspace.indicators.for_office(THAI)] == [indicator.id]
    assert computed_actual(workspace, THAI, "schools_assessed", 2569) == computed_actual(
        workspace, ARABIC, "schools_assessed", 2569)
    assert len(workspace.schools.list(area_office=ARABIC)) == 2


def test_an_office_bound_with_thai_digits_is_the_office_of_the_schools(memory_workspace: Workspace) -> None:
    workspace = memory_workspace
    school = _school(workspace, "1063000001", ARABIC)
    fingerprint = "ab" * 32
    with workspace.db.write():
        workspace.db.execute("INSERT INTO signers (fingerprint, installation_id, name, public_key, first_seen_at, modified_at)"
                             " VALUES (?, 'office-laptop', 'สำนักงาน', 'x', '2026-01-01T00:00:00Z',"
                             " '2026-01-01T00:00:00Z')", [fingerprint])
    assert offices.bind(workspace, fingerprint, THAI) == fingerprint
    assert offices.bound(workspace, ARABIC) == [fingerprint]
    assert offices.is_office(workspace.db.conn, school.id, "office-laptop", fingerprint)
    older = "cd" * 32  # a binding stored before, under the name with a Thai digit
    with workspace.db.write():
        workspace.db.execute("INSERT INTO installation (key, value) VALUES (?, ?)",
                             [offices.PREFIX + THAI, f'[{{"installation": "", "fingerprint": "{older}"}}]'])
    assert offices.bound(workspace, THAI) == [fingerprint, older]


def test_the_districts_an_office_serves_take_either_spelling(memory_workspace: Workspace) -> None:
    workspace = memory_workspace
    older = _school(workspace, "1063000009", ARABIC)
    _stored_as_before(workspace, older.id, THAI)
    workspace.inspection_rounds.define(2569, 2)
    assert workspace.office_texts.set_served(2569, 2, THAI, "เมืองตาก") == ("เมืองตาก",)
    with workspace.db.write():  # one stored before, under the name with a Thai digit
        workspace.db.execute("UPDATE office_texts SET field = ? WHERE field = ?", ["served." + THAI, "served." + ARABIC])
    assert workspace.office_texts.texts(2569, 2).served == ((ARABIC, ("เมืองตาก",)),)
