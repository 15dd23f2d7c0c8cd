"""s33 (what ex32 left of the district's verdict at a school): the waiting verdict's warning names
no computer ("(vm)": every laptop's host name), the school's signers list names the district's key
by the office its waiting decisions claim, a verdict applied by the preview's office tick is
counted as applied in that same import, and the command line's ``import`` binds the office's key
as ``signers --office`` names it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from qualityschool_desktop import cli, exchange
from qualityschool_desktop.exchange import signing

from .laptops import CODE_A, Laptop, Laptops, laptops  # noqa: F401 (a fixture)
from .test_review_offices import AREA, COMMENT, STORED, state_at, submitted

MACHINE = "DESKTOP-7Q2KX"  # what a Windows laptop calls itself when nobody named it


def _district_returns(laptops: Laptops) -> tuple[Laptop, Laptop, dict[str, str], Path]:
    school, ids = submitted(laptops)
    district = laptops("district")
    district.activate()
    signing.set_own_name(MACHINE)
    district.import_(school.export("s.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        workspace.reviews.decide(ids["assessment"], "returned", COMMENT, office_name=AREA)
    return school, district, ids, district.export("o.qsx", school_codes=[CODE_A])


def test_the_waiting_verdict_s_warning_names_no_computer(laptops: Laptops) -> None:
    school, district, _ids, decided = _district_returns(laptops)
    preview = school.preview(decided)
    (warning,) = [w for w in preview.warnings if "ยังไม่ได้ผูกเป็นกุญแจของสำนักงาน" in w]
    assert signing.fingerprint_groups(district.fingerprint) in warning
    assert MACHINE not in warning, warning
    assert f"{signing.fingerprint_groups(district.fingerprint)} ซึ่งยังไม่ได้ผูก" in warning, warning


def test_a_school_key_s_decision_is_named_by_its_school_not_its_computer(laptops: Laptops) -> None:
    """A key bound here to a school (not the office) that signs a verdict: the warning names the
    school, as the preview's header does."""
    school, district, _ids, decided = _district_returns(laptops)
    with school.open() as workspace:
        exchange.bind(workspace, district.fingerprint, CODE_A)  # the school's own key: refused
    preview = school.preview(decided)
    said = " ".join(preview.warnings)
    assert MACHINE not in said, said


def test_the_school_s_signers_name_the_unbound_district_key_by_its_office(laptops: Laptops) -> None:
    school, district, _ids, decided = _district_returns(laptops)
    school.import_(decided)
    with school.open() as workspace:
        (signer,) = [s for s in exchange.list_signers(workspace) if s.fingerprint == district.fingerprint]
    words = signer.sender.words()
    assert STORED in words and MACHINE not in words, words


def test_a_verdict_the_tick_applied_is_counted_applied_not_waiting(laptops: Laptops) -> None:
    school, district, ids, decided = _district_returns(laptops)
    result = school.import_(decided, office_key=AREA)
    assert state_at(school, ids["assessment"]) == ("returned", [("returned", COMMENT)])
    counts = result.counts["review_decisions"]
    assert (counts.new, counts.pending) == (1, 0), counts
    assert result.pending == []
    assert not [w for w in result.warnings if "ยังไม่ได้ผูกเป็นกุญแจของสำนักงาน" in w], result.warnings
    assert result.office_bound == STORED
    said = "\n".join(result.lines())
    assert "รอตรวจสอบ" not in said, said
    assert f"เป็นกุญแจของ {STORED} แล้ว · ใช้ผลการตรวจของสำนักงาน 1 รายการ" in said, said


def _cli(laptop: Laptop, *argv: str) -> tuple[int, str, str]:
    laptop.activate()
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(cli.parse(list(argv)), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_line_import_binds_the_office_key_as_signers_names_it(laptops: Laptops) -> None:
    school, district, ids, decided = _district_returns(laptops)
    groups = signing.fingerprint_groups(district.fingerprint)
    code, out, err = _cli(school, "import", "--db", str(school.db), str(decided),
                          "--office", groups, "--area-office", AREA)
    assert code == 0, err
    assert f"ผูกกุญแจ {groups} เป็นกุญแจของ {STORED} แล้ว · ใช้ผลการตรวจของสำนักงาน 1 รายการ" in out, out
    assert state_at(school, ids["assessment"]) == ("returned", [("returned", COMMENT)])


def test_an_office_key_no_file_was_signed_with_binds_nothing(laptops: Laptops) -> None:
    school, _district, ids, decided = _district_returns(laptops)
    stranger: Any = laptops("stranger")
    code, _out, err = _cli(school, "import", "--db", str(school.db), str(decided),
                           "--office", signing.fingerprint_groups(stranger.fingerprint), "--area-office", AREA)
    assert code == 2
    assert "--office" in err, err
    assert state_at(school, ids["assessment"]) == ("waiting", [])



def test_the_command_line_signers_names_the_unbound_district_key_by_its_office(laptops: Laptops) -> None:
    school, district, _ids, decided = _district_returns(laptops)
    school.import_(decided)
    code, out, err = _cli(school, "signers", "--db", str(school.db))
    assert code == 0, err
    (line,) = [x for x in out.splitlines() if x.startswith(signing.fingerprint_groups(district.fingerprint))]
    assert f"ผู้ตรวจในนาม {STORED}" in line, line


def test_open_conflicts_held_by_the_sender_are_said_without_its_computer_s_name() -> None:
    from qualityschool_desktop.exchange import conflicts

    (said,) = conflicts.held_by_sender({"open_conflicts": 2, "exporter": {"name": MACHINE}})
    assert MACHINE not in said and "2 รายการ" in said, said
