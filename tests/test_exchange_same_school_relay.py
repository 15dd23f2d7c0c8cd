""""This is the same school" and relays (issue 10, "Files pass through hands"): a supervisor's comment
on a round the district typed, re-pointed at the district when the school's own file arrives and a
person confirms the school is the same, still reaches the province as the supervisor's own record,
checked against the supervisor's seal: the district's signed word that its typed record is the
school's own (``exchange/same_school.py``) travels beside the row in the form the supervisor sealed.

Every test moves real files between databases with separate data folders (separate keys).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from qualityschool_desktop import cli, exchange
from qualityschool_desktop.exchange import ExchangeError

from .laptops import (
    CODE_A, CODE_B, NAME_B, Laptop, Laptops, edit_rows, laptops, owned, read_members, start_school,  # noqa: F401
    start_visit, write_members,
)

MAPPINGS = "same_schools.jsonl"


def _typed_round_commented(laptops: Laptops, *, district_comment: bool = False,
                           ) -> tuple[Laptop, Laptop, Path, dict[str, str]]:
    """The district types school A and its round of 2568; a supervisor, given the district's file,
    comments on that round and sends it back; the school's own file then arrives and a person at the
    district confirms it is the same school. Returns the district, the supervisor, the district's
    first file (the typed school) and the ids (typed and own)."""
    district, supervisor, school = laptops("district"), laptops("supervisor"), laptops("school-a")
    with district.open() as workspace:
        typed = workspace.schools.add(code=CODE_A, name="รร.บ้านแม่สอด (พิมพ์ที่เขต)")
        typed_round = workspace.assessments.start(typed.id, 2568)
        item = workspace.frameworks.latest().items[0].code
        workspace.answers.set_level(typed_round.id, item, 2)
        workspace.answers.flush_pending()
        if district_comment:
            workspace.comments.on_assessment(typed_round.id, "เขต: ควรแนบภาพกิจกรรม")
    typed_file = district.export("typed.qsx", school_codes=[CODE_A])
    supervisor.import_(typed_file)
    with supervisor.open() as workspace:
        comment = workspace.comments.on_assessment(typed_round.id, "หลักฐานยังไม่ครบ", item_code=item)
    district.import_(supervisor.export("sup.qsx", school_codes=[CODE_A]))
    with school.open() as workspace:
        own = start_school(workspace)
    district.import_(school.export("a.qsx"), same_schools=[CODE_A])
    ids = {"typed": typed.id, "typed_round": typed_round.id, "comment": comment.id, **own}
    return district, supervisor, typed_file, ids


def _comment_at(laptop: Laptop, ids: dict[str, str]) -> tuple[Any, str]:
    """The supervisor's comment at ``laptop`` and the installation whose seal it is kept with."""
    with laptop.open() as workspace:
        found = [c for c in workspace.comments.for_assessment(ids["assessment"]) if c.id == ids["comment"]]
        sealer = workspace.db.execute(
            "SELECT seals.installation_id FROM comments JOIN seals ON seals.id = comments.signed_set"
            " WHERE comments.id = ?", [ids["comment"]]).fetchone()
    return (found[0] if found else None), (sealer[0] if sealer else "")


