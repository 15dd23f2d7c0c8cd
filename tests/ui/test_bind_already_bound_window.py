"""retest30 N2 in the window: binding a key to a school bound to another key already asks first,
naming that key and saying the bind adds a laptop (it replaces none). "No" is the default: Esc
binds nothing; "ผูกเพิ่ม" binds. Both ways in the senders' window: "ผูกกับโรงเรียน…" on a listed key
and "ผูกเครื่องใหม่ด้วยลายนิ้วมือ…"."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from qualityschool_desktop import exchange
from qualityschool_desktop.workspace import Workspace
from ui.common.ops import Ops
from ui.exchange.api import ExchangeApi
from ui.exchange.question import YES_BUTTON
from ui.exchange.signers_dialog import SignersDialog

from ..laptops import CODE_A, CODE_B, Laptops, laptops, school_and_district, start_school  # noqa: F401

pytestmark = pytest.mark.usefixtures("styled_app")

GROUPS = "BCF7-7D0A-3BFA-23CA-DB77-ED6D-568D-5C53"


def _asked(question: Any, school_fingerprint: str) -> QMessageBox:
    assert isinstance(question, QMessageBox) and question.isVisible()
    text = question.text()
    assert exchange.fingerprint_groups(school_fingerprint) in text and "อยู่แล้ว" in text, text
    assert "ไม่ได้แทนเครื่องเดิม" in text and "6301000001" in text.replace("๖๓๐๑๐๐๐๐๐๑", "6301000001"), text
    return question


def test_a_new_laptops_bind_to_a_bound_school_asks_first(qtbot: Any, laptops: Laptops, tmp_path: Any) -> None:
    school, district, _ids, _file = school_and_district(laptops)
    district.activate()
    with Workspace.open(district.db) as workspace:
        dialog = SignersDialog(lambda: workspace, ExchangeApi.real(), Ops())
        qtbot.addWidget(dialog)
        dialog.show()
        choice = dialog.new_key.open()
        choice.key.setText(GROUPS)
        choice.choose(CODE_A)
        choice.accept()
        question = _asked(dialog.new_key.question, school.fingerprint)
        question.grab().save(str(tmp_path / "bind-already.png"))
        qtbot.keyClick(question, Qt.Key.Key_Escape)  # no by default: nothing bound
        assert exchange.list_waiting(workspace) == []

        choice = dialog.new_key.open()
        choice.key.setText(GROUPS)
        choice.choose(CODE_A)
        choice.accept()
        question = _asked(dialog.new_key.question, school.fingerprint)
        question.findChild(QPushButton, YES_BUTTON).click()
        assert [(w.groups, w.school_code) for w in exchange.list_waiting(workspace)] == [(GROUPS, CODE_A)]


def test_binding_a_listed_key_to_a_bound_school_asks_first(qtbot: Any, laptops: Laptops) -> None:
    school, district, _ids, _file = school_and_district(laptops)
    other = laptops("school-b")
    with other.open() as workspace:
        start_school(workspace, code=CODE_B, name="โรงเรียนบ้านพบพระ")
    district.import_(other.export("b.qsx"))
    district.activate()
    with Workspace.open(district.db) as workspace:
        dialog = SignersDialog(lambda: workspace, ExchangeApi.real(), Ops())
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.table.selectRow([x.fingerprint for x in dialog.signers].index(other.fingerprint))
        choice = dialog.choose_school_to_bind()
        assert choice is not None
        choice.choose(CODE_A)
        choice.accept()
        question = _asked(dialog.question, school.fingerprint)
        question.findChild(QPushButton, YES_BUTTON).click()
        bound = {x.fingerprint: x.schools for x in exchange.list_signers(workspace)}
        assert CODE_A in bound[other.fingerprint] and CODE_A in bound[school.fingerprint]  # added, not swapped


def test_the_senders_table_lists_keys_by_school_in_thai_order(qtbot: Any, laptops: Laptops, tmp_path: Any) -> None:
    # retest30 B5: by school, not by fingerprint: the laptops' names run against their keys' order.
    district = laptops("district")
    schools = sorted((laptops(f"s{n}") for n in range(3)), key=lambda laptop: laptop.fingerprint)
    names = ["โรงเรียนบ้านแม่สอด", "โรงเรียนบ้านขะเนจื้อ", "โรงเรียนบ้านกาษา"]  # Thai order: the last first
    for n, (laptop, name) in enumerate(zip(schools, names)):
        with laptop.open() as workspace:
            start_school(workspace, code=f"630100001{n}", name=name)
        district.import_(laptop.export(f"{n}.qsx"))
    district.activate()
    with Workspace.open(district.db) as workspace:
        dialog = SignersDialog(lambda: workspace, ExchangeApi.real(), Ops())
        qtbot.addWidget(dialog)
        dialog.show()
        assert [x.fingerprint for x in dialog.signers] == [laptop.fingerprint for laptop in reversed(schools)]
        dialog.grab().save(str(tmp_path / "signers-by-school.png"))
