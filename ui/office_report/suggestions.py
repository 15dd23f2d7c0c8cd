"""The suggestions panel: what the program drafts from the data (candidate 6.3 rows from the final
visits, candidate good practices), each with "ใช้ข้อนี้". Nothing here is printed; accepting
copies the suggestion into the office's own text (``reports/summary/drafts.py``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from qualityschool_desktop.inspection.texts import ProblemText
from ui.common.digits import shown, shown_text

from . import strings as text


def _label(value: str, *, bold: bool = False) -> QLabel:
    label = QLabel(value)  # headings in the window's digit style; a suggestion's text as the data has it
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class SuggestionsPanel(QScrollArea):
    """``problem_accepted(ProblemText)`` and ``practice_accepted(str)`` when "ใช้ข้อนี้" is pressed."""

    problem_accepted = Signal(object)
    practice_accepted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(280)
        self.setMaximumWidth(460)
        self.use_buttons: list[QPushButton] = []
        self.problems: tuple[ProblemText, ...] = ()  # the 6.3 rows offered, as shown
        self._editable = True
        self.show_drafts((), ())

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for button in self.use_buttons:
            button.setEnabled(editable)

    def show_reason(self, reason: str) -> None:
        """No suggestions: say why (no school reported the round yet …)."""
        self.use_buttons = []  # the old panel's buttons go with it (a switch of round raised on them: F0)
        self.problems = ()
        self._build([_label(shown_text(text.PANEL_NONE.format(reason=reason)))])

    def show_drafts(self, problems: tuple[ProblemText, ...], practices: tuple[str, ...],
                    numbers: tuple[str, str] = ("6.3", "6.6"), note: str = "") -> None:
        """The suggestions, each with its "ใช้ข้อนี้"; ``numbers``: the form's numbers of the
        problems and the good practices ("3)", "5)" in round 1's form); ``note``, shown first, says
        what they are drawn from when that is not the whole picture (no school reported yet)."""
        widgets: list[QWidget] = [_label(shown_text(note))] if note else []
        self.use_buttons = []
        self.problems = problems
        for row in problems:
            widgets.append(_label(shown(text.PANEL_PROBLEM.format(number=numbers[0])), bold=True))
            widgets.append(_label(row.problem))
            if row.solution:
                widgets.append(_label(row.solution))
            widgets.append(self._use(lambda _c=False, r=row: self.problem_accepted.emit(r)))
        for line in practices:
            widgets.append(_label(shown(text.PANEL_PRACTICE.format(number=numbers[1])), bold=True))
            widgets.append(_label(line))
            widgets.append(self._use(lambda _c=False, value=line: self.practice_accepted.emit(value)))
        if not widgets:
            widgets.append(_label(shown_text(text.PANEL_EMPTY)))
        self._build(widgets)

    def _use(self, handler: object) -> QPushButton:
        button = QPushButton(text.USE)
        button.clicked.connect(handler)
        button.setEnabled(self._editable)
        self.use_buttons.append(button)
        return button

    def _build(self, widgets: list[QWidget]) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(_label(shown_text(text.PANEL), bold=True))
        layout.addWidget(_label(shown_text(text.PANEL_NOTE)))
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(body)
