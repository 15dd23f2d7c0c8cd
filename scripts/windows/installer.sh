#!/usr/bin/env bash
# Build the Windows installer from a PyInstaller one-folder build with NSIS (makensis, on Linux),
# then check it under Wine: a silent per-user install (/S), the shortcuts, the .qsx association,
# the installed app (commands, and a screenshot of its window under Xvfb at 1366x768), and a
# refusal of the uninstaller and of an upgrade while the app is running (exit 32, nothing changed),
# and a silent uninstall, once the app is closed, that removes the program and keeps the user's data.
#
#   scripts/windows/installer.sh DIST_FOLDER        # called by check.sh; needs its Wine prefix
#
# Environment: RUN (outputs; default: a new temporary folder), SHOTS (screenshots), WINEPREFIX.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIST="${1:?the PyInstaller one-folder build (dist/QualitySchoolDesktop)}"
RUN="${RUN:-$(mktemp -d)}"
SHOTS="${SHOTS:-$RUN/shots}"
WIN_LOCALE="th_TH.UTF-8"
export WINEDEBUG="${WINEDEBUG:--all}" WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=;winemenubuilder.exe=d}"
unset QUALITYSCHOOL_DATA_DIR   # the installed app uses the user's real data folder
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/qualityschool_desktop/__init__.py")"
SETUP="$RUN/QualitySchoolDesktop-$VERSION-setup.exe"
mkdir -p "$SHOTS"
problems=0
fail() { echo "FAILED: $*" >&2; problems=$((problems + 1)); }
# shellcheck source=wine.sh
source "$ROOT/scripts/windows/wine.sh"   # wrun, winpath

echo "== makensis"
rm -f "$SETUP"
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$VERSION" -DDIST="$DIST" -DOUTFILE="$SETUP" \
    -DICON="$ROOT/resources/icons/app.ico" "$ROOT/scripts/windows/installer.nsi" || { echo "makensis failed"; exit 1; }
ls -la "$SETUP"

# Where Wine keeps this user's folders.
USERDIR="$WINEPREFIX/drive_c/users/$(id -un)"
PROGRAM="$USERDIR/AppData/Local/Programs/QualitySchoolDesktop"
DATA="$USERDIR/AppData/Local/QualitySchoolDesktop"
START_MENU="$USERDIR/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"

echo "== silent install (/S), as a user without administrator rights"
# Wine links the Windows desktop to the Linux home folder: give the prefix a desktop of its own.
if [[ -L "$USERDIR/Desktop" ]]; then rm "$USERDIR/Desktop" && mkdir "$USERDIR/Desktop"; fi
rm -rf "$PROGRAM"
wrun "$SETUP" /S || fail "the installer exited $?"
wineserver -w
[[ -f "$PROGRAM/QualitySchoolDesktop.exe" && -f "$PROGRAM/qsd-cli.exe" && -f "$PROGRAM/uninstall.exe" ]] \
    || fail "not installed in %LOCALAPPDATA%\\Programs\\QualitySchoolDesktop"
find "$START_MENU" -name 'โรงเรียนคุณภาพ.lnk' | grep -q . || fail "no Start-menu shortcut"
[[ -f "$USERDIR/Desktop/โรงเรียนคุณภาพ.lnk" ]] || fail "no desktop shortcut"
wrun reg query 'HKCU\Software\Classes\.qsx' /ve | grep -q "QualitySchoolDesktop.Exchange" || fail ".qsx is not associated"
wrun reg query 'HKCU\Software\Classes\QualitySchoolDesktop.Exchange\shell\open\command' /ve \
    | grep -q 'QualitySchoolDesktop.exe" --import "%1"' || fail ".qsx does not open with the app"

