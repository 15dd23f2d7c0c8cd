"""A process that keeps saving answers and says so after each save (used by test_crash.py).

Save k sets item k % n to level k % 5 + 1 and its evidence to "บันทึกที่ k", then prints "saved k".
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qualityschool_desktop.workspace import Workspace  # noqa: E402


def main() -> None:
    path, assessment_id = Path(sys.argv[1]), sys.argv[2]
    workspace = Workspace.open(path)
    codes = [item.code for item in workspace.frameworks.latest().items]
    k = 0
    while True:
        code = codes[k % len(codes)]
        workspace.answers.set_level(assessment_id, code, k % 5 + 1)
        workspace.answers.set_text(assessment_id, code, "evidence", f"บันทึกที่ {k}")
        print(f"saved {k}", flush=True)
        k += 1


if __name__ == "__main__":
    main()
