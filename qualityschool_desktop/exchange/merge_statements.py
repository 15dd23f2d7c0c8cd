"""The schools' own statements of their keys, as a file's pass meets them (``merge.Merge``).

A statement (``statements.py``) says which keys own a school. A pass takes those a key owning the
school here signed, keeps those of schools new here for their first use (decided when the
school's record is met), and warns about the others. Split from ``merge.py`` by what it holds.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from ..thai import Own, Sentence
from . import bindings, reading, signing, statements
from .records import travelling_columns
from .statements import Statement

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .ownership import Ownership
    from .package import Package
    from .store import Store


SCHOOL_WORDS = "{code} ({name})"  # a school named in a statement's warning (TEST31b U6)


class StatementsPass:
    """The statements part of :class:`~.merge.Merge` (a mixin: Merge sets these attributes)."""

    workspace: "Workspace"
    conn: Any
    package: "Package"
    source: str
    store: "Store"
    tally: Any  # merge.Tally (its warnings)
    owners: "Ownership"
    statements: dict[str, Statement]
    candidates: dict[str, Statement]

    def _check_binding(self, installation: str, fingerprint: str, raw: bytes) -> bool:
        raise NotImplementedError  # Merge's

    def _load_statements(self) -> None:
        """Verify the schools' own statements of their keys (``statements.py``; a broken one
        refuses the file), take those that a key owning the school here signed, and keep those of
        schools new here for their first use (decided when the school's record is met)."""
        if statements.MEMBER not in self.package.members:
            return
        own_fingerprint = self.owners.own_fingerprint
        for line in statements.parse_member(self.package.read(statements.MEMBER), self.source):
            statement = statements.verify(line, self.source)
            self._check_binding(statement.signer_installation, statement.signer_fingerprint,
                                base64.b64decode(line["signer_key"]))
            school_id = statement.school_id
            known = self.candidates.get(school_id) or self.statements.get(school_id)
            if known is not None and known.serial >= statement.serial:
                continue
            if statement.signer_fingerprint == own_fingerprint:
                continue  # this laptop's own word coming back: it knows it already
            kept = statements.stored(self.conn, school_id)
            if kept is not None and statement.serial == kept.serial and statement.owners != kept.owners:
                self._concurrent(kept, statement)
                continue
            if kept is not None and statement.serial <= kept.serial:
                if statement.serial < kept.serial and not kept.names(statement.signer_installation,
                                                                     statement.signer_fingerprint):
                    self._statement_warning(statements.DROPPED_SIGNER, statement, kept)
                continue
            if kept is not None and statement.serial > kept.serial + statements.MAX_STEP:
                self._statement_warning(statements.TOO_FAR, statement, kept)
                continue
            here = self.workspace.schools.exists(school_id)
            if here and statements.is_unbound(statements.unbound(self.conn, school_id),
                                              statement.signer_installation, statement.signer_fingerprint):
                self._unbound_signer(statement)  # a person here unbound this key: that stands (try10 #7)
                continue
            if kept is None and not here:
                self.candidates[school_id] = statement  # first use: decided with the school's record
                continue
            if kept is not None:
                vouched = kept.names(statement.signer_installation, statement.signer_fingerprint) or (
                    bindings.owns(self.owners.bindings(school_id), statement.signer_installation,
                                  statement.signer_fingerprint))  # a key a person bound here
            else:
                vouched = not self.owners.made_here(school_id) and bindings.owns(
                    self.owners.bindings(school_id), statement.signer_installation, statement.signer_fingerprint)
            if not vouched:
                self._not_by_owner(statement)
                continue
            if kept is not None and (dropped := statements.dropped_keys(kept, statement)):
                self._statement_warning(statements.DROPS_KEY, statement, kept, dropped=", ".join(
                    signing.fingerprint_groups(fp) for fp in dropped))
            self.statements[school_id] = statement
            self.owners.use_bindings(school_id, statements.bound_owners(self.conn, statement)
                                     | statements.by_hand(self.conn, school_id))
            self.store.keep_statement(statement, bind=here)

    def _concurrent(self, kept: Statement, statement: Statement) -> None:
        """Two co-owner laptops each signed the school's next statement (the same serial, other
        keys: each bound a laptop at the same time, try10 #15). When a key that owns the school here
        signed the arriving one, both are taken: the school is owned by the keys either names (a
        union: a key one of them dropped stays until a later statement drops it), with a warning;
        at a laptop that speaks for the school the union is signed as its next statement, which
        travels (``statements.merge``)."""
        school_id = statement.school_id
        if statements.is_unbound(statements.unbound(self.conn, school_id), statement.signer_installation,
                                 statement.signer_fingerprint):
            self._unbound_signer(statement)
            return
        if not (kept.names(statement.signer_installation, statement.signer_fingerprint) or bindings.owns(
                self.owners.bindings(school_id), statement.signer_installation, statement.signer_fingerprint)):
            self._not_by_owner(statement)
            return
        self.tally.warnings.append(Sentence(statements.CONCURRENT, source=self.source, school=self._school_words(school_id)))
        owners = statements.bound_owners(self.conn, kept) | statements.bound_owners(self.conn, statement)
        self.owners.use_bindings(school_id, owners | statements.by_hand(self.conn, school_id))
        self.store.merge_statements(kept, statement)

    def _statement_warning(self, text: str, statement: Statement, kept: Statement,
                           **more: str) -> None:
        """A warning about the school's statement (``text`` of :mod:`.statements`), naming the school."""
        self.tally.warnings.append(Sentence(
            text, source=self.source, school=self._school_words(statement.school_id), serial=statement.serial, kept=kept.serial,
            groups=signing.fingerprint_groups(statement.signer_fingerprint),
            kept_groups=signing.fingerprint_groups(kept.signer_fingerprint), **more))

    def _unbound_signer(self, statement: Statement) -> None:
        self.tally.warnings.append(Sentence(
            statements.UNBOUND_SIGNER, source=self.source, school=self._school_words(statement.school_id),
            groups=signing.fingerprint_groups(statement.signer_fingerprint)))

    def _not_by_owner(self, statement: Statement) -> None:
        self.tally.warnings.append(Sentence(
            statements.NOT_BY_OWNER, source=self.source, school=self._school_words(statement.school_id),
            groups=signing.fingerprint_groups(statement.signer_fingerprint)))

    def _school_words(self, school_id: str) -> Sentence | str:
        """The school a statement is about as a person knows it, "6301000001 (โรงเรียนบ้านแม่สอด)"
        (the code in the reader's digits): from this database, else from the file's own school
        record (a school new here, which a preview does not write: TEST31b U6); the internal id
        only when neither has it, as a plain text no digit style changes."""
        school = self.workspace.schools.by_ids([school_id]).get(school_id)
        if school is not None:
            return Sentence(SCHOOL_WORDS, code=Own(school.code), name=school.name)
        if "records/schools.jsonl" in self.package.members:
            columns = travelling_columns(self.workspace.db)["schools"]
            for _number, row, _size in reading.rows(self.package, "schools", columns):
                if row.get("id") == school_id:
                    return Sentence(SCHOOL_WORDS, code=Own(str(row.get("code", ""))), name=str(row.get("name", "")))
        return school_id
