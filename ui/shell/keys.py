"""The names the shell and the features share: the first pages' kinds, the menus' and groups' keys.

Kept apart from :mod:`ui.shell.api` (which re-exports them for the features) so that the window's
frame, painted first, names its menus without importing the features' interface (its dataclasses
and Qt classes come right after the first paint; issue 16).
"""

from __future__ import annotations

WELCOME = "welcome"  # the shell's first-run page, while the database has no school
SCHOOLS = "schools"  # the list of schools: home as soon as there is one

# Menu keys and the groups in them; the shell decides where each group sits (ui/shell/menus.py).
MENU_FILE = "file"
MENU_SCHOOLS = "schools"
MENU_VIEW = "view"
MENU_HELP = "help"
GROUP_DATABASE = "database"  # แฟ้ม: open a file, own data, the demo
GROUP_BACKUP = "backup"
GROUP_EXCHANGE = "exchange"
GROUP_PRINT = "print"
GROUP_QUIT = "quit"
GROUP_BROWSE = "browse"  # โรงเรียน: the lists and pages to go to
GROUP_ADD = "add"
GROUP_NAVIGATION = "navigation"
GROUP_DIGITS = "digits"  # มุมมอง: the digit style
GROUP_ABOUT = "about"
# The object name of the action the welcome page's first choice ("add my school") triggers.
ADD_SCHOOL_ACTION = "addSchoolAction"
# ... and the one its second choice ("import files", for an office or a supervisor) triggers.
IMPORT_FILES_ACTION = "importFilesAction"
