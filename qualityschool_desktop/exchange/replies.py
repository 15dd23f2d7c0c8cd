"""The answers to follow-ups an import brought, named for the supervisor (s35 exch35, TEST34C C9):
after importing a school's reply the notice said only "ใหม่ ๑ รายการ"; the window and the command
line now say "ความคิดเห็นของโรงเรียนต่อข้อตกลง ๑ รายการ" and where to read it."""

from __future__ import annotations

from typing import Any, Callable

# A reply in a file from the school's own key (ImportPreview.sender names schools), else a comment
# on a follow-up another laptop relays (a second supervisor's, …).
OF_SCHOOL = "ความคิดเห็นของโรงเรียนต่อข้อตกลง {count} รายการ"
OTHER = "ความคิดเห็นต่อข้อตกลงติดตามผล {count} รายการ"
CLOSING = "{what}: อ่านและตอบได้ในโปรแกรม ที่ โรงเรียน › รายการติดตามงานทุกโรงเรียน (Ctrl+Shift+F)"


def counted(results: list[Any]) -> tuple[int, int]:
    """(replies in files from a school's key, other comments on follow-ups) the ``results`` brought
    new (``KindCounts.new_on_follow_ups``)."""
    school = other = 0
    for result in results:
        counts = getattr(result, "counts", {}).get("comments")
        found = getattr(counts, "new_on_follow_ups", 0)
        sender = getattr(result, "sender", None)
        if getattr(sender, "schools", ()):
            school += found
        else:
            other += found
    return school, other


def named(results: list[Any], number: Callable[[int], str] = "{:,}".format) -> str:
    """The replies named with their counts ("" when none): :data:`OF_SCHOOL`, :data:`OTHER` or
    both, ``number`` writing a count (Thai digits in the window)."""
    school, other = counted(results)
    said = [OF_SCHOOL.format(count=number(school))] if school else []
    said += [OTHER.format(count=number(other))] if other else []
    return ", ".join(said)


def closing_lines(results: list[Any]) -> list[str]:
    """The command line's last words about the replies a batch brought: what and where to read."""
    what = named(results)
    return [CLOSING.format(what=what)] if what else []
