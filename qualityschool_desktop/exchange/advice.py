"""A refusal whose way out differs on the command line and in the window (forgetting a key).

An import refused because a key's earlier word is held here (a same-school mapping, or an
installation claimed first) ends with what a person can do about it. On the command line that is a
command to type, with this program's name (``paths.command()``) and the database's real path; in
the window it is the senders' window's "ลืมกุญแจนี้…" action. :class:`AdvisedRefusal` carries both:
as an error it reads as the command line prints it, and ``in_window`` is the window's version.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import paths
from ..thai import Sentence
from .records import ExchangeError

if TYPE_CHECKING:
    from ..workspace import Workspace

# How to forget a key, as each place says it (the sentence around it names the key first).
# The key is named once, in its own line above (fx30 B6): here it is "that key", except in the
# command, which must name it.
FORGET_BY_COMMAND = "ลืมกุญแจดอกนั้นด้วยคำสั่ง {command} signers --db {db} --forget {held}"
FORGET_IN_WINDOW = ("ลืมกุญแจดอกนั้นในหน้าผู้ส่งข้อมูล (เมนูแฟ้ม › ผู้ส่งข้อมูล เลือกแถวของกุญแจดอกนั้น"
                    " แล้วกด “ลืมกุญแจนี้…”)")
# Where the database is not a file (a test's memory database): the command's placeholder.
NO_PATH = "ไฟล์ฐานข้อมูล"


class AdvisedRefusal(ExchangeError):
    """An import refused with advice that names a command (``str(error)``: the command line's
    words) or the window's action (``in_window``); both :class:`~qualityschool_desktop.thai.Sentence`.
    ``code``: the school code (10 digits) whose "same school" word the refusal is about, "" when
    none (the command line then does not also say that its ``--same-school`` code went unused)."""

    def __init__(self, by_command: Sentence, in_window: Sentence, code: str = "") -> None:
        super().__init__(by_command)
        self.in_window = in_window
        self.code = code

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles (the window's worker) keep both
        return AdvisedRefusal, (self.args[0], self.in_window, self.code)


def db_argument(workspace: "Workspace") -> str:
    """The database's path as ``--db`` takes it in a terminal: quoted when it holds a space."""
    path: Path | None = getattr(workspace, "path", None)
    if path is None:
        return NO_PATH
    text = str(path)
    return f'"{text}"' if any(char.isspace() for char in text) else text


def forget_refusal(template: str, workspace: "Workspace", **values: Any) -> AdvisedRefusal:
    """The refusal ``template`` (holding ``{forget}`` where the way to forget the key ``held`` goes)
    with ``values``, as the command line and the window each say it."""
    held = values["held"]
    by_command = Sentence(FORGET_BY_COMMAND, held=held, command=paths.command(), db=db_argument(workspace))
    return AdvisedRefusal(Sentence(template, forget=by_command, **values),
                          Sentence(template, forget=Sentence(FORGET_IN_WINDOW, held=held), **values),
                          code=str(values.get("code", "")))
