"""Exchange files in the window: the แฟ้ม menu's export, import (files or a folder), the changes
waiting for a person, the conflicts kept and the senders' keys, all done by one
:class:`~ui.exchange.controller.ExchangeController`."""

from __future__ import annotations

from ui.common.actions import make_action
from ui.shell.api import GROUP_EXCHANGE, IMPORT_FILES_ACTION, MENU_FILE, Shell

from . import strings as s
from .controller import ExchangeController


def install(shell: Shell) -> ExchangeController:
    """The controller, with its commands in the แฟ้ม menu (just above printing). The actions are
    the window's own, so they are enabled and disabled with its others (none while the database
    is still loading)."""
    controller = ExchangeController(shell)
    # Importing writes to the database: off while a read-only one is shown. The other dialogs still
    # show what they show there, with their decisions and trust ticks shut (each dialog's own).
    # What can change the records of an open assessment or visit (an import, a decision on a waiting
    # change or a conflict) is off while one is shown: those views keep what is being typed and do
    # not re-read records from under it.
    for caption, handler, name, edits, in_views in (
        (s.ACTION_EXPORT, controller.export, "export_action", False, True),
        (s.ACTION_IMPORT, controller.import_files, "import_action", True, False),
        (s.ACTION_IMPORT_FOLDER, controller.import_folder, "import_folder_action", True, False),
        (s.ACTION_PENDING, controller.show_pending, "pending_action", False, False),
        (s.ACTION_CONFLICTS, controller.show_conflicts, "conflicts_action", False, False),
        (s.ACTION_SIGNERS, controller.manage_signers, "signers_action", False, True),
    ):
        action = make_action(shell.parent, caption, handler)
        shell.add_action(MENU_FILE, action, GROUP_EXCHANGE, edits=edits, in_record_views=in_views)
        if name == "import_action":
            action.setObjectName(IMPORT_FILES_ACTION)  # the welcome page's "import files" choice
        setattr(controller, name, action)
    return controller
