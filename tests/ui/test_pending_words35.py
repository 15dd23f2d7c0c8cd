"""s35 pending35b (TEST35 T4, T5): the pending window speaks Thai and names records by what a user
knows.

T4a: the detail showed "เหตุการณ์  submitted" for an assessment's event. Every field the comparison
can show (a label in ``FIELD_LABELS``) whose stored value is a code (a ``choice`` rule) reads in
Thai, for every table that travels."""

from __future__ import annotations

import re
from typing import Any, cast

import pytest

from qualityschool_desktop import validation
from qualityschool_desktop.exchange.records import TABLES
from ui.exchange import strings as s
from ui.exchange.compare import field_rows

pytestmark = pytest.mark.usefixtures("styled_app")

CODE_WORD = re.compile(r"[A-Za-z_]+")


@pytest.mark.parametrize("table", TABLES)
def test_every_coded_field_the_comparison_shows_reads_in_thai(table: str) -> None:
    coded = {column: rule.choices for column, rule in validation.RULES[table].items()
             if rule.kind == "choice" and column in s.FIELD_LABELS}
    for at in range(max((len(choices) for choices in coded.values()), default=0)):
        row: dict[str, Any] = {column: choices[at % len(choices)] for column, choices in coded.items()}
        for field in field_rows(cast(Any, None), table, None, row):
            assert not CODE_WORD.fullmatch(field.right), (table, field.column, field.right)
