#!/usr/bin/env bash
# Build the one-folder desktop bundle (dist/QualitySchoolDesktop/) with pyinstaller.spec, then
# smoke-test what was built: --version, selftest, demo, schools --json (18 schools of Tak) and a
# start of the window (offscreen) up to its first paint. Exits non-zero, saying which step
# failed, on any failure.
#
#   scripts/build_app.sh              # build + check
#   PYTHON=python3.11 scripts/build_app.sh
#   SKIP_BUILD=1 scripts/build_app.sh # only re-run the checks on an existing dist/
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python
DIST="$ROOT/dist/QualitySchoolDesktop"
EXPECTED_SCHOOLS=18
TIMEOUT_S=120

fail() {
    echo "build_app.sh: FAILED: $*" >&2
    exit 1
}
step() { echo; echo "== $*"; }

# Windows (Git Bash) names executables *.exe.
EXE_SUFFIX=""
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) EXE_SUFFIX=".exe" ;; esac
APP="$DIST/QualitySchoolDesktop$EXE_SUFFIX"
CLI="$DIST/qsd-cli$EXE_SUFFIX"

# Run a command with a time limit when coreutils' timeout is there (not on stock macOS).
limited() {
    if command -v timeout >/dev/null 2>&1; then timeout "$TIMEOUT_S" "$@"; else "$@"; fi
}

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    step "PyInstaller"
    if ! "$PYTHON" -m PyInstaller --version >/dev/null 2>&1; then
        echo "PyInstaller is missing: installing requirements-build.txt"
        "$PYTHON" -m pip install -r requirements-build.txt || fail "pip install -r requirements-build.txt"
    fi
    echo "PyInstaller $("$PYTHON" -m PyInstaller --version)"

    step "Building dist/QualitySchoolDesktop (clean)"
    mkdir -p build
    if ! "$PYTHON" -m PyInstaller --clean --noconfirm \
            --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" pyinstaller.spec \
            > build/pyinstaller.log 2>&1; then
        tail -n 40 build/pyinstaller.log >&2
        fail "PyInstaller did not build the app (full log: build/pyinstaller.log)"
    fi
    # Show the warnings that may matter. Known harmless ones are left out: Windows DLLs that
    # platformdirs and click look up through ctypes (Linux build), and the GTK libraries of Qt's optional
    # GTK3 theme plugin (without them Qt uses its own look).
    grep -E "WARNING|ERROR" build/pyinstaller.log \
        | grep -v -E "Library (shell32|ole32|user32|kernel32|advapi32) required via ctypes not found" \
        | grep -v -E "could not resolve 'lib(gtk|gdk)-3\.so\.0', dependency of .*libqgtk3\.so" \
        | sed 's/^/    /' | head -n 30 || true
    echo "log: build/pyinstaller.log; missing-module report: build/pyinstaller/pyinstaller/warn-pyinstaller.txt"
fi

[[ -x "$APP" ]] || fail "no windowed executable at $APP"
[[ -x "$CLI" ]] || fail "no console executable at $CLI"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/qsd-build-check.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# The built app must not touch the real per-user data folder during the checks.
export QUALITYSCHOOL_DATA_DIR="$WORK/userdata"
# Run from an unrelated folder: resources and fonts must come from the bundle, not the checkout.
cd "$WORK"

step "qsd-cli --version"
version="$(limited "$CLI" --version)" || fail "qsd-cli --version exited $?"
echo "$version"
[[ "$version" == *"Quality School Desktop"* ]] || fail "qsd-cli --version printed: $version"
app_version="$(limited "$APP" --version 2>&1)" || fail "QualitySchoolDesktop --version exited $?"
[[ "$app_version" == "$version" ]] || echo "note: the windowed build printed '$app_version' (no stdout on Windows)"

step "qsd-cli selftest"
selftest="$(limited "$CLI" selftest)" || fail "selftest exited $?: $selftest"
echo "$selftest"
[[ "$selftest" == ok:* ]] || fail "selftest did not report ok"

step "qsd-cli demo --db $WORK/demo.sqlite3"
limited "$CLI" demo --db "$WORK/demo.sqlite3" || fail "demo exited $?"
[[ -s "$WORK/demo.sqlite3" ]] || fail "demo did not create $WORK/demo.sqlite3"

step "qsd-cli schools --db demo.sqlite3 --json"
limited "$CLI" schools --db "$WORK/demo.sqlite3" --json > "$WORK/schools.json" || fail "schools --json exited $?"
count="$("$PYTHON" -c 'import json, sys; print(len(json.load(open(sys.argv[1], encoding="utf-8"))["schools"]))' \
    "$WORK/schools.json")" || fail "schools --json did not print valid JSON"
echo "$count schools"
[[ "$count" == "$EXPECTED_SCHOOLS" ]] || fail "expected $EXPECTED_SCHOOLS schools in the demo, got $count"

# A windowed Windows program has no stdout to print "first-paint" on; the console twin opens the
# same window from the same code, so check the window through it there.
WINDOW_EXE="$APP"
[[ -n "$EXE_SUFFIX" ]] && WINDOW_EXE="$CLI"
step "$(basename "$WINDOW_EXE") --db demo.sqlite3 (offscreen: the frame paints, then the database opens and its page paints)"
set +e
window_out="$(QT_QPA_PLATFORM=offscreen QSD_BENCH_FIRST_PAINT=1 limited "$WINDOW_EXE" --db "$WORK/demo.sqlite3" 2>"$WORK/window.err")"
status=$?
set -e
if [[ "$window_out" != *first-paint*ready* || $status -ne 0 ]]; then
    tail -n 30 "$WORK/window.err" >&2
    fail "the window did not open the database and paint it (exit $status, stdout: ${window_out:-nothing})"
fi
echo "first-paint, ready (exit $status)"

step "Trimmed"
# pyinstaller.spec drops Qt's translations and the software OpenGL DLL by file name on every platform.
unwanted="$(find "$DIST" \( -name '*.qm' -o -iname 'opengl32sw.dll' \) | head -n 5)"
[[ -z "$unwanted" ]] || fail "the bundle holds files the spec should have dropped: $unwanted"
echo "no Qt translations, no software OpenGL"

step "Bundle"
du -sh "$DIST" | sed 's/^/size: /'
echo "OK: dist/QualitySchoolDesktop built and checked"
