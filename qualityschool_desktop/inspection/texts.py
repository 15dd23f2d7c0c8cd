"""The office's own texts of an inspection round, as values: its name and the policy for the
title, 6.1 situation analysis, each component's narrative in 6.2 1), 6.2 2) the model schools,
6.3 its own rows of problem / solution / expected result, 6.4 success factors, 6.5 suggestions,
6.6 good practices. They are stored per inspection round (:mod:`.office_texts`, what the window
types) and can be filled from a small JSON file (``report summary --texts FILE``, see
:func:`load_office_texts`), which the command saves into the same fields. Where the office wrote
nothing, the report says what the data shows (6.1) or prints "-".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field as dataclass_field, fields
from pathlib import Path
from typing import Any, Mapping

from ..errors import ValidationError
from ..json_files import read_json
from ..text import clean_text
from ..thai import office_name as thai_office_name

__all__ = ["ModelSchool", "OfficeTexts", "ProblemText", "load_office_texts"]

TEXTS_BAD_FIELD = "ไฟล์ข้อความของสำนักงาน {name}: ช่อง \"{key}\" ต้องเป็นข้อความหรือรายการข้อความ"
TEXTS_NOT_OBJECT = (
    "ไฟล์ข้อความของสำนักงาน {name}: ไฟล์ต้องเป็นออบเจ็กต์ JSON ที่ขึ้นต้นด้วย {{ และปิดท้ายด้วย }}"
    " มีชื่อหัวข้อกับข้อความ เช่น {{\"office\": \"...\", \"situation\": \"...\"}} (ไม่ใช่รายการ [ ... ])"
)
TEXTS_UNKNOWN = "ไฟล์ข้อความของสำนักงาน {name}: ไม่รู้จักช่อง {keys} (ใช้ได้: {known})"
TEXTS_BAD_PROBLEMS = (
    "ไฟล์ข้อความของสำนักงาน {name}: \"problems\" ต้องเป็นรายการของ"
    " {{\"problem\": ..., \"solution\": ..., \"expected\": ...}}"
)
TEXTS_BAD_NARRATIVES = (
    "ไฟล์ข้อความของสำนักงาน {name}: \"narratives\" ต้องเป็น {{\"รหัสองค์ประกอบ\": ข้อความ}} เช่น {{\"1\": \"...\"}}"
)
TEXTS_BAD_SERVED = (
    "ไฟล์ข้อความของสำนักงาน {name}: \"served\" ต้องเป็น {{\"ชื่อเขตพื้นที่\": [\"อำเภอ\", ...]}}"
)
TEXTS_BAD_OFFICES = (
    "ไฟล์ข้อความของสำนักงาน {name}: \"offices\" ต้องเป็น {{\"ชื่อเขตพื้นที่\": {{ข้อความของเขตนั้น}}}}"
    " ที่มีได้เฉพาะ {keys}"
)
# What an area office writes for its own part of the report by area office ("offices" in the file).
AREA_KEYS = ("situation", "problems", "success_factors", "suggestions", "good_practices")
# The one-line texts (the title block); the others keep their line breaks (one paragraph a line).
ONE_LINE = ("office", "policy")
# The plain texts, in the form's order (the 6.3 rows and the narratives are kept apart).
TEXT_FIELDS = ("office", "policy", "situation", "model_schools", "success_factors", "suggestions", "good_practices")


@dataclass(frozen=True)
class ProblemText:
    """One row of the office's own 6.3 table."""

    problem: str
    solution: str = ""
    expected: str = ""

    def __post_init__(self) -> None:
        _clean_fields(self, multiline=True)


@dataclass(frozen=True)
class ModelSchool:
    """6.2 2): a school the office marks as a model (โรงเรียนต้นแบบ) of its district or area office,
    by the school's record id, with the office's reason (may be empty)."""

    school_id: str
    reason: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", clean_text(self.reason).strip())


