"""What an edited cell of the plan tab asks the core to store (ui/plans/tab.py): the column
constants of the three tables and :func:`edit_of`, which turns a cell into the save's key and its
core call (run by the tab's Saver, so a refusal keeps the typed text and says why)."""

from __future__ import annotations

from typing import Any, Callable, Hashable

from PySide6.QtWidgets import QTableWidgetItem

from qualityschool_desktop.plans.store import PlanParts, Plans

from . import cells
from .tables import ID_ROLE

G_COMPONENT, G_NAME, G_ITEMS, G_LEVEL, G_PROGRESS = range(5)
A_NAME, A_OWNER, A_START, A_END, A_BUDGET, A_WORDS, A_STATUS = range(7)
TABLES = ("plan_goals", "plan_indicators", "plan_activities")
GOAL_FIELDS = ("component_code", "name", "item_codes", "target_level")
ACTIVITY_FIELDS = {A_NAME: "name", A_OWNER: "owner", A_START: "starts_on", A_END: "ends_on",
                   A_BUDGET: "budget_baht", A_STATUS: "status"}


def edit_of(plans: Plans, parts: PlanParts, table: str, item: QTableWidgetItem
            ) -> tuple[Hashable, Callable[[], Any]] | None:
    """The save of an edited cell of ``table``: (key naming the record and field, the core call);
    None for a read-only column. Indicators' columns: name, unit, baseline, a target per year of
    the plan, an actual per year, responsible. Item codes are typed separated by commas or spaces;
    dates as the window reads them (BE, Thai month names); the core checks the rest."""
    record_id, column, typed = item.data(ID_ROLE), item.column(), item.text()
    if not record_id:
        return None
    if table == "plan_goals":
        if column >= len(GOAL_FIELDS):
            return None
        field = GOAL_FIELDS[column]
        value: Any = item.data(cells.KEY_ROLE) if column in (G_COMPONENT, G_LEVEL) else typed
        if field == "item_codes":
            value = tuple(code for code in typed.replace(",", " ").split() if code)
        return (table, record_id, field), lambda: plans.update_part(table, record_id, **{field: value})
    if table == "plan_indicators":
        years = parts.plan.years
        count = len(years)
        if column < 3:
            field = ("name", "unit", "baseline")[column]
            return (table, record_id, field), lambda: plans.update_part(table, record_id, **{field: typed})
        if column < 3 + 2 * count:
            which = "targets" if column < 3 + count else "actuals"
            year = years[(column - 3) % count]
            return (table, record_id, which, year), lambda: plans.set_yearly(record_id, which, year, typed)
        if column == 3 + 2 * count:
            return (table, record_id, "responsible"), lambda: plans.update_part(table, record_id, responsible=typed)
        return None
    if column not in ACTIVITY_FIELDS:
        return None
    field = ACTIVITY_FIELDS[column]
    status = item.data(cells.KEY_ROLE)

    def store() -> dict[str, Any]:
        value = status if field == "status" else cells.typed_day(typed) if field in ("starts_on", "ends_on") else typed
        return plans.update_part(table, record_id, **{field: value})

    return (table, record_id, field), store


def stored_of(key: Hashable, result: Any) -> Any:
    """What the core stored for the save named ``key`` (its field of the call's result: the values
    :meth:`Plans.update_part` returns, or the plan :meth:`Plans.update_plan` returns); None when
    the result does not say."""
    field = key[2] if isinstance(key, tuple) and len(key) > 2 else None
    if not isinstance(field, str):
        return None
    return result.get(field) if isinstance(result, dict) else getattr(result, field, None)


def cell_of(parts: PlanParts, key: Hashable) -> tuple[str, str, int] | None:
    """Where the save named ``key`` (see :func:`edit_of`) was typed: (table, record id, column);
    None for a key of no cell (the plan's title or years)."""
    if not isinstance(key, tuple) or len(key) < 3 or key[0] not in TABLES:
        return None
    table, record_id, field = key[0], key[1], key[2]
    if table == "plan_goals":
        return (table, record_id, GOAL_FIELDS.index(field)) if field in GOAL_FIELDS else None
    if table == "plan_activities":
        columns = {name: column for column, name in ACTIVITY_FIELDS.items()}
        return (table, record_id, columns[field]) if field in columns else None
    years, count = parts.plan.years, len(parts.plan.years)
    if field in ("name", "unit", "baseline"):
        return table, record_id, ("name", "unit", "baseline").index(field)
    if field in ("targets", "actuals") and len(key) > 3 and key[3] in years:
        return table, record_id, 3 + years.index(key[3]) + (count if field == "actuals" else 0)
    if field == "responsible":
        return table, record_id, 3 + 2 * count
    return None
