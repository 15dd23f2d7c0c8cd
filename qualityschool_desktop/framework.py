"""Checklist frameworks: the five components, their indicators and items, as data.

A framework is read from a JSON file under ``resources/frameworks`` (see FORMAT.md there) and
validated; a file that does not validate raises :class:`FrameworkError` naming the place and the
problem. Frameworks are immutable once loaded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .json_files import json_reason
from .records import Frozen
from .errors import FrameworkError, file_reason
from .paths import frameworks_dir

FORMAT_VERSION = 1
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


# Frozen records (records.py): dataclasses to fields()/replace(), with their __init__ written out, not compiled at
# every launch (issue 16: the list reads them before "ready").
@dataclass(init=False, repr=False, eq=False)
class Level(Frozen):
    """One level of a rating scale: ``value`` (1–5 on the standard Thai five-level scale, ๕
    ยอดเยี่ยม … ๑ กำลังพัฒนา; DOMAIN.md), its Thai ``label`` and the ``descriptor`` of what
    reaching it looks like (seed 001 quotes the top descriptor of each item)."""

    value: int
    label: str
    descriptor: str

    def __init__(self, value: int, label: str, descriptor: str) -> None:
        _set = object.__setattr__
        _set(self, "value", value)
        _set(self, "label", label)
        _set(self, "descriptor", descriptor)


@dataclass(init=False, repr=False, eq=False)
class Band(Frozen):
    """A colour band (ม่วง … แดง) or a readiness group; ``min`` is a mean level score."""

    key: str
    name: str
    min: float
    colour: str = ""

    def __init__(self, key: str, name: str, min: float, colour: str = "") -> None:
        _set = object.__setattr__
        _set(self, "key", key)
        _set(self, "name", name)
        _set(self, "min", min)
        _set(self, "colour", colour)


@dataclass(init=False, repr=False, eq=False)
class Item(Frozen):
    """One checklist item (ประเด็น) of the five-component framework (seed 001, section ๖.๒):
    ``code`` as renumbered by the framework file (``"2.1.5"``), ``source_number`` as the seed
    prints it (it repeats), ``official_number`` as the form's own scheme numbers it (``"๑.๒.๑.๕"``,
    Thai digits, unique: shown beside ``code`` so staff can find the item on the paper form; ""
    when a framework file gives none), the official Thai ``title``/``text``/``descriptor``, and its
    own scale ``levels``."""

    code: str
    title: str
    text: str
    descriptor: str
    source_number: str
    component_code: str
    indicator_code: str
    levels: tuple[Level, ...]
    official_number: str = ""

    def __init__(self, code: str, title: str, text: str, descriptor: str, source_number: str, component_code: str,
                 indicator_code: str, levels: tuple[Level, ...], official_number: str = "") -> None:
        _set = object.__setattr__
        _set(self, "code", code)
        _set(self, "title", title)
        _set(self, "text", text)
        _set(self, "descriptor", descriptor)
        _set(self, "source_number", source_number)
        _set(self, "component_code", component_code)
        _set(self, "indicator_code", indicator_code)
        _set(self, "levels", levels)
        _set(self, "official_number", official_number)

    def level(self, value: int) -> Level | None:
        """The item's level with ``value``, or None when its scale has no such level."""
        for level in self.levels:
            if level.value == value:
                return level
        return None


@dataclass(init=False, repr=False, eq=False)
class Indicator(Frozen):
    """An indicator (ตัวชี้วัด) of a component and its items, as in seed 001."""

    code: str
    title: str
    description: str
    items: tuple[Item, ...]

    def __init__(self, code: str, title: str, description: str, items: tuple[Item, ...]) -> None:
        _set = object.__setattr__
        _set(self, "code", code)
        _set(self, "title", title)
        _set(self, "description", description)
        _set(self, "items", items)


