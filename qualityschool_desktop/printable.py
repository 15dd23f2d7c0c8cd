"""Characters the reports' font cannot draw (issue 11).

The reports embed Sarabun only (:mod:`.typeset.fonts`, never a system font, so a report looks the
same everywhere). An emoji, Burmese, Chinese or any other character outside Sarabun's character
map prints as an empty box. The text is the user's and is stored as typed; this module says which
characters will not print, so the window can tell while the user types and a printed report can
say where they are.

:func:`unprintable` names them in a text; :func:`unprintable_notice` is the Thai sentence the
window shows; :func:`unprintable_places` finds them in a report's gathered data (record and field)
and :func:`places_warning` is the warning a report prints. Cheap to import; the font's character
map is read once, on the first text that holds anything but Thai, ASCII and whitespace.
"""

from __future__ import annotations

import dataclasses
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from . import paths
from .text import clean_text

__all__ = [
    "Place", "WORD_WARNING", "character_name", "cleaning_codes", "cleaning_notice", "places_warning", "save_notice",
    "stored_text", "unprintable", "unprintable_notice", "unprintable_places", "unprintable_in",
]

FONT_FILE = "Sarabun-Regular.ttf"  # the four Sarabun faces map the same characters

# Thai: "อักขระ 😀 ✈ พิมพ์ในรายงานไม่ได้ …"
# after "บันทึกแล้ว ✓ 10:42": the text is stored as typed
NOTICE = "อักขระ {characters} พิมพ์ในรายงานไม่ได้ (จะเป็นกรอบสี่เหลี่ยมว่าง เพราะฟอนต์ของรายงานไม่มี)"
WARNING = "คำเตือน: อักขระต่อไปนี้พิมพ์ในรายงานไม่ได้ (ฟอนต์ของรายงานไม่มี จึงเป็นกรอบสี่เหลี่ยมว่าง) แก้ข้อความแล้วพิมพ์ใหม่:"
# The Word copy asks for TH Sarabun New or Sarabun, which lack the same characters; Word and
# LibreOffice then draw them in another font of the computer (emoji usually show) or as boxes.
WORD_WARNING = ("คำเตือน: ฟอนต์ของเอกสาร Word ({family}) ไม่มีอักขระต่อไปนี้ Word จะแสดงด้วยฟอนต์อื่นของเครื่อง"
                " (หน้าตาต่างจากข้อความรอบข้าง) หรือเป็นกรอบสี่เหลี่ยมว่าง ตรวจดูหรือแก้ข้อความก่อนพิมพ์:")
WARNING_PLACE = "  - {record}: {field}: {characters}"
MORE_PLACES = "  - และอีก {count} ที่"
PLACES_SHOWN = 20  # a report full of emoji lists the first ones; the rest are counted

# Invisible joiners and selectors that go with a character before them (❤️ is ❤ + U+FE0F, 👍🏽 is 👍 +
# a skin tone): named with it, never on their own.
_JOINERS = frozenset(range(0xFE00, 0xFE10)) | frozenset(range(0x1F3FB, 0x1F400)) | {0x200D, 0x20E3}

_lock = threading.Lock()
_codes: frozenset[int] | None = None


def _font_codes() -> frozenset[int]:
    """The code points Sarabun maps to a glyph (read once per process, any thread)."""
    global _codes
    if _codes is None:
        with _lock:
            if _codes is None:
                # ReportLab's own reader (a dependency already); the module only, no fonts registered.
                from reportlab.pdfbase.ttfonts import TTFontFile

                _codes = frozenset(TTFontFile(str(paths.fonts_dir() / FONT_FILE)).charToGlyph)
    return _codes


def _handled(code: int) -> bool:
    """What the typesetter draws without asking the font's map: ASCII, Thai, whitespace and
    control characters (line breaks; the core removes the others); and what no document holds:
    surrogates and noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF), which XML cannot carry and
    the writers drop, so nothing prints for them to warn of."""
    return (code < 0x7F or 0x0E00 <= code <= 0x0E7F or chr(code).isspace() or 0xD800 <= code <= 0xDFFF
            or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE)


