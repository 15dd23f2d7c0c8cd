"""Migration 0034 (s34 data34 item 2): a kept owner's version takes its seal with it when it goes.

0033 keeps, in ``owner_versions``, the owner's sealed version a relay's own change superseded, and
its ``{table}_kept_on_delete`` triggers forget those kept versions when the record is deleted. The
seal such a version named stayed stored (``seals``): the record's own clean-up
(``{table}_cleanup_on_delete``, 0012/0032) asks only about the record's seal, so the owner's seal
waited for some later import's clean-up, and until then it was kept for a record that no longer
exists. Now a trigger on ``owner_versions`` itself, after any of its rows goes (a deleted record's,
or one an import forgets: ``exchange/relayed.drop_superseded``), deletes the seal it named when
nothing else names it (:func:`~.seal_users.unused_seal`: no sealed row, no other kept version,
no change waiting for a person): in the same transaction as the deletion.

Seals that deletions before this migration left behind are not hunted down here: a seal can be
named outside the sealed tables (a row a forgotten key's mapping set aside keeps its author's seal
in ``installation``), and the import's own clean-up drops a superseded seal once nothing names it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._registry import migrations
from .owner_versions import TABLE
from .seal_users import unused_seal

if TYPE_CHECKING:
    from sqlite_utils import Database


@migrations(name="0034_kept_seals_on_delete")
def m0034_kept_seals_on_delete(db: Database) -> None:
    """The trigger ``owner_versions_seal_on_delete`` (see the module's docstring)."""
    db.execute(f"CREATE TRIGGER {TABLE}_seal_on_delete AFTER DELETE ON {TABLE} BEGIN"
               f" {unused_seal('OLD.seal_id')}; END")
