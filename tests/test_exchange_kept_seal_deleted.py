"""s34 data34 item 2: a deleted record's kept owner's version takes its seal with it, at once.

The district changed school A's answer (its own key bound to A there by a person), so it keeps A's
own sealed version of the answer (``owner_versions``, migration 0033) to carry beside its own. When
the answer is then deleted here (the core's hard delete: an answer to an item its round's framework
no longer has is set aside, ``framework_items.register``), the kept version and the seal it named go
in the same transaction (migration 0034), and the district's next file carries neither.
"""

from __future__ import annotations

import json
from typing import Callable

from qualityschool_desktop import exchange, framework_items
from qualityschool_desktop.clock import now_iso

from .laptops import CODE_A, Laptop, laptops, read_members, start_school  # noqa: F401 (a fixture)

Laptops = Callable[[str], Laptop]


def _district_changes_an_answer(laptops: Laptops) -> tuple[Laptop, Laptop, dict[str, str]]:
    """A's draft round → district; the district binds its own key to A and changes one answer;
    the school's next file (nothing changed) moves the district's unchanged rows to its newer seal,
    so the first seal is named by the kept version of the changed answer alone."""
    school, district = laptops("school"), laptops("district")
    with school.open() as workspace:
        ids = start_school(workspace)
    district.import_(school.export("a.qsx"))
    with district.open() as workspace:
        exchange.bind(workspace, district.fingerprint, CODE_A)  # a person adds the district's key to A
        workspace.answers.set_level(ids["assessment"], ids["item"], 5)
        workspace.answers.flush_pending()
    district.import_(school.export("a-again.qsx"))
    return school, district, ids


def test_deleting_a_record_drops_its_kept_owner_version_and_the_seal_it_named(laptops: Laptops) -> None:
    school, district, ids = _district_changes_an_answer(laptops)
    with district.open() as workspace:
        conn = workspace.db.conn
        answer_id = conn.execute("SELECT id FROM answers WHERE assessment_id = ? AND item_code = ?",
                                 [ids["assessment"], ids["item"]]).fetchone()[0]
        (seal_id,) = [row[0] for row in conn.execute(
            "SELECT seal_id FROM owner_versions WHERE table_name = 'answers' AND record_id = ?", [answer_id])]
        assert conn.execute("SELECT 1 FROM seals WHERE id = ?", [seal_id]).fetchone() is not None
        assert conn.execute("SELECT count(*) FROM seal_users WHERE signed_set = ?", [seal_id]).fetchone()[0] == 1
        # The framework the round is judged against no longer has the item: the core deletes the
        # answer (set aside: ``register``'s step for a framework
        # that lacks the item), in one write transaction.
        framework = workspace.frameworks.latest()
        with workspace.db.write():
            conn.execute("DELETE FROM framework_items WHERE framework_id = ? AND framework_version = ?"
                         " AND item_code = ?", [framework.id, framework.version, ids["item"]])
            assert framework_items._set_aside(conn, [framework.id, framework.version], now_iso()) == 1
        assert conn.execute("SELECT 1 FROM answers WHERE id = ?", [answer_id]).fetchone() is None
        assert conn.execute("SELECT 1 FROM owner_versions WHERE record_id = ?", [answer_id]).fetchone() is None
        assert conn.execute("SELECT 1 FROM seals WHERE id = ?", [seal_id]).fetchone() is None  # no later clean-up
    members = read_members(district.export("district-after.qsx"))
    assert not [name for name in members if name.startswith("relayed/")]
    carried = [json.loads(line)["id"] for line in members.get("seals.jsonl", b"").decode().splitlines() if line]
    assert seal_id not in carried

