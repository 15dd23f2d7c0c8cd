"""Backups in the window: the แฟ้ม menu's สำรองข้อมูล… and the daily automatic copy of each
database shown (``ui/backup/actions.py``)."""

from __future__ import annotations

from ui.shell.api import GROUP_BACKUP, MENU_FILE, Shell

from .actions import BackupActions


def install(shell: Shell) -> BackupActions:
    actions = BackupActions(shell)
    shell.add_action(MENU_FILE, actions.action, GROUP_BACKUP)
    shell.on_workspace(lambda _workspace: actions.stop())  # not the old file's, not before the new one's checks
    shell.on_checked(lambda workspace: actions.workspace_attached(workspace.path))  # the daily backup, if due
    shell.on_close(actions.stop)
    return actions
