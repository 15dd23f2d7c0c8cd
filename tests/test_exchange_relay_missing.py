"""RETEST30 N6: a stranger that imported a school's file, bound its own key locally and changed an
answer sends its file to a district that has never seen the school. A file of format 6 or older (a
relay with an older program) carries the school's answer only in the stranger's version, which waits
("รอตรวจสอบ"): the school's own value is missing here. The preview, the result and the waiting change
say so (the school's results here are incomplete until its own file comes), instead of leaving a
district to read a colour from the other answers. A file of format 7 carries the school's own version
beside the stranger's (``tests/test_exchange_relay_owner_version.py``): nothing is missing."""

from __future__ import annotations

from typing import Callable

from qualityschool_desktop import exchange

from .laptops import (  # noqa: F401 (a fixture)
    CODE_A, Laptop, laptops, read_members, resign_manifest, start_school, write_members,
)

Laptops = Callable[[str], Laptop]
MISSING = "ยังไม่มีฉบับของโรงเรียนเองในเครื่องนี้"


def test_a_relays_change_to_an_answer_the_district_never_had_says_the_schools_own_is_missing(
    laptops: Laptops,
) -> None:
    school, stranger, district = laptops("school"), laptops("stranger"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    own = school.export("own.qsx")
    stranger.import_(own)
    with stranger.open() as workspace:
        exchange.bind(workspace, stranger.fingerprint, CODE_A)  # as the refusal text invites
        workspace.answers.set_level(ids["assessment"], ids["item"], 1)
        workspace.answers.flush_pending()
    current = stranger.export("s-selfbound.qsx")
    members = read_members(current)
    assert "relayed/answers.jsonl" in members  # the school's own answer travels beside the stranger's …
    assert not [w for w in district.preview(current).warnings if MISSING in w]
    members = {name: data for name, data in members.items() if not name.startswith("relayed/")}
    stranger.activate()  # … which an older program's file did not carry
    relayed = write_members(current.with_name("s-older.qsx"), resign_manifest(members))

    preview = district.preview(relayed)
    (told,) = [w for w in preview.warnings if MISSING in w]
    assert CODE_A in told and "ไม่ครบ" in told
    result = district.import_(relayed)
    assert [w for w in result.warnings if MISSING in w]
    assert [line for line in result.lines() if MISSING in line]
    with district.open() as workspace:
        assert workspace.answers.get(ids["assessment"], ids["item"]) is None  # the stranger's version waits
        (answer,) = [c for c in exchange.list_pending(workspace) if c.table == "answers"]
        assert answer.own_version_missing

    district.import_(own)  # the school's own file: its value is here, the stranger's change still waits
    with district.open() as workspace:
        here = workspace.answers.get(ids["assessment"], ids["item"])
        assert here is not None and here.level == 3
        (answer,) = [c for c in exchange.list_pending(workspace) if c.table == "answers"]
        assert not answer.own_version_missing


def test_the_schools_own_laptops_new_answer_waiting_for_its_binding_is_not_called_missing(laptops: Laptops) -> None:
    """A record the sender made alone (no other laptop's version before it) is new, not missing."""
    school, stranger, district = laptops("school"), laptops("stranger"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace, levels=2)
        item3 = workspace.frameworks.latest().items[2].code
    stranger.import_(school.export("own.qsx"))
    with stranger.open() as workspace:
        exchange.bind(workspace, stranger.fingerprint, CODE_A)
        workspace.answers.set_level(ids["assessment"], item3, 5)
        workspace.answers.flush_pending()
    result = district.import_(stranger.export("s.qsx"))
    assert not [w for w in result.warnings if MISSING in w]
    with district.open() as workspace:
        assert not any(c.own_version_missing for c in exchange.list_pending(workspace))
