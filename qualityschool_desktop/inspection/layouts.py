"""Form layouts as data: the official inspection report forms (แบบรายงานผล) of each round.

The round-1 form (seed 000: "๒.๒ : จัดให้มีโรงเรียนคุณภาพ …", sections 1)-5)) and the round-2
form (seeds 001/002: "๖. …", sections 6.1-6.6) differ; each is a JSON file of
``resources/forms/`` (``round1.json``, ``round2.json``) naming, in the official order and wording,
every section's number and title, its subsections, and the blocks (tables, charts, texts) it holds.
Numbers and titles are written with Arabic digits and printed in the digits the user chooses.

A file::

    {"format": "qualityschool-form-layout/1", "id": "round2", "name": "...", "source": "...",
     "sizes": {"title": 20, "heading": 16, "body": 16, "table": 14},      # points, the Word copy
     "topic": {"number": "6.", "separator": " ", "title": "..."},
     "sections": [{"number": "6.1", "title": "...", "blocks": ["situation", ...],
                   "sections": [...]}, ...]}

A block is one of :data:`BLOCKS`, or ``{"components": "1.{n})"}``: one subsection per component
of the checklist, numbered by the pattern. A file that does not validate raises
:class:`~qualityschool_desktop.errors.ValidationError` naming the file and the place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..json_files import json_reason
from ..errors import ValidationError
from ..paths import resource_path

FORMAT = "qualityschool-form-layout/1"
# What a section can hold, and what it shows.
BLOCKS: dict[str, str] = {
    "situation": "the office's situation analysis (6.1), or a sentence from the data",
    "districts": "per area office: the districts it serves and the table อำเภอ | โรงเรียน",
    "network_schools": "the network schools of each quality school (code, name, pupils, teachers, km)",
    "readiness": "readiness groups per component: sentences, table and chart",
    "bands": "the colour bands: table, chart and the comparison with the previous round",
    "schools_by_band": "every reported school by colour band with its weakest component",
    "not_reported": "the schools that have not reported the round",
    "model_schools": "the model schools the office marked per area office (6.2 2)), then its own text",
    "problems": "the table ปัญหา/อุปสรรค | แนวทางการแก้ไขปัญหา | ผลที่คาดว่าจะได้รับ (6.3)",
    "problems_list": "the problems as a list (round 1's 3))",
    "success_factors": "the office's success factors",
    "suggestions": "the office's suggestions",
    "good_practices": "the office's good practices (the program's drafts only once accepted)",
}
SIZE_KEYS = ("title", "heading", "body", "table")
NOT_FOUND = "ไม่มีแบบฟอร์ม \"{layout}\" (มี {known})"
BAD = "แบบฟอร์ม {source}: ที่ {where}: {problem}"
MISSING_TEXT = "ไม่มี: ต้องมีข้อความ"
BLANK_TEXT = "ว่าง: ต้องมีข้อความ"
NOT_TEXT = "ต้องเป็นข้อความ"
MISSING_OBJECT = "ไม่มี: ต้องมีวัตถุ JSON {...}"
NOT_OBJECT = "ต้องเป็นวัตถุ JSON {...}"


@dataclass(frozen=True)
class ComponentsBlock:
    """One subsection per component, numbered by ``pattern`` ("1.{n})" → "1.1)", "1.2)" …)."""

    pattern: str


Block = str | ComponentsBlock


@dataclass(frozen=True)
class Section:
    """One numbered section of the form: ``number`` as printed ("6.1", "1)", Arabic digits),
    the official ``title``, its blocks in order, then its subsections."""

    number: str
    title: str
    blocks: tuple[Block, ...]
    sections: tuple["Section", ...]

    @property
    def heading(self) -> str:
        """Number and title as printed ("6.1 การวิเคราะห์…")."""
        return f"{self.number} {self.title}"


@dataclass(frozen=True)
class FormLayout:
    """A form: ``sizes`` in points ("title", "heading", "body", "table"), the topic line
    (``topic_number`` + ``topic_separator`` + ``topic_title``) and the sections in order."""

    id: str
    name: str
    source: str
    sizes: dict[str, float]
    topic_number: str
    topic_separator: str
    topic_title: str
    sections: tuple[Section, ...]

    @property
    def topic(self) -> str:
        """The topic line as printed ("6. จัดให้มีโรงเรียนคุณภาพ …", "2.2 : จัดให้มี…")."""
        return f"{self.topic_number}{self.topic_separator}{self.topic_title}"

    def walk(self) -> list[tuple[int, Section]]:
        """Every section, depth first in printed order, with its depth (0 for the top level)."""
        found: list[tuple[int, Section]] = []

        def visit(sections: tuple[Section, ...], depth: int) -> None:
            for section in sections:
                found.append((depth, section))
                visit(section.sections, depth + 1)

        visit(self.sections, 0)
        return found


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> ValidationError:
        return ValidationError(BAD.format(source=self.source, where=where, problem=problem))

    def text(self, data: dict[str, Any], key: str, where: str, *, blank: bool = False) -> str:
        value = data.get(key)
        at = f"{where}.{key}" if where else key
        if value is None:
            raise self.fail(at, MISSING_TEXT)
        if not isinstance(value, str):
            raise self.fail(at, NOT_TEXT)
        if not blank and not value.strip():
            raise self.fail(at, BLANK_TEXT)  # text, only empty (RETEST13 N5)
        return value

    def keys(self, data: Any, where: str, allowed: set[str]) -> dict[str, Any]:
        if data is None and where:
            raise self.fail(where, MISSING_OBJECT)
        if not isinstance(data, dict):
            raise self.fail(where or "(ราก)", NOT_OBJECT)
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise self.fail(where or "(ราก)", f"ไม่รู้จักช่อง {', '.join(unknown)}")
        return data


def parse_layout(data: Any, source: str = "<data>") -> FormLayout:
    """Validate parsed JSON (the shape in the module's docstring) and build a
    :class:`FormLayout`. Raises :class:`ValidationError` (Thai, naming ``source`` and the place,
    e.g. "sections[1].blocks[0]") for anything else: an unknown key or block, a missing or
    blank number or title, a size outside 8-40 pt, a section number used twice, a section
    without blocks or subsections."""
    r = _Reader(source)
    data = r.keys(data, "", {"format", "id", "name", "source", "sizes", "topic", "sections"})
    if data.get("format") != FORMAT:
        raise r.fail("format", f"ต้องเป็น \"{FORMAT}\"")
    sizes_raw = r.keys(data.get("sizes"), "sizes", set(SIZE_KEYS))
    sizes: dict[str, float] = {}
    for key in SIZE_KEYS:
        value = sizes_raw.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 8 <= value <= 40:
            raise r.fail(f"sizes.{key}", "ต้องเป็นขนาดตัวอักษร ๘ ถึง ๔๐ พอยต์")
        sizes[key] = float(value)
    topic = r.keys(data.get("topic"), "topic", {"number", "separator", "title"})
    seen: set[str] = set()

    def section(raw: Any, where: str, parent: str) -> Section:
        raw = r.keys(raw, where, {"number", "title", "blocks", "sections"})
        number = r.text(raw, "number", where).strip()
        full = f"{parent}/{number}"
        if full in seen:
            raise r.fail(f"{where}.number", f"หมายเลข {number} ซ้ำกับหัวข้อก่อนหน้า")
        seen.add(full)
        blocks_raw = raw.get("blocks", [])
        subs_raw = raw.get("sections", [])
        if not isinstance(blocks_raw, list):
            raise r.fail(f"{where}.blocks", "ต้องเป็นรายการ [...]")
        if not isinstance(subs_raw, list):
            raise r.fail(f"{where}.sections", "ต้องเป็นรายการ [...]")
        if not blocks_raw and not subs_raw:
            raise r.fail(where, "หัวข้อต้องมี blocks หรือ sections อย่างน้อยหนึ่งรายการ")
        blocks: list[Block] = []
        for index, block in enumerate(blocks_raw):
            at = f"{where}.blocks[{index}]"
            if isinstance(block, str) and block in BLOCKS:
                blocks.append(block)
            elif isinstance(block, dict) and set(block) == {"components"} and isinstance(block["components"], str) \
                    and "{n}" in block["components"]:
                blocks.append(ComponentsBlock(block["components"]))
            else:
                raise r.fail(at, f"ไม่รู้จักส่วน {json.dumps(block, ensure_ascii=False)} (ใช้ได้: "
                                 f"{', '.join(BLOCKS)} หรือ {{\"components\": \"1.{{n}})\"}})")
        return Section(number, r.text(raw, "title", where).strip(), tuple(blocks),
                       tuple(section(sub, f"{where}.sections[{i}]", full) for i, sub in enumerate(subs_raw)))

    sections_raw = data.get("sections")
    if not isinstance(sections_raw, list) or not sections_raw:
        raise r.fail("sections", "ต้องเป็นรายการหัวข้ออย่างน้อยหนึ่งหัวข้อ")
    return FormLayout(
        id=r.text(data, "id", ""), name=r.text(data, "name", ""), source=r.text(data, "source", "", blank=True),
        sizes=sizes, topic_number=r.text(topic, "number", "topic"),
        topic_separator=r.text(topic, "separator", "topic", blank=True), topic_title=r.text(topic, "title", "topic"),
        sections=tuple(section(raw, f"sections[{i}]", "") for i, raw in enumerate(sections_raw)),
    )


def read_layout(path: Path) -> FormLayout:
    """The layout in the JSON file ``path``. Raises :class:`ValidationError` (Thai, naming the
    file, and the place or JSON line) when it cannot be read or does not validate."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(BAD.format(source=path.name, where="(ไฟล์)", problem=f"อ่านไม่ได้ ({exc})")) from None
    except json.JSONDecodeError as exc:
        raise ValidationError(BAD.format(source=path.name, where=f"บรรทัด {exc.lineno}",
                                         problem=json_reason(exc))) from None
    layout = parse_layout(data, path.name)
    if layout.id != path.stem:
        raise ValidationError(BAD.format(source=path.name, where="id", problem=f"ต้องตรงกับชื่อไฟล์ \"{path.stem}\""))
    return layout


def forms_dir() -> Path:
    """The bundled form layouts: ``resources/forms/``."""
    return resource_path("forms")


def layout_ids() -> tuple[str, ...]:
    """The ids of the bundled layouts ("round1", "round2"), sorted."""
    return tuple(sorted(path.stem for path in forms_dir().glob("*.json")))


@lru_cache(maxsize=None)
def load_layout(layout_id: str) -> FormLayout:
    """The bundled layout ``layout_id`` (read once per process). Raises :class:`ValidationError`
    (Thai) for an unknown id or a bundled file that does not validate."""
    if layout_id not in layout_ids():
        raise ValidationError(NOT_FOUND.format(layout=layout_id, known=", ".join(layout_ids())))
    return read_layout(forms_dir() / f"{layout_id}.json")
