"""Deciding what happens to each incoming record, as the file streams by (preview and import alike).

Tables are read in :data:`~.records.TABLES` order, so a row's parents (its school, assessment or
visit) are decided before it (``lineage.py``); rows go in batches, each batch's local rows fetched in
one query. For each row:

1. **Who vouches for it**: the installations whose verified seals hold its digest (``seals.py``).
   None: the file is refused. A history row or visit event must be vouched for by the installation
   it names, or the file is refused.
2. **Who owns it** (``ownership.py``): a signer that owns the row as it is here and as it arrives
   may change it; this installation's own signature always may. A school's owners come from the
   school's own signed statement that the file carries (``statements.py``): the first file that
   brings a school binds it to the keys its statement names (a file from before statements: to the
   key that made and sealed its record), never to a relay's key; a later statement counts only
   when a key owning the school here signed it.
3. **What happened** (``versions.py``): new → insert; theirs descends from ours → update; ours
   descends from theirs → older, nothing; concurrent → a conflict, both kept, the higher-ranked in
   use (of the same content: no conflict, ``equal_sides.py``). A change by a key that does not own the record, or whose parent waits, is *pending*: kept
   for a person, not applied.
4. **Rules across machines** (``rules.py``): stamps, final visits, ids and keys once; no import
   marks a school as demo data in a real database; a school whose code a record here has under
   another id is refused unless a person said they are the same (then the one typed here is
   replaced by the school's own, its records following; so does the signed word of the office
   that typed it, ``same_school.py``, which also moves the rows others sealed about the typed
   record, and makes the typed round's copies older).

The decisions go to a ``store`` (``store.py``), which writes them (an import) or only counts (a preview).
"""

from __future__ import annotations

import base64
import hashlib
import operator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Collection

from ..ids import is_derived
from ..thai import Sentence
from . import reading, seals, signing, statements, versions, waiting
from .decision import is_deleted
from .lineage import CODED, Lineage, fetch
from .merge_decide import DecidePass, own_missing_warnings
from .merge_same_school import SameSchoolPass
from .merge_statements import StatementsPass
from .ownership import Ownership, Vouch, vector
from .owners import NAMED_BY, ROOTS
from .package import Package
from .records import (
    APPEND_ONLY, REFERENCES, TABLES, TIMESTAMP_COLUMNS, UNIQUE_KEYS, ExchangeError, travelling_columns,
)
from .relayed import RelayedPass, overlay
from .refusals import FORGED_HISTORY, NO_ROOM, TYPED_GIVES_WAY, UNKNOWN_FRAMEWORK, UNSIGNED, Described, describe
from .results import ConflictInfo, KindCounts, MadeSame, PendingInfo, SameSchool
from .rules import Rules
from .same_school import REPOINTED, TYPED_ROUND_PARTS, split_vouches, Vouch as KeyVouch
from .store import Decision, Store, as_json

if TYPE_CHECKING:
    from ..workspace import Workspace

BATCH_ROWS = 500
BATCH_BYTES = 4 * 1024 * 1024

