"""What an item's kind allows (try14e finding f06): a multi-year item (งบผูกพัน) with one year, an
equipment item over several years, checklist codes that do not exist and "1e3" as a price were
all saved without a word. Now each is refused with a Thai message and nothing is written; the
years belong to งบผูกพัน alone (rules.json's kinds: construction and renovation are "งบปีเดียว")."""

from __future__ import annotations

import pytest

from qualityschool_desktop.budget import parse_baht
from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.workspace import Workspace

YEAR = 2573


@pytest.fixture
def school_id(memory_workspace: Workspace) -> str:
    return memory_workspace.schools.add(code="1063000001", name="โรงเรียนทดสอบ", area_office="สพป.ตาก เขต 1").id


def _count(workspace: Workspace, school_id: str) -> int:
    return len(workspace.budget.items(school_id, YEAR))


def test_a_multi_year_item_needs_two_years_or_more(memory_workspace: Workspace, school_id: str) -> None:
    budget = memory_workspace.budget
    for years in ({}, {"span_years": "1"}, {"span_years": "๑"}):
        with pytest.raises(ValidationError, match="งบผูกพัน") as refused:
            budget.add(school_id, YEAR, "multi_year", description="อาคารเรียน", unit_price="20,000,000", **years)
        assert "๒" in str(refused.value)
    assert _count(memory_workspace, school_id) == 0
    item = budget.add(school_id, YEAR, "multi_year", description="อาคารเรียน", unit_price="20,000,000", span_years="๓")
    assert item.span_years == 3
    with pytest.raises(ValidationError, match="งบผูกพัน"):
        budget.update(item.id, span_years=1)
    assert budget.get(item.id).span_years == 3


@pytest.mark.parametrize("kind", ["equipment", "construction", "renovation"])
def test_a_single_year_item_has_one_year(memory_workspace: Workspace, school_id: str, kind: str) -> None:
    budget = memory_workspace.budget
    with pytest.raises(ValidationError, match="ปีเดียว"):
        budget.add(school_id, YEAR, kind, description="คอมพิวเตอร์", span_years=5)
    assert _count(memory_workspace, school_id) == 0
    item = budget.add(school_id, YEAR, kind, description="คอมพิวเตอร์", span_years=1)
    with pytest.raises(ValidationError, match="ปีเดียว"):
        budget.update(item.id, span_years="5")
    assert budget.get(item.id).span_years == 1


def test_changing_the_kind_keeps_years_and_kind_consistent(memory_workspace: Workspace, school_id: str) -> None:
    budget = memory_workspace.budget
    big = budget.add(school_id, YEAR, "multi_year", description="อาคารเรียน", span_years=3)
    assert budget.update(big.id, kind="construction").span_years == 1  # a single-year kind: one year
    # To งบผูกพัน from one year (the table's kind box): kept as a draft, the years asked for.
    assert budget.update(big.id, kind="multi_year").kind == "multi_year"
    assert any("งบผูกพัน" in m and "อาคารเรียน" in m for m in budget.messages(school_id, YEAR))
    assert budget.update(big.id, span_years=4).span_years == 4
    assert not any("งบผูกพัน" in m for m in budget.messages(school_id, YEAR))


def test_codes_not_in_the_checklist_are_refused(memory_workspace: Workspace, school_id: str) -> None:
    budget = memory_workspace.budget
    with pytest.raises(ValidationError) as refused:
        budget.add(school_id, YEAR, "equipment", description="x", scope_codes="1.2, 9.9.9")
    assert "9.9.9" in str(refused.value) or "๙.๙.๙" in str(refused.value)
    assert _count(memory_workspace, school_id) == 0
    item = budget.add(school_id, YEAR, "equipment", description="x", scope_codes="๑ 1.2 1.2.1")
    assert item.scope_codes == "1 1.2 1.2.1"
    with pytest.raises(ValidationError):
        budget.update(item.id, scope_codes="6")
    assert budget.get(item.id).scope_codes == "1 1.2 1.2.1"


@pytest.mark.parametrize("typed", ["1e3", "1E3", "๑e๓", "0x10", "1_000", "inf", "NaN"])
def test_a_price_in_exponent_or_other_notation_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError, match="จำนวนเงิน"):
        parse_baht(typed)


def test_plain_prices_are_still_read() -> None:
    assert parse_baht("1,250.50") == 125050 and parse_baht("๑,๐๐๐ บาท") == 100000 and parse_baht(".5") == 50


@pytest.mark.parametrize("typed", ["nan", "inf", "-inf", "1e3"])
def test_a_target_that_is_not_a_number_is_called_so(memory_workspace: Workspace, typed: str) -> None:
    """try14e: "nan" as a target was "มากเกินจริง" (too large); it is not a number."""
    with pytest.raises(ValidationError, match="ต้องเป็นตัวเลข") as refused:
        memory_workspace.indicators.add("สพป.ตาก เขต 1", "ร้อยละ", targets={2567: typed})
    assert "มากเกินจริง" not in str(refused.value)
    assert memory_workspace.indicators.for_office("สพป.ตาก เขต 1") == []
