"""Every path the app uses, in one place.

The per-user data folder comes from ``platformdirs``; tests and ``--db`` override it. Bundled
resources are found both from a source checkout and from a PyInstaller build (``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "QualitySchoolDesktop"
DATABASE_NAME = "qualityschool.sqlite3"
DEMO_DATABASE_NAME = "demo.sqlite3"

# Tests (and anyone who wants a portable install) point the data folder elsewhere.
DATA_DIR_ENV = "QUALITYSCHOOL_DATA_DIR"


def bundle_root() -> Path:
    """The folder that holds ``resources/`` and ``fonts/``: the checkout, or the frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def command() -> str:
    """How a person starts this program's commands in a terminal, for messages that name one:
    ``qsd-cli.exe`` in the Windows build (the console program beside the app, pyinstaller.spec's
    ``CLI_NAME``; README "Commands on Windows"), ``qsd-cli`` in another built one, ``python main.py``
    from source."""
    if getattr(sys, "frozen", False):
        return "qsd-cli.exe" if sys.platform == "win32" else "qsd-cli"
    return "python main.py"


def resource_path(*parts: str) -> Path:
    """A file shipped under ``resources/``."""
    return bundle_root().joinpath("resources", *parts)


def frameworks_dir() -> Path:
    """The bundled checklist frameworks: ``resources/frameworks/`` (from source or the build)."""
    return resource_path("frameworks")


def fonts_dir() -> Path:
    """The bundled Sarabun fonts: ``fonts/`` (from source or the build)."""
    return bundle_root() / "fonts"


def user_data_location() -> Path:
    """Where :func:`user_data_dir` is, without creating it."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    """The per-user data folder (``$QUALITYSCHOOL_DATA_DIR`` when set, else platformdirs' folder
    for the app), created on demand. Raises ``OSError`` when it cannot be created."""
    path = user_data_location()
    if not path.is_dir():  # a stat: mkdir on a folder that exists fails, and costs ~10 times more
        path.mkdir(parents=True, exist_ok=True)
    return path


def local_data_dir() -> Path:
    """The laptop's own per-user data folder (platformdirs'), even when
    ``$QUALITYSCHOOL_DATA_DIR`` points elsewhere (a portable install on a USB stick): where what
    must never travel on removable media is kept (``keystore``). Created on demand; raises
    ``OSError`` when it cannot be created."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    """The user's own database in the data folder (it may not exist yet)."""
    return user_data_dir() / DATABASE_NAME


def demo_database_path() -> Path:
    """The demo database in the data folder (built on first use of ``--demo``)."""
    return user_data_dir() / DEMO_DATABASE_NAME


def attachments_dir_for(database_path: Path) -> Path:
    """Attachments live beside their database, so copying both folders moves everything."""
    return database_path.with_name(database_path.stem + "-attachments")


def sidecar_files(database_path: Path) -> list[Path]:
    """SQLite's companions of a database file (write-ahead log and shared memory)."""
    return [database_path.with_name(database_path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