@dataclass
class Tally:
    """What a pass found, for the preview and the import's result: per table the counts of new,
    updated, unchanged, older, conflicting and pending rows; the conflicts and pending changes to
    show; clock warnings (Thai); schools whose code a record here has under another id; the codes
    of schools bound on first use; and the digests of the attachment contents the kept rows need."""

    counts: dict[str, KindCounts] = field(default_factory=lambda: {table: KindCounts() for table in TABLES})
    conflicts: list[ConflictInfo] = field(default_factory=list)
    pending: list[PendingInfo] = field(default_factory=list)
    already_waiting: list[tuple[str, str]] = field(default_factory=list)  # (table, id) waiting here already
    warnings: list[str] = field(default_factory=list)
    same_schools: list[SameSchool] = field(default_factory=list)
    first_use: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code -> the fingerprints bound
    # (the key's 8 groups, the school's code) of bindings by the 8 groups that a key of this file answers
    bound_waiting: list[tuple[str, str]] = field(default_factory=list)
    made_one: list[str] = field(default_factory=list)  # codes named by same_schools that a school here took
    # code -> the fingerprints a school made one with its typed record is bound to (s33 exB T11: the
    # card still names the school that sent the file, and whose key the school is bound to)
    same_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    made_same: list[MadeSame] = field(default_factory=list)  # the typed schools given way, what moved
    stored_files: set[str] = field(default_factory=set)  # attachment contents the kept rows need
    own_fingerprint: str = ""  # this installation's key, as read once for the pass
    # (what became of it: "insert", "update", "unchanged", …; code; name) per school record of the
    # file, so a result names schools, not only files and counts (TEST30a B3)
    schools: list[tuple[str, str, str]] = field(default_factory=list)
    # school id -> how many of its records wait as a relay's change with no version of them here (retest30 N6)
    own_missing: dict[str, int] = field(default_factory=dict)
    # rows the file applies that are exactly changes a person rejected here (its signer has become
    # the record's owner since: the import applies them as the owner's; RETEST31 R3)
    overrides_rejected: int = 0
    # the area offices (as stored) whose review or budget decisions signed by the file's own key
    # wait here only because that key is not bound as their office (s32 B20: the preview offers the tick)
    office_waits: list[str] = field(default_factory=list)
    # review and budget decisions signed by the file's own key that apply (s33: after the preview's
    # office tick bound that key, the result says how many of the office's decisions it applied)
    office_decided: int = 0
    # The file's new reopens of confirmed visits its owners vouch for, as rows (revised.py: C3)
    reopens: list[dict[str, Any]] = field(default_factory=list)
    # The file's visit rows that delete a visit here (its maker's deletion applied; removed.py: TEST35 T1)
    removed_visits: list[dict[str, Any]] = field(default_factory=list)


_OFFICE_DECIDES = ("review_decisions", "budget_decisions")  # an area office's decisions (s32 B20)