@dataclass(frozen=True)
class OfficeTexts:
    """What the office writes itself. Each text is printed as written (cleaned of control
    characters and with Thai marks in standard order, as all typed text), one paragraph per line;
    an empty text gets the report's default."""

    office: str = ""  # the office's name for the title block (หน่วยงาน)
    situation: str = ""  # 6.1
    problems: tuple[ProblemText, ...] = ()  # 6.3, the office's rows in its order
    success_factors: str = ""  # 6.4
    suggestions: str = ""  # 6.5
    good_practices: str = ""  # 6.6
    model_schools: str = ""  # 6.2 2) the model schools per district, as the office writes them
    policy: str = ""  # นโยบายการตรวจฯ in the title block ("" prints the programme's policy)
    narratives: tuple[tuple[str, str], ...] = ()  # 6.2 1): (component code, the office's narrative)
    # 6.1: (area office, the districts it serves, as the office lists them, with or without a quality school)
    served: tuple[tuple[str, tuple[str, ...]], ...] = ()
    models: tuple[ModelSchool, ...] = ()  # 6.2 2): the model schools the office marked, in its order
    # Each area office's own texts for its part of the report by area office (AREA_KEYS only).
    offices: tuple[tuple[str, "OfficeTexts"], ...] = ()
    # What a file held before cleaning, per text (field name, or "narrative.<code>"): saved through
    # the same path as typing, so history keeps it beside the cleaned text where cleaning changed
    # it, as the window keeps what was typed (issue 11). Not part of the texts' value.
    typed: tuple[tuple[str, str], ...] = dataclass_field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        _clean_fields(self, multiline=True, one_line=ONE_LINE)
        cleaned = tuple((str(code).strip(), clean_text(text).strip()) for code, text in self.narratives)
        object.__setattr__(self, "narratives", tuple((code, text) for code, text in cleaned if code and text))

    def served_by(self, office: str) -> tuple[str, ...]:
        """The districts (อำเภอ) ``office`` serves as the office listed them; () when not listed."""
        return next((districts for key, districts in self.served if key == office), ())

    def typed_of(self, key: str) -> str:
        """What the file held for ``key`` (a field name or "narrative.<code>") before cleaning;
        the stored text when cleaning changed nothing."""
        found = next((text for name, text in self.typed if name == key), None)
        if found is not None:
            return found
        return self.narrative(key[len("narrative."):]) if key.startswith("narrative.") else str(getattr(self, key))

    def narrative(self, code: str) -> str:
        """The office's narrative of component ``code`` ("1"-"5") in 6.2 1), "" when none."""
        return next((text for key, text in self.narratives if key == code), "")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], name: str = "texts") -> "OfficeTexts":
        """Build from parsed JSON: every field optional; a text may be a string or a list of
        strings (one paragraph each); ``problems`` a list of objects with ``problem``,
        ``solution`` and ``expected``; ``narratives`` an object of component code → text. Raises :class:`~qualityschool_desktop.errors.ValidationError`
        (Thai, naming ``name`` and the field) on anything else."""
        known = ("office", "policy", "situation", "narratives", "served", "problems", "success_factors",
                 "suggestions", "good_practices", "model_schools", "offices")
        if not isinstance(data, Mapping):
            raise ValidationError(TEXTS_NOT_OBJECT.format(name=name))
        per_office = data.get("offices", {})
        if not isinstance(per_office, Mapping) or not all(
                isinstance(texts, Mapping) and not set(texts) - set(AREA_KEYS) for texts in per_office.values()):
            raise ValidationError(TEXTS_BAD_OFFICES.format(name=name, keys=", ".join(AREA_KEYS)))
        offices = tuple((office_name(str(office)), cls.from_mapping(texts, name)) for office, texts in per_office.items())
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise ValidationError(TEXTS_UNKNOWN.format(name=name, keys=", ".join(unknown), known=", ".join(known)))
        values: dict[str, Any] = {}
        for key in known:
            if key in ("problems", "narratives", "served", "offices") or key not in data:
                continue
            values[key] = _text(data[key], key, name)
        rows = []
        raw = data.get("problems", [])
        if not isinstance(raw, list):
            raise ValidationError(TEXTS_BAD_PROBLEMS.format(name=name))
        for entry in raw:
            if not isinstance(entry, Mapping) or set(entry) - {"problem", "solution", "expected"}:
                raise ValidationError(TEXTS_BAD_PROBLEMS.format(name=name))
            rows.append(ProblemText(*(_text(entry.get(k, ""), f"problems.{k}", name)
                                      for k in ("problem", "solution", "expected"))))
        narratives = data.get("narratives", {})
        if not isinstance(narratives, Mapping):
            raise ValidationError(TEXTS_BAD_NARRATIVES.format(name=name))
        pairs = tuple((str(code), _text(text, f"narratives.{code}", name)) for code, text in narratives.items())
        served = data.get("served", {})
        if not isinstance(served, Mapping):
            raise ValidationError(TEXTS_BAD_SERVED.format(name=name))
        served_by = tuple((office_name(str(office)), tuple(districts_of(_text(districts, f"served.{office}", name))))
                          for office, districts in served.items())
        typed = tuple(values.items()) + tuple((f"narrative.{code}", text) for code, text in pairs)
        return cls(problems=tuple(rows), narratives=pairs, served=served_by, offices=offices, typed=typed, **values)


