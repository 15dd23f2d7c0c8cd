"""The assessment view, driven through its widgets the way a director uses it; every check goes
through the core, so "saved" means "in the database", not "shown on screen"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFontDatabase, QKeyEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QRadioButton

from qualityschool_desktop.paths import fonts_dir
from qualityschool_desktop.workspace import Workspace
from ui.assessment.view import AssessmentView
from ui.common import digits

from .keyboard import type_text

SCHOOL = dict(code="6301000001", name="โรงเรียนทดสอบวิทยา", district="เมืองตาก", province="ตาก")



@pytest.fixture(scope="module", autouse=True)
def sarabun(qapp):  # type: ignore[no-untyped-def]
    # The shell loads the bundled fonts at start-up; a widget test does it itself.
    for face in sorted(fonts_dir().glob("Sarabun-*.ttf")):
        QFontDatabase.addApplicationFont(str(face))


def make_view(qtbot, workspace: Workspace, assessment_id: str) -> AssessmentView:  # type: ignore[no-untyped-def]
    view = AssessmentView(workspace, assessment_id)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def assessment(memory_workspace: Workspace, school):  # type: ignore[no-untyped-def]
    return memory_workspace.assessments.start(school.id, 2569, assessor_name="นางสาวทดสอบ ใจดี")


@pytest.fixture
def view(qtbot, memory_workspace: Workspace, assessment) -> AssessmentView:  # type: ignore[no-untyped-def]
    return make_view(qtbot, memory_workspace, assessment.id)


def evidence_box(view: AssessmentView) -> QPlainTextEdit:
    return view.findChild(QPlainTextEdit, "evidenceEdit")


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    if isinstance(widget, (QCheckBox, QRadioButton)):
        # On the box or dot, where a user clicks: these widgets can be wider than their label.
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_clicking_a_level_stores_it_and_marks_the_tree(qtbot, view, memory_workspace, assessment) -> None:  # type: ignore[no-untyped-def]
    view.go_to("1.1.1")
    assert view.tree_mark("1.1.1") == "empty"
    click(qtbot, view.level_buttons()[4])

    stored = memory_workspace.answers.get(assessment.id, "1.1.1")
    assert stored is not None and stored.level == 4
    assert view.tree_mark("1.1.1") == "answered"
    assert view.save_state().startswith("บันทึกแล้ว ✓")
    assert view.progress_text() == "ตอบแล้ว ๑ จาก ๗๔ ประเด็น"  # the window's digits: Thai by default


def test_typed_evidence_is_stored_at_once_and_becomes_history_when_leaving(
    qtbot, view, memory_workspace, assessment  # type: ignore[no-untyped-def]
) -> None:
    view.go_to("2.2.7")
    type_text(evidence_box(view), "แผนการสอนเชิงรุก")

    # Saved with every keystroke, before any flush.
    stored = memory_workspace.answers.get(assessment.id, "2.2.7")
    assert stored is not None and stored.evidence == "แผนการสอนเชิงรุก"
    assert not [h for h in memory_workspace.answers.history(assessment.id, "2.2.7") if h.field == "evidence"]

    view.go_next()
    assert view.current_item_code == "2.2.8"
    history = [h for h in memory_workspace.answers.history(assessment.id, "2.2.7") if h.field == "evidence"]
    assert [(h.old_value, h.new_value) for h in history] == [("", "แผนการสอนเชิงรุก")]
    # Quick switching back shows what was typed.
    view.go_previous()
    assert evidence_box(view).toPlainText() == "แผนการสอนเชิงรุก"


def test_not_applicable_with_a_reason_leaves_the_score(qtbot, view, memory_workspace, assessment) -> None:  # type: ignore[no-untyped-def]
    view.go_to("1.1.1")
    click(qtbot, view.level_buttons()[1])
    view.go_to("1.1.2")
    click(qtbot, view.level_buttons()[5])
    assert memory_workspace.assessments.result(assessment.id).component("1").score == pytest.approx(3.0)

    view.go_to("1.1.1")
    check = view.findChild(QCheckBox, "notApplicableCheck")
    reason = view.findChild(QLineEdit, "naReasonEdit")
    assert reason.isHidden()
    click(qtbot, check)
    assert not reason.isHidden()
    type_text(reason, "โรงเรียนไม่มีอาคารนี้")

    stored = memory_workspace.answers.get(assessment.id, "1.1.1")
    assert stored.not_applicable and stored.level is None and stored.na_reason == "โรงเรียนไม่มีอาคารนี้"
    assert memory_workspace.assessments.result(assessment.id).component("1").score == pytest.approx(5.0)
    assert view.tree_mark("1.1.1") == "not_applicable"
    assert not any(button.isChecked() for button in view.level_buttons().values())

    # Choosing a level again ends "not applicable".
    click(qtbot, view.level_buttons()[2])
    assert not check.isChecked() and reason.isHidden()
    assert not memory_workspace.answers.get(assessment.id, "1.1.1").not_applicable


def test_previous_next_and_keyboard_shortcuts(qtbot, view, memory_workspace, assessment) -> None:  # type: ignore[no-untyped-def]
    view.go_to("1.1.1")
    click(qtbot, view.findChild(QPushButton, "nextButton"))
    assert view.current_item_code == "1.1.2"
    tree = view._tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert view.current_item_code == "1.1.3"
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.current_item_code == "1.1.2"
    qtbot.keyClick(tree, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert view.current_item_code == "1.1.1"
    click(qtbot, view.findChild(QPushButton, "previousButton"))  # disabled on the first item
    assert view.current_item_code == "1.1.1"

    # A digit chooses the level when the focus is not in a text box ...
    qtbot.keyClick(tree, Qt.Key.Key_3)
    assert memory_workspace.answers.get(assessment.id, "1.1.1").level == 3
    assert view.level_buttons()[3].isChecked()
    # ... and is just typed when it is.
    evidence = evidence_box(view)
    evidence.setFocus()
    qtbot.keyClick(evidence, Qt.Key.Key_5)
    stored = memory_workspace.answers.get(assessment.id, "1.1.1")
    assert stored.level == 3 and stored.evidence == "5"

    # Ctrl+Shift+N: the next item still unanswered (1.1.2 is, 1.1.1 no longer).
    qtbot.keyClick(evidence, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.current_item_code == "1.1.2"
    # The shortcuts are written in the buttons' tooltips.
    assert "Ctrl+PgDown" in view.findChild(QPushButton, "nextButton").toolTip()
    assert "Ctrl+Shift+N" in view.findChild(QPushButton, "nextEmptyButton").toolTip()


def test_a_submitted_assessment_refuses_edits_until_reopened(
    qtbot, view, memory_workspace, assessment, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    view.go_to("1.1.1")
    click(qtbot, view.level_buttons()[4])
    asked: list[list[str]] = []

    def answer_no(warnings):  # type: ignore[no-untyped-def]
        asked.append([w.message for w in warnings])
        return False

    monkeypatch.setattr(view, "_confirm_submit", answer_no)
    click(qtbot, view.findChild(QPushButton, "submitButton"))
    # 73 items are unanswered: the director is asked first, and "no" leaves the draft alone.
    assert asked and "ประเด็น 1.1.2 ยังไม่ได้เลือกระดับ" in asked[0]
    assert memory_workspace.assessments.get(assessment.id).is_draft

    monkeypatch.setattr(view, "_confirm_submit", lambda warnings: True)
    click(qtbot, view.findChild(QPushButton, "submitButton"))
    assert memory_workspace.assessments.get(assessment.id).status == "submitted"
    assert not any(button.isEnabled() for button in view.level_buttons().values())
    assert not view.findChild(QCheckBox, "notApplicableCheck").isEnabled()
    evidence = evidence_box(view)
    assert evidence.isReadOnly()
    type_text(evidence, "แก้ไม่ได้")
    qtbot.keyClick(view._tree, Qt.Key.Key_2)
    stored = memory_workspace.answers.get(assessment.id, "1.1.1")
    assert stored.evidence == "" and stored.level == 4
    reopen = view.findChild(QPushButton, "reopenButton")
    assert not reopen.isHidden()

    # F11e 17: "เปิดแก้ไขอีกครั้ง" sits where "ส่งแบบประเมิน" was: a click asks first; "ไม่เปิด" keeps it submitted.
    monkeypatch.setattr(view, "_confirm_reopen", lambda _parent: False)
    click(qtbot, reopen)
    assert memory_workspace.assessments.get(assessment.id).status == "submitted"
    monkeypatch.setattr(view, "_confirm_reopen", lambda _parent: True)
    click(qtbot, reopen)
    assert memory_workspace.assessments.get(assessment.id).is_draft
    assert all(button.isEnabled() for button in view.level_buttons().values())
    type_text(evidence, "แก้ได้แล้ว")
    assert memory_workspace.answers.get(assessment.id, "1.1.1").evidence == "แก้ได้แล้ว"


def test_a_core_error_is_shown_in_the_save_state_not_raised(
    qtbot, view, memory_workspace, assessment  # type: ignore[no-untyped-def]
) -> None:
    view.go_to("1.2.1")
    # Another window submits the round behind this view's back; the core now refuses changes.
    memory_workspace.assessments.submit(assessment.id)
    click(qtbot, view.level_buttons()[5])

    assert view.save_state().startswith("ยังไม่ได้บันทึก: ")
    assert "แบบประเมินนี้ส่งแล้ว" in view.save_state()
    # The screen does not pretend a level was saved.
    assert not view.level_buttons()[5].isChecked()
    assert memory_workspace.answers.get(assessment.id, "1.2.1") is None


def test_opening_the_view_changes_nothing(qtbot, memory_workspace, assessment) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, memory_workspace, assessment.id)
    assert memory_workspace.assessments.get(assessment.id) == assessment
    assert memory_workspace.answers.for_assessment(assessment.id) == {}
    assert view.save_state() == "ทุกการแก้ไขบันทึกทันที"
    # It opens at the first unanswered item.
    assert view.current_item_code == "1.1.1"


def test_round_details_are_saved_as_typed(qtbot, view, memory_workspace, assessment) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, view.findChild(QPushButton, "detailsToggle"))
    name = view.findChild(QLineEdit, "assessorNameEdit")
    assert name.isVisible() and name.text() == "นางสาวทดสอบ ใจดี"
    name.clear()
    type_text(name, "นายสมชาย ใจดี")
    assert memory_workspace.assessments.get(assessment.id).assessor_name == "นายสมชาย ใจดี"


def test_attachments_can_be_added_removed_and_the_removal_undone(
    qtbot, file_workspace, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    school = file_workspace.schools.add(**SCHOOL)
    assessment = file_workspace.assessments.start(school.id, 2569)
    view = make_view(qtbot, file_workspace, assessment.id)
    view.go_to("1.2.3")
    photo = tmp_path / "ภาพห้องสมุด.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    view.add_attachments([photo])
    attachments = file_workspace.attachments.for_item(assessment.id, "1.2.3")
    assert [a.file_name for a in attachments] == ["ภาพห้องสมุด.jpg"]

    listing = view.findChild(QListWidget, "attachmentList")
    listing.setCurrentRow(0)
    click(qtbot, view.findChild(QPushButton, "removeAttachmentButton"))
    assert file_workspace.attachments.for_item(assessment.id, "1.2.3") == []
    undo = view.findChild(QPushButton, "undoButton")
    assert undo.isVisible()
    click(qtbot, undo)
    assert len(file_workspace.attachments.for_item(assessment.id, "1.2.3")) == 1
    assert "ภาพห้องสมุด.jpg" in listing.item(0).text()


def test_a_whole_assessment_answered_through_the_widgets_is_all_there_after_a_restart(
    qtbot, db_path: Path  # type: ignore[no-untyped-def]
) -> None:
    workspace = Workspace.open(db_path, create=True)
    school = workspace.schools.add(**SCHOOL)
    assessment = workspace.assessments.start(school.id, 2569)
    items = workspace.assessments.framework_of(assessment).items
    expected = {item.code: (1 + index % 5, f"หลักฐาน {item.code}") for index, item in enumerate(items)}

    view = make_view(qtbot, workspace, assessment.id)
    view.go_to(items[0].code)
    next_button = view.findChild(QPushButton, "nextButton")
    for item in items:
        assert view.current_item_code == item.code
        level, evidence = expected[item.code]
        click(qtbot, view.level_buttons()[level])
        type_text(evidence_box(view), evidence)
        if next_button.isEnabled():
            click(qtbot, next_button)
    assert view.progress_text() == "ตอบแล้ว ๗๔ จาก ๗๔ ประเด็น"
    view.flush()
    view.close()
    workspace.close()

    reopened = Workspace.open(db_path)
    try:
        again = make_view(qtbot, reopened, assessment.id)
        for item in items:
            again.go_to(item.code)
            level, evidence = expected[item.code]
            assert again.level_buttons()[level].isChecked(), item.code
            assert evidence_box(again).toPlainText() == evidence
            assert again.tree_mark(item.code) == "answered"
        assert reopened.assessments.result(assessment.id).complete
    finally:
        again.close()
        reopened.close()


@pytest.mark.parametrize("move", ["ctrl_shift_n", "alt_down", "next_button", "next_empty_button"])
def test_after_typing_evidence_moving_on_puts_the_keys_on_the_levels(
    qtbot, view, memory_workspace, assessment, move  # type: ignore[no-untyped-def]
) -> None:
    """Issue 11: typing evidence, moving to the next item, then pressing 4 set the level there;
    it used to type "4" into the next item's evidence (and the printed report showed it)."""
    view.go_to("1.1.1")
    evidence = evidence_box(view)
    evidence.setFocus()
    type_text(evidence, "ภาพถ่ายอาคาร")
    focused = QApplication.focusWidget()
    assert focused is evidence
    if move == "ctrl_shift_n":
        qtbot.keyClick(evidence, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    elif move == "alt_down":
        qtbot.keyClick(evidence, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    else:
        name = "nextButton" if move == "next_button" else "nextEmptyButton"
        click(qtbot, view.findChild(QPushButton, name))
    assert view.current_item_code == "1.1.2"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4)
    stored = memory_workspace.answers.get(assessment.id, "1.1.2")
    assert stored is not None and stored.level == 4 and stored.evidence == ""
    assert view.level_buttons()[4].isChecked() and evidence_box(view).toPlainText() == ""
    assert memory_workspace.answers.get(assessment.id, "1.1.1").evidence == "ภาพถ่ายอาคาร"


def test_the_item_shows_its_number_on_the_official_form_beside_ours(view) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: staff cross-reference the paper form, whose numbers differ from ours."""
    view.go_to("1.2.1")
    heading = view._panel.heading.text()
    # Both numbers in the window's digits (Thai by default), switched together.
    assert heading.startswith("ประเด็น ๑.๒.๑ (แบบรายงานข้อ ๑.๑.๒.๑)") and "ระบบไฟฟ้า" in heading
    assert "แบบรายงานข้อ ๑.๑.๒.๑" in view._tree.rows[("item", "1.2.1")].toolTip(0)
    view.go_to("5.6.1")
    assert "(แบบรายงานข้อ ๑.๕.๖)" in view._panel.heading.text()
    digits.set_style("arabic")
    assert view._panel.heading.text().startswith("ประเด็น 5.6.1 (แบบรายงานข้อ 1.5.6)")
    assert "แบบรายงานข้อ 1.1.2.1" in view._tree.rows[("item", "1.2.1")].toolTip(0)


def test_next_unanswered_when_all_are_answered_says_so_and_puts_the_keys_on_the_levels(
    qtbot, memory_workspace, assessment  # type: ignore[no-untyped-def]
) -> None:
    """Issue 11 #15: with every item answered, typing evidence then Ctrl+Shift+N showed
    "ตอบครบทุกประเด็นแล้ว" only to have "บันทึกแล้ว" replace it, and the focus stayed in the
    evidence, so "4" typed next went into the evidence."""
    framework = memory_workspace.assessments.framework_of(assessment)
    for component in framework.components:
        for item in component.items:
            memory_workspace.answers.set_level(assessment.id, item.code, 2)
    view = make_view(qtbot, memory_workspace, assessment.id)
    view.go_to("1.1.1")
    evidence = evidence_box(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    evidence.setFocus()
    type_text(evidence, "ภาพถ่ายอาคาร")
    qtbot.keyClick(evidence, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.wait(50)
    assert "ตอบครบทุกประเด็นแล้ว" in view.save_state()  # the view's line (the comments have their own)
    assert view.current_item_code == "1.1.1"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4)
    stored = memory_workspace.answers.get(assessment.id, "1.1.1")
    assert stored is not None and stored.level == 4 and stored.evidence == "ภาพถ่ายอาคาร"
    assert evidence_box(view).toPlainText() == "ภาพถ่ายอาคาร"


def test_after_the_history_closes_the_keys_work_at_once(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    """Finding 15: after Ctrl+H and Esc the shortcuts did nothing until a click; the keyboard
    comes back to the item's levels."""
    from ui.assessment.history_dialog import HistoryDialog

    view.go_to("1.1.1")
    click(qtbot, view.level_buttons()[3])
    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = view.findChild(HistoryDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    qtbot.wait(20)
    target = QApplication.focusWidget()
    assert target is not None and view.isAncestorOf(target), target
    qtbot.keyClick(target, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.current_item_code != "1.1.1"


def test_the_reopen_question_is_thai_and_says_no_by_default(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    """F11e 17: the question itself: Thai, and Enter (the default button) keeps the round submitted."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.extend([box.text(), box.defaultButton().text()])
        box.defaultButton().click()

    QTimer.singleShot(100, answer)
    assert view._confirm_reopen(view) is False
    assert "เปิดให้แก้ไขอีกครั้ง" in seen[0] and seen[1] == "ไม่เปิด"
