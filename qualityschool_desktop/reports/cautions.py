"""Warnings a report gives about what it printed, collected for whoever asked for the report.

A report is still written when something in it will not print right (issue 11: characters its
font lacks print as empty boxes); the person who printed it is told where. The report functions
keep their one return value (the path): :func:`caution` adds a Thai warning to the collection the
caller opened with :func:`collecting` around the call, on the same thread (the window's worker,
the command line's ``report`` commands), and is a no-op when nobody collects.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["caution", "collecting"]

_collected: ContextVar[list[str] | None] = ContextVar("report_cautions", default=None)


@contextmanager
def collecting() -> Iterator[list[str]]:
    """Collect the warnings of the reports written inside the ``with`` block (this thread or
    context only) into the list it yields, in the order given, each once."""
    found: list[str] = []
    token = _collected.set(found)
    try:
        yield found
    finally:
        _collected.reset(token)


def caution(text: str) -> None:
    """Add the Thai warning ``text`` to the open collection, once; ignored when ``text`` is
    empty or nobody collects."""
    found = _collected.get()
    if text and found is not None and text not in found:
        found.append(text)
