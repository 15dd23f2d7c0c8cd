"""The แผนพัฒนา tab's commands on whole plans (TEST14e finding f02): make the plan of the next fiscal
year, unless the school has one for that year (then that plan opens and the line says so), and
remove an empty plan with undo (the core refuses a plan with content, in Thai)."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from qualityschool_desktop.plans.progress import latest_submitted
from qualityschool_desktop.plans.spans import UNTITLED, overlapping
from qualityschool_desktop.thai import thai_digits
from ui.common.digits import shown
from ui.common.save_lines import ERROR_COLOUR

from . import strings as text

# The tab (ui/plans/tab.py's PlanPanel) is typed Any: tab.py imports this module.
PlanPanel = Any


def this_fiscal_year(today: date | None = None) -> int:
    """The Thai fiscal year (BE) of ``today``: it starts on 1 October."""
    today = today or date.today()
    return today.year + 543 + (1 if today.month >= 10 else 0)


def done(action: Callable[[], None]) -> Callable[[], bool]:
    """``action`` (a core call that returns nothing: ``plans.remove``, ``plans.restore``) returning
    True once it is done, for the saver, whose ``run`` returns None for a refusal."""
    def call() -> bool:
        action()
        return True
    return call


def new_plan(tab: PlanPanel) -> None:
    """A plan for the fiscal year after the latest submitted round (else this fiscal year); where
    the school has a plan covering that year, that plan is shown instead and the line says why."""
    if tab.school_id is None or tab._block:
        return
    school_id = tab.school_id
    base = latest_submitted(tab.workspace, school_id)
    year = base.fiscal_year + 1 if base is not None else this_fiscal_year()
    there = overlapping(tab._saver.read(lambda: tab.workspace.plans.for_school(school_id), []), year, year)
    if there is not None:
        tab.parts = tab._saver.read(lambda: tab.workspace.plans.parts(there.id), None)
        tab.refresh()
        tab._saver.say(shown(text.PLAN_THERE.format(span=thai_digits(there.span_text))), ERROR_COLOUR)
        return
    title = shown(f"{text.TITLE} ปีงบประมาณ {year}")  # the year in the window's digits, as typed there
    made = tab._saver.run(lambda: tab.workspace.plans.create(
        school_id, year, title=title, base=(base.fiscal_year, base.round) if base else None))
    if made is not None:
        tab.parts = tab.workspace.plans.parts(made.id)
        tab.refresh()
        tab.title_edit.setFocus()


def remove_plan(tab: PlanPanel) -> None:
    """Remove the plan shown (only an empty one: the core says why not otherwise); "เลิกทำ" beside
    the button brings it back."""
    if tab.parts is None or tab._block:
        return
    plan = tab.parts.plan
    name = text.PLAN_NAME.format(title=plan.title or UNTITLED, span=thai_digits(plan.span_text))
    if tab._saver.run(done(lambda: tab.workspace.plans.remove("plans", plan.id)),
                      saved=shown(text.PLAN_REMOVED.format(name=name))) is not None:
        tab.removed = ("plans", plan.id, name)
        tab.parts = None
        tab.undo_button.hide()
        tab.refresh()
        tab.plan_undo_button.show()


def undo_remove_plan(tab: PlanPanel) -> None:
    """Bring back the plan removed last and show it."""
    if tab.removed is None or tab.removed[0] != "plans" or tab._block:
        return
    _, plan_id, name = tab.removed
    if tab._saver.run(done(lambda: tab.workspace.plans.restore("plans", plan_id)),
                      saved=shown(text.PLAN_RESTORED.format(name=name))) is not None:
        tab.removed = None
        tab.plan_undo_button.hide()
        tab.parts = tab._saver.read(lambda: tab.workspace.plans.parts(plan_id), None)
        tab.refresh()
