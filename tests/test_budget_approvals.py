"""Issue 14: the office's decision on a budget request (approved amount and note) is an office-owned
record that travels in exchange files like a review decision: the school's laptop sees it after an
import, once a person there bound the office's key (review/offices.py, as for review decisions); a decision the school makes itself waits as pending at the district, and one forged in the
office's name refuses the file."""

from __future__ import annotations

from typing import Callable

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.budget.requests import BudgetItem
from qualityschool_desktop.exchange import ExchangeError
from qualityschool_desktop.ids import new_id
from qualityschool_desktop.review import offices
from qualityschool_desktop.thai import office_name
from qualityschool_desktop.workspace import Workspace

from .laptops import (
    CODE_A,
    Laptop,
    approval_behind_the_core,
    edit_rows,
    forge,
    laptops,  # noqa: F401 (a fixture)
    read_members,
    start_school,
    write_members,
)

Laptops = Callable[[str], Laptop]
NOTE = "อนุมัติตามกรอบวงเงินของเขต"
AREA = "สพป.ตาก เขต ๒"


def requested_at_district(laptops: Laptops) -> tuple[Laptop, Laptop, str]:
    """School A asks for a projector and sends it; the district imports it. Returns the item id."""
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        item = workspace.budget.add(ids["school"], 2570, "equipment", description="เครื่องฉายภาพ", quantity=2,
                                    unit_price="25,000")
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    with school.open() as workspace:  # the school's person binds its office's key once (review/offices.py)
        workspace.schools.update(ids["school"], area_office=AREA)
        offices.bind(workspace, district.fingerprint, AREA)
    return school, district, item.id


def projector_asked(workspace: Workspace) -> tuple[dict[str, str], BudgetItem]:
    """School A (:func:`~.laptops.start_school`) of AREA asks for two projectors at 25,000 baht
    (fiscal year 2570). Returns its ids and the request's item."""
    ids = start_school(workspace)
    workspace.schools.update(ids["school"], area_office=AREA)
    return ids, workspace.budget.add(ids["school"], 2570, "equipment", description="เครื่องฉายภาพ", quantity=2,
                                     unit_price="25,000")


def approved_by_an_unbound_office(laptops: Laptops, note: str = NOTE) -> tuple[Laptop, Laptop, str, exchange.ImportResult]:
    """School A (of AREA) asks for a projector and sends it; the district approves 10,000 baht
    with ``note`` and sends it back before the school bound the office's key. Returns the two
    laptops, the item id and the school's import result (the approval waits there)."""
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        _ids, item = projector_asked(workspace)
    district.import_(school.export("a-1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        workspace.budget.set_approval(item.id, "10000", note)
    return school, district, item.id, school.import_(district.export("d-1.qsx", school_codes=[CODE_A]))


def approved_at(laptop: Laptop, item_id: str) -> tuple[int | None, str] | None:
    with laptop.open() as workspace:
        approval = workspace.budget.approval(item_id)
        return None if approval is None else (approval.approved_satang, approval.note)


def test_the_school_sees_the_office_s_approval_after_an_import(laptops: Laptops) -> None:
    school, district, item = requested_at_district(laptops)
    with district.open() as workspace:
        workspace.budget.set_approval(item, "๔๐,๐๐๐", NOTE)
    assert approved_at(district, item) == (4_000_000, NOTE)
    school.import_(district.export("d-1.qsx", school_codes=[CODE_A]))
    assert approved_at(school, item) == (4_000_000, NOTE)

    with district.open() as workspace:  # a later decision supersedes the first, at both ends
        workspace.budget.set_approval(item, "50000", "")
    school.import_(district.export("d-2.qsx", school_codes=[CODE_A]))
    assert approved_at(school, item) == (5_000_000, "")
    district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))  # and back again: nothing new
    assert approved_at(district, item) == (5_000_000, "")


def test_an_approval_the_school_records_itself_does_not_apply_at_the_district(laptops: Laptops) -> None:
    school, district, item = requested_at_district(laptops)
    with school.open() as workspace:  # the school "approves" its own request (a hand-made database)
        approval_behind_the_core(workspace, item, 100_000_000)
    district.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    assert approved_at(district, item) is None
    with district.open() as workspace:
        pending = exchange.list_pending(workspace)
    assert [change.table for change in pending] == ["budget_decisions"]


def test_an_approval_forged_in_the_office_s_name_refuses_the_file(laptops: Laptops) -> None:
    school, district, item = requested_at_district(laptops)
    with district.open() as workspace:
        workspace.budget.set_approval(item, "10000", NOTE)
    members = read_members(district.export("d-1.qsx", school_codes=[CODE_A]))
    school.activate()  # the school raises the office's amount and seals the file with its own key
    forged = forge(edit_rows(members, "budget_decisions",
                             lambda row: row.update(approved_satang=100_000_000, id=new_id())))
    with pytest.raises(ExchangeError):
        district.import_(write_members(school.root / "files" / "forged.qsx", forged))
    with pytest.raises(ExchangeError):
        school.import_(write_members(school.root / "files" / "forged-here.qsx", forged))
    assert approved_at(district, item) == (1_000_000, NOTE)
    assert approved_at(school, item) is None


