"""F11e 14: scripts/screenshots.py needed pytest (for the exchange dialogs' laptops) and stopped
without it. Without pytest it now takes the other pictures and says the exchange dialogs need it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_without_pytest_the_exchange_dialogs_are_skipped_with_a_note(monkeypatch: pytest.MonkeyPatch,
                                                                    tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("screenshots_script", ROOT / "scripts" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)

    class Camera:
        def wanted(self, name: str) -> bool:
            return True

    monkeypatch.setitem(sys.modules, "pytest", None)  # "import pytest" raises ImportError
    script.exchange_dialogs(Camera(), tmp_path)
    assert "pytest" in capsys.readouterr().err
    assert "pytest" in (script.__doc__ or "")
