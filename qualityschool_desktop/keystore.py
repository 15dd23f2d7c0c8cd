"""Where this installation's private signing key is kept (issue 12).

**The operating system's store first**, through the ``keyring`` package: Windows Credential
Manager, the macOS Keychain, the Secret Service of a Linux desktop (on Windows and macOS that
store is opened directly, without keyring's backend detection at every start: issue 16,
:data:`DIRECT_BACKENDS`; elsewhere detection runs without keyring's Windows and macOS backends).
On Windows a file's 0600 mode
means nothing (and nothing at all on a FAT or exFAT USB stick); the store keeps the key readable
by this user only, whatever the disk. **Else a file readable by its owner only (0600)** in the
per-user data folder, as before — **but never on removable media**: when the data folder
(``QUALITYSCHOOL_DATA_DIR``, a portable install) is on a USB stick or a FAT/exFAT disk, the file
goes to the laptop's own per-user folder (``paths.local_data_dir()``) instead.

One key per data folder: the store's entry is named after the folder's own random id, kept in
:data:`FOLDER_ID_FILE` inside it (:func:`account`), so a portable install, the tests and a second
data folder each have their own key, as they had with the file, and a USB stick plugged in at
another drive letter or mount path keeps its key (issue 12 finding 2: the entry was named after the
folder's path; such an entry is moved to the new name once). Another laptop has its own store and
so makes its own key for the same folder. A key that is still in a file (made before this version, or while the store could not be
reached) is moved into the store the first time the store is there and the file removed once the
store gives the same key back (:func:`load`).

This module only keeps the key's bytes (PEM); ``exchange/signing.py`` makes and reads the key.
"""

from __future__ import annotations

import hashlib
import os
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import paths

SERVICE = "QualitySchoolDesktop"
KEY_FILE = "exchange-signing-key.pem"
FOLDER_ID_FILE = "folder-id.txt"
# Filesystems where a file's owner-only mode is not kept (any user of the laptop can read it).
NO_PERMISSION_FILESYSTEMS = {"vfat", "msdos", "exfat", "fat", "fuseblk", "ntfs", "ntfs3"}
DRIVE_REMOVABLE = 2  # GetDriveTypeW


class KeyStoreError(Exception):
    """The key cannot be read or kept (``str(exc)`` is a Thai sentence for people)."""


@dataclass(frozen=True)
class Stored:
    """A key's bytes and where they are: ``"store"`` (the operating system's, named by
    ``backend``) or ``"file"`` (at ``path``)."""

    pem: bytes
    where: str
    backend: str = ""
    path: Path | None = None


def path_account() -> str:
    """The entry name earlier versions used: ``signing-key-`` and the first 16 hex digits of the
    SHA-256 of the data folder's absolute path (it changed with the drive letter)."""
    folder = str(paths.user_data_dir().resolve())
    return "signing-key-" + hashlib.sha256(folder.encode("utf-8")).hexdigest()[:16]


def folder_id() -> str | None:
    """The data folder's own random id (32 hex digits) from :data:`FOLDER_ID_FILE`, made once
    (written whole, under a temporary name first) when the folder has none. None when the folder
    cannot be written (a read-only medium) and has no id yet."""
    folder = paths.user_data_dir()
    path = folder / FOLDER_ID_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
        if len(text) == 32 and all(c in "0123456789abcdef" for c in text):
            return text
    except (OSError, UnicodeDecodeError):
        pass
    new = uuid.uuid4().hex
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(new + "\n", encoding="ascii")
        os.replace(tmp, path)
    except OSError:
        return None
    return new


def account() -> str:
    """The store's entry name for the current data folder: ``signing-key-`` and the folder's id
    (:func:`folder_id`), which travels with the folder; :func:`path_account` when the folder has
    no id and cannot be given one."""
    found = folder_id()
    return f"signing-key-{found}" if found else path_account()


# The one store of each desktop system, used without keyring's detection (issue 16: detection
# reads every installed package's entry points and imports every backend, ~50-100 ms of every
# start). Where keyring's detection would choose the same store: with keyring alone installed it
# finds one viable backend there, this one. Elsewhere (Linux: Secret Service, KWallet, ...)
# detection chooses, over the backends that can apply there (:func:`_detect_here`).
DIRECT_BACKENDS = {
    "win32": "keyring.backends.Windows.WinVaultKeyring",
    "darwin": "keyring.backends.macOS.Keyring",
}
# keyring's own backends for the other systems, never viable on Linux. Importing them was most of
# detection's cost there: the macOS one calls ctypes.util.find_library at import, which spawns
# ldconfig and then gcc (~100-240 ms of every start, issue 16).
FOREIGN_BACKENDS = ("keyring.backends.macOS", "keyring.backends.Windows")
_chosen: Any = None  # the backend chosen without detection, once per process


