"""Network schools (โรงเรียนเครือข่าย, seed 001): the nearby schools a quality school serves.

Each quality school keeps a list of them: the ministry's 10-digit code, name, pupils, teachers and
distance in km. The programme speaks of schools "within about 5 km"; a longer distance is noted as
a soft warning, never refused (the real map decides, not the rule of thumb).

Lists arrive typed in or as files saved from Excel for Windows, in whichever of its three text
formats: "CSV UTF-8" (UTF-8 with a byte-order mark, commas), "CSV" (the Thai code page, Windows-874
= TIS-620 and a little more, commas) or "Unicode Text" (UTF-16 with a byte-order mark, tabs); they
import alike. :meth:`NetworkSchools.preview_csv` reads a
file and says, line by line, what it would add, change or leave alone and what is wrong;
:meth:`NetworkSchools.apply_csv` then writes it in one transaction. Rows are matched on the code,
so importing the same file twice changes nothing.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .storage import CoreDatabase

from . import validation
from .clock import now_iso
from .ids import new_id
from .numbers import without_thousands
from .errors import NotFoundError, ValidationError, file_reason
from .schools import Schools, validate_code
from .text import clean_field, clean_text
from .thai import arabic_digits, thai_digits

ABOUT_KM = 5.0
FIELDS = ("code", "name", "pupils", "teachers", "distance_km")
# How the encodings are tried (see read_csv_text). Thai Excel saves "CSV" in the Windows Thai code
# page unless told "CSV UTF-8", and "Unicode Text" in UTF-16; cp874 is a superset of TIS-620, so it
# reads both. The values are what CsvPreview.encoding says.
ENCODINGS = ("utf-8-sig", "utf-16", "cp874")
ENCODING_NAMES = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16 (Unicode Text)", "cp874": "Windows-874 (TIS-620)"}
# What an Excel workbook starts with: .xlsx is a zip archive, .xls an OLE compound file.
_WORKBOOK_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
HOW_TO_SAVE = (
    "วิธีแก้: เปิดรายชื่อใน Excel เลือก ไฟล์ > บันทึกเป็น แล้วเลือกชนิดไฟล์"
    " “CSV UTF-8 (คั่นด้วยจุลภาค) (*.csv)” (หรือ “ข้อความ Unicode (*.txt)”) แล้วนำเข้าไฟล์ที่บันทึกใหม่"
)
UNREADABLE = "อ่านไฟล์ {name} ไม่ได้ ลองอ่านเป็นข้อความแบบ {tried} แล้ว ไม่ได้สักแบบ {how}"
WORKBOOK = "ไฟล์ {name} เป็นสมุดงาน Excel ไม่ใช่ไฟล์ข้อความ จึงนำเข้าโดยตรงไม่ได้ {how}"

# Header names people write, normalised by :func:`_header_key` (no spaces, dots or brackets,
# lower case). Thai first: that is what a school's sheet says.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "code": ("รหัสโรงเรียน", "รหัส", "รหัสสถานศึกษา", "code", "schoolcode", "school_code"),
    "name": ("ชื่อโรงเรียน", "ชื่อ", "ชื่อสถานศึกษา", "name", "schoolname", "school_name"),
    "pupils": ("จำนวนนักเรียน", "นักเรียน", "นักเรียนคน", "จำนวนนักเรียนคน", "pupils", "students"),
    "teachers": ("จำนวนครู", "ครู", "ครูคน", "จำนวนครูคน", "teachers"),
    "distance_km": ("ระยะทางกม", "ระยะทาง", "ระยะทางกิโลเมตร", "distance_km", "distancekm", "distance", "km"),
}
FIELD_LABELS = {
    "code": "รหัสโรงเรียน", "name": "ชื่อโรงเรียน", "pupils": "จำนวนนักเรียน", "teachers": "จำนวนครู",
    "distance_km": "ระยะทาง (กม.)",
}


@dataclass(frozen=True)
class NetworkSchool:
    """A network school (seed 001): the ministry's 10-digit ``code``, name, ``pupils`` and
    ``teachers`` (None when not known), ``distance_km`` from the quality school (km, two decimals,
    None when not known); ``school_id`` is the quality school it belongs to."""

    id: str
    school_id: str
    code: str
    name: str
    pupils: int | None
    teachers: int | None
    distance_km: float | None
    created_at: str
    modified_at: str
    modified_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "NetworkSchool":
        """The network school held in a row of ``network_schools`` (a dict by column name; other
        columns ignored). Raises ``KeyError`` when the row lacks a field."""
        return cls(**{f.name: row[f.name] for f in fields(cls)})

    @property
    def far(self) -> bool:
        """Beyond the "about 5 km" of the programme (a note for the reader, not an error)."""
        return self.distance_km is not None and self.distance_km > ABOUT_KM


@dataclass(frozen=True)
class NetworkTotals:
    """A quality school's network in numbers: how many schools, and their pupils and teachers
    (unknown counts add nothing)."""

    schools: int
    pupils: int
    teachers: int


@dataclass(frozen=True)
class CsvRow:
    """One data line of a CSV file as the preview sees it.

    ``action`` is new / updated / unchanged when the row can be imported, "" when it has problems.
    """

    line: int
    values: dict[str, Any]  # the cleaned values (only the columns the file has)
    raw: dict[str, str]  # what the file says, for showing
    problems: tuple[str, ...]
    warnings: tuple[str, ...]
    action: str

    @property
    def ok(self) -> bool:
        """True when the row can be imported (no problems; warnings allowed)."""
        return not self.problems


@dataclass(frozen=True)
class CsvPreview:
    """What a CSV file holds and what importing it would do; nothing has been written."""

    path: Path
    encoding: str  # utf-8-sig or cp874
    columns: tuple[str, ...]  # the fields found in the header
    rows: tuple[CsvRow, ...]

    @property
    def good_rows(self) -> list[CsvRow]:
        """The rows that can be imported, in file order."""
        return [row for row in self.rows if row.ok]

    @property
    def bad_rows(self) -> list[CsvRow]:
        """The rows with problems, in file order."""
        return [row for row in self.rows if not row.ok]

    def count(self, action: str) -> int:
        """How many importable rows would do ``action`` (``"new"``, ``"updated"`` or
        ``"unchanged"``)."""
        return sum(1 for row in self.rows if row.ok and row.action == action)

    @property
    def changes_anything(self) -> bool:
        """True when importing would add or change at least one network school."""
        return any(row.action in ("new", "updated") for row in self.good_rows)


@dataclass(frozen=True)
class CsvImportResult:
    """What :meth:`NetworkSchools.apply_csv` did: rows added, updated, unchanged and skipped."""

    added: int
    updated: int
    unchanged: int
    skipped: int  # rows with problems left out (the user agreed)


def parse_count(value: Any, label: str) -> int | None:
    """A head count from what a person typed: Thai digits, thousands separators and "คน" accepted,
    blank (or None) means "not known" (None). Raises :class:`ValidationError` naming ``label`` for
    text that is not a number, a fraction, a negative number or a comma that does not group
    thousands ("1,5": :func:`~qualityschool_desktop.numbers.without_thousands`)."""
    if value is None:
        return None
    text = without_thousands(arabic_digits(clean_field(value)).replace("คน", "").strip(), label, value)
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise ValidationError(f"{label}ต้องเป็นตัวเลข (กรอกมา “{value}”)") from None
    if number != int(number):
        raise ValidationError(f"{label}ต้องเป็นจำนวนเต็ม (กรอกมา “{value}”)")
    if number < 0:
        raise ValidationError(f"{label}ต้องไม่ติดลบ")
    return int(number)


def parse_distance(value: Any) -> float | None:
    """A distance in km: "3.5", "๓.๕" or "3.5 กม." all read as 3.5 (rounded to two decimals), "1,200"
    as 1200 (the comma groups thousands: :func:`~qualityschool_desktop.numbers.without_thousands`);
    blank (or None) is "not known" (None). Raises :class:`ValidationError` for text that is not a
    number, a comma that does not group thousands ("3,5": write 3.5), a negative distance or one
    over 100,000 km (the wrong unit, surely)."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = arabic_digits(clean_field(value)).lower()
        text = re.sub(r"\s*(กม\.?|กิโลเมตร|km)$", "", text).strip()
        if not text:
            return None
        text = without_thousands(text, "ระยะทาง", value)  # "1,200" is 1200 km, "1,5" is asked about
        try:
            number = float(text)
        except ValueError:
            raise ValidationError(f"ระยะทางต้องเป็นตัวเลข เช่น 3.5 (กรอกมา “{value}”)") from None
    if number < 0 or number != number:  # NaN is not a distance either
        raise ValidationError("ระยะทางต้องไม่ติดลบ")
    if number > validation.MAX_DISTANCE_KM:
        raise ValidationError(f"ระยะทาง “{value}” กม. มากเกินจริง โปรดตรวจสอบหน่วย (กิโลเมตร)")
    return round(number, 2)


