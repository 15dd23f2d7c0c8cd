"""One step of undo for a list whose records are removed one at a time (a school's budget items,
its network schools): the last record removed is kept, and the list's "เลิกทำ" button shows
while it can be brought back. Removing and restoring go through the view's
:class:`~ui.common.save_state.Saver` under one key per record, so a refused removal is said, and
tried again, like any other change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtWidgets import QPushButton

from .save_state import Saver


class _Record(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Record)


class UndoRemoval(Generic[R]):
    """The last removal of one list (``kind`` names the list in the saver's keys)."""

    def __init__(self, saver: Saver, button: QPushButton, kind: str) -> None:
        self._saver = saver
        self._button = button
        self._kind = kind
        self.last: R | None = None  # the record removed last, while it can be brought back

    def remove(self, record_id: str, remove: Callable[[], R], then: Callable[[R], None]) -> None:
        """Remove through ``remove`` (the core's call, returning the record removed); once it is
        stored keep the record, run ``then`` with it and offer "เลิกทำ"."""

        def removed(record: R) -> None:
            self.last = record
            then(record)
            self._button.show()

        self._saver.run(remove, quiet=True, key=(self._kind, record_id, "remove"), on_saved=removed)

    def undo(self, restore: Callable[[str], R], then: Callable[[R], None]) -> None:
        """Bring the last record removed back through ``restore`` (the core's call, given its id);
        once stored, forget it and run ``then`` with the record restored."""
        if self.last is None:
            return
        record_id = self.last.id

        def restored(record: R) -> None:
            self.forget()
            then(record)

        self._saver.run(lambda: restore(record_id), quiet=True, key=(self._kind, record_id, "remove"),
                        on_saved=restored)

    def forget(self) -> None:
        """Nothing to undo any more (another school or year is shown)."""
        self.last = None
        self._button.hide()
