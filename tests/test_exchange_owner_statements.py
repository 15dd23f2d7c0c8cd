"""Issue 10, the remaining gaps: a school's ownership travels with its records, and installation ids
are tied to keys.

* Every file that carries a school's records carries the school's own statement of the keys that own
  it, signed by one of them; relays carry it unchanged; the receiver learns the owners from it, never
  from a relay's key (``exchange/statements.py``).
* A new installation's id is derived from its public key, so a file whose key does not match the
  derived id it claims is refused; an old random id is trusted on first use, and the import says so.

Every test moves real files between databases with separate data folders (separate keys).
"""

from __future__ import annotations

import io
import json

import pytest

from qualityschool_desktop import cli, exchange
from qualityschool_desktop.exchange import ExchangeError

from .laptops import (
    CODE_A,
    NAME_A,
    Laptops,
    behind_owner_check,
    empty_claim,
    laptops,  # noqa: F401 (a fixture)
    owned,
    read_members,
    resign_manifest,
    school_and_district,
    start_school,
    write_members,
)

STATEMENTS = "owners.jsonl"


# -- the school's ownership travels with its records ---------------------------------------------


def test_every_file_with_a_schools_records_carries_the_schools_own_statement(laptops: Laptops) -> None:
    school, district, ids, first = school_and_district(laptops)
    lines = read_members(first)[STATEMENTS].decode("utf-8").splitlines()
    statement = json.loads(lines[0])
    assert len(lines) == 1 and statement["school_id"] == ids["school"]
    assert [owner["fingerprint"] for owner in statement["owners"]] == [school.fingerprint]
    assert statement["signer_installation"] == school.installation_id
    # The district forwards the school's statement unchanged: it cannot sign it, and does not replace it.
    relayed = read_members(district.export("relay.qsx", school_codes=[CODE_A]))[STATEMENTS].decode("utf-8")
    assert json.loads(relayed.splitlines()[0]) == statement


def test_a_district_accepting_a_non_owners_change_does_not_make_it_the_owner_at_the_province(
    laptops: Laptops,
) -> None:
    school, district, ids, first = school_and_district(laptops)
    supervisor, province = laptops("supervisor"), laptops("province")
    supervisor.import_(first)
    with supervisor.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], pupils=999)
    assert district.import_(supervisor.export("sup.qsx", school_codes=[CODE_A])).counts["schools"].pending == 1
    with district.open() as workspace:
        (change,) = exchange.list_pending(workspace)
        with pytest.raises(ExchangeError, match="เครื่องของโรงเรียน"):  # only the school's laptop accepts (s23)
            exchange.accept_pending(workspace, change.id)
        assert workspace.schools.by_code(CODE_A).pupils != 999

    result = province.import_(district.export("relay.qsx", school_codes=[CODE_A]))
    # The district relays the school's own version, never the supervisor's change.
    assert result.counts["schools"].pending == 0
    with province.open() as workspace:
        assert workspace.schools.by_code(CODE_A).pupils != 999
    owners = owned(province)
    assert owners.get(district.fingerprint, ()) == () and owners.get(supervisor.fingerprint, ()) == ()

    # The school's own next file binds the school to the school's key, never to the district's.
    with school.open() as workspace:
        workspace.schools.update(ids["school"], pupils=130)
    province.import_(school.export("a-2.qsx", school_codes=[CODE_A]))
    owners = owned(province)
    assert owners[school.fingerprint] == (CODE_A,)
    assert owners.get(district.fingerprint, ()) == ()
    with province.open() as workspace:
        assert workspace.schools.by_code(CODE_A).pupils == 130


def test_a_districts_edit_of_a_school_is_refused_at_the_province_and_accepted_only_at_the_school(
    laptops: Laptops,
) -> None:
    """The district's own edit of the school's record waits at the province, which cannot accept
    it (s23); the school's laptop accepts it, and the school stays owned by the school's keys."""
    school, district, ids, first = school_and_district(laptops)
    province = laptops("province")
    with district.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], pupils=5)  # the district's own edit of the school's record
    relay = district.export("relay.qsx", school_codes=[CODE_A])
    province.import_(relay)
    with province.open() as workspace:
        (change,) = [p for p in exchange.list_pending(workspace) if p.table == "schools"]
        with pytest.raises(ExchangeError, match="เครื่องของโรงเรียน"):
            exchange.accept_pending(workspace, change.id)
    assert owned(province).get(district.fingerprint, ()) == ()
    school.import_(relay)
    with school.open() as workspace:
        (change,) = [p for p in exchange.list_pending(workspace) if p.table == "schools"]
        exchange.accept_pending(workspace, change.id)
        assert workspace.schools.get(ids["school"]).pupils == 5
        assert not workspace.schools.owned_elsewhere(ids["school"])  # still the school's to edit
    assert owned(school).get(district.fingerprint, ()) == ()


