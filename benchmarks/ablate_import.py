"""What each guarantee of the import costs above its floor, by ablation (issue 10; branch ab30).

NOT a benchmark of the product and NOT a switch in it: every ablation below is a monkeypatch made
here, in this process, around one ``apply_import`` call and undone after it, or a change to a
scratch database (indexes or triggers dropped, foreign keys off). An ablated import keeps fewer
guarantees; the point is only to learn how much CPU each guarantee costs, so that a redesign can be
chosen. The product's code is untouched.

Method: N school files from ``bench_exchange.build_source`` (exported by the product); one fresh
district database per variant; file by file, every variant imports the file into its own database
and the floor (``bench_exchange.floor_import``, foreign keys on) reads, verifies and inserts it,
in an order shuffled file by file (a garbage collection before each), so that the machine's load weighs on all alike. CPU by
``time.process_time``. Printed per variant: the mean and median CPU a file, and the paired
difference against the unablated import of the same file (mean and median), with each database's
row counts checked against the unablated one.

    python benchmarks/ablate_import.py --schools 150 --runs 2
    python benchmarks/ablate_import.py --only control,check,held    # some variants (base always runs)

Instructions instead of CPU time (steady under load): build the files once, then one process per
variant under callgrind, counting only the imports (each made inside ``functools.reduce``):

    python benchmarks/ablate_import.py --prepare DIR --schools 20 --warm 3
    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=functools_reduce \
        python3.11 benchmarks/ablate_import.py --variant check --files DIR --warm 3 --schools 20

(the real interpreter, not a pyenv shim; ``PYTHONHASHSEED=0``). Figures and what they mean:
benchmarks/README.md, "Import against its floor: what each guarantee costs, by ablation".
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


@contextmanager
def patched(obj: Any, name: str, value: Any) -> Iterator[None]:
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


def _variants() -> dict[str, tuple[str, Callable[[ExitStack], None], Callable[[sqlite3.Connection], None] | None]]:
    """name -> (what is left out, patch(stack) made around each import, scratch-database change)."""
    from qualityschool_desktop.exchange import merge, reading, signing, staging, store as store_mod
    from qualityschool_desktop.exchange.store import Decision, WritingStore

    def nothing(stack: ExitStack) -> None:
        pass

    # a) the seal reference per row: the column written NULL (so no entry in the 13 partial
    #    signed_set indexes) and no seal row stored at all.
    def no_seal_ref(stack: ExitStack) -> None:
        stack.enter_context(patched(WritingStore, "_seal", lambda self, decision: None))

    def drop_seal_indexes(conn: sqlite3.Connection) -> None:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%signed_set%'"
                                    ).fetchall():
            conn.execute(f"DROP INDEX {name}")

    def no_seal_rows(stack: ExitStack) -> None:  # the references written, the seals they name not stored
        stack.enter_context(patched(store_mod.seals, "store", lambda conn, seal: None))

    def drop_code_triggers(conn: sqlite3.Connection) -> None:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                    " AND name LIKE '%known_code%insert'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")

    # b) the value check per row (validation.row_passes): every well-formed row passes.
    def no_check(stack: ExitStack) -> None:
        stack.enter_context(patched(reading, "row_passes", lambda table, columns: (lambda row: True)))

    # c) the decisions of new rows: an insert straight away, under the first seal that vouches;
    #    no references, owner, codes, final-visit, budget, unique-key checks, no lineage kept.
    def bare_decide(self: Any, table: str, row: dict[str, Any], vouch: Any, moved: bool, groups: Any) -> Any:
        if table in ("attachments", "visit_attachments"):
            self.tally.stored_files.add(row["sha256"])
        return Decision("insert", row, None, signer=vouch.installations[0], seal_id=vouch.seal_ids[0])

    def no_decide(stack: ExitStack) -> None:
        stack.enter_context(patched(merge.Merge, "_decide_new", bare_decide))

    def no_decide_prefetch(stack: ExitStack) -> None:
        no_decide(stack)
        stack.enter_context(patched(merge.Lineage, "prefetch_for", lambda self, table, rows: None))

    # d) the held-rows queries: "nothing here holds any of these ids" without asking.
    def no_held(stack: ExitStack) -> None:
        stack.enter_context(patched(merge, "fetch", lambda conn, table, key, ids, columns: {}))

    # e) attachments written in place (as the floor does), no temporary names, no renames.
    def in_place(workspace: Any, package: Any, digests: Any, progress: Callable[[], None]) -> Any:
        staged = staging.Staged()
        for digest in digests:
            final = str(workspace.files.path_of(digest))
            os.makedirs(os.path.dirname(final), exist_ok=True)
            fd = os.open(final, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                for chunk in package.chunks(f"files/{digest}"):
                    os.write(fd, chunk)
                os.fsync(fd)
            finally:
                os.close(fd)
            progress()
        return staged

    def no_staging(stack: ExitStack) -> None:
        stack.enter_context(patched(staging, "stage", in_place))

    # f) keys, bindings, statements, the sender's log.
    def no_binding_check(stack: ExitStack) -> None:
        stack.enter_context(patched(signing, "check_binding", lambda *a, **k: False))

    def no_statements(stack: ExitStack) -> None:
        stack.enter_context(patched(merge.Merge, "_load_statements", lambda self: None))

    def no_finish(stack: ExitStack) -> None:
        stack.enter_context(patched(WritingStore, "finish", lambda self: None))

    def no_keys_all(stack: ExitStack) -> None:
        no_binding_check(stack)
        no_statements(stack)
        no_finish(stack)

    # i) store.write's sorting and its per-decision work: inserts only, as the floor's executemany.
    def bare_write(self: Any, table: str, decisions: list[Any]) -> None:
        columns = self.travelling[table]
        inserts = [d for d in decisions if d.action == "insert"]
        if inserts:
            seal = self._seal
            self.conn.executemany(
                f"INSERT INTO {table} ({', '.join((*columns, 'signed_set'))}) VALUES"
                f" ({', '.join('?' for _ in range(len(columns) + 1))})",
                [[d.row[c] for c in columns] + [seal(d)] for d in inserts])
        for binding in self._bindings:
            store_mod.bindings.add(self.conn, *binding)
        self._bindings.clear()

    def no_write_sort(stack: ExitStack) -> None:
        stack.enter_context(patched(WritingStore, "write", bare_write))

    # g) the triggers that fire on insert; h) foreign keys.
    def drop_triggers(conn: sqlite3.Connection) -> None:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")

    def fk_off(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA foreign_keys = OFF")

    def everything(stack: ExitStack) -> None:
        for patch in (no_seal_ref, no_check, no_decide_prefetch, no_held, no_staging, no_keys_all, no_write_sort):
            patch(stack)

    def everything_db(conn: sqlite3.Connection) -> None:
        drop_seal_indexes(conn)
        drop_triggers(conn)
        fk_off(conn)

    return {
        "base": ("nothing: the import as it is", nothing, None),
        "control": ("nothing either: a second unablated import, the noise's measure", nothing, None),
        "seal_idx": ("a) the partial signed_set indexes (23, dropped)", nothing, drop_seal_indexes),
        "seal_ref": ("a) the seal reference: signed_set NULL, no seal rows stored", no_seal_ref, None),
        "seal_rows": ("a) the seal rows only (references written, seals not stored)", no_seal_rows, None),
        "check": ("b) the value check (row_passes)", no_check, None),
        "decide": ("c) _decide_new (references, owner, codes, lineage.remember, ...)", no_decide, None),
        "decide+pre": ("c) _decide_new and lineage.prefetch_for", no_decide_prefetch, None),
        "held": ("d) the held-rows queries (merge.fetch)", no_held, None),
        "staging": ("e) attachments under temporary names, renamed", no_staging, None),
        "binding": ("f) signing.check_binding", no_binding_check, None),
        "statements": ("f) the school's statements (_load_statements)", no_statements, None),
        "finish": ("f) store.finish (signers, sender's log, superseded seals)", no_finish, None),
        "keys_all": ("f) binding check + statements + finish", no_keys_all, None),
        "write": ("i) store.write's sorting (inserts only)", no_write_sort, None),
        "triggers": ("g) every trigger (dropped)", nothing, drop_triggers),
        "trig_code": ("g) the known-code insert triggers only (answers, assessments: dropped)", nothing,
                      drop_code_triggers),
        "fk": ("h) foreign keys (off)", nothing, fk_off),
        "all": ("all of the above together", everything, everything_db),
    }


# The floor (bench_exchange.floor_import, foreign keys on, the schema's triggers as migrated), and
# the same floor into a schema without its triggers, and without triggers nor foreign keys.
FLOORS = ("floor", "floor-notrig", "floor-bare")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--schools", type=int, default=150)
    parser.add_argument("--warm", type=int, default=10, help="files imported first by all, not counted")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--only", default="", help="comma-separated variant names (base always runs)")
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--prepare", type=Path, help="only build and export the files into this folder")
    parser.add_argument("--files", type=Path, help="with --variant: the files --prepare made")
    parser.add_argument("--variant", help="import the files with this one variant (or a floor), each file through"
                        " functools.reduce, for callgrind's --toggle-collect=functools_reduce")
    args = parser.parse_args(argv)
    if args.prepare:
        return _prepare(args.prepare, args.schools + args.warm)
    if args.variant:
        return _one_variant(args.variant, args.files, args.warm, args.schools)

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        os.environ["QUALITYSCHOOL_DATA_DIR"] = str(folder / "school-userdata")
        from bench_exchange import build_source, floor_import
        from qualityschool_desktop.exchange import apply_import, export_file
        from qualityschool_desktop.workspace import Workspace

        with Workspace.open(folder / "source.sqlite3", create=True,
                            installation="a" * 8 + "-0000-0000-0000-" + "0" * 12) as source:
            codes = build_source(source, args.schools + args.warm, folder / "evidence")
            files = [export_file(source, folder / "files" / f"{code}.qsx", school_codes=[code]).path for code in codes]
        os.environ["QUALITYSCHOOL_DATA_DIR"] = str(folder / "district-userdata")
        variants = _variants()
        chosen = ["base"] + [name for name in (args.only.split(",") if args.only else variants) if name != "base"]
        # Triggers per table, for the record.
        with Workspace.open(folder / "schema.sqlite3", create=True) as ws:
            triggers: dict[str, list[str]] = {}
            for name, table in ws.db.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'"
                                             " ORDER BY tbl_name, name").fetchall():
                triggers.setdefault(table, []).append(name)
            indexes = [r[0] for r in ws.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%signed_set%'").fetchall()]
        print(f"signed_set indexes: {len(indexes)}")
        for table, names in triggers.items():
            print(f"triggers on {table}: {len(names)}: {', '.join(names)}")

        runs: list[dict[str, list[float]]] = []
        counts: dict[str, dict[str, int]] = {}
        for run in range(args.runs):
            cpu: dict[str, list[float]] = {name: [] for name in [*chosen, *FLOORS]}
            runs.append(cpu)
            stack = ExitStack()
            spaces = {}
            for name in chosen:
                ws = stack.enter_context(Workspace.open(folder / f"r{run}-{name}.sqlite3", create=True))
                change = variants[name][2]
                if change is not None:
                    change(ws.db.conn)
                spaces[name] = ws
            floors = {}
            for name in FLOORS:
                with Workspace.open(folder / f"r{run}-{name}.sqlite3", create=True):
                    pass
                fconn = sqlite3.connect(folder / f"r{run}-{name}.sqlite3", isolation_level=None)
                fconn.execute("PRAGMA journal_mode = WAL")
                fconn.execute("PRAGMA synchronous = FULL")
                fconn.execute(f"PRAGMA foreign_keys = {'OFF' if name == 'floor-bare' else 'ON'}")
                if name != "floor":  # the schema's triggers dropped: what the floor pays for them
                    for (trigger,) in fconn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
                        fconn.execute(f"DROP TRIGGER {trigger}")
                (folder / f"r{run}-{name}-files").mkdir()
                floors[name] = (fconn, folder / f"r{run}-{name}-files")
            order = [*chosen, *FLOORS]
            shuffle = random.Random(run).shuffle
            for number, path in enumerate(files):
                # A new order for every file: a run right after another code path (the floor's) is
                # colder in the CPU's caches; a fixed order charged that to the same variant each time.
                shuffle(order)
                for name in order:
                    gc.collect()  # each starts with no garbage of the one before it
                    if name in floors:
                        fconn, fstore = floors[name]
                        c0 = time.process_time()
                        floor_import(fconn, path, fstore)
                        spent = time.process_time() - c0
                    else:
                        with ExitStack() as patches:
                            variants[name][1](patches)
                            c0 = time.process_time()
                            apply_import(spaces[name], path)
                            spent = time.process_time() - c0
                    if number >= args.warm:
                        cpu[name].append(spent)
            for name, ws in spaces.items():
                counts[name] = {t: ws.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                for t in ("schools", "assessments", "answers", "answer_history", "attachments",
                                          "visits", "visit_attachments", "network_schools", "seals")}
            stack.close()
            for fconn, _store in floors.values():
                fconn.close()
            print(f"run {run + 1} done")

    for run, cpu in enumerate(runs):
        print(f"\nrun {run + 1}")
        _table(cpu, chosen, variants)
    if len(runs) > 1:
        print("\nall runs pooled")
        _table({name: [t for cpu in runs for t in cpu[name]] for name in runs[0]}, chosen, variants)
    reference = counts["base"]
    for name in chosen:
        differ = {t: (reference[t], n) for t, n in counts[name].items() if n != reference[t]}
        if differ:
            print(f"rows differ in {name}: {differ}")
    return 0


def _prepare(folder: Path, count: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["QUALITYSCHOOL_DATA_DIR"] = str(folder / "school-userdata")
    from bench_exchange import build_source
    from qualityschool_desktop.exchange import export_file
    from qualityschool_desktop.workspace import Workspace

    with Workspace.open(folder / "source.sqlite3", create=True,
                        installation="a" * 8 + "-0000-0000-0000-" + "0" * 12) as source:
        for number, code in enumerate(build_source(source, count, folder / "evidence")):
            export_file(source, folder / "files" / f"{number:05d}-{code}.qsx", school_codes=[code])
    return 0


def _one_variant(name: str, files_dir: Path, warm: int, count: int) -> int:
    """Import ``warm`` files, then ``count`` files each inside ``functools.reduce`` (the only call of
    it here): under ``valgrind --tool=callgrind --collect-atstart=no --toggle-collect=functools_reduce``
    only the imports are counted. Prints nothing useful without valgrind."""
    import functools

    files = sorted((files_dir / "files").glob("*.qsx"))[: warm + count]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["QUALITYSCHOOL_DATA_DIR"] = str(folder / "district-userdata")
        from bench_exchange import floor_import
        from qualityschool_desktop.exchange import apply_import
        from qualityschool_desktop.workspace import Workspace

        with Workspace.open(folder / "d.sqlite3", create=True) as ws:
            if name in FLOORS:
                conn = sqlite3.connect(folder / "d.sqlite3", isolation_level=None)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute(f"PRAGMA foreign_keys = {'OFF' if name == 'floor-bare' else 'ON'}")
                if name != "floor":
                    for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
                        conn.execute(f"DROP TRIGGER {trigger}")
                (folder / "store").mkdir()

                def run(path: Path) -> None:
                    floor_import(conn, path, folder / "store")
            else:
                _what, patch, change = _variants()[name]
                if change is not None:
                    change(ws.db.conn)
                stack = ExitStack()
                patch(stack)

                def run(path: Path) -> None:
                    apply_import(ws, path)
            for number, path in enumerate(files):
                gc.collect()
                if number < warm:
                    run(path)
                else:
                    functools.reduce(lambda _none, item: run(item), [path], None)
    return 0


def _table(cpu: dict[str, list[float]], chosen: list[str], variants: dict[str, Any]) -> None:
    base, floor = cpu["base"], cpu["floor"]
    print(f"{len(base)} files a variant; CPU ms a file: mean, median; paired difference against base: mean, median;"
          f" % of the import's mean")
    for name in FLOORS:
        print(f"{name:12s} {statistics.mean(cpu[name]) * 1e3:6.2f} {statistics.median(cpu[name]) * 1e3:6.2f}"
              f"   import/{name} (means) {statistics.mean(base) / statistics.mean(cpu[name]):.2f}x")
    for name in chosen:
        times = cpu[name]
        diffs = [b - v for b, v in zip(base, times)]
        print(f"{name:12s} {statistics.mean(times) * 1e3:6.2f} {statistics.median(times) * 1e3:6.2f}"
              f"   saves {statistics.mean(diffs) * 1e3:+6.2f} {statistics.median(diffs) * 1e3:+6.2f} ms"
              f"  {100 * statistics.mean(diffs) / statistics.mean(base):5.1f} %"
              f"  -> {statistics.mean(times) / statistics.mean(floor):.2f}x floor   {variants[name][0]}")


if __name__ == "__main__":
    sys.exit(main())
