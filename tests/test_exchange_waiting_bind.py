"""Issue 10 / try10 F2: a school's new laptop is bound by the 8 groups read out over the phone,
before any file of it has come here: the binding waits for the laptop's first file, whose key then
owns the school as if bound by its full fingerprint. Files move between databases with separate
data folders (separate keys), as in the other exchange tests.
"""

from __future__ import annotations

import io
import json
from typing import Callable

from qualityschool_desktop import cli, exchange
from qualityschool_desktop.exchange.waiting import WaitingBinding

from .laptops import (
    CODE_A,
    NAME_A,
    Laptop,
    behind_owner_check,
    laptops,  # noqa: F401 (a fixture)
    owned,
    school_and_district,
)

Laptops = Callable[[str], Laptop]


def _cli(*argv: str) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(list(argv)), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_a_new_laptop_bound_by_its_8_groups_owns_the_school_from_its_first_file(laptops: Laptops) -> None:
    school, district, ids, first = school_and_district(laptops)
    spare, stranger = laptops("school-a-spare"), laptops("stranger")
    spare.import_(first)
    with spare.open() as workspace:
        exchange.bind(workspace, spare.fingerprint, CODE_A)  # at the new laptop: its own key, for its own edits
        workspace.schools.update(ids["school"], pupils=125)
    from_spare = spare.export("spare.qsx")
    stranger.import_(first)
    with stranger.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], pupils=999)
    from_stranger = stranger.export("stranger.qsx")

    groups = exchange.fingerprint_groups(spare.fingerprint)  # what the new laptop shows: 8 groups
    with district.open() as workspace:
        waiting = exchange.bind(workspace, groups, CODE_A)
    assert isinstance(waiting, WaitingBinding) and waiting.school_code == CODE_A

    # Another key, with another fingerprint, does not answer the waiting binding.
    assert district.import_(from_stranger).counts["schools"].pending == 1
    with district.open() as workspace:
        assert workspace.schools.get(ids["school"]).pupils == 120
        assert [w.groups for w in exchange.list_waiting(workspace)] == [groups]

    preview = district.preview(from_spare)  # the preview says what will happen
    assert preview.counts["schools"].updated == 1 and preview.bound_waiting == [(groups, CODE_A)]
    result = district.import_(from_spare)
    counts = result.counts["schools"]
    assert (counts.updated, counts.pending) == (1, 0)
    assert [line for line in result.lines() if groups in line and CODE_A in line]
    with district.open() as workspace:
        assert workspace.schools.get(ids["school"]).pupils == 125
        assert exchange.list_waiting(workspace) == []
    assert CODE_A in owned(district)[spare.fingerprint]
    assert CODE_A not in owned(district).get(stranger.fingerprint, ())


def test_signers_lists_a_waiting_binding_and_unbind_removes_it(laptops: Laptops) -> None:
    district = laptops("district")
    with district.open() as workspace:
        workspace.schools.add(code=CODE_A, name=NAME_A, province="ตาก")
    db = str(district.db)
    groups = "BCF7-7D0A-3BFA-23CA-DB77-ED6D-568D-5C53"  # a laptop never seen here

    status, _, err = _cli("signers", "--db", db, "--bind", groups[:-5], "--school", CODE_A)  # 7 groups
    assert status == 2 and "๘ กลุ่ม" in err
    status, out, _ = _cli("signers", "--db", db, "--bind", groups, "--school", CODE_A)
    assert status == 0 and "รอ" in out and groups in out
    status, out, _ = _cli("signers", "--db", db)
    assert status == 0
    assert [line for line in out.splitlines() if groups in line and CODE_A in line]
    status, out, _ = _cli("signers", "--db", db, "--json")
    assert [(w["groups"], w["school"]) for w in json.loads(out)["waiting"]] == [(groups, CODE_A)]

    status, out, _ = _cli("signers", "--db", db, "--unbind", groups.lower().replace("-", " "), "--school", CODE_A)
    assert status == 0 and groups in out
    status, out, _ = _cli("signers", "--db", db)
    assert groups not in out
    status, _, err = _cli("signers", "--db", db, "--unbind", groups, "--school", CODE_A)
    assert status == 2
