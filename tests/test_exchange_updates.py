"""The import's UPDATE, column by column: the second round trip.

The first round trip (``test_exchange_schema.py``) imports a rich database into an empty one, so
only INSERT meets every column. Here the owner then changes every column of every record that may
change (through the core's public API, by SQL where no method reaches), exports again, and the
file is imported over the first import: every column of every exchanged table, read from the
schema, must match the owner's. The comparison is shown to name a column an UPDATE leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from qualityschool_desktop.assessments import ROLES
from qualityschool_desktop.backup import backup
from qualityschool_desktop.clock import now_iso
from qualityschool_desktop.exchange import apply_import, export_file
from qualityschool_desktop.exchange import store as store_module
from qualityschool_desktop.exchange.records import APPEND_ONLY, TABLES
from qualityschool_desktop.paths import DATA_DIR_ENV
from qualityschool_desktop.schools import LEVELS
from qualityschool_desktop.workspace import Workspace

from .test_exchange import INSTALLATION_A
from .test_exchange_schema import Rich, _demo_district, _open_source, arriving_rows, compared_columns, differences
from .test_exchange_schema import rich  # noqa: F401  (the fixture: the demo plus what it lacks, exported)

# Tables whose records change (the history tables only ever gain rows).
CHANGING = tuple(table for table in TABLES if table not in APPEND_ONLY)

_FOR_GOOD = {
    "id": "the record's identity on every laptop",
    "created_at": "when the record was made, which no change rewrites",
    "modified_by": (
        "the owner makes every change in this test, so it stays the owner's installation; a change"
        " by another laptop is what the owners, pending and conflict tests exercise"
    ),
}
_BELONGS = "the record it belongs to; only an office mapping a typed school onto the school's own record moves it"
_CONTENT = "the stored file, named by its digest: other content is another attachment, not a change"
_FRAMEWORK = "a round or visit is judged against one framework version for good"
# Columns that never change once a record exists, and why. Every other column the schema gives a
# changing table is changed, in every row, by _change_everything (the test below checks it), so an
# import whose UPDATE stopped writing any of them fails the second round trip.
NEVER_CHANGES: dict[str, dict[str, str]] = {
    **{table: dict(_FOR_GOOD) for table in CHANGING},
    "assessments": {
        **_FOR_GOOD, "school_id": _BELONGS, "framework_id": _FRAMEWORK, "framework_version": _FRAMEWORK,
        "fiscal_year": "the round's place, part of its unique key: another year is another round",
        "round": "the round's place, part of its unique key: another number is another round",
    },
    "answers": {
        **_FOR_GOOD,
        "assessment_id": "what the answer answers: its id is made from the round and the item (answer_id_for)",
        "item_code": "what the answer answers: its id is made from the round and the item (answer_id_for)",
    },
    "attachments": {
        **_FOR_GOOD, "assessment_id": _BELONGS, "item_code": "the item the evidence is for: another item is another attachment",
        "sha256": _CONTENT, "size": _CONTENT, "media_type": _CONTENT,
    },
    "visits": {
        **_FOR_GOOD, "school_id": _BELONGS, "framework_id": _FRAMEWORK, "framework_version": _FRAMEWORK,
        "made_by": "the installation that made the visit: its owner for good",
    },
    "visit_people": {**_FOR_GOOD, "visit_id": _BELONGS},
    "visit_findings": {
        **_FOR_GOOD, "visit_id": _BELONGS,
        "scope_code": "the component or item judged, part of the unique key: another one is another finding",
    },
    "visit_attachments": {
        **_FOR_GOOD, "visit_id": _BELONGS, "sha256": _CONTENT, "size": _CONTENT, "media_type": _CONTENT,
    },
    "follow_ups": {**_FOR_GOOD, "school_id": _BELONGS, "visit_id": _BELONGS},
    "network_schools": {**_FOR_GOOD, "school_id": _BELONGS},
    "plans": {**_FOR_GOOD, "school_id": _BELONGS},
    **{table: {**_FOR_GOOD, "plan_id": _BELONGS} for table in ("plan_goals", "plan_indicators", "plan_activities")},
    "budget_requests": {**_FOR_GOOD, "school_id": _BELONGS,
                        "fiscal_year": "the year the request is for: a request of another year is another item"},
    "projects": {**_FOR_GOOD, "school_id": _BELONGS, "area_office": "the office a school's project reports to,"
                 " set when it is made", "fiscal_year": "the year of the project: another year's is another project"},
}


def _edited(text: str) -> str:
    return f"แก้ไข {text}".strip()


def _another(choices: Any, current: Any) -> Any:
    return next(choice for choice in choices if choice != current)


def _later(iso_date: str, days: int, default: date) -> date:
    return date.fromisoformat(iso_date) + timedelta(days=days) if iso_date else default


def _by_sql(workspace: Workspace, table: str, record_id: str, values: dict[str, Any]) -> None:
    """A change no public method makes, written as the core's write path writes one: in a write
    transaction, stamped with this installation, so the table's trigger (migration 0005) adds one
    to this installation's counter in the version and forgets the stored seal."""
    values = {**values, "modified_at": now_iso(), "modified_by": workspace.installation_id}
    with workspace.db.write():
        workspace.db.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in values)} WHERE id = ?",
                             [*values.values(), record_id])


