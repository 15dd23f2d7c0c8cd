"""Issue 10 (fx30 B6): a refusal of a file over its keys reads in short parts, in the window and on
the command line. First a short sentence saying what happened (and that the file is not imported),
then each key named once, as groups, on a line of its own, then what to do in short lines of their
own. Before, each was one long paragraph that named a key up to four times.

Through real files between data folders with separate keys: a stranger who claimed a laptop's old
id first (``signing.CLAIMED_BEFORE``), a key that already signed for another laptop
(``signing.BOUND_ELSEWHERE``), another record of a school bound here to its own key
(``refusals.BOUND_ELSEWHERE``), a "same school" word against one held here (``same_school.HELD_BY_KEY``)
and a word forwarded by a third key (``same_school.STRANGER`` with ``FORWARDED``)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from qualityschool_desktop import cli, exchange
from qualityschool_desktop.exchange import ExchangeError, same_school

from .laptops import (CODE_A, CODE_B, NAME_B, Laptop, forge, laptops, read_members, school_and_district,  # noqa: F401
    empty_claim,
                      start_school, write_members)
from .test_exchange_accept_owners import Laptops
from .test_exchange_same_school_relay import MAPPINGS, _relayed_by, _typed_round_commented

FIRST_LINE_MAX = 200  # characters: a sentence read at a glance


def assert_readable(text: str, keys: list[str], *, command: str = "") -> None:
    """``text`` in short lines: the first says what happened, each key of ``keys`` (groups) is
    named once, on a bullet line of its own, and what to do follows on lines of its own. A line
    holding ``command`` (the command line's way out, which must name the key) is not counted."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert len(lines) >= 3, text
    assert len(lines[0]) <= FIRST_LINE_MAX and "ไม่นำเข้า" in lines[0], lines[0]
    counted = [line for line in lines if not (command and command in line)]
    for key in keys:
        assert sum(line.count(key) for line in counted) == 1, (key, text)
        assert any(key in line and line.startswith("•") for line in counted), (key, text)
    assert all(len(line) <= 320 for line in lines), text


def _cli_import(laptop: Laptop, path: Path, *more: str) -> str:
    laptop.activate()
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(cli.parse(["import", "--db", str(laptop.db), str(path), *more]), out=out, err=err) == 2
    assert f"ไฟล์ {path.name}: ไม่นำเข้า" in out.getvalue()  # the report names it; the reason once, on
    said = err.getvalue()  # standard error when the streams part (retest30 N5)
    label = f"ไฟล์ {path.name}: ไม่นำเข้า – "  # the command line's label of the file, then the reason
    assert said.startswith(label) and "\n    • " in said, said  # the reason's lines indented under it
    return said[len(label):]


def _claimed_first(laptops: Laptops) -> tuple[Laptop, Laptop, Laptop, Path]:
    """A stranger's empty file claiming school A's old id reached the district first; then A's own."""
    school, district, mallory = laptops("school-a"), laptops("district"), laptops("mallory")
    school.use_legacy_id()
    with school.open() as workspace:
        start_school(workspace)
    first = school.export("a-1.qsx")
    district.import_(empty_claim(mallory, first, school.installation_id))
    return school, district, mallory, first


def test_a_stranger_who_claimed_a_laptop_first_is_refused_in_short_lines_each_key_once(laptops: Laptops) -> None:
    school, district, mallory, first = _claimed_first(laptops)
    keys = [exchange.fingerprint_groups(school.fingerprint), exchange.fingerprint_groups(mallory.fingerprint)]
    with pytest.raises(ExchangeError) as refused:
        district.import_(first)
    in_window = str(getattr(refused.value, "in_window", ""))
    assert_readable(in_window, keys)
    assert "“ลืมกุญแจนี้…”" in in_window and in_window.index("โทรถาม") < in_window.index("ลืมกุญแจนี้")
    said = _cli_import(district, first)
    assert_readable(said.split("\nนำเข้าแล้ว")[0], keys, command="--forget")
    assert f"signers --db {district.db} --forget {keys[1]}" in said, said  # the command whole, to copy


def test_a_key_that_signed_for_another_laptop_is_refused_in_short_lines(laptops: Laptops) -> None:
    school, district, mallory = laptops("school-a"), laptops("district"), laptops("mallory")
    school.use_legacy_id()
    with mallory.open() as workspace:
        start_school(workspace, CODE_B, NAME_B)
    district.import_(mallory.export("mallory.qsx"))  # her key is bound to her own laptop here
    with school.open() as workspace:
        start_school(workspace)
    real = read_members(school.export("a-1.qsx"))
    claimed = school.installation_id
    with mallory._briefly():
        claim = forge(real, claim_installation=claimed)
    path = write_members(mallory.root / "claims-a.qsx", claim)
    with pytest.raises(ExchangeError) as refused:
        district.import_(path)
    assert_readable(str(refused.value), [exchange.fingerprint_groups(mallory.fingerprint)])


def test_another_record_of_a_school_bound_to_its_own_key_is_refused_in_short_lines(laptops: Laptops) -> None:
    _school, district, _ids, _first = school_and_district(laptops)
    office = laptops("office-2")
    with office.open() as workspace:
        start_school(workspace)  # typed there under A's code: another record
    typed = office.export("typed-a.qsx")
    with pytest.raises(ExchangeError) as refused:
        district.import_(typed, same_schools=[CODE_A])
    assert_readable(str(refused.value), [exchange.fingerprint_groups(office.fingerprint)])


def test_a_same_school_word_against_one_held_here_is_refused_in_short_lines(laptops: Laptops) -> None:
    district, supervisor, typed_file, ids = _typed_round_commented(laptops)
    members = read_members(district.export("relay.qsx", school_codes=[CODE_A]))
    province = laptops("province")
    with province.open() as workspace:
        other = workspace.schools.add(code=CODE_B, name=NAME_B)
        other_round = workspace.assessments.start(other.id, 2568).id
    with supervisor._briefly():
        onto_b = same_school.make(ids["typed"], CODE_B, other.id, [(ids["typed_round"], other_round)],
                                  supervisor.installation_id)
    false_word = write_members(typed_file.with_name("false.qsx"), _relayed_by(supervisor, members, **{
        MAPPINGS: (json.dumps(onto_b, ensure_ascii=False) + "\n").encode("utf-8")}))
    province.import_(false_word, same_schools=[CODE_B])  # a person vouched for the supervisor's key
    genuine = write_members(typed_file.with_name("genuine.qsx"), members)
    with pytest.raises(ExchangeError) as refused:
        province.import_(genuine, same_schools=[CODE_A])
    keys = [exchange.fingerprint_groups(district.fingerprint), exchange.fingerprint_groups(supervisor.fingerprint)]
    assert_readable(str(getattr(refused.value, "in_window", "")), keys)
    assert_readable(_cli_import(province, genuine, "--same-school", CODE_A).split("\nนำเข้าแล้ว")[0], keys,
                    command="--forget")


def test_a_word_forwarded_by_a_third_key_names_each_key_once(laptops: Laptops) -> None:
    district, _supervisor, typed_file, _ids = _typed_round_commented(laptops)
    relay = district.export("relay.qsx", school_codes=[CODE_A])
    stranger = laptops("stranger")
    forwarded = write_members(typed_file.with_name("forwarded.qsx"), _relayed_by(stranger, read_members(relay)))
    province = laptops("province")
    with pytest.raises(same_school.UnknownSigner) as refusal:
        province.import_(forwarded)
    keys = [exchange.fingerprint_groups(district.fingerprint), exchange.fingerprint_groups(stranger.fingerprint)]
    assert_readable(str(refusal.value.reason), keys)  # what the window shows above its tick
    assert_readable(_cli_import(province, forwarded).split("\nนำเข้าแล้ว")[0], keys, command="--same-school")
