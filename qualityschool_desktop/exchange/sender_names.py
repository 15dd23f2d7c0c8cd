"""Who a key is here, as a person reads it (:class:`Sender`, :func:`known_as`): the school it is
bound to, the supervisor of the visits its laptop made, or the office it is bound as; the computer's
name a detail. In a module of its own, importing only what is stored, so that the history's names
(``editors.py``) and the import's words (``senders.py``, which re-exports these) share it without
the signing checks importing the names that name their refusals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..review.office_keys import offices_of
from ..schools import bound_to_key

if TYPE_CHECKING:
    import sqlite3

SCHOOL = "{name} (รหัส {code})"
SCHOOLS = "เครื่องที่ดูแลข้อมูล {count} โรงเรียน ({names})"
SCHOOLS_NAMED = 2  # schools named before "และอีก N โรงเรียน"
SCHOOLS_MORE = "{names} และอีก {count} โรงเรียน"
VISITOR = "ผู้นิเทศ {names}"
VISITORS_NAMED = 3
VISITORS_MORE = "{names} และอีก {count} คน"
MACHINE = "เครื่อง {machine}"
# s32 B20: a key bound here as an area office's is that office; a key whose file carries an office's
# decisions not yet bound here is named by the office its decisions claim, said as a claim.
OFFICES = "{names}"
CLAIMED = "ผู้ตรวจในนาม {names} (ยังไม่ได้ผูกกุญแจเป็นของสำนักงาน)"
WITH_MACHINE = "{who} · เครื่อง {machine}"
# s33: a signer named after its fingerprint in an import's warning (Named), never by its computer's name.
OF = " ของ{who}"


@dataclass(frozen=True)
class Sender:
    """Who sent a file: ``schools`` ((code, name) of the schools its key is bound to here, or that
    this file binds to it), ``visitors`` (supervisors named on the visits typed on the sending
    laptop, when no school), and ``machine``, the name the sending laptop gave itself (its host
    name unless a person set another); ``office`` only in :func:`own_sender`."""

    schools: tuple[tuple[str, str], ...] = ()
    visitors: tuple[str, ...] = ()
    machine: str = ""
    office: str = ""  # this laptop's office (own_sender only): what an export's file name says
    offices: tuple[str, ...] = ()  # the area offices the key is bound here as (s32 B20)
    claimed: tuple[str, ...] = ()  # the offices whose decisions it signed, not bound here (s32 B20)

    def words(self, digits: Callable[[str], str] = str) -> str:
        """The sender as a person reads it: "โรงเรียนบ้านแม่สอด (รหัส 6301000001)", "ผู้นิเทศ
        นางวิไล รักการสอน", the office (:func:`own_sender` only), or, when nothing more is known,
        "เครื่อง vm". ``digits`` writes a
        school code (a window's Thai digits). Raises nothing."""
        if len(self.schools) == 1:
            code, name = self.schools[0]
            return SCHOOL.format(name=name, code=digits(code))
        if self.schools:
            names = ", ".join(name for _code, name in self.schools[:SCHOOLS_NAMED])
            if len(self.schools) > SCHOOLS_NAMED:
                names = SCHOOLS_MORE.format(names=names, count=digits(str(len(self.schools) - SCHOOLS_NAMED)))
            return SCHOOLS.format(count=digits(str(len(self.schools))), names=names)
        if self.visitors:
            names = ", ".join(self.visitors[:VISITORS_NAMED])
            if len(self.visitors) > VISITORS_NAMED:
                names = VISITORS_MORE.format(names=names, count=digits(str(len(self.visitors) - VISITORS_NAMED)))
            return VISITOR.format(names=names)
        if self.offices:
            return OFFICES.format(names=", ".join(digits(name) for name in self.offices))
        if self.claimed:
            return CLAIMED.format(names=", ".join(digits(name) for name in self.claimed))
        if self.office:
            return self.office
        return MACHINE.format(machine=self.machine)

    def with_machine(self, digits: Callable[[str], str] = str) -> str:
        """:meth:`words` and the computer's name after it ("… · เครื่อง vm"), or only the
        computer's name when that is all the file says."""
        if not (self.schools or self.visitors or self.office or self.offices or self.claimed) or not self.machine:
            return self.words(digits)
        return WITH_MACHINE.format(who=self.words(digits), machine=self.machine)


def known_as(conn: "sqlite3.Connection", fingerprint: str, installation: str = "", machine: str = "") -> Sender:
    """Who the key ``fingerprint`` is here, from what is stored: the schools it is bound to (code
    order), else the supervisors named on visits its laptop (``installation``) made (not deleted,
    most visits first), else the area offices it is bound here as; ``machine`` kept as a detail.
    An import's warnings name a signer so (s33: not by its computer's name). Raises
    ``sqlite3.Error`` only for a database that cannot be read."""
    schools = bound_to_key(conn, fingerprint) if fingerprint else ()
    visitors: tuple[str, ...] = ()
    if not schools and installation:
        visitors = tuple(str(row[0]) for row in conn.execute(
            "SELECT trim(name), count(DISTINCT visit_id) AS visits FROM visit_people WHERE side = 'visitor'"
            " AND deleted = 0 AND modified_by = ? AND trim(name) <> '' GROUP BY trim(name)"
            " ORDER BY visits DESC, trim(name)", [installation]).fetchall())
    bound = tuple(offices_of(conn, fingerprint)) if not (schools or visitors) and fingerprint else ()
    return Sender(schools=schools, visitors=visitors, machine=machine, offices=bound)
