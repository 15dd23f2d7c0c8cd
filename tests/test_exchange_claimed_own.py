"""Issue 10 (fx30): a file that claims THIS installation's id but is signed by another key is not
from here (``signing.CLAIMED_OWN``). Through real files between data folders with separate keys:
a stranger copies a school's file, seals and signs it anew with its own key and claims the
receiving district's own (old, random) installation id. The command line refuses it and says the
file claims to come from this very laptop, with both keys once each, and gives no "--forget"
advice: this laptop's own key is never forgotten."""

from __future__ import annotations

import io
from pathlib import Path

from qualityschool_desktop import cli, exchange

from .laptops import Laptop, forge, laptops, read_members, start_school, write_members  # noqa: F401 (fixture)
from .test_exchange_accept_owners import Laptops


def claiming_the_districts_own(laptops: Laptops) -> tuple[Laptop, Laptop, Path]:
    """The district (an old random id: a derived id would be refused as not derived first), a
    stranger's laptop, and a school's file the stranger re-signed claiming the district's id."""
    school, district, stranger = laptops("school-a"), laptops("district"), laptops("stranger")
    district.use_legacy_id()
    with district.open():
        pass  # its id and key made now
    with school.open() as workspace:
        start_school(workspace)
    real = school.export("a-1.qsx")
    with stranger._briefly():
        members = forge(read_members(real), claim_installation=district.installation_id)
    return district, stranger, write_members(real.with_name("claims-the-district.qsx"), members)


def test_a_file_claiming_this_laptops_own_id_with_another_key_is_refused_without_forget_advice(
    laptops: Laptops,
) -> None:
    district, stranger, forged = claiming_the_districts_own(laptops)
    district.activate()
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(["import", "--db", str(district.db), str(forged)]), out=out, err=err)
    said = out.getvalue() + err.getvalue()
    assert status == 2, said
    assert "อ้างว่ามาจากเครื่องนี้เอง" in said, said
    theirs, ours = exchange.fingerprint_groups(stranger.fingerprint), exchange.fingerprint_groups(district.fingerprint)
    reason = err.getvalue()  # the reason once, on standard error when the streams part (retest30 N5)
    assert reason.count(theirs) == 1 and reason.count(ours) == 1, reason  # each key once
    assert "--forget" not in said and "ลืมกุญแจ" not in said, said  # this laptop's own key is never forgotten
    with district.open() as workspace:
        assert workspace.schools.list() == []  # nothing imported
        assert stranger.fingerprint not in [s.fingerprint for s in exchange.list_signers(workspace)]
