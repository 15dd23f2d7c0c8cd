"""Scores, colour bands and readiness groups at their thresholds."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from qualityschool_desktop.framework import bundled_frameworks
from qualityschool_desktop.scoring import classify, score_assessment


@dataclass
class A:
    level: int | None = None
    not_applicable: bool = False


@pytest.fixture(scope="module")
def framework():
    return bundled_frameworks().latest()


def answers_with(framework, level_of) -> dict[str, A]:
    return {item.code: A(level_of(item)) for item in framework.items}


@pytest.mark.parametrize(
    "score, band",
    [(5.0, "ม่วง"), (4.5, "ม่วง"), (4.49, "ฟ้า"), (4.0, "ฟ้า"), (3.99, "เขียว"), (3.5, "เขียว"),
     (3.49, "เหลือง"), (3.0, "เหลือง"), (2.99, "ส้ม"), (2.5, "ส้ม"), (2.49, "แดง"), (1.0, "แดง")],
)
def test_colour_band_thresholds(framework, score, band) -> None:
    assert classify(score, framework.colour_bands).name == band


@pytest.mark.parametrize(
    "score, group", [(4.0, "มีความพร้อม"), (3.99, "อยู่ในเกณฑ์มาตรฐาน"), (3.0, "อยู่ในเกณฑ์มาตรฐาน"), (2.99, "ต้องเร่งพัฒนา")]
)
def test_readiness_group_thresholds(framework, score, group) -> None:
    assert classify(score, framework.readiness_groups).name == group


def test_a_score_shown_as_4_00_is_not_placed_below_the_line(framework) -> None:
    assert classify(3.9999999, framework.colour_bands).name == "ฟ้า"


def test_component_and_overall_scores(framework) -> None:
    # Component 1 all 5, component 2 all 3, others all 4 → overall (5+3+4+4+4)/5 = 4.0
    levels = {"1": 5, "2": 3}
    result = score_assessment(framework, answers_with(framework, lambda i: levels.get(i.component_code, 4)))
    assert [c.score for c in result.components] == [5.0, 3.0, 4.0, 4.0, 4.0]
    assert result.overall == pytest.approx(4.0)
    assert result.band.name == "ฟ้า"
    assert result.components[0].level_label == "ยอดเยี่ยม"
    assert result.components[1].readiness.name == "อยู่ในเกณฑ์มาตรฐาน"
    assert result.complete and result.percent_done == 100.0


def test_not_applicable_items_leave_the_score(framework) -> None:
    answers = answers_with(framework, lambda i: 5 if i.component_code == "1" else 3)
    first = framework.component("1").items[0].code
    answers[first] = A(None, True)
    result = score_assessment(framework, answers)
    assert result.component("1").score == 5.0
    assert result.component("1").answered == 10 and result.component("1").scored == 9
    assert result.complete


def test_unanswered_items_make_the_result_incomplete(framework) -> None:
    answers = {framework.items[0].code: A(2)}
    result = score_assessment(framework, answers)
    assert not result.complete
    assert result.answered == 1 and result.total == 74
    assert result.component("1").score == 2.0
    assert result.component("2").score is None and result.component("2").readiness is None
    assert result.overall == 2.0  # only the components with answers count


def test_no_answers_no_score(framework) -> None:
    result = score_assessment(framework, {})
    assert result.overall is None and result.band is None and result.overall_label == ""


def test_weakest_items_are_the_lowest_levels(framework) -> None:
    low = {framework.items[10].code: 1, framework.items[40].code: 2, framework.items[3].code: 2}
    result = score_assessment(framework, answers_with(framework, lambda i: low.get(i.code, 5)))
    assert [w.item.code for w in result.weakest] == [framework.items[10].code, framework.items[3].code,
                                                      framework.items[40].code]


def test_weights_change_the_overall_score() -> None:
    import dataclasses

    base = bundled_frameworks().latest()
    heavy = dataclasses.replace(
        base,
        components=tuple(dataclasses.replace(c, weight=3 if c.code == "5" else 1) for c in base.components),
        _items_by_code=base._items_by_code,
    )
    answers = answers_with(base, lambda i: 1 if i.component_code == "5" else 5)
    assert score_assessment(base, answers).overall == pytest.approx(4.2)
    assert score_assessment(heavy, answers).overall == pytest.approx((4 * 5 + 3 * 1) / 7)


def test_classify_gives_none_where_no_band_is_reached(framework) -> None:
    """A score below every ``min`` (a hand-made list: a framework file's last band has min 0)
    and an empty list give no band, rather than the last band or an IndexError."""
    above_zero = [band for band in framework.colour_bands if band.min > 0]
    assert classify(0.5, above_zero) is None
    assert classify(4.0, []) is None
    assert classify(None, framework.colour_bands) is None
