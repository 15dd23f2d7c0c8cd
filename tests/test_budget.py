"""Issue 14 (part 1): budget requests: the seed's rules at their limits, baht in figures and words,
saved as typed, and owned by the school across exchange files (real files between laptops)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop.budget import baht_words, format_baht, load_rules, parse_baht, rule_messages
from qualityschool_desktop.errors import OwnershipError, ValidationError
from qualityschool_desktop.workspace import Workspace

from .laptops import (  # noqa: F401 (fixture)
    CODE_A, Laptops, forge, forged_by_another_key, laptops, start_school,
)

YEAR = 2569


def add_items(workspace: Workspace, school_id: str, kinds: list[str]) -> None:
    for index, kind in enumerate(kinds, start=1):
        workspace.budget.add(school_id, YEAR, kind, description=f"รายการที่ {index}", quantity=1, unit="ชุด",
                             unit_price="100,000", span_years=3 if kind == "multi_year" else 1)


def test_the_seed_rules_are_the_default() -> None:
    rules = load_rules()
    assert {group.key: group.max_items for group in rules.groups} == {"equipment": 3, "land_buildings": 2}
    assert rules.group_of("multi_year").label == "ที่ดินและสิ่งก่อสร้าง"
    # Seed 001 cites ว๕๕๘ under item ๓ (the schools chosen); the budget rules are item ๔, Lampang
    # area office 3's own proposal for fiscal year 2568, which cites no letter (finding 12 of TEST14).
    assert "ว๕๕๘" not in rules.source
    assert "ข้อ ๔" in rules.source and "ลำปาง เขต ๓" in rules.source and "๒๕๖๘" in rules.source


def test_an_office_changes_the_limits_with_a_file_in_its_data_folder(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """TEST26b F11: the limits were only in the program's files; as the coverage rules, an office
    keeps its own copy in the data folder, and a copy that cannot be read is named, not applied."""
    import json

    from qualityschool_desktop.budget.rules import make_office_rules, office_rules_refusal, rules_path

    monkeypatch.setenv("QUALITYSCHOOL_DATA_DIR", str(tmp_path))
    assert load_rules().path == str(rules_path())
    written = make_office_rules()
    assert written == tmp_path / "budget-rules.json" and load_rules().path == str(written)
    data = json.loads(written.read_text(encoding="utf-8"))
    data["groups"][0]["max_items"] = 4  # next year's letter: 4 equipment items
    written.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert rule_messages(["equipment"] * 4) == () and make_office_rules() == written  # never overwritten
    written.write_text("{", encoding="utf-8")  # a typo: the program's rules apply, the office is told why
    assert load_rules().path == str(rules_path()) and len(rule_messages(["equipment"] * 4)) == 1
    assert str(written) in (office_rules_refusal() or "")


@pytest.mark.parametrize(("equipment", "buildings", "over"), [
    (3, 2, []),
    (4, 2, ["ครุภัณฑ์มี ๔ รายการ เกินเกณฑ์ไม่เกิน ๓ รายการ"]),
    (3, 3, ["ที่ดินและสิ่งก่อสร้างมี ๓ รายการ เกินเกณฑ์ไม่เกิน ๒ รายการ"]),
    (4, 3, ["ครุภัณฑ์มี ๔", "ที่ดินและสิ่งก่อสร้างมี ๓"]),
])
def test_rules_at_their_limits_speak_but_the_draft_is_saved(memory_workspace: Workspace, equipment: int,
                                                             buildings: int, over: list[str]) -> None:
    school = memory_workspace.schools.add(code="5201000001", name="โรงเรียนบ้านแป้น")
    kinds = ["equipment"] * equipment + ["construction", "renovation", "multi_year"][:buildings]
    add_items(memory_workspace, school.id, kinds)
    items = memory_workspace.budget.items(school.id, YEAR)
    assert len(items) == equipment + buildings  # every item saved, even over the limit
    messages = memory_workspace.budget.messages(school.id, YEAR)
    assert len(messages) == len(over)
    for message, expected in zip(messages, over):
        assert expected in message and "บันทึกร่างไว้แล้ว" in message
    # removing the extra item clears the message
    if over:
        for item in items[3:] if equipment > 3 else []:
            memory_workspace.budget.remove(item.id)
            break
        assert len(memory_workspace.budget.messages(school.id, YEAR)) == len(over) - (1 if equipment > 3 else 0)


def test_rule_messages_count_only_the_kinds_given() -> None:
    assert rule_messages(["equipment"] * 3) == ()
    assert len(rule_messages(["renovation", "renovation", "construction"])) == 1


def test_amounts_in_satang_figures_and_words(memory_workspace: Workspace) -> None:
    assert parse_baht("๑,๒๕๐.๕๐ บาท") == 125050
    assert parse_baht("") == 0
    for bad in ("สองพัน", "-5", "1.005", "1e20"):
        with pytest.raises(ValidationError):
            parse_baht(bad)
    assert format_baht(1186790000) == "๑๑,๘๖๗,๙๐๐"
    assert format_baht(125050, "arabic") == "1,250.50"
    assert baht_words(1186790000) == "สิบเอ็ดล้านแปดแสนหกหมื่นเจ็ดพันเก้าร้อยบาทถ้วน"
    school = memory_workspace.schools.add(code="5201000001", name="โรงเรียนบ้านแป้น")
    item = memory_workspace.budget.add(school.id, YEAR, "equipment", description="ชุดครุภัณฑ์ห้องปฏิบัติการ",
                                       quantity="๓", unit="ชุด", unit_price="45,500.25", scope_codes="๑.๒, 1.2.3")
    assert (item.quantity, item.unit_price_satang, item.amount_satang) == (3, 4550025, 13650075)
    assert item.codes == ("1.2", "1.2.3")
    assert memory_workspace.budget.total_satang(school.id, YEAR) == 13650075


def test_bad_input_changes_nothing(memory_workspace: Workspace) -> None:
    school = memory_workspace.schools.add(code="5201000001", name="โรงเรียนบ้านแป้น")
    item = memory_workspace.budget.add(school.id, YEAR, "construction", description="อาคารเรียน")
    for change in ({"quantity": "สาม"}, {"unit_price": "แพง"}, {"kind": "land"}, {"priority": "0"},
                   {"scope_codes": "ข้อหนึ่ง"}, {"description": "ก" * 300}):
        with pytest.raises(ValidationError):
            memory_workspace.budget.update(item.id, **change)
    assert memory_workspace.budget.get(item.id) == item
    with pytest.raises(ValidationError, match="ปีงบประมาณ"):
        memory_workspace.budget.add(school.id, 1999, "equipment")


def test_the_office_records_what_it_approved(laptops: Laptops) -> None:
    school, district, ids = school_with_request(laptops)
    with district.open() as workspace:
        approval = workspace.budget.set_approval(ids["item"], "2,000,000", "อนุมัติบางส่วน")
        assert (approval.approved_satang, approval.note) == (200000000, "อนุมัติบางส่วน")
        assert workspace.budget.set_approval(ids["item"], "").approved_satang is None


def test_the_school_s_own_laptop_records_no_office_approval(memory_workspace: Workspace) -> None:
    """F14.2: as a school never reviews its own submission, it never approves its own request."""
    school = memory_workspace.schools.add(code="5201000001", name="โรงเรียนบ้านแป้น")
    item = memory_workspace.budget.add(school.id, YEAR, "construction", quantity=1, unit_price="2,500,000")
    with pytest.raises(ValidationError, match="โรงเรียนบันทึกผลการอนุมัติงบประมาณของตนเองไม่ได้"):
        memory_workspace.budget.set_approval(item.id, "2,000,000", "อนุมัติเอง")
    assert memory_workspace.budget.approval(item.id) is None


def school_with_request(laptops: Laptops) -> tuple[Any, Any, dict[str, str]]:
    school, district = laptops("school"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        item = workspace.budget.add(ids["school"], YEAR, "multi_year", description="อาคารเรียน ๔ ชั้น ๑๒ ห้องเรียน",
                                    quantity=1, unit="หลัง", unit_price="11,867,900", span_years=3,
                                    scope_codes="1.1", justification="อาคารเดิมทรุดโทรม")
        ids["item"] = item.id
    district.import_(school.export("a.qsx"))
    return school, district, ids


def test_a_request_round_trips_and_only_the_school_changes_it(laptops: Laptops) -> None:
    school, district, ids = school_with_request(laptops)
    with district.open() as workspace:
        (item,) = workspace.budget.items(ids["school"], YEAR)
        assert (item.description, item.amount_satang, item.span_years) == ("อาคารเรียน ๔ ชั้น ๑๒ ห้องเรียน",
                                                                          1186790000, 3)
        for attempt in (lambda: workspace.budget.update(item.id, unit_price="99"),
                        lambda: workspace.budget.add(ids["school"], YEAR, "equipment"),
                        lambda: workspace.budget.remove(item.id)):
            with pytest.raises(OwnershipError, match="แก้ไขได้ที่เครื่องของโรงเรียน"):
                attempt()
        assert workspace.budget.get(item.id).unit_price_satang == 1186790000
        workspace.budget.set_approval(item.id, "10,000,000")  # the office's own decision, beside it
    with school.open() as workspace:  # the school changes it; the change travels
        workspace.budget.update(ids["item"], unit_price="12,000,000")
    result = district.import_(school.export("b.qsx"))
    assert result.counts["budget_requests"].updated == 1
    with district.open() as workspace:
        assert workspace.budget.get(ids["item"]).unit_price_satang == 1200000000
        assert workspace.budget.approval(ids["item"]).approved_satang == 1000000000


@pytest.mark.parametrize("who", ["supervisor", "another-school"])
def test_another_key_cannot_change_the_request(laptops: Laptops, who: str) -> None:
    school, district, ids = school_with_request(laptops)

    def bigger(row: dict[str, Any]) -> None:
        row["unit_price_satang"] = 5000000000

    forged = forged_by_another_key(laptops, who, school, "budget_requests",
                                   lambda workspace: workspace.budget.update(ids["item"], unit_price="50,000,000"),
                                   bigger, "forged-budget.qsx")
    result = district.import_(forged)
    assert result.counts["budget_requests"].updated == 0
    assert result.counts["budget_requests"].pending == 1
    with district.open() as workspace:
        assert workspace.budget.get(ids["item"]).unit_price_satang == 1186790000


def test_an_approval_above_the_request_is_refused_naming_both_amounts(laptops: Laptops) -> None:
    """F14.3: the office cannot approve more than the school asked for."""
    school, district, ids = school_with_request(laptops)
    with district.open() as workspace:
        with pytest.raises(ValidationError, match="๑๒,๐๐๐,๐๐๐ บาท.*๑๑,๘๖๗,๙๐๐ บาท"):
            workspace.budget.set_approval(ids["item"], "12,000,000", "")
        assert workspace.budget.approval(ids["item"]) is None
        assert workspace.budget.set_approval(ids["item"], "11,867,900").approved_satang == 1186790000