class Merge(StatementsPass, SameSchoolPass, DecidePass, RelayedPass):
    """One pass over a file's records: decide each, and hand the decisions to ``store``."""

    def __init__(self, workspace: "Workspace", package: Package, store: Store, *,
                 same_schools: Collection["str | KeyVouch"] = ()) -> None:
        self.workspace = workspace
        self.conn = workspace.db.conn
        self.package = package
        self.source = package.path.name
        self.store = store
        self.same_schools, self.vouched_keys = split_vouches(same_schools)
        self.travelling = store.travelling  # the importer's travelling_columns, read once for the file
        self.tally = Tally(own_fingerprint=signing.own_fingerprint())  # the key is read once per file
        # Whether this is a demo database: asked only when a school marked demo arrives (the
        # question reads the schools here whole: asked per file, it grew with the district).
        self._demo_database: bool | None = None
        self._rejected_here: dict[str, dict[str, set[str]]] | None = None  # read when first needed
        self.lineage = Lineage(self.conn, workspace.frameworks, self.source)
        self.owners = Ownership(self.conn, workspace.installation_id, self.tally.own_fingerprint, self.lineage)
        self.workspace_installation = workspace.installation_id  # "this laptop" in a conflict's line
        self.rules = Rules(self.source, self.lineage, self.tally.warnings, self._owns_visit)
        # A digest's first 16 bytes -> the seals (indexes) that hold it: 2**128 work to match one.
        self.vouching: dict[bytes, Any] = {}
        self.seal_list: list[seals.Seal] = []
        self._vouches: dict[Any, Vouch] = {}
        # The schools' own statements of their keys (statements.py): taken in this file for schools
        # known here, and waiting for their school's record for schools new here.
        self.statements: dict[str, statements.Statement] = {}
        self.candidates: dict[str, statements.Statement] = {}
        # Schools whose record replaced one typed here in this pass: id -> (code, the typed ids).
        self.adopted: dict[str, tuple[str, list[str]]] = {}
        self.typed_rounds: dict[str, list[tuple[str, str]]] = {}  # school id -> (typed round, own) given way
        self._bindings_checked: dict[tuple[str, str], bool] = {}  # (installation, fingerprint) -> first seen
        # The owners' versions a relay's file carries, applied in this pass (relayed.py): what the
        # relay's versions meet in a preview.
        self.relayed_applied: dict[str, dict[str, dict[str, Any]]] = {}

    def run(self, progress: Callable[[], None] | None = None) -> Tally:
        """Check the file's keys and seals, then decide every row, table by table in
        :data:`~.records.TABLES` order, handing each batch's decisions to the store;
        ``progress()`` is called after each table. Returns the :class:`Tally`.

        Raises :class:`~.records.ExchangeError` (nothing written: the import's transaction is
        rolled back) for a key bound to another installation, a seal that does not verify, a row
        no seal vouches for, forged history, a stamp in the future, demo data bound for a real
        database, an unknown framework, a dangling reference, a changed final visit without its
        owner's reopen, a record twice, a unique key another record holds, or a school code taken
        here (an import, unless ``same_schools`` names it)."""
        self._load_keys()
        self._prescan_reopens()
        for table in TABLES:
            self.relayed_table(table)  # the owners' versions a relay carries, before its own (relayed.py)
            self._table(table)
            self.mappings_met(table)
            if progress is not None:
                progress()
        self._issue_mappings(self.typed_rounds)
        if self.tally.own_missing:
            self.tally.warnings.extend(own_missing_warnings(self, self.lineage_codes()))
        return self.tally

    def lineage_codes(self) -> dict[str, str]:
        """School id -> code of the schools the file's records met (read for a warning only)."""
        ids = list(self.tally.own_missing)
        found = self.workspace.schools.by_ids(ids)
        codes = {school_id: school.code for school_id, school in found.items()}
        for _number, row, _size in reading.rows(self.package, "schools", self.travelling["schools"]) \
                if any(school_id not in codes for school_id in ids) else ():
            if row["id"] in self.tally.own_missing:
                codes.setdefault(row["id"], str(row["code"]))
        return codes

    # -- keys and seals -------------------------------------------------------------------------
    def _load_keys(self) -> None:
        """Check every key the file names against the bindings here (a key signs for one
        installation), then verify every seal."""
        manifest = self.package.manifest
        keys = self.owners.keys
        for installation, key in manifest["keys"].items():
            raw = base64.b64decode(key)
            fingerprint = hashlib.sha256(raw).hexdigest()
            first = self._check_binding(installation, fingerprint, raw)
            keys[installation] = (fingerprint, raw, key)
            if first and not is_derived(installation):
                name = manifest["exporter"]["name"] if installation == manifest["exporter"]["installation_id"] else ""
                self.tally.warnings.append(signing.FIRST_SEEN.format(
                    installation=installation[:8], name=name[:60] or "-", groups=signing.fingerprint_groups(fingerprint)))
        exporter = manifest["exporter"]
        self.owners.names[exporter["installation_id"]] = exporter["name"]
        for number, line in reading.lines(self.package, seals.MEMBER, "ลายเซ็น"):
            shape = seals.check_shape(reading.parse(self.package, "ลายเซ็น", number, line), self.source)
            installation = shape["installation_id"]
            if installation not in keys:
                raise ExchangeError(seals.NO_KEY.format(source=self.source, installation=installation[:8]))
            self.rules.check_stamp(shape["made_at"], "การลงนาม")
            seal = seals.verify(shape, keys[installation][1], self.source)
            del shape, line  # the seal keeps its digests once, as bytes
            index = len(self.seal_list)
            self.seal_list.append(seal)
            raw = seal.raw
            prefixes = [raw[start : start + 16] for start in range(0, len(raw), 32)]  # seal.digests()' prefixes
            if self.vouching.keys().isdisjoint(prefixes):  # the usual seal: its rows vouched for by it alone
                self.vouching.update(dict.fromkeys(prefixes, index))
                continue
            for prefix in prefixes:
                held = self.vouching.get(prefix)
                if held is None:
                    self.vouching[prefix] = index
                elif isinstance(held, list):
                    held.append(index)  # amortised O(1): no tuple copied per seal (try10 #10)
                else:
                    self.vouching[prefix] = [held, index]
        for prefix, held in self.vouching.items():
            if isinstance(held, list):
                self.vouching[prefix] = tuple(held)  # hashable: the key of the Vouch made once per set
        self.store.keep_keys(keys, self.owners.names, self.seal_list, self.owners.own_fingerprint)
        self._answer_waiting()
        self.rules.check_export_time(manifest["exported_at"], exporter["name"])
        self._load_statements()
        self._load_mappings()

    def _answer_waiting(self) -> None:
        """Bindings by the 8 groups that waited for a key this file names (``waiting.py``): the
        key owns the school from now on, before any record or statement is decided."""
        installation_of = {fp: inst for inst, (fp, _raw, _key) in self.owners.keys.items()
                           if fp != self.owners.own_fingerprint}
        for found, fingerprint in waiting.matching(self.conn, installation_of):
            school_id = self.store.bind_waiting(found, installation_of[fingerprint], fingerprint)
            if school_id is not None:
                self.owners.add_binding(school_id, (installation_of[fingerprint], fingerprint))
                code = self.workspace.schools.by_ids([school_id])[school_id].code
                self.tally.bound_waiting.append((signing.fingerprint_groups(fingerprint), code))

    def _check_binding(self, installation: str, fingerprint: str, raw: bytes) -> bool:
        """``signing.check_binding`` once per (installation, key) in this file (the file's key
        signs its statements too: the same pair, the same tables, the same answer), with this
        installation's fingerprint read once (the key store is asked once per file)."""
        pair = (installation, fingerprint)
        first = self._bindings_checked.get(pair)
        if first is None:
            first = self._bindings_checked[pair] = signing.check_binding(
                self.workspace, installation, fingerprint, self.source, raw, own=self.owners.own_fingerprint)
        return first

    def _vouch(self, table: str, row: dict[str, Any], line: bytes | None = None) -> Vouch:
        # The line as read first (an export writes the canonical form), else the row encoded again.
        held = None if line is None else self.vouching.get(seals.line_digest(table, line)[:16])
        if held is None:
            held = self.vouching.get(seals.row_digest(table, row)[:16])
        if held is None:
            raise ExchangeError(Sentence(UNSIGNED, what=Described(table, row), source=self.source))
        vouch = self._vouches.get(held)
        if vouch is None:  # one per set of seals: a file's rows share a few
            found = [self.seal_list[i] for i in (held if isinstance(held, tuple) else (held,))]
            vouch = self._vouches[held] = Vouch(tuple(seal.installation_id for seal in found),
                                                tuple(seal.id for seal in found))
        return vouch

    def _owns_visit(self, maker: str, installation: str) -> bool:
        return self.owners.is_owner(("visit_maker", maker), installation)

    def _prescan_reopens(self) -> None:
        """The visits this file reopens: new ``reopened`` events vouched for by the installation
        that recorded them (a final visit here may change only with one, by its owner)."""
        found: dict[str, tuple[str, str]] = {}
        rows: dict[str, dict[str, Any]] = {}
        for _number, row, _size in reading.rows(self.package, "visit_events", self.travelling["visit_events"]):
            if row["event"] == "reopened" and row["happened_by"] in self._vouch("visit_events", row).installations:
                found[row["id"]] = (row["visit_id"], row["happened_by"])
                rows[row["id"]] = row
        known = fetch(self.conn, "visit_events", "id", list(found), ("id",))
        self.rules.reopened = {pair for event_id, pair in found.items() if event_id not in known}
        self.tally.reopens = [row for event_id, row in rows.items() if event_id not in known]

    # -- the pass ------------------------------------------------------------------------------
    def check_row(self, table: str, row: dict[str, Any]) -> None:
        """The checks :meth:`_table` makes of each row as read (inline there), for a row read
        elsewhere (an owner's version a relay carries): room in its version for this
        installation's next change, its stamps, its framework."""
        if table not in APPEND_ONLY and not versions.has_room(vector(row), self.workspace.installation_id):
            raise ExchangeError(Sentence(NO_ROOM, what=Described(table, row), source=self.source))
        for column in self.travelling[table]:
            if (column in TIMESTAMP_COLUMNS and (row[column] or "") > self.rules.latest_text
                    and self.rules.in_future(row[column])):
                self.rules.check_stamp(row[column], Described(table, row))
        if table in ("assessments", "visits") and not self.workspace.frameworks.has(
                row["framework_id"], row["framework_version"]):
            raise ExchangeError(UNKNOWN_FRAMEWORK.format(
                source=self.source, framework=row["framework_id"][:40], version=row["framework_version"][:20]))

    def _table(self, table: str) -> None:
        batch: list[dict[str, Any]] = []
        vouches: list[Vouch] = []
        size = 0
        stamps = [column for column in self.travelling[table] if column in TIMESTAMP_COLUMNS]
        roomy: set[str] = set()  # version texts with room for this installation's next change
        own = self.workspace.installation_id
        versioned = table not in APPEND_ONLY
        framed = table in ("assessments", "visits")
        rules = self.rules
        in_future, latest = rules.in_future, rules.latest_text  # looked up once, not per row
        seen_ids = rules.ids_of(table)  # rules.check_new_id inline: an id once in the file
        vouching, known_vouches, sha256, frame = self.vouching, self._vouches, hashlib.sha256, seals.frame(table)
        for number, row, line in reading.rows_with_lines(self.package, table, self.travelling[table]):
            id_key = hash((row["id"],))
            if id_key in seen_ids:
                rules.check_new_id(table, number, row["id"])  # raises, naming the line
            seen_ids.add(id_key)
            if versioned and row["version"] not in roomy:
                if not versions.has_room(vector(row), own):
                    raise ExchangeError(Sentence(NO_ROOM, what=Described(table, row), source=self.source))
                if len(roomy) < 4096:
                    roomy.add(row["version"])
            for column in stamps:  # stamps sort as text: only one later than the clock is parsed
                if (row[column] or "") > latest and in_future(row[column]):  # a null stamp (0036): none
                    rules.check_stamp(row[column], Described(table, row))
            if framed and not self.workspace.frameworks.has(row["framework_id"], row["framework_version"]):
                raise ExchangeError(UNKNOWN_FRAMEWORK.format(
                    source=self.source, framework=row["framework_id"][:40], version=row["framework_version"][:20]))
            batch.append(row)
            # The usual case of _vouch inline: the line as read is the canonical text a seal holds,
            # and its set of seals has been met already.
            held = vouching.get(sha256(frame + line + b"]").digest()[:16])  # seals.line_digest inline
            vouch = None if held is None else known_vouches.get(held)
            vouches.append(vouch if vouch is not None else self._vouch(table, row, line))
            size += len(line)
            if len(batch) >= BATCH_ROWS or size >= BATCH_BYTES:
                self._batch(table, batch, vouches)
                batch, vouches, size = [], [], 0
        if batch:
            self._batch(table, batch, vouches)

    def _batch(self, table: str, batch: list[dict[str, Any]], vouches: list[Vouch]) -> list[Decision]:
        named = NAMED_BY.get(table)
        for row, vouch in zip(batch, vouches):
            if named and row[named] not in vouch.installations:
                raise ExchangeError(Sentence(FORGED_HISTORY, what=Described(table, row), source=self.source,
                                             named=signing.laptop_named(self.workspace, str(row[named]))))
        if self.lineage.aliases or self.lineage.round_aliases or self.lineage.relay_aliases:
            moved = [self.lineage.rewrite(table, row) for row in batch]
        else:
            moved = [False] * len(batch)  # no school of this office was ever mapped: nothing to rewrite
        self.lineage.prefetch_for(table, batch)
        # One query says which rows this database holds; the rest are new here and decided set-wise
        # (_decide_new); only rows held here go through the comparison of versions.
        local = fetch(self.conn, table, "id", [row["id"] for row in batch], self.travelling[table] + ("signed_set",))
        if self.relayed_applied.get(table) and not self.store.writing:  # an import wrote them already
            overlay(self.relayed_applied[table], local, lambda: [row["id"] for row in batch])
        if self.adopted and table in REPOINTED:  # rows here on a typed record that gives way move with it
            for here_row in local.values():  # (written by an import already; a preview compares so: try27 F3b)
                self.lineage.rewrite(table, here_row)
        decisions = []
        simple = table != "schools" and not (table in TYPED_GIVES_WAY and self.adopted)
        new_count = deleted_count = 0
        groups: dict[tuple[Any, ...], tuple[bool, str, str | None]] = {}
        if table == "assessments" and self._mapped_rounds:
            for row in batch:
                self.check_mapped_round(row)
        gone = self.lineage.round_aliases  # typed rounds that gave way: their copies are older
        part = TYPED_ROUND_PARTS.get(table) if gone else None
        rejected = self.rejected_of(table)
        exporter = self.package.manifest["exporter"]["installation_id"]
        for row, vouch, rewritten in zip(batch, vouches, moved):
            here = local.get(row["id"])
            if part is not None and row[part] in gone:
                decisions.append(Decision("older", row, here))
                self.tally.counts[table].older += 1
                continue
            decision = self._decide_new(table, row, vouch, rewritten, groups) if here is None and simple else None
            if decision is None:
                decision = self._decide(table, row, here, vouch, rewritten)
                self._count(table, decision)
            else:
                new_count += 1
                if rejected and row["id"] in rejected and as_json(row) in rejected[row["id"]]:  # RETEST31 R3
                    self.tally.overrides_rejected += 1
                deleted_count += is_deleted(row)  # a deletion that travels: nothing to show (T12)
                if table == "comments" and row.get("follow_up_id") and row.get("deleted") != 1:
                    self.tally.counts[table].new_on_follow_ups += 1  # a reply, named (TEST34C C9)
            if table in _OFFICE_DECIDES and decision.applies and decision.signer == exporter:
                self.tally.office_decided += 1  # s33: an office's decision the import applies, its own file's
            decisions.append(decision)
        self.tally.counts[table].new += new_count
        self.tally.counts[table].new_deleted += deleted_count
        self.store.write(table, decisions)
        return decisions

    def _decide_new(self, table: str, row: dict[str, Any], vouch: Vouch, moved: bool,
                    groups: dict[tuple[Any, ...], tuple[bool, str, str | None]]) -> Decision | None:
        """:meth:`_decide` for a row nothing here holds, in a table other than schools (whose
        first use binds keys) with no typed record giving way: an insert, with every check of
        :meth:`_decide` that an insert meets. None when the row waits as pending (its parent
        waits, or its signer does not own it): :meth:`_decide` then says why.

        What follows only from the row's parents, its root column and the seals that vouch for it
        (the references, the owner, a final visit) is worked out once per such group of the batch
        (``groups``), for its first row, which is where :meth:`_decide` would refuse too; the
        row's own codes, ids and keys are checked row by row."""
        what = Described(table, row)
        key = (id(vouch), _GROUPED_BY[table](row))
        known = groups.get(key)
        if known is None:
            waiting = self.lineage.check_references(table, row)
            owner_ok, signer, seal_id = self.owners.owner(table, row, None, vouch)
            if waiting or not owner_ok:
                return None
            self.lineage.check_codes(table, row)
            self.rules.check_final_visit(table, row, None, what)  # type: ignore[arg-type]
            known = groups[key] = (True, signer, seal_id)
        elif table in CODED:
            self.lineage.check_codes(table, row)
        _ok, signer, seal_id = known
        self.rules.check_budget_decision(self.conn, table, row, what)
        self.rules.check_project_dates(table, row, what)
        # A row moved by a same-school mapping keeps the seal over the form its author sealed
        # (same_school.py: the export puts the typed ids back); others moved are this laptop's word.
        decision = Decision("insert", row, None, signer=signer,
                            seal_id=None if moved and table not in REPOINTED else seal_id)
        if table in self.lineage.parents:
            self.lineage.remember(table, row, None, applied=True, incoming=True)
        if table in UNIQUE_KEYS:
            self.rules.check_unique(self.conn, table, row, None, what,  # type: ignore[arg-type]
                                    here_too=not self.store.writing)
        if table in ("attachments", "visit_attachments"):
            self.tally.stored_files.add(row["sha256"])
        return decision


# The columns a new row's group shares (Merge._decide_new): its references and its root's column.
# A row's parents and root column, as one value: the key of its group in _decide_new.
_GROUPED_BY: dict[str, Callable[[dict[str, Any]], Any]] = {
    table: operator.itemgetter(*dict.fromkeys((*(column for column, _target in REFERENCES.get(table, ())),
                                               *((ROOTS[table],) if table in ROOTS else ()))))
    for table in TABLES
}
_GROUPED_BY["projects"] = operator.itemgetter("school_id", "area_office")  # an office's own: by office too


__all__ = ["Merge", "Tally", "describe"]