def _rows(workspace: Workspace, table: str) -> list[dict[str, Any]]:
    return list(workspace.db.query(f"SELECT * FROM {table} ORDER BY id"))


def _change_everything(workspace: Workspace) -> None:
    """Change every column of every record that may change (all but :data:`NEVER_CHANGES`), as the
    owner would: through the core's public API, and by SQL where no method reaches (a demo flag,
    a person's side and order, an attachment's label or component, a removed follow-up)."""
    ws = workspace
    drafts = {row["id"] for row in _rows(ws, "assessments") if row["status"] == "draft"}
    draft_visits = {row["id"] for row in _rows(ws, "visits") if row["status"] == "draft"}
    for assessment_id in {row["id"] for row in _rows(ws, "assessments")} - drafts:
        ws.assessments.reopen(assessment_id)
    for visit_id in {row["id"] for row in _rows(ws, "visits")} - draft_visits:
        ws.visits.reopen(visit_id, "แก้ไขทุกช่องเพื่อทดสอบการนำเข้า")
    # A deleted visit (TEST34C C12) comes back, which no method does, so every method reaches it;
    # every other visit is deleted at the end (deleted_at flips on every row).
    deleted_visits = {row["id"] for row in _rows(ws, "visits") if row["deleted_at"] is not None}
    for visit_id in deleted_visits:
        _by_sql(ws, "visits", visit_id, {"deleted_at": None})

    for number, row in enumerate(_rows(ws, "schools")):
        ws.schools.update(
            row["id"], code=f"98{number:08d}", name=_edited(row["name"]), district=_edited(row["district"]),
            province=_edited(row["province"]), area_office=_edited(row["area_office"]),
            level=_another(LEVELS, row["level"]), pupils=(row["pupils"] or 0) + 7, teachers=(row["teachers"] or 0) + 1,
        )
        _by_sql(ws, "schools", row["id"], {"is_demo": 1 - row["is_demo"]})

    for row in _rows(ws, "assessments"):
        ws.assessments.update_details(
            row["id"], assessed_on=_later(row["assessed_on"], 3, date(2026, 10, 5)),
            assessor_name=_edited(row["assessor_name"]), assessor_role=_another(ROLES, row["assessor_role"]),
        )
    for row in _rows(ws, "answers"):
        assessment, item = row["assessment_id"], row["item_code"]
        if row["level"] is not None:
            ws.answers.set_not_applicable(assessment, item, _edited(row["na_reason"]))
        else:  # not applicable (the level and "not applicable" exclude each other)
            ws.answers.set_level(assessment, item, 4)
            ws.answers.set_text(assessment, item, "na_reason", _edited(row["na_reason"]))
        ws.answers.set_text(assessment, item, "evidence", _edited(row["evidence"]))
        ws.answers.set_text(assessment, item, "note", _edited(row["note"]))
    for row in _rows(ws, "attachments"):
        (ws.attachments.restore if row["deleted"] else ws.attachments.remove)(row["id"])
        _by_sql(ws, "attachments", row["id"], {"file_name": _edited(row["file_name"])})

    for row in _rows(ws, "visits"):
        rounds = [a.id for a in ws.assessments.for_school(row["school_id"]) if a.id != row["assessment_id"]]
        ws.visits.update(
            row["id"], visited_on=_later(row["visited_on"], 1, date(2026, 11, 2)),
            start_time=_another(("08:30", "09:00"), row["start_time"]),
            end_time=_another(("15:30", "16:00"), row["end_time"]),
            visit_type=_another(("onsite", "online"), row["visit_type"]), purpose=_edited(row["purpose"]),
            notes=_edited(row["notes"]), assessment_id=rounds[0] if rounds else None,
        )
    for row in _rows(ws, "visit_people"):
        if row["deleted"]:
            ws.visits.restore_person(row["id"])
        ws.visits.update_person(row["id"], name=_edited(row["name"]), position=_edited(row["position"]))
        if not row["deleted"]:
            ws.visits.remove_person(row["id"])
        _by_sql(ws, "visit_people", row["id"], {"side": _another(("visitor", "school"), row["side"]),
                                                 "position_order": row["position_order"] + 10})
    for row in _rows(ws, "visit_findings"):
        ws.visits.set_level(row["visit_id"], row["scope_code"], _another((3, 4), row["level"]))
        for field in ("observed", "evidence", "strengths", "to_develop", "recommendations"):
            ws.visits.set_text(row["visit_id"], row["scope_code"], field, _edited(row[field]))
    for row in _rows(ws, "visit_attachments"):
        (ws.visits.restore_attachment if row["deleted"] else ws.visits.remove_attachment)(row["id"])
        components = [c.code for c in ws.visits.framework_of(ws.visits.get(row["visit_id"])).components]
        _by_sql(ws, "visit_attachments", row["id"], {"file_name": _edited(row["file_name"]),
                                                      "scope_code": _another(["", *components], row["scope_code"])})

    for row in _rows(ws, "follow_ups"):
        wording = {
            "action": _edited(row["action"]), "owner": _edited(row["owner"]),
            "due_on": _later(row["due_on"], 3, date(2026, 12, 31)), "scope_code": _another(("1", "2"), row["scope_code"]),
            "note": _edited(row["note"]),
        }
        status = _another(("done", "dropped"), row["status"])
        closed_in = None if row["closed_in_visit_id"] else row["visit_id"]
        closed_on = _another((date(2026, 11, 20), date(2026, 11, 21)), row["closed_on"] and date.fromisoformat(row["closed_on"]))
        if row["deleted"]:  # a removed follow-up: no method reaches it any more
            _by_sql(ws, "follow_ups", row["id"], {
                **wording, "due_on": wording["due_on"].isoformat(), "status": status,
                "closed_on": closed_on.isoformat(), "closed_in_visit_id": closed_in, "deleted": 0,
            })
            continue
        ws.follow_ups.update(row["id"], **wording)
        ws.follow_ups.set_status(row["id"], status, in_visit_id=closed_in, on=closed_on)
        ws.follow_ups.remove(row["id"])

    for number, row in enumerate(_rows(ws, "network_schools")):
        if row["deleted"]:
            ws.network_schools.restore(row["id"])
        ws.network_schools.update(
            row["id"], code=f"97{number:08d}", name=_edited(row["name"]), pupils=(row["pupils"] or 0) + 5,
            teachers=(row["teachers"] or 0) + 1, distance_km=(row["distance_km"] or 0.0) + 0.5,
        )
        if not row["deleted"]:
            ws.network_schools.remove(row["id"])

    _change_projects(ws)  # before the plans: a project's new goal must be a live goal of its school
    _change_plans(ws)
    for row in _rows(ws, "budget_requests"):
        if row["deleted"]:
            ws.budget.restore(row["id"])
        ws.budget.update(
            row["id"], kind="multi_year" if row["kind"] != "multi_year" else "construction",
            description=_edited(row["description"]), quantity=row["quantity"] + 1, unit=_edited(row["unit"]),
            unit_price=(row["unit_price_satang"] + 150) / 100,
            span_years=1 if row["kind"] == "multi_year" else 2,  # years that suit the new kind (f06)
            scope_codes=row["scope_codes"] + " 5.1", justification=_edited(row["justification"]))
        if not row["deleted"]:
            ws.budget.remove(row["id"])
        # a priority is a place among the school's items, kept 1..n (a sole item stays 1): by SQL
        _by_sql(ws, "budget_requests", row["id"], {"priority": row["priority"] % 99 + 1})

    for assessment_id in drafts:
        ws.assessments.submit(assessment_id)
    for visit_id in draft_visits:
        # Every person was just removed or moved to the other side (every column changes), so the
        # rule that a visitor be named (TEST34C C4) is set aside here: adding or restoring one would
        # be a new record or a column changed back.
        ws.visits.why_not_final = lambda _visit_id: ""  # type: ignore[method-assign]
        ws.visits.finalise(visit_id)
    for row in _rows(ws, "visits"):  # by SQL: a confirmed visit is never deleted by the core
        if row["id"] not in deleted_visits:
            _by_sql(ws, "visits", row["id"], {"deleted_at": now_iso()})


