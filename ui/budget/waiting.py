"""A budget cell whose save waits for the database (a lock held by another program, C14 item 10):
it keeps what was typed, marked, with "ยังไม่ได้บันทึก" and the reason as its tooltip, until a
retry stores it (the page then shows what is stored, unmarked). A refusal is not this: the page
shows the stored value and the save line says why."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from ui.common.save_lines import not_saved_text

WAITING_BACKGROUND = "#fff3cd"  # amber: typed, not yet in the database


def mark_waiting(table: QTableWidget, cell: QTableWidgetItem, error: BaseException) -> None:
    """Mark ``cell`` of ``table`` as typed but not saved, the reason (``error``) as its tooltip;
    its text stays as typed. Emits no ``itemChanged`` the page would take for an edit."""
    blocked = table.blockSignals(True)
    try:
        cell.setBackground(QBrush(QColor(WAITING_BACKGROUND)))
        cell.setToolTip(not_saved_text(error))
    finally:
        table.blockSignals(blocked)
