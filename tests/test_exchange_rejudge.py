"""Issue 10 / RETEST30 N1: a change that waited ("รอตรวจสอบ") only because its signer was not yet
known as the record's owner is judged again the moment its signer becomes an owner: by a later
file's statement of the school's keys (in the same batch or a later import) or by a person's bind.
The same batch gives the same result whatever the order of its files.

The scenario: the school's laptop L1 and its second laptop L2. L2 took the school's file before L1
bound L2's key, so L2's own file carries the school's statement naming L1 alone; L1's later file
carries the statement naming L1 and L2. Files move between databases with separate data folders
(separate keys), as in the other exchange tests.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

import pytest

from qualityschool_desktop import cli, exchange

from .laptops import (
    CODE_A,
    Laptop,
    laptops,  # noqa: F401 (a fixture)
    start_school,
)

Laptops = Callable[[str], Laptop]


def _cli(*argv: str) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(list(argv)), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def _two_laptops(laptops: Laptops) -> tuple[dict[str, str], Path, Path, Laptop, Laptop]:
    """L1 makes the school (3 items at level 3) and sends it to L2; L2 binds its own key there and
    sets item 2 to level 1 (file Y, whose statement predates L2's binding); L1 then binds L2's key
    and sets item 3 to level 4 (file X, whose statement names L1 and L2). Returns the ids, X, Y
    and the two laptops."""
    l1, l2 = laptops("l1"), laptops("l2")
    with l1.open() as workspace:
        ids = start_school(workspace)
        ids["item3"] = workspace.frameworks.latest().items[2].code
    l2.import_(l1.export("x0.qsx"))
    with l2.open() as workspace:
        exchange.bind(workspace, l2.fingerprint, CODE_A)  # as the refusal text invites: its own edits
        workspace.answers.set_level(ids["assessment"], ids["item2"], 1)
        workspace.answers.flush_pending()
    y = l2.export("y-l2.qsx")
    with l1.open() as workspace:
        exchange.bind(workspace, l2.fingerprint, CODE_A)  # the school's word: its statement names L2
        workspace.answers.set_level(ids["assessment"], ids["item3"], 4)
        workspace.answers.flush_pending()
    x = l1.export("x3-l1.qsx")
    return ids, x, y, l1, l2


def _levels(laptop: Laptop, ids: dict[str, str]) -> tuple[int | None, int | None, int | None]:
    with laptop.open() as workspace:
        found = workspace.answers.for_assessment(ids["assessment"])
        return tuple(found[ids[key]].level if ids[key] in found else None  # type: ignore[return-value]
                     for key in ("item", "item2", "item3"))


def _waiting(laptop: Laptop) -> list[exchange.PendingChange]:
    with laptop.open() as workspace:
        return exchange.list_pending(workspace)


@pytest.mark.parametrize("order", ["x_first", "y_first"])
def test_one_batch_of_the_schools_two_laptops_gives_the_same_result_whatever_the_order(
    laptops: Laptops, order: str
) -> None:
    ids, x, y, _l1, _l2 = _two_laptops(laptops)
    district = laptops("district")
    results = [district.import_(path) for path in ((x, y) if order == "x_first" else (y, x))]
    assert _levels(district, ids) == (3, 1, 4)  # L2's edit applied, as the school's own
    assert _waiting(district) == []
    if order == "y_first":  # the second file's result says the waiting change was applied
        (told,) = [line for line in results[1].lines() if "รอตรวจสอบ" in line and "ผูก" in line]
        assert "2 รายการ" in told  # the answer and its history row
        assert results[1].rejudged.applied == 2
    else:
        assert all(result.rejudged.decided == 0 for result in results)


@pytest.mark.parametrize("order", ["x_first", "y_first"])
def test_the_command_line_batch_gives_the_same_result_whatever_the_order(laptops: Laptops, order: str) -> None:
    ids, x, y, _l1, _l2 = _two_laptops(laptops)
    district = laptops("district")
    files = [str(x), str(y)] if order == "x_first" else [str(y), str(x)]
    district.activate()  # the command runs as the district's installation (its data folder, its key)
    status, out, err = _cli("import", "--db", str(district.db), *files)
    assert status == 0, err
    assert _levels(district, ids) == (3, 1, 4)
    assert _waiting(district) == []
    if order == "y_first":
        assert "ใช้การแก้ไขที่รอตรวจสอบ" in out


def test_a_later_import_of_the_schools_statement_applies_the_waiting_change(laptops: Laptops) -> None:
    ids, x, y, _l1, _l2 = _two_laptops(laptops)
    district = laptops("district")
    district.import_(y)
    # Item 2 waits (L2 is not known as the school's laptop yet), with its history row, on top of L1's
    # own version, which Y carries beside L2's (format 7, exchange/relayed.py).
    assert _levels(district, ids)[1] == 3 and len(_waiting(district)) == 2
    result = district.import_(x)  # another day: the school's statement binds L2
    assert result.rejudged.applied == 2
    assert _levels(district, ids) == (3, 1, 4) and _waiting(district) == []
    with district.open() as workspace:  # listed as decided, so nobody is asked about it again
        decided = exchange.list_pending(workspace, include_decided=True)
        assert [change.decision for change in decided] == ["accepted", "accepted"]


def test_a_persons_bind_applies_the_waiting_change_of_that_key(laptops: Laptops) -> None:
    ids, _x, y, _l1, l2 = _two_laptops(laptops)
    district = laptops("district")
    district.import_(y)
    assert len(_waiting(district)) == 2  # the answer and its history row
    with district.open() as workspace:
        signer = exchange.bind(workspace, exchange.fingerprint_groups(l2.fingerprint, full=True), CODE_A)
        assert signer.rejudged is not None and signer.rejudged.applied == 2
    assert _levels(district, ids)[1] == 1 and _waiting(district) == []


def test_signers_bind_on_the_command_line_says_how_many_waiting_changes_it_applied(laptops: Laptops) -> None:
    ids, _x, y, _l1, l2 = _two_laptops(laptops)
    district = laptops("district")
    district.import_(y)
    district.activate()
    status, out, err = _cli("signers", "--db", str(district.db), "--bind", l2.fingerprint, "--school", CODE_A)
    assert status == 0, err
    assert "ใช้การแก้ไขที่รอตรวจสอบ 2 รายการ" in out  # the answer and its history row
    assert _levels(district, ids)[1] == 1 and _waiting(district) == []


def test_a_rejected_change_stays_rejected_when_its_key_is_bound_and_applies_when_its_file_comes_again(
    laptops: Laptops,
) -> None:
    """ไม่ยอมรับ promises not to ask again. Binding the key later leaves the rejection as it is, and
    the bind says so and how to use the change after all; importing the key's file again, now the
    school's own, applies it as the owner's change, and the result says so (nothing waits, nothing
    lies: the decided list shows it in use)."""
    ids, _x, y, _l1, l2 = _two_laptops(laptops)
    district = laptops("district")
    district.import_(y)
    with district.open() as workspace:  # ไม่ยอมรับ on the answer: its history row goes with it (R2)
        (answer,) = [c for c in exchange.list_pending(workspace) if c.table == "answers"]
        exchange.reject_pending(workspace, answer.id)
    district.activate()
    status, out, err = _cli("signers", "--db", str(district.db), "--bind", l2.fingerprint, "--school", CODE_A)
    assert status == 0, err
    assert "ไม่ยอมรับ\" ไว้ 2 รายการยังไม่ใช้" in out and "นำเข้าไฟล์ของเครื่องนั้นอีกครั้ง" in out
    assert "ใช้การแก้ไขที่รอตรวจสอบ" not in out
    assert _levels(district, ids)[1] == 3  # still rejected: L1's own version (carried in Y) in use
    with district.open() as workspace:
        assert [c.decision for c in exchange.list_pending(workspace, include_decided=True)] == ["rejected"] * 2

    result = district.import_(y)  # the same file again: now its signer is the school's laptop
    assert result.reapplied == 2
    assert [line for line in result.lines() if "เคยเลือก \"ไม่ยอมรับ\"" in line]
    assert _levels(district, ids)[1] == 1
    with district.open() as workspace:
        assert [c.decision for c in exchange.list_pending(workspace, include_decided=True)] == ["accepted"] * 2


def test_a_waiting_change_concurrent_with_the_owners_becomes_a_conflict_in_either_order(laptops: Laptops) -> None:
    l1, l2 = laptops("l1"), laptops("l2")
    with l1.open() as workspace:
        ids = start_school(workspace)
    l2.import_(l1.export("x0.qsx"))
    with l2.open() as workspace:
        exchange.bind(workspace, l2.fingerprint, CODE_A)
        workspace.answers.set_level(ids["assessment"], ids["item2"], 1)
        workspace.answers.flush_pending()
    y = l2.export("y-l2.qsx")
    with l1.open() as workspace:  # L1 changes the same item, not knowing L2's edit
        exchange.bind(workspace, l2.fingerprint, CODE_A)
        workspace.answers.set_level(ids["assessment"], ids["item2"], 4)
        workspace.answers.flush_pending()
    x = l1.export("x3-l1.qsx")
    outcomes = []
    for name, files in (("d1", (x, y)), ("d2", (y, x))):
        district = laptops(name)
        results = [district.import_(path) for path in files]
        with district.open() as workspace:
            assert exchange.list_pending(workspace) == []
            (conflict,) = exchange.list_conflicts(workspace)
            in_use = workspace.answers.get(ids["assessment"], ids["item2"])
            assert in_use is not None
            outcomes.append((conflict.table, in_use.level))
        if files[0] == y:
            assert results[1].rejudged.conflicts == 1
            assert [line for line in results[1].lines() if "ขัดแย้ง" in line and "รอตรวจสอบ" in line]
    assert outcomes[0] == outcomes[1]  # the same version in use, whatever the order


def _history_levels(laptop: Laptop, ids: dict[str, str]) -> list[str | None]:
    """The levels item 2's history shows, oldest first (what the form's ประวัติ lists)."""
    with laptop.open() as workspace:
        return [entry.new_value for entry in workspace.answers.history(ids["assessment"], ids["item2"])
                if entry.field == "level"]


@pytest.mark.parametrize("binding", ["later_file", "persons_bind"])
def test_rejecting_a_waiting_answer_takes_its_history_row_with_it(laptops: Laptops, binding: str) -> None:
    """RETEST31 R2: a person rejects L2's answer (ไม่ยอมรับ on คำตอบรายประเด็น); its history row of the
    same edit is rejected with it, so the binding that comes later applies neither: the answer is not
    L2's here and its ประวัติ does not show a level that is not in the data."""
    ids, x, y, _l1, l2 = _two_laptops(laptops)
    district = laptops("district")
    district.import_(y)
    with district.open() as workspace:
        (answer,) = [c for c in exchange.list_pending(workspace) if c.table == "answers"]
        exchange.reject_pending(workspace, answer.id)
        assert exchange.list_pending(workspace) == []  # nothing of that edit is left to ask about
        assert sorted(c.decision for c in exchange.list_pending(workspace, include_decided=True)) == ["rejected"] * 2
    if binding == "later_file":
        result = district.import_(x)
        assert result.rejudged.applied == 0
    else:
        with district.open() as workspace:
            signer = exchange.bind(workspace, l2.fingerprint, CODE_A)
            assert signer.rejudged is not None and signer.rejudged.applied == 0
    # L2's rejected level is not in use: L1's own (from its file, or carried in Y beside L2's).
    assert _levels(district, ids)[1] == 3
    assert "1" not in _history_levels(district, ids)


