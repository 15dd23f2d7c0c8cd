"""Where a Thai line may break.

Thai writes no spaces between words, so break points come from word segmentation (pythainlp's
``newmm`` with its dictionary, whitespace kept). The raw tokens are then glued where a break would
look wrong to a Thai reader: before ๆ and ฯ, before closing punctuation, after opening punctuation,
and inside Latin words, numbers (in Thai digits as in Arabic), e-mail addresses, abbreviations
(พ.ศ.๒๕๖๙, สพป.ตาก) and the like. The result is a tuple of *units*: unbreakable runs of text, and
runs of real whitespace between which a line may break.

A break never lands inside a character cluster, whatever the segmenter returned: never before a
combining mark (Thai vowels above and below, tone marks, ์ ํ ๎ …: Unicode category M) nor before a
following vowel (ะ า ำ ๅ, which never begin a syllable: so not between nikhahit and sara aa, the
two-character sara am that text copied out of PDFs carries), and never after a leading vowel
(เ แ โ ใ ไ). Such a token is glued to the word before it, even across whitespace typed by mistake
("ก ่า"): a line starting with a lone mark is always wrong, a missing break never is.

A unit wider than a whole line (a file name, a long compound) must be cut: :func:`cut_points` says
where — between syllables, after / _ - \\ and before a file extension's dot, else only between
character clusters.

Segmentation is cached per text: reports print the same checklist texts again and again, and the
first call pays pythainlp's dictionary load (about half a second) which must never happen on the
application's start-up path — hence the lazy imports.
"""

from __future__ import annotations

import functools
import gc
import re
import threading
import unicodedata

from typing import TYPE_CHECKING

from ..thai_words import COMPOUNDS, SEGMENTED_WHOLE
from .cache import text_cache

if TYPE_CHECKING:
    from pythainlp.util import Trie

# No line may begin with these: they belong to the word before them.
_NO_BREAK_BEFORE = frozenset("ๆฯ)]}”’»,.:;!?%…/-–—_'\"")
# Glued to the word before them even across a space: ต่าง ๆ, "กำหนด : …", "( … )".
_STICKY_AFTER_SPACE = frozenset("ๆฯ:;)]}”’»,!?%…")
# No line may end with these: they belong to the word after them (leading vowels: to their consonant).
_NO_BREAK_AFTER = frozenset("([{“‘«เแโใไ")
# Amounts in Thai words (bahttext): a digit word stays with the magnitude after it (เก้า|ร้อย read
# as two numbers when a line breaks there), and tens with their unit (หกสิบ|เจ็ด); a line may break
# between the groups (ห้าพัน เก้าร้อย บาท). TEST14 s24 F3.
_DIGIT_WORDS = ("หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า", "ยี่")
_MAGNITUDE_WORDS = ("สิบ", "ร้อย", "พัน", "หมื่น", "แสน", "ล้าน")
_DIGIT_TOKENS = frozenset(_DIGIT_WORDS + ("เอ็ด",))


def _number_words_glue(last_token: str, token: str) -> bool:
    """Whether ``last_token`` and ``token`` are one number group in Thai words."""
    return ((last_token in _DIGIT_TOKENS and token.startswith(_MAGNITUDE_WORDS))
            or (last_token.endswith("สิบ") and token.startswith(_DIGIT_WORDS + ("เอ็ด",))))
# Following vowels: ะ า ำ ๅ. With the combining marks, the characters that never begin a cluster.
_FOLLOW_VOWELS = frozenset("\u0e30\u0e32\u0e33\u0e45")
_THAI_FIRST, _THAI_LAST = "\u0e00", "\u0e7f"
_THAI_DIGIT_FIRST, _THAI_DIGIT_LAST = "\u0e50", "\u0e59"
# A dot right after Thai letters: newmm takes the letter before it for an abbreviation and tears it
# off its word (อาคาร.pdf → อา|คา|ร.|pdf, สพป.ตาก → ส|พป.|ตาก), so it never sees the two together.
_BEFORE_DOT_AFTER_THAI = re.compile(r"(?<=[\u0e01-\u0e4f])(?=\.)")
# Thai letters and marks (no digits): the runs whose syllables are cut points.
_THAI_RUN = re.compile(r"[\u0e01-\u0e4f]+")
# A long string may be cut after these (paths, file names, phone numbers, compounds).
_CUT_AFTER = frozenset("/\\_-–")


