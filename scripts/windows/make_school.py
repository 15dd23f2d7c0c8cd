"""A school's own (not demo) database for check.sh's exchange round trip, made through the core.

    python make_school.py CHECKOUT DATABASE EVIDENCE_FILE

A Thai name, a full round of answers (level 4) and an evidence file with a Thai name. Demo data may
not enter a real database, so the round trip cannot use the demo.
"""

import sys
from pathlib import Path

sys.path.insert(0, sys.argv[1])

from qualityschool_desktop.workspace import Workspace  # noqa: E402

database, evidence = Path(sys.argv[2]), Path(sys.argv[3])
evidence.write_text("หลักฐานการประเมิน", encoding="utf-8")
with Workspace.open(database, create=True) as ws:
    school = ws.schools.add(code="6301000001", name="โรงเรียนบ้านตากวิทยา", district="บ้านตาก", province="ตาก",
                            area_office="สพป.ตาก เขต 1", level="primary", pupils=320, teachers=18)
    assessment = ws.assessments.start(school.id, 2569)
    items = ws.frameworks.latest().items
    for item in items:
        ws.answers.set_level(assessment.id, item.code, 4)
    ws.attachments.add(assessment.id, items[0].code, evidence)
print(f"school database made: {database}")
