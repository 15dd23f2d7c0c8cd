"""Write tests/fixtures/schema-<version>.sqlite3: a small database as this release writes it.

Run once per release that changes the schema and commit the file; the tests then prove that every
later version still opens what this one wrote. Never regenerate an existing fixture.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qualityschool_desktop import __version__  # noqa: E402
from qualityschool_desktop.workspace import Workspace  # noqa: E402


def main() -> None:
    release = ".".join(__version__.split(".")[:2])
    target = ROOT / "tests" / "fixtures" / f"schema-{release}.sqlite3"
    if target.exists():
        sys.exit(f"{target} exists: fixtures of a release are never rewritten")
    with Workspace.open(target, create=True, installation="00000000-0000-4000-8000-000000000001") as ws:
        school = ws.schools.add(
            code="6301000001", name="โรงเรียนชุมชนบ้านทดสอบ", district="เมืองตาก", province="ตาก",
            area_office="สพป.ตาก เขต 1", level="primary", pupils=412, teachers=21,
        )
        assessment = ws.assessments.start(
            school.id, 2569, assessed_on=date(2026, 2, 10), assessor_name="นายทดสอบ ระบบ",
            assessor_role="ผู้อำนวยการโรงเรียน",
        )
        ws.answers.set_level(assessment.id, "1.1.1", 4)
        ws.answers.set_level(assessment.id, "2.1.5", 5)
        ws.answers.set_text(assessment.id, "2.1.5", "evidence", "ผู้อำนวยการเป็นวิทยากร PLC ให้โรงเรียนเครือข่าย")
        ws.answers.set_not_applicable(assessment.id, "1.1.3", "ไม่มีบ้านพักครู")
        ws.assessments.submit(assessment.id)
    for extra in target.parent.glob(target.name + "-*"):
        extra.unlink()
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