def test_a_rejudge_never_applies_a_history_row_whose_answer_was_rejected_or_still_waits(laptops: Laptops) -> None:
    """A database where an earlier program rejected the answer alone (its history row still waiting,
    as RETEST31 found it): the binding applies nothing of that edit; the history row keeps waiting."""
    ids, x, y, _l1, _l2 = _two_laptops(laptops)
    district = laptops("district")
    district.import_(y)
    with district.open() as workspace:
        workspace.db.execute("UPDATE pending_changes SET decision = 'rejected', decided_at = '2026-12-02T10:00:00Z'"
                             " WHERE table_name = 'answers'")
    result = district.import_(x)
    assert result.rejudged.applied == 0
    assert _levels(district, ids)[1] == 3  # the school's L1 level, as before L2's rejected edit
    assert "1" not in _history_levels(district, ids)
    assert [c.table for c in _waiting(district)] == ["answer_history"]


def test_a_rejected_change_comes_back_in_another_laptops_file_of_the_school_and_the_result_says_whose(
        laptops: Laptops) -> None:
    """RETEST31 R6: the district rejected L2's change; the school's main laptop L1 took L2's file in
    and exports: its file carries L2's change under L2's seal and names L2 as the school's. The
    import applies it as the school's own, and the result says that the laptop that made the change
    is the school's now (not "the sender", who is L1 here)."""
    ids, _x, y, l1, _l2 = _two_laptops(laptops)
    district = laptops("district")
    district.import_(y)
    with district.open() as workspace:
        (answer,) = [c for c in exchange.list_pending(workspace) if c.table == "answers"]
        exchange.reject_pending(workspace, answer.id)
    l1.import_(y)
    x7 = l1.export("x7-l1.qsx")
    result = district.import_(x7)
    assert _levels(district, ids)[1] == 1
    (told,) = [line for line in result.lines() if "เคยเลือก \"ไม่ยอมรับ\"" in line]
    assert "เครื่องที่แก้ไขเป็นเครื่องของโรงเรียนแล้ว" in told and "ผู้ส่ง" not in told