def _backend() -> Any:
    """keyring's backend for this process: ``PYTHON_KEYRING_BACKEND``'s (the tests), else the one
    keyring's configuration file names, else on Windows and macOS the system's store
    (:data:`DIRECT_BACKENDS`) when it is viable here, else keyring's detection (elsewhere over
    the backends that can apply: :func:`_detect_here`). Raises what keyring raises for a broken
    configuration."""
    import keyring

    global _chosen
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return keyring.get_keyring()
    if sys.platform not in DIRECT_BACKENDS:
        return _detect_here()
    if _chosen is None:
        chosen = keyring.core.load_config()
        if chosen is None:
            try:  # imports the class and asks its priority: RuntimeError where it is not viable
                chosen = keyring.core.load_keyring(DIRECT_BACKENDS[sys.platform])
            except Exception:  # noqa: BLE001 — no such store here (Wine without it, a stripped build)
                chosen = keyring.get_keyring()
        _chosen = chosen
    return _chosen


def _detect_here() -> Any:
    """keyring's own detection (``keyring.get_keyring()``: the environment, the configuration
    file, then the viable backend of highest priority, the chainer where two or more are viable)
    over the backends keyring would load **less** :data:`FOREIGN_BACKENDS`: every plugin an
    installed package registers is loaded as keyring loads it, so the choice is keyring's (a test
    compares them), without spawning a process. Done once per process, as keyring does."""
    import keyring
    from keyring import backend

    everything = backend.get_all_keyring
    # keyring keeps the list in jaraco.functools.once's ``saved_result`` (keyring is pinned); the
    # chainer reads the same list. Where that is not so, or the list is made already, keyring's.
    if getattr(keyring.core, "_keyring_backend", None) is None and hasattr(everything, "reset") \
            and "saved_result" not in vars(everything):
        everything.saved_result = _backends_here()
    return keyring.get_keyring()


def _backends_here() -> list[Any]:
    """What ``keyring.backend.get_all_keyring`` returns, without loading the plugins of
    :data:`FOREIGN_BACKENDS`: each other ``keyring.backends`` entry point loaded (and called when
    callable) as keyring's ``_load_plugins`` does, then every viable backend class made."""
    from importlib import metadata

    from keyring import backend

    for entry in metadata.entry_points(group="keyring.backends"):
        if entry.module in FOREIGN_BACKENDS:
            continue
        try:
            initialize = entry.load()
            if callable(initialize):
                initialize()
        except Exception:  # noqa: BLE001 — keyring logs such a plugin and goes on; so do we
            continue
    made = []
    for cls in backend.KeyringBackend.get_viable_backends():
        try:
            made.append(cls())
        except TypeError:  # needs parameters: keyring leaves it out too
            continue
    return made


def os_store() -> Any | None:
    """The operating system's credential store as a ``keyring`` backend, or None where there is
    none (keyring's ``fail`` and ``null`` backends: a Linux machine without a Secret Service, CI).
    ``PYTHON_KEYRING_BACKEND`` chooses a backend by name (the tests use keyring's fail backend);
    on Windows and macOS the system's store is used without keyring's detection (:func:`_backend`),
    the very store detection chose before, so the same key is found."""
    try:
        import keyring  # noqa: F401
        from keyring.backends import fail, null
    except ImportError:  # pragma: no cover - keyring is a pinned requirement
        return None
    try:
        backend = _backend()
    except Exception:  # a broken backend configuration is the same as none
        return None
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return None
    try:
        if float(backend.priority) <= 0:
            return None
    except Exception:
        return None
    return backend


def _backend_name(backend: Any) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def on_removable_media(path: Path) -> bool:
    """True when ``path`` is on a removable drive (Windows: ``GetDriveTypeW`` says removable;
    Linux: the block device's ``removable`` flag) or on a filesystem that keeps no owner-only
    permission (FAT, exFAT, NTFS through FUSE); macOS: under ``/Volumes/``. False when it
    cannot tell."""
    try:
        if sys.platform == "win32":
            import ctypes

            anchor = Path(os.path.abspath(path)).anchor or str(path)
            kernel32 = getattr(ctypes, "windll").kernel32
            return bool(kernel32.GetDriveTypeW(anchor) == DRIVE_REMOVABLE)
        if sys.platform == "darwin":
            return str(Path(path).resolve()).startswith("/Volumes/")
        return _linux_removable(Path(path))
    except (OSError, ValueError, AttributeError):
        return False


# (folder, its device) -> removable: an import asks for the key's place several times a file, and
# the answer (reading /proc/self/mountinfo and /sys) cost ~0.4 ms each time. A folder mounted
# elsewhere, or on another drive, has another device number, and is then asked again.
_removable_seen: dict[tuple[str, int], bool] = {}


def _linux_removable(path: Path) -> bool:
    if sys.platform == "win32":  # os.major and /sys are POSIX's (mypy checks for Windows too)
        return False
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    seen = (str(probe), os.stat(probe).st_dev)
    found = _removable_seen.get(seen)
    if found is None:
        found = _removable_seen[seen] = _linux_removable_now(probe)
        if len(_removable_seen) > 64:
            _removable_seen.pop(next(iter(_removable_seen)))
    return found


