"""Who edited each side of a conflict, as a person reads it (issue 10; s34 exw34 T1): the school,
the supervisor or the office the editing key is here (``sender_names.known_as``, as the history's
``editors.py`` names it), never "(แก้ไขโดยเครื่อง vm)": every laptop of a district is called the
same. The computer's name is a detail, said only where two keys of one owner must be told apart
(two laptops of one school), with the key's first groups when the two computers share a name."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..thai import digits
from . import signing
from .sender_names import known_as

if TYPE_CHECKING:
    import sqlite3

    from .ownership import Ownership

EDITED_HERE = " (แก้ไขที่เครื่องนี้)"
EDITED_BY = " (แก้ไขโดย{who})"
UNKNOWN = "เครื่อง {machine}"  # a key known here by nothing but the name its computer gave (never bound)
MACHINE = "{who} · เครื่อง {machine}"
KEY = " · กุญแจ {groups}…"


class Edited(str):
    """" (แก้ไขโดย<who>)" in a :class:`~..thai.Sentence`: as a ``str`` with the codes as stored
    (the command line), and :meth:`styled` with a school's code or an office's number in the
    reader's digits, the names people typed untouched."""

    __slots__ = ("words",)
    words: Callable[[Callable[[str], str]], str]

    def __new__(cls, words: Callable[[Callable[[str], str]], str]) -> "Edited":
        made = super().__new__(cls, EDITED_BY.format(who=words(str)))
        made.words = words
        return made

    def styled(self, style: str) -> str:
        """The same words with codes and numbers in ``style``'s digits ("thai" or "arabic")."""
        return EDITED_BY.format(who=self.words(lambda text: digits(text, style)))


class ConflictEditors:
    """Names the two editors of one conflict line (the version here, the one in the file)."""

    def __init__(self, conn: "sqlite3.Connection", owners: "Ownership", own: str,
                 school: tuple[str, str] | None, exporter: str = "") -> None:
        self.conn, self.owners, self.own, self.exporter = conn, owners, own, exporter
        self.school = school  # (code, name) of the school the line names already, or None

    def _who(self, installation: str) -> tuple[Callable[[Callable[[str], str]], str], bool]:
        """(the editor's words, whether the key is known here as a school, supervisor or office)."""
        sender = known_as(self.conn, self.owners.fingerprint_of(installation), installation)
        if self.school and len(sender.schools) == 1 and sender.schools[0][0] == self.school[0]:
            name = sender.schools[0][1]  # the line names the school's code already
            return (lambda _digits: name), True
        if sender.schools or sender.visitors or sender.offices:
            return sender.words, True
        machine = self._machine(installation)
        return (lambda _digits: UNKNOWN.format(machine=machine)), False

    def _machine(self, installation: str) -> str:
        """The name the laptop gives itself in this file (``exporter``), else the name it last gave
        in a file it sent here (as the history names it, ``editors.py``), else the signer's name."""
        if installation == self.own:
            return signing.own_name()
        if installation == self.exporter:
            return self.owners.name(installation)  # the file's exporter name (merge.py)
        row = self.conn.execute("SELECT display_name FROM exchange_log WHERE installation_id = ? AND display_name <> ''"
                                " ORDER BY rowid DESC LIMIT 1", [installation]).fetchone()
        return str(row[0]) if row else self.owners.name(installation)

    def by(self, installation: str, other: str) -> str:
        """" (แก้ไขที่เครื่องนี้)" for this laptop, else " (แก้ไขโดย<who>)" (:class:`Edited`), the
        computer's name after the owner when ``other`` (the other side's editor) is another key of
        the same owner; "" for no editor."""
        if not installation:
            return ""
        if installation == self.own:
            return EDITED_HERE
        words, known = self._who(installation)
        if not known or not other or other == installation:
            return Edited(words)
        if other == self.own:
            same = self.school is not None and words(str) == self.school[1]  # this laptop owns the record too
        else:
            other_words, other_known = self._who(other)
            same = other_known and other_words(str) == words(str)
        if not same:
            return Edited(words)
        machine = self._machine(installation)
        key = ""
        if machine == self._machine(other):  # both called "vm": the key tells them apart
            fingerprint = self.owners.fingerprint_of(installation).upper()
            key = KEY.format(groups=f"{fingerprint[:4]}-{fingerprint[4:8]}") if fingerprint else ""

        def detailed(write: Callable[[str], str]) -> str:
            return MACHINE.format(who=words(write), machine=machine) + key

        return Edited(detailed)
