"""The assessment view's header in one row, and the column beside the item that carries the
round's progress and save state (issue 11, T11b).

At 125 % and 150 % display scaling on a 1366×768 laptop the header took four rows (the school's
name cut, "ส่งแบบประเมิน" alone on a row, the save state on a line of its own) and pushed the
levels and the "ไม่เกี่ยวข้อง" box out of the item's panel. Here the header is one row whatever the
width: where it is narrow the round's label and then the school's name give way (the breadcrumb
above says both), measured from the widgets' own size hints, so a taller or wider font still fits.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

SPACING = 6
NAME_CHARACTERS = 14  # the school's name is shown while at least this many characters fit


class OneRowHeader:
    """The back button, the school's name, the round, its status chip and the round's buttons on
    one row (:attr:`layout`); call :meth:`fit` with the row's width when it changes."""

    def __init__(self, back: QWidget, name: QLabel, round_label: QLabel, chip: QWidget,
                 buttons: list[QWidget]) -> None:
        self._back, self._name, self._round, self._chip, self._buttons = back, name, round_label, chip, buttons
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(False)  # gone where it does not fit, its room to the buttons
        name.setSizePolicy(policy)
        name.setMinimumWidth(0)
        self.layout = QHBoxLayout()
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.layout.setSpacing(SPACING)
        for widget in (back, name, round_label, chip):
            self.layout.addWidget(widget)
        self.layout.addStretch(1)
        for button in buttons:
            self.layout.addWidget(button)

    def fit(self, width: int) -> None:
        """Show the round's label where the whole row fits in ``width`` pixels with it, and the
        school's name where at least :data:`NAME_CHARACTERS` of it fit; hide them otherwise."""
        kept = [self._back, self._chip, *(button for button in self._buttons if not button.isHidden())]
        needed = sum(widget.sizeHint().width() for widget in kept) + SPACING * len(kept)
        name = min(self._name.sizeHint().width(), self._name.fontMetrics().averageCharWidth() * NAME_CHARACTERS)
        with_round = needed + name + SPACING + self._round.sizeHint().width()
        self._round.setVisible(with_round <= width)
        self._name.setVisible(needed + name <= width)


def side_column(tree: QWidget, progress_label: QLabel, progress_bar: QWidget, save_line: QWidget,
                undo_button: QWidget) -> QWidget:
    """The tree of items headed by the overall progress ("ตอบแล้ว ๕๑ จาก ๗๔ ประเด็น" and its bar)
    and the save state (with the undo button of a removed attachment): they cost the item's panel
    no row of the window's height."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    progress = QHBoxLayout()
    progress.addWidget(progress_label)
    progress.addWidget(progress_bar)
    progress.addStretch(1)
    layout.addLayout(progress)
    saved = QHBoxLayout()
    saved.addWidget(save_line, 1)
    saved.addWidget(undo_button)
    layout.addLayout(saved)
    layout.addWidget(tree, 1)
    return column
