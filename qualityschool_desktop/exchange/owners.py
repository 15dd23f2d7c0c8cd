"""Whose records each exchanged table holds (STYLE.md, "Records have owners").

Every exchanged table names one kind of owner in :data:`OWNERS`, and :data:`LINKS` says how a row
reaches it: a school's records through their ``school_id`` or their assessment, a visit's through
their ``visit_id``. The roots are the school itself (owned by the keys bound to it, see
``bindings.py``) and the visit, owned by the installation that made it (``visits.made_by``). Only
the owner's key changes a record: an import applies a change only when a key that owns the record
signed it (the record as it is here *and* as it arrives), and keeps any other as pending.
``tests/test_exchange_owners.py`` checks this map against the live schema, like the column lists.

**Comments from others.** The domain wants a few: a supervisor's comment on a self-assessment, the
school's answer to a follow-up. They are records of their own (``comments``, see
``qualityschool_desktop/comments.py``), owned by whoever writes them (owner kind ``author``), that
point at the record they comment on – never an overwrite of it (:data:`COMMENTS` says where). A
real edit of another's record (a school that changes a follow-up's status itself) is still a change
by a key that does not own it, which the owner's laptop keeps as pending for a person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .records import APPEND_ONLY, REFERENCES, TABLES, live_columns

if TYPE_CHECKING:
    from ..storage import CoreDatabase

OWNER_KINDS: dict[str, str] = {
    "school": "the school: its profile, self-assessments (and their submit/reopen events), answers, their"
              " history and evidence, network schools, development plans (plans/: goals, indicators, activities), budget requests (budget/), projects (projects/); changed by the keys bound to the school",
    "visit_maker": "the installation that made the visit: the visit, its people, findings, attachments,"
                   " the follow-ups agreed in it and its finalise/reopen events",
    "author": "the installation that wrote a comment (comments) or a line of the contact log (contacts):"
              " only it vouches for the line, which never changes; anyone holding the school may add one",
    "office": "the office that reviewed a school's self-assessment or decided on its budget requests: its"
              " review decisions (issue 13) and budget decisions (issue 14); the"
              " installation that decided, never a key of the school it reviews, and elsewhere only a key bound"
              " there as the office of the school's area office (review/offices.py); an office's own projects"
              " (projects with no school, issue 15) likewise only from the key bound as that area office's; the office texts of an"
              " inspection round (office_texts) stay local for now: records.NEVER_TRAVELS says why",
}

OWNERS: dict[str, str] = {
    "schools": "school",
    "assessments": "school",
    "answers": "school",
    "attachments": "school",
    "answer_history": "school",
    "network_schools": "school",
    "assessment_events": "school",
    "visits": "visit_maker",
    "visit_people": "visit_maker",
    "visit_findings": "visit_maker",
    "visit_attachments": "visit_maker",
    "follow_ups": "visit_maker",
    "visit_events": "visit_maker",
    "review_decisions": "office",
    "comments": "author",
    "plans": "school",
    "plan_goals": "school",
    "plan_indicators": "school",
    "plan_activities": "school",
    "budget_requests": "school",
    "budget_decisions": "office",
    "contacts": "author",
    "projects": "school",
}

# The column that names the owner of a root record.
ROOTS: dict[str, str] = {"schools": "id", "visits": "made_by", "review_decisions": "decided_by",
                         "comments": "written_by", "budget_decisions": "decided_by",
                         "contacts": "written_by"}
# The record an office's decision answers, through which it reaches the school: (column, table).
DECIDES_ON: dict[str, tuple[str, str]] = {"review_decisions": ("assessment_id", "assessments"),
                                          "budget_decisions": ("request_id", "budget_requests")}

# How any other row reaches its root: (column, table it names).
LINKS: dict[str, tuple[str, str]] = {
    "assessments": ("school_id", "schools"),
    "answers": ("assessment_id", "assessments"),
    "attachments": ("assessment_id", "assessments"),
    "answer_history": ("assessment_id", "assessments"),
    "network_schools": ("school_id", "schools"),
    "assessment_events": ("assessment_id", "assessments"),
    "visit_people": ("visit_id", "visits"),
    "visit_findings": ("visit_id", "visits"),
    "visit_attachments": ("visit_id", "visits"),
    "follow_ups": ("visit_id", "visits"),
    "visit_events": ("visit_id", "visits"),
    "plans": ("school_id", "schools"),
    "plan_goals": ("plan_id", "plans"),
    "plan_indicators": ("plan_id", "plans"),
    "plan_activities": ("plan_id", "plans"),
    "budget_requests": ("school_id", "schools"),
    "projects": ("school_id", "schools"),
}

# Append-only rows name the installation that wrote them; only that installation's seal may vouch
# for one ("history accepts only rows signed by the installation they name").
NAMED_BY: dict[str, str] = {"answer_history": "changed_by", "visit_events": "happened_by",
                            "assessment_events": "happened_by", "review_decisions": "decided_by",
                            "comments": "written_by", "budget_decisions": "decided_by",
                            "contacts": "written_by"}

# The school a parent record belongs to: a school is its own, an assessment's and a visit's is the
# one they name. Every reference inside a record set leads to one school (``one_school``): a visit
# of school A cannot carry a follow-up of school B nor compare against B's self-assessment, whoever
# owns the visit (found by a tester, try10 #4).
SCHOOL_OF: dict[str, str] = {"schools": "id", "assessments": "school_id", "visits": "school_id",
                             "follow_ups": "school_id", "plans": "school_id", "budget_requests": "school_id",
                             "projects": "school_id"}

# Where others add comments instead of changing the owner's record (the comments table).
COMMENTS: dict[str, str] = {
    "follow_ups": "the school's answer to a follow-up (what it did, when): the school's own record"
                  " pointing at the follow-up; a status change by the school itself still waits as pending",
    "assessments": "a supervisor's comment on a self-assessment: the supervisor's record beside the"
                   " school's levels, never a change of them",
}


def root_of(table: str) -> str:
    """The root table (``schools``, ``visits``, ``review_decisions``, ``budget_decisions`` or
    ``comments``) whose owner owns ``table``'s rows."""
    while table not in ROOTS:
        table = LINKS[table][1]
    return table