echo "== the installed app"
# Wine artefact (see check.sh): Python's _wmi calls what Wine 8.0 lacks; real Windows needs it.
mv "$PROGRAM/_internal/_wmi.pyd" "$PROGRAM/_internal/_wmi.pyd.off" 2>/dev/null
wrun "$PROGRAM/qsd-cli.exe" --version || fail "installed qsd-cli --version"
wrun "$PROGRAM/qsd-cli.exe" selftest | grep -q '^ok:' || fail "installed qsd-cli selftest"
wineserver -k 2>/dev/null; wineserver -w 2>/dev/null
# The window of an earlier check was killed (wineserver -k) and left its lock: not a real user's case.
rm -rf "$USERDIR/Temp"/qsd-locks-*
# While the window is open, the uninstaller and an upgrade must refuse, change nothing and exit 32
# (installer.nsi: a running program's file cannot be opened for writing). The uninstaller runs in
# place (_?=) so that its own exit code comes back.
printf 'uninstall=none\nupgrade=none\n' > "$RUN/while-running.txt"
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
    ( LC_ALL="'"$WIN_LOCALE"'" wine "$1" --demo </dev/null 2>&1 | cat > "$3" ) &
    # The first --demo start builds the demo (about 20 s under Wine on a quiet machine, minutes on a
    # loaded one): wait for the file, not for a fixed time, then for the window to show it.
    for _ in $(seq 1 120); do [[ -s "$7/demo.sqlite3" ]] && break; sleep 5; done
    sleep 15; import -window root "$2"
    LC_ALL="'"$WIN_LOCALE"'" wine "$5/uninstall.exe" /S "_?=$(winepath -w "$5" 2>/dev/null)" </dev/null | cat
    u=${PIPESTATUS[0]}
    LC_ALL="'"$WIN_LOCALE"'" wine "$6" /S </dev/null | cat
    printf "uninstall=%s\nupgrade=%s\n" "$u" "${PIPESTATUS[0]}" > "$4"
    wineserver -k; wait' _ "$PROGRAM/QualitySchoolDesktop.exe" "$SHOTS/installed.png" \
    "$RUN/installed-window.log" "$RUN/while-running.txt" "$PROGRAM" "$SETUP" "$DATA"
wineserver -w 2>/dev/null
cat "$RUN/while-running.txt"
grep -qx 'uninstall=32' "$RUN/while-running.txt" || fail "the uninstaller did not refuse (exit 32) while the app was running"
grep -qx 'upgrade=32' "$RUN/while-running.txt" || fail "the installer did not refuse (exit 32) while the app was running"
[[ -f "$PROGRAM/QualitySchoolDesktop.exe" && -f "$PROGRAM/qsd-cli.exe" && -f "$PROGRAM/_internal/_wmi.pyd.off" ]] \
    || fail "a refused uninstall or upgrade changed the program's files"
[[ -s "$SHOTS/installed.png" ]] || fail "no screenshot of the installed app"
[[ -f "$DATA/demo.sqlite3" ]] || fail "the installed app made no demo database in %LOCALAPPDATA%\\QualitySchoolDesktop"

echo "== silent uninstall keeps the user's data"
mv "$PROGRAM/_internal/_wmi.pyd.off" "$PROGRAM/_internal/_wmi.pyd" 2>/dev/null
echo "ข้อมูลของผู้ใช้" > "$DATA/keep-me.txt"
wrun "$PROGRAM/uninstall.exe" /S || fail "the uninstaller exited $?"
for _ in $(seq 1 30); do [[ -e "$PROGRAM/QualitySchoolDesktop.exe" ]] || break; sleep 1; done
wineserver -w
[[ ! -e "$PROGRAM/QualitySchoolDesktop.exe" && ! -e "$PROGRAM/_internal" ]] || fail "the program is still installed"
[[ -f "$DATA/keep-me.txt" && -f "$DATA/demo.sqlite3" ]] || fail "the uninstaller removed the user's data"
wrun reg query 'HKCU\Software\Classes\.qsx' /ve >/dev/null 2>&1 && fail "the .qsx association is left behind"
find "$START_MENU" -name 'โรงเรียนคุณภาพ.lnk' | grep -q . && fail "the Start-menu shortcut is left behind"
[[ -e "$USERDIR/Desktop/โรงเรียนคุณภาพ.lnk" ]] && fail "the desktop shortcut is left behind"
rm -f "$DATA/keep-me.txt"

((problems == 0)) && echo "installer: ok ($SETUP)"
exit $((problems > 0))
