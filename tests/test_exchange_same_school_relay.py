""""This is the same school" and relays (issue 10, "Files pass through hands"): a supervisor's comment
on a round the district typed, re-pointed at the district when the school's own file arrives and a
person confirms the school is the same, still reaches the province as the supervisor's own record,
checked against the supervisor's seal: the district's signed word that its typed record is the
school's own (``exchange/same_school.py``) travels beside the row in the form the supervisor sealed.

Every test moves real files between databases with separate data folders (separate keys).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop.exchange import ExchangeError

from .laptops import (
    CODE_A, Laptop, Laptops, edit_rows, laptops, read_members, resign_manifest, start_school,  # noqa: F401
    write_members,
)

MAPPINGS = "same_schools.jsonl"


def _typed_round_commented(laptops: Laptops) -> tuple[Laptop, Laptop, Path, dict[str, str]]:
    """The district types school A and its round of 2568; a supervisor, given the district's file,
    comments on that round and sends it back; the school's own file then arrives and a person at the
    district confirms it is the same school. Returns the district, the supervisor, the district's
    first file (the typed school) and the ids (typed and own)."""
    district, supervisor, school = laptops("district"), laptops("supervisor"), laptops("school-a")
    with district.open() as workspace:
        typed = workspace.schools.add(code=CODE_A, name="รร.บ้านแม่สอด (พิมพ์ที่เขต)")
        typed_round = workspace.assessments.start(typed.id, 2568)
        item = workspace.frameworks.latest().items[0].code
        workspace.answers.set_level(typed_round.id, item, 2)
        workspace.answers.flush_pending()
    typed_file = district.export("typed.qsx", school_codes=[CODE_A])
    supervisor.import_(typed_file)
    with supervisor.open() as workspace:
        comment = workspace.comments.on_assessment(typed_round.id, "หลักฐานยังไม่ครบ", item_code=item)
    district.import_(supervisor.export("sup.qsx", school_codes=[CODE_A]))
    with school.open() as workspace:
        own = start_school(workspace)
    district.import_(school.export("a.qsx"), same_schools=[CODE_A])
    ids = {"typed": typed.id, "typed_round": typed_round.id, "comment": comment.id, **own}
    return district, supervisor, typed_file, ids


def _comment_at(laptop: Laptop, ids: dict[str, str]) -> tuple[Any, str]:
    """The supervisor's comment at ``laptop`` and the installation whose seal it is kept with."""
    with laptop.open() as workspace:
        found = [c for c in workspace.comments.for_assessment(ids["assessment"]) if c.id == ids["comment"]]
        sealer = workspace.db.execute(
            "SELECT seals.installation_id FROM comments JOIN seals ON seals.id = comments.signed_set"
            " WHERE comments.id = ?", [ids["comment"]]).fetchone()
    return (found[0] if found else None), (sealer[0] if sealer else "")


@pytest.mark.parametrize("seen_before", [False, True], ids=["new-province", "province-saw-the-typed-school"])
def test_a_supervisors_comment_re_pointed_by_the_same_school_reaches_the_province_as_the_supervisors(
    laptops: Laptops, seen_before: bool,
) -> None:
    district, supervisor, typed_file, ids = _typed_round_commented(laptops)
    province = laptops("province")
    if seen_before:
        province.import_(typed_file)

    province.import_(district.export("relay.qsx", school_codes=[CODE_A]))

    comment, sealer = _comment_at(province, ids)
    assert comment is not None, "the supervisor's comment was lost on the way to the province"
    assert (comment.school_id, comment.assessment_id) == (ids["school"], ids["assessment"])
    assert comment.written_by == supervisor.installation_id
    assert sealer == supervisor.installation_id  # the supervisor's own seal, not the district's
    with province.open() as workspace:
        [only] = workspace.schools.list()
        assert only.id == ids["school"]
    # The province forwards it onward under the supervisor's seal as well.
    ministry = laptops("ministry")
    ministry.import_(province.export("onward.qsx", school_codes=[CODE_A]))
    assert _comment_at(ministry, ids)[1] == supervisor.installation_id
