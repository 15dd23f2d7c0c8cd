"""The office's own texts for the summary (6.1 situation analysis, 6.3 its own problems /
solutions / expected results, 6.4 success factors, 6.5 suggestions, 6.6 good practices, 6.2 2)
the model schools, and the office's name for the title). They are not stored in the database: they come as an
:class:`OfficeTexts` (from the window) or from a small JSON file (``report summary --texts FILE``,
see :func:`load_office_texts`). Where the office wrote nothing, the report says what the data
shows (6.1, 6.3, 6.6) or prints "-".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from ...errors import ValidationError
from ...text import clean_text
from .strings import (
    TEXTS_BAD_FIELD, TEXTS_BAD_JSON, TEXTS_BAD_PROBLEMS, TEXTS_NOT_UTF8, TEXTS_ROOT, TEXTS_UNKNOWN, TEXTS_UNREADABLE,
)

__all__ = ["OfficeTexts", "ProblemText", "load_office_texts"]


@dataclass(frozen=True)
class ProblemText:
    """One row of the office's own 6.3 table."""

    problem: str
    solution: str = ""
    expected: str = ""

    def __post_init__(self) -> None:
        _clean_fields(self, multiline=True)


@dataclass(frozen=True)
class OfficeTexts:
    """What the office writes itself. Each text is printed as written (cleaned of control
    characters and with Thai marks in standard order, as all typed text), one paragraph per line;
    an empty text gets the report's default."""

    office: str = ""  # the office's name for the title block (หน่วยงาน)
    situation: str = ""  # 6.1
    problems: tuple[ProblemText, ...] = ()  # 6.3, before the rows drawn from the visits
    success_factors: str = ""  # 6.4
    suggestions: str = ""  # 6.5
    good_practices: str = ""  # 6.6
    model_schools: str = ""  # 6.2 2) the model schools per district, as the office writes them

    def __post_init__(self) -> None:
        _clean_fields(self, multiline=True, one_line=("office",))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], name: str = "texts") -> "OfficeTexts":
        """Build from parsed JSON: every field optional; a text may be a string or a list of
        strings (one paragraph each); ``problems`` a list of objects with ``problem``,
        ``solution`` and ``expected``. Raises :class:`~qualityschool_desktop.errors.ValidationError`
        (Thai, naming ``name`` and the field) on anything else."""
        known = ("office", "situation", "problems", "success_factors", "suggestions", "good_practices",
                 "model_schools")
        if not isinstance(data, Mapping):
            raise ValidationError(TEXTS_BAD_FIELD.format(name=name, key=TEXTS_ROOT))
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise ValidationError(TEXTS_UNKNOWN.format(name=name, keys=", ".join(unknown), known=", ".join(known)))
        values: dict[str, Any] = {}
        for key in known:
            if key == "problems" or key not in data:
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
        return cls(problems=tuple(rows), **values)


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
    """Read the office's texts from a UTF-8 JSON file, e.g.::

        {"office": "สำนักงานศึกษาธิการจังหวัดตาก",
         "situation": ["ย่อหน้าแรก", "ย่อหน้าที่สอง"],
         "problems": [{"problem": "...", "solution": "...", "expected": "..."}],
         "success_factors": ["...", "..."], "suggestions": "...", "good_practices": "...",
         "model_schools": ["อำเภอเมืองตาก โรงเรียน…", "..."]}

    Raises :class:`~qualityschool_desktop.errors.ValidationError` (Thai, naming the file) when it
    cannot be read, is not UTF-8 or not JSON, or holds anything :meth:`OfficeTexts.from_mapping`
    refuses."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or TEXTS_NOT_UTF8
        raise ValidationError(TEXTS_UNREADABLE.format(name=path.name, reason=reason)) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ValidationError(TEXTS_BAD_JSON.format(name=path.name, line=error.lineno, msg=error.msg)) from None
    return OfficeTexts.from_mapping(data, path.name)
