"""Files chosen together that claim the same new school with different keys (test30a B10).

Trust on first use binds a school new here to the keys of the first file that brings it (issue 10).
Within one batch (a folder, several files chosen at once) "first" would be the order of the file
names: an impostor's file named ``001.qsx`` beside the school's own would win. So a batch is checked
before any file of it is applied: when two or more files bring a school code that is not in this
database yet, and no key is common to the owners they name for it, *none* of those files is
imported (each refused, naming the others and every key), whatever their order; the other files
of the batch import as usual. A person phones the school, compares the fingerprints, and imports
only the school's own file (alone, or with the others unticked in the window); that file then
binds the school as the first file of any other import would.

The claim of a file is read cheaply (the school records' codes and the owners statement, verified,
without deciding any row): the school's owners are those its own statement in the file names,
else the key that signed the file (``merge_decide.DecidePass._new_school`` binds the same keys).
The command line and the window use the same check (:func:`clashes`), so a batch gives the same
outcome in both.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..errors import NotFoundError
from ..thai import Own, Sentence
from . import reading, signing, statements
from .package import Checked, open_package
from .records import ExchangeError, travelling_columns

if TYPE_CHECKING:
    from ..workspace import Workspace

CLASH = (
    "ไฟล์ {source} อ้างเป็นโรงเรียนรหัส {code} ซึ่งยังไม่มีในฐานข้อมูลนี้ แต่ไฟล์ที่เลือกมาพร้อมกันอ้างเป็นโรงเรียนเดียวกัน"
    "ด้วยกุญแจต่างกัน โปรแกรมจะไม่นำเข้าไฟล์เหล่านี้\n"
    "{files}\n"
    "ยังไม่ผูกโรงเรียนรหัสนี้กับกุญแจใด (ไม่ตัดสินจากลำดับชื่อไฟล์) โทรถามโรงเรียนว่าลายนิ้วมือใดเป็นของเครื่องโรงเรียน"
    " แล้วนำเข้าไฟล์นั้นไฟล์เดียว"
)
CLASH_FILE = "• {name}: กุญแจ {groups}"


def claims(workspace: "Workspace", path: Path, *, checked: Checked | None = None) -> dict[str, frozenset[str]]:
    """The schools ``path`` would bring into this database for the first time: code -> the
    fingerprints that would own it (its statement's owners in the file, else the file's signer).
    ``checked``: the batch's headers checked once (``package.open_package``), for the imports.
    Raises :class:`ExchangeError` (or ``OSError``) for a file that cannot be read: importing it
    refuses it anyway, with its own reason."""
    columns = travelling_columns(workspace.db)["schools"]
    with open_package(path, checked=checked) as package:
        owners: dict[str, frozenset[str]] = {}
        if statements.MEMBER in package.members:
            for line in statements.parse_member(package.read(statements.MEMBER), path.name):
                statement = statements.verify(line, path.name)
                owners[statement.school_id] = frozenset(fp for _inst, fp in statement.owners)
        found: dict[str, frozenset[str]] = {}
        if "records/schools.jsonl" not in package.members:
            return found
        for _number, row, _size in reading.rows(package, "schools", columns):
            if workspace.schools.exists(row["id"]) or _code_here(workspace, row["code"]):
                continue
            keys = owners.get(row["id"], frozenset({package.fingerprint}))
            found[row["code"]] = found.get(row["code"], frozenset()) | keys
        return found


def _code_here(workspace: "Workspace", code: str) -> bool:
    try:
        workspace.schools.by_code(code)
    except NotFoundError:
        return False
    return True


def clashes(workspace: "Workspace", paths: Iterable[Path], *,
            checked: Checked | None = None) -> dict[Path, ExchangeError]:
    """The files of ``paths`` (one batch) not to import because another file of the batch claims
    one of the same new schools with keys none of which it names (see the module's docstring):
    file -> the refusal to report for it (naming every file of the clash and its keys). Files that
    cannot be read are left to their import's own refusal. ``checked``: a dict the headers
    verified here are kept in, for the batch's imports (``apply_import(checked=…)``: each file's
    signature verified once). Reads, writes nothing."""
    by_code: dict[str, list[tuple[Path, frozenset[str]]]] = {}
    for path in paths:
        try:
            claimed = claims(workspace, path, checked=checked)
        except (ExchangeError, OSError):
            continue
        for code, keys in claimed.items():
            by_code.setdefault(code, []).append((path, keys))
    refused: dict[Path, ExchangeError] = {}
    for code, claimants in sorted(by_code.items()):
        clashing = [(path, keys) for path, keys in claimants
                    if any(not keys & other for other_path, other in claimants if other_path != path)]
        if len(clashing) < 2:
            continue
        files = "\n".join(CLASH_FILE.format(
            name=path.name, groups=", ".join(sorted(signing.fingerprint_groups(fp) for fp in keys)))
            for path, keys in sorted(clashing, key=lambda item: item[0].name))
        for path, _keys in clashing:
            refused.setdefault(path, ExchangeError(Sentence(CLASH, source=path.name, code=Own(code), files=files)))
    return refused
