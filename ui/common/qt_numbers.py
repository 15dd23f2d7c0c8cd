"""Qt's values as plain numbers, for the window's way to its first page.

The window's frame, the school list (its first page) and everything they run before it has
painted stay off the ``Qt`` namespace: its first use makes shiboken build all 93 of its Python
enums (~40 ms CPU; issue 16: first paint and "ready"). Roles arrive in a model's ``data`` as plain
ints anyway; the others are set as Qt properties (``setProperty("alignment", ALIGN_CENTER)``), which
take the number. Each names the value it stands for; ``tests/ui/test_qt_numbers.py`` holds them equal.
"""

DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
ALIGNMENT_ROLE = 7  # Qt.ItemDataRole.TextAlignmentRole
FOREGROUND_ROLE = 9  # Qt.ItemDataRole.ForegroundRole
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
ALIGN_LEFT_MIDDLE = 0x0081  # Qt.AlignmentFlag.AlignLeft | AlignVCenter
ALIGN_RIGHT_MIDDLE = 0x0082  # Qt.AlignmentFlag.AlignRight | AlignVCenter
ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter
ELIDE_RIGHT = 1  # Qt.TextElideMode.ElideRight
ELIDE_MIDDLE = 2  # Qt.TextElideMode.ElideMiddle
PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
RICH_TEXT = 1  # Qt.TextFormat.RichText
SELECTABLE_BY_MOUSE = 1  # Qt.TextInteractionFlag.TextSelectableByMouse
SCROLL_BAR_ALWAYS_OFF = 1  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff
NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus
