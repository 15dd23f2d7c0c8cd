"""TEST30a B3: an import's result names the schools of the file and what became of each."""

from __future__ import annotations

from tests.laptops import CODE_A, NAME_A, laptops, start_school  # noqa: F401 (fixture)
from tests.test_exchange_accept_owners import Laptops


def test_the_result_names_the_file_s_schools(laptops: Laptops) -> None:  # noqa: F811
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    result = district.import_(school.export("a-1.qsx"))
    assert result.schools == [("insert", CODE_A, NAME_A)]
    with school.open() as workspace:
        workspace.schools.update(ids["school"], pupils=150)
    again = district.import_(school.export("a-2.qsx"))
    assert again.schools == [("update", CODE_A, NAME_A)]