def unprintable(text: str) -> tuple[str, ...]:
    """The characters of ``text`` that print as empty boxes in a report, each once, in the order
    first met; a joiner or variation selector after one is kept with it ("❤️" stays whole).
    ``()`` for text that prints whole (Thai, Latin, digits, punctuation, whitespace …)."""
    if all(_handled(ord(character)) for character in text):
        return ()
    codes = _font_codes()
    found: list[str] = []
    previous_missing = False
    for character in text:
        code = ord(character)
        if code in _JOINERS and previous_missing and code not in codes:
            found[-1] += character
            continue
        previous_missing = not _handled(code) and code not in codes
        if previous_missing:
            found.append(character)
    return tuple(dict.fromkeys(found))


def unprintable_in(value: Any) -> tuple[str, ...]:
    """:func:`unprintable` over every text in ``value``: a string, or mappings, lists, tuples and
    sets of them (what a view saves: one text or a few fields at once); other values are skipped."""
    found: list[str] = []
    for text in _texts(value):
        found += unprintable(text)
    return tuple(dict.fromkeys(found))


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _texts(item)


def unprintable_notice(characters: Iterable[str]) -> str:
    """The Thai sentence the window shows after saving text with ``characters`` in it ("" for
    none): that they print as empty boxes and that the text is saved as typed. An invisible
    character is named by its code (:func:`character_name`), not shown as a blank."""
    characters = tuple(characters)
    return NOTICE.format(characters=" ".join(map(character_name, characters))) if characters else ""


# Kinds of character that show nothing on screen, named instead (TEST34 T2: "อักขระ  พิมพ์…").
CONTROL_KIND = "อักขระควบคุม"
INVISIBLE_KIND = "อักขระที่มองไม่เห็น"
CHARACTER_NAME = "U+{code:04X} ({kind})"
# What the cleaning did, in words a teacher reads (TEST34B B13: the codes and "เป็นขึ้นบรรทัดใหม่แล้ว
# (ช่องบรรทัดเดียว: เป็นเว้นวรรค)" said two things at once); the codes go in the tooltip (:func:`cleaning_codes`).
REMOVED = "ลบ{kind} {count} ตัว"
MADE_LINE_BREAK = "เปลี่ยน{kind} {count} ตัวเป็นขึ้นบรรทัดใหม่"
MADE_SPACE = "เปลี่ยน{kind} {count} ตัวเป็นเว้นวรรค"
# What was stored not known (a view that does not say): the rule, not a claim about this field.
MADE_BREAK_OR_SPACE = "เปลี่ยน{kind} {count} ตัวเป็นขึ้นบรรทัดใหม่ หรือเป็นเว้นวรรคถ้าเป็นช่องบรรทัดเดียว"
CLEANING_JOIN = " และ"  # "ลบอักขระที่มองไม่เห็น 1 ตัว และเปลี่ยนอักขระควบคุม 1 ตัวเป็นเว้นวรรค"
CLEANED_CODES = "อักขระที่แก้: {codes}"
# Between the parts of a notice after a save.
NOTICE_JOIN = " · "
# Kept as typed by the cleaning or changed without a word worth saying (a pasted CR LF, a tab).
_PLAIN_CONTROLS = frozenset("\t\n\r")
_HIDDEN = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def character_name(character: str) -> str:
    """``character`` as a person can read it in a message: itself when it shows (😀, 中), its
    code and kind when it shows nothing ("U+000B (อักขระควบคุม)", "U+200B (อักขระที่มองไม่เห็น)")."""
    kind = unicodedata.category(character[:1]) if character else ""
    if kind == "Cc":
        return CHARACTER_NAME.format(code=ord(character[0]), kind=CONTROL_KIND)
    if kind in ("Cf", "Cs", "Co", "Cn", "Zl", "Zp") or (kind == "Zs" and character[0] != " "):
        return CHARACTER_NAME.format(code=ord(character[0]), kind=INVISIBLE_KIND)
    return character


