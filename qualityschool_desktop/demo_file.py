"""The demo database file: built once, on first use, never half-built (``main.py --demo``)."""

from __future__ import annotations

import os
from pathlib import Path

from . import paths


def demo_is_built(path: Path) -> bool:
    """Whether the demo database at ``path`` is there (:func:`ensure_demo` then does nothing)."""
    return path.exists() and path.stat().st_size > 0


def ensure_demo(path: Path) -> None:
    """Build the demo database at ``path`` unless it is there already.

    It is built under a temporary name and renamed into place at the end, so a build that fails
    or is killed never leaves a half-built file that would later pass for the demo."""
    from .workspace import Workspace  # the database layer loads only when a command needs it

    if demo_is_built(path):
        return
    from .demo import build_demo  # the demo generator is only loaded when asked for

    partial = path.with_name(f".{path.name}.building")
    for leftover in (partial, *paths.sidecar_files(partial)):
        leftover.unlink(missing_ok=True)
    try:
        with Workspace.open(partial, create=True) as workspace:
            build_demo(workspace)
        os.replace(partial, path)
    finally:
        for leftover in (partial, *paths.sidecar_files(partial)):
            leftover.unlink(missing_ok=True)
