"""retest30 B5: the senders' table lists keys by school (Thai order of the school's name by the
project's collation, then fingerprint), not by fingerprint; keys bound to no school come last."""

from __future__ import annotations

from qualityschool_desktop.exchange import bindings
from qualityschool_desktop.exchange.signing import Signer

NAMES = {"6301000001": "โรงเรียนบ้านแม่สอด", "6301000002": "โรงเรียนบ้านกาษา", "6301000003": "โรงเรียนบ้านขะเนจื้อ"}


def test_keys_are_ordered_by_their_schools_thai_name_then_fingerprint_and_unbound_last() -> None:
    keys = [
        Signer("a" * 64, "vm", True),  # no school: last, though trusted and first by fingerprint
        Signer("b" * 64, "vm", False, schools=("6301000001",)),
        Signer("c" * 64, "vm", False, schools=("6301000003",)),
        Signer("d" * 64, "vm", False, schools=("6301000002",)),
        Signer("0" * 64, "vm", False, schools=("6301000001",)),  # the same school: by fingerprint
        Signer("e" * 64, "vm", False, schools=("6301000001", "6301000002")),  # its first school in Thai order
    ]
    ordered = bindings.by_school(keys, NAMES)
    assert [key.fingerprint[0] for key in ordered] == ["d", "e", "c", "0", "b", "a"]
