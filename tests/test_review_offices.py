"""Issue 13, finding 1 of the fresh tester: only the office that serves a school decides on its
submissions. A laptop that merely got the school's file (a stranger, another district) cannot
review it first and override the district; its decisions are refused on import with a Thai reason."""

from __future__ import annotations

from typing import Callable

import pytest

from qualityschool_desktop.errors import ValidationError
from qualityschool_desktop.review import offices
from qualityschool_desktop.thai import office_name

from .laptops import CODE_A, Laptop, laptops, start_school  # noqa: F401 (a fixture)

Laptops = Callable[[str], Laptop]
AREA = "สพป.ตาก เขต ๒"
STORED = office_name(AREA)  # stored and named with an Arabic digit (try14e f03)
COMMENT = "ขาดหลักฐานด้านที่ ๓"


def state_at(laptop: Laptop, assessment_id: str) -> tuple[str, list[tuple[str, str]]]:
    with laptop.open() as workspace:
        assessment = workspace.assessments.get(assessment_id)
        return (workspace.reviews.state(assessment),
                [(d.decision, d.comment) for d in workspace.reviews.history(assessment_id)])


def submitted(laptops: Laptops) -> tuple[Laptop, dict[str, str]]:
    school = laptops("school-a")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.schools.update(ids["school"], area_office=AREA)
        workspace.assessments.submit(ids["assessment"])
    return school, ids


def submitted_at(laptops: Laptops, *names: str) -> tuple[Laptop, dict[str, str], list[Laptop]]:
    """School A submitted (:func:`submitted`) and its file ``s.qsx`` imported at the laptops
    ``names``, made and imported in that order."""
    school, ids = submitted(laptops)
    others = [laptops(name) for name in names]
    first = school.export("s.qsx", school_codes=[CODE_A])
    for other in others:
        other.import_(first)
    return school, ids, others


def returned_at_district(laptops: Laptops) -> tuple[Laptop, dict[str, str], Laptop]:
    """School A submitted (:func:`submitted`), its file imported at the district, which returned
    the round with :data:`COMMENT` as :data:`AREA`; nothing is exported back yet."""
    school, ids = submitted(laptops)
    district = laptops("district")
    district.import_(school.export("s.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "returned", COMMENT, office_name=AREA)
    return school, ids, district


def test_a_stranger_who_reviews_first_does_not_override_the_district(laptops: Laptops) -> None:
    school, ids, (stranger, district) = submitted_at(laptops, "stranger", "district")
    with stranger.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "accepted", office_name=AREA)
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "returned", COMMENT, office_name=AREA)
    with school.open() as workspace:  # the school's person binds the district's key once (fingerprint read out)
        offices.bind(workspace, district.fingerprint, AREA)

    result = school.import_(stranger.export("x.qsx", school_codes=[CODE_A]))
    assert state_at(school, ids["assessment"]) == ("waiting", [])
    assert any("ยังไม่ได้ผูกเป็นกุญแจของสำนักงานที่ดูแลโรงเรียน" in warning and STORED in warning for warning in result.warnings)
    # s32 B20: kept waiting for a person (binding a key as the office applies what waited for it),
    # never applied: the stranger's key is not the office's
    assert result.counts["review_decisions"].pending == 1
    school.import_(district.export("o.qsx", school_codes=[CODE_A]))
    assert state_at(school, ids["assessment"]) == ("returned", [("returned", COMMENT)])

    # The district imports the school's next file, which carries nothing of the stranger's.
    district.import_(school.export("s2.qsx", school_codes=[CODE_A]))
    assert state_at(district, ids["assessment"]) == ("returned", [("returned", COMMENT)])


def test_a_relayed_stranger_decision_is_refused_at_the_district(laptops: Laptops) -> None:
    school, ids = submitted(laptops)
    stranger, district = laptops("stranger"), laptops("district")
    first = school.export("s.qsx", school_codes=[CODE_A])
    district.import_(first)
    stranger.import_(first)
    with stranger.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "accepted", office_name=AREA)
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "returned", COMMENT, office_name=AREA)
    result = district.import_(stranger.export("x.qsx", school_codes=[CODE_A]))
    assert state_at(district, ids["assessment"]) == ("returned", [("returned", COMMENT)])
    assert any("ยังไม่ได้ผูกเป็นกุญแจของสำนักงานที่ดูแลโรงเรียน" in warning for warning in result.warnings)


