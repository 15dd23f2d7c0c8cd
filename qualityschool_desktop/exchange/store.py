"""Where the merge's decisions go: nowhere for a preview (:class:`Store`), into the database for an
import (:class:`WritingStore`, inside the import's one write transaction).

Writing keeps everything a person may want later: the losing side of a conflict
(``exchange_conflicts``), a change by a key that does not own the record with who sent it
(``pending_changes``), the seals that cover the rows kept (so they can be forwarded under their
owner's signature), the bindings a first file makes, and a school typed here that a person said is
the same as the school's own record (its records follow the school's id; the mapping is kept in
``school_aliases``).
"""

from __future__ import annotations

import json
import operator
from typing import TYPE_CHECKING, Any

import sqlite3

from ..clock import now_iso
from ..ids import new_id
from . import append_only, bindings, relayed, same_school, seals, signing, statements, waiting
from .decision import Decision
from .package import Package
from .records import KIND_LABELS, TABLES, ExchangeError

if TYPE_CHECKING:
    from ..workspace import Workspace

CLASH = (
    "ข้อมูล{kind}ในไฟล์ {source} ซ้ำกับรายการอื่นที่มีอยู่แล้วในฐานข้อมูลนี้ (บันทึกแยกกันคนละเครื่อง)"
    " โปรแกรมจึงไม่นำเข้าไฟล์นี้"
)

ROOT_TABLE = "schools"
# The tables whose records keep an owner's version a change by another supersedes (migration 0033).
_KEEPS_VERSIONS = frozenset(("schools", "assessments", "network_schools", "plans", "budget_requests", "projects",
                             "answers", "attachments", "plan_goals", "plan_indicators", "plan_activities"))
# Columns that name a school, in the tables that have one: a mapped school's records follow it.
SCHOOL_COLUMNS = (("assessments", "school_id"),  # visits and follow-ups: append_only.KEPT_BY_SCHOOL
                  ("network_schools", "school_id"), ("plans", "school_id"), ("budget_requests", "school_id"),
                  ("projects", "school_id"))


def as_json(row: dict[str, Any]) -> str:
    """``row`` as JSON text with sorted keys and Thai kept as is: the form conflicts and pending
    changes are stored (and compared) in."""
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def local_row(local: dict[str, Any]) -> dict[str, Any]:
    """A row as read here without ``signed_set`` (which stays local): the columns that travel."""
    return {key: value for key, value in local.items() if key != "signed_set"}


