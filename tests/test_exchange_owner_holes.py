"""Issue 10, a tester's findings (try10 #4–#7, #10, #15): holes in who owns what.

* A record set a key owns may not point into another school (a visit's follow-ups and assessment
  belong to the visit's school).
* "เป็นโรงเรียนเดียวกัน" is for a school typed here, never for a school bound to its own key.
* A relay that drops the school's statement does not become the school's owner at the province.
* An office's explicit unbind stands against statements the unbound key signs later.
* A seal that lists one digest many times is refused, quickly.
* Two co-owner laptops that each bind a key: both keys are recognised at the district.

Every test moves real files between databases with separate data folders (separate keys).
"""

from __future__ import annotations

import io
import json
import os
import time
from datetime import date

import pytest

from qualityschool_desktop import cli, exchange
from qualityschool_desktop.exchange import ExchangeError, seals, signing

from .laptops import (
    CODE_A,
    CODE_B,
    NAME_A,
    NAME_B,
    Laptop,
    Laptops,
    behind_owner_check,
    edit_rows,
    forge,
    laptops,  # noqa: F401 (a fixture)
    owned,
    read_members,
    resign_manifest,
    rows_of,
    start_school,
    start_visit,
    write_members,
)


def pupils(laptop: Laptop, code: str = CODE_A) -> int | None:
    with laptop.open() as workspace:
        return workspace.schools.by_code(code).pupils


# -- #4 references inside an owned record set ------------------------------------------------------

def test_a_visit_cannot_point_its_follow_ups_or_its_assessment_at_another_school(laptops: Laptops) -> None:
    a, b, district, x = laptops("a"), laptops("b"), laptops("district"), laptops("x")
    with a.open() as workspace:
        ida = start_school(workspace)
    with b.open() as workspace:
        idb = start_school(workspace, CODE_B, NAME_B)
    for sent in (a.export("a.qsx"), b.export("b.qsx")):
        district.import_(sent)
        x.import_(sent)
    with x.open() as workspace:
        visit_id = start_visit(workspace, ida["school"])
    honest = read_members(x.export("x.qsx", visitor="นางสาวศึกษา นิเทศดี"))

    def only_visit(members: dict[str, bytes]) -> dict[str, bytes]:
        for table in ("schools", "assessments", "answers", "attachments", "answer_history", "network_schools"):
            members.pop(f"records/{table}.jsonl", None)
        members.pop("owners.jsonl", None)
        return members

    def follow_up_of_b(row: dict) -> None:
        row["school_id"] = idb["school"]

    def assessment_of_b(row: dict) -> None:
        row["assessment_id"] = idb["assessment"]

    for table, change in (("follow_ups", follow_up_of_b), ("visits", assessment_of_b)):
        members = edit_rows(only_visit(dict(honest)), table, change)
        with x._briefly():
            members = forge(members)
        bad = write_members(x.root / "files" / f"x-{table}.qsx", members)
        with pytest.raises(ExchangeError, match="คนละโรงเรียน"):
            district.preview(bad)
        with pytest.raises(ExchangeError, match="คนละโรงเรียน"):
            district.import_(bad)
    with district.open() as workspace:
        assert workspace.follow_ups.for_school(idb["school"]) == []
        assert workspace.db.execute("SELECT count(*) FROM visits WHERE id = ?", [visit_id]).fetchone()[0] == 0
    district.import_(x.export("x-honest.qsx", visitor="นางสาวศึกษา นิเทศดี"))  # the honest visit still comes
    with district.open() as workspace:
        assert [f.visit_id for f in workspace.follow_ups.for_school(ida["school"])] == [visit_id]


# -- #5 "the same school" only for a school typed here ------------------------------------------------

def test_the_same_school_offer_never_takes_over_a_school_bound_to_its_own_key(laptops: Laptops) -> None:
    a, district, x = laptops("a"), laptops("district"), laptops("x")
    with a.open() as workspace:
        ida = start_school(workspace)
    district.import_(a.export("a1.qsx"))
    with x.open() as workspace:
        workspace.schools.add(code=CODE_A, name=NAME_A, district="แม่สอด", province="ตาก", level="primary", pupils=999)
    stranger = x.export("x1.qsx")
    with pytest.raises(ExchangeError, match="ผูกกับกุญแจ"):
        district.preview(stranger)
    with pytest.raises(ExchangeError, match="ผูกกับกุญแจ"):
        district.import_(stranger, same_schools=[CODE_A])
    out, err = io.StringIO(), io.StringIO()
    district.activate()
    status = cli.run(cli.parse(["import", "--db", str(district.db), str(stranger), "--same-school", CODE_A]),
                     out=out, err=err)
    assert status == 2 and "ผูกกับกุญแจ" in out.getvalue() + err.getvalue()
    with district.open() as workspace:
        school = workspace.schools.by_code(CODE_A)
        assert school.id == ida["school"] and school.pupils == 120
    assert owned(district).get(x.fingerprint, ()) == ()


# -- #6 a relay that drops the school's statement ----------------------------------------------------

