"""What the plan tab's cells say (ui/plans/tab.py): numbers, dates and baht in the window's digit
style, the progress of a goal or an indicator, the history's values, and the choice editor of the
component, level and status columns. No core writes here."""

from __future__ import annotations

from datetime import date
from typing import Any, Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from qualityschool_desktop.budget import money
from qualityschool_desktop.framework import Framework
from qualityschool_desktop.plans.progress import GoalProgress, IndicatorProgress, PlanProgress
from qualityschool_desktop.plans.rules import STATUSES
from qualityschool_desktop.thai_dates import parse_date
from ui.common.digits import day, number, shown, style

from . import strings as text

KEY_ROLE = Qt.ItemDataRole.UserRole + 7  # the stored key of a choice cell ("1", "doing", 4)


def measure(value: float | None) -> str:
    """An indicator's number: "55", "72.5" (no trailing zeros), "" for none."""
    return "" if value is None else shown(f"{value:,.2f}".rstrip("0").rstrip("."))


def baht_figures(satang: int | None) -> str:
    """An amount stored in satang as baht in the window's digits ("๑,๕๐๐.๕๐", "๑๕๐,๐๐๐"), "" for none."""
    return "" if satang is None else money.format_baht(satang, style())


def baht_words(satang: int | None) -> str:
    """An amount stored in satang in Thai words ("หนึ่งพันห้าร้อยบาทห้าสิบสตางค์"), "" for none."""
    return "" if satang is None else money.baht_words(satang)


def iso_day(value: str) -> str:
    """An ISO date as the window shows dates ("๑ พ.ย. ๒๕๖๘"), "" for none."""
    return day(date.fromisoformat(value), short=True) if value else ""


def typed_day(typed: str) -> str:
    """A date as typed ("1/11/2568", "1 พ.ย. 68") → ISO; "" for blank. Raises the core's
    ValidationError (Thai) for text that is not a date."""
    found = parse_date(typed)
    return found.isoformat() if found else ""


def component_text(framework: Framework, code: str) -> str:
    try:
        return text.COMPONENT.format(code=shown(code), title=framework.component(code).title)
    except Exception:  # noqa: BLE001 - a code from a newer checklist is shown as it is
        return shown(code)


def level_text(framework: Framework, level: int | None) -> str:
    if level is None:
        return text.LEVEL_DEFAULT
    found = next((lv for lv in framework.levels if lv.value == level), None)
    return f"{shown(level)} {found.label}" if found is not None else shown(level)


def goal_progress_text(progress: GoalProgress | None) -> str:
    """"▲ ขยับขึ้น · ๑.๑.๒ ๒→๓ ถึงเป้า, ๑.๒.๑ ๒→๒ · เป้าระดับ ๓" (one target said once when the
    items share it; "▲▼ ขยับขึ้นบางตัว บางตัวลดลง", "▼ ลดลง" and an item's "ลดลง" when levels fell);
    before a round after the plan's base round, the core's words for it ("รอผลการประเมินรอบถัดไป",
    ``GoalProgress.state`` "waiting"), the same the plan PDF prints (TEST34 T5)."""
    if progress is None or not progress.items:
        return ""
    if progress.state == "waiting":
        return progress.state_text
    targets = {item.target for item in progress.items}
    parts = []
    for item in progress.items:
        now = text.NOT_APPLICABLE if item.now_not_applicable else _level(item.now)  # try14 F9: not a blank "–"
        part = text.ITEM_PROGRESS.format(code=shown(item.item_code), before=_level(item.before), now=now)
        if len(targets) > 1:
            part += " " + text.ITEM_TARGET.format(target=_level(item.target))
        parts.append(part + (f" {text.REACHED}" if item.reached else "") + (f" {text.FELL}" if item.fell else ""))
    said = ", ".join(parts)
    if len(targets) == 1:
        said += " · " + text.GOAL_TARGET.format(target=_level(targets.pop()))
    if progress.state == "same":
        return said
    return f"{text.STATE_MARK[progress.state]} {progress.state_text} · " + said


def fell_text(progress: PlanProgress) -> str:
    """What the progress summary adds for goals whose items went down (TEST14 finding 8): how
    many of the goals that moved also fell in part, and how many only fell; "" when none."""
    mixed = sum(goal.state == "mixed" for goal in progress.goals)
    down = sum(goal.state == "down" for goal in progress.goals)
    return ((text.PROGRESS_MIXED.format(mixed=mixed) if mixed else "")
            + (text.PROGRESS_FELL.format(down=down) if down else ""))


def indicator_progress_text(progress: IndicatorProgress | None) -> str:
    if progress is None:
        return ""
    baseline = measure(progress.indicator.baseline) or text.NOT_ANSWERED
    target = measure(progress.target) or text.NOT_ANSWERED
    if progress.year is None:
        first = min(progress.indicator.targets) if progress.indicator.targets else None
        return text.INDICATOR_NO_ACTUAL.format(baseline=baseline, year=shown(first or ""), target=target)
    said = text.INDICATOR_PROGRESS.format(baseline=baseline, year=shown(progress.year),
                                          actual=measure(progress.actual), target=target)
    return said + (f" {text.MET}" if progress.met else "")


def _level(value: int | None) -> str:
    return text.NOT_ANSWERED if value is None else shown(value)


def history_value(field: str, value: Any, goal_names: dict[str, str]) -> str:
    """A field's stored value as the history shows it."""
    if value is None or value == "" or value == [] or value == {}:
        return text.HISTORY_BLANK
    if field == "item_codes":
        return ", ".join(shown(code) for code in value)
    if field in ("targets", "actuals"):
        return ", ".join(f"{shown(year)}: {measure(amount)}" for year, amount in sorted(value.items()))
    if field in ("starts_on", "ends_on"):
        return iso_day(str(value))
    if field == "budget_satang":
        return baht_figures(int(value))
    if field == "status":
        return STATUSES.get(str(value), str(value))
    if field == "deleted":
        return text.HISTORY_REMOVED if value else text.HISTORY_RESTORED
    if field == "goal_id":
        return goal_names.get(str(value), str(value))
    if isinstance(value, (int, float)):
        return measure(float(value)) if isinstance(value, float) else shown(value)
    return str(value)


class ChoiceDelegate(QStyledItemDelegate):
    """A column edited by picking from ``choices`` (key, label): F2, a key or a double click
    opens the list; the cell keeps the label and the key under ``KEY_ROLE``."""

    def __init__(self, choices: Sequence[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QComboBox(parent)
        for key, label in self.choices:
            editor.addItem(label, key)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(KEY_ROLE))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentData() == index.data(KEY_ROLE):
            return
        model.setData(index, editor.currentData(), KEY_ROLE)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)