def _kind(character: str) -> str:
    return CONTROL_KIND if unicodedata.category(character) == "Cc" else INVISIBLE_KIND


def _pairs(value: Any, stored: Any) -> Iterable[tuple[str, str | None]]:
    """Each typed text of ``value`` with what was stored for it (None: not known)."""
    if isinstance(value, str):
        yield value, stored if isinstance(stored, str) else None
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _pairs(item, stored.get(key) if isinstance(stored, Mapping) else None)
    elif isinstance(value, (list, tuple)) and isinstance(stored, (list, tuple)) and len(stored) == len(value):
        for item, kept in zip(value, stored):
            yield from _pairs(item, kept)
    else:
        for text in _texts(value):
            yield text, None


def stored_text(typed: Any, result: Any) -> str | None:
    """What the core stored of ``typed`` text, read off a call's ``result`` (the text itself, or a
    record or mapping holding it): the multi-line or the one-line cleaning of it, whichever the
    result holds; None when it holds neither or they do not differ."""
    if not isinstance(typed, str):
        return None
    many, one = clean_text(typed), clean_text(typed, multiline=False)
    if many == one:
        return None
    if isinstance(result, str):
        held = [result]
    elif isinstance(result, Mapping):
        held = [item for item in result.values() if isinstance(item, str)]
    elif dataclasses.is_dataclass(result) and not isinstance(result, type):
        held = [item for item in (getattr(result, field.name) for field in dataclasses.fields(result))
                if isinstance(item, str)]
    else:
        return None
    for kept in (many, one):
        if kept in held or kept.strip() in held:
            return kept
    return None


def _cleaned(typed: str, stored: str | None) -> tuple[list[str], list[str], list[str], list[str]]:
    """The hidden characters of ``typed`` the cleaning removed, made line breaks, made spaces, and
    made one or the other (``stored`` None: not known). A line break is a space where what was
    stored has fewer line breaks than the multi-line cleaning makes (a one-line field)."""
    removed: list[str] = []
    breaks: list[str] = []
    for character in typed:
        if character in _PLAIN_CONTROLS or unicodedata.category(character) not in _HIDDEN:
            continue
        cleaned = clean_text(character)
        if cleaned == "":
            removed.append(character)
        elif cleaned == "\n":
            breaks.append(character)
    if stored is None:
        return removed, [], [], breaks
    one_line = stored.count("\n") < clean_text(typed).count("\n")
    return removed, ([] if one_line else breaks), (breaks if one_line else []), []


def _counted(template: str, characters: list[str]) -> list[str]:
    kinds: dict[str, int] = {}
    for character in characters:
        kinds[_kind(character)] = kinds.get(_kind(character), 0) + 1
    from .thai import digits  # Thai digits, as the core's messages: the window shows its own style

    return [template.format(kind=kind, count=digits(count, "thai")) for kind, count in kinds.items()]


def cleaning_notice(value: Any, stored: Any = None) -> str:
    """What the core's cleaning (:func:`~qualityschool_desktop.text.clean_text`) did to typed
    ``value`` (a text, or mappings and sequences of them), in words: how many invisible and control
    characters it removed, and which it made line breaks or, where ``stored`` (what the core stored,
    of the same shape) shows a one-line field, spaces. "" when it did nothing worth saying."""
    removed: list[str] = []
    breaks: list[str] = []
    spaces: list[str] = []
    either: list[str] = []
    for typed, kept in _pairs(value, stored):
        gone, broken, spaced, unknown = _cleaned(typed, kept)
        removed += gone
        breaks += broken
        spaces += spaced
        either += unknown
    parts = (_counted(REMOVED, removed) + _counted(MADE_LINE_BREAK, breaks) + _counted(MADE_SPACE, spaces)
             + _counted(MADE_BREAK_OR_SPACE, either))
    return CLEANING_JOIN.join(parts)


