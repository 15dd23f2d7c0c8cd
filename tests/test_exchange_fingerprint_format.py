"""Issue 10 (try10 F2): one fingerprint format everywhere (export, import, signers), and binding a
laptop whose key this database has never seen, by its full fingerprint or by the 8 groups."""

from __future__ import annotations

import io

from qualityschool_desktop import cli, exchange

from .laptops import CODE_A, Laptops, laptops, start_school  # noqa: F401 (a fixture)


def test_export_import_and_signers_write_the_same_groups(laptops: Laptops) -> None:  # noqa: F811
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
        own = exchange.own_signer(workspace).fingerprint
        summary = exchange.export_file(workspace, school.root / "a.qsx")
    groups = exchange.fingerprint_groups(own)
    assert groups in "\n".join(summary.lines())
    preview = district.preview(school.root / "a.qsx")
    assert preview.short_fingerprint == groups and groups in "\n".join(preview.lines())


def test_the_signers_command_prints_the_full_fingerprint_in_groups_that_bind_accepts(
        laptops: Laptops) -> None:  # noqa: F811
    school, spare = laptops("school-a"), laptops("school-a-spare")
    with school.open() as workspace:
        start_school(workspace)
    with spare.open():
        pass  # the new laptop's database, as its first start makes it
    out = io.StringIO()
    spare.activate()
    assert cli.run(cli.parse(["signers", "--db", str(spare.db)]), out=out, err=io.StringIO()) == 0
    full = exchange.fingerprint_groups(spare.fingerprint, full=True)
    assert full in out.getvalue()
    with school.open() as workspace:
        signer = exchange.bind(workspace, full, CODE_A)
        assert signer.fingerprint == spare.fingerprint and CODE_A in signer.schools


def test_an_unseen_key_bound_by_its_short_groups_at_the_schools_laptop_goes_into_the_schools_statement(
        laptops: Laptops) -> None:  # noqa: F811
    school, spare = laptops("school-a"), laptops("school-a-spare")
    with school.open() as workspace:
        start_school(workspace)
        waiting = exchange.bind(workspace, exchange.fingerprint_groups(spare.fingerprint), CODE_A)
        assert not isinstance(waiting, exchange.Signer)  # no file of it yet: the binding waits
    with spare.open():
        pass  # the new laptop's database, as its first start makes it
    school.import_(spare.export("spare-first.qsx"))  # its first file, even an empty one, answers it
    with school.open() as workspace:
        signer = [s for s in exchange.list_signers(workspace) if s.fingerprint == spare.fingerprint][0]
        assert signer.bindings == ((CODE_A, "by_hand_sent"),)  # in the school's statement: it travels
        assert exchange.list_waiting(workspace) == []