class Store:
    """A preview's store: remembers nothing, writes nothing."""

    writing = False

    def __init__(self, workspace: "Workspace", package: Package | None, travelling: dict[str, tuple[str, ...]]) -> None:
        self.workspace = workspace
        self.conn: "sqlite3.Connection" = workspace.db.conn
        self.package = package  # None: a store of waiting changes judged again (each names its file)
        self.source = package.path.name if package is not None else ""
        self.travelling = travelling
        self._conflicts_seen: set[tuple[str, str, str]] = set()
        self.seals: dict[str, seals.Seal] = {}
        self.keys: dict[str, tuple[str, bytes, str]] = {}
        self.names: dict[str, str] = {}
        self.own_fingerprint: str | None = None

    def keep_keys(self, keys: dict[str, tuple[str, bytes, str]], names: dict[str, str],
                  seal_list: list[seals.Seal], own_fingerprint: str | None = None) -> None:
        """Remember the file's keys (installation → fingerprint, raw and base64 key), the names the
        signers gave, the verified seals and this installation's fingerprint (read once per file;
        None: read when needed), for what is written later."""
        self.keys, self.names, self.own_fingerprint = keys, names, own_fingerprint
        self.seals = {seal.id: seal for seal in seal_list}

    def bind_first_use(self, school_id: str, pairs: set[tuple[str, str]], how: str) -> None:
        """Bind a school new here to the (installation, fingerprint) ``pairs`` that vouch for it;
        a preview binds nothing."""
        pass

    def keep_statement(self, statement: statements.Statement, *, bind: bool) -> None:
        """Keep a school's statement taken from the file (and, with ``bind``, make the school's
        bindings follow it); a preview keeps nothing."""
        pass

    def bind_waiting(self, found: waiting.WaitingBinding, installation: str, fingerprint: str) -> str | None:
        """A binding that waited for this key (``waiting.py``): the id of the school it binds now
        (None when the school is no longer here); a preview writes nothing."""
        return waiting.school_here(self.conn, found.school_id)

    def merge_statements(self, kept: statements.Statement, other: statements.Statement) -> None:
        """Two statements of one school with the same serial, both by its owners: the school's
        bindings become their union (an import; see ``statements.merge``); a preview keeps nothing."""
        pass

    def replace_typed(self, table: str, typed_id: str, own_id: str) -> None:
        """A record typed here gives way to the school's own ``own_id`` (an import; see
        ``Merge._typed_gives_way``); a preview changes nothing."""
        pass

    def keep_mapping(self, mapping: same_school.Mapping, *, held: bool = True) -> None:
        """Keep a same-school mapping taken from the file (``held`` as ``same_school.Mapping.held``),
        to move later files' rows and to relay it (an import); a preview keeps nothing."""
        pass

    def issue_mapping(self, typed_id: str, code: str, school_id: str, rounds: list[tuple[str, str]]) -> None:
        """Sign and keep this office's mapping of the school it typed onto the school's own (an
        import, after a person said they are the same: ``same_school.py``); a preview keeps nothing."""
        pass

    def is_new_conflict(self, table: str, decision: Decision) -> bool:
        """False when this very conflict (the same losing version of the record) is kept already,
        here or earlier in the file: importing a file twice keeps it once."""
        loser = local_row(decision.local or {}) if decision.winner == "theirs" else decision.row
        key = (table, decision.row["id"], as_json(loser))
        if key in self._conflicts_seen:
            return False
        self._conflicts_seen.add(key)
        return self.conn.execute(
            "SELECT 1 FROM exchange_conflicts WHERE table_name = ? AND record_id = ? AND losing_json = ?", list(key)
        ).fetchone() is None

    def pending_decided(self, table: str, row: dict[str, Any]) -> bool:
        """True when a person has already accepted or rejected this very change."""
        return self.conn.execute(
            "SELECT 1 FROM pending_changes WHERE table_name = ? AND record_id = ? AND row_json = ? AND decision <> ''",
            [table, row["id"], as_json(row)],
        ).fetchone() is not None

    def pending_waiting(self, table: str, row: dict[str, Any]) -> bool:
        """True when this very change waits here already for a person (kept from an earlier file)."""
        return self.conn.execute(
            "SELECT 1 FROM pending_changes WHERE table_name = ? AND record_id = ? AND row_json = ? AND decision = ''",
            [table, row["id"], as_json(row)],
        ).fetchone() is not None

    def write(self, table: str, decisions: list[Decision]) -> None:
        """Write a batch of ``table``'s decisions; a preview writes nothing."""
        pass

    def finish(self) -> None:
        """What is written once the records are: a preview writes nothing."""
        pass