def cleaning_codes(value: Any) -> str:
    """The codes of the hidden characters the cleaning changed in ``value`` ("อักขระที่แก้: U+200B
    (อักขระที่มองไม่เห็น), U+000B (อักขระควบคุม)"), for a tooltip; "" for none."""
    found: list[str] = []
    for typed in _texts(value):
        gone, broken, spaced, unknown = _cleaned(typed, None)
        found += gone + broken + spaced + unknown
    return CLEANED_CODES.format(codes=", ".join(map(character_name, dict.fromkeys(found)))) if found else ""


def save_notice(value: Any, stored: Any = None) -> str:
    """What the window adds after storing typed ``value`` (a text, or mappings and sequences of
    them; "" when there is nothing to say): what the core's cleaning did (:func:`cleaning_notice`,
    told by ``stored``, what the core stored, where known), then the characters of what is stored
    that print as boxes (:func:`unprintable_notice`). Nothing about boxes when it prints whole."""
    kept = [text for text, _stored in _pairs(value, stored)]
    printed = [clean_text(text) for text in kept]
    parts = [cleaning_notice(value, stored), unprintable_notice(unprintable_in(printed))]
    return NOTICE_JOIN.join(part for part in parts if part)


@dataclass(frozen=True)
class Place:
    """Where a report's data hold characters that will not print: the record (as its code, name or
    title says, e.g. "1063010001 โรงเรียนบ้านตาก") and its field, with the characters."""

    record: str
    field: str
    characters: tuple[str, ...]


# Fields worth naming in Thai; any other is named as the program calls it.
FIELD_NAMES = {
    "name": "ชื่อ", "title": "ชื่อเรื่อง", "evidence": "หลักฐาน", "notes": "บันทึก", "note": "หมายเหตุ",
    "text": "ข้อความ", "district": "อำเภอ", "province": "จังหวัด", "area_office": "สังกัด",
    "strengths": "จุดเด่น", "to_develop": "จุดที่ควรพัฒนา", "suggestions": "ข้อเสนอแนะ", "position": "ตำแหน่ง",
    "school_name": "ชื่อโรงเรียน", "office": "หน่วยงาน", "detail": "รายละเอียด", "description": "รายละเอียด",
    "observed": "สิ่งที่พบ", "purpose": "วัตถุประสงค์", "problems": "ปัญหา", "advice": "ข้อแนะนำ",
    # The office's own parts of the inspection report (seeds 001/002, 6.1–6.6; as the page names them).
    "policy": "นโยบาย", "situation": "การวิเคราะห์สถานการณ์ในพื้นที่", "model_schools": "โรงเรียนต้นแบบ",
    "success_factors": "ปัจจัยแห่งความสำเร็จ", "good_practices": "แบบอย่างที่ดี",
    # The columns of the office's 6.3 table (a row is named "แถวที่ N", TEST26a #6).
    "problem": "ปัญหา/อุปสรรค", "solution": "แนวทางการแก้ไขปัญหา", "expected": "ผลที่คาดว่าจะได้รับ",
}
ROW = "{field} แถวที่ {number}"  # a field of the Nth unnamed row of a table (6.3)
_LABELS = ("code", "name", "title")  # what names a record, joined in this order
# "typed": the copy of what was typed before cleaning (history, a --texts file), never printed.
_SKIPPED = frozenset({"id", "created_at", "modified_at", "modified_by", "owner", "signature", "typed"})


# Records without a code, name or title: named by the checklist item or the visit they belong to.
_OTHER_LABELS = (("item_code", "ข้อ {}"), ("scope_code", "ข้อ {}"), ("visited_on", "การนิเทศวันที่ {}"))


