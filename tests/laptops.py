"""Separate installations for exchange tests, and hand-made (forged) exchange files.

A :class:`Laptop` is one installation: its own data folder (so its own installation id and its own
signing key, see ``paths.DATA_DIR_ENV``) and its own database file. Every method switches the data
folder first, so laptops can take turns in one test.

The forging helpers build files the way an adversary with a key of their own would: they read a
real file's members, change records, seal every record anew with the key of the laptop acting now
and sign the manifest with it, claiming whatever installation they like.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import uuid
import zipfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.paths import DATA_DIR_ENV
from qualityschool_desktop.workspace import Workspace

Members = dict[str, bytes]

CODE_A = "6301000001"
CODE_B = "6301000002"
NAME_A = "โรงเรียนบ้านแม่สอด"
NAME_B = "โรงเรียนบ้านพบพระ"


class Laptop:
    """One installation: a data folder (id and key) and a database."""

    def __init__(self, name: str, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.name = name
        self.data = root / f"{name}-data"
        self.data.mkdir(parents=True, exist_ok=True)
        self.db = root / f"{name}.sqlite3"
        self.root = root
        self._monkeypatch = monkeypatch

    def activate(self) -> None:
        self._monkeypatch.setenv(DATA_DIR_ENV, str(self.data))

    def use_legacy_id(self) -> str:
        """Give this laptop, before its first use, an installation id of the old random form (a
        version-4 UUID, from before ids were derived from the key): such ids are trusted on first use."""
        value = str(uuid.uuid4())
        (self.data / "installation-id").write_text(value, encoding="ascii")
        return value

    @contextmanager
    def open(self) -> Iterator[Workspace]:
        self.activate()
        with Workspace.open(self.db, create=True) as workspace:
            yield workspace

    @contextmanager
    def _briefly(self) -> Iterator[None]:
        """Act as this laptop for a moment, then give the turn back to whoever had it."""
        before = os.environ.get(DATA_DIR_ENV)
        self.activate()
        try:
            yield
        finally:
            if before is None:
                self._monkeypatch.delenv(DATA_DIR_ENV, raising=False)
            else:
                self._monkeypatch.setenv(DATA_DIR_ENV, before)

    @property
    def installation_id(self) -> str:
        from qualityschool_desktop.workspace import installation_id

        with self._briefly():
            return installation_id()

    @property
    def fingerprint(self) -> str:
        from qualityschool_desktop.exchange import signing

        with self._briefly():
            return signing.own_fingerprint()

    def export(self, name: str, **scope: Any) -> Path:
        with self.open() as workspace:
            return exchange.export_file(workspace, self.root / "files" / name, **scope).path

    def import_(self, path: Path, **options: Any) -> Any:
        with self.open() as workspace:
            return exchange.apply_import(workspace, path, **options)

    def preview(self, path: Path, **options: Any) -> Any:
        with self.open() as workspace:
            return exchange.preview_import(workspace, path, **options)


Laptops = Callable[[str], "Laptop"]  # the ``laptops`` fixture: a laptop by name, made on first use


@pytest.fixture
def laptops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Laptop]:
    made: dict[str, Laptop] = {}

    def laptop(name: str) -> Laptop:
        if name not in made:
            made[name] = Laptop(name, tmp_path, monkeypatch)
        return made[name]

    return laptop


def start_school(workspace: Workspace, code: str = CODE_A, name: str = NAME_A, *, levels: int = 3) -> dict[str, str]:
    """A school with a draft self-assessment of fiscal year 2568 and ``levels`` items answered (level 3)."""
    school = workspace.schools.add(code=code, name=name, district="แม่สอด", province="ตาก", level="primary", pupils=120)
    assessment = workspace.assessments.start(school.id, 2568)
    items = workspace.frameworks.latest().items
    for item in items[:levels]:
        workspace.answers.set_level(assessment.id, item.code, 3)
    workspace.answers.flush_pending()
    return {"school": school.id, "assessment": assessment.id, "item": items[0].code, "item2": items[1].code}


def school_and_district(laptops: Laptops) -> tuple[Laptop, Laptop, dict[str, str], Path]:
    """School A's laptop makes its data (:func:`start_school`) and sends it; the district imports it
    (binding A's key). Returns the two laptops, the ids and the file."""
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    first = school.export("a-1.qsx", school_codes=[CODE_A])
    district.import_(first)
    return school, district, ids, first


def two_laptops_of_the_school(laptops: Laptops) -> tuple[Laptop, Laptop, Laptop, dict[str, str]]:
    """The school's laptop (a1), its second laptop (a2, bound by the school's statement) and the district."""
    a1, a2, district = laptops("a1"), laptops("a2"), laptops("district")
    with a1.open() as workspace:
        ids = start_school(workspace)
        exchange.bind(workspace, a2.fingerprint, CODE_A)
    start = a1.export("a0.qsx")
    a2.import_(start)
    district.import_(start)
    return a1, a2, district, ids


def owned(laptop: Laptop) -> dict[str, tuple[str, ...]]:
    """Fingerprint -> the codes of the schools each key owns in ``laptop``'s database."""
    with laptop.open() as workspace:
        return {s.fingerprint: s.schools for s in exchange.list_signers(workspace)}


def start_visit(workspace: Workspace, school_id: str, visitor: str = "นางสาวศึกษา นิเทศดี") -> str:
    """A finalised visit of ``school_id`` with a finding on component 1 and a follow-up."""
    visit = workspace.visits.start(school_id, visited_on=date(2025, 12, 1), purpose="ติดตามผล")
    workspace.visits.add_person(visit.id, "visitor", visitor, "ศึกษานิเทศก์")
    framework = workspace.visits.framework_of(visit)
    workspace.visits.set_text(visit.id, framework.components[0].code, "observed", "ครูใช้สื่อหลากหลาย")
    workspace.follow_ups.add(visit.id, "จัดทำแผนนิเทศภายใน", owner="รองผู้อำนวยการ")
    workspace.visits.finalise(visit.id)
    return visit.id


@contextmanager
def behind_owner_check(workspace: Workspace) -> Iterator[Workspace]:
    """Let this laptop change the school's existing records that it does not own, as a hand-edited
    database (an adversary's) or a version from before the write path's owner check (migration
    0016; for visits, the core's check of their maker) would: the tests of what an import does
    with a non-owner's change make one so."""
    from qualityschool_desktop import visit_owners

    db = workspace.db
    if db.execute("SELECT 1 FROM accepting_changes").fetchone():  # inside another: that one cleans up
        yield workspace
        return
    with db.write():
        for table in ("schools", "assessments", "answers", "attachments", "network_schools", "budget_requests"):
            db.execute(f"INSERT OR IGNORE INTO accepting_changes (record_id) SELECT id FROM {table}")
    patch = pytest.MonkeyPatch()
    patch.setattr(visit_owners, "owned_elsewhere", lambda _db, _installation, _visit: False)
    try:
        yield workspace
    finally:
        patch.undo()
        with db.write():
            db.execute("DELETE FROM accepting_changes")


# -- reading and forging files --------------------------------------------------------------------


def read_members(path: Path) -> Members:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_members(path: Path, members: Members) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def rows_of(members: Members, table: str) -> list[Any]:
    """The records of ``table`` in ``members`` (lines that are not JSON left out: a broken file's)."""
    data = members.get(f"records/{table}.jsonl", b"")
    found = []
    for line in data.decode("utf-8", "replace").splitlines():
        try:
            found.append(json.loads(line))
        except ValueError:
            continue
    return found


def with_rows(members: Members, table: str, rows: list[dict[str, Any]]) -> Members:
    members = dict(members)
    members[f"records/{table}.jsonl"] = "".join(
        json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n" for row in rows
    ).encode("utf-8")
    return members


def edit_rows(members: Members, table: str, change: Callable[[dict[str, Any]], None]) -> Members:
    rows = rows_of(members, table)
    for row in rows:
        change(row)
    return with_rows(members, table, rows)


def resign_manifest(members: Members) -> Members:
    """Re-sign the manifest (the members' hashes) with the acting laptop's key, seals untouched."""
    from qualityschool_desktop.exchange import signing

    manifest = json.loads(members["manifest.json"])
    manifest["members"] = [
        {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in sorted(members.items()) if name not in ("manifest.json", "signature.json")
    ]
    raw = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    return {**members, "manifest.json": raw, "signature.json": signing.sign(raw)}


def forge(members: Members, *, claim_installation: str | None = None,
          manifest_edit: Callable[[dict[str, Any]], None] | None = None) -> Members:
    """Seal every record with the key of the laptop acting now (as ``claim_installation``, by default
    its own installation id), rewrite the manifest's members, keys and exporter, and sign it. The
    owners' versions a relay's file carried (``relayed/``, format 7) are left out: the forger
    vouches for its records alone, as a file of format 6 did."""
    from qualityschool_desktop.exchange import seals, signing
    from qualityschool_desktop.workspace import installation_id

    members = {name: data for name, data in members.items() if not name.startswith("relayed/")}
    claimed = claim_installation or installation_id()
    digests = []
    for name in sorted(members):
        if name.startswith("records/"):
            table = name[len("records/"):-len(".jsonl")]
            digests += [seals.row_digest(table, row) for row in rows_of(members, table)]
    members["seals.jsonl"] = (json.dumps(seals.make_seal(claimed, digests), ensure_ascii=False) + "\n").encode("utf-8")
    manifest = json.loads(members["manifest.json"])
    manifest["exporter"]["installation_id"] = claimed
    manifest["keys"] = {claimed: base64.b64encode(signing.own_public_key()).decode("ascii")}
    manifest["members"] = [
        {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in sorted(members.items()) if name not in ("manifest.json", "signature.json")
    ]
    if manifest_edit is not None:
        manifest_edit(manifest)
    raw = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    members["manifest.json"] = raw
    members["signature.json"] = signing.sign(raw)
    return members


def forged_by_another_key(laptops: Laptops, who: str, source: Laptop, table: str, change: Callable[[Workspace], None],
                          edit: Callable[[dict[str, Any]], None], file_name: str) -> Path:
    """The laptop ``who`` (a supervisor, or another school's laptop when ``who`` is
    ``"another-school"``) imports ``source``'s file, changes one of its records in its own database
    behind the owner check (``change``), and writes ``file_name``: only the school and ``table``'s
    rows, edited by ``edit`` and sealed by its own key (a record it does not own, for the owner's
    district to keep pending)."""
    other = laptops(who)
    other.import_(source.export("to-other.qsx"))
    with other.open() as workspace:
        if who == "another-school":
            start_school(workspace, code="6301000009", name="โรงเรียนบ้านอื่น")
        with behind_owner_check(workspace):  # an adversary's own database
            change(workspace)
    members = edit_rows(read_members(other.export("forged.qsx")), table, edit)
    for name in list(members):  # only the school and the table's rows, sealed by the other key
        if name.startswith("records/") and name not in ("records/schools.jsonl", f"records/{table}.jsonl"):
            members.pop(name)
    with other._briefly():
        members = forge(members)
    return write_members(other.root / "files" / file_name, members)


def empty_claim(mallory: Laptop, real: Path, installation: str) -> Path:
    """A stranger's file posing as another laptop: ``real``'s members with its records emptied and
    its attachment contents left out, sealed and signed by ``mallory`` (who acts from now on)
    claiming ``installation``; written as ``claims-a.qsx`` in mallory's folder."""
    mallory.activate()
    empty = {name: (b"" if name.startswith("records/") else data)
             for name, data in read_members(real).items() if not name.startswith("files/")}
    return write_members(mallory.root / "claims-a.qsx", forge(empty, claim_installation=installation))


def decision_behind_the_core(workspace: Workspace, assessment_id: str, decision: str = "accepted") -> str:
    """A review decision written straight into the database by this laptop (``Reviews.decide``
    refuses a school's own): a hand-made database's, for the exchange to judge. Returns its id."""
    from qualityschool_desktop.ids import new_id

    conn = workspace.db.conn
    version = conn.execute("SELECT version FROM assessments WHERE id = ?", [assessment_id]).fetchone()[0]
    decision_id = new_id()
    conn.execute(
        "INSERT INTO review_decisions (id, assessment_id, reviewed_version, decision, comment, office_name,"
        " decided_at, decided_by) VALUES (?, ?, ?, ?, '', '', '2025-01-01T00:00:00.000Z', ?)",
        [decision_id, assessment_id, version, decision, workspace.installation_id])
    conn.commit()
    return decision_id


def approval_behind_the_core(workspace: Workspace, item_id: str, satang: int | None, note: str = "") -> str:
    """A budget decision written straight into the database by this laptop (``set_approval``
    refuses one at the school's own laptop): a hand-made database's, for the exchange or a screen
    to show. Returns its id."""
    from qualityschool_desktop.ids import new_id

    decision_id = new_id()
    workspace.db.conn.execute(
        "INSERT INTO budget_decisions (id, request_id, approved_satang, note, decided_at, decided_by)"
        " VALUES (?, ?, ?, ?, '2025-01-01T00:00:00.000Z', ?)",
        [decision_id, item_id, satang, note, workspace.installation_id])
    workspace.db.conn.commit()
    return decision_id
