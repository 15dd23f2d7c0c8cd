"""Every table that ``report summary --csv/--xlsx`` writes can be chosen alone with ``--table``
(try11a #4: network.csv was written, ``--table network`` refused)."""

from __future__ import annotations

from qualityschool_desktop import cli
from qualityschool_desktop.reports.summary import tables


def test_the_table_choices_are_the_tables_written() -> None:
    [action] = [a for a in cli.build_parser()._subparsers._group_actions[0].choices["report"]  # noqa: SLF001
                ._subparsers._group_actions[0].choices["summary"]._actions if "--table" in a.option_strings]
    assert tuple(action.choices) == tables.TABLE_KEYS
    assert "network" in tables.TABLE_KEYS
