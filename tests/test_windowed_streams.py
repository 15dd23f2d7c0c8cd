"""A windowed Windows build has no console: ``sys.stdout`` and ``sys.stderr`` are ``None``.

Issue 12 finding 1: ``main.py`` flushed ``sys.stdout`` after every run, so quitting the window and
a second launch that hands a ``.qsx`` to the open window both ended in "Failed to execute script
'main'". Here main.py's exit path runs in-process with both streams ``None``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_main_py() -> ModuleType:
    spec = importlib.util.spec_from_file_location("qsd_main_script", ROOT / "main.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def no_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)


def test_quitting_the_window_without_streams_exits_cleanly(no_streams: None, monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    import ui.shell.app as app

    script = load_main_py()
    # The window ran and was closed (or the hand-over to the open window was done): status 0.
    monkeypatch.setattr(app, "run_app", lambda *args, **kwargs: 0)
    monkeypatch.setattr(sys, "argv", ["main.py", "--db", str(tmp_path / "x.sqlite3")])
    assert script.entry() == 0


def test_handing_a_qsx_to_the_open_window_without_streams_exits_cleanly(
    no_streams: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    import ui.shell.app as app

    script = load_main_py()
    seen: dict[str, object] = {}

    def forwarded(path: Path, **kwargs: object) -> int:
        seen.update(kwargs)
        return 0  # the open window took the file and came forward

    monkeypatch.setattr(app, "run_app", forwarded)
    qsx = tmp_path / "from-school.qsx"
    qsx.write_bytes(b"PK")
    monkeypatch.setattr(sys, "argv", ["main.py", "--import", str(qsx)])
    assert script.entry() == 0
    assert seen["import_files"]


def test_a_command_without_streams_runs_and_exits_cleanly(no_streams: None, monkeypatch: pytest.MonkeyPatch) -> None:
    script = load_main_py()
    monkeypatch.setattr(sys, "argv", ["main.py", "selftest"])
    assert script.entry() == 0


def test_a_failing_command_without_streams_still_reports_its_status(
    no_streams: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    script = load_main_py()
    monkeypatch.setattr(sys, "argv", ["main.py", "schools", "--db", str(tmp_path / "missing.sqlite3")])
    assert script.entry() == 2