def test_the_count_of_changes_applied_when_the_key_is_bound_does_not_depend_on_the_order_they_came(
        laptops: Laptops) -> None:
    """RETEST31 R4: L2 edited item 2 twice (level 1 in Y, then 5 in Y3), both waiting at the district
    when L1's file binds L2. Y before Y3 said "applied 6"; Y3 before Y said "applied 5" and "1 no
    longer needed". Whatever the order, the older edit is the one no longer needed."""
    ids, x, y, _l1, l2 = _two_laptops(laptops)
    with l2.open() as workspace:
        workspace.answers.set_level(ids["assessment"], ids["item2"], 5)
        workspace.answers.flush_pending()
    y3 = l2.export("y3-l2.qsx")
    told = []
    for name, files in (("d1", (y, y3)), ("d2", (y3, y))):
        district = laptops(name)
        for path in files:
            district.import_(path)
        result = district.import_(x)
        assert _levels(district, ids) == (3, 5, 4) and _waiting(district) == []
        told.append((result.rejudged.applied, result.rejudged.superseded,
                     [line for line in result.lines() if "รอตรวจสอบ" in line]))
    assert told[0] == told[1]
    assert told[0][1] == 1  # the level-1 edit: L2's own later edit is here


def test_a_waiting_change_judged_again_is_written_by_the_imports_own_write(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One write path: the rows of a change that waited go through the import's write
    (``WritingStore.write``), the one that writes a file's rows, so a fix there holds for them too;
    each is written as it came, under its own file's name (the conflict list names the file)."""
    from qualityschool_desktop.exchange import store

    ids, x, y, _l1, _l2 = _two_laptops(laptops)
    district = laptops("district")
    district.import_(y)
    written: list[tuple[str, str, str]] = []
    real = store.WritingStore.write

    def spy(self: store.WritingStore, table: str, decisions: list[store.Decision]) -> None:
        written.extend((table, d.action, d.source) for d in decisions if d.source)
        real(self, table, decisions)

    monkeypatch.setattr(store.WritingStore, "write", spy)
    result = district.import_(x)
    assert result.rejudged.applied == 2
    assert sorted(written) == [("answer_history", "insert", y.name), ("answers", "update", y.name)]
    assert _levels(district, ids) == (3, 1, 4)
