"""Time from launch to the first painted window: the app against a bare PySide6 window.

Each run is a fresh process: the wall time from spawning it to reading ``first-paint`` on its
stdout (the app prints it under ``QSD_BENCH_FIRST_PAINT=1`` after its main window's first paint;
``bare_window.py`` does the same). The two are run alternately, so machine noise hits both alike,
after one unrecorded warm-up run of each (the figures are warm starts: files in the OS cache).
The app opens a demo database built once in a temporary folder (``main.py demo --db``).

Both run from compiled bytecode. An environment that sets ``PYTHONDONTWRITEBYTECODE=1`` (this one
does) never keeps the ``.pyc`` of the app's own sources, so every launch compiled the app again while
the bare window's PySide6 came compiled from site-packages: the ratio measured the compiler. So the
variable is removed for both, their bytecode goes to a temporary ``PYTHONPYCACHEPREFIX`` (nothing is
written beside the sources), the app's sources are compiled there first (``compileall``) and the
warm-up run of each compiles whatever else they import. The output says so.

Both are started through ``cpu_marks.py``, which adds the process's CPU time to those lines: the
CPU times up to the first paint and to "ready" are printed with their ratios too (minimum and
median of the runs). On a shared, loaded machine they are the figures to go by; the wall times
there measure the other processes as much as ours.

Then one more app start under ``python -X importtime`` tells whether ReportLab, pythainlp or
uharfbuzz were imported at all (they must not be: they belong to reports), and whether sqlite-utils
or the core's parts the list does not read (:data:`NOT_BEFORE_READY`) were imported on the way to
"ready" (they must not be: the school list is read over plain ``sqlite3``;
the app also writes ``ready`` on stderr under ``QSD_BENCH_FIRST_PAINT=1``, which splits the list).

    python benchmarks/bench_startup.py            # offscreen (QT_QPA_PLATFORM=offscreen), 1366x768, 10 runs each
    python benchmarks/bench_startup.py --x11 -n 20   # on the current $DISPLAY
    python benchmarks/bench_startup.py --app-exe dist/QualitySchoolDesktop/QualitySchoolDesktop
    python benchmarks/bench_startup.py --without numpy   # as on a machine with requirements.txt only

Targets (issue 16), ratios of medians against the bare window measured in the same run: first
paint at most 1.3×, "ready" at most 2×. Nothing here fails the run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
BARE = Path(__file__).resolve().parent / "bare_window.py"
CPU_MARKS = Path(__file__).resolve().parent / "cpu_marks.py"
FIRST_PAINT_TARGET = 1.3
READY_TARGET = 2.0
MARKER = "first-paint"
# The app's window frame paints first and its data follows: "ready" is when the first page of
# the open database has painted, the moment a user can work.
READY = "ready"
# Packages that belong to reports and Thai word-breaking, never to the first window.
HEAVY = ("reportlab", "pythainlp", "uharfbuzz")
# Packages and modules the window imports when a part first needs them, never on the way to "ready"
# (issue 16; a dotted name counts with its submodules): sqlite-utils (st28); the core's parts the school
# list does not read, OpenSSL's hashlib, uuid and the save state (rc29); the review's history, a round's
# warnings, the weakest items and `html`'s entity table (rd29).
NOT_BEFORE_READY = ("sqlite_utils", "click", "dateutil", "pluggy", "qualityschool_desktop.answers",
                    "qualityschool_desktop.validation", "qualityschool_desktop.filestore", "hashlib", "uuid",
                    "ui.common.save_state", "qualityschool_desktop.review.history",
                    "qualityschool_desktop.assessment_warnings", "qualityschool_desktop.weakest", "html")


def offscreen_screen(folder: Path, size: str) -> Path:
    """Qt's offscreen platform with one screen of ``size`` ("1366x768"): its own is 800×800, where the
    school list cuts its names and tags with "…" (rq29: and the window then is not a laptop's)."""
    width, _, height = size.partition("x")
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "bench", "x": 0, "y": 0, "width": int(width),
                                               "height": int(height), "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}), encoding="utf-8")
    return config


def base_env(args: argparse.Namespace, userdata: Path) -> dict[str, str]:
    env = dict(os.environ)
    if args.x11:
        if not env.get("DISPLAY"):
            sys.exit("--x11 needs a DISPLAY (none is set)")
        env["QT_QPA_PLATFORM"] = "xcb"
    else:
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={offscreen_screen(userdata.parent, args.screen)}"
    env["QSD_BENCH_FIRST_PAINT"] = "1"
    # The app's installation id and settings go to a private folder, not the user's.
    env["QUALITYSCHOOL_DATA_DIR"] = str(userdata)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    # Compiled bytecode for both, kept in a folder of the benchmark's own (see the docstring).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(userdata.parent / "pycache")
    return env


def compile_sources(env: dict[str, str]) -> str:
    """Compile the app's sources and the bare window into the benchmark's bytecode folder; say so."""
    sources = [ROOT / "main.py", ROOT / "qualityschool_desktop", ROOT / "ui", BARE]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *map(str, sources)], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return (f"bytecode: compiled first into {env['PYTHONPYCACHEPREFIX']} (compileall of the app's sources, then"
            " one warm-up run of each); PYTHONDONTWRITEBYTECODE removed for both"
            f" (it was {os.environ.get('PYTHONDONTWRITEBYTECODE', 'unset')!r} here)")


