"""How a person tells apart the laptop that made a change: the names the history, comments and
conflicts show beside an edit (:func:`editor_names`). In the exchange, not in ``answers.py``:
it names a laptop as the exchange knows its key (``senders.known_as``), and the records modules
do not import the exchange (tests/test_import_graph.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .sender_names import known_as

if TYPE_CHECKING:
    from ..workspace import Workspace

# A key as the history and comments show it beside a laptop's name: the first groups of its
# fingerprint, as the senders' list begins it (try27 F4b).
KEY_SHOWN = "กุญแจ {groups}…"


def editor_names(workspace: "Workspace", digits: Callable[[str], str] = str) -> dict[str, str]:
    """Installation id -> how a person tells apart the laptop that made a change (history rows'
    :attr:`HistoryEntry.changed_by`, a comment's author): who its key is here
    (``exchange.senders.known_as``: the school, supervisor or office, then "· เครื่อง <name>";
    s33 exB T5; ``digits`` writes a school's code or an office's number, a window's Thai digits),
    else its name (the name it last gave in an
    exchange file it sent here, ``exchange_log.display_name``; else a signer's name bound to
    that installation) and the first two groups of its key's fingerprint as the senders' list
    shows them (``"vm · กุญแจ 0E01-64D9…"``; the key alone without a name, the name alone
    without a known key), and ``""`` for this laptop's own id (the caller says "this laptop").
    An installation never heard of is absent (the caller shows its short id: try27 F4b)."""
    names: dict[str, str] = {}
    keys: dict[str, str] = {}
    for installation, fingerprint in workspace.db.execute(
        "SELECT installation_id, fingerprint FROM school_signers WHERE installation_id <> ''"
        " AND length(fingerprint) = 64 ORDER BY bound_at"
    ).fetchall():
        keys[str(installation)] = str(fingerprint)
    for installation, name, fingerprint in workspace.db.execute(
        "SELECT installation_id, name, fingerprint FROM signers WHERE installation_id IS NOT NULL"
        " ORDER BY first_seen_at"
    ).fetchall():
        keys[str(installation)] = str(fingerprint)
        if name:
            names[str(installation)] = str(name)
    for installation, name in workspace.db.execute(
        "SELECT installation_id, display_name FROM exchange_log WHERE display_name <> ''"
    ).fetchall():
        names[str(installation)] = str(name)
    shown = {}
    for installation in {*names, *keys}:
        key = keys.get(installation, "").upper()
        # s33 exB T5: the school, supervisor or office the key is here first, the computer's name a detail.
        sender = known_as(workspace.db.conn, key.lower(), installation, names.get(installation, ""))
        who = sender.with_machine(digits) if sender.schools or sender.visitors or sender.offices else ""
        parts = [who or names.get(installation, ""), KEY_SHOWN.format(groups=f"{key[:4]}-{key[4:8]}") if key else ""]
        shown[installation] = " · ".join(part for part in parts if part)
    shown[workspace.installation_id] = ""
    return shown