def _change_plans(ws: Workspace) -> None:
    """Every changing column of the development plans (issue 14), by the plans' own methods where
    they have one; each row's ``deleted`` flips."""
    plans = ws.plans
    removed = [row for table in ("plans", "plan_goals", "plan_indicators", "plan_activities")
               for row in _rows(ws, table) if row["deleted"]]
    for row in removed:
        plans.restore("plans" if "school_id" in row else next(
            t for t in ("plan_goals", "plan_indicators", "plan_activities") if _in_table(ws, t, row["id"])), row["id"])
    for row in _rows(ws, "plans"):
        # the span grows here and shrinks from the front below, once the parts sit in the new years
        # (a plan refuses years that would leave its values outside)
        plans.update_plan(row["id"], title=_edited(row["title"]), last_year=row["last_year"] + 1)
        _by_sql(ws, "plans", row["id"], {"base_year": (row["base_year"] or 2567) + 1,
                                          "base_round": (row["base_round"] or 0) + 1})
    goals = {row["plan_id"]: row["id"] for row in _rows(ws, "plan_goals")}
    last_year = {row["id"]: row["last_year"] for row in _rows(ws, "plans")}  # the plan's span as moved above
    for row in _rows(ws, "plan_goals"):
        component = _another(("1", "2", "3"), row["component_code"])  # an item of the goal's own component
        plans.update_part("plan_goals", row["id"], component_code=component, name=_edited(row["name"]),
                          item_codes=(f"{component}.1.1",), target_level=(row["target_level"] or 3) % 5 + 1)
    for row in _rows(ws, "plan_indicators"):
        year = last_year[row["plan_id"]]  # a year inside the plan's span
        plans.update_part("plan_indicators", row["id"], name=_edited(row["name"]), unit=_edited(row["unit"]),
                          baseline=(row["baseline"] or 0.0) + 1, targets={year: 99}, actuals={year: 98},
                          responsible=_edited(row["responsible"]),
                          goal_id=None if row["goal_id"] else goals.get(row["plan_id"]))
    for row in _rows(ws, "plan_activities"):
        ce = last_year[row["plan_id"]] - 543  # January of the plan's last fiscal year (BE year less 543)
        plans.update_part("plan_activities", row["id"], name=_edited(row["name"]), owner=_edited(row["owner"]),
                          starts_on=f"{ce}-01-05", ends_on=f"{ce}-02-06", budget_baht=(row["budget_satang"] or 0) // 100 + 7,
                          status=_another(("planned", "doing", "done"), row["status"]),
                          goal_id=None if row["goal_id"] else goals.get(row["plan_id"]))
    for row in _rows(ws, "plans"):
        plans.update_plan(row["id"], first_year=row["first_year"] + 1)
    for table in ("plan_goals", "plan_indicators", "plan_activities"):
        for row in _rows(ws, table):
            _by_sql(ws, table, row["id"], {"position": row["position"] + 3})
    was_removed = {row["id"] for row in removed}
    for table in ("plan_activities", "plan_indicators", "plan_goals", "plans"):
        for row in _rows(ws, table):
            if row["id"] in was_removed:
                continue
            if table == "plans":  # it still holds the parts restored above: the store refuses (TEST14e f02)
                _by_sql(ws, table, row["id"], {"deleted": 1})
            else:
                plans.remove(table, row["id"])


