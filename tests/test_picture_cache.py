"""Issue 16: the district picture is kept until the database changes, and never shown stale: not
after an edit on the window's own connection, an import on another connection (as the window's
worker imports), a new round or an inspection round defined, nor after a write that was rolled
back inside a transaction."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop import exchange, picture_cache
from qualityschool_desktop.inspection.picture import round_picture
from qualityschool_desktop.workspace import Workspace
from tests.laptops import CODE_A, CODE_B, NAME_B, Laptops, laptops, start_school  # noqa: F401 (fixture)


def _submitted_school(workspace: Workspace, code: str, name: str, level: int) -> str:
    school = workspace.schools.add(code=code, name=name, district="แม่สอด", province="ตาก",
                                   area_office="สพป.ตาก เขต 2", level="primary")
    assessment = workspace.assessments.start(school.id, 2568, round=1, assessed_on=date(2025, 2, 1))
    for item in workspace.frameworks.latest().items:
        workspace.answers.set_level(assessment.id, item.code, level)
    workspace.assessments.submit(assessment.id)
    return assessment.id


@pytest.fixture
def district_file(tmp_path: Path) -> Path:
    path = tmp_path / "district.sqlite3"
    with Workspace.open(path, create=True) as workspace:
        _submitted_school(workspace, "6302000001", "โรงเรียนบ้านเก่า", 4)
        workspace.inspection_rounds.define(2568, 1)
    return path


def test_the_picture_is_kept_while_nothing_changes_and_read_again_after_an_edit(district_file: Path) -> None:
    with Workspace.open(district_file) as workspace:
        first = round_picture(workspace, 2568, 1)
        assert round_picture(workspace, 2568, 1) is first  # kept: nothing changed
        assert round_picture(workspace, 2568, 1, level="secondary") is not first  # other filters, other picture
        school = workspace.schools.list()[0]
        workspace.schools.update(school.id, name="โรงเรียนบ้านใหม่")  # an edit on this very connection
        _, picture = round_picture(workspace, 2568, 1)
        assert [s.school.name for s in picture.standings] == ["โรงเรียนบ้านใหม่"]
        # A new round started (a draft): the school's draft is in the picture at once.
        draft = workspace.assessments.start(school.id, 2568, round=2, assessed_on=date(2025, 3, 1))
        assert [d.id for d in round_picture(workspace, 2568, 1)[1].open_drafts] == [draft.id]
        # A level typed into that draft and the draft submitted: two schools' worth of change.
        workspace.answers.set_level(draft.id, workspace.frameworks.latest().items[0].code, 1)
        workspace.assessments.submit(draft.id)
        _, picture = round_picture(workspace, 2568, 1)
        assert picture.open_drafts == () and picture.standings[0].assessment.id == draft.id
        assert picture.standings[0].score == 1.0


def test_a_change_committed_on_another_connection_is_seen(district_file: Path) -> None:
    with Workspace.open(district_file) as workspace:
        before = round_picture(workspace, 2568, 1)[1]
        assert before.reported == 1
        with Workspace.open(district_file, worker=True) as worker:  # the window's worker, e.g. an import
            _submitted_school(worker, "6302000002", "โรงเรียนบ้านไกล", 2)
        after = round_picture(workspace, 2568, 1)[1]
        assert (after.reported, len(after.schools)) == (2, 2)
        # Another program (a command-line import) writing with plain SQLite.
        conn = sqlite3.connect(district_file)
        try:
            with conn:
                conn.execute("UPDATE schools SET name = 'โรงเรียนบ้านไกลมาก' WHERE code = '6302000002'")
        finally:
            conn.close()
        names = {s.school.name for s in round_picture(workspace, 2568, 1)[1].standings}
        assert names == {"โรงเรียนบ้านเก่า", "โรงเรียนบ้านไกลมาก"}


def test_a_write_rolled_back_is_never_kept(district_file: Path) -> None:
    with Workspace.open(district_file) as workspace:
        school = workspace.schools.list()[0]
        with pytest.raises(RuntimeError):
            with workspace.db.write():
                workspace.schools.update(school.id, name="โรงเรียนที่ไม่เคยบันทึก")
                inside = round_picture(workspace, 2568, 1)[1]  # read inside the transaction: not kept
                assert inside.standings[0].school.name == "โรงเรียนที่ไม่เคยบันทึก"
                raise RuntimeError("rolled back")
        assert round_picture(workspace, 2568, 1)[1].standings[0].school.name == "โรงเรียนบ้านเก่า"


def test_a_new_inspection_round_is_offered_and_pictured(district_file: Path) -> None:
    with Workspace.open(district_file) as workspace:
        first = round_picture(workspace, 2568, 1)[1]
        assert first.filters_available().rounds == ((2568, 1),)
        workspace.inspection_rounds.define(2568, 2)
        assert round_picture(workspace, 2568, 1)[1].filters_available().rounds == ((2568, 2), (2568, 1))
        assert round_picture(workspace, 2568, 2)[1].reported == 1  # counted with its round-1 result


def test_a_value_read_by_a_worker_is_kept_under_the_stamp_taken_before_it(district_file: Path) -> None:
    with Workspace.open(district_file) as workspace:
        taken = picture_cache.stamp(workspace)
        with Workspace.open(district_file, worker=True) as worker:
            _submitted_school(worker, "6302000003", "โรงเรียนบ้านกลาง", 3)  # committed after the stamp
            read = round_picture(worker, 2568, 1)
        picture_cache.remember(workspace, ("key",), taken, read)
        assert picture_cache.recall(workspace, ("key",)) is None  # the change since the stamp shows
        taken = picture_cache.stamp(workspace)
        picture_cache.remember(workspace, ("key",), taken, read)
        assert picture_cache.recall(workspace, ("key",)) is read


def test_an_import_on_the_workers_connection_shows_at_once(laptops: Laptops) -> None:  # noqa: F811
    school, district = laptops("school-b"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace, CODE_B, NAME_B)
        workspace.assessments.update_details(ids["assessment"], assessed_on=date(2025, 2, 1))
        workspace.assessments.submit(ids["assessment"])
    sent = school.export("b-1.qsx", school_codes=[CODE_B])
    with district.open() as window:
        window.inspection_rounds.define(2568, 1)
        assert round_picture(window, 2568, 1)[1].schools == ()
        with Workspace.open(district.db, worker=True) as worker:  # as the window imports: on a worker
            exchange.apply_import(worker, sent)
        _, picture = round_picture(window, 2568, 1)
        assert [s.school.code for s in picture.standings] == [CODE_B]
        assert picture.standings[0].score == 3.0


def test_only_the_latest_few_pictures_are_kept(memory_workspace: Workspace) -> None:
    taken = picture_cache.stamp(memory_workspace)
    for number in range(10):
        picture_cache.remember(memory_workspace, ("key", number), taken, [number])
    kept = [number for number in range(10) if picture_cache.recall(memory_workspace, ("key", number)) is not None]
    assert kept == list(range(10 - picture_cache.LIMIT, 10))
