"""The district picture: counts per band and readiness group, filters, who has not reported,
and the comparison with the previous round, on a database built through the core."""

from __future__ import annotations

import gc

import pytest

from qualityschool_desktop.district import district_picture, filters_available, previous_round
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.workspace import Workspace

BAND_KEYS = ["purple", "blue", "green", "yellow", "orange", "red"]


def _school(workspace: Workspace, code: str, name: str, **details: str) -> str:
    return workspace.schools.add(code=code, name=name, province=details.get("province", "ตาก"),
                                 district=details.get("district", "เมืองตาก"),
                                 area_office=details.get("area_office", "สพป.ตาก เขต 1"),
                                 level=details.get("level", "primary")).id


def _round(workspace: Workspace, school_id: str, year: int, round: int, levels: dict[str, int] | int,
           *, submit: bool = True, upto: int | None = None) -> str:
    """A round where every item of component c gets ``levels[c]`` (or one level for all)."""
    framework = workspace.frameworks.latest()
    assessment = workspace.assessments.start(school_id, year, round=round)
    for index, item in enumerate(framework.items):
        if upto is not None and index >= upto:
            break
        level = levels if isinstance(levels, int) else levels[item.component_code]
        workspace.answers.set_level(assessment.id, item.code, level)
    if submit:
        workspace.assessments.submit(assessment.id)
    return assessment.id


@pytest.fixture
def district(memory_workspace: Workspace) -> Workspace:
    """Five schools in two area offices with known results for FY 2569 rounds 1 and 2."""
    w = memory_workspace
    a = _school(w, "6301000001", "โรงเรียนเอ", district="เมืองตาก")
    b = _school(w, "6301000002", "โรงเรียนบี", district="บ้านตาก")
    c = _school(w, "6302000003", "โรงเรียนซี", district="แม่สอด", area_office="สพป.ตาก เขต 2")
    d = _school(w, "6303000004", "โรงเรียนดี", district="แม่สอด", area_office="สพม.ตาก", level="secondary")
    e = _school(w, "6303000005", "โรงเรียนอี", district="อุ้มผาง", area_office="สพม.ตาก", level="both")
    # Round 1: a green (4 everywhere except learners 2 -> mean 3.6), b red (2), c yellow (3).
    _round(w, a, 2569, 1, {"1": 4, "2": 4, "3": 4, "4": 4, "5": 2})
    _round(w, b, 2569, 1, 2)
    _round(w, c, 2569, 1, 3)
    # Round 2: a purple (5), b orange-ish (mean 2.6 -> orange... levels 3 and 2), c still yellow,
    # d a draft only, e nothing at all.
    _round(w, a, 2569, 2, 5)
    _round(w, b, 2569, 2, {"1": 3, "2": 3, "3": 2, "4": 3, "5": 2})
    _round(w, c, 2569, 2, 3)
    _round(w, d, 2569, 2, 4, submit=False, upto=10)
    return w


def test_band_counts_cover_every_band_best_first(district: Workspace) -> None:
    picture = district_picture(district, 2569, 2)
    assert list(picture.band_counts) == BAND_KEYS
    assert picture.band_counts == {"purple": 1, "blue": 0, "green": 0, "yellow": 1, "orange": 1, "red": 0}
    assert [s.school.name for s in picture.schools_by_band["purple"]] == ["โรงเรียนเอ"]
    assert picture.reported == 3


def test_readiness_counts_per_component(district: Workspace) -> None:
    picture = district_picture(district, 2569, 1)
    # a: 4/4/4/4/2, b: all 2, c: all 3 -> component 1: a ready, c standard, b urgent.
    assert picture.readiness_counts["1"] == {"ready": 1, "standard": 1, "urgent": 1}
    assert picture.readiness_counts["5"] == {"ready": 0, "standard": 1, "urgent": 2}
    assert picture.band_counts["green"] == 1 and picture.band_counts["red"] == 1


def test_weakest_component_of_each_school(district: Workspace) -> None:
    picture = district_picture(district, 2569, 1)
    school_a = next(s for s in picture.standings if s.school.name == "โรงเรียนเอ")
    assert school_a.weakest_code == "5"
    assert school_a.weakest_score == pytest.approx(2.0)
    assert school_a.weakest_title == district.frameworks.latest().component("5").title


def test_not_reported_lists_drafts_and_schools_without_a_round(district: Workspace) -> None:
    picture = district_picture(district, 2569, 2)
    missing = {item.school.name: item for item in picture.not_reported}
    assert set(missing) == {"โรงเรียนดี", "โรงเรียนอี"}
    assert missing["โรงเรียนดี"].draft is not None and missing["โรงเรียนดี"].answered == 10
    assert missing["โรงเรียนอี"].draft is None


def test_a_submitted_round_reopened_as_draft_is_not_reported(district: Workspace) -> None:
    school = district.schools.by_code("6301000001")
    district.assessments.reopen(district.assessments.find(school.id, 2569, 2).id)
    picture = district_picture(district, 2569, 2)
    assert "โรงเรียนเอ" in {item.school.name for item in picture.not_reported}
    assert picture.band_counts["purple"] == 0


