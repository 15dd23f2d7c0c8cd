"""The colour bands have one name (issue 11). The seeds (001) say กลุ่มสี for the band a school is
in ("โรงเรียนที่อยู่ในกลุ่มสีม่วง", "จัดกลุ่มสีโรงเรียนคุณภาพ") and ระดับสี only for the scale the
bands make, best to worst ("ตามระดับสีตั้งแต่สีม่วง … สีแดง"). So the product writes กลุ่มสี for
a band, its chips, columns and counts; ระดับสี only where a school moves up or down that scale; and
never แถบสี, a word of the product's own that no seed uses."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Where users read words: the window's strings, the reports, the framework and demo data, the README.
SOURCES = [*sorted((ROOT / "ui").rglob("*.py")), *sorted((ROOT / "qualityschool_desktop").rglob("*.py")),
           *sorted((ROOT / "resources").rglob("*.json")), *sorted((ROOT / "resources").rglob("*.md")),
           ROOT / "README.md"]
# ระดับสี is the scale: moving up or down it, or the bands along it.
SCALE_USES = re.compile(r"ระดับสี(สูงขึ้น|ต่ำลง|ตั้งแต่)")


def test_sources_are_read() -> None:
    assert len(SOURCES) > 50 and all(path.is_file() for path in SOURCES)


def test_no_text_calls_a_band_by_a_word_the_seeds_do_not_use() -> None:
    found = [f"{path.relative_to(ROOT)}:{number}" for path in SOURCES
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "แถบสี" in line]
    assert found == [], "แถบสี: write กลุ่มสี (a band) or ระดับสี (the scale) as the seeds do"


def test_the_scale_word_is_used_only_for_the_scale() -> None:
    found = []
    for path in SOURCES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in re.finditer("ระดับสี", line):
                if not SCALE_USES.match(line, match.start()):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert found == [], "a band, its column or its count is a กลุ่มสี (seed 001)"
