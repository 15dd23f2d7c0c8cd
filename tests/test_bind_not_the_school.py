"""test33 T8: any laptop could bind its OWN key to a school it merely received (a supervisor's:
``signers --bind <own fingerprint> --school CODE``) and then edit the school's self-assessment on
itself, so her visit's "เทียบกับการประเมินตนเอง" no longer showed the school's levels. Binding this
laptop's own key to a school whose records it never made, or a key that made visits of the school
(a visitor's, not the school's), is refused on the command line unless ``--confirm-school-laptop``
says it is deliberate; the school's own laptops bind as before."""

from __future__ import annotations

import io

from qualityschool_desktop import cli, exchange
from qualityschool_desktop.exchange import bindings

from .laptops import CODE_A, Laptop, Laptops, laptops, school_and_district, start_visit  # noqa: F401 (a fixture)

FLAG = "--confirm-school-laptop"


def _signers(laptop: Laptop, *argv: str) -> tuple[int | None, str, str]:
    laptop.activate()
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["signers", "--db", str(laptop.db), *argv]), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def supervisor_with_a_visit(laptops: Laptops) -> tuple[Laptop, Laptop, Laptop, dict[str, str]]:
    """The school's laptop, the district (both have the school) and a supervisor who got the school
    by the district's file and made a visit of it there."""
    school, district, ids, _first = school_and_district(laptops)
    supervisor = laptops("supervisor")
    supervisor.import_(district.export("d-1.qsx"))
    with supervisor.open() as workspace:
        start_visit(workspace, ids["school"])
    return school, district, supervisor, ids


def test_binding_this_laptops_own_key_to_a_school_it_only_received_is_refused(laptops: Laptops) -> None:
    _school, _district, supervisor, ids = supervisor_with_a_visit(laptops)
    status, out, err = _signers(supervisor, "--bind", supervisor.fingerprint, "--school", CODE_A)
    assert status == 2 and out == ""
    assert "เครื่องนี้ไม่ใช่เครื่องของโรงเรียน" in err and FLAG in err
    with supervisor.open() as workspace:
        assert workspace.schools.owned_elsewhere(ids["school"])  # still the school's: read-only here
        assert bindings.bind_doubt(workspace, supervisor.fingerprint, CODE_A)
    # Said deliberately, it binds (a school's new laptop that cannot wait for the first one's file).
    status, out, err = _signers(supervisor, "--bind", supervisor.fingerprint, "--school", CODE_A, FLAG)
    assert status == 0, err
    with supervisor.open() as workspace:
        assert not workspace.schools.owned_elsewhere(ids["school"])


def test_binding_a_key_that_made_visits_of_the_school_is_refused(laptops: Laptops) -> None:
    _school, district, supervisor, _ids = supervisor_with_a_visit(laptops)
    district.import_(supervisor.export("visits.qsx"))
    groups = exchange.fingerprint_groups(supervisor.fingerprint)
    status, _out, err = _signers(district, "--bind", groups, "--school", CODE_A)
    assert status == 2
    assert "การนิเทศ" in err and "ไม่ใช่เครื่องของโรงเรียน" in err and FLAG in err
    with district.open() as workspace:
        assert CODE_A not in bindings.signer_of(workspace, supervisor.fingerprint).schools


def test_the_schools_own_laptops_bind_as_before(laptops: Laptops) -> None:
    school, district, _ids, _first = school_and_district(laptops)
    spare = laptops("school-a-spare")
    groups = exchange.fingerprint_groups(spare.fingerprint)
    for laptop in (school, district):  # the school's first laptop, or the office, binds the new laptop's key
        status, out, err = _signers(laptop, "--bind", groups, "--school", CODE_A)
        assert status == 0 and err == "" and groups in out
    with school.open() as workspace:
        assert bindings.bind_doubt(workspace, school.fingerprint, CODE_A) == []  # its own school
        assert bindings.bind_doubt(workspace, groups, CODE_A) == []
