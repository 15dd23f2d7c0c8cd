""""This is the same school" (issue 10) for a school the district has worked with before its own file
came: its contact log, comments and a typed round that was submitted and reviewed are the district's
append-only records about that school; confirming the school's own file keeps every one of them,
now about the school's own record, instead of failing the whole import (try11b F19: FOREIGN KEY
constraint failed, and the message promised technical details it never showed)."""

from __future__ import annotations

from datetime import date

import pytest

from qualityschool_desktop.exchange import ExchangeError
from qualityschool_desktop.exchange.editors import editor_names

from .laptops import CODE_A, NAME_A, Laptops, laptops, start_school  # noqa: F401 (a fixture)


def test_a_typed_school_with_contacts_comments_and_a_submitted_round_becomes_the_school(laptops: Laptops) -> None:
    school, district = laptops("school-a"), laptops("district")
    with district.open() as workspace:
        typed = workspace.schools.add(code=CODE_A, name="รร.บ้านแม่สอด (พิมพ์ที่เขต)")
        contact = workspace.contacts.add(typed.id, date(2025, 11, 3), "phone", "แนะนำการกรอกแบบประเมิน")
        round_ = workspace.assessments.start(typed.id, 2568)
        item = workspace.frameworks.latest().items[0].code
        workspace.answers.set_level(round_.id, item, 2)
        workspace.answers.flush_pending()
        comment = workspace.comments.on_assessment(round_.id, "หลักฐานยังไม่ครบ", item_code=item)
        workspace.assessments.submit(round_.id)
    with school.open() as workspace:
        ids = start_school(workspace)  # the school's own round of 2568
    own_file = school.export("a.qsx")
    # test28 N8: before the tick, the preview says whose key the school will be bound to and what of
    # the typed record's moves onto the school.
    first = district.preview(own_file)
    [match] = first.same_schools
    assert match.bound_keys == (school.fingerprint,)
    assert match.moving == {"comments": 1, "contacts": 1}

    result = district.import_(own_file, same_schools=[CODE_A])

    assert result.counts["schools"].new == 1
    with district.open() as workspace:
        [only] = workspace.schools.list()
        assert only.id == ids["school"]
        assert [c.id for c in workspace.contacts.for_school(ids["school"])] == [contact.id]
        assert [c.id for c in workspace.comments.for_assessment(ids["assessment"])] == [comment.id]
        # try27 F5: the level typed here before the school's file came is still in the item's
        # history on the school's round, as the warning says; the school's own change beside it.
        history = workspace.answers.history(ids["assessment"], item)
        assert [(h.new_value, h.assessment_id) for h in history] == [("2", round_.id), ("3", ids["assessment"])]
        # try27 F4b: who made each change, as a person can tie it to the senders' list: this laptop,
        # else the signer's name and the first groups of its key's fingerprint.
        names = editor_names(workspace)
        assert names[workspace.installation_id] == ""
        key = school.fingerprint.upper()
        assert names[school.installation_id] == (  # the school first, its computer a detail (s33 exB T5)
            f"{NAME_A} (รหัส {CODE_A}) · เครื่อง {first.signer_name} · กุญแจ {key[:4]}-{key[4:8]}…")


def test_an_import_that_fails_unforeseen_carries_sqlite_s_words_as_its_detail(laptops: Laptops,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from qualityschool_desktop.exchange import store

    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    own_file = school.export("a.qsx")

    def broken(self, table, decisions):  # noqa: ANN001, ANN202
        raise sqlite3.IntegrityError("FOREIGN KEY constraint failed")

    monkeypatch.setattr(store.WritingStore, "write", broken)
    with pytest.raises(ExchangeError) as raised:
        district.import_(own_file)
    assert "FOREIGN KEY constraint failed" in (raised.value.detail or "")
