"""s35 exch35 (TEST34C C9): the supervisor imports the school's answer to a follow-up; the import
names it ("ความคิดเห็นของโรงเรียนต่อข้อตกลง 1 รายการ"), not only "ใหม่ 1", so the supervisor knows
to read it in the follow-up list."""

from __future__ import annotations

import io

from qualityschool_desktop import cli

from .laptops import CODE_A, Laptops, laptops  # noqa: F401 (laptops is a fixture)
from .test_comments import ANSWER, school_and_district


def test_the_command_line_names_the_school_s_answer_to_a_follow_up(laptops: Laptops) -> None:
    school, district, ids = school_and_district(laptops)
    with school.open() as workspace:
        workspace.comments.on_follow_up(ids["follow_up"], ANSWER, author_name="ผอ.สมชาย")
    reply = school.export("a-2.qsx", school_codes=[CODE_A])
    district.activate()
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(cli.parse(["import", "--db", str(district.db), str(reply)]), out=out, err=err) == 0, err.getvalue()
    said = out.getvalue()
    closing = said[said.index("นำเข้าแล้ว 1 ไฟล์"):]
    assert "ความคิดเห็นของโรงเรียนต่อข้อตกลง 1 รายการ" in closing, said
    assert "รายการติดตามงานทุกโรงเรียน" in closing, said  # where to read it
