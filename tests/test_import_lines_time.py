"""The command line's import preview and result (C14 item 6) said when the file was exported as the
stored UTC stamp ("เมื่อ 2026-12-01T03:48:35.255Z"); they say it as a Thai date and local time in
the Buddhist Era, as the window's file card does ("1 ธ.ค. 2569 เวลา 10:48 น." in Bangkok)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from qualityschool_desktop.exchange.records import TABLES
from qualityschool_desktop.exchange.results import ImportPreview, KindCounts
from qualityschool_desktop.thai import format_moment


@pytest.fixture
def bangkok() -> object:
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX-only: the local zone cannot be set for one test on Windows")
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Bangkok"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_stamp_reads_as_a_thai_date_and_local_time(bangkok: object) -> None:
    assert format_moment("2026-12-01T03:48:35.255Z") == "1 ธ.ค. 2569 เวลา 10:48 น."
    assert format_moment("2026-12-01T20:05:00Z", style="thai") == "๒ ธ.ค. ๒๕๖๙ เวลา ๐๓:๐๕ น."


def test_a_stamp_that_cannot_be_read_is_shown_as_stored() -> None:
    assert format_moment("not a stamp") == "not a stamp"
    assert format_moment("") == "–"


def test_the_import_lines_say_when_in_thai(bangkok: object) -> None:
    preview = ImportPreview(source=Path("a.qsx"), format_version=3, app_version="0.1.0", frameworks=[],
                            exporter_installation="x", exporter_name="โรงเรียน", exported_at="2026-12-01T03:48:35.255Z",
                            scope={}, fingerprint="ab" * 32, signer_name="โรงเรียน", signed_ok=True, trusted=True,
                            is_own=False, counts={table: KindCounts() for table in TABLES}, conflicts=[])
    first = preview.lines()[0]
    assert "เมื่อ 1 ธ.ค. 2569 เวลา 10:48 น." in first and "2026-12-01T" not in first
