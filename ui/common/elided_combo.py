"""A drop-down box whose chosen text ends in "…" where the box is narrower than it
(:class:`ElidedCombo`): Qt's own box cuts it mid-letter ("ค่าปรับปรุงซ่อมแซมอาค"), in a list's
cell at 125 % or 150 % display scaling. The whole text is the box's tooltip and its list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter


class ElidedCombo(QComboBox):
    """A :class:`QComboBox` that paints its current text shortened with "…" when it does not fit,
    and keeps the whole text as its tooltip."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.currentTextChanged.connect(self.setToolTip)

    def _option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return option

    def shown_text(self) -> str:
        """What is painted: the current text, or its beginning and "…"."""
        option = self._option()
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight, max(field.width() - 4, 0))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        painter = QStylePainter(self)
        option = self._option()
        option.currentText = self.shown_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