def test_filters_by_area_office_province_and_level(district: Workspace) -> None:
    office = district_picture(district, 2569, 2, area_office="สพป.ตาก เขต 1")
    assert {s.name for s in office.schools} == {"โรงเรียนเอ", "โรงเรียนบี"}
    assert office.band_counts["purple"] == 1 and office.not_reported == ()
    secondary = district_picture(district, 2569, 2, level="secondary")
    # A school teaching both levels counts under either.
    assert {s.name for s in secondary.schools} == {"โรงเรียนดี", "โรงเรียนอี"}
    assert secondary.reported == 0
    primary = district_picture(district, 2569, 2, level="primary")
    assert {s.name for s in primary.schools} == {"โรงเรียนเอ", "โรงเรียนบี", "โรงเรียนซี", "โรงเรียนอี"}
    assert district_picture(district, 2569, 2, province="เชียงใหม่").schools == ()


def test_filters_available_list_what_is_in_the_database(district: Workspace) -> None:
    filters = filters_available(district)
    assert filters.area_offices == ("สพป.ตาก เขต 1", "สพป.ตาก เขต 2", "สพม.ตาก")
    assert filters.provinces == ("ตาก",)
    assert filters.levels == ("primary", "secondary")
    # The rounds on offer are the inspection rounds defined, not the schools' own (issue 13).
    assert filters.rounds == ()
    district.inspection_rounds.define(2569, 1)
    district.inspection_rounds.define(2569, 2)
    filters = filters_available(district)
    assert filters.rounds == ((2569, 2), (2569, 1))
    assert district_picture(district, 2569, 2).filters_available() == filters


def test_previous_round_counts_and_per_school_change(district: Workspace) -> None:
    picture = district_picture(district, 2569, 2)
    previous = picture.previous
    assert previous is not None and (previous.fiscal_year, previous.round) == (2569, 1)
    assert previous.band_counts["green"] == 1 and previous.band_counts["red"] == 1
    assert previous.band_counts["yellow"] == 1 and previous.reported == 3
    changes = {c.standing.school.name: c for c in picture.changes()}
    assert changes["โรงเรียนเอ"].change == pytest.approx(5.0 - 3.6)
    assert changes["โรงเรียนเอ"].band_steps == 2  # green -> purple
    assert changes["โรงเรียนซี"].band_steps == 0
    assert picture.change_counts() == {"up": 2, "same": 1, "down": 0, "new": 0, "carried": 0}


def test_previous_of_a_first_round_is_the_last_round_of_the_year_before(district: Workspace) -> None:
    assert previous_round(district, 2570, 1) == (2569, 2)
    assert previous_round(district, 2569, 1) is None
    assert district_picture(district, 2569, 1).previous is None


def test_quality_schools_by_district(district: Workspace) -> None:
    picture = district_picture(district, 2569, 2)
    by_district = {name: [s.name for s in schools] for name, schools in picture.quality_schools_by_district.items()}
    assert by_district["แม่สอด"] == ["โรงเรียนซี", "โรงเรียนดี"]
    assert set(by_district) == {"เมืองตาก", "บ้านตาก", "แม่สอด", "อุ้มผาง"}


def test_bad_year_round_or_level_is_refused_in_thai(district: Workspace) -> None:
    for kwargs in ({"fiscal_year": 69, "round": 1}, {"fiscal_year": 2569, "round": 0}):
        with pytest.raises(ValidationError, match="ปีงบประมาณ|รอบ"):
            district_picture(district, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="ระดับ"):
        district_picture(district, 2569, 1, level="kindergarten")


def test_the_collector_is_left_as_it_was_found_after_a_picture(district: Workspace) -> None:
    """A picture pauses the cyclic collector while it reads (issue 16): afterwards it runs again,
    after a refused picture too, and one paused by someone else stays paused."""
    assert gc.isenabled()
    assert district_picture(district, 2569, 1).reported
    assert gc.isenabled()
    with pytest.raises(ValidationError):
        district_picture(district, 2569, 0)
    assert gc.isenabled()
    gc.disable()
    try:
        district_picture(district, 2569, 1)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_thousand_schools_take_a_handful_of_queries(memory_workspace: Workspace) -> None:
    """The picture reads in batches: the number of statements does not grow with the schools."""
    w = memory_workspace
    for number in range(40):
        school = _school(w, f"63010{number:05d}", f"โรงเรียนที่ {number}")
        _round(w, school, 2569, 1, 3 + number % 3, upto=5)
    statements: list[str] = []
    w.db.conn.set_trace_callback(statements.append)
    try:
        picture = district_picture(w, 2569, 1)
    finally:
        w.db.conn.set_trace_callback(None)
    assert picture.reported == 40
    assert len(statements) < 16  # one of them: which submissions the office returned
