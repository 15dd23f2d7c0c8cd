"""Attachment contents on their way from a file into the store, leaving nothing when refused.

Only members that a record of the file refers to, and that the store lacks, are copied: first to
temporary names in the store (each checked against its SHA-256 while copied), before the write
transaction; then, inside it, renamed into place for the records the import keeps. A refused
import removes its temporary files and any file it placed, so the store is as it was.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Collection, Iterable

from ..errors import QualitySchoolError, file_reason
from .package import Package
from .records import ExchangeError

if TYPE_CHECKING:
    from ..workspace import Workspace

NO_STORE = "ฐานข้อมูลชั่วคราวในหน่วยความจำเก็บไฟล์แนบไม่ได้ จึงนำเข้าไฟล์นี้ไม่ได้"


def _store_root(workspace: "Workspace") -> Path:
    """The attachment store's folder; :data:`NO_STORE` (an :class:`ExchangeError`) for an
    in-memory database, which has none: the one place the exchange says so."""
    try:
        return workspace.files.root
    except QualitySchoolError:
        raise ExchangeError(NO_STORE) from None


def missing(workspace: "Workspace", digests: Iterable[str]) -> list[str]:
    """Of ``digests`` (SHA-256 hex), those whose content the store does not hold, sorted (one
    ``stat`` each). Raises :class:`ExchangeError` when the workspace has no store (an in-memory
    database) and some are asked for."""
    wanted = sorted(set(digests))
    if not wanted:
        return []
    _store_root(workspace)
    return [digest for digest in wanted if not workspace.files.path_of(digest).is_file()]


def to_copy(workspace: "Workspace", package: Package, digests: Collection[str]) -> list[str]:
    """Of ``digests`` (the contents the file's records name), those the file carries and the store
    lacks, sorted: what an import copies. Only the carried ones are looked for in the store (what
    the file does not carry cannot be copied; :func:`absent_uncarried` asks for those once the
    records are decided). Raises :class:`ExchangeError` as :func:`missing` does when some are named
    and the workspace has no store."""
    carried = [digest for digest in digests if f"files/{digest}" in package.members]
    if digests and not carried:
        _store_root(workspace)  # named but none carried: still refused where there is no store
    return missing(workspace, carried)


def absent_uncarried(workspace: "Workspace", package: Package, digests: Iterable[str]) -> list[str]:
    """Of ``digests`` (the contents the kept records need), those neither the file carries nor the
    store holds, sorted: the ones an import would lack. A carried one needs no look in the store
    (it is copied, or there already). Raises :class:`ExchangeError` as :func:`missing` does."""
    return missing(workspace, [digest for digest in digests if f"files/{digest}" not in package.members])


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
        self.waiting: dict[str, tuple[str, str]] = {}  # digest -> (temporary, final) paths
        self.placed: list[str] = []

    def discard(self) -> None:
        """Remove every temporary file and every file this import placed (a refused import)."""
        for tmp, _final in self.waiting.values():
            _remove(tmp)
        self.waiting.clear()
        for final in self.placed:
            _remove(final)
        self.placed.clear()

    def place(self, digests: Iterable[str]) -> None:
        """Rename the contents of ``digests`` into place (inside the import's transaction) and
        drop the other temporary files. Raises :class:`ExchangeError` when a file cannot be renamed
        or its folder made (the import then rolls back and :meth:`discard` removes what was placed)."""
        keep = set(digests)
        try:
            for digest, (tmp, final) in sorted(self.waiting.items()):
                if digest not in keep:
                    _remove(tmp)
                else:
                    try:
                        os.replace(tmp, final)
                    except FileNotFoundError:  # the first content of its folder (its two first digits)
                        os.makedirs(os.path.dirname(final), exist_ok=True)
                        os.replace(tmp, final)
                    self.placed.append(final)
                del self.waiting[digest]  # renamed or removed: nothing left to discard under that name
        except OSError as exc:
            raise ExchangeError(f"คัดลอกไฟล์แนบไม่ได้: {file_reason(exc)}") from None

    def done(self) -> None:
        """The transaction committed: what was placed stays."""
        self.placed.clear()
        self.discard()


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


# A temporary file is made new (never one that exists, nor through a link), readable by this user only.
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def stage(workspace: "Workspace", package: Package, digests: Iterable[str], progress: Callable[[], None]) -> Staged:
    """Copy the members ``files/<digest>`` to temporary files in the store (``.incoming-…``, which
    ``copies.py`` sweeps when a crash left one), checking each hash, each flushed to disk
    (``fsync``) before the transaction that names it commits; a bad member raises
    :class:`ExchangeError` and leaves nothing."""
    staged = Staged()
    root, path_of = str(_store_root(workspace)), workspace.files.path_of
    # One random part per import, a number per content: O_EXCL makes sure no name is taken twice.
    prefix = os.path.join(root, f".incoming-{os.urandom(6).hex()}-")
    try:
        for number, digest in enumerate(digests):
            tmp = f"{prefix}{number}"
            try:
                fd = os.open(tmp, _NEW, 0o600)
            except FileNotFoundError:  # the store's first content
                os.makedirs(root, exist_ok=True)
                fd = os.open(tmp, _NEW, 0o600)
            staged.waiting[digest] = (tmp, str(path_of(digest)))
            try:
                for chunk in package.chunks(f"files/{digest}"):
                    view = memoryview(chunk)
                    while view:
                        view = view[os.write(fd, view):]
                os.fsync(fd)
            finally:
                os.close(fd)
            progress()
    except OSError as exc:
        staged.discard()
        raise ExchangeError(f"คัดลอกไฟล์แนบไม่ได้: {file_reason(exc)}") from None
    except BaseException:
        staged.discard()
        raise
    return staged
