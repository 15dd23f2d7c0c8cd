# Sourced by check.sh and installer.sh: running Windows programs under Wine. Needs WIN_LOCALE.

# wrun: a Windows program under Wine, std handles as pipes, in the Thai-Windows locale.
wrun() { LC_ALL="$WIN_LOCALE" wine "$@" </dev/null 2> >(cat >&2) | cat; return "${PIPESTATUS[0]}"; }

# winpath PATH: PATH as Windows names it. winepath is a Wine program too: under load it can fail to
# start and print Wine's own "ShellExecuteEx failed: Internal error" where the path should be (seen
# in s34's rehearsal), so a result that is not a Windows path is asked for again, three times at most.
winpath() {
    local out try
    for try in 1 2 3; do
        out="$(winepath -w "$1" 2>/dev/null)"
        if [[ "$out" =~ ^([A-Za-z]:\\|\\\\) ]]; then printf '%s\n' "$out"; return 0; fi
        sleep 2
    done
    echo "winpath: winepath -w $1 gave: $out" >&2
    printf '%s\n' "$out"
    return 1
}
