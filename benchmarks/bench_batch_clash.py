"""CPU cost of the batch check before a multi-file import (exchange.batch.clashes, test30a B10) against
importing the same files: `python benchmarks/bench_batch_clash.py [N]` (N school files of bench_exchange).
The minimum of three runs of each, by process CPU time, into fresh district databases."""
import os, sys, tempfile, time, statistics
from pathlib import Path
sys.path.insert(0, os.getcwd()); sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
N = int(sys.argv[1]) if len(sys.argv) > 1 else 40
with tempfile.TemporaryDirectory() as tmp:
    folder = Path(tmp)
    os.environ["QUALITYSCHOOL_DATA_DIR"] = str(folder / "school")
    from bench_exchange import build_source
    from qualityschool_desktop.exchange import apply_import, export_file, batch
    from qualityschool_desktop.workspace import Workspace
    with Workspace.open(folder / "src.sqlite3", create=True) as src:
        codes = build_source(src, N, folder / "ev")
        files = [export_file(src, folder / "f" / f"{c}.qsx", school_codes=[c]).path for c in codes]
    os.environ["QUALITYSCHOOL_DATA_DIR"] = str(folder / "district")
    scans, imports = [], []
    for rep in range(3):
        with Workspace.open(folder / f"d{rep}.sqlite3", create=True) as d:
            t0 = time.process_time(); found = batch.clashes(d, files); scans.append(time.process_time() - t0)
            assert found == {}
            t0 = time.process_time()
            for p in files:
                apply_import(d, p)
            imports.append(time.process_time() - t0)
    print(f"{N} files: prescan min {min(scans)*1000:.0f} ms CPU, import min {min(imports)*1000:.0f} ms CPU, "
          f"prescan/import {min(scans)/min(imports):.3f}")
