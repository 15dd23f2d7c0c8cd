"""The records the school list reads before "ready" behave as the frozen dataclasses they were.

Issue 16 (branch rc30): ``@dataclass(frozen=True)`` compiles six functions per class at import, ~1 ms
of CPU each class on the way to the first list; those classes now write their ``__init__`` and take the
rest from :class:`qualityschool_desktop.records.Frozen`. Each is held here to a real frozen dataclass
made from its own fields: the same equality, hash, repr, refusals, copies, ``replace``, ``asdict``.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop.assessments import Assessment
from qualityschool_desktop.changes import Changes
from qualityschool_desktop.framework import Band, Component, Framework, Indicator, Item, Level
from qualityschool_desktop.schools import School
from qualityschool_desktop.scoring import AssessmentResult, ComponentResult

ROOT = Path(__file__).resolve().parent.parent

LEVEL = Level(5, "ยอดเยี่ยม", "ทำได้ครบ")
ITEM = Item("1.1.1", "การบริหาร", "มีแผน", "แผนครบ", "1", "1", "1.1", (LEVEL,), "๑.๑.๑")
INDICATOR = Indicator("1.1", "แผน", "คำอธิบาย", (ITEM,))
COMPONENT = Component("1", "การบริหาร", 1.0, (INDICATOR,))
BAND = Band("green", "เขียว", 3.5, "#2e7d32")
FRAMEWORK = Framework("qs", "2569", "โรงเรียนคุณภาพ", "seed 001", (LEVEL,), (BAND,), (BAND,), (BAND,), (COMPONENT,),
                      {"1.1.1": ITEM})
COMPONENT_RESULT = ComponentResult("1", "การบริหาร", 4.25, "ดีมาก", BAND, 3, 2, 4)

# (class, the values of its fields in order, whether the dataclass had slots)
SAMPLES: list[tuple[type, dict[str, Any], bool]] = [
    (Level, {"value": 5, "label": "ยอดเยี่ยม", "descriptor": "ทำได้ครบ"}, False),
    (Band, {"key": "green", "name": "เขียว", "min": 3.5, "colour": "#2e7d32"}, False),
    (Item, {"code": "1.1.1", "title": "การบริหาร", "text": "มีแผน", "descriptor": "แผนครบ", "source_number": "1",
            "component_code": "1", "indicator_code": "1.1", "levels": (LEVEL,), "official_number": "๑.๑.๑"}, False),
    (Indicator, {"code": "1.1", "title": "แผน", "description": "คำอธิบาย", "items": (ITEM,)}, False),
    (Component, {"code": "1", "title": "การบริหาร", "weight": 1.0, "indicators": (INDICATOR,)}, False),
    (Framework, {"id": "qs", "version": "2569", "title": "โรงเรียนคุณภาพ", "source": "seed 001", "levels": (LEVEL,),
                 "score_levels": (BAND,), "colour_bands": (BAND,), "readiness_groups": (BAND,),
                 "components": (COMPONENT,), "_items_by_code": {"1.1.1": ITEM}}, False),
    (School, {"id": "s1", "code": "6301000011", "name": "โรงเรียนบ้านป่าไม้", "district": "แม่สอด", "province": "ตาก",
              "area_office": "สพป.ตาก เขต 2", "level": "primary", "pupils": 120, "teachers": None, "is_demo": False,
              "created_at": "2026-11-02T01:00:00Z", "modified_at": "2026-11-02T02:00:00Z", "modified_by": "k1"}, True),
    (ComponentResult, {"code": "1", "title": "การบริหาร", "score": 4.25, "level_label": "ดีมาก", "readiness": BAND,
                       "answered": 3, "scored": 2, "total": 4}, True),
    (AssessmentResult, {"framework": FRAMEWORK, "components": (COMPONENT_RESULT,), "overall": 4.25,
                        "overall_label": "ดีมาก", "band": BAND, "answered": 3, "total": 4, "weakest": ()}, True),
    (Assessment, {"id": "a1", "school_id": "s1", "framework_id": "qs", "framework_version": "2569",
                  "fiscal_year": 2569, "round": 1, "assessed_on": "2026-11-02", "assessor_name": "ครูสมศรี",
                  "assessor_role": "ครู", "status": "draft", "created_at": "2026-11-02T01:00:00Z",
                  "modified_at": "2026-11-02T02:00:00Z", "modified_by": "k1"}, True),
    (Changes, {"schools": True, "assessments": frozenset({"a1"}), "answers": True, "visits": frozenset(),
               "follow_ups": False, "comments": True, "network_schools": False, "plans": False, "budget": True,
               "contacts": False, "projects": False, "signers": False, "pending": True, "conflicts": False,
               "everything": False}, False),
]
IDS = [cls.__name__ for cls, _values, _slots in SAMPLES]


def _twin(cls: type, *, frozen: bool = True) -> type:
    """A real ``@dataclass(frozen=frozen)`` with ``cls``'s fields (names, defaults, compare, repr)."""
    spec = [(f.name, Any, dataclasses.field(default=f.default, default_factory=f.default_factory,  # type: ignore[call-overload]
                                            compare=f.compare, repr=f.repr, hash=f.hash))
            for f in dataclasses.fields(cls)]
    return dataclasses.make_dataclass(cls.__name__, spec, frozen=frozen)