def test_a_relay_that_edited_the_school_and_dropped_its_statement_does_not_become_its_owner(
    laptops: Laptops,
) -> None:
    a, district, province = laptops("a"), laptops("district"), laptops("province")
    with a.open() as workspace:
        ida = start_school(workspace)
    district.import_(a.export("a.qsx"))
    with district.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ida["school"], teachers=9)  # the district's own edit of A's profile
    members = read_members(district.export("d.qsx"))
    # The statement dropped, and the school's own version the file carries beside the district's
    # (format 7, relayed.py) too, as a relay of an older program never carried it: with it the
    # province takes the school's own version, bound to the school's key that sealed it.
    dropped = {"owners.jsonl", *(name for name in members if name.startswith("relayed/"))}
    assert len(dropped) == 2
    members = {name: data for name, data in members.items() if name not in dropped}
    manifest = json.loads(members["manifest.json"])
    manifest["members"] = [m for m in manifest["members"] if m["path"] not in dropped]
    raw = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    members["manifest.json"] = raw
    with district._briefly():
        members["signature.json"] = signing.sign(raw)
    relayed = write_members(district.root / "files" / "d-forward.qsx", members)
    preview = province.preview(relayed)
    result = province.import_(relayed)
    assert result.warnings == preview.warnings and any("คำรับรองเจ้าของ" in w for w in result.warnings)
    assert result.counts["schools"].pending == 1 and result.counts["schools"].new == 0  # waits for a person
    assert owned(province).get(district.fingerprint, ()) == ()
    # The school's own file still binds the school's key, and its records apply.
    with a.open() as workspace:
        workspace.schools.update(ida["school"], pupils=130)
    province.import_(a.export("a2.qsx"))
    assert owned(province)[a.fingerprint] == (CODE_A,)
    assert pupils(province) == 130


def test_a_file_of_before_statements_still_binds_the_key_that_made_the_school(laptops: Laptops) -> None:
    """Trust on first use stays for old files (no owners.jsonl, no seal of another key)."""
    a, district = laptops("a"), laptops("district")
    with a.open() as workspace:
        start_school(workspace)
    members = read_members(a.export("a.qsx"))
    members.pop("owners.jsonl")
    with a._briefly():
        members = forge(members, manifest_edit=lambda m: m.update(format_version=2))
    district.import_(write_members(a.root / "files" / "old.qsx", members))
    assert owned(district)[a.fingerprint] == (CODE_A,)


# -- #7 an office's unbind stands --------------------------------------------------------------------

def test_an_offices_unbind_of_a_leaked_key_is_not_undone_by_a_statement_that_key_signs(laptops: Laptops) -> None:
    a, new, accomplice, district = laptops("a"), laptops("a-new"), laptops("accomplice"), laptops("district")
    with a.open() as workspace:
        ida = start_school(workspace)
    district.import_(a.export("a1.qsx"))
    with district.open() as workspace:
        exchange.unbind(workspace, a.fingerprint, CODE_A)
        exchange.bind(workspace, new.fingerprint, CODE_A)
    with a.open() as workspace:  # the stolen laptop signs the school's next statement
        exchange.bind(workspace, accomplice.fingerprint, CODE_A)
        workspace.schools.update(ida["school"], pupils=999)
    result = district.import_(a.export("a2.qsx"))
    assert any("เลิกผูก" in warning for warning in result.warnings)
    assert pupils(district) == 120
    owners = owned(district)
    assert owners.get(a.fingerprint, ()) == () and owners.get(accomplice.fingerprint, ()) == ()
    assert owners[new.fingerprint] == (CODE_A,)


# -- #10 a seal that repeats a digest ----------------------------------------------------------------

def test_a_seal_that_lists_one_digest_many_times_is_refused_quickly(laptops: Laptops) -> None:
    a, district = laptops("a"), laptops("district")
    with a.open() as workspace:
        start_school(workspace)
    members = read_members(a.export("a.qsx"))
    digests = []
    for name in sorted(members):
        if name.startswith("records/"):
            table = name[len("records/"):-len(".jsonl")]
            digests += [seals.row_digest(table, row) for row in rows_of(members, table)]
    with a._briefly():
        members = forge(members)
        repeated = [digest for i in range(20000) for digest in ((digests[0], os.urandom(32)) if i % 50 == 0
                                                                 else (digests[0],))]
        members["seals.jsonl"] = (json.dumps(seals.make_seal(a.installation_id, digests + repeated))
                                  + "\n").encode("utf-8")
        members = resign_manifest(members)
    bad = write_members(a.root / "files" / "repeats.qsx", members)
    started = time.monotonic()
    with pytest.raises(ExchangeError, match="ลายเซ็น"):
        district.preview(bad)
    assert time.monotonic() - started < 10


# -- #15 two co-owner laptops bind a key each ------------------------------------------------------