def _linux_removable_now(probe: Path) -> bool:
    if sys.platform == "win32":
        return False
    if filesystem_type(probe) in NO_PERMISSION_FILESYSTEMS:
        return True
    device = os.stat(probe).st_dev
    block = Path(f"/sys/dev/block/{os.major(device)}:{os.minor(device)}")
    if not block.exists():
        return False
    real = block.resolve()
    for folder in (real, real.parent):  # a partition's flag is on its disk
        flag = folder / "removable"
        if flag.exists():
            return flag.read_text().strip() == "1"
    return False


def filesystem_type(path: Path, mountinfo: str | None = None) -> str:
    """The type of the filesystem ``path`` is on, from ``/proc/self/mountinfo`` (or the given
    text in that format): the mount point that is the longest prefix of the resolved path. ""
    when unknown."""
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text()
        except OSError:
            return ""
    target = str(Path(path).resolve())
    best, best_type = "", ""
    for line in mountinfo.splitlines():
        head, _, tail = line.partition(" - ")
        fields = head.split()
        if len(fields) < 5 or not tail:
            continue
        mount_point = fields[4].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, tail.split()[0]
    return best_type


def key_file() -> Path:
    """Where the key's file is (or would be) when there is no store: ``exchange-signing-key.pem``
    in the data folder, or, when that folder is on removable media, a file named after the folder
    (:func:`account`) in the laptop's own per-user folder."""
    folder = paths.user_data_dir()
    if on_removable_media(folder):
        local = paths.local_data_dir()
        return local / f"{account()}.pem"
    return folder / KEY_FILE


def _candidate_files() -> list[Path]:
    files = [key_file(), paths.user_data_dir() / KEY_FILE]
    if key_file().parent != paths.user_data_dir():  # a stick's key file named after its path before
        files.append(key_file().parent / f"{path_account()}.pem")
    return list(dict.fromkeys(files))


def load() -> Stored | None:
    """The key's bytes, or None when this data folder has no key yet.

    Looks in the store, then in the files (:func:`key_file`, and the data folder's own file of
    earlier versions); a key found in a file while the store is there is moved into it (the file
    is removed only after the store gave the key back). Raises :class:`KeyStoreError` when a file
    cannot be read, or when the store cannot be read and no file holds the key (a new key then
    would be another laptop's identity)."""
    store = os_store()
    store_problem = ""
    if store is not None:
        try:
            value = store.get_password(SERVICE, account())
            if not value:
                value = _move_path_entry(store)
        except Exception as exc:  # locked, no D-Bus, a backend's own error classes
            value, store_problem = None, str(exc) or type(exc).__name__
        if value:
            return Stored(value.encode("ascii"), "store", backend=_backend_name(store))
    for path in _candidate_files():
        if not path.exists():
            continue
        try:
            pem = path.read_bytes()
        except OSError as exc:
            raise KeyStoreError(f"อ่านกุญแจสำหรับลงนามไฟล์ ({path}) ไม่ได้: {exc.strerror or exc}") from None
        if store is not None and not store_problem and _put(store, pem):
            _remove(path)
            return Stored(pem, "store", backend=_backend_name(store))
        return Stored(pem, "file", path=path)
    if store_problem:
        raise KeyStoreError(
            "อ่านกุญแจสำหรับลงนามไฟล์จากที่เก็บรหัสผ่านของระบบไม่ได้"
            f" ({store_problem}) ลองปลดล็อกที่เก็บรหัสผ่านของระบบแล้วทำใหม่"
        )
    return None


def save_new(pem: bytes) -> Stored:
    """Keep a newly made key: in the store when there is one (and it gives the key back), else in
    a 0600 file at :func:`key_file`, written whole or not at all. Raises ``OSError`` when the
    file cannot be written."""
    store = os_store()
    if store is not None and _put(store, pem):
        return Stored(pem, "store", backend=_backend_name(store))
    path = key_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    # Created 0600 from the start: the key is never readable by others, not even for a moment.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return Stored(pem, "file", path=path)


def _move_path_entry(store: Any) -> str | None:
    """An entry of an earlier version (named by :func:`path_account`) moved to :func:`account`
    once: the old entry is deleted only after the new one gives the key back. Returns the key."""
    old, new = path_account(), account()
    if old == new:
        return None
    value = store.get_password(SERVICE, old)
    if not value:
        return None
    if _put(store, value.encode("ascii")):
        try:
            store.delete_password(SERVICE, old)
        except Exception:  # noqa: BLE001 — the key is under its new name; the old entry is harmless
            pass
    return str(value)


def _put(store: Any, pem: bytes) -> bool:
    """Store ``pem`` and read it back; False (the key stays where it is) on any failure."""
    try:
        store.set_password(SERVICE, account(), pem.decode("ascii"))
        return bool(store.get_password(SERVICE, account()) == pem.decode("ascii"))
    except Exception:
        return False


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass  # the store has the key; a file left behind is read only when the store is gone