@pytest.mark.parametrize("seen_before", [False, True], ids=["new-province", "province-saw-the-typed-school"])
def test_a_supervisors_comment_re_pointed_by_the_same_school_reaches_the_province_as_the_supervisors(
    laptops: Laptops, seen_before: bool,
) -> None:
    district, supervisor, typed_file, ids = _typed_round_commented(laptops, district_comment=True)
    province = laptops("province")
    if seen_before:  # try27 F4: the district's key is the sender's, not "the school's own"
        lines = "\n".join(province.import_(typed_file).lines())
        assert "ผูกกับกุญแจของผู้ส่งไฟล์นี้" in lines and "ที่โรงเรียนลงนามเอง" not in lines, lines

    # retest27 N1: the district's whole file (as `export` without --school sends it) must not carry
    # the answer history of the typed round that gave way: it names a round nobody else holds.
    relay = district.export("relay.qsx", **({"school_codes": [CODE_A]} if seen_before else {}))
    if not seen_before:  # the district's key is a stranger here: a person vouches for its word
        with pytest.raises(ExchangeError, match="(?s)ซึ่งเครื่องนี้ยังไม่รู้จัก.*--same-school 6301000001"):
            province.preview(relay)
    options = {} if seen_before else {"same_schools": [CODE_A]}
    preview = province.preview(relay, **options)
    assert preview.same_schools == []  # the typer's signed word: nobody here is asked
    assert preview.counts["comments"].new == 1 + (not seen_before)  # and the district's own
    assert any("ตามคำยืนยันที่เครื่องนั้นลงนาม" in w for w in preview.warnings) == seen_before
    # try27 F4: the province typed nothing; the round it held came from the district's file, and
    # the warning says so (retest30 N3), not "recorded here … the levels typed"
    assert any("ที่มาจากไฟล์ของกุญแจอื่น" in w for w in preview.warnings) == seen_before
    assert not any("ที่บันทึกไว้ในเครื่องนี้" in w or "ระดับที่พิมพ์ไว้" in w for w in preview.warnings)
    assert not any("ที่พิมพ์ไว้ที่เครื่องนี้" in w for w in preview.warnings)
    # try27 F3/F3b: "the same school" replaces the typed record: no conflict between the two, here
    # or at the district, and the preview announces none of the rows the mapping only moved.
    assert preview.conflicts == []
    result = province.import_(relay, **options)
    assert result.conflicts == []
    if not seen_before:  # try27 F4: the school's own key is bound, and said to be not the relay's
        lines = "\n".join(result.lines())
        assert "ไม่ใช่กุญแจของผู้ส่งต่อ" in lines and "กุญแจของผู้ส่งไฟล์นี้" not in lines, lines
    if not seen_before:  # retest27 N4: the vouch was used (and is not "check the code" once the key is known)
        assert result.made_one == [CODE_A]
        assert result.trusted  # the vouch for the sender's own key is its phone call, as the window's tick (test28 N3)
        assert province.import_(relay, **options).made_one == [CODE_A]
    for laptop in (district, province):
        with laptop.open() as workspace:
            assert exchange.list_conflicts(workspace) == [], laptop.name

    comment, sealer = _comment_at(province, ids)
    assert comment is not None, "the supervisor's comment was lost on the way to the province"
    assert (comment.school_id, comment.assessment_id) == (ids["school"], ids["assessment"])
    assert comment.written_by == supervisor.installation_id
    assert sealer == supervisor.installation_id  # the supervisor's own seal, not the district's
    with province.open() as workspace:
        [only] = workspace.schools.list()
        assert only.id == ids["school"]
    assert owned(province).get(district.fingerprint, ()) == ()  # the district never owns the school
    # try27 F2, retest27 N3: a later word that contradicts the mapping kept here (even from the key
    # that made it, now known here) names whose word stands, is refused and changes nothing: the
    # rows it would move to school B would otherwise become conflicts nobody can close.
    from qualityschool_desktop.exchange import same_school, signing

    school_b = laptops("school-b")
    with school_b.open() as workspace:
        own_b = start_school(workspace, CODE_B, NAME_B)
    province.import_(school_b.export("b.qsx"))
    with district._briefly():
        line = same_school.make(ids["typed"], CODE_B, own_b["school"], [(ids["typed_round"], own_b["assessment"])],
                                district.installation_id)
    contradicting = _relayed_by(district, read_members(relay), **{
        MAPPINGS: (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")})
    with province.open() as workspace:
        kept = same_school.all_kept(workspace.db.conn)
    with pytest.raises(ExchangeError, match="(?s)ขัดกับคำยืนยันที่กุญแจดอกเดียวกันนี้ลงนามไว้ก่อน.*ทั้งสองครั้ง:"
                       f" {signing.fingerprint_groups(district.fingerprint)}"):  # the key once, on its line (fx30 B6)
        province.import_(write_members(relay.with_name("contradicting.qsx"), contradicting))
    with province.open() as workspace:
        assert same_school.all_kept(workspace.db.conn) == kept
        assert exchange.list_conflicts(workspace) == []
    assert _comment_at(province, ids)[0].school_id == ids["school"]
    # The province forwards it onward under the supervisor's seal as well.
    ministry = laptops("ministry")
    ministry.import_(province.export("onward.qsx", school_codes=[CODE_A]), same_schools=[CODE_A])
    assert _comment_at(ministry, ids)[1] == supervisor.installation_id


def _relayed_by(relay: Laptop, members: dict[str, bytes], **changed: bytes | None) -> dict[str, bytes]:
    """``members`` forwarded by ``relay``: members replaced (None: left out), the manifest naming
    ``relay`` as exporter with its key beside the others and signed by it; every seal untouched."""
    import base64
    import hashlib

    from qualityschool_desktop.exchange import signing

    members = {name: data for name, data in {**members, **changed}.items() if data is not None}
    manifest = json.loads(members["manifest.json"])
    with relay._briefly():
        manifest["exporter"] = {"installation_id": relay.installation_id, "name": "relay"}
        manifest["keys"][relay.installation_id] = base64.b64encode(signing.own_public_key()).decode("ascii")
        manifest["members"] = [
            {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in sorted(members.items()) if name not in ("manifest.json", "signature.json")]
        raw = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
        return {**members, "manifest.json": raw, "signature.json": signing.sign(raw)}


def test_only_the_typers_signed_mapping_moves_a_relayed_row(laptops: Laptops, monkeypatch: pytest.MonkeyPatch) -> None:
    from qualityschool_desktop.exchange import package, same_school, seals

    district, supervisor, typed_file, ids = _typed_round_commented(laptops)
    relay_file = district.export("relay.qsx", school_codes=[CODE_A])
    members = read_members(relay_file)
    assert json.loads(members["manifest.json"])["format_version"] == 6
    [line] = [json.loads(raw) for raw in members[MAPPINGS].decode("utf-8").splitlines()]
    assert (line["typed_id"], line["school_id"]) == (ids["typed"], ids["school"])
    assert line["rounds"] == [[ids["typed_round"], ids["assessment"]]]
    relay = laptops("relay")

    def refused(name: str, forwarded: dict[str, bytes], pattern: str, seen_before: bool) -> None:
        province = laptops(name)
        if seen_before:
            province.import_(typed_file)
        with province.open() as workspace:
            before = [s.id for s in workspace.schools.list()]
        with pytest.raises(ExchangeError, match=pattern):
            province.import_(write_members(relay_file.with_name(f"{name}.qsx"), forwarded))
        with province.open() as workspace:  # nothing changed
            assert [s.id for s in workspace.schools.list()] == before
            assert workspace.comments.for_assessment(ids["assessment"]) == []

    # A mapping signed by a relay, not by the office that typed the school, at a province that knows
    # the typed school (from the district): refused, naming the signer's key.
    with relay._briefly():
        forged = same_school.make(ids["typed"], CODE_A, ids["school"], [(ids["typed_round"], ids["assessment"])],
                                  relay.installation_id)
    forged_member = (json.dumps(forged, ensure_ascii=False) + "\n").encode("utf-8")
    refused("p-forged", _relayed_by(relay, members, **{MAPPINGS: forged_member}),
            "ไม่ใช่เจ้าของรายการที่พิมพ์ไว้นั้น", seen_before=True)
    # At a province that never saw the typed school a signer a person vouched for is believed, but
    # only about the typed school: a mapping that takes another school's round here for the typed
    # round is refused.
    province_b = laptops("p-round")
    with province_b.open() as workspace:
        other = workspace.schools.add(code="6301000002", name="โรงเรียนบ้านพบพระ")
        other_round = workspace.assessments.start(other.id, 2568).id
    with relay._briefly():
        grabbing = same_school.make(ids["typed"], CODE_A, ids["school"], [(other_round, ids["assessment"])],
                                    relay.installation_id)
    with pytest.raises(ExchangeError, match="การประเมินตนเองที่คำยืนยันนี้จับคู่ไว้เป็นของโรงเรียนอื่น"):
        province_b.import_(write_members(relay_file.with_name("p-round.qsx"), _relayed_by(relay, members, **{
            MAPPINGS: (json.dumps(grabbing, ensure_ascii=False) + "\n").encode("utf-8")})), same_schools=[CODE_A])
    # The supervisor's row without any mapping: it names a round nobody here knows.
    refused("p-stripped", _relayed_by(relay, members, **{MAPPINGS: None}), "อ้างถึง", seen_before=False)
    # The district's mapping altered (another code): its signature fails.
    altered = json.loads(members[MAPPINGS])
    altered["code"] = "6301000009"
    refused("p-altered", _relayed_by(relay, members, **{MAPPINGS: json.dumps(altered).encode("utf-8") + b"\n"}),
            "คำยืนยันว่าเป็นโรงเรียนเดียวกัน.*ลายเซ็นไม่ถูกต้อง", seen_before=False)
    # The relay re-points the row itself and vouches for it: the supervisor's seal no longer covers it.
    comments = [dict(row, school_id=ids["school"], assessment_id=ids["assessment"])
                if row["id"] == ids["comment"] else row
                for row in map(json.loads, members["records/comments.jsonl"].decode("utf-8").splitlines())]
    moved = edit_rows(members, "comments", lambda row: row.update(
        school_id=ids["school"], assessment_id=ids["assessment"]) if row["id"] == ids["comment"] else None)
    with relay._briefly():
        own_seal = seals.make_seal(relay.installation_id, [seals.row_digest("comments", r) for r in comments])
    refused("p-rewritten", _relayed_by(relay, moved, **{MAPPINGS: None, "seals.jsonl": members["seals.jsonl"]
                                                         + json.dumps(own_seal).encode("utf-8") + b"\n"}),
            "อ้างว่าบันทึกโดยเครื่อง .* แต่ไม่มีลายเซ็นของเครื่องนั้น", seen_before=False)

    # A program of format 5 says the file is a newer program's, not that it is unsafe.
    monkeypatch.setattr(package, "FORMAT_VERSION", 5)
    monkeypatch.setattr(package, "READABLE_VERSIONS", frozenset({2, 3, 4, 5}))
    with pytest.raises(ExchangeError, match="ทำด้วยโปรแกรมรุ่นใหม่กว่า.*รุ่น 6"):
        laptops("old-province").import_(relay_file)


def test_the_supervisors_later_file_from_its_copy_of_the_typed_round_still_imports(laptops: Laptops) -> None:
    district, supervisor, _typed_file, ids = _typed_round_commented(laptops)
    with supervisor.open() as workspace:  # before the district's news reaches the supervisor
        later = workspace.comments.on_assessment(ids["typed_round"], "ส่งหลักฐานเพิ่มแล้ว")

    result = district.import_(supervisor.export("sup-2.qsx", school_codes=[CODE_A]))

    # The typed round the supervisor still holds gave way here: older, not a second round of 2568.
    assert result.counts["assessments"].new == 0 and result.counts["answers"].new == 0
    with district.open() as workspace:
        assert [c.id for c in workspace.comments.for_assessment(ids["assessment"])] == [ids["comment"], later.id]
        assert [r.id for r in workspace.assessments.for_school(ids["school"])] == [ids["assessment"]]
    # The district's file brings the supervisor the same school, with the district's mapping.
    supervisor.import_(district.export("relay.qsx", school_codes=[CODE_A]))
    with supervisor.open() as workspace:
        assert [s.id for s in workspace.schools.list()] == [ids["school"]]
        assert [c.id for c in workspace.comments.for_assessment(ids["assessment"])] == [ids["comment"], later.id]


def test_a_mapping_never_takes_a_real_schools_id_for_a_typed_record(laptops: Laptops) -> None:
    """try27 F0/F1/F2: a "typed" id in a mapping that is school B's real id. From a key nobody here
    knows the file is refused; from a known key at a province that never saw that id it moves only
    that file's rows, so school B's own file still brings school B; forgetting the key drops it."""
    from qualityschool_desktop.exchange import bindings, same_school, signing

    district, _supervisor, typed_file, ids = _typed_round_commented(laptops)
    school_b = laptops("school-b")
    with school_b.open() as workspace:
        own_b = start_school(workspace, CODE_B, "โรงเรียนบ้านพบพระ")
    b_file = school_b.export("b.qsx")
    relay = district.export("relay.qsx", school_codes=[CODE_A])
    members = read_members(relay)

    def poisoned(signer: Laptop) -> Path:
        with signer._briefly():
            line = same_school.make(own_b["school"], CODE_A, ids["school"], [], signer.installation_id)
        member = members[MAPPINGS] + (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")
        return write_members(typed_file.with_name(f"poison-{signer.name}.qsx"),
                             _relayed_by(signer, members, **{MAPPINGS: member}))

    province = laptops("province")
    stranger = laptops("stranger")
    # retest27 N2, test28 N7: two keys unknown here sign words about the one typed code (the
    # district's, relayed, and the stranger's added): no phone call about one key can let the file in,
    # so none is asked for (not an UnknownSigner, which the window offers to vouch for). The refusal
    # says so up front, naming who sent the file (its name and key) and both keys, whether the person
    # vouched for the district's key, only named the code, or did neither.
    district_key, stranger_key = (signing.fingerprint_groups(k) for k in (district.fingerprint, stranger.fingerprint))
    for vouch in ([], [same_school.Vouch(CODE_A, district.fingerprint)], [CODE_A]):
        with pytest.raises(same_school.MixedSigners) as refusal:
            province.import_(poisoned(stranger), same_schools=vouch)
        said = str(refusal.value)
        assert not isinstance(refusal.value, same_school.UnknownSigner) and refusal.value.code == CODE_A
        assert f"{stranger_key} (กุญแจของผู้ส่งไฟล์นี้ “relay”)" in said, said  # each key once (fx30 B6)
        assert district_key in said and said.count(stranger_key) == 1 and "--same-school" not in said
    # The command line says the same, without blaming the code it was given (test28 N7).
    out, err = io.StringIO(), io.StringIO()
    province.activate()
    status = cli.run(cli.parse(["import", "--db", str(province.db), str(poisoned(stranger)), "--same-school", CODE_A]),
                     out=out, err=err)
    said = out.getvalue() + err.getvalue()
    assert status == 2 and f"{stranger_key} (กุญแจของผู้ส่งไฟล์นี้ “relay”)" in said
    assert f"--same-school {CODE_A}:" not in said, said
    with pytest.raises(same_school.UnknownSigner, match=district_key):  # a vouch for another key
        province.preview(relay, same_schools=[same_school.Vouch(CODE_A, stranger.fingerprint)])
    with province.open() as workspace:
        assert same_school.all_kept(workspace.db.conn) == []
    province.import_(typed_file)  # the district's key is known here now
    province.import_(poisoned(district))
    province.import_(b_file)
    with province.open() as workspace:
        assert sorted(s.code for s in workspace.schools.list()) == [CODE_A, CODE_B]
        assert [r.id for r in workspace.assessments.for_school(own_b["school"])] == [own_b["assessment"]]
        kept = same_school.all_kept(workspace.db.conn)
        assert {m.typed_id: m.held for m in kept} == {ids["typed"]: True, own_b["school"]: False}
        bindings.forget(workspace, district.fingerprint)
        assert same_school.all_kept(workspace.db.conn) == []


def test_a_mapping_from_a_key_unknown_here_or_naming_no_school_here_is_refused(laptops: Laptops) -> None:
    """try27 F1: at a province holding schools A and B (never the typed school), the supervisor's
    own mapping "the typed school is B" is refused (a key unknown here), and so is the district's
    mapping onto a school neither here nor in the file; nothing changes."""
    from qualityschool_desktop.exchange import same_school

    district, supervisor, _typed_file, ids = _typed_round_commented(laptops)
    members = read_members(district.export("relay.qsx", school_codes=[CODE_A]))
    province = laptops("province")
    with province.open() as workspace:
        other = workspace.schools.add(code=CODE_B, name="โรงเรียนบ้านพบพระ")
        other_round = workspace.assessments.start(other.id, 2568).id
    with supervisor._briefly():
        onto_b = same_school.make(ids["typed"], CODE_B, other.id, [(ids["typed_round"], other_round)],
                                  supervisor.installation_id)
    with district._briefly():
        nowhere = same_school.make(ids["typed"], "6301000009", "00000000-0000-4000-8000-000000000009", [],
                                   district.installation_id)

    def forged(signer: Laptop, line: dict[str, Any]) -> Path:
        member = (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")
        return write_members(_typed_file.with_name(f"forged-{signer.name}.qsx"),
                             _relayed_by(signer, members, **{MAPPINGS: member}))

    with pytest.raises(ExchangeError, match="ซึ่งเครื่องนี้ยังไม่รู้จัก"):
        province.import_(forged(supervisor, onto_b))
    with pytest.raises(ExchangeError, match="ไม่มีข้อมูลของโรงเรียน.*ทั้งในไฟล์และในเครื่องนี้"):
        province.import_(forged(district, nowhere), same_schools=["6301000009"])
    with province.open() as workspace:
        assert [s.id for s in workspace.schools.list()] == [other.id]
        assert workspace.comments.for_assessment(ids["assessment"]) == []
        assert workspace.comments.for_assessment(other_round) == []
    # retest27 N3 (F2): once a person vouched for the supervisor's mapping, its rows sit on school B;
    # the district's genuine relay is then refused naming the supervisor's key (whose word stands
    # here), rather than leaving conflicts nobody can close.
    from qualityschool_desktop.exchange import signing

    province.import_(forged(supervisor, onto_b), same_schools=[CODE_B])
    groups = signing.fingerprint_groups(supervisor.fingerprint)  # and the way out (test28 N3)
    with pytest.raises(ExchangeError) as refused:
        province.import_(write_members(_typed_file.with_name("genuine.qsx"), members), same_schools=[CODE_A])
    # retest28 R1: both keys named (the one whose word is held, the one that signed this file), the
    # sender of THIS file checked before any forgetting, the real database path in the command...
    said = str(refused.value)
    assert groups in said and signing.fingerprint_groups(district.fingerprint) in said, said
    assert f"signers --db {province.db} --forget {groups}" in said, said
    assert "ไฟล์ฐานข้อมูล" not in said and said.index("โทรถามผู้ส่ง") < said.index("--forget"), said
    # ... and the window names its senders' page's action instead of the command
    in_window = str(getattr(refused.value, "in_window", ""))
    assert "“ลืมกุญแจนี้…”" in in_window and groups in in_window and "--forget" not in in_window, in_window
    # test29b B6: the command line's refusal is about that code: no "--same-school CODE: not found" after it
    out, err = io.StringIO(), io.StringIO()
    province.activate()
    status = cli.run(cli.parse(["import", "--db", str(province.db), str(_typed_file.with_name("genuine.qsx")),
                                "--same-school", CODE_A]), out=out, err=err)
    said = out.getvalue() + err.getvalue()
    assert status == 2 and f"--forget {groups}" in said and f"--same-school {CODE_A}:" not in said, said
    with province.open() as workspace:
        assert exchange.list_conflicts(workspace) == []
        assert [(m.typed_id, m.school_id) for m in same_school.all_kept(workspace.db.conn)] == [(ids["typed"], other.id)]


def test_a_supervisors_visit_of_the_typed_school_reaches_the_province_as_the_supervisors(laptops: Laptops) -> None:
    """try27 F1b: a visit made on the typed school, moved at the district by "the same school",
    travels on in the form its maker sealed: the province holds it on the school's own ids, waiting
    for nobody."""
    district, supervisor, _typed_file, ids = _typed_round_commented(laptops)
    with supervisor.open() as workspace:  # before the district's news reaches the supervisor
        visit_id = start_visit(workspace, ids["typed"])
    district.import_(supervisor.export("visit.qsx", school_codes=[CODE_A]))

    province = laptops("province")
    province.import_(district.export("relay.qsx"), same_schools=[CODE_A])  # the whole file (retest27 N1)
    with province.open() as workspace:
        assert exchange.list_pending(workspace) == []
        visit = workspace.visits.get(visit_id)
        assert (visit.school_id, visit.assessment_id) == (ids["school"], ids["assessment"])
        assert visit.is_final and workspace.visits.findings(visit_id)
        assert [f.visit_id for f in workspace.follow_ups.for_school(ids["school"])] == [visit_id]


def test_forgetting_a_vouched_key_takes_back_the_rows_its_false_mapping_moved(laptops: Laptops) -> None:
    """test27 F1/F2, retest27 N3: a person at a province vouched for the supervisor's key, whose
    mapping said the district's typed school was school B: the supervisor's comment on the typed
    round and the supervisor's final visit of the typed school landed on school B. ``signers
    --forget`` of that key takes back what its mapping did here, in the same transaction: the
    comment and the visit leave school B (rows of B's own stay), the CLI says how many rows went
    back, and the district's genuine relay then brings them to school A, with no conflict left."""
    import io

    from qualityschool_desktop import cli
    from qualityschool_desktop.exchange import forgotten, same_school

    district, supervisor, _typed_file, ids = _typed_round_commented(laptops)
    with supervisor.open() as workspace:  # before the district's news reaches the supervisor
        visit_id = start_visit(workspace, ids["typed"])
    district.import_(supervisor.export("visit.qsx", school_codes=[CODE_A]))
    relay = district.export("relay.qsx")
    province = laptops("province")
    with province.open() as workspace:
        other = workspace.schools.add(code=CODE_B, name=NAME_B)
        other_round = workspace.assessments.start(other.id, 2568).id
        own_comment = workspace.comments.on_assessment(other_round, "จังหวัด: ข้อมูลของโรงเรียน ข")
    with supervisor._briefly():
        onto_b = same_school.make(ids["typed"], CODE_B, other.id, [(ids["typed_round"], other_round)],
                                  supervisor.installation_id)
    forged = write_members(relay.with_name("forged.qsx"), _relayed_by(supervisor, read_members(relay), **{
        MAPPINGS: (json.dumps(onto_b, ensure_ascii=False) + "\n").encode("utf-8")}))
    province.import_(forged, same_schools=[CODE_B])  # a person vouched for the supervisor's key
    with province.open() as workspace:
        assert [c.id for c in workspace.comments.for_assessment(other_round)] == [own_comment.id, ids["comment"]]
        assert [v.id for v in workspace.visits.for_school(other.id)] == [visit_id]
        # test28 N1: the province answers the moved visit's follow-up itself (typed here)
        follow_up = workspace.follow_ups.for_school(other.id)[0].id
        answer = workspace.comments.on_follow_up(follow_up, "จังหวัด: ขอหลักฐานเพิ่มเติม")

    out, err = io.StringIO(), io.StringIO()  # test28 N3: the list names what the key's word moved
    assert cli.run(cli.parse(["signers", "--db", str(province.db)]), out=out, err=err) == 0, err.getvalue()
    assert f"คำยืนยันว่าเป็นโรงเรียนเดียวกันที่กุญแจนี้ลงนาม ใช้อยู่กับโรงเรียนรหัส {CODE_B}" in out.getvalue()
    out = io.StringIO()
    assert cli.run(cli.parse(["signers", "--db", str(province.db), "--forget", supervisor.fingerprint]),
                   out=out, err=err) == 0, err.getvalue()
    assert f"ข้อมูล 2 รายการที่ย้ายมาอยู่กับโรงเรียนรหัส {CODE_B}" in out.getvalue()  # how many rows went back
    assert "ความคิดเห็น 1 รายการที่บันทึกในเครื่องนี้" in out.getvalue()  # and the one typed here, by count
    again = io.StringIO()  # test28 N3: forgetting it again, by its 8 groups, says so and succeeds
    groups = "-".join(supervisor.fingerprint[i:i + 4] for i in range(0, 32, 4))
    assert cli.run(cli.parse(["signers", "--db", str(province.db), "--forget", groups]),
                   out=again, err=err) == 0, err.getvalue()
    assert f"กุญแจ {groups} ถูกลืมไปแล้วเมื่อ" in again.getvalue()
    with province.open() as workspace:
        assert [c.id for c in workspace.comments.for_assessment(other_round)] == [own_comment.id]
        assert workspace.visits.for_school(other.id) == []
        # the typed round is not here: the rows are kept aside as the supervisor sealed them, not lost
        aside = {kept["row"]["id"]: kept for kept in forgotten.set_aside(workspace.db.conn)}
        assert aside[ids["comment"]]["row"]["assessment_id"] == ids["typed_round"]
        assert aside[visit_id]["row"]["school_id"] == ids["typed"] and aside[visit_id]["parts"]["visit_findings"]
        assert [kept["row"]["id"] for kept in aside[visit_id]["parts"]["comments"]] == [answer.id]
        assert same_school.all_kept(workspace.db.conn) == []
        for trigger in ("comments_no_update", "comments_no_delete"):  # put back as they were
            assert workspace.db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [trigger]).fetchone()

    result = province.import_(relay, same_schools=[CODE_A])  # the district's genuine word, vouched for
    assert any("ความคิดเห็น 1 รายการที่บันทึกในเครื่องนี้" in line for line in result.lines())
    comment, sealer = _comment_at(province, ids)
    assert comment is not None and (comment.school_id, comment.assessment_id) == (ids["school"], ids["assessment"])
    assert sealer == supervisor.installation_id
    with province.open() as workspace:
        assert exchange.list_conflicts(workspace) == [] and exchange.list_pending(workspace) == []
        assert [c.id for c in workspace.comments.for_assessment(other_round)] == [own_comment.id]
        visit = workspace.visits.get(visit_id)
        assert (visit.school_id, visit.assessment_id) == (ids["school"], ids["assessment"]) and visit.is_final
        assert forgotten.set_aside(workspace.db.conn) == []  # all brought back
        # the province's own answer came back with the follow-up it answers, on school A now
        back = workspace.comments.for_follow_up(follow_up)
        assert [(c.id, c.body, c.school_id) for c in back] == [(answer.id, answer.body, ids["school"])]


def test_a_genuine_relay_forwarded_by_a_third_key_names_its_sender_and_the_owner_to_phone(laptops: Laptops) -> None:
    """test29b B8: the district's genuine relay, forwarded unchanged with its manifest signed by a
    third key: the refusal names who sent the file (name and key) beside the key to vouch for, and
    says the sender is not that key's owner, so the phone call goes to the office that typed the
    school, not to the sender (who has the file and can read the key's groups off it). The command
    line gives the whole command."""
    from qualityschool_desktop.exchange import same_school, signing

    district, _supervisor, typed_file, _ids = _typed_round_commented(laptops)
    relay = district.export("relay.qsx", school_codes=[CODE_A])
    stranger = laptops("stranger")
    forwarded = write_members(typed_file.with_name("forwarded.qsx"), _relayed_by(stranger, read_members(relay)))
    owner, sender = (signing.fingerprint_groups(key) for key in (district.fingerprint, stranger.fingerprint))
    province = laptops("province")
    with pytest.raises(same_school.UnknownSigner) as refusal:
        province.import_(forwarded)
    reason = str(refusal.value.reason)  # what the window shows above its tick
    assert f"“relay” (กุญแจ {sender})" in reason and "ไม่ใช่เจ้าของกุญแจที่ลงนามคำยืนยัน" in reason, reason
    assert f"กุญแจที่ลงนามคำยืนยัน: {owner}" in reason and reason.count(owner) == 1, reason  # once (fx30 B6)
    assert "ไม่ใช่ผู้ส่ง" in reason and refusal.value.forwarded_by == (  # type: ignore[attr-defined]
        "relay", stranger.fingerprint)
    out, err = io.StringIO(), io.StringIO()
    province.activate()
    assert cli.run(cli.parse(["import", "--db", str(province.db), str(forwarded)]), out=out, err=err) == 2
    said = out.getvalue() + err.getvalue()
    assert f"“relay” (กุญแจ {sender})" in said and "หากโทรสอบถามผู้ส่งแล้ว" not in said, said
    assert f"import --db {province.db} --same-school {CODE_A} {forwarded}" in said, said
