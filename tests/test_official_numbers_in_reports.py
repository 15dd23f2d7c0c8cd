"""The printed reports give each item's number on the official form beside the product's own
(issue 11), so staff can cross-reference the paper form: the self-assessment report's item
tables and the visit record's item headings and comparison table."""

from __future__ import annotations

import re
from pathlib import Path

from qualityschool_desktop.reports.visit.data import gather

from .pdf_checks import needs_poppler, pdftotext
from .test_report_self_assessment import Built as AssessmentBuilt
from .test_report_self_assessment import _build as build_assessment
from .test_report_self_assessment import _open as open_assessment_demo
from .test_report_self_assessment import demo, submitted  # noqa: F401  (module fixtures)
from .test_report_visit import Built as VisitBuilt
from .test_report_visit import _build as build_visit
from .test_report_visit import _open as open_visit_demo

pytestmark = needs_poppler


def flat(path: Path) -> str:
    """The text without its spaces: a Thai line wraps between words, and a wrap reads as a space."""
    return squash(pdftotext(path, "-raw"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_self_assessment_report_numbers_every_item_as_the_form_does(submitted: AssessmentBuilt) -> None:  # noqa: F811
    with open_assessment_demo(submitted.workspace_path) as workspace:
        framework = workspace.assessments.framework_of(workspace.assessments.get(submitted.assessment_id))
    text = flat(submitted.path)
    position = 0
    for item in framework.items:
        label = squash(f"แบบรายงานข้อ {item.official_number}")
        found = text.find(label, position)
        assert found >= 0, f"{item.code}: {label} not printed (in order)"
        # The label heads the item's own statement: its title (TEST31 T7), then the descriptor,
        # which most often begins with the title itself.
        heading = item.text if item.text.startswith(item.title) else item.title + item.text
        assert text[found + len(label):].startswith(squash(heading)[:20]), item.code
        position = found + len(label)


def test_the_visit_record_numbers_the_items_it_looked_at(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with open_visit_demo(demo) as workspace:
        visit = next(v for v in workspace.visits.all() if any(section.items for section in gather(workspace, v.id).components))
        items = [entry.item for section in gather(workspace, visit.id).components for entry in section.items]
    built: VisitBuilt = build_visit(demo, tmp_path, visit.id)
    text = flat(built.path)
    for item in items:
        code = item.code.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        assert squash(f"ประเด็น {code} (แบบรายงานข้อ {item.official_number}) {item.title}") in text, item.code
        assert squash(f"{item.title} แบบรายงานข้อ {item.official_number}") in text, item.code  # comparison table


def test_with_arabic_digits_the_official_numbers_are_arabic_too(demo: Path, tmp_path: Path) -> None:  # noqa: F811
    """try11a #3: "1.1.1   แบบรายงานข้อ ๑.๑.๑.๑" on one row of a report printed with Arabic digits: the
    label is the product's, so it follows the document's digits."""
    built = build_assessment(demo, tmp_path, 2569, 2, digits="arabic")
    text = flat(built.path)
    assert squash("แบบรายงานข้อ 1.1.1.1") in text
    assert not re.search("แบบรายงานข้อ[๐-๙]", text)
