"""Migration 0022 (issue 15, part 1): the projects of a school or an area office, with their money.

One row per project (Re-5-Steps steps 3–4, seed 004's progress report): a school's project belongs
to the school (``school_id``; versioned, sealed, owner-checked and exchanged like budget requests,
with every trigger :func:`~.budget.school_owned_triggers` gives); an office's project has no school
and names its ``area_office`` (it stays on the office's laptop: the exchange selects projects by
school). The parts a project holds only as a whole — success indicators, activities, budget lines —
are JSON arrays in their own columns, checked by ``projects/rules.py`` on every write and import.
Amounts are whole satang (1/100 baht, as ``budget/money.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import _TRACKED, _run, migrations
from .budget import school_owned_triggers

if TYPE_CHECKING:
    from sqlite_utils import Database

_JSON_ARRAY = "CHECK (json_valid({c}) AND json_type({c}) = 'array')"


@migrations(name="0022_projects")
def m0022_projects(db: Database) -> None:
    """Issue 15 (part 1): ``projects``: fiscal year (BE), name, the plan goal (``plan_goal_id``,
    ``plan_goals``) and components (``component_codes``, space-separated codes) it serves,
    responsible unit, output (ผลผลิต) and outcome (ผลลัพธ์) goals, ``indicators`` (JSON array of
    {name, target, actual}), ``activities`` (JSON array of {name, quarter 1–4, planned_start,
    planned_end, actual_start, actual_end ISO dates, status}), ``budget_lines`` (JSON array of
    {source "own"/"agency", agency, planned and disbursed: 4 quarters in satang}), the reason
    disbursement is behind plan, ``status`` (finished / in_progress / not_started), problems and
    suggestions; removed ones kept (``deleted``)."""
    _run(db, f"""
CREATE TABLE projects (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    school_id TEXT REFERENCES schools(id),
    area_office TEXT NOT NULL DEFAULT '',
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
    name TEXT NOT NULL DEFAULT '',
    plan_goal_id TEXT CHECK (plan_goal_id IS NULL OR length(plan_goal_id) = 36),
    component_codes TEXT NOT NULL DEFAULT '',
    responsible TEXT NOT NULL DEFAULT '',
    output_goals TEXT NOT NULL DEFAULT '',
    outcome_goals TEXT NOT NULL DEFAULT '',
    indicators TEXT NOT NULL DEFAULT '[]' {_JSON_ARRAY.format(c='indicators')},
    activities TEXT NOT NULL DEFAULT '[]' {_JSON_ARRAY.format(c='activities')},
    budget_lines TEXT NOT NULL DEFAULT '[]' {_JSON_ARRAY.format(c='budget_lines')},
    behind_reason TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('finished', 'in_progress', 'not_started')),
    problems TEXT NOT NULL DEFAULT '',
    suggestions TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    {_TRACKED},
    version TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(version)),
    signed_set TEXT,
    CHECK (school_id IS NOT NULL OR area_office <> '')
);
CREATE INDEX projects_school_year ON projects (school_id, fiscal_year);
CREATE INDEX projects_office_year ON projects (area_office, fiscal_year);
""")
    school_owned_triggers(db, "projects", "ROW.school_id")
