"""Change notices: a plain value saying what a piece of work changed."""

from __future__ import annotations

from qualityschool_desktop.changes import Changes


def test_an_empty_notice_is_false_and_ids_become_sets() -> None:
    assert not Changes()
    notice = Changes(assessments=["a1", "a2"], visits="v1")
    assert notice and notice.assessments == frozenset({"a1", "a2"}) and notice.visits == frozenset({"v1"})
    assert notice.assessment("a1") and not notice.assessment("a3")
    assert notice.visit("v1") and not notice.visit("v2")
    assert not notice.any_schools and notice.any_assessments and notice.any_visits


def test_answers_of_a_round_count_as_that_round_changing() -> None:
    notice = Changes(answers={"a1"})
    assert notice.assessment("a1") and notice.any_assessments and not notice.assessment("a2")


def test_merging_keeps_everything_either_side_said() -> None:
    merged = Changes(schools=True, assessments={"a1"}) | Changes(assessments={"a2"}, follow_ups=True)
    assert merged == Changes(schools=True, assessments={"a1", "a2"}, follow_ups=True)
    assert (Changes(visits={"v1"}) | Changes(visits=True)).visits is True


def test_everything_answers_yes_to_every_question() -> None:
    notice = Changes.all()
    assert notice.any_schools and notice.any_follow_ups and notice.any_signers and notice.any_network_schools
    assert notice.assessment("whatever") and notice.visit("whatever")


def test_an_import_is_described_by_the_tables_it_wrote() -> None:
    notice = Changes.from_tables(["schools", "answer_history", "visit_people"])
    assert notice.any_schools and notice.answers is True and notice.visits is True
    assert notice.assessment("any round") and not notice.any_follow_ups and not notice.everything
    assert Changes.from_tables(["a_table_added_later"]).everything
    assert not Changes.from_tables([])


def test_the_exchanges_waiting_changes_and_conflicts_are_kinds_of_their_own() -> None:
    notice = Changes.from_tables(["pending_changes", "exchange_conflicts"])
    assert notice.any_pending and notice.any_conflicts and not notice.any_schools and not notice.everything
    assert Changes.all().any_pending and Changes.all().any_conflicts
    assert not Changes(schools=True).any_pending
