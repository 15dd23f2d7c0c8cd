"""The one entry object for an open database: ``Workspace.open(path)``.

Its parts are named after the domain: ``.schools``, ``.assessments``, ``.answers``,
``.attachments``, ``.visits``, ``.follow_ups``, ``.frameworks``. A workspace's connection belongs to the thread that opened it;
work on another thread opens its own workspace on the same file.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from sqlite_utils import Database

from . import paths
from .answers import Answers
from .assessments import Assessments
from .attachments import Attachments
from .clock import now_iso
from .filestore import FileStore
from .follow_ups import FollowUps
from .database import open_database, open_memory_database
from .framework import FrameworkRegistry, bundled_frameworks
from .network_schools import NetworkSchools
from .schools import Schools
from .visits import Visits

INSTALLATION_FILE = "installation-id"


def installation_id() -> str:
    """This installation's id: made once per user account and kept in the data folder, so every
    record says which laptop changed it."""
    path = paths.user_data_dir() / INSTALLATION_FILE
    try:
        value = path.read_text(encoding="ascii").strip()
        uuid.UUID(value)
        return value
    except (OSError, ValueError):
        value = str(uuid.uuid4())
        tmp = path.with_suffix(".tmp")
        tmp.write_text(value, encoding="ascii")
        os.replace(tmp, path)
        return value


class Workspace:
    """An open database and everything the core can do with it."""

    def __init__(
        self,
        db: Database,
        path: Path | None,
        *,
        frameworks: FrameworkRegistry | None = None,
        installation: str | None = None,
    ) -> None:
        self.db = db
        self.path = path
        self.installation_id = installation or installation_id()
        self.frameworks = frameworks or bundled_frameworks()
        self.answers = Answers(db, self.installation_id, self.frameworks)
        self.schools = Schools(db, self.installation_id)
        self.assessments = Assessments(db, self.installation_id, self.frameworks, self.answers)
        self.files = FileStore(paths.attachments_dir_for(path) if path else None)
        self.attachments = Attachments(db, self.installation_id, self.files, self.answers)
        self.visits = Visits(db, self.installation_id, self.frameworks, self.files)
        self.follow_ups = FollowUps(db, self.installation_id)
        self.network_schools = NetworkSchools(db, self.installation_id)
        with db.atomic():
            # Which installation made this file: exchange between laptops (later) starts from it.
            db.execute(
                "INSERT OR IGNORE INTO installation (key, value) VALUES ('created_by', ?), ('created_at', ?)",
                [self.installation_id, now_iso()],
            )
        # A burst of typing still open when the app was killed becomes history now.
        self.answers.flush_pending()

    @property
    def created_by(self) -> str:
        """The installation that created this database file."""
        row = self.db.execute("SELECT value FROM installation WHERE key = 'created_by'").fetchone()
        return str(row[0]) if row else ""

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, **options: object) -> "Workspace":
        """Open the database at ``path`` (creating it only when ``create``); raises
        :class:`~qualityschool_desktop.errors.DatabaseOpenError` and leaves the file untouched
        when it cannot be used."""
        path = Path(path)
        return cls(open_database(path, create=create), path, **options)  # type: ignore[arg-type]

    @classmethod
    def open_memory(cls, **options: object) -> "Workspace":
        return cls(open_memory_database(), None, **options)  # type: ignore[arg-type]

    def close(self) -> None:
        try:
            self.answers.flush_pending()
            # Fold the WAL back so the file alone is complete when copied to a USB stick.
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.db.conn.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
