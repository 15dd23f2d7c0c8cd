"""Issue 10 (X10 gap 3): a supervisor who reinstalled (a new key, so a new installation) carries on
her old visits only after a deliberate act: ``signers --bind NEW --visits-of OLD`` re-binds the
visits the old key's installation made to the new key, in the database where it is run (her new
laptop, so she may edit them there; the district, so her new key's changes apply there). Without
it her old visits are read-only on the new laptop and the new key's changes wait as pending at the
district.

Real files move between databases with separate data folders (separate keys); the command runs
through the real command line."""

from __future__ import annotations

import io
from datetime import date
from typing import Callable

import pytest

from qualityschool_desktop import cli, exchange
from qualityschool_desktop.errors import OwnershipError

from .laptops import Laptop, laptops, start_school, start_visit  # noqa: F401 (fixture)

Laptops = Callable[[str], Laptop]


def _cli(laptop: Laptop, *argv: str) -> tuple[int | None, str, str]:
    laptop.activate()
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse(list(argv)), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def _component(laptop: Laptop, visit_id: str) -> str:
    with laptop.open() as workspace:
        return workspace.visits.framework_of(workspace.visits.get(visit_id)).components[0].code


def test_a_reinstalled_supervisor_carries_on_her_visits_once_the_office_rebinds_them(laptops: Laptops) -> None:
    school, old, new, district = laptops("school"), laptops("supervisor-old"), laptops("supervisor-new"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    start = school.export("a.qsx")
    old.import_(start)
    district.import_(start)
    with old.open() as workspace:
        visit_id = start_visit(workspace, ids["school"])  # final, made by the old installation
    district.import_(old.export("old.qsx"))
    old_fp, new_fp = old.fingerprint, new.fingerprint
    code = _component(district, visit_id)

    # Reinstalled: her new laptop gets everything from the district; her old visit is not hers yet.
    new.import_(district.export("district.qsx"))
    with new.open() as workspace:
        with pytest.raises(OwnershipError):
            workspace.visits.reopen(visit_id, "แก้ผลการนิเทศ")
        assert workspace.visits.get(visit_id).is_final

    # At her new laptop: her own key takes over the old key's visits (there).
    status, out, err = _cli(new, "signers", "--db", str(new.db), "--bind", new_fp, "--visits-of", old_fp)
    assert status == 0, err
    assert "การนิเทศ" in out and exchange.fingerprint_groups(new_fp) in out
    with new.open() as workspace:
        workspace.visits.reopen(visit_id, "แก้ผลการนิเทศ")
        workspace.visits.set_text(visit_id, code, "observed", "ครูใช้สื่อดิจิทัลครบทุกห้อง")
        workspace.visits.finalise(visit_id)
    changed = new.export("new.qsx")

    # The district has not re-bound: the new key's changes wait for a person, nothing applied.
    result = district.import_(changed)
    assert result.counts["visits"].pending >= 1
    with district.open() as workspace:
        assert workspace.visits.findings(visit_id)[code].observed == "ครูใช้สื่อหลากหลาย"
        waiting = [c for c in exchange.list_pending(workspace) if c.record_id == visit_id or c.row.get("visit_id") == visit_id]
        assert waiting and all(c.signer_fingerprint == new_fp for c in waiting)

    # The district's deliberate act: the old key's visits now belong to the new key here.
    status, out, err = _cli(district, "signers", "--db", str(district.db), "--bind", new_fp, "--visits-of", old_fp)
    assert status == 0, err
    with district.open() as workspace:
        signers = {s.fingerprint: s for s in exchange.list_signers(workspace)}
        assert signers[new_fp].visits == 1  # what the new key may change here
    result = district.import_(changed)
    assert result.counts["visits"].pending == 0
    with district.open() as workspace:
        assert workspace.visits.findings(visit_id)[code].observed == "ครูใช้สื่อดิจิทัลครบทุกห้อง"
        assert workspace.visits.get(visit_id).is_final
        # What waited from before the decision is answered by it: nothing of hers waits any more.
        assert [c for c in exchange.list_pending(workspace) if c.signer_fingerprint == new_fp] == []


def test_rebinding_visits_is_refused_for_unknown_or_own_keys(laptops: Laptops) -> None:
    school, old, district = laptops("school"), laptops("supervisor-old"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    old.import_(school.export("a.qsx"))
    with old.open() as workspace:
        start_visit(workspace, ids["school"])
    district.import_(old.export("old.qsx"))
    stranger = laptops("stranger").fingerprint
    # An old key this database never saw: nothing to take over (exit 2, Thai).
    status, _out, err = _cli(district, "signers", "--db", str(district.db), "--bind", old.fingerprint,
                             "--visits-of", stranger)
    assert status == 2 and "ไม่พบ" in err
    # --visits-of goes with --bind only, and not with --school.
    status, _out, err = _cli(district, "signers", "--db", str(district.db), "--bind", stranger,
                             "--visits-of", old.fingerprint, "--school", "6301000001")
    assert status == 2
    # The same key on both sides means nothing.
    status, _out, err = _cli(district, "signers", "--db", str(district.db), "--bind", old.fingerprint,
                             "--visits-of", old.fingerprint)
    assert status == 2
    with district.open() as workspace:
        assert not workspace.db.execute("SELECT 1 FROM installation WHERE key LIKE 'visits_of:%'").fetchone()
