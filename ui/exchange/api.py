"""The exchange core as the exchange views reach it: one object that tests replace with stand-ins."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable


def _bind_office(*args: Any) -> Any:
    # loads the exchange when a binding is made; the approvals that waited for the key apply (RETEST31 R5)
    from qualityschool_desktop.exchange import rejudge

    return rejudge.bind_office(*args)[0]


def _unbind_office(*args: Any) -> Any:
    from qualityschool_desktop.review import offices

    return offices.unbind(*args)


def _office_bindings(workspace: Any, fingerprint: str) -> list[str]:
    from qualityschool_desktop.review import offices

    return offices.offices_of(workspace.db.conn, fingerprint)


def _forget(workspace: Any, fingerprint: str) -> Any:
    from qualityschool_desktop.exchange import bindings

    return bindings.forget(workspace, fingerprint)


def _batch_clashes(workspace: Any, paths: Any, checked: Any = None) -> dict[Any, Any]:
    from qualityschool_desktop.exchange import batch

    return batch.clashes(workspace, paths, checked=checked)


def _list_waiting(workspace: Any) -> list[Any]:
    from qualityschool_desktop.exchange import bindings

    return bindings.list_waiting(workspace)


def _bound_already(workspace: Any, fingerprint: str, code: str) -> list[Any]:
    """The keys (``bindings.BoundKey``) the school ``code`` is bound to other than ``fingerprint``:
    a bind adds a laptop beside them (retest30 N2); [] when none."""
    from qualityschool_desktop.exchange import bindings

    return bindings.bound_already(workspace, fingerprint, code)


def _bind_doubt(workspace: Any, fingerprint: str, code: str) -> Any:
    """Why binding ``fingerprint`` to the school ``code`` looks wrong (test33 T8), or []."""
    from qualityschool_desktop.exchange import bindings

    return bindings.bind_doubt(workspace, fingerprint, code)


@dataclass
class ExchangeApi:
    """The exchange core's functions (see ``qualityschool_desktop.exchange``); replaceable in tests."""

    export_file: Callable[..., Any]
    preview_import: Callable[..., Any]
    apply_import: Callable[..., Any]
    list_signers: Callable[..., Any]
    own_signer: Callable[..., Any]
    set_trusted: Callable[..., Any]
    list_conflicts: Callable[..., Any]
    use_version: Callable[..., Any]
    list_pending: Callable[..., Any]
    accept_pending: Callable[..., Any]
    reject_pending: Callable[..., Any]
    bind: Callable[..., Any]
    unbind: Callable[..., Any]
    bind_visits: Callable[..., Any]
    # The office of an area office (review/offices.py): bind, unbind, the area offices of a key.
    bind_office: Callable[..., Any] = _bind_office
    unbind_office: Callable[..., Any] = _unbind_office
    office_bindings: Callable[..., Any] = _office_bindings
    # Bindings by the 8 groups that wait for their key's first file (exchange/waiting.py).
    list_waiting: Callable[..., Any] = _list_waiting
    # Forget a key (``signers --forget``): its bindings, its same-school words and what they moved.
    forget: Callable[..., Any] = _forget
    # Files of one batch claiming one new school with different keys (exchange/batch.py, test30a B10).
    batch_clashes: Callable[..., Any] = _batch_clashes
    # The keys a school is bound to already, said before a bind adds another (fx31b, retest30 N2).
    bound_already: Callable[..., list[Any]] = _bound_already
    # This laptop is not the school's, or the key made visits of it: asked before a bind (test33 T8).
    bind_doubt: Callable[..., Any] = _bind_doubt

    @classmethod
    def real(cls) -> "ExchangeApi":
        # Imported on first use: the window's start-up does not pay for zip and crypto modules.
        from qualityschool_desktop import exchange
        from qualityschool_desktop.exchange import bindings

        return cls(
            export_file=exchange.export_file, preview_import=exchange.preview_import,
            apply_import=exchange.apply_import, list_signers=exchange.list_signers,
            own_signer=exchange.own_signer, set_trusted=exchange.set_trusted,
            list_conflicts=exchange.list_conflicts, use_version=exchange.use_version,
            list_pending=exchange.list_pending, accept_pending=exchange.accept_pending,
            reject_pending=exchange.reject_pending, bind=exchange.bind, unbind=exchange.unbind,
            bind_visits=bindings.bind_visits,
        )
