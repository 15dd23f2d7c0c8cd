"""What a person typed in a wrong but common Thai order stays readable in the answer's history,
on this laptop and on every laptop the history travels to (issue 11)."""

from __future__ import annotations

from typing import Callable

from .laptops import Laptop, laptops, start_school  # noqa: F401 (laptops: a fixture)

TYPED = "หลักฐานกํ่า นํ้า ก\u0e4d\u0e32"


def test_the_typed_text_travels_with_the_history_row(laptops: Callable[[str], Laptop]) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
        workspace.answers.set_text(ids["assessment"], ids["item"], "evidence", TYPED)
        workspace.answers.flush_pending()
    exported = school.export("school.qsx")
    district.import_(exported)
    with district.open() as workspace:
        rows = [row for row in workspace.answers.history(ids["assessment"], ids["item"]) if row.field == "evidence"]
        assert [(row.new_value, row.typed) for row in rows] == [("หลักฐานก่ำ น้ำ กำ", TYPED)]
