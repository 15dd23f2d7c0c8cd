"""Deciding one incoming row the full way, against what this database holds (``merge.Merge``):
its school's first use and same-school replacement, the owner, what the versions say, the rules
across machines, and the counts and conflict lines of the :class:`~.merge.Tally`. Split from
``merge.py`` by what it holds; ``merge.Merge._decide_new`` decides a new row in a simple table
inline and leaves the rest here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import NotFoundError
from ..schools import code_and_name, version_and_maker
from ..thai import Own, Sentence, office_name
from . import append_only, equal_sides, signing, statements, versions
from .conflict_editors import ConflictEditors
from .decision import is_deleted
from .ownership import Vouch, vector
from .owners import root_of, school_id_of
from .records import APPEND_ONLY, UNIQUE_KEYS, ExchangeError
from .refusals import (BOUND_ELSEWHERE, BOUND_HERE, DEMO, FILED_GIVES_WAY, NO_STATEMENT, SAME_CODE, TYPED_GIVES_WAY,
                       Described)
from .results import ConflictInfo, MadeSame, PendingInfo, SameSchool
from .same_school import REPOINTED
from .store import Decision, as_json

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .lineage import Lineage
    from .ownership import Ownership
    from .package import Package
    from .rules import Rules
    from .statements import Statement
    from .store import Store


# s32 A1: a school whose record from the file waits (รอตรวจสอบ), in the import's closing lines.
WAITING_NAME = "{name} (การแก้ไขจากไฟล์นี้รอตรวจสอบ)"


class DecidePass:
    """The full decision of one row, part of :class:`~.merge.Merge` (a mixin: Merge sets these
    attributes, and the statements' and mappings' passes give the methods named here)."""

    workspace: "Workspace"
    conn: Any
    source: str
    store: "Store"
    tally: Any  # merge.Tally
    package: "Package"
    owners: "Ownership"
    lineage: "Lineage"
    rules: "Rules"
    statements: dict[str, "Statement"]
    candidates: dict[str, "Statement"]
    same_schools: set[str]
    adopted: dict[str, tuple[str, list[str]]]
    typed_rounds: dict[str, list[tuple[str, str]]]
    workspace_installation: str
    _demo_database: bool | None
    _rejected_here: "dict[str, dict[str, set[str]]] | None"

    def check_mapped_code(self, row: dict[str, Any]) -> None:
        """``merge_same_school.SameSchoolPass.check_mapped_code`` (Merge's)."""
        raise NotImplementedError

    def mapped_onto(self, typed_id: str, school_id: str) -> bool:
        """``merge_same_school.SameSchoolPass.mapped_onto`` (Merge's)."""
        raise NotImplementedError

    def mapped_warning(self, typed_id: str) -> str:
        """``merge_same_school.SameSchoolPass.mapped_warning`` (Merge's)."""
        raise NotImplementedError

    def _not_by_owner(self, statement: "Statement") -> None:
        raise NotImplementedError  # StatementsPass's

    def _decide(self, table: str, row: dict[str, Any], local: dict[str, Any] | None, vouch: Vouch,
                moved: bool) -> Decision:
        if table == "schools" and row["id"] in self.lineage.aliases:
            # The typed record this office replaced by the school's own: nothing more to do.
            return Decision("older", row, local)
        if table == "schools":
            self.check_mapped_code(row)
        if table == "schools" and row["is_demo"] and not self._is_demo_database():
            raise ExchangeError(DEMO.format(source=self.source, name=row["name"][:60]))
        adopt, first_use = self._new_school(row, vouch) if table == "schools" and local is None else (None, None)
        if table in TYPED_GIVES_WAY and local is None and row["school_id"] in self.adopted:
            self._typed_gives_way(table, row)
        waiting = self.lineage.check(table, row)
        owner_ok, signer, seal_id = self.owners.owner(table, row, local, vouch)
        decision = Decision(_action(table, row, local), row, local, signer=signer,
                            seal_id=None if moved and table not in REPOINTED else seal_id, adopt=adopt)
        if decision.action == "conflict" and table not in APPEND_ONLY:
            decision.winner = "theirs" if self.owners.ranks_higher(table, row, local or {}, owner_ok) else "ours"
        elif decision.action == "conflict":
            decision.winner = "ours"  # history is never rewritten; the other version is kept aside
        if decision.action in ("insert", "update") or (decision.action == "conflict" and table not in APPEND_ONLY):
            if waiting or not owner_ok:
                decision.action, decision.winner = "pending", ""
                decision.reason = "parent_pending" if waiting and owner_ok else "not_owner"
            if decision.reason == "not_owner" and table in ("review_decisions", "budget_decisions"):
                # Only the office decides; until a person binds its key here the decision waits, so the
                # binding applies it (rejudge.bind_office) and the school sees the verdict (s32 B20).
                own = table == "review_decisions" and self.owners.school_decides_own(row, signer)
                decision.action = "refused" if own else "pending"  # a school never reviews its own round
                # said once: not again for this very change waiting here from an earlier file (s33 exB T6)
                reason = None if not own and self.store.pending_waiting(table, row) else \
                    self.owners.not_the_office(row, signer, self.source, own=own)
                area = "" if own else self.owners.area_deciding(row)
                if area and signer == self.package.manifest["exporter"]["installation_id"] \
                        and area not in self.tally.office_waits:
                    self.tally.office_waits.append(area)
                self.tally.warnings.extend([reason] if reason else [])
            elif decision.reason == "not_owner" and table == "projects" and row["school_id"] is None:
                decision.action = "refused"  # an office's own project: only that office's bound key
                reason = self.owners.not_the_office(row, signer, self.source)
                self.tally.warnings.extend([reason] if reason else [])
        if decision.action == "conflict" and table not in APPEND_ONLY and equal_sides.same_content(row, local or {}):
            equal_sides.settle(decision, self.owners, table)  # the same content: no conflict (s33 T4)
        applies = decision.applies  # the decision is made: asked once below
        if table == "schools" and applies:  # its office judges the decisions that follow (s33 exB T9)
            self.owners.arriving[str(row["id"])] = (str(row["code"]), office_name(str(row["area_office"] or "")))
        what = Described(table, row)  # described only when a message prints it
        if applies and not decision.same:  # the same content changes nothing these rules look at
            self.rules.check_final_visit(table, row, local, what)  # type: ignore[arg-type]
            self.rules.check_budget_decision(self.conn, table, row, what)
            self.rules.check_project_dates(table, row, what)
            if decision.action == "update" and local is not None:
                self.rules.check_late_clock(row, local, self.owners.name(signer))
        if first_use and applies:
            # Bound only when the school's record is written here (a binding references it); a
            # record that waits binds when a person accepts it (statements.bind_stored).
            keys = tuple(sorted({key for _i, key in first_use if key}))
            if adopt is None:
                self.tally.first_use[row["code"]] = keys
            else:
                self.tally.same_keys[str(row["code"])] = keys
            self.store.bind_first_use(row["id"], first_use, "same_school" if adopt else
                                      ("statement" if row["id"] in self.statements else "first_use"))
        if adopt:
            self.lineage.aliases[adopt] = row["id"]
            self.adopted.setdefault(row["id"], (str(row["code"]), []))[1].append(adopt)
            self.tally.made_one.append(str(row["code"]))
            typed = code_and_name(self.conn, adopt)  # what moves, counted before it moves (fx30 B7a)
            self.tally.made_same.append(MadeSame(str(row["code"]), typed[1] if typed else "", str(row["name"]),
                                                 append_only.moving_rows(self.conn, adopt),
                                                 from_file=not self._school_typed_here(adopt)))
        self.lineage.remember(table, row, local, applied=applies or local is not None,
                              incoming=applies or local is None)
        if applies or decision.action == "pending":
            # Against the database only in a preview: an import's INSERT meets the UNIQUE constraint.
            self.rules.check_unique(self.conn, table, row, local, what,  # type: ignore[arg-type]
                                    here_too=decision.action != "pending" and not self.store.writing)
            if table in ("attachments", "visit_attachments") and (
                applies or not self.store.pending_decided(table, row)
            ):  # a change a person has decided on already brings no content back
                self.tally.stored_files.add(row["sha256"])
        return decision

    def _new_school(self, row: dict[str, Any], vouch: Vouch) -> tuple[str | None, set[tuple[str, str]] | None]:
        """A school new here: who owns it (trust on first use) and, when a record here has its
        code under another id, the id of that record if a person said they are the same school
        (otherwise the match is reported in a preview, refused in an import). Returns (that id or
        None, the (installation, fingerprint) pairs to bind when the record is written, or None).

        The owners are those the school's own statement names (``statements.py``: in this file, or
        kept here from an earlier file whose record waited) when its signer changed this record;
        without one (a file from before statements), the key that made and sealed the record."""
        adopt: str | None = None
        try:
            found = self.workspace.schools.by_code(row["code"])
        except NotFoundError:
            found = None
        if found is not None and found.id != row["id"] and self.mapped_onto(found.id, row["id"]):
            adopt = found.id  # its typer's signed word, taken in _load_mappings
            self.tally.warnings.append(self.mapped_warning(found.id))
        elif found is not None and found.id != row["id"]:
            self._refuse_if_held(row, found.id, vouch)
            if row["code"] in self.same_schools:
                adopt = found.id
            else:
                self.tally.same_schools.append(SameSchool(row["code"], row["id"], row["name"], found.id, found.name,
                                                          from_file=not self._school_typed_here(found.id)))
                if self.store.writing:
                    raise ExchangeError(Sentence(SAME_CODE, code=Own(row["code"]), typed=row["code"]))
        statement = self.candidates.pop(row["id"], None)
        if statement is not None and statement.signer_installation not in vector(row):
            self._not_by_owner(statement)  # a relay's own statement for a school it never changed
            statement = None
        elif statement is not None:
            self.statements[row["id"]] = statement
            self.store.keep_statement(statement, bind=False)
        else:
            statement = self.statements.get(row["id"]) or statements.stored(self.conn, row["id"])
            if statement is not None:
                self.statements[row["id"]] = statement
        if statement is not None:
            pairs = set(statement.owners)
            self.owners.use_bindings(row["id"], pairs)
        else:
            if len(vector(row)) > 1:
                # No statement, and the record carries changes of several laptops: a relay that
                # changed it once could otherwise strip the school's statement and be bound here as
                # its owner (try10 #6). Current exports carry the statement of every school they
                # hold one for; without it only a record one laptop made alone binds on first use.
                # Here nobody is bound: the school's records wait as pending (the rest of the file
                # imports), and the school's own file binds its keys when it comes.
                self.tally.warnings.append(Sentence(NO_STATEMENT, source=self.source, code=Own(row["code"])))
                vouch = Vouch((), ())
            pairs = self.owners.bind_new_school(row["id"], vouch, str(row.get("modified_by") or ""))
        return adopt, (pairs or None)

    def _refuse_if_held(self, row: dict[str, Any], found_id: str, vouch: Vouch) -> None:
        """Another record here has the school's code (``found_id``). Only a school no file's key
        holds any more may be replaced by a person's "same school" word (try10 #5): one held by a
        still-bound key (:meth:`~.ownership.Ownership.holders`) raises ExchangeError naming the
        file's key and those keys, even when a person bound the file's key to the code here: a
        binding ADDS a laptop to a school (issue 10 "Keys bound to owners"; retest30 N2), so the
        stranger's key is forgotten first. Returns when no key holds it."""
        held = self.owners.holders(found_id)
        if not held:
            return
        signed = [self.owners.keys[inst][0] for inst in vouch.installations if inst in self.owners.keys]
        groups = signing.fingerprint_groups(signed[0]) if signed else "-"
        held_groups = ", ".join(sorted(signing.fingerprint_groups(fp) for fp in held if fp))
        if self.owners.own_fingerprint in held:
            raise ExchangeError(Sentence(BOUND_HERE, code=Own(row["code"]), source=self.source, groups=groups))
        raise ExchangeError(Sentence(BOUND_ELSEWHERE, code=Own(row["code"]), source=self.source,
                                     groups=groups, held=held_groups or "-"))

    def _is_demo_database(self) -> bool:
        if self._demo_database is None:
            self._demo_database = self.workspace.schools.is_demo_database()
        return self._demo_database

    def _school_typed_here(self, school_id: str) -> bool:
        """Whether the school record ``school_id`` here was typed (or changed) here, not only
        brought by files of other keys (retest30 N3: the words about it say which)."""
        found = version_and_maker(self.conn, school_id)
        return found is None or versions.made_here(found[0], found[1], self.workspace_installation)

    def _typed_gives_way(self, table: str, row: dict[str, Any]) -> None:
        """The school's own record arrives for a school that replaces one typed here in this pass
        (try10 #8): a record typed here under the same school-scoped key (a round: fiscal year and
        round; a network school: its code) gives way to it, with a warning, in the preview and the
        import alike (``store.replace_typed``). The school's own record wins; a typed round's
        levels stay in the history of changes, and a visit that compared against it compares
        against the school's round."""
        code, typed_ids = self.adopted[row["school_id"]]
        ids = [row["school_id"], *typed_ids]
        key = [column for column in UNIQUE_KEYS[table] if column != "school_id"]
        found = self.conn.execute(
            f"SELECT id, version, modified_by FROM {table} WHERE school_id IN ({', '.join('?' for _ in ids)})"
            f" AND {' AND '.join(f'{column} = ?' for column in key)} AND id <> ?",
            [*ids, *(row[column] for column in key), row["id"]],
        ).fetchone()
        if found is None:
            return
        values = {key: value for key, value in row.items() if key != "code"}
        # Typed here, or brought by a file of another key (retest30 N3): the record's own version in a
        # preview; in an import the move onto the school's own has stamped it ours, so the school's word.
        here = versions.made_here(str(found[1] or "{}"), str(found[2] or ""), self.workspace_installation) and not any(
            same.from_file for same in self.tally.made_same if same.code == code)
        self.tally.warnings.append(Sentence((TYPED_GIVES_WAY if here else FILED_GIVES_WAY)[table], code=Own(code),
                                            code_=Own(row.get("code", "")), **values))
        self.store.replace_typed(table, str(found[0]), row["id"])
        if table == "assessments":  # rows others sealed on the typed round follow it (same_school.py)
            self.typed_rounds.setdefault(row["school_id"], []).append((str(found[0]), row["id"]))
            self.lineage.round_aliases[str(found[0])] = row["id"]

    def rejected_of(self, table: str) -> dict[str, set[str]]:
        """record id -> the rows (JSON, as ``pending_changes`` keeps them) of ``table`` a person
        rejected here (``pending.reject_pending``); read once per file (one query; none is the rule)."""
        if self._rejected_here is None:
            self._rejected_here = {}
            for rejected_table, record_id, row_json in self.conn.execute(
                    "SELECT table_name, record_id, row_json FROM pending_changes WHERE decision = 'rejected'"):
                self._rejected_here.setdefault(rejected_table, {}).setdefault(record_id, set()).add(row_json)
        return self._rejected_here.get(table, {})

    def _count(self, table: str, decision: Decision) -> None:
        counts = self.tally.counts[table]
        action, row = decision.action, decision.row
        if action == "pending" and self.store.pending_decided(table, row):
            decision.action = action = "older"  # a person has decided on this very change already
        if action == "conflict" and not self.store.is_new_conflict(table, decision):
            decision.action = action = "unchanged"  # this very conflict is kept already
        if table == "schools":
            # Named as stored here unless this file's record is applied (s32 A1: a change that waits
            # must not print the sender's name as the school's); a waiting change says it waits.
            local = decision.local
            name = str(row.get("name", "")) if action in ("insert", "update") or not local else str(local.get("name", ""))
            self.tally.schools.append((action, str(row.get("code", "")),
                                       WAITING_NAME.format(name=name) if action == "pending" else name))
        rejected = self.rejected_of(table)
        if rejected and decision.applies and row["id"] in rejected and as_json(row) in rejected[row["id"]]:
            self.tally.overrides_rejected += 1  # RETEST31 R3: the preview says it, not only the result
        if table == "visits" and decision.applies and decision.local is not None and row.get("deleted_at") \
                and not decision.local.get("deleted_at"):
            self.tally.removed_visits.append(row)  # a visit the file deletes here: said by name (TEST35 T1)
        if decision.same:
            counts.unchanged += 1  # the same content as here (equal_sides.py): nothing to see
            counts.unchanged_deleted += is_deleted(row)
        elif action == "insert":
            counts.new += 1
            counts.new_deleted += is_deleted(row)  # travels so every copy is deleted (TEST31 T12)
            if table == "comments" and row.get("follow_up_id") and row.get("deleted") != 1:
                counts.new_on_follow_ups += 1  # a reply to a follow-up, named (TEST34C C9)
        elif action == "update":
            counts.updated += 1
        elif action == "unchanged":
            counts.unchanged += 1
            counts.unchanged_deleted += is_deleted(row)  # deleted here too: nothing to see (T12)
        elif action == "older":
            counts.older += 1
        elif action == "refused":
            counts.refused += 1  # in a column of its own, not left out (TEST31b U12)
        elif action == "pending" and self.store.pending_waiting(table, row):
            counts.waiting += 1  # kept from an earlier file: counted once, in the list already (s33 exB T6)
            self.tally.already_waiting.append((table, str(row["id"])))
        elif action == "pending":
            counts.pending += 1
            if decision.local is None and table != "schools" and table not in APPEND_ONLY and root_of(table) == "schools" and any(
                installation != decision.signer for installation in vector(row)
            ):  # a relay's change to a record of the school's this database has no version of (retest30 N6)
                missing = self.tally.own_missing
                school = self.owners.roots(table, row, None)
                if school:
                    missing[school[0][1]] = missing.get(school[0][1], 0) + 1
            fingerprint = self.owners.keys.get(decision.signer, ("",))[0]
            what = pending_text(self, table, decision)  # the window writes it in its digits
            self.tally.pending.append(PendingInfo(table, row["id"], what, fingerprint,
                                                  self.owners.name(decision.signer), row))
        elif action == "conflict":
            counts.conflicting += 1
            self.tally.conflicts.append(ConflictInfo(table, row["id"], decision.winner,
                                                     conflict_text(self, table, decision), row))


CONFLICT = ("{what}{school} ถูกแก้ไขต่างกันโดยไม่รู้กัน: ฉบับที่มีอยู่ในเครื่องนี้{ours} ฉบับในไฟล์{theirs}"
            " ใช้ฉบับ{side}ไปก่อน อีกฉบับเก็บไว้ให้เลือก")


def _school_of(merge: "DecidePass", table: str, decision: Decision) -> tuple[str, str] | None:
    """(code, name as held here) of the school a record belongs to, else None."""
    row, local = decision.row, decision.local or {}
    school_id = school_id_of(merge.conn, table, row) or school_id_of(merge.conn, table, local)
    return code_and_name(merge.conn, school_id) if school_id else None


def _school_words(merge: "DecidePass", table: str, decision: Decision) -> str:
    """" ของโรงเรียน <code> <name as held here>" for a record of a school, else ""."""
    found = _school_of(merge, table, decision)
    return Sentence(" ของโรงเรียน {code} {name}", code=Own(found[0]), name=found[1]) if found else ""


PENDING_RENAME = "{what} (ชื่อที่ใช้อยู่ในเครื่องนี้: {name})"


def pending_text(merge: "DecidePass", table: str, decision: Decision) -> Sentence:
    """The Thai line for a change kept for a person (TEST30a B6): the record by name and the school
    it touches by its code and the name it has here, the school's own record with its name here
    when the change renames it (the file's name alone read as if the school were called so)."""
    row, local = decision.row, decision.local or {}
    if table == "schools":
        if local.get("name") and local.get("name") != row.get("name"):
            return Sentence(PENDING_RENAME, what=Described(table, row), name=local["name"])
        return Sentence("{what}", what=Described(table, row))
    return Sentence("{what}{school}", what=Described(table, row), school=_school_words(merge, table, decision))


def conflict_text(merge: "DecidePass", table: str, decision: Decision) -> str:
    """The Thai line for a conflict (try14e f08): the record by name (:func:`describe`), its
    school, and who last edited each side, truthfully: this laptop only when it did (an office
    that edited nothing holds another laptop's version), else the school, supervisor or office the
    editing key is here, the computer's name only between two keys of one owner (s34 exw34 T1)."""
    row, local = decision.row, decision.local or {}
    school = _school_words(merge, table, decision)  # an answer's too, through its assessment (try10 F6)
    editors = ConflictEditors(merge.conn, merge.owners, merge.workspace_installation, _school_of(merge, table, decision),
                              str(merge.package.manifest.get("exporter", {}).get("installation_id", "")))
    ours, theirs = str(local.get("modified_by") or ""), str(row.get("modified_by") or "")
    side = "ในไฟล์" if decision.winner == "theirs" else "ที่มีอยู่ในเครื่องนี้"
    return Sentence(CONFLICT, what=Described(table, row), school=school, ours=editors.by(ours, theirs),
                    theirs=editors.by(theirs, ours), side=side)


def _action(table: str, row: dict[str, Any], local: dict[str, Any] | None) -> str:
    """What the versions alone say: insert, unchanged, older, update or conflict."""
    if local is None:
        return "insert"
    if all(local[key] == value for key, value in row.items()):
        return "unchanged"
    if table in APPEND_ONLY:
        return "conflict"  # the same id with other content: only a forger makes it
    relation = versions.compare(vector(row), vector(local))
    if relation in ("older", "newer"):
        return "older" if relation == "older" else "update"
    return "conflict"  # concurrent (or the same counters with other content, which only a forger makes)


OWN_MISSING = ("ไฟล์ {source}: ข้อมูล {count} รายการของโรงเรียน {code} ยังไม่มีฉบับของโรงเรียนเองในเครื่องนี้"
               " (ฉบับในไฟล์แก้โดยเครื่องที่ไม่ใช่ของโรงเรียน จึงรอตรวจสอบ) ผลการประเมินของโรงเรียนนี้ในเครื่องนี้จึงยังไม่ครบ"
               " จนกว่าจะนำเข้าไฟล์จากเครื่องของโรงเรียน")


def own_missing_warnings(merge: "DecidePass", codes: dict[str, str]) -> list[Sentence]:
    """One Thai warning per school whose records this file changes by a key that does not own
    them while this database holds no version of them (retest30 N6: a relay's edit of an answer
    hides the school's own value until the school's file comes); ``codes``: school id -> code of
    the schools met in the file."""
    found = []
    for school_id, count in sorted(merge.tally.own_missing.items()):
        code = codes.get(school_id) or (code_and_name(merge.conn, school_id) or ("",))[0]
        if code:
            found.append(Sentence(OWN_MISSING, source=merge.source, count=count, code=Own(code)))
    return found