def _is_thai(char: str) -> bool:
    return _THAI_FIRST <= char <= _THAI_LAST


def inside_cluster(char: str) -> bool:
    """True for a character that continues the cluster before it (a combining mark or a
    following vowel): no line may start with it."""
    return char in _FOLLOW_VOWELS or unicodedata.category(char).startswith("M")


def may_start_line(char: str) -> bool:
    """False for a character glued to the word before it even across a space (a mark, a following
    vowel, ๆ, closing punctuation)."""
    return not (inside_cluster(char) or char in _NO_BREAK_BEFORE)


def _is_thai_letter(char: str) -> bool:
    return "\u0e01" <= char <= "\u0e4f"


def _is_latin_like(char: str) -> bool:
    """Letters, digits and the punctuation that holds Latin words together (O-NET, 45.50, a@b.c).
    Thai digits (U+0E50-U+0E59) count as digits: ๒๓/๑๑/๒๕๖๙ stays whole as 23/11/2569 does."""
    return not char.isspace() and (not _is_thai(char) or _THAI_DIGIT_FIRST <= char <= _THAI_DIGIT_LAST)


def _raw_tokens(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    tokens: list[str] = []
    for chunk in _BEFORE_DOT_AFTER_THAI.split(text):
        if chunk:
            # Not pythainlp's re-joining of numbers (1 , 234 . 5 → 1,234.5): its pattern
            # (\d+[.,:])+\d+ backtracks from every digit of a run with no separator in it (200,000
            # digits: minutes), and _glued joins those pieces anyway (digits and . , : meet).
            tokens.extend(word_tokenize(chunk, engine="newmm", keep_whitespace=True, join_broken_num=False,
                                        custom_dict=_trie()))
    return _resplit(tokens)


@functools.lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """pythainlp's words and the programme's compounds (:mod:`..thai_words`), which its dictionary
    lacks or newmm would split (TEST32b B5 "ทุกกลุ่ม / สาระ", B16 "ค่า / ฐาน", s33 V1 "เบิก / จ่ายจริง")."""
    from pythainlp.corpus import thai_words

    return thai_words() | COMPOUNDS | SEGMENTED_WHOLE


@functools.lru_cache(maxsize=1)
def _trie() -> "Trie":
    """The tokenizer's trie of :func:`_dictionary`, built once (in place of pythainlp's default
    trie, which is then never built: the same cost)."""
    from pythainlp.util import Trie

    return Trie(_dictionary())


def _resplit(tokens: list[str]) -> list[str]:
    """Two readings with as many words are alike to newmm, which may take the wrong one: จากรอบที่ ๑
    as จา|กรอบ|ที่ (a frame; pdf32 tore รอบ from its number), ในโครงการตาม as ใน|โครง|การตาม
    (TEST32b B5: "โครง / การ" at a line end). Where the first word can grow into the second and both
    are still words, the longer first word is taken (longest matching, as a Thai reader reads).
    The programme's own compounds are in the dictionary (:func:`_dictionary`)."""
    words = _dictionary()
    for index in range(len(tokens) - 1):
        first, second = tokens[index], tokens[index + 1]
        if not (first in words and second in words and _is_thai_letter(second[0])):
            continue
        for cut in range(len(second) - 2, 0, -1):  # what is left of the second: two letters or more
            grown, rest = first + second[:cut], second[cut:]
            if grown in words and rest in words and may_start_line(rest[0]):
                tokens[index], tokens[index + 1] = grown, rest
                break
    return tokens


def _glued(tokens: list[str]) -> list[str]:
    # Each unit as the list of its tokens, joined at the end: adding a token to a unit by string
    # concatenation copied the unit every time (quadratic for a run of 100,000 tokens glued whole).
    units: list[list[str]] = []
    for token in tokens:
        if not units:
            units.append([token])
            continue
        previous = units[-1]
        # A whitespace unit is always a single token: whitespace is only ever glued into a word.
        previous_space = len(previous) == 1 and previous[0].isspace()
        if token.isspace() or previous_space:
            # A space before ๆ is the Thai way of writing it (ต่าง ๆ); it still may not start a line.
            # Nor may a mark or vowel that a stray space cut off from its consonant ("ก ่า").
            # So may a colon or a closing bracket typed after a space ("ที่สถานศึกษากำหนด : นักเรียน…",
            # the official descriptors: TEST32b B3 printed a line starting with ":").
            sticky = not token.isspace() and (token[0] in _STICKY_AFTER_SPACE or inside_cluster(token[0]))
            if sticky and previous_space and len(units) >= 2 and not _is_space_unit(units[-2]):
                units.pop()
                units[-1] += [previous[0], token]
            else:
                units.append([token])
            continue
        first, last = token[0], previous[-1][-1]
        tail = previous[-1][-2:] if len(previous[-1]) >= 2 or len(previous) == 1 else previous[-2][-1] + last
        glue = (
            inside_cluster(first)
            or first in _NO_BREAK_BEFORE
            or last in _NO_BREAK_AFTER
            or (_is_latin_like(first) and _is_latin_like(last))
            or _number_words_glue(previous[-1], token)
            # An abbreviation's dot and the Thai letters right after it (พ.ศ., ม.ค., สพป.ตาก);
            # an ellipsis may end a line.
            or (last == "." and tail != ".." and _is_thai_letter(first))
        )
        if glue:
            previous.append(token)
        else:
            units.append([token])
    # Whitespace that pythainlp returned inside a word (newmm keeps "ต่าง ๆ" whole) stays inside it.
    return ["".join(unit) for unit in units]


def _is_space_unit(unit: list[str]) -> bool:
    return len(unit) == 1 and unit[0].isspace()


# Caches bounded by characters (a segmentation costs memory in proportion to its text): room for the
# texts of a few reports; a word long enough to need cutting into many lines is not worth keeping.
@text_cache(characters=1_000_000, longest=100_000)
def units(text: str) -> tuple[str, ...]:
    """``text`` cut into unbreakable units and whitespace runs; ``"".join`` gives ``text`` back.

    A newline is its own unit (a forced line break)."""
    out: list[str] = []
    for index, line in enumerate(text.split("\n")):
        if index:
            out.append("\n")
        if line:
            out.extend(_glued(_raw_tokens(line)))
    return tuple(_numbers_with_words(_dates_whole(_split_whitespace(out))))


_MONTHS = frozenset((
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม",
    "พฤศจิกายน", "ธันวาคม", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.",
    "ธ.ค.",
))
_ERAS = frozenset(("พ.ศ.", "ค.ศ."))
# A year may close a bracket or end a clause: "(ประเมินเมื่อ ๒๕ พ.ย. ๒๕๖๙)" (TEST32b B5).
_CLOSING = ")]”’,;:"


def _is_number(unit: str, longest: int) -> bool:
    return 0 < len(unit) <= longest and all(ch in "0123456789๐๑๒๓๔๕๖๗๘๙" for ch in unit)


def _dates_whole(units_: list[str]) -> list[str]:
    """A date stays on one line as a number does: "๓๐ ก.ย. ๒๕๗๑", "1 มกราคม", "พ.ศ. ๒๕๗๐" are one unit
    each (try11a #17: a plan's dates broke between the day and its month). One space between the
    parts only: anything else is left as it was."""
    out: list[str] = []
    for unit in units_:
        if len(out) >= 2 and out[-1] == " " and (
            (unit in _MONTHS and _is_number(out[-2], 2))
            or (_is_number(unit.rstrip(_CLOSING), 4) and (out[-2] in _ERAS or out[-2] in _MONTHS
                                          or out[-2].endswith(tuple(" " + m for m in _MONTHS))))
        ):
            out.pop()
            out[-1] += " " + unit
        else:
            out.append(unit)
    return out


# A number stays on the line of the word it belongs to (pdf32: "รอบที่ | ๑)" in the summary's table).
# Words a number follows as their ordinal or value: รอบที่ ๑, ร้อยละ ๘๐, ข้อ ๔, ระดับ ๔, ปีงบประมาณ ๒๕๖๙;
# any word ending in ที่ is one (ครั้งที่, ลำดับที่, องค์ประกอบที่ are often two tokens: ครั้ง|ที่).
_NUMBER_LEADS = frozenset((
    "ร้อยละ", "ข้อ", "รอบ", "ระดับ", "เขต", "ครั้ง", "ชั้น", "ปี", "ปีงบประมาณ", "ปีการศึกษา", "ภาคเรียน",
    "องค์ประกอบ", "ตัวชี้วัด", "ประเด็น", "ด้าน", "มาตรฐาน", "หน้า", "ฉบับ", "อันดับ", "ลำดับ", "หมู่",
    "ป.", "ม.", "อ.", "รุ่น", "ห้อง", "ครั้งที่", "เลขที่",
    # a bound and its number: "ดี ≥ ๒.๕๐" (the criteria legend, s33 B15)
    "≥", "≤", ">", "<", "=",
))
# Units and counting words a number comes before: ๑๒,๐๐๐ บาท, ๕ โรงเรียน, ๗๔ ประเด็น, ๘๐ %.
_NUMBER_UNITS = frozenset((
    "บาท", "ล้านบาท", "สตางค์", "คน", "ครั้ง", "โรงเรียน", "ประเด็น", "รายการ", "โครงการ", "กิจกรรม", "กม.",
    "กิโลเมตร", "เมตร", "ไร่", "%", "ปี", "เดือน", "วัน", "สัปดาห์", "ชั่วโมง", "ชม.", "นาที", "น.", "คะแนน",
    "อำเภอ", "หลัง", "ห้อง", "เครื่อง", "ชุด", "แห่ง", "ตัวชี้วัด", "องค์ประกอบ", "ด้าน", "เท่า", "หน่วย",
    "ครอบครัว", "อัตรา", "เล่ม", "ราย", "ท่าน", "กลุ่ม", "หลัก", "ภาคเรียน", "เขต", "ข้อ", "ระดับ", "เป้าหมาย",
))
_DIGITS = "0-9\u0e50-\u0e59"
# A number as a unit holds it: 12,000 / ๓.๖๓ / ๒/๒๕๖๙, a sign or an opening bracket before it.
_PLAIN_NUMBER = re.compile(rf"[(\[“‘]?[+\-−]?[{_DIGITS}]+(?:[.,:/][{_DIGITS}]+)*")
# After a lead word the number may close a bracket or a quote: (… จากรอบที่ ๑). Not a dot: "ข้อ ๒."
# ending a sentence is rare, "… ครู ๒. หลักสูตร" numbering a list is not.
_LED_NUMBER = re.compile(rf"[+\-−]?[{_DIGITS}]+(?:[.,:/][{_DIGITS}]+)*[)\]”’,;]*")


def _is_unit_word(unit: str) -> bool:
    return unit.rstrip(")]”’,;:") in _NUMBER_UNITS


def _numbers_with_words(units_: list[str]) -> list[str]:
    """A number joined with one space to its lead word before it (รอบที่ ๑, ร้อยละ ๘๐) or to its unit
    after it (๑๒,๐๐๐ บาท): one unit each, never broken across lines. A number already joined keeps
    no second word (ระดับ ๔ | ด้าน stays breakable): a chain of words would crowd narrow columns.
    An ordinal ที่ goes with the word it is written onto (ครั้ง|ที่ ๒ becomes ครั้งที่ ๒)."""
    out: list[str] = []
    for unit in units_:
        if len(out) >= 2 and out[-1] == " ":
            lead, number = out[-2], unit
            bare = lead.lstrip("([{“‘")  # (ปีงบประมาณ ๒๕๖๘) as ปีงบประมาณ ๒๕๖๘ (TEST32b B3)
            if (_LED_NUMBER.fullmatch(number) and " " not in lead
                    and (bare in _NUMBER_LEADS or bare.endswith("ที่"))):
                out.pop()
                out[-1] += " " + number
                # The ordinal ที่ and the word it is written onto (no space between them).
                if lead == "ที่" and len(out) >= 2 and not out[-2].isspace() and out[-2] != "\n":
                    last = out.pop()
                    out[-1] += last
                continue
            if _is_unit_word(unit) and _PLAIN_NUMBER.fullmatch(out[-2]):
                out.pop()
                out[-1] += " " + unit
                continue
        out.append(unit)
    return out


def _split_whitespace(tokens: list[str]) -> list[str]:
    """pythainlp may return a mixed token such as "  " or " ๆ" at an edge: keep whitespace-only
    units pure so the breaker can recognise them."""
    result: list[str] = []
    for token in tokens:
        if token == "\n" or not token.isspace() or not result or not result[-1].isspace() or result[-1] == "\n":
            result.append(token)
        else:
            result[-1] += token
    return result


@text_cache(characters=200_000, longest=5_000)
def clusters(word: str) -> tuple[str, ...]:
    """Thai character clusters of ``word``: the only places an over-long word may be cut. A
    piece the tokenizer returns that starts with a mark or a following vowel (its TCC rules split
    nikhahit from sara aa, and a mark typed after a space or digit) joins the cluster before it,
    and a leading vowel joins the cluster after it."""
    return _whole_clusters(_tcc(word))


# pythainlp's TCC matches each cluster against text[p:], a copy of the rest of the text: quadratic
# in a long word. Its patterns match a few characters at most, so a window of the word gives the same
# clusters as the whole word for every cluster that starts well before the window's end; the next
# window starts at the first cluster that does not.
_TCC_WINDOW = 4_096
_TCC_REACH = 64  # more than the longest cluster any of pythainlp's TCC patterns matches


def _tcc(word: str) -> list[str]:
    """pythainlp's Thai character clusters of ``word``, in time linear in its length."""
    from pythainlp.tokenize import subword_tokenize

    pieces: list[str] = []
    start = 0
    while start < len(word):
        window_end = start + _TCC_WINDOW
        found = subword_tokenize(word[start:window_end], engine="tcc")
        if window_end >= len(word):
            pieces.extend(found)
            break
        offset = start
        for piece in found:
            if offset + _TCC_REACH > window_end:
                break
            pieces.append(piece)
            offset += len(piece)
        start = offset
    return pieces


def _whole_clusters(pieces: list[str]) -> tuple[str, ...]:
    merged: list[list[str]] = []  # joined at the end: a cluster of 100,000 marks is no square
    for piece in pieces:
        if merged and (inside_cluster(piece[0]) or merged[-1][-1][-1] in _NO_BREAK_AFTER):
            merged[-1].append(piece)
        else:
            merged.append([piece])
    return tuple("".join(cluster) for cluster in merged)


@text_cache(characters=200_000, longest=5_000)
def cut_points(word: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Where a unit too wide for a whole line may be cut: ``(words, sensible, clusters)``, offsets
    into ``word`` in ascending order. *Words* are the boundaries between the dictionary words a
    compound is made of (เทคโนโลยี|สารสนเทศ: TEST32b B5 printed "สารสน / เทศ") and where Thai letters
    meet other characters, after / \\ _ - – and before the dot of a file extension or domain
    (``.pdf``); *sensible* points add those between Thai syllables (pythainlp's syllable
    dictionary), for a stretch with no word boundary that fits; *clusters* are every boundary
    between character clusters, for a stretch with no sensible point that fits. Every point is a
    cluster boundary: no cut ever lands before a mark."""
    ends: list[int] = []
    offset = 0
    for cluster in clusters(word):
        offset += len(cluster)
        ends.append(offset)
    cluster_ends = set(ends[:-1])
    edges: set[int] = set()
    syllables: set[int] = set()
    inside_words: set[int] = set()
    for match in _THAI_RUN.finditer(word):
        edges.update((match.start(), match.end()))
        position = match.start()
        for syllable in _syllables(match.group()):
            position += len(syllable)
            syllables.add(position)
        inside_words.update(match.start() + point for point in _word_split(match.group()))
    for index, char in enumerate(word):
        if char in _CUT_AFTER:
            edges.add(index + 1)
        elif char == "." and word[index + 1:index + 2].isascii() and word[index + 1:index + 2].isalpha():
            edges.add(index)
    words = (edges | inside_words) & cluster_ends
    sensible = (edges | syllables | inside_words) & cluster_ends
    return tuple(sorted(words)), tuple(sorted(sensible)), tuple(sorted(cluster_ends))


_LONGEST_COMPOUND = 80  # characters: a longer run is no compound worth splitting word by word


def _word_split(run: str) -> list[int]:
    """Offsets inside the Thai ``run`` at which it splits into the fewest dictionary words (two at
    least), on cluster boundaries; none when it does not split into words."""
    if len(run) > _LONGEST_COMPOUND:
        return []
    words = _dictionary()
    points = [0]
    for cluster in clusters(run):
        points.append(points[-1] + len(cluster))
    # best[i]: (fewest words, where the last one starts) for run[:points[i]]
    best: list[tuple[int, int] | None] = [None] * len(points)
    best[0] = (0, 0)
    for end in range(1, len(points)):
        for start in range(end):
            before = best[start]
            if before is None or (start == 0 and end == len(points) - 1):
                continue  # the whole run as one word is what is being split
            found = best[end]
            if run[points[start]:points[end]] in words and (found is None or before[0] + 1 < found[0]):
                best[end] = (before[0] + 1, start)
    cuts: list[int] = []
    step = best[-1]
    while step is not None and step[1] > 0:  # back from the end, word by word
        cuts.append(points[step[1]])
        step = best[step[1]]
    return sorted(cuts)


def _syllables(run: str) -> list[str]:
    from pythainlp.tokenize import subword_tokenize

    return list(subword_tokenize(run, engine="dict"))


def word_boundaries(text: str) -> set[int]:
    """Offsets in ``text`` at which pythainlp's raw segmentation puts a word boundary (for tests
    and checks: every line break must fall on one)."""
    boundaries = {0}
    offset = 0
    for token in _raw_tokens(text):
        offset += len(token)
        boundaries.add(offset)
    return boundaries


_warm_lock = threading.Lock()
_warm = False


def warm_up() -> None:
    """Load pythainlp's dictionary now, once per process (any thread; every report calls it first).

    The garbage collector is off while the dictionary's trie is built and what was loaded is then
    frozen out of it: building ~470,000 small objects with it on costs twice the time (0.48 s →
    0.24 s here), and later full collections over them stalled the window for ~170 ms. Frozen
    objects are still freed by reference counting; only cycles among them are never collected."""
    global _warm
    with _warm_lock:
        if _warm:
            return
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            units("ทดสอบการตัดคำภาษาไทย")
            gc.freeze()
        finally:
            if was_enabled:
                gc.enable()
        _warm = True
