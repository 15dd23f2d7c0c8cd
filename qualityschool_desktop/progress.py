"""Progress of a long job, counted in parts, for callers that know nothing of the window."""

from __future__ import annotations

from typing import Callable

Progress = Callable[[int, int], None]


class Steps:
    """Call once per finished part: reports ``(done, total)`` to ``progress``, then runs ``check``
    (which may raise to stop the job, e.g. when the user cancelled)."""

    def __init__(self, total: int, progress: Progress | None = None,
                 check: Callable[[], None] | None = None) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._check = check

    def __call__(self) -> None:
        self.done += 1
        if self._progress is not None:
            self._progress(self.done, self.total)
        if self._check is not None:
            self._check()
