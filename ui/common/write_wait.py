"""How long a save in the window waits for another process's write lock.

Its own module: the window opens its workspace with it before the first page shows, and the save
state that uses it (``ui/common/save_state.py``, which re-exports it) loads later (issue 16: "ready").
"""

from __future__ import annotations

# How long a save in the window waits for another process's write lock before it is refused as
# busy (the window's workspace is opened with it, ``ui/shell/main_window.py``). Seconds, so the
# lock of a short import or a second program's save is waited for; not the core's five, since the
# window cannot answer while it waits (a second launch allows for it, ``ui/shell/database_lock.py``).
WINDOW_WRITE_WAIT_SECONDS = 1.5
