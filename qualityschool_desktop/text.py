"""Text as people type and paste it, cleaned once where it enters the core.

:func:`clean_text` is applied by the core's write paths to everything a person types, pastes or
imports (answers, schools, rounds, visits, follow-ups, network schools, the office's texts), so what
is stored prints, copies out and exports right. It does two things:

*Control characters.* U+0000–U+001F, U+007F and U+0080–U+009F are removed, except that tab and
newline stay, and that the characters which mean a line break become one: CR LF and a lone CR,
vertical tab (U+000B: Word's manual line break, which comes along when text is pasted from Word),
form feed, NEL, and U+2028/U+2029 become "\\n" in multi-line text; in one-line text (names) every line
break and tab becomes a space. So "โรงเรียน\\x0bบ้านตาก" is never two words glued together, and
no spreadsheet writer meets a character XML cannot hold. Zero-width space, zero-width non-joiner
and the byte-order mark (U+200B, U+200C, U+FEFF) are removed too: the fonts have no glyph for them;
so are the other invisible characters text copied out of PDFs carries (U+00AD, U+200D–U+200F,
U+2060, the bidi controls U+202A–U+202E and U+2066–U+2069) and what XML cannot hold (lone
surrogates, non-characters such as U+FFFE). Full-width ASCII (U+FF01–U+FF5E) becomes ASCII.
:func:`clean_field` is the same cleaning for what a parser reads (a date, a time, a code, a number).

*Thai typed in a wrong but common order.* The same rules as pythainlp 5.4's ``normalize`` (its
``remove_zw``, ``remove_spaces_before_marks``, ``remove_repeat_vowels`` with ``reorder_vowels``, and
``remove_dangling``), written out here so that saving a keystroke never loads pythainlp, with two
differences: runs of spaces and blank lines are kept as typed (``normalize`` collapses them and strips
the text, which would eat the space just typed, since answers are saved on every keystroke), a
mark left dangling at the start of a *line* is dropped as at the start of the text, and sara am
after spaces is never left alone (rule 5; ``normalize`` keeps it). In order:

1. a space between a consonant (not itself after a vowel) and a mark is dropped: "พ ุ่ม" → "พุ่ม";
2. เ เ → แ; a tone mark or ์ before an upper or lower vowel goes after it: "ก่ิ" → "กิ่";
   nikhahit (+ tone marks) + sara aa → (tone marks +) sara am: "ด\\u0e4d\\u0e32" → "ดำ",
   "น\\u0e4d\\u0e49\\u0e32" → "น้ำ"; a tone mark after a following vowel goes before it:
   "น\\u0e33\\u0e49" (ำ then ้) → "น้ำ"; ๅ not after ฤ/ฦ → า;
3. a vowel or sign typed twice (spaces between included) is kept once: "ดีีี" → "ดี";
4. tone marks typed in a row: the last one stays ("ก่้า" → "ก้า");
5. sara am after spaces joins the consonant before them: "สีด ํา" → "สีดำ" (it never stands alone:
   it printed on a dotted circle); otherwise it is dropped, as
6. a mark at the start of the text or of a line, or after spaces, is: "คำ ่ที่" → "คำ ที่".

The rules run until nothing changes, so ``clean_text(clean_text(x)) == clean_text(x)``.
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

__all__ = ["clean_field", "clean_text", "strip_control_characters"]

# -- control characters ------------------------------------------------------------------------------
# The expressions are written here and compiled when text is first cleaned (_patterns below).
_LINE_BREAKS = "\r\n|[\r\x0b\x0c\x85\u2028\u2029]"
_CONTROLS = "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\u200c\ufeff]"
# Invisible characters text copied out of PDFs and web pages carries (soft hyphen, zero-width joiner,
# LRM/RLM, word joiner, the bidirectional embeddings, overrides and isolates), and what XML cannot
# hold (lone surrogates, U+FFFE/U+FFFF and the other non-characters): an XLSX or DOCX writer refuses
# them ("All strings must be XML compatible").
_INVISIBLE = (
    "[\u00ad\u061c\u200d-\u200f\u202a-\u202e\u2060\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
    + "|[" + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17)) + "]")
# Full-width ASCII (U+FF01–U+FF5E, a Thai or Japanese keyboard's "＝", "１") as ASCII; not NFKC,
# which would also split sara am into nikhahit + sara aa.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}

# -- Thai (the character classes of pythainlp 5.4) ---------------------------------------------------
_CONSONANTS = "\u0e01-\u0e23\u0e25\u0e27-\u0e2e"  # ก–ร ล ว–ฮ (regex ranges)
_VOWELS = "\u0e24\u0e26\u0e30-\u0e39\u0e40-\u0e45\u0e47\u0e4d"  # ฤ ฦ ะ–ู เ–ๅ ็ ํ (regex ranges)
_ABOVE = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e4d\u0e47"  # ั ิ ี ึ ื ํ ็
_BELOW = "\u0e38\u0e39"  # ุ ู
_FOLLOW = "\u0e30\u0e32\u0e33\u0e45"  # ะ า ำ ๅ
_LEAD = "\u0e40\u0e41\u0e42\u0e43\u0e44"  # เ แ โ ใ ไ
_TONES = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
_DANGLING = _ABOVE + _BELOW + _TONES + "\u0e3a\u0e4c\u0e4d\u0e4e"  # + ฺ ์ ํ ๎

_SPACE_BEFORE_MARK = f"([{_CONSONANTS}])(?<![{_VOWELS}][{_CONSONANTS}]) ([{_DANGLING}])"
_REORDER = (
    ("\u0e40\u0e40", "\u0e41"),
    (f"([{_TONES}\u0e4c]+)([{_ABOVE}{_BELOW}]+)", r"\2\1"),
    (f"\u0e4d([{_TONES}]*)\u0e32", "\\1\u0e33"),
    (f"([{_FOLLOW}]+)([{_TONES}]+)", r"\2\1"),
    ("([^\u0e24\u0e26])\u0e45", "\\1\u0e32"),
)
_NO_REPEAT = tuple(
    (f"({re.escape(char)}[ ]*)+{re.escape(char)}", char)
    for char in _FOLLOW + _LEAD + _ABOVE + _BELOW + "\u0e3a\u0e4c\u0e4d\u0e4e"
)
_TONE_RUN = f"[{_TONES}]+"
# Sara am (one character, or ํ + า made one above) after a stray space joins the consonant before it.
# (Not a consonant after a lead vowel: "ไป ํา" cannot be "ไปำ".)
_SPACE_BEFORE_AM = f"(?<![{_LEAD}])([{_CONSONANTS}])[ ]+\u0e33"
_DANGLING_AT_LINE_START = f"(^|\n)[{_DANGLING}\u0e33]+"
_DANGLING_AFTER_SPACE = f"([ \t]+)[{_DANGLING}\u0e33]+"
# What a terminal acts on rather than shows: C0 and C1 controls (ESC starts a sequence that clears
# the screen or hides the text after it; CSI U+009B does alone), DEL, the Unicode line and paragraph
# separators and the bidirectional overrides and isolates (which reorder what follows them).
_TERMINAL_CONTROLS = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"


# Named in a call, with types as objects: the class syntax's annotations are text here (``from __future__
# import annotations``) and typing compiles each one when the class is made, at import (issue 16: "ready").
_Pattern = re.Pattern[str]
_Patterns = NamedTuple("_Patterns", [
    ("line_breaks", _Pattern), ("controls", _Pattern), ("invisible", _Pattern), ("terminal_controls", _Pattern),
    ("space_before_mark", _Pattern), ("reorder", tuple[tuple[_Pattern, str], ...]), ("space_before_am", _Pattern),
    ("no_repeat", tuple[tuple[_Pattern, str], ...]), ("tone_run", _Pattern), ("dangling_at_line_start", _Pattern),
    ("dangling_after_space", _Pattern),
])


@functools.cache
def _patterns() -> _Patterns:
    # Compiled on first use, not at import: ~5–9 ms of CPU (their large Thai character classes) that
    # the window's start does not need before its first page (issue 16).
    return _Patterns(
        re.compile(_LINE_BREAKS), re.compile(_CONTROLS), re.compile(_INVISIBLE), re.compile(_TERMINAL_CONTROLS),
        re.compile(_SPACE_BEFORE_MARK), tuple((re.compile(source), to) for source, to in _REORDER),
        re.compile(_SPACE_BEFORE_AM), tuple((re.compile(source), char) for source, char in _NO_REPEAT),
        re.compile(_TONE_RUN), re.compile(_DANGLING_AT_LINE_START), re.compile(_DANGLING_AFTER_SPACE),
    )


def strip_control_characters(value: str, *, multiline: bool = True) -> str:
    """``value`` without control characters: line breaks of every kind as "\\n" (as a space when
    not ``multiline``, tabs too), everything else of U+0000–U+001F, U+007F–U+009F, the
    zero-width U+200B–U+200F, U+2060, U+FEFF, the soft hyphen, the bidirectional controls
    (U+202A–U+202E, U+2066–U+2069, the Arabic letter mark U+061C, which the window puts in wrapped
    Thai-digit dates: ui/common/wrapping.py), lone surrogates and non-characters (U+FFFE, U+FFFF, …)
    removed. What the XLSX and DOCX writers apply to text an older version stored, so they never
    meet a character XML cannot hold."""
    patterns = _patterns()
    text = patterns.line_breaks.sub("\n", value)
    text = patterns.invisible.sub("", patterns.controls.sub("", text))
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    return text


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(match.group()) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def for_terminal(value: object, *, multiline: bool = False) -> str:
    """``value`` as text a terminal shows as it is: every control character written as its escape
    (ESC as ``\\x1b``, a line break as ``\\n``, a right-to-left override as ``\\u202e``), so text
    from a file (its name, a signer's name) can neither clear the screen, hide or reorder what
    follows, nor start a line that looks like the program's own (issue 10 finding #13). With
    ``multiline``, ``"\\n"`` and tabs stay (for the program's own messages, which hold the foreign
    text already escaped)."""
    text = str(value)
    controls = _patterns().terminal_controls
    if multiline:
        return controls.sub(lambda m: m.group() if m.group() in "\n\t" else _escaped(m), text)
    return controls.sub(_escaped, text)


def _thai_order(text: str) -> str:
    patterns = _patterns()
    text = patterns.space_before_mark.sub(r"\1\2", text)
    for pattern, replacement in patterns.reorder:
        text = pattern.sub(replacement, text)
    text = patterns.space_before_am.sub("\\1\u0e33", text)
    for pattern, char in patterns.no_repeat:
        text = pattern.sub(char, text)
    text = patterns.tone_run.sub(lambda match: match.group(0)[-1], text)
    text = patterns.dangling_at_line_start.sub(r"\1", text)
    return patterns.dangling_after_space.sub(r"\1", text)


def clean_text(value: Any, *, multiline: bool = True) -> str:
    """``value`` (``None`` is "") as a string without control characters and with Thai marks in
    their standard order — see the module's description for the exact rules. ``multiline=False``
    for one-line fields (names, codes): line breaks and tabs become spaces. Invisible characters
    and those XML cannot hold are dropped, full-width ASCII ("＝", "１") becomes ASCII. Leading and
    trailing spaces are left to the caller. Idempotent."""
    text = strip_control_characters("" if value is None else str(value), multiline=multiline)
    text = text.translate(_FULL_WIDTH)
    for _ in range(8):  # each pass can only shorten or reorder; two are nearly always enough
        cleaned = _thai_order(text)
        if cleaned == text:
            break
        text = cleaned
    return text


def clean_field(value: Any) -> str:
    """What a parser reads from a one-line field (a date, a time, a school code, a number):
    ``value`` (``None`` is "") as :func:`clean_text` makes one-line text — invisible characters
    a paste brings along (zero-width space, word joiner, LRM, …) dropped, full-width ASCII as
    ASCII — and trimmed. So "10/10/2561" pasted with a zero-width space reads as the date it shows
    (issue 11, tester 11b finding 4)."""
    return clean_text(value, multiline=False).strip()
