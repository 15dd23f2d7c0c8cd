"""Shared fixtures: every test gets its own data folder, and Qt runs offscreen (CI has no display)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test reads or writes the real credential store of the machine it runs on: keyring's fail
# backend means "no store", so signing keys are 0600 files in each test's data folder
# (tests/test_keystore.py puts an in-memory store in its place where it needs one).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
# Child Pythons the tests start write UTF-8, as main.py does (the tests read them as UTF-8): on
# Windows a pipe would otherwise carry the ANSI code page (cp874 on Thai Windows).
os.environ.setdefault("PYTHONIOENCODING", "utf-8")

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from qualityschool_desktop.paths import DATA_DIR_ENV  # noqa: E402
from qualityschool_desktop.workspace import Workspace  # noqa: E402


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private per-user data folder, so no test touches the real one."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def memory_workspace() -> Workspace:
    workspace = Workspace.open_memory()
    yield workspace
    workspace.db.conn.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "school.sqlite3"


@pytest.fixture
def file_workspace(db_path: Path) -> Workspace:
    workspace = Workspace.open(db_path, create=True)
    yield workspace
    try:
        workspace.close()
    except Exception:  # already closed by the test
        pass


@pytest.fixture
def school(memory_workspace: Workspace):
    return memory_workspace.schools.add(
        code="6301000001", name="โรงเรียนทดสอบวิทยา", district="เมืองตาก", province="ตาก",
        area_office="สพป.ตาก เขต 1", level="primary", pupils=320, teachers=18,
    )
