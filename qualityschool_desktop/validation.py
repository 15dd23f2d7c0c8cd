"""The rule every stored value obeys: one set for local edits and for imports.

:data:`RULES` holds, for every table that travels between laptops, the rule of each of its
travelling columns: its type, whether it may be empty, its range or length, its format (real
calendar dates and clock times, the app's UTC stamps) or its enumeration. Every write path of the
core checks the row it is about to store with :func:`check_row`, inside its write transaction; the
exchange checks every incoming row with the same rules (``exchange/records.py``) and every outgoing
row before a file is written. So nothing a laptop accepts can make another laptop refuse its file,
and nothing an import accepts can hold a value the reports cannot print. Two checks need more than
the row and live beside it, the same on both sides: a level must be on its framework's own scale
(``answers.set_level``, ``visits.set_level``; ``exchange/lineage.py``), and an attachment's size
must be its content's (``filestore.FileStore.put``; ``exchange/importer.py``).

Units: lengths are characters (Unicode code points, as Python counts them); years are Buddhist Era
(BE, พ.ศ.); dates are ISO ``YYYY-MM-DD`` in the Common Era, within the same BE years; distances are
kilometres; attachment sizes are bytes. A rule never changes what it is given: cleaning (Thai digits,
spaces, control characters, see :mod:`.text`) happens before, in each write path.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping

from .errors import ValidationError
from .field_labels import _COMMON_LABELS, FIELD_LABELS, field_label  # noqa: F401 - re-exported
# The rule of one value lives in value_rules.py; every public name of it is re-exported here, where
# callers have always read it (validation.MAX_TEXT, validation.line(...), validation.STAMP).
from .value_rules import (  # noqa: F401 - re-exported
    CODE, CODE10, FILE_SIZE, FLAG, HEADCOUNT, LEVEL, MAX_CODE, MAX_DISTANCE_KM, MAX_FILE_BYTES, MAX_HEADCOUNT,
    MAX_INTEGER, MAX_LEVEL, MAX_LINE, MAX_MEASURE, MAX_QUANTITY, MAX_ROUND, MAX_SATANG, MAX_STAMP_YEAR, MAX_TEXT,
    MAX_VERSION_ENTRIES, MAX_YEAR_BE, MIN_LEVEL, MIN_STAMP_YEAR, MIN_YEAR_BE, SHA256, SHA256_OR_NULL, STAMP, TIME,
    TRACKED, UUID, UUID_OR_NULL, Rule, choice, date, integer, json_value, line, parse_version, school_code_problem,
    text,
)
from .visit_revisions import SIGNED_FINDINGS

# What the one-call row check (_compiled) shares with Rule's own checks: the same patterns and the
# same caches of values found valid lately.
from .value_rules import (
    _KNOWN_DAY_STAMP, _NOT_ONE_LINE, _STAMP_DAYS, _VALID_DATES, _VALID_STAMPS, _VALID_VERSIONS, _stamp_passes,
)

TEXT_ADVICE = "โปรดย่อหรือแนบเป็นไฟล์แทน"

# The rule of every travelling column, mirroring the types, NOT NULL and CHECK constraints of
# migrations/ and stricter where the schema cannot say it (lengths, real dates, ranges). Having a
# rule here is what makes a column travel (``exchange/records.py``); which columns exist, and in what
# order, comes from the live schema.
RULES: dict[str, dict[str, Rule]] = {
    "schools": {
        "id": UUID, "code": CODE10, "name": line(required=True), "district": line(), "province": line(),
        "area_office": line(), "level": choice("", "primary", "secondary", "both"),
        "pupils": HEADCOUNT, "teachers": HEADCOUNT, "is_demo": FLAG, **TRACKED,
    },
    "assessments": {
        "id": UUID, "school_id": UUID, "framework_id": CODE, "framework_version": CODE,
        "fiscal_year": integer(MIN_YEAR_BE, MAX_YEAR_BE, unit="(ปี พ.ศ.)"), "round": integer(1, MAX_ROUND),
        "assessed_on": date(), "assessor_name": line(), "assessor_role": line(),
        "status": choice("draft", "submitted"), **TRACKED,
    },
    "answers": {
        "id": UUID, "assessment_id": UUID, "item_code": CODE, "level": LEVEL, "not_applicable": FLAG,
        "na_reason": text(), "evidence": text(), "note": text(), **TRACKED,
    },
    "attachments": {
        "id": UUID, "assessment_id": UUID, "item_code": CODE, "sha256": SHA256, "file_name": line(required=True),
        "size": FILE_SIZE, "media_type": line(), "deleted": FLAG, **TRACKED,
    },
    "answer_history": {
        "id": UUID, "answer_id": UUID, "assessment_id": UUID, "item_code": CODE,
        "field": choice("level", "not_applicable", "na_reason", "evidence", "note", "attachment"),
        "old_value": text(nullable=True), "new_value": text(nullable=True), "changed_at": STAMP, "changed_by": CODE,
        "typed": text(nullable=True),
    },
    "visits": {
        "id": UUID, "school_id": UUID, "assessment_id": UUID_OR_NULL, "framework_id": CODE,
        "framework_version": CODE, "visited_on": date(required=True), "start_time": TIME, "end_time": TIME,
        "visit_type": choice("onsite", "online"), "purpose": text(), "notes": text(),
        # A visit from before owners whose maker nobody recorded is "": no one's key can change it.
        "status": choice("draft", "final"), "made_by": line(MAX_CODE), **TRACKED,
        "deleted_at": Rule("stamp", nullable=True),  # 0036: when its maker deleted it (NULL: not deleted)
    },
    "visit_people": {
        "id": UUID, "visit_id": UUID, "side": choice("visitor", "school"), "position_order": integer(0),
        "name": line(), "position": line(), "deleted": FLAG, **TRACKED,
    },
    "visit_findings": {
        "id": UUID, "visit_id": UUID, "scope_code": CODE, "level": LEVEL, "observed": text(),
        "evidence": text(), "strengths": text(), "to_develop": text(), "recommendations": text(), **TRACKED,
    },
    "visit_attachments": {
        "id": UUID, "visit_id": UUID, "scope_code": line(MAX_CODE), "sha256": SHA256,
        "file_name": line(required=True), "size": FILE_SIZE, "media_type": line(), "deleted": FLAG, **TRACKED,
    },
    "follow_ups": {
        "id": UUID, "school_id": UUID, "visit_id": UUID, "scope_code": line(MAX_CODE), "action": text(),
        "owner": line(), "due_on": date(), "status": choice("open", "done", "dropped"),
        "closed_on": date(), "closed_in_visit_id": UUID_OR_NULL, "note": text(), "deleted": FLAG, **TRACKED,
    },
    "visit_events": {
        "id": UUID, "visit_id": UUID, "event": choice("finalised", "reopened"), "reason": text(),
        "happened_at": STAMP, "happened_by": CODE,
        # 0037 (s35 C3): the team member who did it and what a confirmation confirmed; None before.
        "person_name": Rule("line", nullable=True, length=MAX_LINE), "signed_findings": SIGNED_FINDINGS,
    },
    "assessment_events": {
        "id": UUID, "assessment_id": UUID, "event": choice("submitted", "reopened"), "happened_at": STAMP,
        "happened_by": CODE,
    },
    "review_decisions": {
        "id": UUID, "assessment_id": UUID, "reviewed_version": Rule("version"),
        "decision": choice("accepted", "returned"), "comment": text(),
        "office_name": line(), "decided_at": STAMP, "decided_by": CODE,
    },
    "comments": {
        "id": UUID, "school_id": UUID, "assessment_id": UUID_OR_NULL, "item_code": line(MAX_CODE),
        "follow_up_id": UUID_OR_NULL, "body": Rule("text", required=True, length=MAX_TEXT),
        "author_name": line(), "author_role": line(), "written_at": STAMP, "written_by": CODE,
    },
    "network_schools": {
        "id": UUID, "school_id": UUID, "code": CODE10, "name": line(required=True), "pupils": HEADCOUNT,
        "teachers": HEADCOUNT,
        "distance_km": Rule("real", nullable=True, minimum=0.0, maximum=MAX_DISTANCE_KM, unit="กม."),
        "deleted": FLAG, **TRACKED,
    },
    "budget_requests": {  # issue 14: budget/requests.py; amounts in satang (1/100 baht)
        "id": UUID, "school_id": UUID, "fiscal_year": integer(MIN_YEAR_BE, MAX_YEAR_BE, unit="(ปี พ.ศ.)"),
        "kind": choice("equipment", "construction", "renovation", "multi_year"), "description": line(),
        "quantity": integer(0, MAX_QUANTITY), "unit": line(), "unit_price_satang": integer(0, MAX_SATANG, unit="สตางค์"),
        "span_years": integer(1, 10, unit="ปี"), "scope_codes": line(), "priority": integer(1, 99),
        "justification": text(), "deleted": FLAG, **TRACKED,
    },
    "budget_decisions": {  # issue 14: the office's approval of a budget request (budget/requests.py)
        "id": UUID, "request_id": UUID, "approved_satang": integer(0, MAX_SATANG, nullable=True, unit="สตางค์"),
        "note": text(), "decided_at": STAMP, "decided_by": CODE,
        "decided_state": SHA256_OR_NULL,  # 0025: the digest of the item as decided on (TEST14e f01)
    },
}

# Rules across fields of one row: (the fields, the test, what is wrong).
ROW_RULES: dict[str, tuple[tuple[tuple[str, ...], Callable[[Mapping[str, Any]], bool], str], ...]] = {
    "answers": (
        (("not_applicable", "level"), lambda row: not (row["not_applicable"] == 1 and row["level"] is not None),
         "ประเด็นที่ไม่เกี่ยวข้องต้องไม่มีระดับคะแนน"),
    ),
    "comments": (
        (("assessment_id", "follow_up_id"), lambda row: (row["assessment_id"] is None) != (row["follow_up_id"] is None),
         " หรือข้อตกลง ต้องระบุอย่างใดอย่างหนึ่งเท่านั้น (ความคิดเห็นเป็นของแบบประเมินหรือของข้อตกลง)"),
        (("follow_up_id", "item_code"), lambda row: row["follow_up_id"] is None or row["item_code"] == "",
         " ระบุแล้ว จึงต้องไม่ระบุประเด็น (ความคิดเห็นต่อข้อตกลงไม่มีประเด็น)"),
    ),
}

# The names people read: field_labels.py (FIELD_LABELS, field_label), imported above.

# -- checking --------------------------------------------------------------------------------------
# (table, fields) -> each field's (name, check of its rule's kind, None allowed), made once.
_CHECKS: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, Callable[[Any], str | None], bool], ...]] = {}
# (table, fields) -> one function that says True when every field obeys its rule (_compiled).
_PASSES: dict[tuple[str, tuple[str, ...]], Callable[[Mapping[str, Any]], bool]] = {}
# (table, fields) -> the rules across fields of ROW_RULES that name one of the fields, found once.
_ROW_CHECKS: dict[tuple[str, tuple[str, ...]], tuple[tuple[tuple[str, ...], Callable[[Mapping[str, Any]], bool], str], ...]] = {}


def row_problem(table: str, row: Mapping[str, Any], fields: Iterable[str] | None = None) -> tuple[str, str] | None:
    """The first of ``fields`` of ``row`` (every field of ``row`` when None) that breaks its rule in
    :data:`RULES`, or a rule across fields of :data:`ROW_RULES` that they break, as (field, Thai
    reason); None when they all hold. Raises ``KeyError`` for a table or field without a rule (a
    programming error)."""
    checked = tuple(row.keys() if fields is None else fields)
    checks = _CHECKS.get((table, checked)) or _prepare(table, checked)
    if not _PASSES[(table, checked)](row):  # the usual case, a row that passes, in one call
        for name, check, nullable in checks:  # Rule.problem, inlined: which field, and why
            value = row[name]
            if value is None:
                if nullable:
                    continue
                return name, "ต้องมีค่า"
            reason = check(value)
            if reason is not None:
                return name, reason
    for names, holds, reason in _ROW_CHECKS[(table, checked)]:
        if all(name in row for name in names) and not holds(row):
            return names[0], reason
    return None


def _prepare(table: str, checked: tuple[str, ...]) -> tuple[tuple[str, Callable[[Any], str | None], bool], ...]:
    rules = RULES[table]  # the three caches above, filled for (table, checked)
    checks = _CHECKS[(table, checked)] = tuple(
        (name, rules[name]._check, rules[name].nullable) for name in checked)  # type: ignore[attr-defined]
    _ROW_CHECKS[(table, checked)] = tuple(rule for rule in ROW_RULES.get(table, ()) if any(n in checked for n in rule[0]))
    _PASSES[(table, checked)] = _compiled(table, checked)
    return checks


def row_passes(table: str, fields: Iterable[str]) -> Callable[[Mapping[str, Any]], bool]:
    """One function for rows holding exactly ``fields`` of ``table``: True only when
    :func:`row_problem` would find nothing (False when it may: ask it then, for the field and the
    reason). A reader checking every row (an import) makes one call a row, rules across fields in it."""
    checked = tuple(fields)
    found = _ROW_PASSES.get((table, checked))
    if found is None:
        _CHECKS.get((table, checked)) or _prepare(table, checked)
        found = _ROW_PASSES[(table, checked)] = _compiled(table, checked, _ROW_CHECKS[(table, checked)])
    return found


# (table, fields) -> row_passes's function: _compiled with the rules across fields in it.
_ROW_PASSES: dict[tuple[str, tuple[str, ...]], Callable[[Mapping[str, Any]], bool]] = {}


def _compiled(table: str, fields: tuple[str, ...],
              across: tuple[tuple[tuple[str, ...], Callable[[Mapping[str, Any]], bool], str], ...] = (),
              ) -> Callable[[Mapping[str, Any]], bool]:
    """One function for ``table``'s ``fields`` that returns True only when each field's value
    obeys its rule in :data:`RULES`, and the row each rule across fields in ``across`` (when it
    holds their fields, as :func:`row_problem` asks); False when one may not (:func:`row_problem`
    says why). An import checks every field of every row, one call a row. The common kinds are
    written out as the ``Rule`` methods' tests, never looser (``type(v) is str`` for
    ``isinstance``); the other kinds call their rule's own check."""
    rules = RULES[table]
    names: dict[str, Any] = {"STAMPS": _VALID_STAMPS, "VERSIONS": _VALID_VERSIONS, "DATES": _VALID_DATES,
                             "ONE_LINE": _NOT_ONE_LINE.search,
                             "STAMP_PASSES": _stamp_passes, "DAYS": _STAMP_DAYS, "KNOWN_DAY": _KNOWN_DAY_STAMP}
    lines = ["def passes(row):"]
    for index, name in enumerate(fields):
        rule = rules[name]
        check = f"C{index}"
        names[check] = rule._check  # type: ignore[attr-defined]
        if rule.kind == "pattern" and rule.pattern is not None:
            names[f"M{index}"] = rule.pattern.match
            test = f"type(v) is str and M{index}(v) is not None"
        elif rule.kind in ("text", "line"):
            test = "type(v) is str"
            if rule.length is not None:
                test += f" and len(v) <= {int(rule.length)}"
            if rule.required:
                test += " and v.strip() != ''"
            if rule.kind == "line":
                test += " and ONE_LINE(v) is None"
        elif rule.kind == "integer":
            names[f"LO{index}"] = rule.minimum or 0
            names[f"HI{index}"] = MAX_INTEGER if rule.maximum is None else rule.maximum
            test = f"type(v) is int and LO{index} <= v <= HI{index}"
        elif rule.kind == "choice" and _plain_choices(rule.choices):
            # Rule._choice: not a bool, one of the choices, of the first choice's type (str or int)
            names[f"T{index}"], names[f"CH{index}"] = type(rule.choices[0]), frozenset(rule.choices)
            test = f"type(v) is T{index} and v in CH{index}"
        elif rule.kind == "stamp":
            test = "type(v) is str and ((v[:10] in DAYS and KNOWN_DAY(v) is not None) or STAMP_PASSES(v))"
        elif rule.kind == "version":
            test = f"(type(v) is str and v in VERSIONS) or {check}(v) is None"
        elif rule.kind == "date":
            test = f"(type(v) is str and v in DATES) or {check}(v) is None"
        else:
            test = f"{check}(v) is None"
        lines.append(f"    v = row[{name!r}]")
        lines.append(f"    if not (v is None or ({test})):" if rule.nullable else f"    if v is None or not ({test}):")
        lines.append("        return False")
    for index, (needs, holds, _reason) in enumerate(across):
        names[f"R{index}"], names[f"N{index}"] = holds, needs
        present = "" if set(needs) <= set(fields) else f"all(n in row for n in N{index}) and "
        lines.append(f"    if {present}not R{index}(row):")
        lines.append("        return False")
    lines.append("    return True")
    exec("\n".join(lines), names)  # noqa: S102 - text built above from the rules' own constants
    passes: Callable[[Mapping[str, Any]], bool] = names["passes"]
    return passes