def machine() -> str:
    """The machine the figures were taken on, in one line."""
    try:
        from PySide6 import __version__ as pyside
    except ImportError:  # pragma: no cover - PySide6 is a requirement
        pyside = "?"
    import sqlite3

    load = ""
    if hasattr(os, "getloadavg"):
        load = ", load " + " ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"machine: {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs{load}; Python"
            f" {platform.python_version()}, PySide6 {pyside}, SQLite {sqlite3.sqlite_version}")


class Run(NamedTuple):
    """One launch: seconds of wall time to the first paint and to "ready", and of CPU time to each
    (None when the process did not say: a built app is not started through ``cpu_marks.py``)."""

    painted: float
    ready: float
    painted_cpu: float | None
    ready_cpu: float | None


def time_to_first_paint(command: list[str], env: dict[str, str], timeout: float, log: Path) -> Run:
    """Time from spawn to the ``first-paint`` line and to the ``ready`` line (the app prints it
    once the database is open and its first page has painted; a bare window is ready when it
    paints), with the CPU times the lines carry; raises if the first never comes or the exit fails."""
    with log.open("wb") as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, env=env, cwd=ROOT)
        assert process.stdout is not None
        elapsed = ready = None
        elapsed_cpu = ready_cpu = None
        try:
            # readline blocks; the timeout below covers a process that hangs after painting.
            for raw in process.stdout:
                word, _, cpu = raw.decode("utf-8", "replace").strip().partition(" ")
                if word == MARKER:
                    elapsed = time.perf_counter() - start
                    elapsed_cpu = float(cpu) if cpu else None
                elif word == READY:
                    ready = time.perf_counter() - start
                    ready_cpu = float(cpu) if cpu else None
                    break
            status = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise RuntimeError(f"{' '.join(command)} did not exit within {timeout:.0f} s") from None
    if elapsed is None:
        tail = log.read_text("utf-8", "replace")[-2000:]
        raise RuntimeError(f"{' '.join(command)} exited {status} without printing {MARKER!r}:\n{tail}")
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} painted but exited with status {status}")
    if ready is None:
        return Run(elapsed, elapsed, elapsed_cpu, elapsed_cpu)
    return Run(elapsed, ready, elapsed_cpu, ready_cpu)