class WritingStore(Store):
    """An import's store: every decision written inside the caller's write transaction. The one
    write path of rows that come from elsewhere: a file's (:class:`~.merge.Merge`) and those of the
    changes that waited, judged again (``rejudge.py``, with no file: ``package`` None)."""

    writing = True

    def __init__(self, workspace: "Workspace", package: Package | None, travelling: dict[str, tuple[str, ...]]) -> None:
        super().__init__(workspace, package, travelling)
        # Rows are written table by table, parents first, so SQLite checks each reference as it is
        # written (deferring every check to COMMIT made SQLite look for waiting children at every
        # insert into a parent table, which doubled the cost of the inserts): a
        # first-use binding waits until its school's row is written; only a school typed here and
        # replaced by the school's own defers the checks (its records move before it goes).
        self._bindings: list[tuple[str, str, str, str]] = []
        self._stored_seals: set[str] = set()
        # Seals the rows written here were kept with before: dropped at the end when nothing names them.
        self._superseded: set[str] = set()
        self._sealed_by: dict[str, str | None] = {}  # a stored seal's id -> its installation
        self._updated: dict[str, set[str]] = {}  # table -> records updated: their kept versions may go
        self.now = now_iso()
        self.own = workspace.installation_id

    def bind_first_use(self, school_id: str, pairs: set[tuple[str, str]], how: str) -> None:
        """Bind the school to each pair (``how``: ``"first_use"``, ``"statement"`` or
        ``"same_school"``), once the batch that holds the school's row is written (:meth:`write`)."""
        for installation, fingerprint in sorted(pairs):
            self._bindings.append((school_id, installation, fingerprint, how))

    def bind_waiting(self, found: waiting.WaitingBinding, installation: str, fingerprint: str) -> str | None:
        """Bind the key to the school a person bound its prefix to (as ``bindings.bind`` by the full
        fingerprint does) and drop the waiting binding, now, before any record is decided."""
        school_id = waiting.school_here(self.conn, found.school_id)
        if school_id is not None:
            bindings.bind_key(self.conn, school_id, installation, fingerprint, self.own)
        waiting.remove(self.conn, found)
        return school_id

    def keep_mapping(self, mapping: same_school.Mapping, *, held: bool = True) -> None:
        """Keep the mapping as it came (``same_school.keep``), inside the import's transaction."""
        same_school.keep(self.conn, mapping, held=held)

    def issue_mapping(self, typed_id: str, code: str, school_id: str, rounds: list[tuple[str, str]]) -> None:
        """Sign this office's mapping with its key and keep it, inside the import's transaction."""
        same_school.keep(self.conn, same_school.verify(
            same_school.make(typed_id, code, school_id, rounds, self.own), self.source))

    def keep_statement(self, statement: statements.Statement, *, bind: bool) -> None:
        """Keep the statement as the school's latest; with ``bind``, replace the bindings learnt
        from the school's word or on first use by its owners (a person's own bindings stay)."""
        statements.keep(self.conn, statement)
        if bind:
            statements.bind_owners(self.conn, statement)

    def merge_statements(self, kept: statements.Statement, other: statements.Statement) -> None:
        """Bind the school to the keys either statement names (``statements.merge``)."""
        statements.merge(self.conn, kept, other, self.own)

    def replace_typed(self, table: str, typed_id: str, own_id: str) -> None:
        """Remove the record typed here (a network school; a round with its answers and attachment
        records, the history of its changes staying, append-only, and the visits, round events,
        review decisions and comments that named it pointed at the school's own round, which this
        import inserts next: references are checked at COMMIT)."""
        conn = self.conn
        if table == "network_schools":
            conn.execute("DELETE FROM network_schools WHERE id = ?", [typed_id])
            return
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for table_, column in append_only.KEPT_BY_ROUND:  # a visit's compared round, kept as its maker sealed it
            append_only.move_kept(conn, table_, column, own_id, typed_id)
        for table_, column in append_only.BY_ROUND:  # its events, decisions, comments (try11b F19)
            append_only.repoint(conn, table_, column, own_id, typed_id)
        conn.execute("DELETE FROM pending_edits WHERE answer_id IN (SELECT id FROM answers WHERE assessment_id = ?)",
                     [typed_id])
        conn.execute("DELETE FROM attachments WHERE assessment_id = ?", [typed_id])
        conn.execute("DELETE FROM answers WHERE assessment_id = ?", [typed_id])
        conn.execute("DELETE FROM assessments WHERE id = ?", [typed_id])

    def write(self, table: str, decisions: list[Decision]) -> None:
        """Write a batch of ``table``'s decisions inside the import's transaction: a typed school
        replaced first, then the inserts, the updates (every travelling column but ``id``, with
        the seal that covers the row), unchanged rows moved to a newer seal of the same signer, the
        losing sides of conflicts, the pending changes and the first-use bindings of the batch.

        Raises :class:`~.records.ExchangeError` when an insert meets a unique key another record
        here holds (the import then rolls back); other ``sqlite3`` errors propagate, and
        :func:`~.importer.apply_import` reports them as a
        :class:`~qualityschool_desktop.errors.StorageError` (busy, full disk, …) or, for a
        constraint the checks did not foresee, an :class:`~.records.ExchangeError`."""
        columns = self.travelling[table]
        names = ", ".join((*columns, "signed_set"))
        marks = ", ".join("?" for _ in range(len(columns) + 1))
        inserts: list[Decision] = []
        updates: list[Decision] = []
        others: list[Decision] = []  # unchanged, conflicts and pending changes, in the file's order
        for decision in decisions:  # one pass sorts them
            if decision.adopt:
                self._adopt(decision.adopt, decision.row)
            if decision.action == "insert":
                inserts.append(decision)
            elif decision.applies:
                updates.append(decision)
            if decision.action in ("unchanged", "conflict", "pending"):
                others.append(decision)
        if inserts:
            values = operator.itemgetter(*columns)
            try:
                self.conn.executemany(
                    f"INSERT INTO {table} ({names}) VALUES ({marks})",
                    [(*values(d.row), self._seal(d)) for d in inserts],
                )
            except sqlite3.IntegrityError:
                # A unique key (an answer's assessment and item, …) another record here holds.
                source = inserts[0].source or self.source
                raise ExchangeError(CLASH.format(kind=KIND_LABELS[table], source=source)) from None
        if updates:
            settable = [c for c in columns if c != "id"]
            self.conn.executemany(
                f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in settable)}, signed_set = ? WHERE id = ?",
                [[d.row[c] for c in settable] + [self._seal(d), d.row["id"]] for d in updates],
            )
            self._superseded.update(d.local["signed_set"] for d in updates if d.local and d.local["signed_set"])
            if table in _KEEPS_VERSIONS:
                self._updated.setdefault(table, set()).update(d.row["id"] for d in updates)
        resealed = [d for d in others if d.action == "unchanged" and self._resealable(d)]
        if resealed:
            # The same row under a newer seal of the signer that sealed it before: keep the newer.
            self._superseded.update(d.local["signed_set"] for d in resealed if d.local)
            self.conn.executemany(f"UPDATE {table} SET signed_set = ? WHERE id = ?",
                                  [[self._seal(d), d.row["id"]] for d in resealed])
        for decision in others:
            if decision.action == "conflict":
                self._conflict(table, decision)
            elif decision.action == "pending":
                self._pending(table, decision)
        # A row written here whose version descends from both sides of a conflict still open
        # closes it (an update, or the side in use of a new conflict): the database's trigger
        # does it for every write, as for a local one (migration 0010).
        for school_id, installation, fingerprint, how in self._bindings:
            bindings.add(self.conn, school_id, installation, fingerprint, how)
        self._bindings.clear()

    def has_seal(self, seal_id: str) -> bool:
        """True when the seal ``seal_id`` is stored here already (a waiting change's, judged again:
        ``rejudge.py``); a row written with it then names it as it is."""
        if seal_id in self._stored_seals:
            return True
        if self.conn.execute("SELECT 1 FROM seals WHERE id = ?", [seal_id]).fetchone() is None:
            return False
        self._stored_seals.add(seal_id)
        return True

    def _seal(self, decision: Decision) -> str | None:
        seal_id = decision.seal_id
        if seal_id is None or decision.signer == self.own:
            return None
        if seal_id not in self._stored_seals:
            seals.store(self.conn, self.seals[seal_id])
            self._stored_seals.add(seal_id)
        return seal_id

    def _resealable(self, decision: Decision) -> bool:
        """An unchanged row kept here with an older seal of the installation whose newer seal in
        this file covers it too (the row, compared column by column, is the one that seal holds)."""
        local, seal_id = decision.local, decision.seal_id
        if local is None or seal_id is None or decision.signer == self.own:
            return False
        old = local["signed_set"]
        if old is None or old == seal_id or self._sealer(old) != decision.signer:
            return False
        return all(local[key] == value for key, value in decision.row.items())

    def _sealer(self, seal_id: str) -> str | None:
        if seal_id not in self._sealed_by:
            row = self.conn.execute("SELECT installation_id FROM seals WHERE id = ?", [seal_id]).fetchone()
            self._sealed_by[seal_id] = str(row[0]) if row else None
        return self._sealed_by[seal_id]

    def _drop_superseded(self) -> None:
        """Delete the seals this import superseded that no record and no waiting change names any
        more (index lookups: the cost follows the seals superseded, not the database)."""
        named = " OR ".join(f"EXISTS (SELECT 1 FROM {table} WHERE signed_set = :id)" for table in TABLES)
        named += " OR EXISTS (SELECT 1 FROM pending_changes WHERE seal_id = :id AND decision = '')"
        named += " OR EXISTS (SELECT 1 FROM owner_versions WHERE seal_id = :id)"  # a relay's kept owner's version
        for seal_id in sorted(self._superseded - self._stored_seals):
            if not self.conn.execute(f"SELECT {named}", {"id": seal_id}).fetchone()[0]:
                self.conn.execute("DELETE FROM seals WHERE id = ?", [seal_id])

    def _conflict(self, table: str, decision: Decision) -> None:
        assert decision.local is not None
        record_conflict(self.conn, table, decision.local, decision.row, decision.winner, self.now,
                        decision.source or self.source, decision.signer)

    def _close_arrived(self) -> None:
        """A change that waited for a person and is now here as it was sent (its owner's file
        brought it, or a person re-bound a reinstalled supervisor's visits and the file came
        again) is no longer waiting: it is marked accepted. One query when nothing waits."""
        waiting = self.conn.execute(
            "SELECT id, table_name, record_id, row_json FROM pending_changes WHERE decision = ''").fetchall()
        for pending_id, table, record_id, row_json in waiting:
            columns = self.travelling.get(table)
            if not columns:
                continue
            found = self.conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", [record_id]).fetchone()
            if found is not None and as_json(dict(zip(columns, found))) == row_json:
                self.conn.execute("UPDATE pending_changes SET decision = 'accepted', decided_at = ? WHERE id = ?",
                                  [self.now, pending_id])

    def _pending(self, table: str, decision: Decision) -> None:
        row_json = as_json(decision.row)
        if self.conn.execute(
            "SELECT 1 FROM pending_changes WHERE table_name = ? AND record_id = ? AND row_json = ?",
            [table, decision.row["id"], row_json],
        ).fetchone():
            return
        fingerprint = self.keys[decision.signer][0] if decision.signer in self.keys else ""
        self.conn.execute(
            "INSERT INTO pending_changes (id, table_name, record_id, row_json, seal_id, signer_installation,"
            " signer_fingerprint, signer_name, reason, source_file, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [new_id(), table, decision.row["id"], row_json, self._seal(decision) or "", decision.signer, fingerprint,
             self.names.get(decision.signer, ""), decision.reason, decision.source or self.source, self.now],
        )

    def _adopt(self, old_id: str, row: dict[str, Any]) -> None:
        """A person said the school typed here (``old_id``) is the school in the file: replace the typed
        record (closing any conflict kept between the two), move its records and bindings to the
        school's own id, and remember the mapping for files that still name the old id."""
        new, table = row["id"], ROOT_TABLE  # rows of any table are copied alike, as in write()
        # The typed school's records move to the school's own id before its row is written.
        self.conn.execute("PRAGMA defer_foreign_keys = ON")
        # The person's decision replaces the typed record: nothing is left to choose between the two
        # (a conflict kept here could be settled only at the school's laptop, which never saw the
        # typed record: try27 F3), and one kept by an earlier program is closed by the decision.
        self.conn.execute(
            "UPDATE exchange_conflicts SET resolved = 1, resolved_at = ? WHERE resolved = 0 AND table_name = ?"
            " AND (record_id = ? OR record_id = ?) AND (json_extract(losing_json, '$.id') = ?"
            " OR json_extract(winning_json, '$.id') = ?)",
            [self.now, table, new, old_id, old_id, old_id],
        )
        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", [old_id])
        # Moving the typed school's records is this decision's, not a local edit of records another
        # key owns here (a school typed by another office, mapped by its typer's signed word).
        self.conn.execute("INSERT OR IGNORE INTO accepting_changes (record_id) VALUES (?)", [old_id])
        for table, column in SCHOOL_COLUMNS:
            self.conn.execute(
                f"UPDATE {table} SET {column} = ?, modified_at = ?, modified_by = ? WHERE {column} = ?",
                [new, self.now, self.own, old_id],
            )
        self.conn.execute("DELETE FROM accepting_changes WHERE record_id = ?", [old_id])
        for table, column in append_only.KEPT_BY_SCHOOL:  # visits, follow-ups: as their makers sealed them
            append_only.move_kept(self.conn, table, column, new, old_id)
        for table, column in append_only.BY_SCHOOL:  # the office's contact log, comments (try11b F19)
            append_only.repoint(self.conn, table, column, new, old_id)
        # A person's own bindings follow the school; those learnt with the typed record name its
        # typer (an office that typed it and mapped it by its signed word), never the school's owner.
        self.conn.execute(
            "INSERT OR IGNORE INTO school_signers (school_id, installation_id, fingerprint, how, bound_at)"
            " SELECT ?, installation_id, fingerprint, how, bound_at FROM school_signers WHERE school_id = ?"
            " AND how = 'by_hand'",
            [new, old_id],
        )
        self.conn.execute("DELETE FROM school_signers WHERE school_id = ?", [old_id])
        self.conn.execute("UPDATE OR REPLACE school_unbound SET school_id = ? WHERE school_id = ?", [new, old_id])
        self.conn.execute("UPDATE school_aliases SET school_id = ? WHERE school_id = ?", [new, old_id])
        self.conn.execute("INSERT OR REPLACE INTO school_aliases (old_id, school_id, decided_at) VALUES (?, ?, ?)",
                          [old_id, new, self.now])

    def finish(self) -> None:
        """Drop the seals this import superseded that nothing needs any more (a record kept with
        it, or a change waiting for a person), remember the keys the file named (bound to their
        installations) and when we last met the sender (for display: merges go by versions),
        inside the import's transaction."""
        assert self.package is not None, "a file's store"
        for installation, (fingerprint, _raw, key) in self.keys.items():
            signing.remember_signer(self.workspace, fingerprint, key, self.names.get(installation, ""), installation,
                                    own=self.own_fingerprint)
        # A version kept for an owner (relayed.py) whose record an owner's version replaced again goes.
        self._superseded |= relayed.drop_superseded(self.conn, self._updated)
        self._drop_superseded()
        self._close_arrived()
        manifest = self.package.manifest
        sender = manifest["exporter"]["installation_id"]
        if sender != self.own:
            self.conn.execute(
                "INSERT INTO exchange_log (installation_id, display_name, last_exported_at, last_imported_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (installation_id) DO UPDATE SET"
                " display_name = excluded.display_name, last_exported_at = excluded.last_exported_at,"
                " last_imported_at = excluded.last_imported_at"
                " WHERE excluded.last_exported_at > exchange_log.last_exported_at",
                [sender, manifest["exporter"]["name"], manifest["exported_at"], self.now],
            )


def record_conflict(conn: sqlite3.Connection, table: str, local: dict[str, Any], row: dict[str, Any], winner: str,
                    now: str, source_file: str, source_installation: str) -> None:
    """Keep both sides of a conflict on ``table``'s record in ``exchange_conflicts`` for the
    conflict list: ``local`` (the row here, with its ``signed_set``) and ``row`` (as sent);
    ``winner`` is ``"theirs"`` or ``"ours"`` (the side in use); ``now`` an ISO UTC stamp;
    ``source_file`` the file's name and ``source_installation`` its signer's installation id.
    Written by :meth:`WritingStore.write` (a file's conflict, or a waiting change's judged again)."""
    ours = local_row(local)
    loser, kept = (ours, row) if winner == "theirs" else (row, ours)
    conn.execute(
        "INSERT INTO exchange_conflicts (id, table_name, record_id, losing_json, winning_json, winner,"
        " detected_at, source_file, source_installation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [new_id(), table, row["id"], as_json(loser), as_json(kept), winner, now, source_file, source_installation],
    )
