"""Issue 16: the district picture sums each round's answers in SQL (per assessment and component)
and builds bands and groups from those sums. Its numbers must be exactly those of the item-by-item
scoring (:func:`qualityschool_desktop.scoring.score_assessment`, kept as the reference): the same
scores, bands, readiness groups, answered counts, order and changes, on the demo and on random
data (levels, "not applicable", items never answered, whole components without a level, drafts
and submitted rounds over several rounds and years, unequal component weights, an item code the
framework does not know: refused by the schema since migration 0031, filtered out before it)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Iterable

import pytest

from qualityschool_desktop import district, district_scores
from qualityschool_desktop.assessments import Assessment
from qualityschool_desktop.district import DistrictPicture, district_picture, filters_available
from qualityschool_desktop.district_scores import latest_scored
from qualityschool_desktop.errors import StorageError
from qualityschool_desktop.framework import FrameworkRegistry, bundled_frameworks
from qualityschool_desktop.ids import new_id
from qualityschool_desktop.inspection.picture import read_round_picture
from qualityschool_desktop.scoring import AssessmentResult, score_assessment
from qualityschool_desktop.workspace import Workspace
from .demo_cache import copy_demo

TODAY = date(2026, 11, 23)


# -- the reference: every answer read into Python and scored item by item --------------------------
def _reference(workspace: Workspace, ids: Iterable[str], *, memo: object = None) -> dict[str, tuple[Assessment, AssessmentResult]]:
    found = {}
    for assessment_id in dict.fromkeys(ids):
        row = workspace.db.execute("SELECT 1 FROM assessments WHERE id = ?", [assessment_id]).fetchone()
        if row is None:
            continue
        assessment = workspace.assessments.get(assessment_id)
        result = score_assessment(workspace.assessments.framework_of(assessment),
                                  workspace.answers.for_assessment(assessment_id))
        found[assessment_id] = (assessment, replace(result, weakest=()))  # the picture reads no items
    return found


def _reference_rounds(workspace: Workspace, rounds: Iterable[tuple[int, int]]):  # type: ignore[no-untyped-def]
    wanted = list(dict.fromkeys(rounds))
    found: dict = {pair: {} for pair in wanted}  # type: ignore[type-arg]
    for year, number in wanted:
        ids = [r[0] for r in workspace.db.execute(
            "SELECT id FROM assessments WHERE fiscal_year = ? AND round = ?", [year, number])]
        for assessment, result in _reference(workspace, ids).values():
            found[(year, number)][assessment.school_id] = (assessment, result)
    return found


def _both(monkeypatch: pytest.MonkeyPatch, make) -> tuple[DistrictPicture, DistrictPicture]:  # type: ignore[no-untyped-def]
    """The picture ``make()`` builds scored in SQL, then scored item by item."""
    by_sql = make()
    with monkeypatch.context() as patch:
        patch.setattr(district, "scored_assessments", _reference)
        patch.setattr(district, "scored_briefly", _reference)
        patch.setattr(district, "scored_rounds", _reference_rounds)
        by_python = make()
    return by_sql, by_python


def _assert_same(by_sql: DistrictPicture, by_python: DistrictPicture) -> None:
    # Field by field first, so a failure names what differs; then the whole picture.
    assert [(s.school.code, s.score, s.band_key, s.weakest_code, s.previous_score, s.carried_from)
            for s in by_sql.standings] == [
        (s.school.code, s.score, s.band_key, s.weakest_code, s.previous_score, s.carried_from)
        for s in by_python.standings]
    assert [s.result for s in by_sql.standings] == [s.result for s in by_python.standings]
    assert by_sql.band_counts == by_python.band_counts
    assert by_sql.readiness_counts == by_python.readiness_counts
    assert by_sql.previous == by_python.previous
    assert by_sql.not_reported == by_python.not_reported
    assert by_sql.open_drafts == by_python.open_drafts
    assert by_sql.changes() == by_python.changes()
    assert by_sql == by_python


# -- the demo -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_demo(path, tmp_path_factory, today=TODAY)
    return path


def test_the_demos_pictures_scored_in_sql_equal_the_item_by_item_scoring(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Workspace.open(demo, read_only=True) as workspace:
        rounds = filters_available(workspace).rounds
        assert rounds
        compared = 0
        for year, number in rounds:
            for filters in ({}, {"level": "secondary"}, {"area_office": "สพป.ตาก เขต 2"}):
                by_sql, by_python = _both(monkeypatch, lambda: read_round_picture(workspace, year, number, **filters)[1])
                _assert_same(by_sql, by_python)
                compared += len(by_sql.standings)
            by_sql, by_python = _both(monkeypatch, lambda: district_picture(workspace, year, number))
            _assert_same(by_sql, by_python)
        assert compared > 30  # the demo's rounds were really compared, not empty pictures


# -- random data ------------------------------------------------------------------------------------
def _random_district(workspace: Workspace, seed: int, schools: int) -> None:
    """``schools`` schools, rounds 1-2 of 2568 and 1-3 of 2569 each missing, a draft or submitted;
    per item a level, "not applicable" or nothing; now and then a component all "not applicable"
    or a round with nothing answered; inspection rounds defined for both years."""
    rng = random.Random(seed)
    framework = workspace.frameworks.latest()
    levels = [level.value for level in framework.levels]
    offices = ["สพป.ตาก เขต 1", "สพป.ตาก เขต 2", "สพม.ตาก"]
    with workspace.db.write():  # one transaction: the data is built, not typed
        for number in range(1, schools + 1):
            school = workspace.schools.add(
                code=f"63{number:08d}", name=f"โรงเรียนสุ่มที่ {number}", district=f"อำเภอ {number % 7}",
                province="ตาก", area_office=offices[number % 3], level=rng.choice(["primary", "secondary", "both"]))
            for year, rounds in ((2568, 2), (2569, 3)):
                for round_number in range(1, rounds + 1):
                    fate = rng.random()
                    if fate < 0.15:
                        continue  # this round never started
                    month = 2 if round_number == 1 else 7 if round_number == 2 else 9
                    assessment = workspace.assessments.start(
                        school.id, year, round=round_number,
                        assessed_on=date(year - 543 - (0 if month < 10 else 1), month, 1 + number % 27))
                    empty = rng.random() < 0.05  # a round with nothing answered at all
                    all_na = rng.choice([c.code for c in framework.components]) if rng.random() < 0.2 else None
                    for component in framework.components:
                        for item in component.items:
                            roll = rng.random()
                            if empty or roll < 0.15:
                                continue
                            if component.code == all_na or roll < 0.25:
                                workspace.answers.set_not_applicable(assessment.id, item.code, "ไม่มีนักเรียนชั้นนี้")
                            else:
                                workspace.answers.set_level(assessment.id, item.code, rng.choice(levels))
                            if roll > 0.97:  # a level chosen, then cleared: an answer row without a level
                                workspace.answers.set_level(assessment.id, item.code, None)
                    if fate > 0.35:
                        workspace.assessments.submit(assessment.id)
        for year in (2568, 2569):
            workspace.inspection_rounds.define(year, 1)
            workspace.inspection_rounds.define(year, 2)


def _stray_answer(workspace: Workspace) -> None:
    """An answer to an item code the framework does not know (a round written by another version
    or by hand): the schema refuses one (migration 0031). On a database without that guarantee
    (the trigger dropped, the framework's codes taken as not held) it is scored by neither."""
    assessment_id = workspace.db.execute(
        "SELECT id FROM assessments WHERE status = 'submitted' ORDER BY id LIMIT 1").fetchone()[0]
    # one that sorts outside every component's range, and one inside (the packed sums' range would
    # count it there but for their filter of known codes)
    for code in ("9.9.9", IN_RANGE_STRAY):
        with workspace.db.write():
            workspace.db.execute(
                "INSERT INTO answers (id, assessment_id, item_code, level, not_applicable, created_at, modified_at,"
                " modified_by) VALUES (?, ?, ?, 5, 0, '2026-01-01T00:00:00', '2026-01-01T00:00:00', ?)",
                [new_id(), assessment_id, code, workspace.installation_id])


def _unguarded(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """The database as it was before migration 0031: nothing refuses an unknown item code, so the
    picture's sums filter the answers by the framework's codes."""
    workspace.db.execute("DROP TRIGGER answers_known_code_insert")
    monkeypatch.setattr(district_scores, "codes_held", lambda conn, framework: False)


IN_RANGE_STRAY = "1.1.19"  # between 1.1.1 and 1.1.2, unknown to the bundled framework


@pytest.mark.parametrize("seed", [1, 2])
def test_random_pictures_scored_in_sql_equal_the_item_by_item_scoring(
    memory_workspace: Workspace, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    workspace = memory_workspace
    _random_district(workspace, seed, schools=36)
    if seed == 1:  # the schema keeps answers to the framework's codes: the sums read no filter
        with pytest.raises(StorageError, match="ไม่มีในเกณฑ์"):
            _stray_answer(workspace)
    else:
        _unguarded(workspace, monkeypatch)
        _stray_answer(workspace)
    statuses = {row[0] for row in workspace.db.execute("SELECT status FROM assessments")}
    assert statuses == {"draft", "submitted"}
    seen_none_component = False
    for year, number in ((2568, 1), (2568, 2), (2569, 1), (2569, 2), (2569, 3)):
        pictures = [lambda: district_picture(workspace, year, number),
                    lambda: district_picture(workspace, year, number, area_office="สพป.ตาก เขต 2"),
                    lambda: district_picture(workspace, year, number, level="primary")]
        if number <= 2:
            pictures.append(lambda: read_round_picture(workspace, year, number)[1])
        for make in pictures:
            by_sql, by_python = _both(monkeypatch, make)
            _assert_same(by_sql, by_python)
            seen_none_component |= any(c.score is None for s in by_sql.standings for c in s.result.components)
    assert seen_none_component  # a component without a level (all "not applicable") was among them


def test_the_bundled_frameworks_components_are_summed_in_one_packed_query() -> None:
    framework = bundled_frameworks().latest()
    assert not framework.has_item(IN_RANGE_STRAY)
    assert district_scores._packed_plan(framework) is not None
    # a framework whose components' codes interleave is summed one query per component
    first, second = framework.components[:2]
    mixed = replace(framework, components=(
        replace(first, indicators=first.indicators[:-1] + second.indicators[-1:]),
        replace(second, indicators=second.indicators[:-1] + first.indicators[-1:]),
        *framework.components[2:]))
    assert district_scores._packed_plan(mixed) is None
    # a component whose sum of levels and count of items do not fit a 12-bit slot (40 items at
    # levels up to 5: 8 + 6 bits) is summed one query per component too
    wide = replace(framework, components=(
        first, replace(second, indicators=second.indicators + framework.components[2].indicators),
        *framework.components[3:]))
    assert district_scores._packed_plan(wide) is None


@pytest.mark.parametrize("packed", ["first-character", "ranges", "per-component"])
def test_unequal_weights_give_the_same_overall_score(monkeypatch: pytest.MonkeyPatch, packed: str) -> None:
    plan = district_scores._packed_plan
    if packed == "ranges":  # the slot from a CASE of the components' ranges of codes
        monkeypatch.setattr(district_scores, "_packed_plan", lambda framework: plan(framework, by_first_character=False))
    elif packed == "per-component":
        monkeypatch.setattr(district_scores, "_packed_plan", lambda framework: None)
    bundled = bundled_frameworks().latest()
    weights = [1.0, 2.0, 0.5, 3.0, 1.5]
    weighted = replace(bundled, components=tuple(
        replace(component, weight=weight) for component, weight in zip(bundled.components, weights)))
    workspace = Workspace.open_memory(frameworks=FrameworkRegistry([weighted]))
    try:
        _random_district(workspace, 3, schools=12)
        _unguarded(workspace, monkeypatch)
        _stray_answer(workspace)
        for year, number in ((2569, 1), (2569, 2), (2569, 3)):
            by_sql, by_python = _both(monkeypatch, lambda: district_picture(workspace, year, number))
            _assert_same(by_sql, by_python)
        assert any(s.score is not None for s in by_sql.standings)
    finally:
        workspace.db.conn.close()


# -- how the sums read the answers (issue 16: the picture within 1.5x one SQL aggregate) ------------
def test_the_pictures_sums_read_the_answers_index_only(demo: Path) -> None:
    """Every statement of a picture that reads ``answers`` reads an index holding the level and
    the "not applicable" mark (migration 0028), never the table's rows (with the evidence)."""
    with Workspace.open(demo, read_only=True) as workspace:
        year, number = filters_available(workspace).rounds[0]
        asked: list[str] = []
        workspace.db.conn.set_trace_callback(asked.append)
        read_round_picture(workspace, year, number)
        district_picture(workspace, year, number)
        workspace.db.conn.set_trace_callback(None)
        plans = {}
        for sql in asked:
            if " answers " in sql and sql.lstrip().upper().startswith(("SELECT", "WITH")):
                plans[sql] = [row[3] for row in workspace.db.conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()]
    assert plans  # the sums were asked
    for sql, details in plans.items():
        on_answers = [d for d in details if d.split()[1:2] == ["x"] or " answers " in f" {d} "]
        assert on_answers and all("USING COVERING INDEX answers_scores" in d for d in on_answers), (sql, details)


def test_the_school_lists_latest_rounds_scored_in_sql_equal_the_item_by_item_scoring(
    demo: Path, memory_workspace: Workspace,
) -> None:
    """The school list at start-up reads each school's newest round summed in SQL (issue 16)."""
    _random_district(memory_workspace, seed=7, schools=25)
    for workspace in (Workspace.open(demo, read_only=True), memory_workspace):
        with workspace:
            by_python = {school_id: (assessment, replace(result, weakest=()))
                         for school_id, (assessment, result) in workspace.assessments.latest_by_school().items()}
            assert by_python
            assert latest_scored(workspace) == by_python


def test_a_result_kept_from_an_earlier_picture_follows_a_changed_level(
    memory_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Round results are kept across pictures by their sums (issue 16): a level changed since the
    last picture gives the school its new score, the item-by-item one, never the one kept."""
    workspace = memory_workspace
    _random_district(workspace, 5, schools=8)
    before = district_picture(workspace, 2569, 1)
    standing = next(s for s in before.standings if s.result.components[0].scored)
    code, level = workspace.db.execute(
        "SELECT item_code, level FROM answers WHERE assessment_id = ? AND level IS NOT NULL AND item_code LIKE '1.%'"
        " ORDER BY item_code LIMIT 1", [standing.assessment.id]).fetchone()
    workspace.assessments.reopen(standing.assessment.id)
    workspace.answers.set_level(standing.assessment.id, code, 1 if level != 1 else 5)
    workspace.assessments.submit(standing.assessment.id)
    by_sql, by_python = _both(monkeypatch, lambda: district_picture(workspace, 2569, 1))
    _assert_same(by_sql, by_python)
    after = by_sql.standing_of(standing.school.id)
    assert after is not None and after.result.components[0].score != standing.result.components[0].score
