"""s35 pending35b (TEST35 T4, T5): the pending window speaks Thai and names records by what a user
knows.

T4a: the detail showed "เหตุการณ์  submitted" for an assessment's event. Every field the comparison
can show (a label in ``FIELD_LABELS``) whose stored value is a code (a ``choice`` rule) reads in
Thai, for every table that travels."""

from __future__ import annotations

import re
from typing import Any, cast

import pytest

from qualityschool_desktop import validation
from qualityschool_desktop.exchange.records import TABLES
from tests.laptops import laptops  # noqa: F401 (a fixture)
from ui.exchange import strings as s
from ui.exchange.compare import field_rows

pytestmark = pytest.mark.usefixtures("styled_app")

CODE_WORD = re.compile(r"[A-Za-z_]+")


@pytest.mark.parametrize("table", TABLES)
def test_every_coded_field_the_comparison_shows_reads_in_thai(table: str) -> None:
    coded = {column: rule.choices for column, rule in validation.RULES[table].items()
             if rule.kind == "choice" and column in s.FIELD_LABELS}
    for at in range(max((len(choices) for choices in coded.values()), default=0)):
        row: dict[str, Any] = {column: choices[at % len(choices)] for column, choices in coded.items()}
        for field in field_rows(cast(Any, None), table, None, row):
            assert not CODE_WORD.fullmatch(field.right), (table, field.column, field.right)


# -- the list: records by what a user knows, the sender on one line, the total ----------------------

HEX_ID = re.compile(r"\b[0-9a-f]{8}\b")


def _stranger_submits_twice(laptops: Any) -> Any:
    """The district holds school A's round; a stranger submits it, reopens it and submits it again
    (three events of one round, the round's status) and sends it: all wait at the district."""
    from qualityschool_desktop.workspace import Workspace  # noqa: F401

    from tests.laptops import behind_owner_check, school_and_district

    _school, district, ids, first = school_and_district(laptops)
    stranger = laptops("stranger")
    stranger.import_(first)
    from qualityschool_desktop import assessments

    with stranger.open() as workspace, behind_owner_check(workspace), pytest.MonkeyPatch.context() as patch:
        for step, minute in ((workspace.assessments.submit, 1), (workspace.assessments.reopen, 2),
                             (workspace.assessments.submit, 3)):  # each at its own minute
            patch.setattr(assessments, "now_iso", lambda minute=minute: f"2026-12-03T03:0{minute}:00.000Z")
            step(ids["assessment"])
    district.import_(stranger.export("submitted.qsx"))
    district.activate()
    return district


def _dialog(qtbot: Any, workspace: Any) -> Any:
    from ui.common.ops import Ops
    from ui.exchange.api import ExchangeApi
    from ui.exchange.pending_dialog import PendingDialog

    dialog = PendingDialog(lambda: workspace, ExchangeApi.real(), Ops())
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    return dialog


def test_the_round_s_events_are_named_by_their_round_and_step_not_an_id(qtbot: Any, laptops: Any) -> None:
    from qualityschool_desktop.workspace import Workspace
    from ui.exchange.pending_dialog import COL_WHAT

    district = _stranger_submits_twice(laptops)
    with Workspace.open(district.db) as workspace:
        dialog = _dialog(qtbot, workspace)
        names = [dialog.list.item(row, COL_WHAT).text() for row in range(dialog.list.rowCount())]
        events = [name for name, change in zip(names, dialog.changes) if change.table == "assessment_events"]
        assert len(events) == 3, names
        for name in names:
            assert not HEX_ID.search(name), names
        for name in events:
            assert "ปีงบประมาณ ๒๕๖๘ รอบที่ ๑" in name and ("ส่งแบบประเมิน" in name or "เปิดแก้ไข" in name), events
        assert len(set(names)) == len(names), names  # each tells itself apart
        for change in dialog.changes:
            dialog.select(change.id)
            assert not HEX_ID.search(dialog.title.text()), dialog.title.text()


def test_the_sender_takes_one_line_and_the_window_counts_what_waits(qtbot: Any, laptops: Any, tmp_path: Any) -> None:
    from qualityschool_desktop.workspace import Workspace
    from ui.exchange.pending_dialog import COL_SENDER

    district = _stranger_submits_twice(laptops)
    with Workspace.open(district.db) as workspace:
        long_name = "ผู้นิเทศ นายสุรเชษฐ์ วงศ์ไชย, นายพงศกร สุขประเสริฐ, นายสมชาย ทองดี และอีก ๑ คน"
        dialog = _dialog(qtbot, workspace)
        waiting = len(dialog.changes)
        assert waiting >= 4
        for row in range(dialog.list.rowCount()):  # the sender as the tester's list had it
            dialog.list.item(row, COL_SENDER).setText(long_name)
            dialog.list.item(row, COL_SENDER).setToolTip(long_name)
        from ui.common.columns import fit_rows

        fit_rows(dialog.list)
        line = dialog.list.fontMetrics().height()
        for row in range(dialog.list.rowCount()):
            assert dialog.list.rowHeight(row) < 3.5 * line, (row, dialog.list.rowHeight(row), line)
            assert dialog.list.item(row, COL_SENDER).toolTip() == long_name
        from ui.common.digits import number

        assert f"รอตรวจสอบ {number(waiting)} รายการ" in dialog.total.text(), dialog.total.text()
        assert dialog.total.isVisible()
        dialog.grab().save(str(tmp_path / "pending35b.png"))


def test_an_id_tells_apart_only_records_named_alike() -> None:
    from ui.exchange.record_names import told_apart

    assert told_apart(["ก", "ข", "ก"], ["aaaaaaaa-1", "bbbbbbbb-2", "cccccccc-3"]) == [
        "ก (aaaaaaaa)", "ข", "ก (cccccccc)"]


def test_the_total_counts_the_office_s_decisions_apart(qtbot: Any, laptops: Any, tmp_path: Any) -> None:
    """T5: the window shows the count the import's command line gives for the office's decisions."""
    from qualityschool_desktop.workspace import Workspace
    from tests.test_office_words33 import _district_returns

    school, _district, _ids, decided = _district_returns(laptops)
    school.import_(decided)
    school.activate()
    with Workspace.open(school.db) as workspace:
        dialog = _dialog(qtbot, workspace)
        assert dialog.total.text() == "รอตรวจสอบ ๑ รายการ: ผลการตรวจของสำนักงาน ๑ รายการ", dialog.total.text()
        dialog.total.setFixedWidth(dialog.total.fontMetrics().horizontalAdvance(dialog.total.text()) - 20)
        dialog.resize(1300, 768)  # narrower than the whole total: its short form, the whole in the tooltip
        qtbot.waitUntil(lambda: dialog.total.text() == "รอตรวจสอบ ๑ รายการ (ผลจากสำนักงาน ๑ รายการ)", timeout=5000)
        assert dialog.total.toolTip() == "รอตรวจสอบ ๑ รายการ: ผลการตรวจของสำนักงาน ๑ รายการ"


@pytest.mark.parametrize("table", ["plan_goals", "plan_indicators", "plan_activities", "projects"])
def test_a_plan_row_s_order_is_not_called_a_position(table: str) -> None:
    """A plan's or project's ``position`` is its order in the list (0, 1, …), not a person's
    position (ตำแหน่ง): the detail read "ตำแหน่ง ๐" for a plan activity."""
    labels = [field.label for field in field_rows(cast(Any, None), table, None, {"position": 0, "name": "ก"})]
    assert "ตำแหน่ง" not in labels, labels