def _change_projects(ws: Workspace) -> None:
    """Every changing column of the projects (issue 15) by the store's own update; ``deleted`` flips."""
    for row in _rows(ws, "projects"):
        if row["school_id"] is None:  # an office's own project: needs a binding there (arriving_rows)
            continue
        if row["deleted"]:
            ws.projects.restore(row["id"])
        goal = ws.db.execute("SELECT g.id FROM plan_goals AS g JOIN plans AS p ON p.id = g.plan_id WHERE g.deleted = 0"
                             " AND p.deleted = 0 AND p.school_id IS ? AND g.id IS NOT ? LIMIT 1",
                             [row["school_id"], row["plan_goal_id"]]).fetchone()
        ws.projects.update(
            row["id"], name=_edited(row["name"]), plan_goal_id=goal[0] if goal else None,
            component_codes=row["component_codes"] + " 5.1", responsible=_edited(row["responsible"]),
            output_goals=_edited(row["output_goals"]), outcome_goals=_edited(row["outcome_goals"]),
            indicators=[{"name": "ตัวชี้วัดใหม่", "target": "90", "actual": "91"}],
            activities=[{"name": "กิจกรรมใหม่", "quarter": 3, "status": "in_progress"}],
            budget_lines=[{"source": "agency", "agency": "สทศ.", "planned_baht": [1, 2, 3, 4]}],
            behind_reason=_edited(row["behind_reason"]), status=_another(("finished", "in_progress"), row["status"]),
            problems=_edited(row["problems"]), suggestions=_edited(row["suggestions"]),
            results_summary=_edited(row["results_summary"] or ""), position=row["position"] + 3)
        if not row["deleted"]:
            ws.projects.remove(row["id"])