@dataclass(init=False, repr=False, eq=False)
class Component(Frozen):
    """One of the five components (องค์ประกอบ, ``code`` ``"1"`` … ``"5"``) with its ``weight`` in
    the overall score (equal by default; FORMAT.md) and its indicators."""

    code: str
    title: str
    weight: float
    indicators: tuple[Indicator, ...]

    def __init__(self, code: str, title: str, weight: float, indicators: tuple[Indicator, ...]) -> None:
        _set = object.__setattr__
        _set(self, "code", code)
        _set(self, "title", title)
        _set(self, "weight", weight)
        _set(self, "indicators", indicators)

    @property
    def items(self) -> tuple[Item, ...]:
        """The component's items, in the framework's order."""
        return tuple(item for indicator in self.indicators for item in indicator.items)


@dataclass(init=False, repr=False, eq=False)
class Framework(Frozen):
    """One version of a checklist framework as its file gives it (FORMAT.md): the levels, the
    thresholds (mean level scores, 1.00–5.00) of the score levels, colour bands (ม่วง … แดง,
    seed 001) and readiness groups (seed 000), and the components. The seeds give no thresholds:
    the file's are documented defaults."""

    id: str
    version: str
    title: str
    source: str
    levels: tuple[Level, ...]
    score_levels: tuple[Band, ...]
    colour_bands: tuple[Band, ...]
    readiness_groups: tuple[Band, ...]
    components: tuple[Component, ...]
    _items_by_code: dict[str, Item] = field(default_factory=dict, compare=False, repr=False)

    def __init__(self, id: str, version: str, title: str, source: str, levels: tuple[Level, ...],
                 score_levels: tuple[Band, ...], colour_bands: tuple[Band, ...], readiness_groups: tuple[Band, ...],
                 components: tuple[Component, ...], _items_by_code: dict[str, Item] | None = None) -> None:
        _set = object.__setattr__
        _set(self, "id", id)
        _set(self, "version", version)
        _set(self, "title", title)
        _set(self, "source", source)
        _set(self, "levels", levels)
        _set(self, "score_levels", score_levels)
        _set(self, "colour_bands", colour_bands)
        _set(self, "readiness_groups", readiness_groups)
        _set(self, "components", components)
        _set(self, "_items_by_code", {} if _items_by_code is None else _items_by_code)

    @property
    def key(self) -> tuple[str, str]:
        """``(id, version)``: how records name the framework they are judged against."""
        return (self.id, self.version)

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item of every component, in order (74 in the bundled framework)."""
        return tuple(item for component in self.components for item in component.items)

    def item(self, code: str) -> Item:
        """The item with ``code``; raises :class:`FrameworkError` when this version has none."""
        try:
            return self._items_by_code[code]
        except KeyError:
            raise FrameworkError(f"ไม่มีประเด็นรหัส {code} ในเกณฑ์ {self.id} ฉบับ {self.version}") from None

    def has_item(self, code: str) -> bool:
        """True when this version has an item with ``code`` (component codes are not items)."""
        return code in self._items_by_code

    def component(self, code: str) -> Component:
        """The component with ``code``; raises :class:`FrameworkError` when there is none."""
        for component in self.components:
            if component.code == code:
                return component
        raise FrameworkError(f"ไม่มีองค์ประกอบรหัส {code} ในเกณฑ์ {self.id}")

    @property
    def max_level(self) -> int:
        """The highest level of the framework's scale (5 in the bundled framework)."""
        return max(level.value for level in self.levels)

    @property
    def min_level(self) -> int:
        """The lowest level of the framework's scale (1 in the bundled framework)."""
        return min(level.value for level in self.levels)


