"""The district picture at province and country scale (issue 16), against one plain SQL aggregate
over the same answers, measured in the same run.

    python benchmarks/bench_district.py                      # 1,000 schools x 3 rounds
    python benchmarks/bench_district.py --schools 5000       # and the memory of one picture
    python benchmarks/bench_district.py --runs 9 --dir /mnt/other-disk  # district.sqlite3 kept there
    python benchmarks/bench_district.py --without-index   # and both on a copy without 0028's index

The database is generated (not imported: ``bench_exchange.py`` times imports): N schools in three
area offices, each with three self-assessment rounds (2568 rounds 1 and 2, 2569 round 1; 74
items each, a line of evidence per item, ~5 % "not applicable", ~3 % never answered, ~3 % of the
latest round still a draft) and the inspection rounds 2568/1, 2568/2 and 2569/1 defined. Then,
alternating run by run so that the machine's load weighs on each alike (medians and minima):

* baseline – ONE plain SQL aggregate over the answers the picture reads (count and sum of levels
  per assessment of 2569 and of 2568 round 2, the round compared with): the least any picture
  must pay to see those answers. (Earlier ``bench_exchange.py`` compared the dashboard with
  *reading every answer row* into Python, a baseline that flattered a picture which does that
  too; issue 16 named it.)
* tight baseline – the same aggregate over the same answers written so that SQLite seeks the two
  rounds' assessments first (``assessment_id IN (SELECT id FROM assessments WHERE ...)``): the
  baseline's join scans the answers of all three rounds and looks each row's assessment up, ~3-4x
  as long here (k16s). The picture is printed against both; the tight one is the honest floor.
* picture – :func:`read_round_picture` of 2569/1: every answer read now, the picture not kept
  (what the dashboard pays once after each change; the round results made from equal sums are
  kept from the warm-up on, as from a process's first picture on, ``district_scores``);
* picture, cold – the same with no round result kept (``district_scores._KEPT`` emptied first):
  what a process's first picture pays, printed against the baseline too;
* kept – :func:`round_picture` again with the database unchanged (what it pays at every other
  filter, page show and notice: the stamp check);
* item by item – the same picture with every answer row read into Python and scored item by item
  (the method before issue 16, kept as the tests' reference), for comparison.

Then, in a fresh process, the peak memory of reading one picture (``tracemalloc`` peak of the
picture and the process's peak resident size after opening the database and reading it).
Target (issue 16): picture <= 1.5x the baseline at 1,000 schools, memory flat (< 150 MB at 5,000).
Prints "MET" or "MISSED"; never fails.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUNDS = ((2568, 1, date(2025, 2, 1)), (2568, 2, date(2025, 7, 1)), (2569, 1, date(2026, 2, 1)))
BASELINE = (
    "SELECT x.assessment_id, count(x.level), sum(x.level) FROM answers AS x"
    " JOIN assessments AS a ON a.id = x.assessment_id"
    " WHERE a.fiscal_year = 2569 OR (a.fiscal_year = 2568 AND a.round = 2) GROUP BY x.assessment_id"
)


# The same answers and numbers, written so that SQLite seeks the two rounds' assessments first and
# reads only their answers (BASELINE's join scans every answer of all three rounds and looks its
# assessment up row by row: ~3-4x as long on the generated district, k16s). Printed beside it: the
# cheapest single aggregate found over those answers, the floor the target is honest against.
TIGHT_BASELINE = (
    "SELECT x.assessment_id, count(x.level), sum(x.level) FROM answers AS x"
    " WHERE x.assessment_id IN (SELECT id FROM assessments WHERE fiscal_year = 2569"
    " OR (fiscal_year = 2568 AND round = 2)) GROUP BY x.assessment_id"
)


def build(path: Path, schools: int) -> None:
    """The generated district (see the module's docstring): schools and rounds through the core,
    the answers in bulk with plain SQL (the triggers of the schema still run)."""
    from qualityschool_desktop.ids import new_id
    from qualityschool_desktop.workspace import Workspace

    rng = random.Random(16)
    with Workspace.open(path, create=True) as workspace:
        workspace.db.execute("PRAGMA synchronous = OFF")  # a generator: speed, not durability
        framework = workspace.frameworks.latest()
        codes = [item.code for item in framework.items]
        levels = [level.value for level in framework.levels]
        stamp, me = "2026-02-01T00:00:00.000Z", workspace.installation_id
        offices = ("สพป.ตาก เขต 1", "สพป.ตาก เขต 2", "สพม.ตาก")
        for first in range(0, schools, 500):
            rows = []
            submitted = []
            with workspace.db.write():
                for number in range(first + 1, min(schools, first + 500) + 1):
                    school = workspace.schools.add(
                        code=f"63{number:08d}", name=f"โรงเรียนบ้านทดสอบที่ {number}", district=f"อำเภอ {number % 9}",
                        province="ตาก", area_office=offices[number % 3], level="primary")
                    for year, round_, assessed_on in ROUNDS:
                        assessment = workspace.assessments.start(school.id, year, round=round_, assessed_on=assessed_on)
                        if year == 2568 or rng.random() > 0.03:
                            submitted.append(assessment.id)
                        for code in codes:
                            roll = rng.random()
                            if roll < 0.03:
                                continue
                            not_applicable = roll < 0.08
                            rows.append((new_id(), assessment.id, code, None if not_applicable else rng.choice(levels),
                                         int(not_applicable), "ไม่มีนักเรียนชั้นนี้" if not_applicable else "",
                                         "มีแผนปฏิบัติการและรายงานผลการดำเนินงานประจำปี", stamp, stamp, me))
                workspace.db.conn.executemany(
                    "INSERT INTO answers (id, assessment_id, item_code, level, not_applicable, na_reason, evidence,"
                    " created_at, modified_at, modified_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                workspace.db.conn.execute(
                    "UPDATE assessments SET status = 'submitted' WHERE id IN (SELECT value FROM json_each(?))",
                    [json.dumps(submitted)])
        for year, round_, _ in ROUNDS:
            workspace.inspection_rounds.define(year, round_)


def _item_by_item(workspace, fiscal_year: int, round_: int):  # type: ignore[no-untyped-def]
    """The picture as it was read before issue 16: every answer row into an ``Answer``, scored by
    :func:`score_assessment` (the tests' reference)."""
    from unittest import mock

    from qualityschool_desktop import district
    from qualityschool_desktop.answers import Answer
    from qualityschool_desktop.assessments import Assessment
    from qualityschool_desktop.inspection.picture import read_round_picture
    from qualityschool_desktop.scoring import score_assessment

    def chosen(ws, ids):  # type: ignore[no-untyped-def]
        ids = list(ids)
        marks = ", ".join("?" for _ in ids)
        assessments = {row["id"]: Assessment.from_row(row)
                       for row in ws.db.query(f"SELECT * FROM assessments WHERE id IN ({marks})", ids)}
        answers: dict = {assessment_id: {} for assessment_id in assessments}  # type: ignore[type-arg]
        for row in ws.db.query(f"SELECT * FROM answers WHERE assessment_id IN ({marks})", ids):
            answers[row["assessment_id"]][row["item_code"]] = Answer.from_row(row)
        return {assessment_id: (assessment, replace(score_assessment(ws.assessments.framework_of(assessment),
                                                                     answers[assessment_id]), weakest=()))
                for assessment_id, assessment in assessments.items()}

    with mock.patch.object(district, "scored_assessments", chosen):
        return read_round_picture(workspace, fiscal_year, round_)


def memory(path: Path) -> dict[str, float]:
    """In this process: open the database read-only and read one picture; peaks in MiB."""
    import resource
    import tracemalloc

    from qualityschool_desktop.inspection.picture import read_round_picture
    from qualityschool_desktop.workspace import Workspace

    with Workspace.open(path, read_only=True) as workspace:
        tracemalloc.start()
        _, picture = read_round_picture(workspace, 2569, 1)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        # The process's own high-water mark: /proc's VmHWM (ru_maxrss may carry the parent's peak
        # across fork and exec, which measured 168 MiB for a 65 MiB process here).
        status = Path("/proc/self/status")
        found = [line for line in status.read_text().splitlines() if line.startswith("VmHWM:")] if status.exists() else []
        rss = int(found[0].split()[1]) / 1024 if found else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {"schools": len(picture.schools), "traced_peak": peak / 1048576, "max_rss": rss}


def without_index(path: Path, runs: int) -> None:
    """The picture and the baseline on this database and on a copy without ``answers_scores``
    (migration 0028's covering index), alternating: what the index gives each of them."""
    import shutil
    import sqlite3

    from qualityschool_desktop.inspection.picture import read_round_picture
    from qualityschool_desktop.workspace import Workspace

    copy = path.with_name("without-index.sqlite3")
    shutil.copyfile(path, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("DROP INDEX answers_scores")
    times: dict[tuple[str, str], list[float]] = {}
    with Workspace.open(path, read_only=True) as with_it, Workspace.open(copy, read_only=True) as without:
        for workspace in (with_it, without):
            read_round_picture(workspace, 2569, 1)
            workspace.db.conn.execute(BASELINE).fetchall()
        for _ in range(runs):
            for name, workspace in (("with", with_it), ("without", without)):
                t0 = time.perf_counter()
                workspace.db.conn.execute(BASELINE).fetchall()
                times.setdefault((name, "baseline"), []).append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                read_round_picture(workspace, 2569, 1)
                times.setdefault((name, "picture"), []).append(time.perf_counter() - t0)
    print("with and without the covering index answers_scores (0028), alternating:")
    for name in ("with", "without"):
        ratio = statistics.median(p / b for p, b in zip(times[(name, "picture")], times[(name, "baseline")]))
        print(f"  {name:<8} baseline {statistics.median(times[(name, 'baseline')]) * 1000:7.1f}ms"
              f"  picture {statistics.median(times[(name, 'picture')]) * 1000:7.1f}ms  picture / baseline {ratio:.2f}x")
    for what in ("baseline", "picture"):
        gain = statistics.median(a / b for a, b in zip(times[("with", what)], times[("without", what)]))
        print(f"  {what}: with / without the index {gain:.2f}x")
    copy.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--schools", type=int, default=1000, help="how many schools")
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each")
    parser.add_argument("--dir", type=Path,
                        help="work in this folder instead of a temporary one, and keep the database built there")
    parser.add_argument("--no-reference", action="store_true", help="skip the item-by-item picture")
    parser.add_argument("--without-index", action="store_true",
                        help="also time picture and baseline on a copy without the covering index (0028)")
    parser.add_argument("--memory-of", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.memory_of:
        print(json.dumps(memory(args.memory_of)))
        return 0

    if args.dir is not None:  # kept: the database stays for the app or another run (TEST30b B2)
        args.dir.mkdir(parents=True, exist_ok=True)
    with contextlib.nullcontext(str(args.dir)) if args.dir is not None else tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["QUALITYSCHOOL_DATA_DIR"] = str(folder / "userdata")
        from qualityschool_desktop import district_scores, picture_cache
        from qualityschool_desktop.inspection.picture import read_round_picture, round_picture
        from qualityschool_desktop.workspace import Workspace

        path = folder / "district.sqlite3"
        path.unlink(missing_ok=True)  # a kept one of an earlier run: built anew, at the size asked
        started = time.perf_counter()
        build(path, args.schools)
        print(f"built {args.schools:,} schools x {len(ROUNDS)} rounds in {time.perf_counter() - started:.1f} s "
              f"({path.stat().st_size / 1048576:.0f} MiB)")

        times: dict[str, list[float]] = {"baseline": [], "tight baseline": [], "picture": [],
                                         "picture, cold": [], "kept": [], "item by item": []}
        with Workspace.open(path, read_only=True) as workspace:
            conn = workspace.db.conn
            answers = sum(row[1] for row in conn.execute(BASELINE.replace("count(x.level)", "count(*)")))
            _, picture = read_round_picture(workspace, 2569, 1)  # warm the page cache and the code alike
            conn.execute(BASELINE).fetchall()
            round_picture(workspace, 2569, 1)
            for _ in range(args.runs):
                t0 = time.perf_counter()
                conn.execute(BASELINE).fetchall()
                times["baseline"].append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                conn.execute(TIGHT_BASELINE).fetchall()
                times["tight baseline"].append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                read_round_picture(workspace, 2569, 1)
                times["picture"].append(time.perf_counter() - t0)
                district_scores._KEPT.clear()  # as a process's first picture: no round result made before
                t0 = time.perf_counter()
                read_round_picture(workspace, 2569, 1)
                times["picture, cold"].append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                kept = round_picture(workspace, 2569, 1)
                times["kept"].append(time.perf_counter() - t0)
                assert picture_cache.recall(workspace, ("round_picture", 2569, 1, None, None, None)) is kept
                if not args.no_reference:
                    t0 = time.perf_counter()
                    reference = _item_by_item(workspace, 2569, 1)[1]
                    times["item by item"].append(time.perf_counter() - t0)
                    assert reference == picture, "the SQL-scored picture equals the item-by-item one"
        print(f"picture 2569/1: {len(picture.schools):,} schools, {picture.reported:,} reported, "
              f"over {answers:,} answer rows")
        base_median, base_min = statistics.median(times["baseline"]), min(times["baseline"])
        print(f"{'':<14}{'median':>10}{'min':>10}{'x baseline (median, min)':>28}")
        for name, values in times.items():
            if not values:
                continue
            median, least = statistics.median(values), min(values)
            ratio = "" if name == "baseline" else f"{median / base_median:.2f}x, {least / base_min:.2f}x"
            print(f"{name:<14}{median * 1000:>8.1f}ms{least * 1000:>8.1f}ms{ratio:>28}")
        ratio = statistics.median(p / b for p, b in zip(times["picture"], times["baseline"]))
        print(f"picture / baseline, run by run (median): {ratio:.2f}x -> "
              f"{'MET' if ratio <= 1.5 else 'MISSED'} (target <= 1.5x)")
        cold = statistics.median(p / b for p, b in zip(times["picture, cold"], times["baseline"]))
        print(f"picture with no round result kept (a process's first picture) / baseline, run by run (median): "
              f"{cold:.2f}x -> {'MET' if cold <= 1.5 else 'MISSED'} (target <= 1.5x)")
        tight = statistics.median(p / b for p, b in zip(times["picture"], times["tight baseline"]))
        print(f"picture / tight baseline (the same answers, assessments sought first), run by run (median): "
              f"{tight:.2f}x -> {'MET' if tight <= 1.5 else 'MISSED'} (target <= 1.5x); the baseline itself is "
              f"{statistics.median(b / t for b, t in zip(times['baseline'], times['tight baseline'])):.2f}x the tight one")

        if args.without_index:
            without_index(path, args.runs)

        child = subprocess.run([sys.executable, __file__, "--memory-of", str(path)], capture_output=True, text=True,
                               env=os.environ.copy(), check=True)
        found = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"memory, one picture of {found['schools']:,} schools in a fresh process: traced peak "
              f"{found['traced_peak']:.1f} MiB, process peak {found['max_rss']:.0f} MiB -> "
              f"{'MET' if found['max_rss'] < 150 else 'MISSED'} (target < 150 MB)")
        if args.dir is not None:
            print(f"kept: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
