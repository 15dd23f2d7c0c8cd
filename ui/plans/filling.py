"""Filling the แผนพัฒนา tab (``ui/plans/tab.py``) from a plan's parts: the plan's fields and
progress line, the goals', indicators' and activities' tables, the budget total and the suggestions.
The tab sets ``_filling`` around these calls, so the cells filled here are not taken as edits."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QListWidgetItem

from qualityschool_desktop.plans.store import PlanParts
from ui.common.digits import shown, shown_text

from . import cells, indicator_columns
from . import strings as text
from .edits import A_BUDGET, A_END, A_NAME, A_OWNER, A_START, A_STATUS, A_WORDS, G_COMPONENT, G_ITEMS, G_LEVEL, G_NAME, G_PROGRESS
from .fit import show_title_start

# The tab (ui/plans/tab.py's PlanPanel) is typed Any: tab.py imports this module.
PlanPanel = Any


def fill_plan(tab: PlanPanel, parts: PlanParts) -> None:
    """Show ``parts`` in the tab: the plan's title, years, base round and progress line, its goals,
    indicators and activities, the budget total and the suggestions on offer."""
    plan = parts.plan
    if not tab.title_edit.hasFocus():
        tab.title_edit.setText(plan.title)
        show_title_start(tab.title_edit)
    for spin, year in ((tab.first_year, plan.first_year), (tab.last_year, plan.last_year)):
        spin.blockSignals(True)
        spin.setValue(year)
        spin.blockSignals(False)
    tab.base_label.setText(shown(text.BASE.format(round=plan.base_round, year=plan.base_year))
                            if plan.base_year else text.NO_BASE)
    progress = tab.progress
    if progress is not None and progress.before is not None and progress.now is not None:
        tab.progress_label.setText(shown(text.PROGRESS_SUMMARY.format(
            before=text.ROUND_SHORT.format(year=progress.before.fiscal_year, round=progress.before.round),
            now=text.ROUND_SHORT.format(year=progress.now.fiscal_year, round=progress.now.round),
            moved=len(progress.moved_goals),
            count=len(progress.goals)) + cells.fell_text(progress)))
    else:
        tab.progress_label.setText(text.PROGRESS_WAITING)
    framework = tab.workspace.plans.framework_of(plan)
    by_goal = {g.goal.id: g for g in progress.goals} if progress else {}
    tab.goals.setRowCount(len(parts.goals))
    for row, goal in enumerate(parts.goals):
        tab.goals.fill(row, G_COMPONENT, cells.component_text(framework, goal.component_code), goal.id,
                        key=goal.component_code)
        tab.goals.fill(row, G_NAME, goal.name, goal.id)
        tab.goals.fill(row, G_ITEMS, ", ".join(shown(code) for code in goal.item_codes), goal.id,
                        tip="\n".join(f"{shown(c)} {framework.item(c).title}" for c in goal.item_codes
                                      if framework.has_item(c)))
        tab.goals.fill(row, G_LEVEL, cells.level_text(framework, goal.target_level), goal.id,
                        key=goal.target_level)
        tab.goals.fill(row, G_PROGRESS, cells.goal_progress_text(by_goal.get(goal.id)), goal.id,
                        editable=False)
    tab.short_fit.fit()  # a short tab: the lines just set go to the tooltip
    fill_indicators(tab, parts)
    tab.activities.setRowCount(len(parts.activities))
    for row, activity in enumerate(parts.activities):
        for column, value, editable, key in (
            (A_NAME, activity.name, True, None), (A_OWNER, activity.owner, True, None),
            (A_START, cells.iso_day(activity.starts_on), True, None),
            (A_END, cells.iso_day(activity.ends_on), True, None),
            (A_BUDGET, cells.baht_figures(activity.budget_satang), True, None),
            (A_WORDS, cells.baht_words(activity.budget_satang), False, None),
            (A_STATUS, activity.status_label, True, activity.status),
        ):
            tab.activities.fill(row, column, value, activity.id, editable=editable, key=key)
    total = parts.budget_total
    tab.total_label.setText(text.TOTAL.format(amount=cells.baht_figures(total), words=cells.baht_words(total))
                             if total else text.TOTAL_NONE)
    tab.suggestion_list.clear()
    for offer in tab.offered:
        item = QListWidgetItem(shown_text(shown(text.SUGGESTION.format(code=offer.item_code, title=offer.title,
                                                                     reason=offer.reason))))
        item.setToolTip(item.text())
        tab.suggestion_list.addItem(item)
    if not tab.offered:
        tab.suggestion_list.addItem(QListWidgetItem(text.NO_SUGGESTIONS))
    if tab.offered:
        tab.suggestion_list.setCurrentRow(0)

def fill_indicators(tab: PlanPanel, parts: PlanParts) -> None:
    """The indicators' table: a target and an actual column per BE year of the plan, then the
    person responsible and the progress."""
    years = parts.plan.years
    tab.indicators.set_headers([*text.INDICATOR_FIXED, *(shown(text.TARGET_HEADER.format(year=y)) for y in years),
                                 *(shown(text.ACTUAL_HEADER.format(year=y)) for y in years), *text.INDICATOR_TAIL])
    indicator_columns.fit(tab.indicators, len(years))
    by_id = {p.indicator.id: p for p in tab.progress.indicators} if tab.progress else {}
    tab.indicators.setRowCount(len(parts.indicators))
    for row, indicator in enumerate(parts.indicators):
        values = [indicator.name, indicator.unit, cells.measure(indicator.baseline),
                  *(cells.measure(indicator.targets.get(y)) for y in years),
                  *(cells.measure(indicator.actuals.get(y)) for y in years), indicator.responsible]
        for column, value in enumerate(values):
            tab.indicators.fill(row, column, value, indicator.id)
        tab.indicators.fill(row, len(values), cells.indicator_progress_text(by_id.get(indicator.id)),
                             indicator.id, editable=False)
