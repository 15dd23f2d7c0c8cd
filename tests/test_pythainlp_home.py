"""pythainlp keeps its data folder where the app keeps its own, not as a stray ``pythainlp-data``
folder in the user's home (try11a #9; on Windows that is C:\\Users\\<name>\\pythainlp-data)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_segmenting_thai_leaves_nothing_in_the_home_folder(tmp_path: Path) -> None:
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHAINLP")}
    env.update(HOME=str(home), USERPROFILE=str(home), QUALITYSCHOOL_DATA_DIR=str(data), PYTHONIOENCODING="utf-8")
    code = ("from qualityschool_desktop.typeset.segment import units\n"
            "print('|'.join(units('โรงเรียนคุณภาพประจำอำเภอ')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, encoding="utf-8",
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert "โรงเรียน" in done.stdout
    assert not (home / "pythainlp-data").exists(), list(home.iterdir())
