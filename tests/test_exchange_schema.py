"""One schema source for the exchange (STYLE.md, "One schema source").

* Every table of the live schema is exchanged or named in ``NEVER_TRAVELS``; every column of an
  exchanged table travels or is named in ``STAYS_LOCAL``. A migration that adds either fails here
  until someone decides, and the exchange refuses to run meanwhile.
* The validator's rules agree with the schema (types, NOT NULL, defaults, references, unique keys).
* A rich database (the demo plus what it lacks) survives export and import with every column of
  every exchanged table intact, the columns read from the schema, not from the exchange's lists;
  and that comparison is shown to catch a column left at home.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from qualityschool_desktop.demo import build_demo
from qualityschool_desktop.exchange import ExchangeError, apply_import, export_file, preview_import
from qualityschool_desktop.exchange import export as export_module
from qualityschool_desktop.exchange import importer as importer_module
from qualityschool_desktop.exchange import merge as merge_module
from qualityschool_desktop.exchange import records
from qualityschool_desktop.exchange.records import (
    APPEND_ONLY,
    KIND_LABELS,
    NEVER_TRAVELS,
    REFERENCES,
    RULES,
    STAYS_LOCAL,
    TABLES,
    UNIQUE_KEYS,
    schema_problems,
)
from qualityschool_desktop.paths import DATA_DIR_ENV
from qualityschool_desktop.workspace import Workspace

from .test_exchange import INSTALLATION_A, INSTALLATION_B

TODAY = date(2026, 11, 23)


# -- the schema, read here with SQLite's own pragmas (not through the exchange) ------------------


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool
    default: str | None  # SQL text of the DEFAULT clause
    primary_key: bool


def schema_tables(db: Any) -> list[str]:
    """Every table of the schema but SQLite's own."""
    return [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' ORDER BY name")]


def schema_columns(db: Any, table: str) -> list[Column]:
    return [Column(row[1], row[2].upper(), bool(row[3]), row[4], bool(row[5]))
            for row in db.execute(f'PRAGMA table_info("{table}")')]


def exchanged_tables(db: Any) -> list[str]:
    """The schema's tables but those deliberately never sent."""
    return [table for table in schema_tables(db) if table not in NEVER_TRAVELS]


def compared_columns(db: Any, table: str) -> list[Column]:
    """The schema's columns of ``table`` but those deliberately kept local."""
    return [column for column in schema_columns(db, table) if column.name not in STAYS_LOCAL.get(table, {})]


def arriving_rows(table: str) -> str:
    """The SQL condition of ``table``'s rows that travel *and* come in at another laptop without a
    binding made there: an area office's own projects travel but come in only where its key is
    bound as that office's (tests/test_office_projects_exchange.py proves that round trip)."""
    travelling = records.travelling_rows(table)
    return f"({travelling}) AND school_id IS NOT NULL" if table == "projects" else travelling


def differences(ours: Any, theirs: Any) -> list[str]:
    """Where two databases' exchanged data differ: one line per table (rows missing or extra) or
    per column (rows whose value differs, type included), empty when every row and column match."""
    found: list[str] = []
    for table in exchanged_tables(ours):
        names = [column.name for column in compared_columns(ours, table)]
        select = f"SELECT {', '.join(names)} FROM {table} WHERE {arriving_rows(table)}"
        index = names.index("id")
        mine = {row[index]: row for row in ours.execute(select)}
        other = {row[index]: row for row in theirs.execute(select)}
        if mine.keys() - other.keys():
            found.append(f"{table}: {len(mine.keys() - other.keys())} rows missing")
        if other.keys() - mine.keys():
            found.append(f"{table}: {len(other.keys() - mine.keys())} rows extra")
        for position, name in enumerate(names):
            differing = sum(
                1 for key in mine.keys() & other.keys()
                if (type(mine[key][position]), mine[key][position]) != (type(other[key][position]), other[key][position])
            )
            if differing:
                found.append(f"{table}.{name}: {differing} rows differ")
    return found


def _default_of(db: Any, column: Column) -> Any:
    return db.execute(f"SELECT {column.default}").fetchone()[0] if column.default is not None else None


def columns_never_set(db: Any) -> list[str]:
    """Exchanged columns whose value is the schema default (or NULL) in every row: a round trip
    could drop them unnoticed. Tables without rows are listed too."""
    never: list[str] = []
    for table in exchanged_tables(db):
        if db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0:
            never.append(f"{table} (no rows)")
            continue
        for column in compared_columns(db, table):
            default = _default_of(db, column)
            if not db.execute(f"SELECT 1 FROM {table} WHERE {column.name} IS NOT ? LIMIT 1", [default]).fetchone():
                never.append(f"{table}.{column.name}")
    return never


# -- every table and column is classified ------------------------------------------------------


def test_every_table_and_column_of_the_schema_is_classified(memory_workspace: Workspace) -> None:
    assert schema_problems(memory_workspace.db) == []
    db = memory_workspace.db
    for table in schema_tables(db):
        if table in NEVER_TRAVELS:
            continue
        names = {column.name for column in schema_columns(db, table)}
        assert names == set(RULES[table]) | set(STAYS_LOCAL.get(table, {})), table
    assert set(TABLES) | set(NEVER_TRAVELS) == set(schema_tables(db))
    assert set(KIND_LABELS) == set(TABLES)
    # A decision comes with its reason.
    reasons = [*NEVER_TRAVELS.values(), *(why for columns in STAYS_LOCAL.values() for why in columns.values())]
    assert all(isinstance(why, str) and len(why.split()) >= 5 for why in reasons)


def test_a_new_column_or_table_is_reported_and_the_exchange_refuses(
    memory_workspace: Workspace, tmp_path: Path
) -> None:
    """What a migration nobody classified does: the schema test names it, and no file is written
    or read that would silently leave the new column at home."""
    workspace = memory_workspace
    before = export_file(workspace, tmp_path / "before").path
    workspace.db.execute("ALTER TABLE visits ADD COLUMN mood TEXT NOT NULL DEFAULT ''")
    workspace.db.execute("CREATE TABLE visit_ratings (id TEXT PRIMARY KEY)")
    problems = schema_problems(workspace.db)
    assert any(p.startswith("visits.mood:") for p in problems)
    assert any(p.startswith("visit_ratings:") for p in problems)
    assert len(problems) == 2
    with pytest.raises(ExchangeError, match="visits.mood"):
        export_file(workspace, tmp_path / "after")
    with pytest.raises(ExchangeError, match="visits.mood"):
        preview_import(workspace, before)
    assert not (tmp_path / "after.qsx").exists()


def test_a_rule_for_a_column_the_schema_lacks_is_reported(
    memory_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(RULES, "visits", {**RULES["visits"], "weather": RULES["visits"]["notes"]})
    assert schema_problems(memory_workspace.db) == ["visits.weather: named in RULES or STAYS_LOCAL but not in the schema"]


# -- the validator agrees with the schema ------------------------------------------------------

_WRONG_TYPE = {"TEXT": [1, 1.5, True, [], {}], "INTEGER": ["1", 1.5, True, [], {}], "REAL": ["1", True, [], {}]}


def test_every_rule_is_at_least_as_strict_as_the_schema(memory_workspace: Workspace) -> None:
    db = memory_workspace.db
    for table in TABLES:
        for column in compared_columns(db, table):
            rule = RULES[table][column.name]
            where = f"{table}.{column.name}"
            if column.not_null or column.primary_key:
                # SQLite lets a TEXT primary key be NULL (a legacy quirk); the exchange does not.
                assert not rule(None), f"{where} accepts NULL, which the schema refuses"
            else:
                assert rule(None), f"{where} refuses NULL, which the schema allows"
            for value in _WRONG_TYPE[column.type]:
                assert not rule(value), f"{where} accepts {value!r} for a {column.type} column"
            if column.default is not None:
                # What a fresh record here holds, a record from another laptop may hold too.
                assert rule(_default_of(db, column)), f"{where} refuses its own default {column.default}"


def test_references_and_unique_keys_cover_the_schema(memory_workspace: Workspace) -> None:
    db = memory_workspace.db
    for table in TABLES:
        declared = {(row[3], row[2]) for row in db.execute(f'PRAGMA foreign_key_list("{table}")')}
        assert declared <= set(REFERENCES.get(table, ())), table
        unique = set()
        for index in db.execute(f'PRAGMA index_list("{table}")'):
            if index[2]:  # unique
                unique.add(tuple(row[2] for row in db.execute(f'PRAGMA index_info("{index[1]}")')))
        assert unique - {("id",)} == ({UNIQUE_KEYS[table]} if table in UNIQUE_KEYS else set()), table
    for table, refs in REFERENCES.items():
        assert all(target in TABLES for _column, target in refs)


# -- the round trip ----------------------------------------------------------------------------


def _add_what_the_demo_lacks(workspace: Workspace, folder: Path) -> None:
    """Assessment and visit attachments (one of each removed), a reopened visit with its reason,
    a removed person and follow-up, a follow-up note, two comments, network schools (one removed) and a burst of
    typing still open when the export starts."""
    folder.mkdir(parents=True, exist_ok=True)
    school = workspace.schools.list()[0]
    draft = next(
        a for s in workspace.schools.list() for a in workspace.assessments.for_school(s.id) if a.status == "draft"
    )
    items = workspace.assessments.framework_of(draft).items
    photo = folder / "ภาพกิจกรรมการเรียนรู้.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 40)
    workspace.attachments.add(draft.id, items[0].code, photo)
    plan = folder / "แผนพัฒนาคุณภาพ.pdf"
    plan.write_bytes(b"%PDF-1.4 " + "แผนพัฒนา".encode() * 100)
    workspace.attachments.remove(workspace.attachments.add(draft.id, items[1].code, plan).id)
    workspace.answers.set_text(draft.id, items[2].code, "note", "ยังพิมพ์ไม่เสร็จตอนส่งออก")  # burst still open
    # Typed in a wrong order: the history row keeps what was typed (column "typed").
    workspace.answers.set_text(draft.id, items[3].code, "evidence", "นํ้าดื่มสะอาด")

    visit = next(v for v in workspace.visits.all() if v.is_final)
    framework = workspace.visits.framework_of(visit)
    workspace.visits.reopen(visit.id, "เพิ่มภาพถ่ายและแก้ชื่อผู้รับการนิเทศ")
    report = folder / "บันทึกการนิเทศ.pdf"
    report.write_bytes(b"%PDF-1.4 " + "บันทึกการนิเทศ".encode() * 80)
    workspace.visits.add_attachment(visit.id, framework.components[1].code, report)
    workspace.visits.remove_attachment(workspace.visits.add_attachment(visit.id, "", photo).id)
    workspace.visits.remove_person(workspace.visits.add_person(visit.id, "school", "นายสะกด ผิดชื่อ", "ครู").id)
    workspace.follow_ups.add(visit.id, "จัดทำคลังสื่อการสอน", owner="หัวหน้างานวิชาการ",
                             due_on=date(2026, 12, 15), scope_code=framework.components[1].code,
                             note="ใช้งบประมาณจากแผนปฏิบัติการ")
    workspace.follow_ups.remove(workspace.follow_ups.add(visit.id, "รายการที่บันทึกซ้ำ").id)
    workspace.visits.finalise(visit.id)
    # A visit recorded by mistake and deleted by its maker (TEST34C C12: visits.deleted_at).
    mistake = workspace.visits.start(school.id, visited_on=date(2025, 12, 3), purpose="บันทึกผิดโรงเรียน")
    workspace.follow_ups.add(mistake.id, "รายการของบันทึกที่ลบ")
    workspace.visits.delete(mistake.id)
    # Comments (issue 10): on one item of a round, and the school's answer to a follow-up.
    workspace.comments.on_assessment(draft.id, "ควรแนบภาพกิจกรรมประกอบ", item_code=items[0].code,
                                     author_name="นางสาวศึกษา นิเทศดี", author_role="ศึกษานิเทศก์")
    workspace.comments.on_follow_up(workspace.follow_ups.agreed_in(visit.id)[0].id, "ดำเนินการแล้ว",
                                    author_name="ผอ.สมชาย", author_role="ผู้อำนวยการ")
    # The contact log (issue 15): one line, every column set.
    workspace.contacts.add(school.id, date(2025, 12, 2), "line", "ติดตามแผนนิเทศภายใน", who="ผอ.สมชาย")

    workspace.network_schools.add(school.id, code="9900000101", name="โรงเรียนบ้านเครือข่ายหนึ่ง",
                                  pupils=48, teachers=4, distance_km=3.5)
    removed = workspace.network_schools.add(school.id, code="9900000102", name="โรงเรียนบ้านเครือข่ายสอง",
                                            pupils=21, teachers=2, distance_km=4.25)
    workspace.network_schools.remove(removed.id)
    # A budget item taken off the request (the demo's are all on it).
    school_year = workspace.budget.years(school.id)[0] if workspace.budget.years(school.id) else 2570
    workspace.budget.remove(workspace.budget.add(school.id, school_year, "renovation", description="ซ้ำ").id)

    # The development plan (issue 14): every column set on some row.
    # (2566–2567: the demo's plan of this school covers 2570–2571, a plan's years may not overlap another's,
    # and tests/test_exchange_updates.py moves every plan's last year on by one)
    plan = workspace.plans.create(school.id, 2566, 2567, title="แผนพัฒนาคุณภาพการศึกษา", base=(2568, 1))
    goal = workspace.plans.add_goal(plan.id, "1", "ครูจัดการเรียนรู้เชิงรุก", ("1.1.1", "1.1.2"), 4)
    workspace.plans.add_indicator(plan.id, "ร้อยละของครูที่จัดการเรียนรู้เชิงรุก", unit="ร้อยละ", baseline=55,
                                  targets={2566: 70, 2567: 80}, actuals={2566: 72}, responsible="หัวหน้าวิชาการ",
                                  goal_id=goal.id)
    workspace.plans.add_activity(plan.id, "อบรมครู", owner="ฝ่ายวิชาการ", starts_on="2022-11-01",
                                 ends_on="2023-03-31", budget_baht=150000, status="doing", goal_id=goal.id)
    workspace.plans.remove("plan_activities", workspace.plans.add_activity(plan.id, "ซ้ำ").id)
    workspace.plans.remove("plan_goals", workspace.plans.add_goal(plan.id, "2", "ซ้ำ").id)
    workspace.plans.remove("plan_indicators", workspace.plans.add_indicator(plan.id, "ซ้ำ").id)
    workspace.plans.remove("plans", workspace.plans.create(school.id, 2580).id)

    # A project with its money (issue 15): every column set on some row.
    project = workspace.projects.add(
        2569, "โครงการพัฒนาการเรียนรู้เชิงรุก", school_id=school.id, area_office=school.area_office,
        plan_goal_id=goal.id, component_codes="1 1.1", responsible="ฝ่ายวิชาการ", output_goals="ครูทุกคนผ่านการอบรม",
        outcome_goals="นักเรียนเรียนรู้เชิงรุก", indicators=[{"name": "ร้อยละของครู", "target": "100", "actual": "80"}],
        activities=[{"name": "อบรมครู", "quarter": 1, "planned_start": "2025-11-01", "planned_end": "2025-11-02",
                     "actual_start": "2025-11-08", "actual_end": "2025-11-09", "status": "finished"}],
        budget_lines=[{"source": "own", "label": "ค่าอาหาร", "planned_baht": [9900], "disbursed_baht": [4840]}],
        behind_reason="ผู้เข้าอบรมน้อยกว่าที่ตั้งไว้", status="in_progress", problems="ครูติดภารกิจ",
        suggestions="จัดอบรมออนไลน์เพิ่ม")
    workspace.projects.remove(workspace.projects.add(2569, "ซ้ำ", school_id=school.id).id)
    assert project.position == 0


@dataclass(frozen=True)
class Rich:
    database: Path
    exported: Path
    files: int
    userdata: Path  # the school laptop's data folder (its installation key)


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rich]:
    """The demo plus what it lacks, exported whole once; each test imports it into a database of
    its own, with its own data folder (the autouse fixture) and installation."""
    folder = tmp_path_factory.mktemp("rich")
    with pytest.MonkeyPatch.context() as patch:
        # The module fixture runs before the per-test data folder exists.
        patch.setenv(DATA_DIR_ENV, str(folder / "school-userdata"))
        with Workspace.open(folder / "school.sqlite3", create=True, installation=INSTALLATION_A) as workspace:
            build_demo(workspace, today=TODAY)
            _add_what_the_demo_lacks(workspace, folder / "in")
            summary = export_file(workspace, folder / "out" / "everything")
    yield Rich(folder / "school.sqlite3", summary.path, summary.files, folder / "school-userdata")


def _demo_district(path: Path) -> Workspace:
    """The receiving database: a demo one, as the demo's schools may only go into demo data."""
    district = Workspace.open(path, create=True, installation=INSTALLATION_B)
    district.schools.mark_demo_database()
    return district


def _open_source(rich: Rich) -> Workspace:
    return Workspace.open(rich.database, read_only=True, installation=INSTALLATION_A)


def test_the_rich_database_sets_every_exchanged_column(rich: Rich) -> None:
    """Without this the round trip could not notice a dropped column: a value equal to the
    default on every row comes back the same even when it never travelled."""
    with _open_source(rich) as source:
        # review_decisions: the rich database owns its schools, and a school's own decision is no
        # office's (issue 13): they would wait as pending. tests/test_review.py moves them for real.
        # budget_decisions (issue 14) likewise: tests/test_budget_approvals.py.
        assert columns_never_set(source.db) == ["budget_decisions (no rows)", "review_decisions (no rows)"]
        assert source.db.execute("SELECT count(*) FROM pending_edits").fetchone()[0] == 0  # the export ended the burst
        assert source.db.execute("SELECT count(*) FROM answer_history WHERE new_value = ?",
                                 ["ยังพิมพ์ไม่เสร็จตอนส่งออก"]).fetchone()[0] == 1


def test_round_trip_reproduces_every_column_of_every_exchanged_table(rich: Rich, tmp_path: Path) -> None:
    with _open_source(rich) as source, _demo_district(tmp_path / "district.sqlite3") as district:
        rows = {table: source.db.execute(f"SELECT count(*) FROM {table} WHERE {arriving_rows(table)}")
                .fetchone()[0] for table in TABLES}
        preview = preview_import(district, rich.exported)
        assert {table: preview.counts[table].new for table in TABLES} == rows
        assert district.schools.count() == 0  # the preview wrote nothing
        result = apply_import(district, rich.exported)
        assert result.files_written == rich.files == 3

        assert differences(source.db, district.db) == []
        # History keeps its order, though seq is numbered anew by the receiver.
        for table in APPEND_ONLY:
            order = f"SELECT id FROM {table} ORDER BY seq"
            assert [r[0] for r in district.db.execute(order)] == [r[0] for r in source.db.execute(order)]
        for (digest,) in source.db.execute("SELECT sha256 FROM attachments UNION SELECT sha256 FROM visit_attachments"):
            assert district.files.path_of(digest).read_bytes() == source.files.path_of(digest).read_bytes()
        # What a director sees: the same score for every imported round.
        for (assessment_id,) in source.db.execute("SELECT id FROM assessments"):
            assert district.assessments.result(assessment_id).overall == source.assessments.result(assessment_id).overall


def _leaving_out(table: str, column: str) -> Callable[[Any], dict[str, tuple[str, ...]]]:
    real = records.travelling_columns

    def travelling_columns(db: Any) -> dict[str, tuple[str, ...]]:
        columns = real(db)
        columns[table] = tuple(name for name in columns[table] if name != column)
        return columns

    return travelling_columns


def test_the_comparison_catches_a_column_left_at_home(
    rich: Rich, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test of the test: with visits.notes gone from the exchange's column list (on both sides,
    as when the list was kept by hand), export and import succeed and only the comparison, which
    reads the columns from the schema, notices."""
    monkeypatch.setattr(export_module, "travelling_columns", _leaving_out("visits", "notes"))
    monkeypatch.setattr(merge_module, "travelling_columns", _leaving_out("visits", "notes"))
    monkeypatch.setattr(importer_module, "travelling_columns", _leaving_out("visits", "notes"))
    district_data = Path(os.environ[DATA_DIR_ENV])
    monkeypatch.setenv(DATA_DIR_ENV, str(rich.userdata))  # the school's laptop exports
    with _open_source(rich) as source:
        exported = export_file(source, tmp_path / "without-notes").path
    monkeypatch.setenv(DATA_DIR_ENV, str(district_data))
    with _open_source(rich) as source, _demo_district(tmp_path / "district.sqlite3") as district:
        apply_import(district, exported)
        with_notes = source.db.execute("SELECT count(*) FROM visits WHERE notes <> ''").fetchone()[0]
        assert with_notes > 0
        assert differences(source.db, district.db) == [f"visits.notes: {with_notes} rows differ"]


def test_a_column_missing_from_the_file_is_refused(rich: Rich, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sender left visits.notes out; the receiver reads its columns from its own schema."""
    monkeypatch.setattr(export_module, "travelling_columns", _leaving_out("visits", "notes"))
    district_data = Path(os.environ[DATA_DIR_ENV])
    monkeypatch.setenv(DATA_DIR_ENV, str(rich.userdata))
    with _open_source(rich) as source:
        exported = export_file(source, tmp_path / "without-notes").path
    monkeypatch.setenv(DATA_DIR_ENV, str(district_data))
    with _demo_district(tmp_path / "district.sqlite3") as district:
        with pytest.raises(ExchangeError, match="ขาดช่องข้อมูล notes"):
            apply_import(district, exported)
        assert district.schools.count() == 0


def test_differences_names_every_kind_of_difference(tmp_path: Path) -> None:
    """The comparison itself: a missing row, an extra row, a changed value and a changed type."""
    def make(name: str, rows: list[tuple[Any, ...]]) -> sqlite3.Connection:
        conn = sqlite3.connect(tmp_path / name)
        conn.execute("CREATE TABLE visits (id TEXT PRIMARY KEY, notes TEXT, level)")
        conn.executemany("INSERT INTO visits VALUES (?, ?, ?)", rows)
        return conn

    ours = make("a.sqlite3", [("1", "x", 1), ("2", "y", 2), ("3", "z", 3)])
    theirs = make("b.sqlite3", [("1", "x", 1), ("2", "changed", "2"), ("4", "w", 4)])
    assert differences(ours, theirs) == [
        "visits: 1 rows missing", "visits: 1 rows extra", "visits.notes: 1 rows differ", "visits.level: 1 rows differ",
    ]
