"""Run a Python script as ``python SCRIPT ARGS…`` would, adding this process's CPU time (seconds,
``time.process_time()``: every thread, user and system) to the ``first-paint`` and ``ready`` lines it
prints: ``first-paint 0.2431``.

``bench_startup.py`` starts both the app and the bare window through it, so their CPU times up to
each line are compared as well as the wall times: on a shared machine under load the wall time
measures the other processes as much as ours, the CPU time much less (issue 16's method note).

    python benchmarks/cpu_marks.py main.py --db demo.sqlite3
"""

from __future__ import annotations

import runpy
import sys
import time
from pathlib import Path
from typing import Any, TextIO

MARKS = ("first-paint", "ready")


class _Marked:
    """Standard output with the CPU time added to the marker lines; everything else (reconfigure,
    encoding, fileno …) is the real stream's."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        mark = text.strip()
        if mark in MARKS:  # print() writes the line's end separately; kept as it came
            text = f"{mark} {time.process_time():.4f}{text[len(text.rstrip()):]}"
        return self._inner.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def main() -> None:
    script = Path(sys.argv[1]).resolve()
    sys.argv = [str(script), *sys.argv[2:]]
    sys.path.insert(0, str(script.parent))  # as `python script` puts the script's folder first
    sys.stdout = _Marked(sys.stdout)
    runpy.run_path(str(script), run_name="__main__")


if __name__ == "__main__":
    main()