def test_the_amount_and_note_are_held_to_the_shared_limits_here_and_in_a_file(laptops: Laptops) -> None:
    from qualityschool_desktop import validation
    from qualityschool_desktop.errors import ValidationError

    school, district, item = requested_at_district(laptops)
    with district.open() as workspace:
        assert workspace.budget.set_approval(item, "0").approved_satang == 0
    members = read_members(district.export("d-1.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        top = validation.MAX_SATANG // 100
        for amount, note in ((f"{top}.01", ""), ("-1", ""), ("0", "ก" * (validation.MAX_TEXT + 1))):
            with pytest.raises(ValidationError, match="งบประมาณที่อนุมัติ|หมายเหตุของสำนักงาน"):
                workspace.budget.set_approval(item, amount, note)
        # the whole request (50,000 baht) is the most it takes (F14.3); the note up to the limit
        assert workspace.budget.set_approval(item, "50,000", "ก" * validation.MAX_TEXT).approved_satang == 5_000_000
    school.import_(write_members(school.root / "files" / "d-1.qsx", members))
    assert approved_at(school, item) == (0, "")
    for name in list(members):  # only the decisions: the school has the rest already
        if name.startswith("records/") and name != "records/budget_decisions.jsonl":
            members[name] = b""
    district.activate()  # the office itself sends an amount or note over the limits: the school refuses the file
    for change in ({"approved_satang": -1}, {"approved_satang": validation.MAX_SATANG + 1},
                   {"note": "ก" * (validation.MAX_TEXT + 1)}):
        forged = forge(edit_rows(members, "budget_decisions", lambda row, c=change: row.update(c, id=new_id())))
        with pytest.raises(ExchangeError, match="งบประมาณที่อนุมัติ|หมายเหตุของสำนักงาน"):
            school.import_(write_members(district.root / "files" / "over.qsx", forged))


def test_an_approval_above_the_request_in_a_file_refuses_it_like_the_local_check(laptops: Laptops) -> None:
    """Issue 14 (tester): the office's own file with an approved amount above what the school asked
    for (50,000 baht) is refused at the school, with the local check's Thai message; nothing applies."""
    school, district, item = requested_at_district(laptops)
    with district.open() as workspace:
        workspace.budget.set_approval(item, "10000", NOTE)
    members = read_members(district.export("d-1.qsx", school_codes=[CODE_A]))
    for name in list(members):  # only the decisions: the school has the rest already
        if name.startswith("records/") and name != "records/budget_decisions.jsonl":
            members[name] = b""
    district.activate()  # the office's own key seals an amount its app would not record
    forged = forge(edit_rows(members, "budget_decisions",
                             lambda row: row.update(approved_satang=100_000_000, id=new_id())))
    with pytest.raises(ExchangeError, match="มากกว่าที่โรงเรียนขอ ๕๐,๐๐๐"):
        school.import_(write_members(district.root / "files" / "over.qsx", forged))
    assert approved_at(school, item) is None


def test_an_approval_from_an_unbound_office_waits_saying_how_to_bind_its_key(laptops: Laptops) -> None:
    """Issue 14 (tester): before the school binds its office's key the approval waits as pending,
    and both the import's warning and the pending change's reason say how to bind it."""
    school, _district, item, result = approved_by_an_unbound_office(laptops)
    assert approved_at(school, item) is None
    said = " ".join(result.warnings)
    assert "ผลการอนุมัติงบประมาณ" in said and f'signers --office ลายนิ้วมือ --area-office "{office_name(AREA)}"' in said
    with school.open() as workspace:
        pending = exchange.list_pending(workspace)
    assert [change.table for change in pending] == ["budget_decisions"]
    # The window's way, phone first; no command line in the pending window (s33 T2: the import's
    # command-line warning above still names it).
    assert "ผูกเป็นกุญแจเขต" in pending[0].reason_text and "โทรเทียบลายนิ้วมือ" in pending[0].reason_text
    assert "signers --office" not in pending[0].reason_text


def test_binding_the_office_s_key_applies_its_waiting_approval_as_a_school_binding_does(laptops: Laptops) -> None:
    """RETEST31 R5: a school's binding judges again the changes that waited for that key; the
    office's binding only said "import that file again". Now it applies the approval that waited
    for it (the same rules as an import: an approval of a request here, by the key just bound as
    the office of the school's area) and the command says how many."""
    import io

    from qualityschool_desktop import cli

    school, district, item, _result = approved_by_an_unbound_office(laptops)
    assert approved_at(school, item) is None  # waits: the office's key is not bound here yet
    with school.open() as workspace:  # and says the binding applies it: no need to import again
        (waiting,) = exchange.list_pending(workspace)
        assert "ใช้ทันทีที่ผูก" in waiting.reason_text and "และนำเข้าไฟล์นี้อีกครั้ง" not in waiting.reason_text
    school.activate()
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["signers", "--db", str(school.db), "--office", district.fingerprint,
                                "--area-office", AREA]), out=out, err=err)
    assert status == 0, err.getvalue()
    assert approved_at(school, item) == (1_000_000, NOTE)
    with school.open() as workspace:
        assert exchange.list_pending(workspace) == []
    assert "ใช้ผลการตรวจและผลการอนุมัติงบประมาณที่รอตรวจสอบ 1 รายการแล้ว" in out.getvalue()
    assert "นำเข้าไฟล์นั้นอีกครั้ง" not in out.getvalue()
