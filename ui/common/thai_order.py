"""Thai order in the window: every list, table and combo box of names sorts as the core's lists
and the reports do, with the core's own key (``qualityschool_desktop.collation``: ICU's Thai rules).

Code-point order (Qt's default for text) puts เ แ โ ใ ไ after every consonant: แม่สอด after
อุ้มผาง. Sort with :data:`THAI_ORDER` (``sorted(names, key=THAI_ORDER.sortKey)`` or
:func:`thai_sorted`), and give a sortable table a :class:`ThaiSortProxy`.

Not Qt's ``QCollator``: on Linux it is ICU and agrees with the core
(``tests/ui/test_thai_order_views.py``), but on Windows Qt collates with the system's
``CompareStringEx`` (Qt6Core.dll imports no ICU collator), which need not put Thai before Latin
nor weigh tone marks as ICU does (issue 12): the screen and the printed lists would differ.
"""

from __future__ import annotations

from typing import Callable, Iterable, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from qualityschool_desktop.collation import thai_compare, thai_key

T = TypeVar("T")


class ThaiOrder:
    """The core's Thai order with the two calls of ``QCollator`` the window uses."""

    def sortKey(self, text: str) -> tuple[str, str, str, str]:  # noqa: N802 (QCollator's name)
        return thai_key(text)

    def compare(self, first: str, second: str) -> int:
        return thai_compare(first, second)


THAI_ORDER = ThaiOrder()


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
