"""The bundled checklist framework and the framework loader's validation."""

from __future__ import annotations

import copy
import json
import re

import pytest

from qualityschool_desktop.errors import FrameworkError
from qualityschool_desktop.framework import bundled_frameworks, load_framework_file, parse_framework
from qualityschool_desktop.paths import frameworks_dir

SEED_001 = "001_a0073929a5c0eab9.txt"


@pytest.fixture(scope="module")
def raw() -> dict:
    return json.loads((frameworks_dir() / "obec-quality-school-2567.1.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def framework():
    return bundled_frameworks().get("obec-quality-school", "2567.1")


def test_five_components_with_the_official_titles(framework) -> None:
    assert [c.title for c in framework.components] == [
        "ด้านโครงสร้างพื้นฐานและระบบสนับสนุนผู้เรียน",
        "ด้านผู้บริหาร ครู และบุคลากรทางการศึกษา",
        "ด้านการบริหารจัดการ",
        "ด้านการจัดการเรียนรู้",
        "ด้านผู้เรียน",
    ]


def test_every_item_of_seed_001_is_there(framework) -> None:
    assert len(framework.items) == 74
    assert [len(c.items) for c in framework.components] == [10, 25, 15, 10, 14]
    # The director's 13 items and the teachers' 12 (DOMAIN.md).
    assert [len(i.items) for i in framework.component("2").indicators] == [13, 12]


def test_numbering_is_unique_and_consistent(framework) -> None:
    codes = [c.code for c in framework.components]
    for component in framework.components:
        for indicator in component.indicators:
            codes.append(indicator.code)
            assert indicator.code.startswith(component.code + ".")
            for position, item in enumerate(indicator.items, start=1):
                codes.append(item.code)
                assert item.code == f"{indicator.code}.{position}"
    assert len(codes) == len(set(codes))


def test_every_item_has_text_and_a_full_level_scale(framework) -> None:
    for item in framework.items:
        assert item.title.strip() and item.text.strip() and item.descriptor.strip(), item.code
        assert [level.value for level in item.levels] == [5, 4, 3, 2, 1]
        assert [level.label for level in item.levels] == ["ยอดเยี่ยม", "ดีเลิศ", "ดี", "ปานกลาง", "กำลังพัฒนา"]
        assert item.levels[0].descriptor == item.descriptor
        assert all(level.descriptor.strip() for level in item.levels)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


BELOW_STANDARD_IN_SEED = {"1.1.3", "1.2.3", "1.3.1", "1.3.2"}


def test_item_text_is_the_official_wording(framework, pytestconfig) -> None:
    seed = pytestconfig.rootpath.parent / "shared" / "seeds" / SEED_001
    if not seed.exists():
        pytest.skip("the seed documents are not beside this checkout")
    official = _squash(seed.read_text(encoding="utf-8"))
    for item in framework.items:
        # Page breaks in the seed split some items; whitespace aside, the wording is verbatim. Four
        # items' seed text is a school's below-standard description: it is their level-3 wording,
        # and their statement a criterion built from it (issue 11, tests/test_framework_official.py).
        wording = item.level(3).descriptor if item.code in BELOW_STANDARD_IN_SEED else item.text
        assert _squash(wording) in official, item.code


def test_seed_lower_level_wording_is_kept_as_a_level_override(framework) -> None:
    item = framework.item("1.1.3")  # the seed quotes a school's "…แต่ไม่เพียงพอต่อการใช้งาน"
    assert "ไม่เพียงพอ" in item.level(3).descriptor
    assert "ไม่เพียงพอ" not in item.descriptor


def test_bands_and_groups_have_documented_defaults(framework) -> None:
    assert [b.name for b in framework.colour_bands] == ["ม่วง", "ฟ้า", "เขียว", "เหลือง", "ส้ม", "แดง"]
    assert all(re.fullmatch(r"#[0-9a-fA-F]{6}", b.colour) for b in framework.colour_bands)
    assert [g.name for g in framework.readiness_groups] == ["มีความพร้อม", "อยู่ในเกณฑ์มาตรฐาน", "ต้องเร่งพัฒนา"]


@pytest.mark.parametrize(
    "break_it, place, problem",
    [
        (lambda d: d["components"][1]["indicators"][0]["items"][3].__setitem__("code", "2.1.3"), "ประเด็น 2.1.3", "ซ้ำ"),
        (lambda d: d["components"][0]["indicators"][0]["items"][0].__setitem__("text", " "), "1.1.1.text", "ว่างเปล่า"),
        (lambda d: d["components"][0]["indicators"][0]["items"][0].pop("descriptor"), "ประเด็น 1.1.1", "descriptor"),
        (lambda d: d["components"][2]["indicators"][0].__setitem__("code", "4.1"), "components[2].indicators[0]", "3."),
        (lambda d: d["components"][0]["indicators"][0]["items"][0].__setitem__("levels", {"7": "x"}), "1.1.1", "ระดับ 7"),
        (lambda d: d["colour_bands"]["bands"][1].__setitem__("min", 4.9), "colour_bands.bands", "ลดลง"),
        (lambda d: d["readiness_groups"]["groups"][-1].__setitem__("min", 1), "readiness_groups.groups", "0"),
        (lambda d: d.__setitem__("format", 99), "format", "รองรับ"),
    ],
)
def test_a_broken_file_is_refused_naming_the_place(raw, break_it, place, problem) -> None:
    data = copy.deepcopy(raw)
    break_it(data)
    with pytest.raises(FrameworkError) as caught:
        parse_framework(data, "broken.json")
    message = str(caught.value)
    assert "broken.json" in message and place in message and problem in message


def test_invalid_json_names_line_and_column(tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "format": 1,\n  "id": oops\n}', encoding="utf-8")
    with pytest.raises(FrameworkError, match="บรรทัด 3"):
        load_framework_file(bad)


def test_assessments_keep_their_framework_version(memory_workspace, school) -> None:
    framework = memory_workspace.frameworks.latest()
    assessment = memory_workspace.assessments.start(school.id, 2569)
    assert (assessment.framework_id, assessment.framework_version) == framework.key