def _other(value: Any) -> Any:
    """A value unequal to ``value`` of a kind the field may hold."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, (tuple, frozenset)):
        return type(value)() if value else type(value)(["x"])
    if isinstance(value, dict):
        return {} if value else {"x": 1}
    return 1 if value is None else None


@pytest.mark.parametrize(("cls", "values", "slots"), SAMPLES, ids=IDS)
def test_a_record_is_still_a_dataclass_with_the_same_fields(cls: type, values: dict[str, Any], slots: bool) -> None:
    record = cls(**values)
    assert dataclasses.is_dataclass(record)
    assert [f.name for f in dataclasses.fields(cls)] == list(values)
    assert cls.__match_args__ == tuple(values)  # type: ignore[attr-defined]
    assert cls(*values.values()) == record  # positionally, in the fields' order
    assert hasattr(record, "__dict__") is not slots  # slots where the dataclass had them


@pytest.mark.parametrize(("cls", "values", "slots"), SAMPLES, ids=IDS)
def test_a_record_compares_hashes_and_shows_as_its_frozen_dataclass(cls: type, values: dict[str, Any],
                                                                      slots: bool) -> None:
    twin_cls = _twin(cls)
    twin = twin_cls(**values)
    record, same = cls(**values), cls(**dict(values))
    assert repr(record) == repr(twin)
    assert record == same and not record != same and hash(record) == hash(same) == hash(twin)
    assert record != twin and record.__eq__(twin) is NotImplemented and record != "text"
    compared = {f.name for f in dataclasses.fields(cls) if f.compare}
    for name, value in values.items():
        changed = cls(**{**values, name: _other(value)})
        assert (changed != record) is (name in compared), name
        assert (changed != record) is (twin_cls(**{**values, name: _other(value)}) != twin), name


@pytest.mark.parametrize(("cls", "values", "slots"), SAMPLES, ids=IDS)
def test_a_record_refuses_changes_as_its_frozen_dataclass(cls: type, values: dict[str, Any], slots: bool) -> None:
    twin = _twin(cls)(**values)
    record = cls(**values)
    first = next(iter(values))
    for target in (twin, record):
        with pytest.raises(dataclasses.FrozenInstanceError) as assigned:
            setattr(target, first, values[first])
        with pytest.raises(dataclasses.FrozenInstanceError) as deleted:
            delattr(target, first)
        if target is twin:
            said = (str(assigned.value), str(deleted.value))
    assert (str(assigned.value), str(deleted.value)) == said
    assert getattr(record, first) == values[first]
    # Any other name is refused too (the frozen dataclasses with slots raised a TypeError there, CPython's
    # gh-90562; the records a FrozenInstanceError).
    with pytest.raises((AttributeError, TypeError)):
        record.not_a_field = 1


@pytest.mark.parametrize(("cls", "values", "slots"), SAMPLES, ids=IDS)
def test_replace_asdict_copies_and_pickles_keep_a_record(cls: type, values: dict[str, Any], slots: bool) -> None:
    record = cls(**values)
    assert dataclasses.asdict(record) == dataclasses.asdict(_twin(cls)(**values))
    name = next(iter(values))
    replaced = dataclasses.replace(record, **{name: _other(values[name])})
    assert type(replaced) is cls and replaced == cls(**{**values, name: _other(values[name])})
    for kept in (copy.copy(record), copy.deepcopy(record), pickle.loads(pickle.dumps(record))):
        assert type(kept) is cls and kept == record and repr(kept) == repr(record)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(kept, name, values[name])


def test_a_framework_keeps_its_items_by_code_out_of_equality_and_repr() -> None:
    bare = Framework(*[getattr(FRAMEWORK, f.name) for f in dataclasses.fields(Framework)][:-1])
    assert bare == FRAMEWORK and hash(bare) == hash(FRAMEWORK) and repr(bare) == repr(FRAMEWORK)
    assert "_items_by_code" not in repr(FRAMEWORK) and bare._items_by_code == {}
    assert FRAMEWORK.item("1.1.1") is ITEM


def test_changes_still_turn_ids_into_sets() -> None:
    notice = Changes(True, ["a1", "a2"], "a3")
    assert notice.schools is True and notice.assessments == frozenset({"a1", "a2"})
    assert notice.answers == frozenset({"a3"}) and notice == Changes(schools=True, assessments={"a1", "a2"},
                                                                     answers=["a3"])


LIST_MODULES = ("qualityschool_desktop.workspace", "qualityschool_desktop.district_scores",
                "qualityschool_desktop.review", "qualityschool_desktop.changes", "qualityschool_desktop.schools",
                "qualityschool_desktop.assessments", "qualityschool_desktop.scoring", "qualityschool_desktop.framework")

COUNT_GENERATED = """
import dataclasses, json, sys
made = []
process = dataclasses._process_class
def counted(cls, init, repr, eq, order, unsafe_hash, frozen, *rest):
    if init or repr or eq or order or frozen:
        made.append(cls.__module__ + "." + cls.__qualname__)
    return process(cls, init, repr, eq, order, unsafe_hash, frozen, *rest)
dataclasses._process_class = counted
for name in sys.argv[1:]:
    __import__(name)
print(json.dumps(made))
"""


def test_the_core_the_school_list_reads_compiles_no_dataclass_code() -> None:
    """The classes the school list reads on the way to "ready" are made without generated code
    (issue 16: ~1 ms of CPU each at every launch); a fresh process, as a launch is."""
    done = subprocess.run([sys.executable, "-c", COUNT_GENERATED, *LIST_MODULES], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert json.loads(done.stdout) == []


def test_the_state_a_frozen_dataclass_without_slots_was_pickled_with_still_loads() -> None:
    old = Changes.__new__(Changes)
    old.__setstate__({"schools": True, "assessments": frozenset({"a1"}), "answers": frozenset(),
                      "visits": frozenset(), **{name: False for name in ("follow_ups", "comments", "network_schools",
                                                                            "plans", "budget", "contacts", "projects",
                                                                            "signers", "pending", "conflicts",
                                                                            "everything")}})
    assert old == Changes(schools=True, assessments={"a1"})