def test_a_second_laptop_bound_at_the_school_is_recognised_at_district_and_province(laptops: Laptops) -> None:
    school, district, ids, first = school_and_district(laptops)
    spare, province = laptops("school-a-spare"), laptops("province")
    spare.import_(first)
    with school.open() as workspace:
        exchange.bind(workspace, exchange.fingerprint_groups(spare.fingerprint, full=True), CODE_A)
    second = school.export("a-2.qsx", school_codes=[CODE_A])
    statement = json.loads(read_members(second)[STATEMENTS].decode("utf-8").splitlines()[0])
    assert {o["fingerprint"] for o in statement["owners"]} == {school.fingerprint, spare.fingerprint}
    assert statement["serial"] == 2 and statement["signer_installation"] == school.installation_id
    district.import_(second)
    spare.import_(second)
    assert owned(district)[spare.fingerprint] == (CODE_A,)

    with spare.open() as workspace:
        workspace.schools.update(ids["school"], pupils=125)
    from_spare = spare.export("spare.qsx", school_codes=[CODE_A])
    assert district.import_(from_spare).counts["schools"].updated == 1  # not pending: the school vouched for it
    # The province first sees the school through the district: both laptops own it there too.
    assert province.import_(district.export("relay.qsx", school_codes=[CODE_A])).counts["schools"].new == 1
    owners = owned(province)
    assert owners[school.fingerprint] == (CODE_A,) and owners[spare.fingerprint] == (CODE_A,)
    assert owners.get(district.fingerprint, ()) == ()
    with province.open() as workspace:
        assert workspace.schools.by_code(CODE_A).pupils == 125

    # The school unbinds the spare laptop: the new statement travels and the spare's later change waits.
    with school.open() as workspace:
        exchange.unbind(workspace, spare.fingerprint, CODE_A)
    district.import_(school.export("a-3.qsx", school_codes=[CODE_A]))
    with spare.open() as workspace:
        workspace.schools.update(ids["school"], pupils=126)
    assert district.import_(spare.export("spare-2.qsx", school_codes=[CODE_A])).counts["schools"].pending == 1


def test_a_binding_made_at_an_office_stays_at_that_office(laptops: Laptops) -> None:
    school, district, ids, first = school_and_district(laptops)
    spare, province = laptops("school-a-spare"), laptops("province")
    with district.open() as workspace:
        signer = exchange.bind(workspace, spare.fingerprint, CODE_A)
        assert CODE_A in signer.schools
    relayed = district.export("relay.qsx", school_codes=[CODE_A])
    statement = json.loads(read_members(relayed)[STATEMENTS].decode("utf-8").splitlines()[0])
    assert {o["fingerprint"] for o in statement["owners"]} == {school.fingerprint}  # the school's word only
    province.import_(relayed)
    assert owned(province).get(spare.fingerprint, ()) == ()


