"""Qt's values the first page sets as plain numbers (ui/common/qt_numbers.py) are Qt's own."""

from PySide6.QtCore import Qt

from ui.common import qt_numbers as n


def test_the_plain_numbers_are_qts_values() -> None:
    role, align = Qt.ItemDataRole, Qt.AlignmentFlag
    assert [n.DISPLAY_ROLE, n.TOOLTIP_ROLE, n.ALIGNMENT_ROLE, n.FOREGROUND_ROLE, n.USER_ROLE] == [
        role.DisplayRole.value, role.ToolTipRole.value, role.TextAlignmentRole.value, role.ForegroundRole.value,
        role.UserRole.value]
    assert n.ALIGN_LEFT_MIDDLE == (align.AlignLeft | align.AlignVCenter).value
    assert n.ALIGN_RIGHT_MIDDLE == (align.AlignRight | align.AlignVCenter).value
    assert n.ALIGN_CENTER == align.AlignCenter.value
    assert [n.ELIDE_RIGHT, n.ELIDE_MIDDLE] == [Qt.TextElideMode.ElideRight.value, Qt.TextElideMode.ElideMiddle.value]
    assert [n.PLAIN_TEXT, n.RICH_TEXT] == [Qt.TextFormat.PlainText.value, Qt.TextFormat.RichText.value]
    assert n.SELECTABLE_BY_MOUSE == Qt.TextInteractionFlag.TextSelectableByMouse.value
    assert n.SCROLL_BAR_ALWAYS_OFF == Qt.ScrollBarPolicy.ScrollBarAlwaysOff.value
    assert n.NO_FOCUS == Qt.FocusPolicy.NoFocus.value