def _label(record: object) -> str:
    parts = [getattr(record, name, None) for name in _LABELS]
    label = " ".join(dict.fromkeys(str(part) for part in parts if isinstance(part, (str, int)) and str(part)))
    for name, template in _OTHER_LABELS:
        value = getattr(record, name, None)
        if not label and isinstance(value, str) and value:
            label = template.format(_shown_date(value) if name == "visited_on" else value)
    return label


def _shown_date(iso: str) -> str:
    """"2026-11-02" as the reports write it ("2 พฤศจิกายน 2569"); anything else as it is."""
    from datetime import date

    from .thai import format_date

    try:
        return format_date(date.fromisoformat(iso))
    except ValueError:
        return iso


def unprintable_places(data: object) -> tuple[Place, ...]:
    """Every text in a report's gathered ``data`` (dataclasses, mappings, sequences, strings) that
    holds characters :func:`unprintable` names, as :class:`Place` values in the order met, each
    once. The record is the nearest enclosing dataclass with a code, name or title (the report
    itself, "", when none); the field is the attribute (or mapping key) that holds the text, in
    Thai when :data:`FIELD_NAMES` knows it, followed by "แถวที่ N" (:data:`ROW`, counted from 1)
    when the text is in a row of a table whose rows have no name of their own (6.3)."""
    found: dict[tuple[str, str], list[str]] = {}
    seen: set[int] = set()

    def walk(value: Any, record: str, field: str, row: int = 0) -> None:
        if isinstance(value, str):
            characters = unprintable(value)
            if characters:
                name = FIELD_NAMES.get(field, field)
                name = ROW.format(field=name, number=row) if row else name
                found.setdefault((record, name), []).extend(characters)
            return
        if isinstance(value, (int, float, bool)) or value is None or id(value) in seen:
            return
        seen.add(id(value))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            label = _label(value)
            for item in dataclasses.fields(value):
                if item.name not in _SKIPPED:
                    walk(getattr(value, item.name, None), label or record, item.name, 0 if label else row)
        elif isinstance(value, Mapping):
            for key, item in value.items():
                walk(item, record, str(key) if isinstance(key, str) and not isinstance(item, Mapping) else field)
        elif isinstance(value, (list, tuple)):
            for number, item in enumerate(value, 1):
                unnamed_row = dataclasses.is_dataclass(item) and not isinstance(item, type) and not _label(item)
                walk(item, record, field, number if unnamed_row else 0)
        elif isinstance(value, (set, frozenset)):
            for item in value:
                walk(item, record, field)

    walk(data, "", "")
    return tuple(Place(record, field, tuple(dict.fromkeys(characters))) for (record, field), characters in found.items())


def places_warning(places: Iterable[Place], style: str = "arabic", *, heading: str = WARNING) -> str:
    """The Thai warning a printed report gives: ``heading`` (the PDF's :data:`WARNING`, or the
    Word copy's :data:`WORD_WARNING` with its font), then one line per place (record: field:
    characters), at most :data:`PLACES_SHOWN`, then how many more. "" for no places. The records' codes, item
    numbers and dates and the count are written in the digit ``style`` ("thai" or "arabic", the
    report's: "ข้อ ๔.๑.๒" beside a Thai-digit report, TEST25 #11); the characters never hold a digit."""
    from .thai import digits

    places = tuple(places)
    if not places:
        return ""
    lines = [heading] + [
        WARNING_PLACE.format(record=digits(place.record or "รายงาน", style),
                             field=digits(place.field or "ข้อความ", style),
                             characters=" ".join(place.characters))
        for place in places[:PLACES_SHOWN]
    ]
    if len(places) > PLACES_SHOWN:
        lines.append(MORE_PLACES.format(count=digits(len(places) - PLACES_SHOWN, style)))
    return "\n".join(lines)
