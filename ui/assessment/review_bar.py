"""The office's review of a submitted round, over the assessment (issue 13).

At an office (the school's records came from a file, or the demo): the round's review state and,
on a submitted round, "ผ่าน" and "ส่งกลับแก้ไข" (a dialog asks what the school should fix). At the
school: the office's decision and comments, and on a returned round "เปิดแก้ไข". The bar only
shows and asks; the view stores through its saver (the one write path) and refreshes the bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QListWidget, QMessageBox, QPlainTextEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from qualityschool_desktop.assessments import Assessment
from qualityschool_desktop.errors import QualitySchoolError
from qualityschool_desktop.review.history import Decision, Step
from qualityschool_desktop.workspace import Workspace
from ui.common import digits

ACCEPT = "ผ่าน"
RETURN = "ส่งกลับแก้ไข"
REOPEN = "เปิดแก้ไข"
ACCEPT_TIP = "บันทึกว่าสำนักงานตรวจแล้ว แบบประเมินรอบนี้ผ่าน ผลจะส่งกลับไปยังโรงเรียนในไฟล์แลกเปลี่ยนข้อมูลครั้งถัดไป"
RETURN_TIP = "ส่งแบบประเมินกลับให้โรงเรียนแก้ไข พร้อมความเห็นของสำนักงาน"
HISTORY = "ประวัติการตรวจ"
HISTORY_TIP = "การส่ง การส่งกลับ การเปิดแก้ไข และผลการตรวจของรอบนี้ ตามลำดับเวลา"
HISTORY_TITLE = "ประวัติการส่งและการตรวจแบบประเมินรอบนี้"
HISTORY_CLOSE = "ปิด"
REOPEN_TIP = "เปิดแบบประเมินรอบนี้ให้แก้ไขตามความเห็นของสำนักงาน แล้วส่งใหม่"
WAITING = "รอตรวจ: โรงเรียนส่งแบบประเมินรอบนี้แล้ว สำนักงานยังไม่ได้ตรวจ"
RESENT = ("รอตรวจ: ส่งแบบประเมินที่แก้ไขแล้วให้สำนักงาน รอสำนักงานตรวจอีกครั้ง (ส่งกลับครั้งก่อนเมื่อ {when}{office})"
          "\nความเห็นของสำนักงานครั้งก่อน: {comment}")
ACCEPTED = "ผ่าน: สำนักงานตรวจแล้วเมื่อ {when}{office}"
RETURNED = "ส่งกลับแก้ไข: สำนักงานส่งกลับเมื่อ {when}{office}\nความเห็นของสำนักงาน: {comment}"
CORRECTING = ("กำลังแก้ไขตามที่สำนักงานส่งกลับ (ส่งกลับเมื่อ {when}{office}) แก้ไขแล้วกด \"ส่งแบบประเมิน\" อีกครั้ง"
              "\nความเห็นของสำนักงาน: {comment}")
# At the office the school's instruction would point at a button greyed there (s33 T13).
CORRECTING_AT_OFFICE = ("โรงเรียนกำลังแก้ไขตามที่ส่งกลับ (รอไฟล์จากโรงเรียน) ส่งกลับเมื่อ {when}{office}"
                        "\nความเห็นของสำนักงาน: {comment}")
# The school sent the round again after this return, then reopened it itself: history (s33 T3).
EARLIER_RETURN = ("ครั้งก่อนสำนักงานส่งกลับแก้ไขเมื่อ {when}{office} โรงเรียนส่งฉบับแก้ไขแล้ว"
                  " ครั้งนี้โรงเรียนเปิดแก้ไขเอง\nความเห็นของสำนักงานครั้งก่อน: {comment}")
# A verdict came in a file but waits for its key to be confirmed (s33 T1): what it says, and where.
VERDICT_WAITS = ("มีผลการตรวจจากสำนักงานรอยืนยันกุญแจ (ได้รับแล้ว ยังไม่นำไปใช้): {said}\nโทรเทียบลายนิ้วมือกับสำนักงาน"
                 " แล้วผูกที่ แฟ้ม › ผู้ส่งข้อมูล… เลือกกุญแจของสำนักงาน › ผูกเป็นกุญแจเขต… ผลนี้จะใช้ทันที")
ACCEPT_CONFIRM_TITLE = "ผ่าน"
ACCEPT_CONFIRM = ("บันทึกผลการตรวจแบบประเมินรอบนี้ว่า \"ผ่าน\" ใช่หรือไม่\n"
                  "ผลนี้จะส่งไปถึงโรงเรียนในไฟล์แลกเปลี่ยนข้อมูลครั้งถัดไป หากบันทึกผิด กด \"ส่งกลับแก้ไข\" ภายหลังได้")
ACCEPT_YES = "บันทึกว่าผ่าน"
ACCEPT_NO = "ยกเลิก"
DIALOG_TITLE = "ส่งกลับแก้ไข"
DIALOG_PROMPT = "ความเห็นของสำนักงาน: โรงเรียนต้องแก้ไขอะไร (ข้อความนี้จะส่งไปถึงโรงเรียน)"
DIALOG_OK = "ส่งกลับแก้ไข"
DIALOG_CANCEL = "ยกเลิก"
SAVED_ACCEPTED = "บันทึกผลการตรวจ \"ผ่าน\" แล้ว ✓ {time}"
SAVED_RETURNED = "บันทึกการส่งกลับแก้ไขแล้ว ✓ {time}"
LOOK = {"waiting": "#fff8e1;border:1px solid #ffe082", "accepted": "#e8f5e9;border:1px solid #a5d6a7",
        "returned": "#ffebee;border:1px solid #ef9a9a"}


class CommentDialog(QDialog):
    """Asks for the office's comment before a round is returned; OK only with some text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(DIALOG_TITLE)
        self.setObjectName("reviewCommentDialog")
        layout = QVBoxLayout(self)
        prompt = QLabel(DIALOG_PROMPT, self)
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("reviewComment")
        layout.addWidget(self.editor)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(DIALOG_OK)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(DIALOG_CANCEL)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.editor.textChanged.connect(self._enable)
        self._enable()
        self.resize(520, 240)

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.editor.toPlainText().strip()))

    def comment(self) -> str:
        """The text typed."""
        return self.editor.toPlainText()


