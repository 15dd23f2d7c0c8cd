"""A whole-number spin box (a BE year, a round) in the window's digit style; Thai or Arabic
digits typed are read. Re-shown at once when the style changes (``ui/common/digits.py``)."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget

from qualityschool_desktop.thai import arabic_digits

from .digits import follow, shown


class DigitSpinBox(QSpinBox):
    """A ``QSpinBox`` whose number is written with :func:`ui.common.digits.shown`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow(self._restyle)

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt's name)
        return shown(value)

    def valueFromText(self, typed: str) -> int:  # noqa: N802
        digits = arabic_digits(typed).strip()
        return int(digits) if digits.isdigit() else self.value()

    def validate(self, typed: str, position: int) -> tuple[QValidator.State, str, int]:
        digits = arabic_digits(typed).strip()
        if not digits:
            return QValidator.State.Intermediate, typed, position
        if not digits.isdigit():
            return QValidator.State.Invalid, typed, position
        inside = self.minimum() <= int(digits) <= self.maximum()
        return QValidator.State.Acceptable if inside else QValidator.State.Intermediate, typed, position

    def _restyle(self) -> None:
        self.lineEdit().setText(self.textFromValue(self.value()))
