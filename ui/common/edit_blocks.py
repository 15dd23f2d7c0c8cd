"""Why a school's records cannot be edited in this window, and turning controls off with that
reason as their tooltip (a read-only database, a school owned by another laptop's keys)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from . import strings_save as text

if TYPE_CHECKING:
    from qualityschool_desktop.workspace import Workspace


def school_edit_block(workspace: "Workspace", school_id: str | None) -> str:
    """Why the school's own records (profile, rounds, answers, evidence, network schools) cannot be
    edited in this window, or "" when they can: the database is read-only, or the school came by
    exchange and is owned by the school's keys (``Schools.owned_elsewhere``)."""
    if workspace.read_only:
        return text.READ_ONLY_NOTICE
    if school_id is not None and workspace.schools.owned_elsewhere(school_id):
        return text.OWNED_ELSEWHERE_NOTICE
    return ""


def shut_for(reason: str, *controls: QWidget, tip: str = "") -> None:
    """Turn ``controls`` off with ``reason`` as their tooltip, or on again with ``tip`` when there
    is no reason (pages that show one school after another)."""
    for control in controls:
        control.setEnabled(not reason)
        control.setToolTip(reason or tip)


def shut_if_read_only(read_only: bool, *controls: QWidget) -> None:
    """Turn off buttons that would change a read-only database, saying why in their tooltip
    (rather than failing with "ยังไม่ได้บันทึก" on each click). Pages are made for one database,
    so what is shut stays shut until another database is shown with new pages."""
    if read_only:
        for control in controls:
            control.setEnabled(False)
            control.setToolTip(text.READ_ONLY_NOTICE)