def _in_table(ws: Workspace, table: str, record_id: str) -> bool:
    return ws.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [record_id]).fetchone() is not None


@dataclass(frozen=True)
class Changed:
    database: Path
    exported: Path


@pytest.fixture(scope="module")
def changed(rich: Rich, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Changed]:
    """The rich database after its owner changed everything that may change (on a copy, so the
    other tests keep the first state), exported whole again by the same laptop."""
    folder = tmp_path_factory.mktemp("changed")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, str(rich.userdata))  # the school's laptop: its key and installation
        with _open_source(rich) as source:
            backup(source, folder / "school.sqlite3")
        with Workspace.open(folder / "school.sqlite3", installation=INSTALLATION_A) as workspace:
            with workspace.db.write():  # one commit for thousands of changes, each in its savepoint
                _change_everything(workspace)
            summary = export_file(workspace, folder / "out" / "everything-changed")
    yield Changed(folder / "school.sqlite3", summary.path)


def unchanged_columns(before: Any, after: Any) -> list[str]:
    """Columns of changing tables, but those in :data:`NEVER_CHANGES`, that some row of ``before``
    still holds in ``after``: one line per column, with how many rows kept their value."""
    found: list[str] = []
    for table in CHANGING:
        names = [c.name for c in compared_columns(before, table) if c.name not in NEVER_CHANGES[table]]
        select = f"SELECT id, {', '.join(names)} FROM {table} WHERE {arriving_rows(table)}"
        old = {row[0]: row for row in before.execute(select)}
        new = {row[0]: row for row in after.execute(select)}
        for position, name in enumerate(names, start=1):
            kept = sum(1 for key in old if key in new and old[key][position] == new[key][position])
            if kept:
                found.append(f"{table}.{name}: {kept} rows unchanged")
    return found