class ReviewBar(QFrame):
    """The review state of one round and the actions it allows here (see the module's docstring).
    ``decide(decision, comment)`` and ``reopen()`` are the view's; ``ask_comment`` and
    ``confirm_accept`` may be replaced (tests). "ผ่าน" asks first (RETEST13 N5: one click decided,
    next to "ส่งกลับแก้ไข"); a confirmation rather than an undo, because the decision travels to the
    school in the next exchange file and an undo after that could not call it back."""

    def __init__(self, decide: Callable[[str, str], None], reopen: Callable[[], None],
                 parent: QWidget | None = None, *, school_steps: tuple[QWidget, ...] = ()) -> None:
        super().__init__(parent)
        self._school_steps = school_steps  # the view's own school-only buttons: hidden at an office
        self.setObjectName("reviewBar")
        self._decide, self._reopen = decide, reopen
        self.ask_comment: Callable[[], str | None] = self._ask_comment
        self.confirm_accept: Callable[[], bool] = self._confirm_accept
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.message = QLabel(self)
        self.message.setObjectName("reviewMessage")
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        self.accept_button = self._button("reviewAcceptButton", ACCEPT, ACCEPT_TIP, self._accept)
        self.return_button = self._button("reviewReturnButton", RETURN, RETURN_TIP, self._return)
        self.reopen_button = self._button("reviewReopenButton", REOPEN, REOPEN_TIP, self._reopen)
        self.history_button = self._button("reviewHistoryButton", HISTORY, HISTORY_TIP, self._show_history)
        self._steps: list[Step] = []
        for button in (self.accept_button, self.return_button, self.reopen_button, self.history_button):
            row.addWidget(button)
        self.hide()

    def _button(self, name: str, label: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(label, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _ask_comment(self) -> str | None:
        dialog = CommentDialog(self)
        return dialog.comment() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def history_lines(self) -> list[str]:
        """The round trip as the history dialog lists it, oldest first."""
        lines = []
        for step in self._steps:  # the office's name and comment as it typed them (TEST26a F8)
            line = f"{digits.moment(step.at)}  {digits.shown_text(step.label)}"
            if step.office_name:
                line += f" ({step.office_name})"
            if step.comment:
                line += f": {step.comment}"
            lines.append(line)
        return lines

    def _show_history(self) -> None:
        self.history_dialog().exec()

    def history_dialog(self) -> QDialog:
        """The dialog listing :meth:`history_lines` (not yet shown)."""
        dialog = QDialog(self)
        dialog.setWindowTitle(HISTORY_TITLE)
        layout = QVBoxLayout(dialog)
        steps = QListWidget(dialog)
        steps.setObjectName("reviewHistory")
        steps.setWordWrap(True)
        steps.addItems(self.history_lines())
        layout.addWidget(steps)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        close.button(QDialogButtonBox.StandardButton.Close).setText(HISTORY_CLOSE)
        close.rejected.connect(dialog.reject)
        layout.addWidget(close)
        dialog.resize(640, 300)
        return dialog

    def _confirm_accept(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, ACCEPT_CONFIRM_TITLE, ACCEPT_CONFIRM, parent=self)
        box.setObjectName("acceptQuestion")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.button(QMessageBox.StandardButton.Yes).setText(ACCEPT_YES)
        box.button(QMessageBox.StandardButton.No).setText(ACCEPT_NO)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _accept(self) -> None:
        if self.confirm_accept():
            self._decide("accepted", "")

    def _return(self) -> None:
        comment = self.ask_comment()
        if comment is not None and comment.strip():
            self._decide("returned", comment)

    def refresh(self, workspace: Workspace, assessment: Assessment) -> None:
        """Read the round's review state and show it (a failed read hides the bar)."""
        try:
            history = workspace.reviews.history(assessment.id)
            self._steps = workspace.reviews.round_trip(assessment.id)
            office = workspace.reviews.office_here(assessment.school_id)
            self.show_state(workspace.reviews.state(assessment), history[-1] if history else None,
                            office=office, editable=not workspace.read_only)
            for widget in self._school_steps if office else ():
                widget.hide()  # reopening is the school's step, never the office's (tester finding 12)
            waiting = [] if office else workspace.reviews.waiting_verdicts(assessment.id)
            if waiting:
                self.show_waiting(waiting[-1])
        except QualitySchoolError:
            self.hide()

    def show_waiting(self, said: str) -> None:
        """Say that the office's verdict ``said`` (``review.decisions.verdict_words``) came but waits
        for its key to be confirmed here, and where to do it (s33 T1); no action on the bar."""
        self.message.setText(digits.shown_text(VERDICT_WAITS.replace("{said}", "\x00")).replace("\x00", said))
        self.setStyleSheet(f"QFrame#reviewBar {{ background: {LOOK['waiting'].replace(';', '; ')}; }}")
        for button in (self.accept_button, self.return_button, self.reopen_button):
            button.hide()
        self.show()

    def show_state(self, state: str, last: Decision | None, *, office: bool, editable: bool) -> None:
        """Show ``state`` (a key of ``review.STATES``) with ``last``, the round's newest decision;
        ``office``: this laptop reviews the school; ``editable``: the window may write. At the
        school a round sent again after a return keeps the bar (the office's last comment and
        "ประวัติการตรวจ", TEST26a F4); a round sent for the first time has none; a draft whose last
        decision is a return was sent again since (``review.Reviews._sent_again``): that return
        shows as history."""
        earlier_return = state == "draft" and last is not None and last.decision == "returned"
        if (state == "draft" and not earlier_return) or (state == "waiting" and not office and last is None):
            self.hide()
            return
        if state == "waiting" and office:
            message = digits.shown_text(WAITING)
        else:
            assert last is not None
            when = digits.moment(last.decided_at)
            # What the office typed (its name, its comment) is shown as stored, as the printouts
            # do; only the program's own words and numbers follow the window's digits (TEST26a F8).
            where = f" ({last.office_name})" if last.office_name else ""
            comment = last.comment or "—"
            template = {"correcting": CORRECTING_AT_OFFICE if office else CORRECTING, "returned": RETURNED,
                        "waiting": RESENT, "draft": EARLIER_RETURN}.get(state, ACCEPTED)
            message = digits.shown_text(template).format(when=when, office=where, comment=comment)
        self.message.setText(message)
        look = LOOK["returned" if state == "correcting" else "waiting" if state == "draft" else state]
        self.setStyleSheet(f"QFrame#reviewBar {{ background: {look.replace(';', '; ')}; }}")
        # A new decision supersedes the last (both stay in the history): offer the other one.
        self.accept_button.setVisible(office and editable and state in ("waiting", "returned"))
        self.return_button.setVisible(office and editable and state in ("waiting", "accepted"))
        self.reopen_button.setVisible(not office and editable and state == "returned")
        self.show()
