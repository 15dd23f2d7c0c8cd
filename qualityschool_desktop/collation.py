"""Thai order: how names, districts and offices sort everywhere (lists, reports, commands).

Code-point order puts the leading vowels เ แ โ ใ ไ after every consonant (แม่สอด after อุ้มผาง,
เมืองตาก after สามเงา) and lets a tone mark outrank the letters after it. The rule here is the
Unicode Collation Algorithm as ICU applies it for the Thai locale (CLDR ``th``), which is also
what the window's ``QCollator(QLocale.Thai)`` uses, so a list sorts alike on screen and on paper:

* a leading vowel is read after the consonant it stands before (เมือง as มเือง);
* tone marks, mai taikhu and thanthakhat weigh only when the letters are equal (secondary);
* spaces, punctuation and symbols (ฯ and ๆ among them, as ICU has them) before digits, digits
  (Thai or Arabic alike) before Thai letters, Thai letters before Latin ones;
* ำ weighs as า followed by ํ; typed as ํ + า (as PDFs give it) it weighs as ำ, just before it
  (ํ + ๅ just after it);
  ๅ weighs as า, just after it;
* controls and zero-width characters weigh nothing;
* case weighs last (lower case first), then the text itself, so no two texts tie.

No library gives CLDR's Thai order on both Windows and Linux from PyPI wheels (checked for this
rule): PyICU needs a compiler, icupy and icukit-pyicu have no wheels for our Python, icu4py (ICU
bundled) has no collator, pyuca and feruca know only the root order (DUCET), and pythainlp's
``util.collate`` appends the tone mark to the end of the word (ก่า after กาก). Hence this small
key, checked against ICU (Qt's QCollator on Linux) in ``tests/ui/test_thai_order_views.py``.

SQLite knows the same order as the collation :data:`COLLATION` on every connection the core
opens (:func:`register`), so queries say ``ORDER BY name COLLATE thai``.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from functools import lru_cache
from typing import Callable, Iterable, TypeVar

from .thai import office_name

COLLATION = "thai"

T = TypeVar("T")

# Marks that weigh only between otherwise equal texts, in ICU's order of them: yamakkan,
# thanthakhat, mai taikhu and the four tone marks.
_MARK_ORDER = "\u0e4e\u0e4c\u0e47\u0e48\u0e49\u0e4a\u0e4b"
_LEADING_VOWEL_FIRST = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")
_NIKHAHIT_AA = "\u0e4d\u0e32"  # sara am typed (or copied out of a PDF) as two characters
_NIKHAHIT_PAIR = re.compile("(\u0e4d[\u0e32\u0e45])")  # ํ + า or ํ + ๅ: both weigh as ำ
# Spaces, punctuation and symbols in ICU's order (CLDR root, which the Thai rules keep): they sort
# before digits, and ฯ ๆ ๏ ๚ ๛ are among them, not letters. The characters of one string weigh as
# one, told apart only by case's level (' before ‘ and ’). Listed from ICU 73 (Qt's) by a test's oracle.
_PUNCTUATION = (
    '\t', '\n', '\x0b', '\x0c', '\r', '\u2028', '\u2029', ' ', '_', '-', '‐', '‒', '–', '—',
    '―', '⁓', ',', ';', '⁏', ':', '!', '¡', '?', '¿', '‽', '.', '·', '⁕', '⁖', '⁘', '⁙', '⁚',
    '⁛', '⁜', '⁝', '⁞', "'‘’‚‛", '‹', '›', '"“”„‟', '«', '»', '(', ')', '[', ']', '{', '}', '⁅',
    '⁆', '‖', '§', '¶', '⁋', '@', '*', '⁎', '⁑', '/', '\\', '&', '⁊', '#', '%', '‰', '‱', '†',
    '‡', '•', '‣', '‧', '⁃', '⁌', '⁍', '′', '‵', '‸', '※', '‿', '⁔', '⁀', '⁐', '⁁', '⁂', '๏',
    'ฯ', '๚', '๛', 'ๆ', '`', '^', '°', '©', '®', '+', '±', '÷', '×', '<', '=', '>', '¬', '|',
    '¦', '~', '⁒', '⁄',
)
_CURRENCY = (
    '¤', '¢', '$', '£', '¥', '฿', '₠', '₡', '₢', '₣', '₤', '₥', '₦', '₧', '₩', '₪', '₫', '€',
    '₭', '₮', '₯', '₰', '₱', '₲', '₳', '₴', '₵', '₶', '₷', '₸', '₹', '₺', '₻', '₼', '₽', '₾',
    '₿', '⃀',
)
_OTHER_SYMBOL, _OTHER_CURRENCY, _DIGITS = 0x0800, 0x0900, 0x0A00
_THAI_CONSONANTS, _THAI_SIGNS, _LATIN, _OTHER = 0x0B00, 0x0B80, 0x0C00, 0x1000
# After the consonants (ก … ฮ, ฤ after ร and ฦ after ล), nikhahit, the vowels and phinthu.
_SIGNS = "\u0e4dะัาิีึืุูเแโใไ\u0e3a"
_SARA_AA, _LAKKHANGYAO, _SARA_AM = "\u0e32", "\u0e45", "\u0e33"
_COMMON = "\x01"  # the secondary/tertiary weight of a letter that carries no mark, in lower case
_VARIANT = "\x02"  # the tertiary weight of upper case, of ๅ beside า and of ำ beside ํ + า
_HEAVIER = "\x03"  # ํ + ๅ beside ำ


# character → (rank of its group, place in the group)
_SYMBOL_RANK = {ch: (rank, place) for rank, group in enumerate(_PUNCTUATION + _CURRENCY)
                for place, ch in enumerate(group)}


@lru_cache(maxsize=4096)
def _weights(ch: str) -> tuple[str, str, str]:
    """(primary, secondary, tertiary) weights of one character of NFD text; '' where it has none."""
    if ch in _MARK_ORDER:
        return "", chr(2 + _MARK_ORDER.index(ch)), ""
    if ch == _LAKKHANGYAO:
        return _weights(_SARA_AA)[0], _COMMON, _VARIANT
    if ch == _SARA_AM:  # ICU weighs ำ as า followed by ํ: กาก before กำ before กิ
        return _weights(_SARA_AA)[0] + _weights(_NIKHAHIT_AA[0])[0], _COMMON * 2, _VARIANT * 2
    compatible = unicodedata.normalize("NFKD", ch)
    if compatible != ch and len(compatible) == 1:  # no-break and wide spaces, full-width forms
        base, secondary, _ = _weights(compatible)
        return base, secondary, _VARIANT if base else ""
    category = unicodedata.category(ch)
    if ch in _SYMBOL_RANK:
        rank, place = _SYMBOL_RANK[ch]
        return chr(0x100 + rank), _COMMON, chr(1 + place)
    if category in ("Cc", "Cf", "Cs", "Co", "Cn") and ch not in _SIGNS:
        return "", "", ""  # ICU ignores controls, zero-width spaces, soft hyphens
    if category in ("Mn", "Me") and not "\u0e00" <= ch <= "\u0e7f":
        return "", chr(0x1000 + ord(ch) % 0xF000), ""  # an accent weighs as a tone mark does
    tertiary = _VARIANT if ch.isupper() else _COMMON
    if "\u0e01" <= ch <= "\u0e2e":
        primary = _THAI_CONSONANTS + ord(ch) - 0x0E00
    elif ch in _SIGNS:
        primary = _THAI_SIGNS + _SIGNS.index(ch)
    elif category == "Nd":
        primary = _DIGITS + unicodedata.digit(ch)  # Thai digits weigh as Arabic ones
    elif ch.isascii() and ch.isalpha():
        primary = _LATIN + ord(ch.lower())
    elif category[0] in "PSZ":
        primary = _OTHER_CURRENCY if category == "Sc" else _OTHER_SYMBOL
    else:
        primary = min(_OTHER + ord(ch), 0x10FFFF)
    return chr(primary), _COMMON, tertiary


# Keys are asked for again and again while a list sorts (SQLite compares pairs): remember them.
@lru_cache(maxsize=16384)
def thai_key(text: str) -> tuple[str, str, str, str]:
    """The sort key of ``text`` in Thai order: compare keys to compare texts (``sorted(names,
    key=thai_key)``). A tuple of four strings, primary to quaternary (see the module's docstring);
    any ``str`` is accepted, never raises. Source: the Unicode Collation Algorithm (UTS #10) with
    CLDR's Thai tailoring, as ICU implements it."""
    # NFD puts a tone mark typed before a lower vowel after it (คู่ and คู่ are one word).
    reordered = _LEADING_VOWEL_FIRST.sub(r"\2\1", unicodedata.normalize("NFD", text))
    # ํ + า weighs as ำ does, one step lighter; ํ + ๅ one step heavier (ICU's contractions).
    parts = _NIKHAHIT_PAIR.split(reordered)
    primary: list[str] = []
    secondary: list[str] = []
    tertiary: list[str] = []
    for index, part in enumerate(parts):
        if index % 2:
            primary.append(_weights(_SARA_AM)[0])
            secondary.append(_COMMON * 2)
            tertiary.append((_COMMON if part == _NIKHAHIT_AA else _HEAVIER) * 2)
            continue
        for ch in part:
            p, s, t = _weights(ch)
            primary.append(p)
            secondary.append(s)
            tertiary.append(t)
    return "".join(primary), "".join(secondary), "".join(tertiary), text


def thai_compare(first: str, second: str) -> int:
    """-1, 0 or 1 as ``first`` sorts before, with or after ``second`` in Thai order (0 only for
    equal texts): the comparison SQLite calls for ``COLLATE thai``."""
    a, b = thai_key(first), thai_key(second)
    return (a > b) - (a < b)


def thai_sorted(items: Iterable[T], key: Callable[[T], str] = str, *, reverse: bool = False) -> list[T]:
    """``items`` in Thai order of ``key(item)`` (the item's text by default); a new list."""
    return sorted(items, key=lambda item: thai_key(key(item)), reverse=reverse)


def register(conn: sqlite3.Connection) -> None:
    """Teach ``conn`` the collation :data:`COLLATION` (``ORDER BY name COLLATE thai``) and the
    function ``office_name(text)`` (:func:`~.thai.office_name`, for names stored before offices
    were stored with Arabic digits). Every
    connection the core opens calls it; a query naming the collation on a connection without it
    fails with "no such collation sequence"."""
    conn.create_collation(COLLATION, thai_compare)
    # office_name(area_office): a stored office name as compared (:func:`~.thai.office_name`)
    conn.create_function("office_name", 1, lambda value: None if value is None else office_name(value),
                         deterministic=True)
