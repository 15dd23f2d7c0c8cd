"""Thai order in the window: every list, table and combo box of names sorts as the core's lists
and the reports do (``qualityschool_desktop.collation``), through Qt's ICU collator for Thai.

Code-point order (Qt's default for text) puts เ แ โ ใ ไ after every consonant: แม่สอด after
อุ้มผาง. Sort with :data:`THAI_ORDER` (``sorted(names, key=THAI_ORDER.sortKey)`` or
:func:`thai_sorted`), and give a sortable table a :class:`ThaiSortProxy`.
"""

from __future__ import annotations

from typing import Callable, Iterable, TypeVar

from PySide6.QtCore import QCollator, QLocale, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

T = TypeVar("T")

THAI_ORDER = QCollator(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))


def thai_sorted(items: Iterable[T], key: Callable[[T], str] = str, *, reverse: bool = False) -> list[T]:
    """``items`` in Thai order of ``key(item)`` (the item's text by default); a new list."""
    return sorted(items, key=lambda item: THAI_ORDER.sortKey(key(item)), reverse=reverse)


def thai_less(mine: object, theirs: object) -> bool | None:
    """``mine < theirs`` in Thai order when both are text; None when either is not (the caller
    then compares as it would have)."""
    if isinstance(mine, str) and isinstance(theirs, str):
        return THAI_ORDER.compare(mine, theirs) < 0
    return None


class ThaiSortProxy(QSortFilterProxyModel):
    """A sort proxy that orders text in Thai order (numbers and other values as Qt does)."""

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,  # noqa: N802
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        role = self.sortRole()
        less = thai_less(left.data(role), right.data(role))
        return super().lessThan(left, right) if less is None else less