def build_demo(folder: Path, env: dict[str, str]) -> Path:
    path = folder / "demo.sqlite3"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "demo", "--db", str(path)],
        env=env, cwd=ROOT, capture_output=True, text=True,
    )
    if done.returncode != 0:
        sys.exit(f"building the demo database failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return path


def heavy_imports(db: Path, env: dict[str, str], timeout: float) -> tuple[list[str], list[str], list[tuple[int, str]]]:
    """Run the app once under ``-X importtime``: the heavy packages it imported up to its exit, those of
    :data:`NOT_BEFORE_READY` it imported before "ready", and the ten slowest top-level imports
    (cumulative µs, "ready" marked)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "main.py"), "--db", str(db)],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
    )
    if MARKER not in done.stdout:
        raise RuntimeError(f"the app did not reach its first paint under -X importtime:\n{done.stderr[-2000:]}")
    found: set[str] = set()
    early: set[str] = set()
    ready = False
    top_level: list[tuple[int, str]] = []
    line_re = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")
    for line in done.stderr.splitlines():
        if line.strip() == READY:  # the app wrote it on stderr too when its first page had painted
            ready = True
            continue
        match = line_re.match(line)
        if not match:
            continue
        cumulative, indent, module = int(match.group(2)), len(match.group(3)), match.group(4)
        root = module.split(".")[0]
        if root in HEAVY:
            found.add(root)
        if not ready:
            early.update(name for name in NOT_BEFORE_READY if module == name or module.startswith(name + "."))
        if indent == 1:
            top_level.append((cumulative, module + ("  (after \"ready\")" if ready else "")))
    if not ready:
        raise RuntimeError("the app did not write \"ready\" on stderr under -X importtime")
    return sorted(found), sorted(early), sorted(top_level, reverse=True)[:10]


def summary(name: str, samples: list[float]) -> str:
    return (
        f"{name:12} median {statistics.median(samples) * 1000:7.1f} ms   min {min(samples) * 1000:7.1f} ms"
        f"   max {max(samples) * 1000:7.1f} ms   (n={len(samples)})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--runs", type=int, default=10, help="runs of each (default 10)")
    parser.add_argument("--x11", action="store_true", help="use the current $DISPLAY instead of offscreen")
    parser.add_argument("--screen", default="1366x768",
                        help="offscreen: the screen's size, WIDTHxHEIGHT (default: a school laptop's 1366x768)")
    parser.add_argument("--db", type=Path, help="database to open (default: a demo database built once)")
    parser.add_argument("--app-exe", type=Path, help="time a built app instead of 'python main.py'")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a run counts as hung")
    parser.add_argument("--without", action="append", default=[], metavar="MODULE",
                        help="start the app as if MODULE were not installed (repeatable), e.g. numpy")
    parser.add_argument("--no-importtime", action="store_true", help="skip the -X importtime check")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="qsd-bench-startup-"))
    env = base_env(args, folder / "userdata")
    db = args.db or build_demo(folder, env)
    if args.app_exe:
        app_command = [str(args.app_exe.resolve())]
    elif args.without:
        # As if these packages were not installed (e.g. numpy, which sqlite-utils imports when it
        # finds it on a developer's machine but requirements.txt does not bring in).
        blocked = "".join(f"sys.modules[{name!r}] = None; " for name in args.without)
        app_command = [
            sys.executable, "-c",
            f"import runpy, sys; {blocked}sys.argv[:1] = [{str(CPU_MARKS)!r}, {str(ROOT / 'main.py')!r}]; "
            f"runpy.run_path(sys.argv[0], run_name='__main__')",
        ]
    else:
        app_command = [sys.executable, str(CPU_MARKS), str(ROOT / "main.py")]
    app_command += ["--db", str(db)]
    bare_command = [sys.executable, str(CPU_MARKS), str(BARE)]
    where = f"X11 DISPLAY={env['DISPLAY']}" if args.x11 else f"offscreen, a {args.screen} screen"
    print(f"Start-up to first paint: {args.runs} runs each, alternating, platform {where}")
    print(machine())
    print(compile_sources(env))
    print(f"app:  {' '.join(app_command)}")
    print(f"bare: {' '.join(bare_command)}")

    log = folder / "stderr.log"
    time_to_first_paint(bare_command, env, args.timeout, log)  # warm-up: fill the OS file cache
    time_to_first_paint(app_command, env, args.timeout, log)
    bare: list[Run] = []
    app: list[Run] = []
    for _ in range(args.runs):
        bare.append(time_to_first_paint(bare_command, env, args.timeout, log))
        app.append(time_to_first_paint(app_command, env, args.timeout, log))

    bare_wall = [run.painted for run in bare]
    print(summary("bare window", bare_wall))
    print(summary("app", [run.painted for run in app]) + "   first paint: the window's frame, menus and a loading line")
    print(summary("app ready", [run.ready for run in app]) + "   the database open and its first page painted")
    targets = (("first paint", FIRST_PAINT_TARGET), ("ready", READY_TARGET))
    for (name, target), samples in zip(targets, ([run.painted for run in app], [run.ready for run in app])):
        ratio = statistics.median(samples) / statistics.median(bare_wall)
        verdict = "MET" if ratio <= target else "MISSED"
        print(f"ratio app {name}/bare window (medians, this run) {ratio:.2f}×  target ≤ {target:g}× {verdict}"
              f"   (mins: {min(samples) / min(bare_wall):.2f}×)")
    if all(run.painted_cpu is not None and run.ready_cpu is not None for run in (*bare, *app)):
        print("CPU time of the process (time.process_time, all threads) at the same lines:")
        bare_cpu = [run.painted_cpu or 0.0 for run in bare]
        print(summary("bare window", bare_cpu))
        for (name, target), samples in zip(targets, ([run.painted_cpu or 0.0 for run in app],
                                                     [run.ready_cpu or 0.0 for run in app])):
            print(summary(f"app {name}", samples))
            ratio = min(samples) / min(bare_cpu)
            verdict = "MET" if ratio <= target else "MISSED"
            print(f"ratio app {name}/bare window, CPU (mins, this run) {ratio:.2f}×  target ≤ {target:g}× {verdict}"
                  f"   (medians: {statistics.median(samples) / statistics.median(bare_cpu):.2f}×)")

    if not args.no_importtime and not args.app_exe:
        found, early, slowest = heavy_imports(db, env, args.timeout)
        if found:
            print(f"imported at start-up (should not be): {', '.join(found)}")
        else:
            print(f"none of {', '.join(HEAVY)} imported at start-up")
        if early:
            print(f"imported before \"ready\" (should not be): {', '.join(early)}")
        else:
            print(f"none of {', '.join(NOT_BEFORE_READY)} imported before \"ready\"")
        # The app reads this installation's key right after "ready" (keyring, cryptography): the
        # list runs to the exit, so those show here too although "ready" did not wait for them.
        print("slowest top-level imports up to the exit (\"ready\", then the key's check) (cumulative):")
        for micros, module in slowest:
            print(f"    {micros / 1000:7.1f} ms  {module}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
