"""try10 F4: the list of waiting changes names each record as it is here: a stranger's rename of
school A is listed as school A (the sender's name shows in the comparison)."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from qualityschool_desktop.thai import arabic_digits
from qualityschool_desktop.workspace import Workspace
from ui.common.ops import Ops
from ui.exchange.api import ExchangeApi
from ui.exchange.pending_dialog import COL_WHAT, PendingDialog

from ..laptops import CODE_A, NAME_A, Laptop, behind_owner_check, laptops, school_and_district  # noqa: F401

pytestmark = pytest.mark.usefixtures("styled_app")


def test_a_strangers_rename_is_listed_by_the_school_as_it_is_here(
        qtbot: Any, laptops: Callable[[str], Laptop]) -> None:
    school, district, ids, first = school_and_district(laptops)
    stranger = laptops("stranger")
    stranger.import_(first)
    with stranger.open() as workspace, behind_owner_check(workspace):
        workspace.schools.update(ids["school"], name="โรงเรียนปลอม")
    assert district.import_(stranger.export("renamed.qsx")).counts["schools"].pending == 1
    district.activate()
    with Workspace.open(district.db) as workspace:
        dialog = PendingDialog(lambda: workspace, ExchangeApi.real(), Ops())
        qtbot.addWidget(dialog)
        dialog.show()
        listed = dialog.list.item(0, COL_WHAT).text()
        assert NAME_A in listed and "โรงเรียนปลอม" not in listed
        assert CODE_A in arabic_digits(listed)
        assert NAME_A in dialog.title.text()