def distance_warning(distance_km: float | None) -> str:
    """A Thai note when a network school lies beyond the programme's "about 5 km" ("" otherwise)."""
    if distance_km is None or distance_km <= ABOUT_KM:
        return ""
    return (
        f"ระยะทาง {thai_digits(_format_km(distance_km))} กม. เกินประมาณ ๕ กม. ที่โครงการกำหนดไว้"
        " (บันทึกไว้ได้ตามปกติ โปรดตรวจสอบอีกครั้ง)"
    )


def _format_km(value: float) -> str:
    return f"{value:g}"


def clean_values(changes: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise the editable fields, holding them to the rules an import applies
    (:mod:`.validation`: the name one line of at most :data:`~.validation.MAX_LINE` characters,
    head counts from 0 to :data:`~.validation.MAX_HEADCOUNT`, the distance from 0 to
    :data:`~.validation.MAX_DISTANCE_KM` km); raises :class:`ValidationError` (Thai)."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise ValidationError(f"ไม่มีช่องข้อมูล {', '.join(sorted(unknown))} ในข้อมูลโรงเรียนเครือข่าย")
    cleaned: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "code":
            cleaned[key] = validate_code("" if value is None else str(value))
        elif key == "name":
            name = " ".join(clean_text(value, multiline=False).split())
            if not name:
                raise ValidationError("กรุณากรอกชื่อโรงเรียนเครือข่าย")
            cleaned[key] = name
        elif key == "pupils":
            cleaned[key] = parse_count(value, "จำนวนนักเรียน")
        elif key == "teachers":
            cleaned[key] = parse_count(value, "จำนวนครู")
        else:
            cleaned[key] = parse_distance(value)
    validation.check_row("network_schools", cleaned)
    return cleaned


def _header_key(text: str) -> str:
    return re.sub(r"[\s.()\[\]（）]", "", text.replace("\ufeff", "")).lower()


_HEADER_LOOKUP = {_header_key(name): field for field, names in HEADER_NAMES.items() for name in names}


def read_csv_text(path: Path) -> tuple[str, str]:
    """The file's text and the encoding that read it (a key of :data:`ENCODING_NAMES`): UTF-16
    when the file has its byte-order mark or the zero bytes of UTF-16 text, else UTF-8 (with or
    without BOM), else Windows-874. Raises :class:`ValidationError` (Thai) for a file that cannot be
    opened, an Excel workbook, or one no encoding reads as text, naming the encodings tried and how
    to save the list from Excel."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"เปิดไฟล์ {path.name} ไม่ได้ ({file_reason(exc)})") from None
    if data.startswith(_WORKBOOK_SIGNATURES):
        raise ValidationError(WORKBOOK.format(name=path.name, how=HOW_TO_SAVE))
    for encoding, codec in _codecs_for(data):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-16":
            if text.count("\x00") > max(2, len(text) // 100):  # more than a stray NUL or two: not a text file
                continue
            text = text.replace("\x00", "")  # a stray NUL is no reason to refuse a list
        if _reads_as_a_list(text):
            return text, encoding
    names = [ENCODING_NAMES[encoding] for encoding in ENCODINGS]
    tried = ", ".join(names[:-1]) + " และ " + names[-1]
    raise ValidationError(UNREADABLE.format(name=path.name, tried=tried, how=HOW_TO_SAVE))


# What a decoded list may hold besides text: tab, line ends, and the vertical tab and form feed
# that text pasted from Word brings (removed where text enters the core).
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0b\x0c")


def _reads_as_a_list(text: str) -> bool:
    """Whether a decode looks like the text of a list rather than the bytes of something else
    read with the wrong codec: no control characters but tab and line ends, and nine in ten of
    its other characters ASCII, Thai or common punctuation (a wrong UTF-16 guess makes CJK and
    private-use characters out of byte pairs)."""
    if any(ord(ch) < 32 and ch not in _ALLOWED_CONTROLS for ch in text) or "\x7f" in text:
        return False
    letters = [ch for ch in text if not ch.isspace()]
    if not letters:
        return True
    usual = sum(1 for ch in letters if ord(ch) < 0x250 or 0x0E00 <= ord(ch) <= 0x0E7F or 0x2000 <= ord(ch) <= 0x206F
                or ch == "\ufeff")
    return usual * 10 >= len(letters) * 9


def _codecs_for(data: bytes) -> list[tuple[str, str]]:
    """(encoding, Python codec) in the order to try them on ``data``."""
    if data.startswith(b"\xef\xbb\xbf"):
        return [("utf-8-sig", "utf-8-sig")]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [("utf-16", "utf-16")]  # the codec reads the mark and the byte order from it
    guesses = [("utf-8-sig", "utf-8-sig"), ("cp874", "cp874")]
    if data.count(0) * 10 >= len(data) > 0:
        # UTF-16 without its mark: ASCII characters (digits, commas, tabs, line ends) have a zero
        # byte after them in little-endian order, before them in big-endian (Thai ones have none).
        zeros_at_odd = data[1::2].count(0) >= data[0::2].count(0)
        guesses.insert(0, ("utf-16", "utf-16-le" if zeros_at_odd else "utf-16-be"))
    return guesses


class NetworkSchools:
    """``workspace.network_schools``: the network schools of each quality school."""

    def __init__(self, db: CoreDatabase, installation_id: str, schools: Schools) -> None:
        self._db = db
        self._installation_id = installation_id
        self._schools = schools

    # -- reading -----------------------------------------------------------------------------
    def get(self, network_id: str) -> NetworkSchool:
        """The network school with ``network_id``; raises :class:`NotFoundError` when there is none
        or it was removed."""
        rows = list(self._db.query("SELECT * FROM network_schools WHERE id = ? AND deleted = 0", [network_id]))
        if not rows:
            raise NotFoundError("ไม่พบโรงเรียนเครือข่ายนี้")
        return NetworkSchool.from_row(rows[0])

    def for_school(self, school_id: str) -> list[NetworkSchool]:
        """A quality school's network schools, nearest first (unknown distances last), then by name."""
        return [
            NetworkSchool.from_row(row)
            for row in self._db.query(
                "SELECT * FROM network_schools WHERE school_id = ? AND deleted = 0"
                " ORDER BY distance_km IS NULL, distance_km, name COLLATE thai, code",
                [school_id],
            )
        ]

    def totals(self, school_id: str) -> NetworkTotals:
        """The counts of a quality school's network schools not removed (zeros for an unknown
        school)."""
        row = self._db.execute(
            "SELECT count(*), coalesce(sum(pupils), 0), coalesce(sum(teachers), 0) FROM network_schools"
            " WHERE school_id = ? AND deleted = 0",
            [school_id],
        ).fetchone()
        return NetworkTotals(int(row[0]), int(row[1]), int(row[2]))

    # -- writing -----------------------------------------------------------------------------
    def add(self, school_id: str, *, code: str, name: str, pupils: Any = None, teachers: Any = None,
            distance_km: Any = None) -> NetworkSchool:
        """Add a network school to ``school_id`` and return it: ``code`` 10 digits (Thai digits,
        spaces and dashes accepted), ``pupils``/``teachers`` whole numbers (blank: not known),
        ``distance_km`` in km ("3.5", "๓.๕", "3,5 กม."; at most 100,000 km). A code removed earlier
        comes back with the new values. Raises :class:`ValidationError` for bad values or a code the
        list already holds, :class:`NotFoundError` for an unknown school and
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        values = clean_values(
            {"code": code, "name": name, "pupils": pupils, "teachers": teachers, "distance_km": distance_km}
        )
        self._require_school(school_id)
        with self._db.write():
            network_id, _action = self._upsert(school_id, values, existing=self._by_code(school_id), strict=True)
        return self.get(network_id)

    def update(self, network_id: str, **changes: Any) -> NetworkSchool:
        """Change some of the fields :meth:`add` takes and return the network school; nothing is
        written when nothing differs. Raises :class:`ValidationError` for another field, a bad
        value, or a code another row of the list holds (a removed row too: add that code instead),
        :class:`NotFoundError` for an unknown or removed id and
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        values = clean_values(changes)
        current = self.get(network_id)
        if "code" in values and values["code"] != current.code:
            clash = self._db.execute(
                "SELECT deleted FROM network_schools WHERE school_id = ? AND code = ? AND id <> ?",
                [current.school_id, values["code"], network_id],
            ).fetchone()
            if clash is not None and not clash[0]:
                raise ValidationError(f"มีโรงเรียนเครือข่ายรหัส {values['code']} ในรายการแล้ว")
            if clash is not None:
                # A removed row still holds that code (codes are unique per school and removed
                # rows are kept for undo and exchange): adding the code brings that row back.
                raise ValidationError(
                    f"รหัส {values['code']} เป็นของโรงเรียนเครือข่ายที่ลบไปแล้ว ให้เพิ่มรหัสนี้ใหม่แทนการแก้ไข"
                )
        if all(getattr(current, key) == value for key, value in values.items()):
            return current
        self._write(network_id, values)
        return self.get(network_id)

    def remove(self, network_id: str) -> NetworkSchool:
        """Take a network school off the list (kept, so :meth:`restore` can undo it); returns it as
        it was. Raises :class:`NotFoundError` for an unknown or removed id and
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        current = self.get(network_id)
        self._write(network_id, {"deleted": 1})
        return current

    def restore(self, network_id: str) -> NetworkSchool:
        """Undo :meth:`remove` and return the network school (restoring one on the list changes
        nothing but its stamps). Raises :class:`NotFoundError` for an unknown id and
        :class:`~qualityschool_desktop.errors.StorageError` when the database cannot be written."""
        if not self._db.execute("SELECT 1 FROM network_schools WHERE id = ?", [network_id]).fetchone():
            raise NotFoundError("ไม่พบโรงเรียนเครือข่ายนี้")
        self._write(network_id, {"deleted": 0})
        return self.get(network_id)

    # -- CSV ---------------------------------------------------------------------------------
    def preview_csv(self, school_id: str, path: Path | str) -> CsvPreview:
        """Read a CSV file and say what importing it into ``school_id``'s list would do, line by
        line, with a Thai message for each problem. Writes nothing. Raises
        :class:`NotFoundError` for an unknown school and :class:`ValidationError` when the file as
        a whole cannot be read (not opened, a workbook, no encoding reads it, no code or name
        column)."""
        self._require_school(school_id)
        path = Path(path)
        text, encoding = read_csv_text(path)
        return self._preview(school_id, path, text, encoding)

    def apply_csv(self, school_id: str, path: Path | str, *, skip_bad_rows: bool = False) -> CsvImportResult:
        """Import a CSV file in one transaction (the file is read afresh, as the preview read it).

        A file with problem rows is refused (nothing written) unless ``skip_bad_rows``: then the
        good rows are imported and the others left out. Matching is on the code, so a second
        import of the same file changes nothing. Returns the counts. Raises as
        :meth:`preview_csv` does, :class:`ValidationError` for problem rows without
        ``skip_bad_rows``, and :class:`~qualityschool_desktop.errors.StorageError` when the database
        cannot be written."""
        preview = self.preview_csv(school_id, path)
        bad = preview.bad_rows
        if bad and not skip_bad_rows:
            raise ValidationError(
                f"ไฟล์นี้มี {thai_digits(len(bad))} แถวที่มีปัญหา ยังไม่ได้นำเข้าข้อมูลใด ๆ"
                " (เลือกนำเข้าเฉพาะแถวที่ถูกต้อง หรือแก้ไฟล์แล้วนำเข้าอีกครั้ง)"
            )
        counts = {"new": 0, "updated": 0, "unchanged": 0}
        with self._db.write():
            existing = self._by_code(school_id)
            for row in preview.good_rows:
                _network_id, action = self._upsert(school_id, row.values, existing=existing, strict=False)
                counts[action] += 1
        return CsvImportResult(counts["new"], counts["updated"], counts["unchanged"], len(bad))

    def _preview(self, school_id: str, path: Path, text: str, encoding: str) -> CsvPreview:
        lines = [line for line in text.splitlines() if line.strip()]
        if not lines:
            raise ValidationError(f"ไฟล์ {path.name} ไม่มีข้อมูล")
        # Only the separator is guessed (from the header line); quoting is Excel's, whichever file
        # it saved: the sniffer, shown a header without quotes, turned doubled quotes in a name
        # ("โรงเรียน ""บ้าน""") into extra quote marks.
        try:
            delimiter = csv.Sniffer().sniff(lines[0], delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
        reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter)
        header: list[str] | None = None
        columns: dict[int, str] = {}
        existing = self._by_code(school_id)
        seen: dict[str, int] = {}
        rows: list[CsvRow] = []
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = cells
                for index, title in enumerate(cells):
                    field = _HEADER_LOOKUP.get(_header_key(title))
                    if field and field not in columns.values():
                        columns[index] = field
                missing = [FIELD_LABELS[f] for f in ("code", "name") if f not in columns.values()]
                if missing:
                    raise ValidationError(
                        f"ไฟล์ {path.name} ไม่มีคอลัมน์ {' และ '.join(missing)} ในบรรทัดแรก"
                        " (หัวคอลัมน์ที่ใช้ได้: รหัสโรงเรียน, ชื่อโรงเรียน, จำนวนนักเรียน, จำนวนครู, ระยะทาง (กม.))"
                    )
                continue
            raw = {field: (cells[index].strip() if index < len(cells) else "") for index, field in columns.items()}
            rows.append(self._preview_row(line, raw, existing, seen))
        return CsvPreview(path, encoding, tuple(f for f in FIELDS if f in columns.values()), tuple(rows))

    def _preview_row(self, line: int, raw: dict[str, str], existing: dict[str, dict[str, Any]],
                     seen: dict[str, int]) -> CsvRow:
        problems: list[str] = []
        values: dict[str, Any] = {}
        where = f"บรรทัดที่ {thai_digits(line)}: "
        for field, value in raw.items():
            try:
                values.update(clean_values({field: value}))
            except ValidationError as exc:
                problems.append(where + str(exc))
        code = values.get("code")
        if code is not None:
            if code in seen:
                problems.append(where + f"รหัส {code} ซ้ำกับบรรทัดที่ {thai_digits(seen[code])}")
            else:
                seen[code] = line
        warning = distance_warning(values.get("distance_km"))
        warnings = (where + warning,) if warning else ()
        action = ""
        if not problems:
            action = self._action_for(values, existing.get(values["code"]))
        return CsvRow(line, values, raw, tuple(problems), warnings, action)

    # -- helpers -----------------------------------------------------------------------------
    @staticmethod
    def _action_for(values: dict[str, Any], row: dict[str, Any] | None) -> str:
        if row is None or row["deleted"]:
            return "new"
        return "unchanged" if all(row[key] == value for key, value in values.items()) else "updated"

    def _upsert(self, school_id: str, values: dict[str, Any], *, existing: dict[str, dict[str, Any]],
                strict: bool) -> tuple[str, str]:
        """Insert, revive or update by code inside the caller's transaction; (id, action)."""
        row = existing.get(values["code"])
        action = self._action_for(values, row)
        now = now_iso()
        if row is None:
            network_id = new_id()
            record = {"id": network_id, "school_id": school_id, "pupils": None, "teachers": None,
                      "distance_km": None, **values, "deleted": 0, "created_at": now, "modified_at": now,
                      "modified_by": self._installation_id}
            self._db.table("network_schools").insert(validation.checked("network_schools", record))
            existing[values["code"]] = record
            return network_id, action
        if strict and not row["deleted"]:
            raise ValidationError(f"มีโรงเรียนเครือข่ายรหัส {values['code']} ในรายการแล้ว")
        if action != "unchanged":
            changes = dict(values)
            if row["deleted"]:
                # A removed code typed in again starts afresh, not with the old figures.
                changes = {"pupils": None, "teachers": None, "distance_km": None, **values, "deleted": 0}
            changes.update(modified_at=now, modified_by=self._installation_id)
            self._db.table("network_schools").update(row["id"], validation.checked("network_schools", changes))
            row.update(changes)
        return str(row["id"]), action

    def _by_code(self, school_id: str) -> dict[str, dict[str, Any]]:
        return {
            row["code"]: row
            for row in self._db.query("SELECT * FROM network_schools WHERE school_id = ?", [school_id])
        }

    def _require_school(self, school_id: str) -> None:
        self._schools.require(school_id)

    def _write(self, network_id: str, values: dict[str, Any]) -> None:
        values = {**values, "modified_at": now_iso(), "modified_by": self._installation_id}
        with self._db.write():
            self._db.table("network_schools").update(network_id, validation.checked("network_schools", values))