def test_a_relay_cannot_add_itself_to_the_schools_owner_statement(laptops: Laptops) -> None:
    from qualityschool_desktop.exchange import statements

    school, district, ids, first = school_and_district(laptops)
    province, other = laptops("province"), laptops("other-province")
    relayed = read_members(district.export("relay.qsx", school_codes=[CODE_A]))
    original = json.loads(relayed[STATEMENTS].decode("utf-8").splitlines()[0])

    # Editing the school's statement breaks the school's signature: the file is refused whole.
    district.activate()
    edited = {**original, "owners": [*original["owners"], {"installation_id": district.installation_id,
                                                           "fingerprint": district.fingerprint}]}
    altered = {**relayed, STATEMENTS: (json.dumps(edited) + "\n").encode("utf-8")}
    with pytest.raises(ExchangeError, match="เจ้าของ"):
        province.import_(write_members(district.root / "edited.qsx", resign_manifest(altered)))

    # A statement of its own (signed by the relay's key, naming itself and the school) is not the school's.
    district.activate()
    own = statements.make_statement(ids["school"], 7, [(school.installation_id, school.fingerprint),
                                                      (district.installation_id, district.fingerprint)],
                                    district.installation_id)
    replaced = {**relayed, STATEMENTS: (json.dumps(own) + "\n").encode("utf-8")}
    result = province.import_(write_members(district.root / "replaced.qsx", resign_manifest(replaced)))
    assert any("เจ้าของ" in warning for warning in result.warnings)
    owners = owned(province)
    assert owners[school.fingerprint] == (CODE_A,)
    assert owners.get(district.fingerprint, ()) == ()
    # Nor can it replace the school's statement where the school is known already.
    other.import_(first)
    district.activate()
    other.import_(write_members(district.root / "replaced-2.qsx", resign_manifest(replaced)))
    assert owned(other).get(district.fingerprint, ()) == ()


def test_the_signers_command_says_how_each_binding_was_learnt(laptops: Laptops) -> None:
    school, district, ids, first = school_and_district(laptops)
    spare = laptops("school-a-spare")
    with district.open() as workspace:
        exchange.bind(workspace, spare.fingerprint, CODE_A)
        data = {s["fingerprint"]: s for s in exchange.signers_as_data(workspace)}
    assert data[school.fingerprint]["bindings"] == [{"school": CODE_A, "how": "statement"}]
    assert data[spare.fingerprint]["bindings"] == [{"school": CODE_A, "how": "by_hand"}]
    district.activate()
    out = io.StringIO()
    assert cli.run(cli.parse(["signers", "--db", str(district.db)]), out=out, err=io.StringIO()) == 0
    assert "คำรับรองของโรงเรียน" in out.getvalue() and "ผูกด้วยมือที่เครื่องนี้" in out.getvalue()


# -- installation ids tied to keys -------------------------------------------------------------------


def test_a_new_installations_id_is_derived_from_its_key(laptops: Laptops) -> None:
    from qualityschool_desktop import ids

    school = laptops("school-a")
    school.activate()
    from qualityschool_desktop.exchange import signing

    assert school.installation_id == ids.installation_id_for(signing.own_public_key())
    assert ids.is_derived(school.installation_id)
    assert len(school.installation_id) == 36


def test_a_forged_id_that_does_not_derive_from_its_key_is_refused(laptops: Laptops) -> None:
    school, mallory, district = laptops("school-a"), laptops("mallory"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    first = school.export("a-1.qsx")
    claim = empty_claim(mallory, first, school.installation_id)
    with pytest.raises(ExchangeError, match="ไม่ตรงกับกุญแจ"):
        district.preview(claim)
    with pytest.raises(ExchangeError, match="ไม่ตรงกับกุญแจ"):
        district.import_(claim)
    district.import_(first)  # the real laptop is not locked out
    with district.open() as workspace:
        assert workspace.schools.by_code(CODE_A).name == NAME_A


def test_a_legacy_id_is_trusted_on_first_use_and_a_second_key_claiming_it_is_named(laptops: Laptops) -> None:
    school, mallory, district = laptops("school-a"), laptops("mallory"), laptops("district")
    legacy = school.use_legacy_id()
    with school.open() as workspace:
        assert workspace.installation_id == legacy
        start_school(workspace)
    first = school.export("a-1.qsx")
    preview = district.preview(first)
    assert any("ครั้งแรก" in warning and legacy[:8] in warning for warning in preview.warnings)
    result = district.import_(first)
    assert any("ครั้งแรก" in warning for warning in result.warnings)
    assert not any("ครั้งแรก" in warning for warning in district.import_(first).warnings)  # known now

    claim = empty_claim(mallory, first, legacy)
    with pytest.raises(ExchangeError) as refused:
        district.import_(claim)
    message = str(refused.value)
    assert exchange.fingerprint_groups(mallory.fingerprint) in message
    assert exchange.fingerprint_groups(school.fingerprint) in message  # the key that claimed it first
    # The command line prints the same, and the other files of the run still import.
    district.activate()
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["import", "--db", str(district.db), str(claim), str(first)]), out=out, err=err)
    assert status == 2 and exchange.fingerprint_groups(school.fingerprint) in err.getvalue() + out.getvalue()
