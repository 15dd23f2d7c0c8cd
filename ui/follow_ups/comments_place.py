"""The chosen follow-up's comments in the list's place, in a short window (fit34b #4, fit35).

At 125 and 150 % the comments panel sat under the list and the line of schools due: a school
answering a follow-up, or a supervisor reading the answer, scrolled the page to find it. Where the
page is short (:class:`~ui.follow_ups.fit.ShortPageFit`), a ``ความเห็น (๑)`` button beside the
filters' one puts the comments where the list was, under a line naming the follow-up; the status
buttons above still act on it, and the button (``ดูรายการ``) takes the list back. In a tall window
the button is hidden and the comments stay under the list.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QPushButton, QSizePolicy, QWidget

from ui.common.comments_panel import CommentsPanel
from ui.common.digits import shown as digits_shown
from ui.common.elided_label import ElidedLabel

from . import strings as text
from .fit import ShortPageFit

Subject = Callable[[], "tuple[str, str] | None"]  # (action, school name) of the chosen follow-up


class CommentsInPlace(QObject):
    """``button`` (in the chips' row, before the filters' button) and ``subject`` (the line over the
    comments); :meth:`apply` lays the page out again (after the list is filled or the fit changed)."""

    def __init__(self, layout: QBoxLayout, chips: QBoxLayout, fit: ShortPageFit, tree: QWidget,
                 comments: CommentsPanel, subject: Subject) -> None:
        super().__init__(comments)
        self._layout, self._fit, self._tree, self._comments, self._subject = layout, fit, tree, comments, subject
        self.button = QPushButton(text.COMMENTS)
        self.button.setCheckable(True)
        self.button.setToolTip(text.COMMENTS_TIP)
        self.button.hide()
        chips.insertWidget(chips.indexOf(fit.toggle), self.button)
        self.subject = ElidedLabel()
        self.subject.setObjectName("sectionLabel")
        policy = self.subject.sizePolicy()
        policy.setRetainSizeWhenHidden(False)  # no room kept for it in a tall window
        self.subject.setSizePolicy(policy)
        self.subject.hide()
        layout.insertWidget(layout.indexOf(comments), self.subject)
        self._comments_at = layout.indexOf(comments)
        self.has_rows = True  # the page says whether its list has rows to show (else its empty label shows)
        self.button.toggled.connect(lambda _on: self._shown_by_button())
        fit.laid_out.connect(self.apply)

    @property
    def on(self) -> bool:
        """The comments are in the list's place."""
        return bool(self._fit.short) and self.button.isChecked()

    def _shown_by_button(self) -> None:
        self.apply()
        if self.on:  # straight to the answer box (or the comments, where none can be added)
            box = self._comments.box
            (box if box.isEnabled() else self._comments.list).setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def apply(self) -> None:
        """Lay out the list (when :attr:`has_rows`) or the comments in its place."""
        short = bool(self._fit.short)
        self.button.setVisible(short)
        on = self.on
        layout, comments = self._layout, self._comments
        self._tree.setVisible(self.has_rows and not on)
        layout.removeWidget(self.subject)
        layout.removeWidget(comments)
        at = layout.indexOf(self._tree) + 1 if on else self._comments_at - 1
        layout.insertWidget(at, self.subject)
        layout.insertWidget(at + 1, comments)
        self.subject.setVisible(on)
        self.name()

    def name(self) -> None:
        """Say on the button how many comments the chosen follow-up has, and over them which it is."""
        count = len(self._comments.lines())
        if self.on:
            self.button.setText(text.COMMENTS_BACK)
            self.button.setToolTip(text.COMMENTS_BACK_TIP)
        else:
            self.button.setText(text.COMMENTS_COUNT.format(count=digits_shown(count)) if count else text.COMMENTS)
            self.button.setToolTip(text.COMMENTS_TIP)
        chosen = self._subject()
        self.subject.set_message(text.COMMENTS_ON.format(action=chosen[0], school=chosen[1]) if chosen else "")
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
