"""s33 exB T5: the laptop that made a change (the conflict view's "who edited", the history's) is
named as the exchange knows its key (the school whose key it is), its computer's name only a detail."""

from __future__ import annotations

from .laptops import CODE_A, NAME_A, Laptops, laptops, start_school  # noqa: F401 (a fixture)
from qualityschool_desktop.exchange.editors import editor_names


def test_a_change_by_the_school_s_laptop_is_named_by_the_school(laptops: Laptops) -> None:
    school, district = laptops("school-a"), laptops("district")
    with school.open() as workspace:
        start_school(workspace)
    district.import_(school.export("a.qsx", school_codes=[CODE_A]))
    with district.open() as workspace:
        names = editor_names(workspace)
    shown = names[school.installation_id]
    assert shown.startswith(f"{NAME_A} (รหัส {CODE_A})"), shown  # not "vm · กุญแจ …"
    assert "เครื่อง " in shown and "กุญแจ " in shown  # the computer's name and key after it
