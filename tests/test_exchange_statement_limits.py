"""Issue 10 (second adversary, finding 1): a stolen co-owner laptop signs the school's statement.
Its serial may only grow by a bounded step, and a statement that drops a key of the school is
applied only with a loud warning, in the import's result and in its preview; an older statement
of the dropped key is not ignored silently.

Real files move between databases with separate data folders (separate keys)."""

from __future__ import annotations

import json
from pathlib import Path

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange import statements

from .laptops import (  # noqa: F401 (a fixture)
    CODE_A,
    Laptop,
    Laptops,
    laptops,
    owned,
    read_members,
    resign_manifest,
    two_laptops_of_the_school,
    write_members,
)


def thief_statement(thief: Laptop, school_id: str, serial: int, name: str) -> Path:
    """The thief's file: the stolen laptop's export with a statement of ``serial`` naming only itself."""
    members = read_members(thief.export(f"{name}-plain.qsx"))
    with thief._briefly():
        line = statements.make_statement(school_id, serial, [(thief.installation_id, thief.fingerprint)],
                                         thief.installation_id)
        members[statements.MEMBER] = (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        members = resign_manifest(members)
    return write_members(thief.root / "files" / f"{name}.qsx", members)


def kept_serial(laptop: Laptop, school_id: str) -> int:
    with laptop.open() as workspace:
        kept = statements.stored(workspace.db.conn, school_id)
        assert kept is not None
        return kept.serial


def test_a_statement_whose_serial_jumps_too_far_is_not_taken(laptops: Laptops) -> None:
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    before = kept_serial(district, ids["school"])
    evil = thief_statement(a2, ids["school"], 2**53 - 1, "evil")
    preview = district.preview(evil)
    assert any("ลำดับ" in warning and CODE_A in warning for warning in preview.warnings)
    result = district.import_(evil)
    assert any("ลำดับ" in warning and CODE_A in warning for warning in result.warnings)
    assert kept_serial(district, ids["school"]) == before
    assert owned(district)[a1.fingerprint] == (CODE_A,)  # the school's main laptop still owns it


def test_a_statement_that_drops_a_key_of_the_school_warns_loudly(laptops: Laptops) -> None:
    a1, a2, district, ids = two_laptops_of_the_school(laptops)
    evil = thief_statement(a2, ids["school"], kept_serial(district, ids["school"]) + 1, "evil")
    dropped = exchange.fingerprint_groups(a1.fingerprint)
    preview = district.preview(evil)
    assert any("ถอดกุญแจ" in warning and dropped in warning and CODE_A in warning for warning in preview.warnings)
    result = district.import_(evil)
    assert any("ถอดกุญแจ" in warning and dropped in warning and CODE_A in warning for warning in result.warnings)

    # The school's own, older statement (it unbinds the stolen laptop) is not dropped silently.
    with a1.open() as workspace:
        exchange.unbind(workspace, a2.fingerprint, CODE_A)
    result = district.import_(a1.export("a1-unbind.qsx"))
    assert any(dropped in warning and "ผูก" in warning for warning in result.warnings), result.warnings


def test_an_honest_next_statement_adds_a_key_without_a_warning(laptops: Laptops) -> None:
    a1, _a2, district, ids = two_laptops_of_the_school(laptops)
    a3 = laptops("a3")
    with a1.open() as workspace:
        exchange.bind(workspace, a3.fingerprint, CODE_A)
    result = district.import_(a1.export("a1-bind.qsx"))
    assert not [warning for warning in result.warnings if "ถอดกุญแจ" in warning or "ลำดับ" in warning]
    assert owned(district).get(a3.fingerprint) == (CODE_A,)
