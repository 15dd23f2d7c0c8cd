"""TEST30a B16: a refusal named the laptop a file claims by an installation-id prefix ("เครื่อง
00324c68") that no window shows; the senders' window knows laptops by name, fingerprint and school.
A refusal names a laptop known here that way."""

from __future__ import annotations

import pytest

from qualityschool_desktop import exchange
from qualityschool_desktop.exchange import ExchangeError
from tests.laptops import (  # noqa: F401 (laptops: a fixture)
    CODE_A, empty_claim, forge, laptops, read_members, school_and_district, write_members,
)
from tests.test_exchange_accept_owners import Laptops


def test_a_file_claiming_the_school_s_laptop_names_it_as_the_senders_window_does(laptops: Laptops) -> None:
    school, district, _ids, first = school_and_district(laptops)
    path = empty_claim(laptops("mallory"), first, school.installation_id)
    with district.open() as workspace:
        with pytest.raises(ExchangeError) as refused:
            exchange.preview_import(workspace, path)
    said = str(refused.value)
    assert school.installation_id[:8] not in said, said
    key = school.fingerprint.upper()
    assert f"กุญแจ {key[:4]}-{key[4:8]}" in said and CODE_A in said, said  # as the senders' window and history name it


def test_a_history_row_claimed_for_a_known_laptop_names_it_as_the_senders_window_does(laptops: Laptops) -> None:
    # Retest30 B16: the history refusal still said "เครื่อง 00324c68" of a laptop the district knows.
    school, district, _ids, first = school_and_district(laptops)
    mallory = laptops("mallory")
    mallory.activate()
    path = write_members(mallory.root / "history-of-a.qsx", forge(read_members(first)))  # sealed by mallory only
    with district.open() as workspace:
        with pytest.raises(ExchangeError, match="ประวัติ") as refused:
            exchange.preview_import(workspace, path)
    said = str(refused.value)
    assert school.installation_id[:8] not in said, said
    key = school.fingerprint.upper()
    assert f"กุญแจ {key[:4]}-{key[4:8]}" in said and CODE_A in said, said
