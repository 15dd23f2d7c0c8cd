"""check.sh: the two ``schools --json`` files show the same schools and rounds (exit status 1 if not).

    python3 same_schools.py A.json B.json
"""

import json
import sys


def rounds(path: str) -> list[tuple[object, ...]]:
    schools = json.load(open(path, encoding="utf-8"))["schools"]
    return [
        (s["code"], s["name"], tuple((a["fiscal_year"], a["round"], a["score"], a["answered"]) for a in s["assessments"]))
        for s in schools
    ]


a, b = rounds(sys.argv[1]), rounds(sys.argv[2])
if not a or a != b:
    print(f"differ:\n  {a}\n  {b}", file=sys.stderr)
    sys.exit(1)
print(f"same: {len(a)} school(s), {sum(len(s[2]) for s in a)} round(s)")
