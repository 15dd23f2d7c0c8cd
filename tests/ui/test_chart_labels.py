"""Issue 11: the results page's bar chart wrote "๓.๗๒" and "๓.๙๖" over two adjacent high bars so
close that they touched. No two scores written on the chart overlap, at any width the page gives
it; where there is room every score is written above its bar."""

from __future__ import annotations

import pytest

from ui.assessment.charts import ChartBar, ComponentScoreChart
from ui.common import digits


pytestmark = pytest.mark.usefixtures("styled_app")


def chart(qtbot, width: int, previous: float | None, current: float | None) -> ComponentScoreChart:  # type: ignore[no-untyped-def]
    view = ComponentScoreChart()
    qtbot.addWidget(view)
    view.set_bars([ChartBar(f"ด้านที่ {digits.shown(n)}", "", current, previous) for n in range(1, 6)],
                  has_previous=previous is not None)
    view.resize(width, 260)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("width", [420, 560, 700, 900, 1300])
@pytest.mark.parametrize(("previous", "current"), [(3.72, 3.96), (5.0, 5.0), (4.88, 5.0), (None, 4.96)])
def test_no_two_scores_on_the_chart_overlap(qtbot, width: int, previous: float | None, current: float | None) -> None:  # type: ignore[no-untyped-def]
    view = chart(qtbot, width, previous, current)
    labels = view.value_labels()
    for index, label in enumerate(labels):
        assert view.rect().toRectF().contains(label.rect), (label.text, label.rect)
        for other in labels[index + 1:]:
            # Apart, with a visible gap: not merely not overlapping.
            assert not label.rect.adjusted(-1.5, 0, 1.5, 0).intersects(other.rect), (label.text, label.rect, other.rect)
    view.grab()  # paints them without error


def test_with_room_every_score_is_written_above_its_bar(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = chart(qtbot, 1300, 3.72, 3.96)
    labels = view.value_labels()
    assert [label.text for label in labels] == [digits.score(3.72), digits.score(3.96)] * 5
    assert not any(label.inside for label in labels)


def test_at_the_narrowest_the_scores_still_show_whole_by_a_smaller_font_or_inside_the_bar(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = chart(qtbot, 420, 3.72, 3.96)
    labels = view.value_labels()
    assert len(labels) == 10 and {label.text for label in labels} == {digits.score(3.72), digits.score(3.96)}