def test_two_co_owner_laptops_binding_a_key_each_at_the_same_time_are_both_recognised(laptops: Laptops) -> None:
    a1, a2, a3, a4, district = (laptops(n) for n in ("a1", "a2", "a3", "a4", "district"))
    with a1.open() as workspace:
        start_school(workspace)
        exchange.bind(workspace, a2.fingerprint, CODE_A)
    first = a1.export("a1-1.qsx")
    a2.import_(first)
    district.import_(first)
    with a1.open() as workspace:
        exchange.bind(workspace, a3.fingerprint, CODE_A)
    with a2.open() as workspace:
        exchange.bind(workspace, a4.fingerprint, CODE_A)
    from_a1, from_a2 = a1.export("a1-2.qsx"), a2.export("a2-2.qsx")
    district.import_(from_a1)
    district.preview(from_a2)  # a preview binds nothing
    assert owned(district).get(a4.fingerprint, ()) == ()
    result = district.import_(from_a2)
    assert any("คำรับรอง" in warning for warning in result.warnings)  # said, not silent
    owners = owned(district)
    assert owners[a3.fingerprint] == (CODE_A,) and owners[a4.fingerprint] == (CODE_A,)
    # The school's laptops merge the two statements into the next one, which travels on.
    a1.import_(from_a2)
    province = laptops("province")
    province.import_(a1.export("a1-3.qsx"))
    owners = owned(province)
    assert owners[a3.fingerprint] == (CODE_A,) and owners[a4.fingerprint] == (CODE_A,)


def test_a_binding_made_at_the_schools_own_laptop_is_labelled_as_travelling(laptops: Laptops) -> None:
    from qualityschool_desktop.exchange.signing import HOW_LEARNT

    a1, a2, district = laptops("a1"), laptops("a2"), laptops("district")
    with a1.open() as workspace:
        start_school(workspace)
        signer = exchange.bind(workspace, a2.fingerprint, CODE_A)
        assert "ไม่ส่งต่อ" not in HOW_LEARNT[dict(signer.bindings)[CODE_A]]
    district.import_(a1.export("a1.qsx"))
    spare = laptops("spare")
    with district.open() as workspace:  # an office's own binding stays there, and says so
        signer = exchange.bind(workspace, spare.fingerprint, CODE_A)
        assert "ไม่ส่งต่อ" in HOW_LEARNT[dict(signer.bindings)[CODE_A]]


# -- #8 the same school with a round typed here ---------------------------------------------------

def test_the_schools_own_round_replaces_the_round_typed_here_in_preview_and_import_alike(laptops: Laptops) -> None:
    a, district = laptops("a"), laptops("district")
    with district.open() as workspace:
        typed = start_school(workspace, levels=2)
        visit_id = workspace.visits.start(typed["school"], visited_on=date(2025, 12, 1), purpose="ติดตามผล",
                                          assessment_id=typed["assessment"]).id
    with a.open() as workspace:
        own = start_school(workspace)
        workspace.answers.set_level(own["assessment"], own["item"], 4)
        workspace.answers.flush_pending()
    sent = a.export("a1.qsx")
    preview = district.preview(sent, same_schools=[CODE_A])
    assert preview.counts["assessments"].new == 1
    assert any("2568" in warning and "รอบ" in warning for warning in preview.warnings)
    result = district.import_(sent, same_schools=[CODE_A])
    assert result.warnings == preview.warnings
    with district.open() as workspace:
        school = workspace.schools.by_code(CODE_A)
        assert school.id == own["school"]
        rounds = workspace.db.execute("SELECT id FROM assessments WHERE school_id = ?", [school.id]).fetchall()
        assert [r[0] for r in rounds] == [own["assessment"]]
        levels = {c: ans.level for c, ans in workspace.answers.for_assessment(own["assessment"]).items()}
        assert levels[own["item"]] == 4
        # What was typed stays in the history of changes.
        assert workspace.db.execute("SELECT count(*) FROM answer_history WHERE assessment_id = ?",
                                    [typed["assessment"]]).fetchone()[0] >= 2
        assert workspace.db.execute("SELECT assessment_id FROM visits WHERE id = ?",
                                    [visit_id]).fetchone()[0] == own["assessment"]


def test_the_schools_own_network_school_replaces_the_one_typed_here_with_the_same_code(laptops: Laptops) -> None:
    a, district = laptops("a"), laptops("district")
    with district.open() as workspace:
        typed = start_school(workspace, levels=1)
        workspace.network_schools.add(typed["school"], code=CODE_B, name="พิมพ์ที่เขต", pupils=10)
    with a.open() as workspace:
        own = start_school(workspace, levels=1)
        workspace.network_schools.add(own["school"], code=CODE_B, name=NAME_B, pupils=55)
    sent = a.export("a1.qsx")
    preview = district.preview(sent, same_schools=[CODE_A])
    result = district.import_(sent, same_schools=[CODE_A])
    assert result.warnings == preview.warnings and any(CODE_B in warning for warning in result.warnings)
    with district.open() as workspace:
        rows = workspace.db.execute("SELECT name, pupils FROM network_schools WHERE school_id = ?",
                                    [own["school"]]).fetchall()
        assert [tuple(r) for r in rows] == [(NAME_B, 55)]
