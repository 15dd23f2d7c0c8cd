"""The same-school mappings a file carries, as a pass meets them (``merge.Merge``; ``same_school.py``).

A mapping says "the school I typed, ``typed_id``, is the school's own ``school_id``". A pass takes
one only from the typer of the record it maps (its signer owns the typed school here) or, where the
typed school was never seen, on the word of a signer known here before the file (for that file's
append-only rows only); the rows its author sealed under the typed ids
are then moved to the school's own (``lineage.Lineage.rewrite``), and a typed school here is
replaced by the school's own record as a person's "this is the same school" would. Split from
``merge.py`` by what it holds.
"""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any

from ..schools import code_and_name, has_alias_by_code
from ..thai import Own, Sentence
from . import advice, same_school, signing
from .lineage import fetch
from .records import ExchangeError

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .lineage import Lineage
    from .ownership import Ownership
    from .package import Package
    from .store import Store


class SameSchoolPass:
    """The mappings part of :class:`~.merge.Merge` (a mixin: Merge sets these attributes)."""

    conn: Any
    workspace: "Workspace"
    package: "Package"
    source: str
    store: "Store"
    owners: "Ownership"
    lineage: "Lineage"
    same_schools: set[str]
    vouched_keys: dict[str, set[str]]  # code -> the keys a person vouched for (same_school.Vouch)
    adopted: dict[str, tuple[str, list[str]]]
    tally: Any

    def _check_binding(self, installation: str, fingerprint: str, raw: bytes) -> bool:
        raise NotImplementedError  # Merge's

    def _load_mappings(self) -> None:
        """Verify the file's same-school mappings (a broken one refuses the file) and take them.

        A mapping of a school held here is taken only from a key that owns it here (else
        :data:`~.same_school.NOT_BY_TYPER` refuses the file) and makes the typed ids give way, now
        and in later files (kept *held*). One whose typed school was never seen here is believed
        only from a key bound here before this file (else :data:`~.same_school.STRANGER`, unless a
        person vouched for that key and its code: :meth:`_check_vouch`): it moves this file's append-only rows that name
        the typed ids and is kept only to relay them; it never makes an id give way. Either way the
        school and rounds it names must be here or in the file with the code it names
        (:data:`~.same_school.OTHER_CODE`, :data:`~.same_school.NO_TARGET`,
        :data:`~.same_school.OTHER_ROUND`). One that contradicts a mapping kept here (held or only
        relayed, whoever signed it) or a person's word here, or an earlier line of the file, refuses the
        file (:data:`~.same_school.OTHER_SCHOOL`) and changes nothing (retest27 N3)."""
        self.mapped: dict[str, same_school.Mapping] = {}  # typed school id -> the mapping taken
        self._mapped_codes: dict[str, str] = {}  # the school's own id -> the code its mappings name
        self._mapped_rounds: dict[str, str] = {}  # a round a mapping names, not here yet -> its school
        self._unmet_schools: set[str] = set()  # schools mappings name, neither here nor met in the file yet
        if same_school.MEMBER not in self.package.members:
            return
        said = self._said_here()
        lines = same_school.parse_member(self.package.read(same_school.MEMBER), self.source)
        verified = [same_school.verify(line, self.source) for line in lines]
        self._refuse_mixed_strangers(verified)
        for line, mapping in zip(lines, verified):
            first = self._check_binding(mapping.signer_installation, mapping.signer_fingerprint,
                                        base64.b64decode(line["signer_key"]))
            if mapping.signer_fingerprint == self.owners.own_fingerprint:
                continue  # this office's own word coming back: kept here already
            known = self.lineage.aliases.get(mapping.typed_id)
            typed = code_and_name(self.conn, mapping.typed_id)
            earlier = said.get(mapping.typed_id)
            if earlier is not None and earlier[0] != mapping.school_id:
                # a word kept here, held or only relayed, stands: even its own signer cannot move
                # the rows it moved elsewhere by a file (retest27 N3)
                raise self._other_school(mapping, earlier[1])
            said[mapping.typed_id] = (mapping.school_id, mapping.signer_fingerprint)
            groups = signing.fingerprint_groups(mapping.signer_fingerprint)
            held = typed is not None or known is not None
            if typed is not None:
                if not self.owners.is_owner(("school", mapping.typed_id), mapping.signer_installation):
                    raise ExchangeError(Sentence(same_school.NOT_BY_TYPER, source=self.source, code=Own(typed[0]),
                                                 groups=groups))
                if typed[0] != mapping.code:
                    raise ExchangeError(Sentence(same_school.OTHER_CODE, source=self.source, code=Own(typed[0]),
                                                 actual=Own(mapping.code)))
                self.mapped[mapping.typed_id] = mapping  # replaced when the school's own record is met
            elif not held:
                if first:
                    self._check_vouch(mapping)
                self.lineage.relay_aliases[mapping.typed_id] = mapping.school_id
                if earlier is None:  # said when the word is new here
                    self.tally.warnings.append(Sentence(same_school.BELIEVED, code=Own(mapping.code), groups=groups,
                                                        name=self._school_name(mapping.school_id) or Own(mapping.code)))
            own = code_and_name(self.conn, mapping.school_id)
            if own is not None and own[0] != mapping.code:
                raise ExchangeError(Sentence(same_school.OTHER_CODE, source=self.source, code=Own(mapping.code),
                                             actual=Own(own[0])))
            if own is None:
                self._unmet_schools.add(mapping.school_id)
            self._mapped_codes[mapping.school_id] = mapping.code
            self._check_rounds(mapping)
            if held:
                self.lineage.round_aliases.update(mapping.rounds)
            else:
                self.lineage.relay_round_aliases.update(mapping.rounds)
            self.store.keep_mapping(mapping, held=held)
            if mapping.code in self.same_schools and mapping.code not in self.tally.made_one:
                # a person's word for it was used, or not needed once the key is known (retest27 N4)
                self.tally.made_one.append(mapping.code)

    def _refuse_mixed_strangers(self, mappings: list[same_school.Mapping]) -> None:
        """Refuse (:class:`~.same_school.MixedSigners`) the file up front when mappings of one typed
        code never seen here are signed by more than one key this file shows here first: a person's
        vouch names one key per code, so asking for a phone call could not help (test28 N7)."""
        strangers: dict[str, list[str]] = {}
        for mapping in mappings:
            key = mapping.signer_fingerprint
            if (key == self.owners.own_fingerprint or mapping.typed_id in self.lineage.aliases
                    or code_and_name(self.conn, mapping.typed_id) is not None):
                continue  # this office's own word, or a typed record held here (its typer's alone)
            if self._check_binding(mapping.signer_installation, key, base64.b64decode(mapping.line["signer_key"])):
                keys = strangers.setdefault(mapping.code, [])
                if key not in keys:
                    keys.append(key)
        for code, keys in strangers.items():
            if len(keys) > 1:
                raise same_school.MixedSigners(self.source, code, tuple(keys),
                                               self.package.manifest["exporter"]["name"], self.package.fingerprint)

    def _said_here(self) -> dict[str, tuple[str, str]]:
        """Typed school id -> (the school's own id, whose word: the key that signed it, "" for a
        person's "same school" here), from every mapping kept here, held or only relayed."""
        said = {typed: (own, "") for typed, own in self.lineage.aliases.items()}
        for kept in same_school.all_kept(self.conn):
            said[kept.typed_id] = (kept.school_id, kept.signer_fingerprint)
        return said

    def _other_school(self, mapping: same_school.Mapping, held: str) -> ExchangeError:
        """The refusal of ``mapping``, which contradicts the word of ``held`` (a key's fingerprint;
        "" or this office's own: a person here) kept here: naming both keys, the sender of this file
        to check first, and the way to forget the held key (retest28 R1)."""
        code = Own(mapping.code)
        if held in ("", self.owners.own_fingerprint):
            return ExchangeError(Sentence(same_school.OTHER_SCHOOL, source=self.source, code=code,
                                          earlier=same_school.EARLIER_BY_PERSON))
        sender = self.package.fingerprint
        relay = (Sentence(same_school.RELAYED_BY, sender=signing.fingerprint_groups(sender))
                 if sender != mapping.signer_fingerprint else "")
        template = same_school.HELD_BY_SAME_KEY if held == mapping.signer_fingerprint else same_school.HELD_BY_KEY
        return advice.forget_refusal(template, self.workspace, source=self.source, code=code, relay=relay,
                                     held=signing.fingerprint_groups(held),
                                     new=signing.fingerprint_groups(mapping.signer_fingerprint))

    def _check_vouch(self, mapping: same_school.Mapping) -> None:
        """Refuse (:class:`~.same_school.UnknownSigner`) ``mapping``, signed by a key this file shows
        here first, unless a person vouched for that key and the mapping's code (a bare code in
        ``same_schools`` vouches for the first such key met for it: the one the refusal showed)."""
        keys = self.vouched_keys.get(mapping.code)
        if keys is None and mapping.code in self.same_schools:
            keys = self.vouched_keys[mapping.code] = {mapping.signer_fingerprint}
        if keys is None or mapping.signer_fingerprint not in keys:
            path = str(self.package.path)  # as the command line's advice names it (test29b B8)
            raise same_school.UnknownSigner(self.source, mapping.code, mapping.signer_fingerprint,
                                            vouched=min(keys) if keys else "", name=self._school_name(mapping.school_id),
                                            sender=self.package.manifest["exporter"]["name"],
                                            sender_fingerprint=self.package.fingerprint,
                                            db=advice.db_argument(self.workspace),
                                            file=f'"{path}"' if any(char.isspace() for char in path) else path)

    def _school_name(self, school_id: str) -> str:
        """The name of the school ``school_id`` here, else in the file ("" when in neither): what a
        person vouching for a mapping onto it reads (retest27 N5). Read for a refusal, or once for
        a word about a typed record never seen here (:data:`~.same_school.BELIEVED`)."""
        here = code_and_name(self.conn, school_id)
        if here is not None:
            return here[1]
        member = "records/schools.jsonl"
        if member in self.package.members:
            for raw in self.package.read(member).decode("utf-8", "replace").splitlines():
                try:
                    row = json.loads(raw)
                except ValueError:
                    return ""  # a damaged member is refused later, with its own reason
                if isinstance(row, dict) and row.get("id") == school_id and isinstance(row.get("name"), str):
                    return row["name"]
        return ""

    def mappings_met(self, table: str) -> None:
        """After ``table``'s rows: refuse (:data:`~.same_school.NO_TARGET`) a mapping whose school
        or rounds are neither here nor in the file."""
        unmet = self._unmet_schools if table == "schools" else set(self._mapped_rounds.values())
        if table in ("schools", "assessments") and unmet:
            code = self._mapped_codes.get(min(unmet), "")
            raise ExchangeError(Sentence(same_school.NO_TARGET, source=self.source, code=Own(code)))

    def _check_rounds(self, mapping: same_school.Mapping) -> None:
        """Refuse (:data:`~.same_school.OTHER_ROUND`) a mapping whose rounds are not the typed
        school's and the school's own: a typed round here must be the typed school's (or moved to
        the school's own already), a round of the school's own here must be its own, and one in
        this file too (:meth:`check_mapped_round`)."""
        wanted = {typed: mapping.typed_id for typed, _own in mapping.rounds}
        wanted.update((own, mapping.school_id) for _typed, own in mapping.rounds)
        found = fetch(self.conn, "assessments", "id", list(wanted), ("id", "school_id"))
        for round_id, row in found.items():
            school = row["school_id"]
            typed_round = wanted[round_id] == mapping.typed_id
            if (typed_round and school not in (mapping.typed_id, mapping.school_id)) or (
                not typed_round and school != mapping.school_id
            ):
                raise ExchangeError(Sentence(same_school.OTHER_ROUND, source=self.source, code=Own(mapping.code)))
        self._mapped_rounds.update((own, mapping.school_id) for _typed, own in mapping.rounds if own not in found)

    def check_mapped_round(self, row: dict[str, Any]) -> None:
        """Refuse (:data:`~.same_school.OTHER_ROUND`) a round in this file that a mapping taken from
        it names as the school's own when it is another school's."""
        school = self._mapped_rounds.pop(row["id"], None)
        if school is not None and row["school_id"] != school:
            raise ExchangeError(Sentence(same_school.OTHER_ROUND, source=self.source,
                                         code=Own(self._mapped_codes.get(school, ""))))

    def check_mapped_code(self, row: dict[str, Any]) -> None:
        """Refuse (:data:`~.same_school.OTHER_CODE`) a school's record met in the file when a
        mapping taken from it names the school under another code."""
        self._unmet_schools.discard(row["id"])
        mapped = self._mapped_codes.get(row["id"])
        if mapped is not None and mapped != row["code"]:
            raise ExchangeError(Sentence(same_school.OTHER_CODE, source=self.source, code=Own(mapped),
                                         actual=Own(row["code"])))

    def mapped_onto(self, typed_id: str, school_id: str) -> bool:
        """True when a mapping taken from this file says the school typed here (``typed_id``) is
        ``school_id`` (the school's own record, met now): it then replaces the typed one."""
        mapping = self.mapped.get(typed_id)
        return mapping is not None and mapping.school_id == school_id

    def mapped_warning(self, typed_id: str) -> str:
        """The Thai line saying that the school typed here (``typed_id``) gave way to the school's
        own record on its typer's signed word (:data:`~.same_school.MAPPED`)."""
        mapping = self.mapped[typed_id]
        return Sentence(same_school.MAPPED, code=Own(mapping.code), source=self.source,
                        name=self.owners.name(mapping.signer_installation),
                        groups=signing.fingerprint_groups(mapping.signer_fingerprint))

    def _issue_mappings(self, typed_rounds: dict[str, list[tuple[str, str]]]) -> None:
        """After a pass in which a person said schools typed here are the schools in the file:
        sign this office's mapping of each (with the typed rounds that gave way) and keep it, so
        rows others sealed about the typed records can be relayed (an import; a preview keeps none).
        A code a person names again after that decision was taken is counted as taken (try27 F6)."""
        for code in self.same_schools - set(self.tally.made_one):
            if has_alias_by_code(self.conn, code):
                self.tally.made_one.append(code)
        for school_id, (code, typed_ids) in self.adopted.items():
            for typed_id in typed_ids:
                if typed_id in self.mapped:
                    continue  # taken from the typer's own mapping: relayed as it came
                self.store.issue_mapping(typed_id, code, school_id, typed_rounds.get(school_id, []))
