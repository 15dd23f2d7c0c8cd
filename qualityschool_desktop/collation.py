"""Thai order: how names, districts and offices sort everywhere (lists, reports, commands).

Code-point order puts the leading vowels เ แ โ ใ ไ after every consonant (แม่สอด after อุ้มผาง,
เมืองตาก after สามเงา) and lets a tone mark outrank the letters after it. The rule here is the
Unicode Collation Algorithm as ICU applies it for the Thai locale (CLDR ``th``), which is also
what the window's ``QCollator(QLocale.Thai)`` uses, so a list sorts alike on screen and on paper:

* a leading vowel is read after the consonant it stands before (เมือง as มเือง);
* tone marks, mai taikhu and thanthakhat weigh only when the letters are equal (secondary);
* digits (Thai or Arabic alike) before Thai letters, Thai letters before Latin ones;
* case weighs last (lower case first), then the text itself, so no two texts tie.

PyICU (the reference) has no wheel on PyPI for Windows or Linux, and pythainlp's
``util.collate`` appends the tone mark to the end of the word, so ก่า sorts after กาก there;
hence this small key, checked against ICU (through Qt) in ``tests/ui/test_thai_order_views.py``.

SQLite knows the same order as the collation :data:`COLLATION` on every connection the core
opens (:func:`register`), so queries say ``ORDER BY name COLLATE thai``.
"""

from __future__ import annotations

import re
import sqlite3
import string
import unicodedata
from functools import lru_cache
from typing import Callable, Iterable, TypeVar

COLLATION = "thai"

T = TypeVar("T")

# Marks that weigh only between otherwise equal texts, in ICU's order of them: yamakkan,
# thanthakhat, mai taikhu and the four tone marks.
_MARK_ORDER = "\u0e4e\u0e4c\u0e47\u0e48\u0e49\u0e4a\u0e4b"
_MARKS = frozenset(_MARK_ORDER)
_SECONDARY = {ord(mark): chr(2 + index) for index, mark in enumerate(_MARK_ORDER)}
_LEADING_VOWEL_FIRST = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")
# After the consonants (which keep their code points, ก … ฮ, ฤ after ร and ฦ after ล), the signs
# and vowels in ICU's order, moved just above the Thai block; Thai digits weigh as Arabic ones;
# Latin letters come after every Thai one, case aside.
_SIGNS = "ฯๆํะัาๅำิีึืฺุูเแโใไ"
_PRIMARY = {
    **{ord(sign): 0x0E80 + index for index, sign in enumerate(_SIGNS)},
    **{ord(thai): ord(arabic) for thai, arabic in zip("๐๑๒๓๔๕๖๗๘๙", "0123456789")},
    **{ord(letter): 0x1000 + ord(letter.lower()) for letter in string.ascii_letters},
}
_COMMON = "\x01"  # the secondary weight of a letter that carries no mark


# Keys are asked for again and again while a list sorts (SQLite compares pairs): remember them.
@lru_cache(maxsize=16384)
def thai_key(text: str) -> tuple[str, str, str, str]:
    """The sort key of ``text`` in Thai order: compare keys to compare texts (``sorted(names,
    key=thai_key)``). A tuple of four strings, primary to quaternary (see the module's docstring);
    any ``str`` is accepted, never raises. Source: the Unicode Collation Algorithm (UTS #10) with
    CLDR's Thai tailoring, as ICU implements it."""
    # NFD puts a tone mark typed before a lower vowel after it (คู่ and คู่ are one word).
    reordered = _LEADING_VOWEL_FIRST.sub(r"\2\1", unicodedata.normalize("NFD", text))
    letters = "".join(ch for ch in reordered if ch not in _MARKS)
    primary = letters.replace("\u0e4d\u0e32", "\u0e33").translate(_PRIMARY)  # ํ + า weighs as ำ
    secondary = "".join(ch.translate(_SECONDARY) if ch in _MARKS else _COMMON for ch in reordered)
    tertiary = "".join("\x02" if ch.isupper() else _COMMON for ch in letters)
    return primary, secondary, tertiary, text


def thai_compare(first: str, second: str) -> int:
    """-1, 0 or 1 as ``first`` sorts before, with or after ``second`` in Thai order (0 only for
    equal texts): the comparison SQLite calls for ``COLLATE thai``."""
    a, b = thai_key(first), thai_key(second)
    return (a > b) - (a < b)


def thai_sorted(items: Iterable[T], key: Callable[[T], str] = str, *, reverse: bool = False) -> list[T]:
    """``items`` in Thai order of ``key(item)`` (the item's text by default); a new list."""
    return sorted(items, key=lambda item: thai_key(key(item)), reverse=reverse)


def register(conn: sqlite3.Connection) -> None:
    """Teach ``conn`` the collation :data:`COLLATION` (``ORDER BY name COLLATE thai``). Every
    connection the core opens calls it; a query naming the collation on a connection without it
    fails with "no such collation sequence"."""
    conn.create_collation(COLLATION, thai_compare)