def districts_of(text: str) -> list[str]:
    """The districts of a typed list, as the office means it: separated by line breaks, commas or
    spaces (a district's name has no space: "เมืองตาก บ้านตาก" is two, found by a tester);
    "อำเภอ" or "อ." in front is dropped, also as a word of its own ("อำเภอ เมืองตาก"; the report
    writes it), blanks and repeats left out, the office's order kept."""
    found: list[str] = []
    for part in re.split(r"[,\s]+", clean_text(text or "", multiline=True)):
        name = part.strip()
        for prefix in ("อำเภอ", "อ."):
            name = name[len(prefix):] if name.startswith(prefix) else name
        if name and name not in found:
            found.append(name)
    return found


def office_name(text: str) -> str:
    """An area office's name as typed, trimmed, with runs of spaces made one and Arabic digits
    ("สพป.ตาก  เขต ๑" is "สพป.ตาก เขต 1": one office, one name; try14e f03)."""
    return thai_office_name(clean_text(text or "", multiline=False))


def _clean_fields(texts: Any, *, multiline: bool, one_line: tuple[str, ...] = ()) -> None:
    """Typed or pasted by the office, from the window or a file: cleaned as every text entering
    the core is (:func:`~qualityschool_desktop.text.clean_text`)."""
    for field in fields(texts):
        value = getattr(texts, field.name)
        if isinstance(value, str):
            cleaned = clean_text(value, multiline=multiline and field.name not in one_line).strip()
            object.__setattr__(texts, field.name, cleaned)


def _text(value: Any, key: str, name: str) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list) and all(isinstance(line, str) for line in value):
        return "\n".join(line.strip() for line in value if line.strip())
    raise ValidationError(TEXTS_BAD_FIELD.format(name=name, key=key))


def load_office_texts(path: Path) -> OfficeTexts:
    """Read the office's texts from a JSON file (UTF-8, or Notepad's "Unicode"), e.g.::

        {"office": "สำนักงานศึกษาธิการจังหวัดตาก", "policy": "การลดภาระนักเรียนและผู้ปกครอง",
         "narratives": {"1": "...", "3": "..."},
         "situation": ["ย่อหน้าแรก", "ย่อหน้าที่สอง"],
         "problems": [{"problem": "...", "solution": "...", "expected": "..."}],
         "success_factors": ["...", "..."], "suggestions": "...", "good_practices": "...",
         "model_schools": ["อำเภอเมืองตาก โรงเรียน…", "..."],
         "offices": {"สพป.ตาก เขต 1": {"situation": "...", "problems": [...], "suggestions": "..."}}}

    (``offices``: each area office's own texts for its part of the report by area office.)

    Raises :class:`~qualityschool_desktop.errors.ValidationError` (Thai, naming the file) when it
    cannot be read, is in another encoding (saying how to save it as UTF-8), is not JSON (the line
    and what is wrong there) or holds anything :meth:`OfficeTexts.from_mapping` refuses."""
    data = read_json(Path(path), "ข้อความของสำนักงาน")  # Thai, with a how-to for Notepad's encodings (try11a #10)
    return OfficeTexts.from_mapping(data, Path(path).name)