def test_without_a_bound_office_no_decision_from_elsewhere_applies(laptops: Laptops) -> None:
    school, ids, district = returned_at_district(laptops)
    decided = district.export("o.qsx", school_codes=[CODE_A])
    result = school.import_(decided)
    assert state_at(school, ids["assessment"]) == ("waiting", [])
    reason = next(w for w in result.warnings if "ยังไม่ได้ผูกเป็นกุญแจของสำนักงานที่ดูแลโรงเรียน" in w)
    assert "signers --office" in reason and STORED in reason
    with school.open() as workspace:
        offices.bind(workspace, district.fingerprint, AREA)
    school.import_(decided)  # the same file again, once the person has bound the district's key
    assert state_at(school, ids["assessment"]) == ("returned", [("returned", COMMENT)])


def test_binding_an_office_needs_a_known_area_office(laptops: Laptops) -> None:
    school, _ids = submitted(laptops)
    district = laptops("district")
    with school.open() as workspace:
        with pytest.raises(ValidationError, match="ไม่มีเขตพื้นที่") as refused:
            offices.bind(workspace, district.fingerprint, "สพป.ตาก เขต ๙")
        assert STORED in str(refused.value)
        assert offices.bound(workspace, AREA) == []


def test_signers_office_binds_from_the_command_line(laptops: Laptops) -> None:
    import io

    from qualityschool_desktop import cli

    school, ids = submitted(laptops)
    district = laptops("district")
    fingerprint = district.fingerprint
    school.activate()
    db = str(school.db)

    def run(*argv: str) -> tuple[int | None, str, str]:
        out, err = io.StringIO(), io.StringIO()
        return cli.run(cli.parse(list(argv)), out=out, err=err), out.getvalue(), err.getvalue()

    status, _out, err = run("signers", "--db", db, "--office", fingerprint)
    assert status == 2 and "--area-office" in err
    status, out, err = run("signers", "--db", db, "--office", fingerprint, "--area-office", f" {AREA} ")
    assert status == 0, err
    assert AREA in out
    assert "ผลการตรวจ" in out and "ผลการอนุมัติงบประมาณ" in out  # issue 14: both kinds of decision
    with school.open() as workspace:
        assert offices.bound(workspace, AREA) == [fingerprint]


def test_an_office_key_unbound_decides_no_more(laptops: Laptops) -> None:
    """The window's "ยกเลิกกุญแจสำนักงาน" (issue 13, open after s22): the binding is listed per key
    and can be taken off again; a decision from the key is refused once more."""
    school, ids, district = returned_at_district(laptops)
    with school.open() as workspace:
        offices.bind(workspace, district.fingerprint, "สพป.ตาก เขต 2")
        assert offices.offices_of(workspace.db.conn, district.fingerprint) == [STORED]
        offices.unbind(workspace, district.fingerprint, AREA)  # Thai digit: the same office
        assert offices.offices_of(workspace.db.conn, district.fingerprint) == []
        assert offices.bound(workspace, AREA) == []
        with pytest.raises(ValidationError, match="ไม่ได้ผูกเป็นกุญแจของ สพป.ตาก เขต 2"):
            offices.unbind(workspace, district.fingerprint, AREA)
    result = school.import_(district.export("o.qsx", school_codes=[CODE_A]))
    assert state_at(school, ids["assessment"]) == ("waiting", [])
    assert any("ยังไม่ได้ผูกเป็นกุญแจของสำนักงานที่ดูแลโรงเรียน" in warning for warning in result.warnings)


def test_the_command_line_unbinds_an_office_key(laptops: Laptops) -> None:
    import io

    from qualityschool_desktop import cli

    school, _ids = submitted(laptops)
    district = laptops("district")
    district.import_(school.export("s.qsx", school_codes=[CODE_A]))
    school.import_(district.export("d.qsx", school_codes=[CODE_A]))
    with school.open() as workspace:
        offices.bind(workspace, district.fingerprint, AREA)
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(cli.parse(["signers", "--db", str(school.db), "--unbind", district.fingerprint,
                              "--area-office", AREA]), out=out, err=err)
    assert code == 0, err.getvalue()
    assert "ยกเลิกกุญแจ" in out.getvalue() and AREA in out.getvalue()
    with school.open() as workspace:
        assert offices.bound(workspace, AREA) == []
