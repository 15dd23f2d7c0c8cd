"""The one entry object for an open database: ``Workspace.open(path)``.

Its parts are named after the domain: ``.schools``, ``.assessments``, ``.answers``,
``.attachments``, ``.visits``, ``.follow_ups``, ``.network_schools``, ``.budget``, ``.projects``, ``.indicators``, ``.inspection_rounds``, ``.office_texts``, ``.plans``, ``.comments``, ``.contacts``, ``.frameworks`` (the checklists
bundled with the app) and ``.files`` (the stored evidence files). A workspace's connection belongs
to the thread that opened it; work on another thread opens its own workspace on the same file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import file_checks, paths
from .assessments import Assessments
from .copies import remove_leftovers
from .clock import now_iso
from .database import check_integrity, damage_met, damaged_text, open_database, open_memory_database
from .ids import installation_id_for, is_derived, is_uuid
from .errors import DatabaseOpenError, QualitySchoolError, StorageError, ValidationError
from .storage import WRITE_WAIT_SECONDS, CoreDatabase
from .framework import FrameworkRegistry, bundled_frameworks, checklist_codes
from .framework_items import codes_held, register
from .review import Reviews
from .schools import Schools

if TYPE_CHECKING:
    from .answers import Answers
    from .attachments import Attachments
    from .budget.requests import BudgetRequests
    from .comments import Comments
    from .coverage.contacts import Contacts
    from .filestore import FileStore
    from .follow_ups import FollowUps
    from .indicators.store import OfficeIndicators
    from .inspection.office_texts import OfficeTextStore
    from .inspection.rounds import InspectionRounds
    from .network_schools import NetworkSchools
    from .plans.store import Plans
    from .projects.store import Projects
    from .visits import Visits

INSTALLATION_FILE = "installation-id"


def stored_installation_id() -> str | None:
    """The id kept in the data folder as it is, its key not read (a derived id may name a key that
    was lost: :func:`installation_id` checks); None when none is kept or it is no UUID."""
    try:
        value = (paths.user_data_dir() / INSTALLATION_FILE).read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return None
    return value if is_uuid(value) else None


def installation_id() -> str:
    """This installation's id (a UUID, 36 characters): made once per user account and kept in the
    data folder, so every record says which laptop changed it. A new one is derived from this
    installation's signing key (``ids.installation_id_for``; the key is made first when there is
    none), so other laptops can check that a file claiming the id was signed by its key; an id
    made before (a random one) is kept. Raises ``OSError`` when a new id or key cannot be written
    to the data folder, and :class:`~.keys.KeyFileUnreadable` when the key cannot be read (its
    file, or a locked credential store: making a new id reads or makes the key in the store)."""
    from . import keys  # cryptography: only when the key is read (the window: after its first page)

    path = paths.user_data_dir() / INSTALLATION_FILE
    try:
        value = path.read_text(encoding="ascii").strip()
        if not is_uuid(value):
            raise ValueError(value)
        if not is_derived(value):
            return value
        # A derived id names its key: when the key was lost or replaced, the old id would make every
        # file this laptop exports refused (the key does not match). The new key is a new
        # installation, which the schools must bind again (issue 10, T4): say so once.
        derived = installation_id_for(keys.public_raw())
        if derived == value:
            return value
        (paths.user_data_dir() / KEY_REPLACED_FILE).write_text(value, encoding="ascii")
        value = derived
    except (OSError, ValueError):
        value = installation_id_for(keys.public_raw())
    tmp = path.with_suffix(".tmp")
    tmp.write_text(value, encoding="ascii")
    os.replace(tmp, path)
    return value


BURSTS_NOT_WRITTEN = ("ข้อมูลที่บันทึกไว้แล้วยังอยู่ครบ แต่ตอนปิดฐานข้อมูลบันทึกประวัติการพิมพ์ช่วงสุดท้ายไม่สำเร็จ"
                      " ({reason}) ประวัตินั้นจะบันทึกให้เมื่อเปิดฐานข้อมูลนี้ครั้งถัดไป")
KEY_REPLACED_FILE = "key-replaced"
KEY_REPLACED = ("กุญแจลงนามของเครื่องนี้หายหรือถูกเปลี่ยน เครื่องนี้จึงเป็นเครื่องใหม่ในการแลกเปลี่ยนข้อมูล"
                " (รหัสเครื่องเดิม {old}) ไฟล์ที่ส่งออกจากนี้ไปจะยังแก้ไขข้อมูลของโรงเรียนไม่ได้จนกว่าจะผูกกุญแจใหม่กับโรงเรียน:"
                " ผูกกุญแจใหม่กับโรงเรียนที่เครื่องนี้เอง (แฟ้ม › ผู้ส่งข้อมูล › ผูกเครื่องใหม่ด้วยลายนิ้วมือ… ใส่ลายนิ้วมือเต็มของเครื่องนี้"
                " ที่แสดงอยู่ด้านบนของหน้านั้น หรือสั่ง {command} signers --bind ลายนิ้วมือ --school รหัสโรงเรียน)"
                " แล้วโทรอ่านลายนิ้วมือให้เขตพื้นที่และเครื่องอื่นของโรงเรียนผูกกุญแจนี้กับโรงเรียนด้วย ส่วนการนิเทศที่เครื่องเดิมบันทึกไว้ เมื่อได้รับไฟล์ที่มีการนิเทศเหล่านั้นแล้ว"
                " ให้เลือกกุญแจเดิมในหน้าผู้ส่งข้อมูล (แฟ้ม › ผู้ส่งข้อมูล) แล้วกด \"ผูกการนิเทศกับกุญแจใหม่…\""
                " (หรือสั่ง signers --bind ลายนิ้วมือใหม่ --visits-of ลายนิ้วมือเดิม) จึงจะแก้ไขการนิเทศเหล่านั้นได้อีก")


def key_replaced_notice() -> str | None:
    """The Thai notice to show once when this installation's key was lost or replaced and its id
    therefore changed (:func:`installation_id`): the school must be bound to the new key
    (``signers --bind``). None when nothing happened. Reading it clears it; ``OSError`` is ignored."""
    path = paths.user_data_dir() / KEY_REPLACED_FILE
    try:
        old = path.read_text(encoding="ascii").strip()
        path.unlink()
    except OSError:
        return None
    return KEY_REPLACED.format(old=old, command=paths.command())


KEY_CHANGED_UNSAVED = ("กุญแจลงนามของเครื่องนี้หายหรือถูกเปลี่ยนระหว่างเปิดฐานข้อมูล การเปลี่ยนแปลงนี้ยังไม่ได้บันทึก"
                       " โปรแกรมจะเปิดฐานข้อมูลนี้ใหม่ในชื่อเครื่องใหม่ แล้วโปรดทำอีกครั้ง")


def _refuse_key_replaced() -> None:
    raise StorageError(KEY_CHANGED_UNSAVED, "key_replaced")


class Workspace:
    """An open database and everything the core can do with it: ``db`` (the write path,
    :class:`~qualityschool_desktop.storage.CoreDatabase`), ``path`` (None in memory), ``mode``
    (``"main"``, ``"worker"`` or ``"read_only"``), ``installation_id`` and the parts named in the
    module's docstring."""

    def __init__(
        self,
        db: CoreDatabase,
        path: Path | None,
        *,
        mode: str = "main",
        frameworks: FrameworkRegistry | None = None,
        installation: str | None = None,
        checks_later: bool = False,
    ) -> None:
        self.db = db
        self.path = path
        # checks_later (the window's opening, issue 16): the id kept in the data folder is taken now
        # and its key read by finish_checks(), as is the file's integrity check (Workspace.open); every
        # write waits for them.
        stored = stored_installation_id() if checks_later and installation is None else None
        self._key_unchecked = stored is not None and is_derived(stored)
        # The window's read-only workspace (a file on read-only media) is checked as well (TEST27b #4).
        self._integrity_unchecked = checks_later and mode in ("main", "read_only") and path is not None
        self._key_replaced = False  # finish_checks() found the id is no longer this installation's
        self._damaged: StorageError | None = None  # damage met after opening (damaged())
        db.on_error = self.damaged  # a write that meets damage records it too
        self.installation_id = installation or (stored if self._key_unchecked else None) or installation_id()
        self.frameworks = frameworks or bundled_frameworks()
        self.schools = Schools(db, self.installation_id)
        self.assessments = Assessments(db, self.installation_id, self.frameworks, lambda: self.answers, self.schools)
        self.reviews = Reviews(db, self.installation_id, self.assessments)
        # The other parts, the answers and the stored files included, are made (and their modules
        # imported) when first used: the window's school list needs none of them (issue 16).
        self.mode = mode
        self._closed = False
        if self._key_unchecked or self._integrity_unchecked:
            db.before_write = self._check_before_writing
            if path is not None:  # nothing else in this process writes or copies it until they pass
                file_checks.await_checks(path)
        elif mode == "main":
            self._first_open_setup()
        elif path is not None:  # a worker's or a reader's: not before the window's checks passed
            db.before_write = lambda: file_checks.refuse_unchecked(path)

    def finish_checks(self) -> bool:
        """For a workspace opened with ``checks_later``: SQLite's integrity check of the file
        (:func:`~.database.check_integrity`, raising :class:`~.errors.DatabaseOpenError` for a
        damaged file as opening does), then this installation's key read to check that the id the
        workspace was opened with is still this installation's (:func:`installation_id`), then what
        the window's opening does (:meth:`_first_open_setup`). Until then every write runs this
        first. True when all holds (at once for any other workspace); False when the key was lost or
        replaced: the id is no longer this installation's, every write is refused
        (:class:`~qualityschool_desktop.errors.StorageError`, reason ``"key_replaced"``) and the
        caller opens the file again (the new id; :func:`key_replaced_notice` says why). Raises as
        :func:`installation_id` does too; writes then keep trying the checks. Damage met since the
        opening (:meth:`damaged`) fails them: DatabaseOpenError, as the integrity check says it, when
        met before they passed; the recorded StorageError after."""
        if self._damaged is not None:
            if self._integrity_unchecked and self.path is not None:  # met before the check: as the check says it
                raise DatabaseOpenError(damaged_text(self.path), detail=self._damaged.detail)
            raise self._damaged
        if self._key_replaced:
            return False
        if not (self._key_unchecked or self._integrity_unchecked):
            return True
        self.db.before_write = None  # the setup below writes
        try:
            if self._integrity_unchecked:
                assert self.path is not None
                try:
                    check_integrity(self.db, self.path)
                except QualitySchoolError as damaged:
                    file_checks.checks_failed(self.path, damaged)
                    raise
                self._integrity_unchecked = False
            holds = not self._key_unchecked or installation_id() == self.installation_id
        finally:
            self.db.before_write = self._check_before_writing
        if self.path is not None:  # the file is sound (under a replaced id this workspace refuses itself)
            file_checks.checks_passed(self.path)
        if not holds:
            self.db.before_write = _refuse_key_replaced
            self._key_replaced = True
            return False
        self._key_unchecked = False
        self.db.before_write = None
        if self.mode == "main":
            self._first_open_setup()
        return True

    def damaged(self, error: BaseException) -> StorageError | None:
        """``error`` met reading or writing this workspace's file: when it is SQLite's word that the
        file is damaged (:func:`~.database.damage_met`: damage the integrity check at opening does not
        see, such as a broken index), record it and return the Thai error (StorageError, reason
        ``"damaged"``, naming the file and its backups' folder). From then on nothing in this process
        writes to the file or copies it: every write of this workspace and of any other on the file
        (a worker's import) is refused with that error, as is the daily backup
        (:mod:`~.file_checks`), and :meth:`close` writes nothing. Reading goes on. None (nothing
        recorded) for any other error."""
        found = damage_met(self.path, error)
        if found is None:
            return None
        if self._damaged is None:
            self._damaged = found
            if self.path is not None:
                file_checks.checks_failed(self.path, found)
        self.db.before_write = self._refuse_damaged
        # A read that met the damage may leave a transaction open (sqlite-utils' query savepoint,
        # whose release failed too): a later write would nest in it unchecked and never commit.
        if self.db.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.db.conn.execute("ROLLBACK")
        return self._damaged

    @property
    def damage(self) -> StorageError | None:
        """The damage :meth:`damaged` recorded (the Thai error naming the file, reason
        ``"damaged"``), None while none was met: a front end then starts no import into the file."""
        return self._damaged

    def _refuse_damaged(self) -> None:
        assert self._damaged is not None
        raise self._damaged

    def answers_set_aside_now(self) -> int:
        """How many answers the migration this opening applied set aside (0031: answers to item
        codes their round's framework does not have; kept whole, evidence included, in the file's
        ``answers_set_aside`` table, not lost); 0 when that migration did not run now. So the
        window can say it once."""
        if "0031_framework_items" not in self.db.applied_now:
            return 0
        return int(self.db.execute("SELECT count(*) FROM answers_set_aside").fetchone()[0])

    @property
    def checks_pending(self) -> bool:
        """True while :meth:`finish_checks` has not passed (``checks_later``): nothing but reading
        the first page should happen yet."""
        return self._key_unchecked or self._integrity_unchecked

    def _check_before_writing(self) -> None:
        if not self.finish_checks():
            _refuse_key_replaced()

    def _first_open_setup(self) -> None:
        """What only the window's own (or a command's writing) connection does on opening."""
        db = self.db
        if db.execute("SELECT count(*) FROM installation WHERE key IN ('created_by', 'created_at')").fetchone()[0] < 2:
            with db.write():
                # Which installation made this file: exchange between laptops starts from it.
                db.execute(
                    "INSERT OR IGNORE INTO installation (key, value) VALUES ('created_by', ?), ('created_at', ?)",
                    [self.installation_id, now_iso()],
                )
        # Which key this installation signs with, so the write path can tell the school's statements
        # that name this laptop by its key alone (migration 0012: edits of schools owned elsewhere).
        own_key = f"key_of:{self.installation_id}"
        if db.execute("SELECT 1 FROM installation WHERE key = ?", [own_key]).fetchone() is None:
            import hashlib

            from . import keys

            try:
                fingerprint = hashlib.sha256(keys.public_raw()).hexdigest()
            except (OSError, keys.KeyFileUnreadable):
                fingerprint = ""
            if fingerprint:
                with db.write():
                    db.execute("INSERT OR IGNORE INTO installation (key, value) VALUES (?, ?)", [own_key, fingerprint])
        # Frameworks this workspace knows that the database does not hold yet (a newer app's, a
        # test's): their codes registered, so that the schema keeps answers to them (0031).
        if not all(codes_held(db.conn, framework) for framework in self.frameworks.all()):
            with db.write():
                register(db.conn, self.frameworks.all(), now_iso())
        # A burst of typing left open by a crash becomes history now. Only bursts that have
        # ended (older than the burst gap): one still being typed in another window stays whole.
        try:
            for part in self._parts_with_bursts():
                part.flush_pending(stale_only=True)
        except ValidationError:
            # A burst a rule of a later version refuses stays pending (its text is stored); the
            # school's data must open whatever its typing history holds.
            pass
        if self.path is not None:
            remove_leftovers(self.path)

    def _parts_with_bursts(self) -> list[Answers | OfficeTextStore]:
        """The parts whose bursts of typing opening and closing end: those made already (they may have
        bursts of their own), and the others only when the file holds a burst of theirs (a crash's),
        so that neither the opening's setup nor closing makes a part, or imports its module, for nothing."""
        db = self.db
        parts: list[Answers | OfficeTextStore] = []
        if "answers" in self.__dict__ or db.execute("SELECT 1 FROM pending_edits LIMIT 1").fetchone():
            parts.append(self.answers)
        if "office_texts" in self.__dict__ or db.execute(
                "SELECT 1 FROM office_texts WHERE burst_old IS NOT NULL LIMIT 1").fetchone():
            parts.append(self.office_texts)
        return parts

    # -- the parts made when first used ------------------------------------------------------
    @cached_property
    def answers(self) -> Answers:
        """The answers of every round, item by item, and their typing history (made when first used)."""
        from .answers import Answers

        return Answers(self.db, self.installation_id, self.frameworks)

    @cached_property
    def files(self) -> FileStore:
        """The stored evidence files, in the folder beside the database (none in memory; made when first used)."""
        from .filestore import FileStore

        return FileStore(paths.attachments_dir_for(self.path) if self.path else None)

    @cached_property
    def attachments(self) -> Attachments:
        """The evidence files of answers (made when first used)."""
        from .attachments import Attachments

        return Attachments(self.db, self.installation_id, self.files, self.answers)

    @cached_property
    def visits(self) -> Visits:
        """Supervision visits and their findings (made when first used)."""
        from .visits import Visits

        return Visits(self.db, self.installation_id, self.frameworks, self.files, self.schools)

    @cached_property
    def follow_ups(self) -> FollowUps:
        """The follow-ups agreed at visits (made when first used)."""
        from .follow_ups import FollowUps

        return FollowUps(self.db, self.installation_id, self.schools)

    @cached_property
    def network_schools(self) -> NetworkSchools:
        """The schools of each quality school's network (made when first used)."""
        from .network_schools import NetworkSchools

        return NetworkSchools(self.db, self.installation_id, self.schools)

    @cached_property
    def plans(self) -> Plans:
        """Improvement plans (made when first used)."""
        from .plans.store import Plans

        return Plans(self.db, self.installation_id, self.schools, self.frameworks)

    @cached_property
    def budget(self) -> BudgetRequests:
        """Budget requests, baht by fiscal year (made when first used)."""
        from .budget.requests import BudgetRequests

        return BudgetRequests(self.db, self.installation_id, self.schools, lambda: checklist_codes(self.frameworks))

    @cached_property
    def projects(self) -> Projects:
        """The office's projects and their money (made when first used)."""
        from .projects.store import Projects

        return Projects(self.db, self.installation_id, self.schools)

    @cached_property
    def indicators(self) -> OfficeIndicators:
        """The office's own indicators (made when first used)."""
        from .indicators.store import OfficeIndicators

        return OfficeIndicators(self.db, self.installation_id)

    @cached_property
    def inspection_rounds(self) -> InspectionRounds:
        """Inspection rounds (รอบการตรวจราชการ; made when first used)."""
        from .inspection.rounds import InspectionRounds

        return InspectionRounds(self.db, self.installation_id)

    @cached_property
    def comments(self) -> Comments:
        """Comments on rounds and items (made when first used)."""
        from .comments import Comments

        return Comments(self.db, self.installation_id, self.frameworks)

    @cached_property
    def contacts(self) -> Contacts:
        """The office's contact log with schools (made when first used)."""
        from .coverage.contacts import Contacts

        return Contacts(self.db, self.installation_id, self.schools)

    @cached_property
    def office_texts(self) -> OfficeTextStore:
        """The office's own texts of a round's report (made when first used)."""
        from .inspection.office_texts import OfficeTextStore

        return OfficeTextStore(self.db, self.installation_id, self.inspection_rounds, self.schools,
                               lambda: tuple(c.code for c in self.frameworks.latest().components))

    @property
    def created_by(self) -> str:
        """The installation that created this database file."""
        row = self.db.execute("SELECT value FROM installation WHERE key = 'created_by'").fetchone()
        return str(row[0]) if row else ""

    @classmethod
    def open(
        cls, path: Path | str, *, create: bool = False, read_only: bool = False, worker: bool = False,
        write_wait: float = WRITE_WAIT_SECONDS, integrity: bool | None = None, **options: object,
    ) -> "Workspace":
        """Open the database at ``path``.

        * default: the window's (or a writing command's) workspace: integrity check, backup and
          migrations, crash leftovers cleared; ``create`` makes a missing file;
        * ``worker=True``: a light connection for background work on another thread (no integrity
          check, no migrations, nothing written on opening or closing); it may write through the
          write path (an import);
        * ``read_only=True``: SQLite's read-only mode; writes nothing, ever, and reads while
          another process writes. Writing raises :class:`~qualityschool_desktop.errors.StorageError`.

        ``checks_later=True`` (the window's first opening, writable or read-only): the file's integrity
        check (unless it is about to be migrated) and the reading of this installation's key wait for
        :meth:`finish_checks`, which every write runs first; until they pass, every worker or
        read-only workspace this process opens on the same file refuses to write
        (:func:`~.file_checks.refuse_unchecked`: StorageError reason ``"unchecked"``, or the
        check's own DatabaseOpenError once it failed) and a backup refuses to copy it.

        ``write_wait``: seconds a write waits for another process's lock before failing as busy
        (default :data:`~qualityschool_desktop.storage.WRITE_WAIT_SECONDS`; the window uses less,
        since its saves run on its own thread and retry).

        ``integrity=True`` with ``read_only``: the integrity check now, as the default opening makes it
        (the window's read-only opening of a file it cannot write; a worker's reads skip it).

        Raises :class:`~qualityschool_desktop.errors.DatabaseOpenError` and leaves the file
        untouched when it cannot be used (for ``worker``/``read_only`` also when the file's schema
        is older than this version's: only the default open migrates)."""
        path = Path(path)
        mode = "read_only" if read_only else "worker" if worker else "main"
        checks_later = bool(options.get("checks_later"))
        db = open_database(path, create=create, mode=mode, write_wait=write_wait,
                           integrity_later=checks_later and mode == "main",
                           integrity=integrity if not checks_later else None)
        try:
            return cls(db, path, mode=mode, **options)  # type: ignore[arg-type]
        except BaseException:
            db.conn.close()
            raise

    @classmethod
    def open_memory(cls, **options: object) -> "Workspace":
        """A workspace on a new, migrated in-memory database (tests, the self-test); it has no
        folder for attachments (adding one raises
        :class:`~qualityschool_desktop.errors.ValidationError`). ``options`` as for the
        constructor (``installation``, ``frameworks``)."""
        return cls(open_memory_database(), None, **options)  # type: ignore[arg-type]

    @property
    def read_only(self) -> bool:
        """True for a workspace opened with ``read_only=True`` (every write raises
        :class:`~qualityschool_desktop.errors.StorageError`)."""
        return self.mode == "read_only"

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run (the connection is closed; the parts can no longer read)."""
        return self._closed

    def close(self) -> None:
        """Close the connection. The main workspace first ends its own bursts of typing (and any a
        crash left) as history and folds the WAL back into the file; worker and read-only
        workspaces write nothing. Closing a closed workspace does nothing (a window that closes
        its workspace inside a ``with`` block closes it twice).

        Raises :class:`~qualityschool_desktop.errors.StorageError` (Thai: what was saved is all
        there; the last typing's history is written on the next opening) when the main workspace's
        bursts could not be written; the connection is closed all the same and the bursts stay
        pending in the file."""
        if self._closed:
            return
        self._closed = True
        if self.path is not None and (self._key_unchecked or self._integrity_unchecked or self._damaged):
            file_checks.forget(self.path)  # closed before its checks passed, or damaged: nothing known of it
        failure: QualitySchoolError | None = None
        try:
            # A file whose integrity check has not passed (it failed, or the window closes before
            # it ran) is left as it is, as is one found damaged since; under an id found replaced
            # nothing was written. Bursts a crash left wait for the next opening either way.
            if self.mode == "main" and not self._integrity_unchecked and self._damaged is None:
                if not self._key_replaced:
                    try:
                        for part in self._parts_with_bursts():
                            part.end_own_bursts()
                    except QualitySchoolError as error:
                        # The texts themselves were committed when the window said "saved"; only the
                        # bursts' history rows are missing, and they stay pending for the next opening.
                        failure = error
                # Fold the WAL back so the file alone is complete when copied to a USB stick.
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self._close_connection()
        if failure is not None:
            reason = failure.reason if isinstance(failure, StorageError) else "io"
            raise StorageError(BURSTS_NOT_WRITTEN.format(reason=failure), reason,
                               detail=failure.detail) from failure

    def _close_connection(self) -> None:
        """Close the connection. SQLite's last connection to a file folds the WAL into it on closing;
        a file found damaged is left as it was (test28 N4): a read-only connection, which never
        checkpoints, is opened first and closed last, so the WAL stays beside the file. (Python 3.11
        cannot set ``SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE``.)"""
        keeper: sqlite3.Connection | None = None
        if self._damaged is not None and self.path is not None:
            with contextlib.suppress(sqlite3.Error):
                keeper = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
                keeper.execute("PRAGMA schema_version").fetchone()  # the file and its WAL opened
        try:
            self.db.conn.close()
        finally:
            if keeper is not None:
                keeper.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
