"""CPU time of previewing the tester's school and supervisor files (TEST31, /tmp/t31/out) with a tree's code:
``python benchmarks/bench_sender_words.py <worktree> <tag>`` (fx31c, issue 10). Alternate trees in the same minutes."""
import os
import sys
import time
from pathlib import Path

root = Path(sys.argv[1])
tag = sys.argv[2]
os.environ["QUALITYSCHOOL_DATA_DIR"] = f"/tmp/fx31c/bench/data-{tag}"
sys.path.insert(0, str(root))
from qualityschool_desktop import exchange  # noqa: E402 (the tree given first)
from qualityschool_desktop.workspace import Workspace  # noqa: E402
db = Path(f"/tmp/fx31c/bench/{tag}.sqlite3")
if not db.exists():
    with Workspace.open(db, create=True) as w:
        exchange.apply_import(w, Path("/tmp/t31/out/school.qsx"))
files = [Path("/tmp/t31/out/school.qsx"), Path("/tmp/t31/out/การนิเทศ-นางวิไล-รักการสอน-2569-12-02.qsx")]
out = {}
with Workspace.open(db) as w:
    for f in files:
        exchange.preview_import(w, f)
        runs = []
        for _ in range(15):
            t = time.process_time()
            exchange.preview_import(w, f)
            runs.append(time.process_time() - t)
        out[f.name[:10]] = min(runs) * 1000
print(tag, {k: round(v, 2) for k, v in out.items()})
