"""The page's parts that are built again for every round: 6.1's districts served by each area
office (a field per office, checked when the user leaves it) and 6.2 1)'s narrative per component
(one editor under each component's name), with the small editor every text field of the page uses."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from qualityschool_desktop.errors import QualitySchoolError
from ui.common.clean_paste import show_pasted_clean
from ui.common.digits import shown

from . import strings as text

ERROR_STYLE = "color: #b71c1c;"
Told = Callable[[QualitySchoolError | None], None]


def text_editor(hint: str = "") -> QPlainTextEdit:
    """A text field of the page: Tab moves on, a long text scrolls inside, a paste shows as saved."""
    editor = QPlainTextEdit()
    editor.setTabChangesFocus(True)  # Tab moves on: the page is worked by keyboard
    editor.setPlaceholderText(hint)
    editor.setMinimumHeight(80)
    editor.setMaximumHeight(160)  # a long text scrolls inside; the page stays walkable
    return show_pasted_clean(editor)  # a paste from Word shows as it is saved


class ServedFields(QGroupBox):
    """6.1's districts served: one field per area office, saved through ``on_leave(office, value,
    told)`` when the user leaves it (Enter, Tab, a click elsewhere): half a district's name typed is
    no error; ``told(error)`` shows a refusal beside the field (``None`` hides it)."""

    def __init__(self, on_leave: Callable[[str, str, Told], None]) -> None:
        super().__init__()
        self.on_leave = on_leave
        self.rows = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}  # area office → its districts' field
        self.messages: dict[str, QLabel] = {}  # area office → the refusal beside its field

    def fill(self, offices: list[str], texts: Any, *, read_only: bool) -> None:
        while self.rows.rowCount():
            self.rows.removeRow(0)
        self.fields, self.messages = {}, {}
        for office in offices:
            line = QLineEdit(", ".join(texts.served_by(office)))
            line.setPlaceholderText(text.SERVED_HINT)
            line.setReadOnly(read_only)
            message = QLabel("")
            message.setWordWrap(True)
            message.setStyleSheet(ERROR_STYLE)
            message.setVisible(False)
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(line)
            column.addWidget(message)
            line.editingFinished.connect(lambda o=office, e=line: self.on_leave(o, e.text(), self.teller(o)))
            self.fields[office], self.messages[office] = line, message
            self.rows.addRow(shown(text.SERVED.format(office=office)), cell)

    def teller(self, office: str) -> Told:
        """What shows (or hides) a refusal beside ``office``'s field."""
        message = self.messages.get(office)

        def told(error: QualitySchoolError | None) -> None:
            if message is not None:
                message.setText(shown(str(error)) if error is not None else "")
                message.setVisible(error is not None)

        return told


class NarrativeFields(QGroupBox):
    """6.2 1): each component's name over its editor, both as wide as the section: the long names
    (ด้านที่ ๑ ด้านโครงสร้างพื้นฐาน…) wrap instead of squeezing the box or being cut at 150 % (a form
    layout gives a wrapped label its own guess of a width, beside the box). ``on_typed(field,
    value)`` receives each change as ``("narrative.<code>", text)``."""

    def __init__(self, on_typed: Callable[[str, str], None]) -> None:
        super().__init__()
        self.on_typed = on_typed
        self.column = QVBoxLayout(self)

    def fill(self, components: list[tuple[str, str]], texts: Any, *, read_only: bool) -> None:
        while self.column.count():
            item = self.column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for code, title in components:
            editor = text_editor()
            editor.setPlainText(texts.narrative(code))
            editor.setReadOnly(read_only)
            editor.textChanged.connect(lambda c=code, e=editor: self.on_typed(f"narrative.{c}", e.toPlainText()))
            label = QLabel(shown(text.NARRATIVE.format(code=code, title=title)))
            label.setWordWrap(True)
            label.setBuddy(editor)
            self.column.addWidget(label)
            self.column.addWidget(editor)