def test_the_owner_changes_every_column_that_may_change(rich: Rich, changed: Changed) -> None:
    """Without this the second round trip could not notice an UPDATE that leaves a column out."""
    with _open_source(rich) as before, Workspace.open(changed.database, read_only=True,
                                                      installation=INSTALLATION_A) as after:
        for table in CHANGING:
            names = {c.name for c in compared_columns(before.db, table)}
            assert set(NEVER_CHANGES[table]) <= names, table  # the list names columns the schema has
            assert all(len(why.split()) >= 5 for why in NEVER_CHANGES[table].values())
        assert unchanged_columns(before.db, after.db) == []
        assert after.db.execute("SELECT count(*) FROM pending_edits").fetchone()[0] == 0


def _both_round_trips(rich: Rich, changed: Changed, district: Workspace) -> dict[str, int]:
    """Import the first file, then the changed one over it; the second import's updates per table."""
    apply_import(district, rich.exported)
    result = apply_import(district, changed.exported)
    return {table: result.counts[table].updated for table in CHANGING}


def _open_changed(changed: Changed) -> Workspace:
    return Workspace.open(changed.database, read_only=True, installation=INSTALLATION_A)


def test_second_round_trip_updates_every_column_of_every_exchanged_table(
    rich: Rich, changed: Changed, tmp_path: Path
) -> None:
    with _open_changed(changed) as source, _demo_district(tmp_path / "district.sqlite3") as district:
        updated = _both_round_trips(rich, changed, district)
        # Every record came as an update of the one the first file brought.
        assert updated == {table: source.db.execute(f"SELECT count(*) FROM {table} WHERE {arriving_rows(table)}")
                           .fetchone()[0]
                           for table in CHANGING}
        assert differences(source.db, district.db) == []
        for table in APPEND_ONLY:
            order = f"SELECT id FROM {table} ORDER BY seq"
            assert [r[0] for r in district.db.execute(order)] == [r[0] for r in source.db.execute(order)]


def _update_leaving_out(table: str, column: str) -> Callable[..., None]:
    """The importer's write with ``column`` of ``table`` left out of its UPDATE only (its INSERT
    still writes every column), as when a reviewer trimmed the UPDATE's column list."""
    real = store_module.WritingStore.write

    def write(self: store_module.WritingStore, name: str, decisions: list[store_module.Decision]) -> None:
        if name != table:
            return real(self, name, decisions)
        updates = [d for d in decisions if d.applies and d.action != "insert"]
        real(self, name, [d for d in decisions if d not in updates])
        every = self.travelling
        self.travelling = {**every, table: tuple(c for c in every[table] if c != column)}
        try:
            real(self, name, updates)
        finally:
            self.travelling = every

    return write


@pytest.mark.parametrize(("table", "column"), [("answers", "note"), ("visits", "status"), ("schools", "name")])
def test_the_second_comparison_catches_an_update_that_leaves_a_column_out(
    rich: Rich, changed: Changed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str, column: str
) -> None:
    """A test of the test: the import succeeds, and only the comparison names the column."""
    monkeypatch.setattr(store_module.WritingStore, "write", _update_leaving_out(table, column))
    with _open_changed(changed) as source, _demo_district(tmp_path / "district.sqlite3") as district:
        _both_round_trips(rich, changed, district)
        rows = source.db.execute(f"SELECT count(*) FROM {table} WHERE {arriving_rows(table)}").fetchone()[0]
        assert differences(source.db, district.db) == [f"{table}.{column}: {rows} rows differ"]
