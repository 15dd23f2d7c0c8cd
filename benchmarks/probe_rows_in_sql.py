"""Would SQLite's JSON functions read and insert an exchange file's rows for less CPU than Python?

The question behind a proposed fast path for the import's per-row line (ir30): hand a batch's raw
lines to SQLite as one JSON array, check them with a generated SQL condition and insert them with
``INSERT INTO t (...) SELECT value->>'$.c', ... FROM json_each(?)``, instead of ``json`` decoding
each line, the one-call value check (``validation.row_passes``) and ``executemany``. This probe
measures the two ways on the rows of real school files (``bench_exchange.build_source``), each
file's rows inserted into a migrated database of its own (foreign keys on, as the product's),
the two ways alternating file by file, CPU time (``time.process_time``):

* python – every line decoded (``json``), checked (``row_passes``) and inserted (``executemany``);
* sql – every table's lines joined as one JSON array and inserted with one ``INSERT … SELECT
  value->>'$.column' … FROM json_each(?)``, with no check at all (a lower bound of the fast path);
* sql + shape – the same after the mildest check such a path needs before it may trust ``->>``
  (each element an object of exactly the table's keys, each of the JSON type Python would see).

It also times reading the columns out of the answers of one file alone (what any SQL check of
their values must do first) against decoding the same lines with ``json``, and says whether the
two databases hold the same cells (values and SQLite types).

    python benchmarks/probe_rows_in_sql.py              # 100 schools
    python benchmarks/probe_rows_in_sql.py --schools 30
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--schools", type=int, default=100)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["QUALITYSCHOOL_DATA_DIR"] = str(folder / "userdata")
        import bench_exchange
        from qualityschool_desktop.exchange import export_file, reading
        from qualityschool_desktop.exchange.package import open_package
        from qualityschool_desktop.exchange.records import OMITTED_WHEN_NULL, TABLES, travelling_columns
        from qualityschool_desktop.validation import RULES, row_passes
        from qualityschool_desktop.workspace import Workspace

        with Workspace.open(folder / "source.sqlite3", create=True) as source:
            codes = bench_exchange.build_source(source, args.schools, folder / "evidence")
            paths = [export_file(source, folder / "files" / f"{code}.qsx", school_codes=[code]).path for code in codes]
            travelling = travelling_columns(source.db)
        files = []
        for path in paths:
            with open_package(path) as package:
                files.append({table: [line for _n, line in reading.lines(package, f"records/{table}.jsonl", "-")]
                              for table in TABLES})
        conns = {}
        for name in ("python", "sql", "shape"):
            with Workspace.open(folder / f"{name}.sqlite3", create=True):
                pass  # the schema, migrated
            conn = sqlite3.connect(folder / f"{name}.sqlite3", isolation_level=None)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = OFF")  # the disk left out: the question is CPU
            conns[name] = conn
        decode = json.JSONDecoder().decode

        def python_way(lines: dict[str, list[bytes]]) -> None:
            conn = conns["python"]
            conn.execute("BEGIN")
            for table in TABLES:
                if not lines[table]:
                    continue
                columns = travelling[table]
                passes = row_passes(table, columns)
                optional = [c for c in OMITTED_WHEN_NULL.get(table, ()) if c in columns]
                rows = []
                for line in lines[table]:
                    row = decode(line.decode("utf-8", "surrogatepass"))
                    for column in optional:
                        row.setdefault(column, None)
                    assert passes(row)
                    rows.append([row[c] for c in columns])
                conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                                 rows)
            conn.execute("COMMIT")

        def path_of(column: str) -> str:
            return "'$." + column + "'"

        inserts = {table: f"INSERT INTO {table} ({', '.join(travelling[table])}) SELECT "
                          f"{', '.join(f'value->>{path_of(c)}' for c in travelling[table])} FROM json_each(?)"
                   for table in TABLES}
        kinds = {"text": "'text'", "integer": "'integer'", "real": "'real'"}

        def shape_check(table: str) -> str:
            optional = [c for c in OMITTED_WHEN_NULL.get(table, ()) if c in travelling[table]]
            count = len(travelling[table])
            tests = ["json_type(value) = 'object'",
                     f"(SELECT count(*) FROM json_each(r.value)) BETWEEN {count - len(optional)} AND {count}"]
            for column in travelling[table]:
                rule = RULES[table][column]
                kind = ("real" if rule.kind == "real" else "integer" if rule.kind == "integer"
                        or (rule.kind == "choice" and type(rule.choices[0]) is int) else "text")
                allowed = f"{kinds[kind]}, 'null'" if rule.nullable else kinds[kind]
                test = f"json_type(value, {path_of(column)}) IN ({allowed})"
                tests.append(f"({test} OR json_type(value, {path_of(column)}) IS NULL)" if column in optional else test)
            return f"SELECT count(*) FROM json_each(?) AS r WHERE NOT ({' AND '.join(tests)})"

        checks: dict[str, str] = {}

        def sql_way(lines: dict[str, list[bytes]], name: str) -> None:
            conn = conns[name]
            conn.execute("BEGIN")
            for table in TABLES:
                if not lines[table]:
                    continue
                array = "[" + ",".join(line.decode("utf-8") for line in lines[table]) + "]"
                if name == "shape":
                    check = checks.get(table) or checks.setdefault(table, shape_check(table))
                    bad = conn.execute(check, [array]).fetchone()[0]
                    assert bad == 0, (table, bad, check)
                conn.execute(inserts[table], [array])
            conn.execute("COMMIT")

        cpu: dict[str, list[float]] = {"python": [], "sql": [], "shape": []}
        ways = ("python", "sql", "shape")
        for index, lines in enumerate(files):  # alternating file by file, each way first in turn
            for name in ways[index % 3:] + ways[:index % 3]:
                c0 = time.process_time()
                python_way(lines) if name == "python" else sql_way(lines, name)
                cpu[name].append(time.process_time() - c0)
        base = statistics.median(cpu["python"])
        for name, label in (("python", "json + row_passes + executemany"),
                            ("sql", "one INSERT … SELECT value->> … FROM json_each(?), no check"),
                            ("shape", "the same after the mildest shape check")):
            print(f"{label}: {statistics.median(cpu[name]) * 1000:.2f} ms a file (median CPU; "
                  f"{statistics.median(cpu[name]) / base:.2f}x the python way)")

        answers = files[0]["answers"]
        array = "[" + ",".join(line.decode("utf-8") for line in answers) + "]"
        out = f"SELECT {', '.join(f'value->>{path_of(c)}' for c in travelling['answers'])} FROM json_each(?)"
        times = {"json": [], "sql": []}
        for _ in range(200):
            c0 = time.process_time()
            [decode(line.decode("utf-8")) for line in answers]
            times["json"].append(time.process_time() - c0)
            c0 = time.process_time()
            conns["sql"].execute(out, [array]).fetchall()
            times["sql"].append(time.process_time() - c0)
        print(f"the columns of one file's {len(answers)} answers: json {min(times['json']) * 1e6:.0f} µs, "
              f"SQL ->> {min(times['sql']) * 1e6:.0f} µs (mins of 200)")

        same = True
        for table in TABLES:
            columns = travelling[table]
            query = (f"SELECT {', '.join(columns)}, {', '.join(f'typeof({c})' for c in columns)} FROM {table}"
                     f" ORDER BY id")
            same = same and conns["python"].execute(query).fetchall() == conns["sql"].execute(query).fetchall()
        print(f"the same cells, types included, both ways: {same}; SQLite {sqlite3.sqlite_version}")
        for conn in conns.values():
            conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