def _plain_choices(choices: tuple[Any, ...]) -> bool:
    # Choices a set may hold in place of the tuple: all str, or all int and none a bool.
    return bool(choices) and (all(type(c) is str for c in choices) or all(type(c) is int for c in choices))


def check_row(table: str, row: Mapping[str, Any], fields: Iterable[str] | None = None) -> None:
    """Check the values of ``fields`` (all of ``row``'s when None) that ``row`` is about to store in
    ``table``, with the rules an import applies (:data:`RULES`): the write paths call it inside their
    write transaction, before the INSERT or UPDATE. Pass the whole row of a new record; for a
    change, the changed fields (with the rest of the row when a rule spans fields).

    Raises :class:`~qualityschool_desktop.errors.ValidationError` with a Thai message naming the
    field in Thai (``"ชื่อโรงเรียนยาวเกินกำหนด (๒๕๖ ตัวอักษร เกิน ๒๕๕ ตัวอักษร)"``); nothing has
    been written then."""
    found = row_problem(table, row, fields)
    if found is None:
        return
    name, reason = found
    message = f"{field_label(table, name)}{reason}"
    if RULES[table][name].kind == "text" and reason.startswith("ยาวเกินกำหนด"):
        message += f" {TEXT_ADVICE}"
    raise ValidationError(message)


def checked(table: str, row: dict[str, Any], fields: Iterable[str] | None = None) -> dict[str, Any]:
    """``row`` after :func:`check_row` (for ``insert(checked(...))``); raises as it does."""
    check_row(table, row, fields)
    return row
