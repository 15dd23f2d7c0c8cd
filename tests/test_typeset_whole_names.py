"""Names of places (อำเภอ, จังหวัด, schools, offices) are never broken inside a printed line
(TEST31 T10: the summary printed "ได้แก่ สาม / เงา" for อำเภอสามเงา)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qualityschool_desktop.reports.summary import write_summary_report
from qualityschool_desktop.typeset.layout import break_lines, build_items
from qualityschool_desktop.workspace import Workspace

from .demo_cache import DEMO_INSTALLATION, copy_demo
from .pdf_checks import needs_poppler, pdftotext, text_lines

SENTENCE = "สพป.ตาก เขต ๑ มีเขตพื้นที่บริการการศึกษาขั้นพื้นฐาน ๔ อำเภอ ได้แก่ บ้านตาก เมืองตาก วังเจ้า สามเงา"


def _lines(items, width: float) -> list[str]:
    return [line.text.strip() for line in break_lines(items, [width, width])]


def test_a_name_given_whole_is_never_cut_at_any_width() -> None:
    names = ("บ้านตาก", "เมืองตาก", "วังเจ้า", "สามเงา", "สพป.ตาก เขต ๑")
    for width in range(120, 400, 3):  # narrower, "สพป.ตาก เขต ๑" alone is wider than a line
        lines = _lines(build_items(SENTENCE, 16, whole=names), float(width))
        assert "".join(lines).replace(" ", "") == SENTENCE.replace(" ", "")
        for name in names:  # each occurs once: broken, it is whole on no line
            assert any(name in line for line in lines), (width, name, lines)


def test_without_names_the_segmenter_may_cut_a_district() -> None:
    """The fault as it was: the dictionary reads สามเงา as สาม|เงา, and บ้านตาก as บ้าน|ตาก."""
    texts = {item.text for item in build_items(SENTENCE, 16) if not item.space}
    assert "สามเงา" not in texts or "บ้านตาก" not in texts


@needs_poppler
def test_the_summary_never_breaks_a_district_name(tmp_path_factory, tmp_path: Path) -> None:
    demo = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_demo(demo, tmp_path_factory, today=date(2026, 11, 23))
    target = tmp_path / "summary.pdf"
    with Workspace.open(demo, installation=DEMO_INSTALLATION) as workspace:
        write_summary_report(workspace, target, fiscal_year=2569, round=2)
        districts = {school.district for school in workspace.schools.list() if school.district}
    lines = text_lines(pdftotext(target))
    served = [line for line in lines if "มีเขตพื้นที่บริการ" in line]
    assert served
    for index, line in enumerate(lines):
        if index + 1 == len(lines):
            break
        last, first = line.split()[-1], lines[index + 1].split()[0]
        for district in districts:
            assert not any(last.endswith(district[:cut]) and first.startswith(district[cut:])
                           for cut in range(2, len(district) - 1)), f"{district}: {line!r} / {lines[index + 1]!r}"
