"""Attachment contents on their way from a file into the store, leaving nothing when refused.

Only members that a record of the file refers to, and that the store lacks, are copied: first to
temporary names in the store (each checked against its SHA-256 while copied), before the write
transaction; then, inside it, renamed into place for the records the import keeps. A refused
import removes its temporary files and any file it placed, so the store is as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from ..errors import QualitySchoolError, file_reason
from .package import Package
from .records import ExchangeError

if TYPE_CHECKING:
    from ..workspace import Workspace

NO_STORE = "ฐานข้อมูลชั่วคราวในหน่วยความจำเก็บไฟล์แนบไม่ได้ จึงนำเข้าไฟล์นี้ไม่ได้"


def missing(workspace: "Workspace", digests: Iterable[str]) -> list[str]:
    """Of ``digests`` (SHA-256 hex), those whose content the store does not hold, sorted. Raises
    :class:`ExchangeError` when the workspace has no store (an in-memory database) and some are
    asked for."""
    wanted = sorted(set(digests))
    if not wanted:
        return []
    try:
        return [digest for digest in wanted if not workspace.files.path_of(digest).is_file()]
    except QualitySchoolError:
        raise ExchangeError(NO_STORE) from None


def stored_size(workspace: "Workspace", digest: str) -> int | None:
    """The size in bytes of the content ``digest`` in the store here, None when it is not there."""
    try:
        path = workspace.files.path_of(digest)
    except QualitySchoolError:
        return None
    try:
        return path.stat().st_size
    except OSError:
        return None


def verify(package: Package, digests: Iterable[str], progress: Callable[[], None]) -> None:
    """Read each member ``files/<digest>`` through, checking its size and hash (a preview)."""
    for digest in digests:
        for _chunk in package.chunks(f"files/{digest}"):
            pass
        progress()


class Staged:
    """Members copied to temporary files in the store, waiting to be renamed into place."""

    def __init__(self) -> None:
        self.waiting: dict[str, tuple[Path, Path]] = {}  # digest -> (temporary, final)
        self.placed: list[Path] = []

    def discard(self) -> None:
        """Remove every temporary file and every file this import placed (a refused import)."""
        for tmp, _final in self.waiting.values():
            tmp.unlink(missing_ok=True)
        self.waiting.clear()
        for final in self.placed:
            final.unlink(missing_ok=True)
        self.placed.clear()

    def place(self, digests: Iterable[str]) -> None:
        """Rename the contents of ``digests`` into place (inside the import's transaction) and
        drop the other temporary files. Raises :class:`ExchangeError` when a file cannot be renamed
        or its folder made (the import then rolls back and :meth:`discard` removes what was placed)."""
        keep = set(digests)
        try:
            for digest, (tmp, final) in sorted(self.waiting.items()):
                if digest not in keep:
                    tmp.unlink(missing_ok=True)
                    continue
                if not final.parent.is_dir():
                    final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, final)
                self.placed.append(final)
        except OSError as exc:
            raise ExchangeError(f"คัดลอกไฟล์แนบไม่ได้: {file_reason(exc)}") from None
        finally:
            self.waiting = {d: paths for d, paths in self.waiting.items() if paths[0].exists()}

    def done(self) -> None:
        """The transaction committed: what was placed stays."""
        self.placed.clear()
        self.discard()


def stage(workspace: "Workspace", package: Package, digests: Iterable[str], progress: Callable[[], None]) -> Staged:
    """Copy the members ``files/<digest>`` to temporary files in the store, checking each hash;
    a bad member raises :class:`ExchangeError` and leaves nothing."""
    staged = Staged()
    try:
        root = workspace.files.root
    except QualitySchoolError:
        raise ExchangeError(NO_STORE) from None
    try:
        if digests and not root.is_dir():
            root.mkdir(parents=True, exist_ok=True)
        for digest in digests:
            fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=root)
            staged.waiting[digest] = (Path(tmp_name), workspace.files.path_of(digest))
            with os.fdopen(fd, "wb") as out:
                for chunk in package.chunks(f"files/{digest}"):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            progress()
    except OSError as exc:
        staged.discard()
        raise ExchangeError(f"คัดลอกไฟล์แนบไม่ได้: {file_reason(exc)}") from None
    except BaseException:
        staged.discard()
        raise
    return staged
