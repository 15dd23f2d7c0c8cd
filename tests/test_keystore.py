"""The private signing key: in the operating system's store, else a 0600 file, never on a USB stick
(issue 12: on Windows, and on a FAT/exFAT stick, a file's 0600 mode means nothing)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.compat import properties

from qualityschool_desktop import keys, keystore, paths
from qualityschool_desktop.exchange import signing
from qualityschool_desktop.exchange.records import ExchangeError


class MemoryStore(KeyringBackend):
    """A credential store such as Windows Credential Manager, in memory."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.locked = False

    def get_password(self, service: str, username: str) -> str | None:
        if self.locked:
            raise keyring.errors.KeyringLocked("the keyring is locked")
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.locked:
            raise keyring.errors.PasswordSetError("the keyring is locked")
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture(autouse=True)
def fresh_key_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(keys, "_loaded", None)
    yield
    keyring.set_keyring(fail.Keyring())


@pytest.fixture
def store() -> MemoryStore:
    backend = MemoryStore()
    keyring.set_keyring(backend)
    return backend


def forget_cached_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "_loaded", None)


def test_without_a_store_the_key_is_an_owner_only_file(data_dir: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    assert keystore.os_store() is None
    fingerprint = signing.own_fingerprint()
    key = data_dir / keystore.KEY_FILE
    assert key.exists()
    if os.name == "posix":  # Windows keeps no such mode bits: there the store is used
        assert key.stat().st_mode & 0o777 == 0o600
    assert signing.own_fingerprint() == fingerprint


def test_with_a_store_the_key_is_kept_there_and_no_file_is_written(
    store: MemoryStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fingerprint = signing.own_fingerprint()
    assert list(store.entries) == [(keystore.SERVICE, keystore.account())]
    assert "PRIVATE KEY" in store.entries[(keystore.SERVICE, keystore.account())]
    assert not (data_dir / keystore.KEY_FILE).exists()
    forget_cached_key(monkeypatch)
    assert signing.own_fingerprint() == fingerprint  # read back from the store
    signature = signing.sign_bytes(b"x")
    assert signing.verify_bytes(signing.own_public_key(), signature, b"x")


def test_a_key_in_a_file_moves_into_the_store_and_stays_the_same(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(fail.Keyring())
    before = signing.own_fingerprint()  # an installation of an earlier version: a file
    assert (data_dir / keystore.KEY_FILE).exists()
    backend = MemoryStore()
    keyring.set_keyring(backend)
    forget_cached_key(monkeypatch)
    assert signing.own_fingerprint() == before
    assert (keystore.SERVICE, keystore.account()) in backend.entries
    assert not (data_dir / keystore.KEY_FILE).exists()
    forget_cached_key(monkeypatch)
    assert signing.own_fingerprint() == before


def test_a_store_that_refuses_the_key_leaves_it_in_its_file(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keyring.set_keyring(fail.Keyring())
    before = signing.own_fingerprint()
    backend = MemoryStore()
    keyring.set_keyring(backend)
    monkeypatch.setattr(backend, "set_password", lambda *args: (_ for _ in ()).throw(RuntimeError("full")))
    forget_cached_key(monkeypatch)
    assert signing.own_fingerprint() == before
    assert (data_dir / keystore.KEY_FILE).exists() and not backend.entries


def test_a_locked_store_makes_no_new_identity(store: MemoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    signing.own_fingerprint()
    store.locked = True
    forget_cached_key(monkeypatch)
    with pytest.raises(ExchangeError, match="ที่เก็บรหัสผ่านของระบบ"):
        signing.own_fingerprint()
    store.locked = False
    assert len(store.entries) == 1


def test_each_data_folder_has_its_own_key_in_the_store(
    store: MemoryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = signing.own_fingerprint()
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "another-laptop"))
    forget_cached_key(monkeypatch)
    assert signing.own_fingerprint() != first
    assert len(store.entries) == 2


def test_a_data_folder_on_removable_media_keeps_no_key_file(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(fail.Keyring())
    laptop = tmp_path / "laptop-profile"
    monkeypatch.setattr(paths, "local_data_dir", lambda: laptop.mkdir(exist_ok=True) or laptop)
    monkeypatch.setattr(keystore, "on_removable_media", lambda path: Path(path) == data_dir)
    fingerprint = signing.own_fingerprint()
    assert list(data_dir.glob("*.pem")) == []  # nothing on the stick
    [key] = list(laptop.glob("*.pem"))
    assert key.name == f"{keystore.account()}.pem"
    assert signing.key_path() == key
    forget_cached_key(monkeypatch)
    assert signing.own_fingerprint() == fingerprint


def test_a_key_file_left_on_a_stick_by_an_earlier_version_still_works(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(fail.Keyring())
    before = signing.own_fingerprint()  # written on the stick by the old rule
    monkeypatch.setattr(paths, "local_data_dir", lambda: tmp_path)
    monkeypatch.setattr(keystore, "on_removable_media", lambda path: Path(path) == data_dir)
    forget_cached_key(monkeypatch)
    assert signing.own_fingerprint() == before
    backend = MemoryStore()  # once there is a store, the key leaves the stick
    keyring.set_keyring(backend)
    forget_cached_key(monkeypatch)
    assert signing.own_fingerprint() == before
    assert not (data_dir / keystore.KEY_FILE).exists()


MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 8:17 / /media/user/USB\\040STICK rw,nosuid,nodev,relatime shared:2 - vfat /dev/sdb1 rw,uid=1000
41 22 8:33 / /media/user/EXFAT rw,relatime shared:3 - exfat /dev/sdc1 rw
"""


@pytest.mark.skipif(os.name != "posix", reason="reads Linux's /proc/self/mountinfo format (Windows asks GetDriveTypeW)")
def test_fat_and_exfat_filesystems_are_told_apart() -> None:
    assert keystore.filesystem_type(Path("/media/user/USB STICK/qsd"), MOUNTINFO) == "vfat"
    assert keystore.filesystem_type(Path("/media/user/EXFAT"), MOUNTINFO) == "exfat"
    assert keystore.filesystem_type(Path("/home/user/.local/share"), MOUNTINFO) == "ext4"
    assert "vfat" in keystore.NO_PERMISSION_FILESYSTEMS and "exfat" in keystore.NO_PERMISSION_FILESYSTEMS


def test_the_tests_own_data_folder_is_not_removable(data_dir: Path) -> None:
    assert keystore.on_removable_media(data_dir) is False


@pytest.mark.skipif(sys.platform != "linux", reason="Linux's way of telling removable media (Wine shows /proc too)")
def test_a_folder_is_asked_about_once_per_device(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An import asks for the key's place several times a file: mountinfo is read once per folder.
    asked: list[Path] = []

    def fat(path: Path, mountinfo: str | None = None) -> str:
        asked.append(Path(path))
        return "vfat"

    monkeypatch.setattr(keystore, "filesystem_type", fat)
    monkeypatch.setattr(keystore, "_removable_seen", {})
    stick, other = tmp_path / "stick", tmp_path / "other"
    stick.mkdir()
    other.mkdir()
    assert keystore.on_removable_media(stick) is True
    assert keystore.on_removable_media(stick) is True
    assert asked == [stick]
    assert keystore.on_removable_media(other) is True
    assert asked == [stick, other]
    # The same folder on another device (a stick mounted there now) is asked again.
    monkeypatch.setattr(keystore, "_removable_seen", {(str(stick), os.stat(stick).st_dev + 1): False})
    assert keystore.on_removable_media(stick) is True
    assert asked == [stick, other, stick]


# Issue 12 finding 2: the store's entry was named after the data folder's path, so the same USB
# stick at another drive letter (E: instead of D:) or mount path got a new key on the same laptop.


def test_the_same_folder_at_another_path_keeps_its_key(
    store: MemoryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "D" / "QualitySchool"
    stick.mkdir(parents=True)
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(stick))
    first = signing.own_fingerprint()
    moved = tmp_path / "E" / "QualitySchool"  # the stick plugged in again, at another letter
    moved.parent.mkdir()
    stick.rename(moved)
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(moved))
    forget_cached_key(monkeypatch)
    assert signing.own_fingerprint() == first
    assert len(store.entries) == 1


def test_the_folder_id_is_made_once_and_kept_in_the_folder(store: MemoryStore, data_dir: Path) -> None:
    name = keystore.account()
    assert (data_dir / keystore.FOLDER_ID_FILE).exists()
    assert keystore.account() == name
    assert str(data_dir) not in name


def test_a_key_named_after_the_folder_path_moves_to_the_folder_id_once(
    store: MemoryStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = signing.own_fingerprint()
    made = store.entries.pop((keystore.SERVICE, keystore.account()))
    store.entries[(keystore.SERVICE, keystore.path_account())] = made  # as an earlier version kept it
    (data_dir / keystore.FOLDER_ID_FILE).unlink()
    forget_cached_key(monkeypatch)
    assert signing.own_fingerprint() == first
    assert list(store.entries) == [(keystore.SERVICE, keystore.account())]  # moved, the old entry gone
    assert store.entries[(keystore.SERVICE, keystore.account())] == made
    forget_cached_key(monkeypatch)
    assert signing.own_fingerprint() == first


def test_another_laptop_with_the_same_folder_gets_its_own_key(
    store: MemoryStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = signing.own_fingerprint()
    keyring.set_keyring(MemoryStore())  # the stick in another laptop: its own Credential Manager
    forget_cached_key(monkeypatch)
    assert signing.own_fingerprint() != first


# -- the store chosen without keyring's detection (issue 16: ~50-100 ms of every start) ------------
class NotViable(MemoryStore):
    """A store this machine lacks (as Credential Manager on Linux): keyring's way of saying so."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805
        raise RuntimeError("no such store on this machine")


def _no_detection(*_args: object) -> None:
    raise AssertionError("keyring's backend detection ran")


@pytest.fixture
def undetected(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> pytest.MonkeyPatch:
    """As in the app: no PYTHON_KEYRING_BACKEND, no backend chosen yet in this process."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(keystore, "_chosen", None)
    return monkeypatch


def test_where_the_system_has_one_store_it_is_used_without_keyrings_detection(
    undetected: pytest.MonkeyPatch,
) -> None:
    undetected.setitem(keystore.DIRECT_BACKENDS, sys.platform, f"{__name__}.MemoryStore")
    undetected.setattr(keyring.core, "load_config", lambda: None)  # no keyringrc.cfg on this machine
    undetected.setattr(keyring, "get_keyring", _no_detection)
    undetected.setattr(keyring.core, "init_backend", _no_detection)
    store = keystore.os_store()
    assert isinstance(store, MemoryStore)
    assert keystore.os_store() is store  # chosen once per process
    keys.public_raw()  # a new key kept there, found there
    assert store.entries[(keystore.SERVICE, keystore.account())]
    forget_cached_key(undetected)
    assert keystore.load() == keystore.Stored(store.entries[(keystore.SERVICE, keystore.account())].encode("ascii"),
                                              "store", backend=f"{__name__}.MemoryStore")


def test_when_that_store_is_not_there_keyrings_detection_chooses(undetected: pytest.MonkeyPatch) -> None:
    undetected.setitem(keystore.DIRECT_BACKENDS, sys.platform, f"{__name__}.NotViable")
    undetected.setattr(keyring.core, "load_config", lambda: None)
    detected = MemoryStore()
    undetected.setattr(keyring, "get_keyring", lambda: detected)
    assert keystore.os_store() is detected


def test_a_store_named_in_keyrings_configuration_file_is_still_the_one(undetected: pytest.MonkeyPatch) -> None:
    configured = MemoryStore()
    undetected.setitem(keystore.DIRECT_BACKENDS, sys.platform, f"{__name__}.NotViable")
    undetected.setattr(keyring.core, "load_config", lambda: configured)
    undetected.setattr(keyring, "get_keyring", _no_detection)
    assert keystore.os_store() is configured


def test_linux_keeps_keyrings_detection() -> None:
    assert set(keystore.DIRECT_BACKENDS) == {"win32", "darwin"}  # Secret Service, KWallet: detected


@pytest.mark.skipif(sys.platform != "win32", reason="Windows Credential Manager (under Wine too)")
def test_on_windows_a_key_kept_through_keyrings_detection_is_found_without_it(
    undetected: pytest.MonkeyPatch,
) -> None:
    # keyring's detection, as every version before this one did, over the backends installed
    # (this module's own classes, which keyring registers too, left out).
    keyring.core.init_backend(limit=lambda backend: not isinstance(backend, MemoryStore))
    detected = keyring.get_keyring()
    pem = "a key kept by an earlier version " + os.urandom(8).hex()
    detected.set_password(keystore.SERVICE, keystore.account(), pem)
    try:
        undetected.setattr(keyring, "get_keyring", _no_detection)
        undetected.setattr(keyring.core, "init_backend", _no_detection)
        store = keystore.os_store()
        assert type(store).__name__ == "WinVaultKeyring"
        assert store.get_password(keystore.SERVICE, keystore.account()) == pem
        found = keystore.load()
        assert found is not None and found.pem == pem.encode("ascii") and found.where == "store"
    finally:
        detected.delete_password(keystore.SERVICE, keystore.account())