def school_id_of(conn: Any, table: str, row: dict[str, Any]) -> str | None:
    """The id of the school ``row`` of ``table`` belongs to (its own ``school_id``, else through
    :data:`LINKS` or :data:`DECIDES_ON` on an open ``sqlite3`` connection), None when the way there
    is not here or leads to no school (a comment, a contact line, an office's own project). Reads
    only; raises nothing a well-formed database makes."""
    for _step in range(4):  # an answer's history: assessment, school; never deeper
        if table in SCHOOL_OF:
            found = row.get(SCHOOL_OF[table])
            return str(found) if found else None
        link = LINKS.get(table) or DECIDES_ON.get(table)
        if link is None or not row.get(link[0]):
            return None
        column, table = link
        cursor = conn.execute(f"SELECT * FROM {table} WHERE id = ?", [row[column]])
        parent = cursor.fetchone()
        if parent is None:
            return None
        row = dict(zip((c[0] for c in cursor.description), parent))
    return None


def one_school(table: str) -> tuple[tuple[str, str], ...]:
    """The references (column, table) of ``table``'s rows that must all lead to the same school
    (through :data:`SCHOOL_OF`): every reference of a table that has more than one, else none.
    Tables with one reference are consistent by construction (their root's owner check covers them)."""
    found = REFERENCES.get(table, ())
    return found if len(found) > 1 else ()


def schema_problems(db: "CoreDatabase") -> list[str]:
    """Every disagreement between the owners map and ``db``'s schema, one English line each:
    a table without an owner, an owner kind not declared, a link through a column the schema
    lacks or that does not reference the table it names, a root column the schema lacks."""
    problems = [f"{table}: exchanged but has no owner (OWNERS)" for table in TABLES if table not in OWNERS]
    problems += [f"{table}: has an owner but is not exchanged" for table in OWNERS if table not in TABLES]
    problems += [f"{table}: owner kind {kind!r} not in OWNER_KINDS" for table, kind in OWNERS.items()
                 if kind not in OWNER_KINDS]
    for table in OWNERS:
        columns = live_columns(db, table)
        if table in ROOTS:
            if ROOTS[table] not in columns:
                problems.append(f"{table}.{ROOTS[table]}: root column not in the schema")
            continue
        if table not in LINKS:
            problems.append(f"{table}: neither a root nor linked to one (LINKS)")
            continue
        column, target = LINKS[table]
        if column not in columns:
            problems.append(f"{table}.{column}: link column not in the schema")
        if (column, target) not in REFERENCES.get(table, ()):
            problems.append(f"{table}.{column}: does not reference {target}")
        if OWNERS[table] != OWNERS.get(root_of(table)):
            problems.append(f"{table}: owner kind differs from its root's")
    problems += [f"{table}.{column}: references {target}, whose school SCHOOL_OF does not say"
                 for table in OWNERS for column, target in REFERENCES.get(table, ()) if target not in SCHOOL_OF]
    for table, column in NAMED_BY.items():
        if table not in APPEND_ONLY or column not in live_columns(db, table):
            problems.append(f"{table}.{column}: NAMED_BY must name a column of an append-only table")
    return problems
