"""A budget cell whose save waits for the database (a lock held by another program, C14 item 10):
it keeps what was typed, marked, with "ยังไม่ได้บันทึก" and the reason as its tooltip, until a
retry stores it (the page then shows what is stored, unmarked). A value the core's rules refuse
(an approval over the amount asked) stays as typed too, marked in red, until it is corrected or let
go; the save line says why (TEST25 #6, as the projects editor keeps one)."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from ui.common.save_lines import not_saved_text

WAITING_BACKGROUND = "#fff3cd"  # amber: typed, not yet in the database
REFUSED_BACKGROUND = "#fde2e1"  # red: typed, refused by the rules (the projects editor's colour)


def mark_waiting(table: QTableWidget, cell: QTableWidgetItem, error: BaseException) -> None:
    """Mark ``cell`` of ``table`` as typed but not saved, the reason (``error``) as its tooltip;
    its text stays as typed. Emits no ``itemChanged`` the page would take for an edit."""
    _mark(table, cell, error, WAITING_BACKGROUND)


def mark_refused(table: QTableWidget, cell: QTableWidgetItem, error: BaseException) -> None:
    """Mark ``cell`` as typed but refused by the rules, ``error`` (Thai) as its tooltip; its text
    stays as typed. Emits no ``itemChanged``."""
    _mark(table, cell, error, REFUSED_BACKGROUND)


def _mark(table: QTableWidget, cell: QTableWidgetItem, error: BaseException, background: str) -> None:
    blocked = table.blockSignals(True)
    try:
        cell.setBackground(QBrush(QColor(background)))
        cell.setToolTip(not_saved_text(error))
    finally:
        table.blockSignals(blocked)