class _Reader:
    """Walks the JSON, remembering where it is so every error names its place."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> FrameworkError:
        return FrameworkError(f"ไฟล์เกณฑ์ {self.source}: ที่ {where}: {problem}")

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "ต้องเป็นออบเจกต์ (object)")
        return value

    def lst(self, value: Any, where: str, *, non_empty: bool = True) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, "ต้องเป็นรายการ (list)")
        if non_empty and not value:
            raise self.fail(where, "ต้องมีอย่างน้อยหนึ่งรายการ")
        return value

    def text(self, data: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
        value = data.get(key, "" if not required else None)
        if value is None:
            raise self.fail(where, f"ไม่มีช่อง \"{key}\"")
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", "ต้องเป็นข้อความ")
        if required and not value.strip():
            raise self.fail(f"{where}.{key}", "ว่างเปล่า")
        return value

    def number(self, data: dict[str, Any], key: str, where: str) -> float:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(f"{where}.{key}", "ต้องเป็นตัวเลข")
        return float(value)


def parse_framework(data: Any, source: str = "<data>") -> Framework:
    """Validate parsed JSON and build a :class:`Framework`, or raise :class:`FrameworkError`."""
    r = _Reader(source)
    root = r.obj(data, "ราก")
    if root.get("format") != FORMAT_VERSION:
        raise r.fail("format", f"รองรับรูปแบบไฟล์ {FORMAT_VERSION} เท่านั้น (พบ {root.get('format')!r})")
    framework_id = r.text(root, "id", "ราก")
    if not _ID_PATTERN.match(framework_id):
        raise r.fail("id", "ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข และ -")
    version = r.text(root, "version", "ราก")

    levels = _parse_levels(r, root.get("levels"))
    level_values = {level.value for level in levels}
    score_levels = _parse_thresholds(r, root.get("score_levels"), "score_levels", label_key="label")
    bands_root = r.obj(root.get("colour_bands"), "colour_bands")
    colour_bands = _parse_thresholds(r, bands_root.get("bands"), "colour_bands.bands", label_key="name")
    groups_root = r.obj(root.get("readiness_groups"), "readiness_groups")
    groups = _parse_thresholds(r, groups_root.get("groups"), "readiness_groups.groups", label_key="name")

    seen: set[str] = set()

    def claim(code: str, where: str, parent: str | None) -> None:
        if code in seen:
            raise r.fail(where, f"รหัส {code} ซ้ำ")
        if parent is not None:
            if not (code.startswith(parent + ".") and code[len(parent) + 1 :].isdigit()):
                raise r.fail(where, f"รหัส {code} ต้องขึ้นต้นด้วย {parent}. ตามด้วยตัวเลข")
        elif not code.isdigit():
            raise r.fail(where, f"รหัสองค์ประกอบ {code} ต้องเป็นตัวเลข")
        seen.add(code)

    official_numbers: set[str] = set()

    def official_number(number: str, where: str) -> str:
        # The form's number of an item: optional, but where given unique (staff look it up).
        if number and number in official_numbers:
            raise r.fail(where, f"เลขข้อตามแบบรายงาน {number} ซ้ำ")
        official_numbers.add(number)
        return number

    components: list[Component] = []
    items_by_code: dict[str, Item] = {}
    for ci, raw_component in enumerate(r.lst(root.get("components"), "components")):
        cwhere = f"components[{ci}]"
        cdata = r.obj(raw_component, cwhere)
        ccode = r.text(cdata, "code", cwhere)
        claim(ccode, f"{cwhere}.code", None)
        weight = r.number(cdata, "weight", cwhere) if "weight" in cdata else 1.0
        if weight <= 0:
            raise r.fail(f"{cwhere}.weight", "ต้องมากกว่า 0")
        indicators: list[Indicator] = []
        for ii, raw_indicator in enumerate(r.lst(cdata.get("indicators"), f"{cwhere}.indicators")):
            iwhere = f"{cwhere}.indicators[{ii}]"
            idata = r.obj(raw_indicator, iwhere)
            icode = r.text(idata, "code", iwhere)
            claim(icode, f"{iwhere} (รหัส {icode})", ccode)
            items: list[Item] = []
            for ti, raw_item in enumerate(r.lst(idata.get("items"), f"{iwhere}.items")):
                twhere = f"{iwhere}.items[{ti}]"
                tdata = r.obj(raw_item, twhere)
                tcode = r.text(tdata, "code", twhere)
                twhere = f"ประเด็น {tcode}"
                claim(tcode, twhere, icode)
                descriptor = r.text(tdata, "descriptor", twhere)
                item_levels = _item_levels(r, levels, level_values, descriptor, tdata.get("levels"), twhere)
                item = Item(
                    code=tcode,
                    title=r.text(tdata, "title", twhere),
                    text=r.text(tdata, "text", twhere),
                    descriptor=descriptor,
                    source_number=r.text(tdata, "source_number", twhere, required=False),
                    official_number=official_number(r.text(tdata, "official_number", twhere, required=False),
                                                    f"{twhere}.official_number"),
                    component_code=ccode,
                    indicator_code=icode,
                    levels=item_levels,
                )
                items.append(item)
                items_by_code[tcode] = item
            indicators.append(
                Indicator(
                    code=icode,
                    title=r.text(idata, "title", iwhere),
                    description=r.text(idata, "description", iwhere, required=False),
                    items=tuple(items),
                )
            )
        components.append(
            Component(code=ccode, title=r.text(cdata, "title", cwhere), weight=weight, indicators=tuple(indicators))
        )

    return Framework(
        id=framework_id,
        version=version,
        title=r.text(root, "title", "ราก"),
        source=r.text(root, "source", "ราก", required=False),
        levels=levels,
        score_levels=score_levels,
        colour_bands=colour_bands,
        readiness_groups=groups,
        components=tuple(components),
        _items_by_code=items_by_code,
    )


def _parse_levels(r: _Reader, raw: Any) -> tuple[Level, ...]:
    levels: list[Level] = []
    for i, raw_level in enumerate(r.lst(raw, "levels")):
        where = f"levels[{i}]"
        data = r.obj(raw_level, where)
        value = data.get("value")
        if isinstance(value, bool) or not isinstance(value, int):
            raise r.fail(f"{where}.value", "ต้องเป็นจำนวนเต็ม")
        levels.append(Level(value, r.text(data, "label", where), r.text(data, "descriptor", where)))
    values = [level.value for level in levels]
    if len(set(values)) != len(values):
        raise r.fail("levels", "ค่าระดับซ้ำกัน")
    if values != sorted(values, reverse=True):
        raise r.fail("levels", "ต้องเรียงจากระดับสูงสุดไปต่ำสุด")
    if min(values) < 1:
        raise r.fail("levels", "ระดับต่ำสุดต้องไม่น้อยกว่า 1")
    return tuple(levels)


def _parse_thresholds(r: _Reader, raw: Any, where: str, *, label_key: str) -> tuple[Band, ...]:
    bands: list[Band] = []
    for i, raw_band in enumerate(r.lst(raw, where)):
        bwhere = f"{where}[{i}]"
        data = r.obj(raw_band, bwhere)
        bands.append(
            Band(
                key=r.text(data, "key", bwhere) if label_key == "name" else r.text(data, "label", bwhere),
                name=r.text(data, label_key, bwhere),
                min=r.number(data, "min", bwhere),
                colour=r.text(data, "colour", bwhere, required=False),
            )
        )
    mins = [band.min for band in bands]
    if any(a <= b for a, b in zip(mins, mins[1:])):
        raise r.fail(where, "ค่า min ต้องลดลงจากเกณฑ์ที่ดีที่สุดไปต่ำสุด")
    if mins[-1] != 0:
        raise r.fail(where, "เกณฑ์สุดท้ายต้องมี min เป็น 0 เพื่อให้ทุกคะแนนมีกลุ่ม")
    return tuple(bands)


def _item_levels(
    r: _Reader, defaults: tuple[Level, ...], values: set[int], descriptor: str, raw: Any, where: str
) -> tuple[Level, ...]:
    """The item's scale: the default one, the top level described by the item's own descriptor,
    and any per-item overrides on top."""
    overrides: dict[int, str] = {}
    if raw is not None:
        data = r.obj(raw, f"{where}.levels")
        for key, text in data.items():
            if not (isinstance(key, str) and key.isdigit() and int(key) in values):
                raise r.fail(f"{where}.levels", f"ไม่มีระดับ {key} ในมาตราส่วน")
            if not isinstance(text, str) or not text.strip():
                raise r.fail(f"{where}.levels.{key}", "คำอธิบายระดับว่างเปล่า")
            overrides[int(key)] = text
    top = max(values)
    result = []
    for level in defaults:
        text = overrides.get(level.value, descriptor if level.value == top else level.descriptor)
        result.append(Level(level.value, level.label, text))
    return tuple(result)


def load_framework_file(path: Path) -> Framework:
    """Read and validate one framework file (JSON in UTF-8, FORMAT.md). Raises
    :class:`FrameworkError` naming the file, and the place and the problem, for a file that cannot
    be read, is not UTF-8 or JSON, or does not validate."""
    try:
        # Bytes decoded whole: read_text's newline translation (~1 M instructions at every launch, issue 16)
        # changes nothing JSON reads (a line break inside a string is an error either way).
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise FrameworkError(f"ไฟล์เกณฑ์ {path.name}: ไม่ใช่ข้อความ UTF-8") from None
    except json.JSONDecodeError as exc:
        raise FrameworkError(
            f"ไฟล์เกณฑ์ {path.name}: ที่บรรทัด {exc.lineno} คอลัมน์ {exc.colno}: {json_reason(exc)}"
        ) from None
    except OSError as exc:
        raise FrameworkError(f"อ่านไฟล์เกณฑ์ {path.name} ไม่ได้: {file_reason(exc)}") from None
    return parse_framework(data, path.name)


class FrameworkRegistry:
    """The frameworks this installation knows, keyed by (id, version)."""

    def __init__(self, frameworks: list[Framework]) -> None:
        self._by_key = {framework.key: framework for framework in frameworks}
        if not self._by_key:
            raise FrameworkError("ไม่พบไฟล์เกณฑ์การประเมินในโปรแกรม")

    @classmethod
    def from_folder(cls, folder: Path) -> "FrameworkRegistry":
        """Every ``*.json`` framework file of ``folder``, in name order. Raises
        :class:`FrameworkError` for a file that cannot be read or does not validate, or when the
        folder holds none."""
        return cls([load_framework_file(path) for path in sorted(folder.glob("*.json"))])

    def get(self, framework_id: str, version: str) -> Framework:
        """The framework ``framework_id`` at ``version``; raises :class:`FrameworkError` (asking to
        update the app) when this installation does not have it."""
        try:
            return self._by_key[(framework_id, version)]
        except KeyError:
            raise FrameworkError(
                f"โปรแกรมนี้ไม่มีเกณฑ์ {framework_id} ฉบับ {version}: โปรดปรับรุ่นโปรแกรมก่อนเปิดข้อมูลนี้"
            ) from None

    def has(self, framework_id: str, version: str) -> bool:
        """True when this installation has ``framework_id`` at ``version``."""
        return (framework_id, version) in self._by_key

    def latest(self, framework_id: str | None = None) -> Framework:
        """The newest version of ``framework_id`` (of any framework when None), by version
        string compared numerically where possible (``"1.10"`` after ``"1.9"``). Raises
        :class:`FrameworkError` when there is none."""
        candidates = [f for f in self._by_key.values() if framework_id is None or f.id == framework_id]
        if not candidates:
            raise FrameworkError(f"ไม่พบเกณฑ์ {framework_id}")
        return max(candidates, key=lambda f: _version_key(f.version))

    def all(self) -> list[Framework]:
        """Every framework known, by id and then version (oldest first)."""
        return sorted(self._by_key.values(), key=lambda f: (f.id, _version_key(f.version)))


def checklist_codes(registry: "FrameworkRegistry") -> frozenset[str]:
    """Every code a record may name a part of a checklist by, in any framework of ``registry``:
    components ("1"), indicators ("1.2") and items ("1.2.3"), Arabic digits. Raises nothing."""
    return frozenset(code for framework in registry.all() for component in framework.components
                     for code in (component.code, *(i.code for i in component.indicators),
                                  *(item.code for item in component.items)))


def _version_key(version: str) -> tuple[int | str, ...]:
    return tuple(int(part) if part.isdigit() else part for part in version.split("."))


@lru_cache(maxsize=1)
def bundled_frameworks() -> FrameworkRegistry:
    """The frameworks shipped with the app (read once per process)."""
    return FrameworkRegistry.from_folder(frameworks_dir())
