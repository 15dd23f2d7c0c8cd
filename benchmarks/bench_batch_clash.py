"""CPU cost of the batch check before a multi-file import (exchange.batch.clashes, test30a B10) against
importing the same files: `python benchmarks/bench_batch_clash.py [N] [RUNS]` (N school files of bench_exchange).
Each run, into fresh district databases: the check, then the import of the N files as main does it
(each file's header verified again) and, alternating which goes first, as the command line does it since
fx31b (the headers the check verified handed on: ``checked``). Minimum and median by process CPU time."""
import os, sys, tempfile, time, statistics
from pathlib import Path
sys.path.insert(0, os.getcwd()); sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
N = int(sys.argv[1]) if len(sys.argv) > 1 else 40
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
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
    scans: list[float] = []
    imports: dict[bool, list[float]] = {False: [], True: []}
    for rep in range(RUNS):
        for handed in ((False, True) if rep % 2 == 0 else (True, False)):
            with Workspace.open(folder / f"d{rep}-{handed}.sqlite3", create=True) as d:
                checked: dict = {}
                t0 = time.process_time(); found = batch.clashes(d, files, checked=checked); scans.append(time.process_time() - t0)
                assert found == {}
                t0 = time.process_time()
                for p in files:
                    apply_import(d, p, checked=checked if handed else None)
                imports[handed].append(time.process_time() - t0)
    scan, again, once = min(scans), min(imports[False]), min(imports[True])
    print(f"{N} files, {RUNS} runs: check min {scan*1000:.0f} ms CPU; import min {again*1000:.0f} ms (headers verified"
          f" again) / {once*1000:.0f} ms (handed on); medians {statistics.median(imports[False])*1000:.0f} /"
          f" {statistics.median(imports[True])*1000:.0f} ms; (check+import)/import-alone:"
          f" {(scan+again)/again:.3f} main, {(scan+once)/again:.3f} branch")
