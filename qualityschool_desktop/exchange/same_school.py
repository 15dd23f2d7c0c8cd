"""An office's signed word that a school it typed is the school's own record ("this is the same
school", issue 10), so that rows others sealed about the typed record can be relayed.

When a person at an office confirms that the school it typed (``typed_id``) is the school in the
school's own file (``school_id``), the append-only rows that named the typed school or its typed
rounds are re-pointed to the school's own ids (``append_only.py``). Rows this office made it seals
again; rows made elsewhere (a supervisor's comment on a round the office typed) keep the seal their
author made, which covers the *typed* ids. So that a relay can forward them unchanged:

* The office signs a **mapping** (``make``): typed school → the school's own id, with the typed
  school's code and each typed round that gave way → the school's own round. It is kept here
  (``installation`` key/value table, ``same_school:<typed id>``: no migration) and travels in the
  ``same_schools.jsonl`` member of files that need it (format 6), unchanged by relays, as the
  schools' own statements do (``statements.py``).
* A re-pointed row of another's travels **in the form its author sealed** (the typed ids): the
  export finds that form by putting the typed ids back (:func:`sealed_forms`) and forwards the
  author's seal with it. The receiver checks the author's seal on that form as if the row came
  straight from the author, then moves it with the mapping (``lineage.Lineage.rewrite``): the row is
  stored under the school's own ids, kept with its author's seal, and forwarded again the same way.
* A copy of a typed round that gave way (its answers, evidence, history), as a laptop that still
  holds it sends it again, is **older** than the school's own round (``merge.Merge._batch``); a
  visit that compared against it is moved with the mapping, as the office moved its own copy.
* A mapping is taken only from the **typer of the record it maps**: where the typed school is
  held here, its signer must own it here (a key bound to it), else the file is refused
  (:data:`NOT_BY_TYPER`); it must name the typed school's code (:data:`OTHER_CODE`). Only such a
  mapping (kept *held*, :attr:`Mapping.held`) makes ids give way, in this file and later ones.
* Where the typed school was never seen, nothing here can tell who typed it: the mapping is believed
  only from a key bound here **before** this file (else :data:`STRANGER` refuses the file, as
  :class:`UnknownSigner`, unless a person vouches for that key and code, :class:`Vouch`:
  ``--same-school`` or the window's tick; another unknown key's mapping is still refused, and two
  unknown keys' mappings of one code refuse the file up front, :class:`MixedSigners`: a vouch names
  one key per code, so no phone call could help);
  it moves only the append-only rows of the file it came in (``lineage.Lineage.rewrite``), never a
  record itself, and is kept only so that those rows can be relayed onward. So a mapping that names another school's real id as "typed" cannot keep that
  school's own file out (try27 F0). ``signers --forget`` drops the mappings its key signed.
* Either way the school and rounds a mapping names must be here or in the file, under the code it
  names (:data:`OTHER_CODE`, :data:`NO_TARGET`) and the school's own (:data:`OTHER_ROUND`); one
  whose signature fails refuses the file. Any other substitution of a sealed row stays what it was:
  a row no seal covers, or another's history vouched for by the relay (refused).

Limit: a key known here may still sign a false mapping of a typed id never seen here onto a school
with the code it names; it moves only the rows of that file (a known office's word, as before), and
being kept, it stands against the typer's true one (refused, naming that key). ``signers --forget``
of that key drops the mapping and takes back the rows it moved (``forgotten.py``), so the true
relay then places them on the right school.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .. import paths
from ..clock import now_iso
from ..thai import Own, Sentence
from ..typed_rounds import KEY, kept_aliases  # noqa: F401 (the exchange reads them here)
from ..typed_rounds import KEY_END as _KEY_END
from ..typed_rounds import kept_line as _kept_line
from ..value_rules import STAMP, CODE10
from . import signing
from .advice import NO_PATH
from .append_only import BY_ROUND, BY_SCHOOL, KEPT_BY_ROUND, KEPT_BY_SCHOOL
from .records import ExchangeError

if TYPE_CHECKING:
    import sqlite3

MEMBER = "same_schools.jsonl"
FORMAT = 6  # the first exchange format that carries the member (package.FORMAT_VERSION)
_DOMAIN = b"qualityschool-same-school-1\n"
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_FIELDS = {"typed_id", "code", "school_id", "rounds", "made_at", "signer_installation", "signer_key", "signature"}
MAX_ROUNDS = 1000
# The columns of others' rows a same-school decision re-points in place (append-only rows, a visit
# and its follow-ups): table -> [(column, "schools" | "assessments")].
REPOINTED: dict[str, list[tuple[str, str]]] = {}
for _table, _column in (*BY_SCHOOL, *KEPT_BY_SCHOOL):
    REPOINTED.setdefault(_table, []).append((_column, "schools"))
for _table, _column in (*BY_ROUND, *KEPT_BY_ROUND):
    REPOINTED.setdefault(_table, []).append((_column, "assessments"))

BROKEN = ("คำยืนยันว่าเป็นโรงเรียนเดียวกันในไฟล์ {source} อ่านไม่ได้หรือลายเซ็นไม่ถูกต้อง ไฟล์นี้อาจถูกแก้ไข"
          " โปรแกรมจะไม่นำเข้าไฟล์นี้")
NOT_BY_TYPER = (
    "ไฟล์ {source} มีคำยืนยันว่าโรงเรียนรหัส {code} ที่พิมพ์ไว้เป็นโรงเรียนเดียวกับข้อมูลของโรงเรียนเอง"
    " แต่ผู้ลงนามคำยืนยันไม่ใช่เจ้าของรายการที่พิมพ์ไว้นั้นในเครื่องนี้ โปรแกรมจะไม่นำเข้าไฟล์นี้\n"
    "• กุญแจที่ลงนามคำยืนยัน: {groups}\n"
    "มีเพียงเครื่องที่พิมพ์รายการนั้นเท่านั้นที่ยืนยันแทนได้"
)
OTHER_CODE = (
    "ไฟล์ {source} มีคำยืนยันว่าโรงเรียนรหัส {code} ที่พิมพ์ไว้เป็นโรงเรียนเดียวกับโรงเรียนรหัส {actual}"
    " ซึ่งรหัสไม่ตรงกัน คำยืนยันนี้อาจถูกแก้ไข โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
OTHER_ROUND = (
    "ไฟล์ {source} มีคำยืนยันว่าโรงเรียนรหัส {code} ที่พิมพ์ไว้เป็นโรงเรียนเดียวกับข้อมูลของโรงเรียนเอง"
    " แต่การประเมินตนเองที่คำยืนยันนี้จับคู่ไว้เป็นของโรงเรียนอื่น คำยืนยันนี้อาจถูกแก้ไข โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
MAPPED = (
    "โรงเรียนรหัส {code} ที่เครื่อง {name} พิมพ์ไว้ เป็นโรงเรียนเดียวกับข้อมูลของโรงเรียนเองในไฟล์ {source}"
    " ตามคำยืนยันที่เครื่องนั้นลงนาม (กุญแจ {groups}) ข้อมูลที่อ้างถึงรายการที่พิมพ์ไว้จึงย้ายไปอยู่กับข้อมูลของโรงเรียน"
)
# Refusals over keys read in short lines, each key once (fx30 B6; see signing.BOUND_ELSEWHERE).
STRANGER = (
    "ไฟล์ {source} มีคำยืนยันว่าโรงเรียนรหัส {code} ที่พิมพ์ไว้ที่อื่นเป็นโรงเรียนเดียวกับข้อมูลของโรงเรียนเอง"
    " ลงนามด้วยกุญแจซึ่งเครื่องนี้ยังไม่รู้จัก โปรแกรมจึงยังไม่นำเข้าไฟล์นี้\n"
    "• กุญแจที่ลงนามคำยืนยัน: {groups}"
)
# Why a person's word is needed (after the keys).
STRANGER_WHY = "\nเครื่องนี้ไม่เคยเห็นรายการที่พิมพ์ไว้นั้น จึงตรวจไม่ได้ว่าผู้ลงนามเป็นผู้พิมพ์รายการนั้นจริง"
# A genuine word forwarded by a third key (test29b B8): the sender has the file and can read the
# signer's groups off it, so the call that checks the key goes to its owner, the office that typed
# the school, not to the sender. FORWARDED_SENDER goes with the keys, FORWARDED after STRANGER_WHY.
FORWARDED_SENDER = "\n• ผู้ส่งไฟล์นี้: “{sender}” (กุญแจ {sender_groups}) ซึ่งไม่ใช่เจ้าของกุญแจที่ลงนามคำยืนยัน"
FORWARDED = (
    "\nผู้ส่งจึงยืนยันกุญแจที่ลงนามแทนไม่ได้: ให้โทรหาสำนักงานที่พิมพ์โรงเรียนรหัส {code} ไว้ (เจ้าของกุญแจนั้น)"
    " ให้อ่านลายนิ้วมือกุญแจ ไม่ใช่ผู้ส่ง"
)
# What the command line adds to STRANGER (a window offers its own tick instead: retest27 N5).
STRANGER_BY_COMMAND = ("\nหากโทรสอบถามผู้ส่งแล้วว่ากุญแจนี้ถูกต้อง ให้นำเข้าอีกครั้งด้วยคำสั่ง"
                       " {command} import --db {db} --same-school {code} {file}")
FORWARDED_BY_COMMAND = ("\nหากสำนักงานนั้นอ่านลายนิ้วมือตรงกับกุญแจที่ลงนามแล้ว ให้นำเข้าอีกครั้งด้วยคำสั่ง"
                        " {command} import --db {db} --same-school {code} {file}")
# Said once (a preview's and an import's warning) when a word about a typed record never seen here
# is taken: what it does, and on whose word (retest27 N7; try27 F1 "the import says nothing").
BELIEVED = (
    "ข้อมูลที่อ้างถึงโรงเรียนรหัส {code} ที่พิมพ์ไว้ที่อื่น (ความคิดเห็น บันทึกการติดต่อ การนิเทศ) จะอยู่กับ"
    " “{name}” ตามคำยืนยันของกุญแจ {groups} เครื่องนี้ไม่เคยเห็นรายการที่พิมพ์ไว้นั้น จึงเชื่อตามผู้ลงนาม"
)
OTHER_KEY = (
    "ไฟล์ {source} มีคำยืนยันว่าโรงเรียนรหัส {code} ที่พิมพ์ไว้ที่อื่นเป็นโรงเรียนเดียวกับข้อมูลของโรงเรียนเอง"
    " ลงนามด้วยกุญแจซึ่งเครื่องนี้ยังไม่รู้จัก และไม่ใช่กุญแจที่ผู้ใช้ยืนยันไว้ โปรแกรมจะไม่นำเข้าไฟล์นี้\n"
    "• กุญแจที่ลงนามคำยืนยัน: {groups}\n"
    "• กุญแจที่ผู้ใช้ยืนยันไว้: {vouched}\n"
    "คำยืนยันนี้อาจถูกเพิ่มโดยผู้ที่ส่งต่อไฟล์ โปรดขอไฟล์ใหม่จากสำนักงานที่พิมพ์ข้อมูลโรงเรียนนั้นโดยตรง"
)
# Two or more keys not known here sign words about one typed code (test28 N7): only the typer's can
# be true and a person's vouch names one key per code, so no phone call lets the file in. {keys}: a
# bullet line per key (MIXED_KEY), the sender's marked (MIXED_SENDER) rather than named twice.
MIXED = (
    "ไฟล์ {source} มีคำยืนยันว่าโรงเรียนรหัส {code} ที่พิมพ์ไว้ที่อื่นเป็นโรงเรียนเดียวกับข้อมูลของโรงเรียนเอง"
    " ลงนามด้วยกุญแจ {count} ดอกที่เครื่องนี้ยังไม่รู้จัก โปรแกรมจะไม่นำเข้าไฟล์นี้{keys}{sender_line}\n"
    "ผู้พิมพ์รายการนั้นมีเพียงผู้เดียว คำยืนยันที่เหลือจึงอาจถูกเพิ่มโดยผู้ที่ส่งต่อไฟล์"
    " การโทรตรวจลายนิ้วมือไม่ช่วยให้นำเข้าไฟล์นี้ได้\n"
    "โปรดขอไฟล์ใหม่จากสำนักงานที่พิมพ์ข้อมูลโรงเรียนนั้นโดยตรง"
)
MIXED_KEY = "\n• กุญแจที่ลงนามคำยืนยัน: {groups}"
MIXED_SENDER = "\n• กุญแจที่ลงนามคำยืนยัน: {groups} (กุญแจของผู้ส่งไฟล์นี้ “{sender}”)"
MIXED_OTHER_SENDER = "\n• ผู้ส่งไฟล์นี้: “{sender}” (กุญแจ {sender_groups})"
NO_TARGET = (
    "ไฟล์ {source} มีคำยืนยันว่าโรงเรียนรหัส {code} ที่พิมพ์ไว้เป็นโรงเรียนเดียวกับข้อมูลของโรงเรียนเอง"
    " แต่ไม่มีข้อมูลของโรงเรียนหรือการประเมินตนเองที่คำยืนยันนี้อ้างถึง ทั้งในไฟล์และในเครื่องนี้"
    " คำยืนยันนี้อาจถูกแก้ไข โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
OTHER_SCHOOL = (
    "ไฟล์ {source} มีคำยืนยันว่าโรงเรียนรหัส {code} ที่พิมพ์ไว้เป็นโรงเรียนอีกรายการหนึ่ง"
    " แต่เครื่องนี้ถือว่ารายการที่พิมพ์ไว้นั้นเป็นโรงเรียนเดียวกับรายการอื่นแล้ว ({earlier}) โปรแกรมจะไม่นำเข้าไฟล์นี้"
)
# The same, when another key's word is held here (``advice.forget_refusal`` puts the way to forget
# it, command or window, at {forget}). The key of the file at hand may be the liar (retest28 R1): the
# sender of THIS file is checked first, and only a false earlier word makes forgetting it right.
HELD_BY_KEY = (
    "ไฟล์ {source} มีคำยืนยันว่าโรงเรียนรหัส {code} ที่พิมพ์ไว้เป็นโรงเรียนอีกรายการหนึ่ง"
    " ซึ่งขัดกับคำยืนยันที่กุญแจอีกดอกหนึ่งลงนามไว้ก่อน โปรแกรมจะไม่นำเข้าไฟล์นี้\n"
    "• กุญแจที่ลงนามคำยืนยันในไฟล์นี้: {new}{relay}\n"
    "• กุญแจที่ลงนามคำยืนยันเดิม: {held}\n"
    "ก่อนอื่นให้ตรวจผู้ส่งไฟล์นี้: โทรถามผู้ส่งให้อ่านลายนิ้วมือกุญแจของเขา"
    " และถามสำนักงานที่พิมพ์โรงเรียนรหัส {code} ไว้ว่ากุญแจของสำนักงานคือดอกใด\n"
    "• หากเป็นกุญแจของคำยืนยันเดิม: คำยืนยันในไฟล์นี้ไม่จริง อย่านำเข้าไฟล์นี้ และอย่าลืมกุญแจดอกนั้น\n"
    "• หากไม่ใช่: ให้{forget} ซึ่งนำข้อมูลที่คำยืนยันเดิมย้ายมาออกไปด้วย แล้วนำเข้าไฟล์นี้อีกครั้ง"
)
RELAYED_BY = "\n• ไฟล์นี้ส่งต่อและลงนามโดยกุญแจ: {sender}"
# The key of the word held here signed the contradicting word too (its owner changed its mind, or
# its key is in other hands).
HELD_BY_SAME_KEY = (
    "ไฟล์ {source} มีคำยืนยันว่าโรงเรียนรหัส {code} ที่พิมพ์ไว้เป็นโรงเรียนอีกรายการหนึ่ง"
    " ซึ่งขัดกับคำยืนยันที่กุญแจดอกเดียวกันนี้ลงนามไว้ก่อน โปรแกรมจะไม่นำเข้าไฟล์นี้\n"
    "• กุญแจที่ลงนามคำยืนยันทั้งสองครั้ง: {held}{relay}\n"
    "ก่อนอื่นให้โทรถามผู้ส่งไฟล์นี้ว่าโรงเรียนรหัส {code} ที่พิมพ์ไว้คือโรงเรียนใด\n"
    "หากคำยืนยันเดิมไม่จริง ให้{forget} ซึ่งนำข้อมูลที่คำยืนยันเดิมย้ายมาออกไปด้วย แล้วนำเข้าไฟล์นี้อีกครั้ง"
)


@dataclass(frozen=True)
class Vouch:
    """A person's word, given after comparing a key's fingerprint by phone, that the relayed
    mappings of the school ``code`` (10 digits) signed by the key ``fingerprint`` (64 hex digits)
    may be taken: an item of an import's ``same_schools`` (the window's tick). A bare code there
    (``import --same-school CODE``) vouches for one key too: the first key not known here that signs
    a mapping of that code in the file, which is the key its refusal showed. Any other unknown
    signer's mapping still refuses the file, naming its own key (retest27 N2)."""

    code: str
    fingerprint: str


def split_vouches(given: Iterable["str | Vouch"]) -> tuple[set[str], dict[str, set[str]]]:
    """``same_schools`` as an import takes them: the codes named (bare or vouched), and per code the
    fingerprints vouched for (a code named only bare has none yet)."""
    codes: set[str] = set()
    keys: dict[str, set[str]] = {}
    for word in given:
        if isinstance(word, Vouch):
            keys.setdefault(word.code, set()).add(word.fingerprint)
            codes.add(word.code)
        else:
            codes.add(word)
    return codes, keys


class UnknownSigner(ExchangeError):
    """The :data:`STRANGER` refusal (with :data:`STRANGER_BY_COMMAND`), with its facts for a window
    that lets a person vouch: ``code`` (the typed school's code, 10 digits), ``fingerprint`` (the
    signer's key, 64 hex digits), ``name`` (the name of the school the mapping names, here or in
    the file; "" when neither has it) and ``reason`` (the refusal without the command line's
    advice). A :class:`Vouch` for both (or the bare ``code`` in ``same_schools``: ``import
    --same-school``) takes the mapping. ``vouched``: the key a person vouched for instead, when there
    was one (:data:`OTHER_KEY`: a second unknown signer, which no vouch for the first lets through).
    ``sender``, ``sender_fingerprint``: who signed the file (its exporter's name, its key); when
    that is another key, ``forwarded_by`` is (name, key) and the reason says the sender is not the
    key's owner (:data:`FORWARDED`), else ``forwarded_by`` is None. ``db`` and ``file``: the
    database and the file as the command line's advice names them (a terminal's quoting)."""

    def __init__(self, source: str, code: str, fingerprint: str, vouched: str = "", name: str = "",
                 sender: str = "", sender_fingerprint: str = "", db: str = "", file: str = "") -> None:
        groups = signing.fingerprint_groups(fingerprint)
        forwarded = bool(sender_fingerprint) and sender_fingerprint != fingerprint
        facts = dict(source=source, code=Own(code), groups=groups, sender=sender or "ไม่ระบุชื่อ",
                     sender_groups=signing.fingerprint_groups(sender_fingerprint) if sender_fingerprint else "")
        stranger = (STRANGER + FORWARDED_SENDER + STRANGER_WHY + FORWARDED) if forwarded else STRANGER + STRANGER_WHY
        self.reason = (Sentence(OTHER_KEY, source=source, code=Own(code), groups=groups,
                                vouched=signing.fingerprint_groups(vouched)) if vouched else
                       Sentence(stranger, **facts))
        by_command = FORWARDED_BY_COMMAND if forwarded else STRANGER_BY_COMMAND
        super().__init__(self.reason if vouched else
                         Sentence(stranger + by_command, command=paths.command(), db=db or NO_PATH,
                                  file=file or source, **facts))
        self.source, self.code, self.fingerprint, self.vouched, self.name = source, code, fingerprint, vouched, name
        self.sender, self.sender_fingerprint, self.db, self.file = sender, sender_fingerprint, db, file
        self.forwarded_by = (sender, sender_fingerprint) if forwarded else None

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles keep the facts
        return UnknownSigner, (self.source, self.code, self.fingerprint, self.vouched, self.name,
                               self.sender, self.sender_fingerprint, self.db, self.file)


class MixedSigners(ExchangeError):
    """The :data:`MIXED` refusal: mappings of the typed school ``code`` (10 digits) in one file are
    signed by more than one key not known here (``fingerprints``, 64 hex digits each, in the file's
    order). No vouch can let the file in, so a window offers none (unlike :class:`UnknownSigner`).
    ``sender``: the file's exporter name; ``sender_fingerprint``: the key that signed the file."""

    def __init__(self, source: str, code: str, fingerprints: tuple[str, ...], sender: str,
                 sender_fingerprint: str) -> None:
        name = sender or "ไม่ระบุชื่อ"
        keys = "".join((MIXED_SENDER if key == sender_fingerprint else MIXED_KEY).format(
            groups=signing.fingerprint_groups(key), sender=name) for key in fingerprints)
        sender_line = "" if sender_fingerprint in fingerprints else MIXED_OTHER_SENDER.format(
            sender=name, sender_groups=signing.fingerprint_groups(sender_fingerprint))
        super().__init__(Sentence(MIXED, source=source, code=Own(code), count=len(fingerprints), keys=keys,
                                  sender_line=sender_line))
        self.source, self.code, self.fingerprints = source, code, fingerprints
        self.sender, self.sender_fingerprint = sender, sender_fingerprint

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles keep the facts
        return MixedSigners, (self.source, self.code, self.fingerprints, self.sender, self.sender_fingerprint)


# Whose word stands in :data:`OTHER_SCHOOL` (merge_same_school.SameSchoolPass._refuse_other_school):
# a person at this machine; a key's word is :data:`HELD_BY_KEY` or :data:`HELD_BY_SAME_KEY` instead.
EARLIER_BY_PERSON = "ตามที่ผู้ใช้เครื่องนี้ยืนยันว่าเป็นโรงเรียนเดียวกัน"


@dataclass(frozen=True)
class Mapping:
    """A verified mapping: the typed school ``typed_id`` (code ``code``) is ``school_id``, and each
    typed round of ``rounds`` is the school's own round beside it; ``line`` as it travels."""

    typed_id: str
    code: str
    school_id: str
    rounds: tuple[tuple[str, str], ...]
    signer_installation: str
    signer_fingerprint: str
    line: dict[str, Any]
    # Kept with the typed record held here and owned by the signer (or made here): it makes the typed
    # ids give way in later files. One believed where the typed record was never seen only moves the
    # rows of the file it came in and lets them be relayed onward (the export's ``Unmapping``).
    held: bool = True


def _message(line: dict[str, Any]) -> bytes:
    body = {key: line[key] for key in sorted(_FIELDS - {"signature"})}
    return _DOMAIN + json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def make(typed_id: str, code: str, school_id: str, rounds: Iterable[tuple[str, str]],
         installation_id: str) -> dict[str, Any]:
    """A mapping signed now with this installation's key (as ``installation_id``), as a line of
    the member: the typed school ``typed_id`` with ``code`` is ``school_id``; ``rounds`` (typed
    round id, the school's own round id) gave way to the school's own."""
    line: dict[str, Any] = {
        "typed_id": typed_id, "code": code, "school_id": school_id,
        "rounds": [list(pair) for pair in sorted(set(rounds))],
        "made_at": now_iso(), "signer_installation": installation_id,
        "signer_key": base64.b64encode(signing.own_public_key()).decode("ascii"),
    }
    line["signature"] = base64.b64encode(signing.sign_bytes(_message(line))).decode("ascii")
    return line


def verify(line: Any, source: str) -> Mapping:
    """``line`` (a parsed line of the member) as a :class:`Mapping` once its shape and signature
    are right; raises :class:`ExchangeError` (:data:`BROKEN`) otherwise."""
    broken = ExchangeError(BROKEN.format(source=source))
    if not (
        isinstance(line, dict) and set(line) == _FIELDS
        and all(isinstance(line[key], str) and _UUID.match(line[key]) for key in ("typed_id", "school_id"))
        and line["typed_id"] != line["school_id"]
        and CODE10(line["code"])
        and isinstance(line["rounds"], list) and len(line["rounds"]) <= MAX_ROUNDS
        and all(isinstance(pair, list) and len(pair) == 2 and all(isinstance(i, str) and _UUID.match(i) for i in pair)
                for pair in line["rounds"])
        and STAMP(line["made_at"])
    ):
        raise broken
    public_raw = signing.line_signer(line, _message(line))
    if public_raw is None:
        raise broken
    return Mapping(line["typed_id"], line["code"], line["school_id"],
                   tuple((str(a), str(b)) for a, b in line["rounds"]), line["signer_installation"],
                   signing.fingerprint_of(public_raw), line)


def parse_member(data: bytes, source: str) -> list[Any]:
    """The lines of the member, parsed (not yet verified); raises :class:`ExchangeError` for one
    that is not JSON."""
    try:
        return [json.loads(raw) for raw in data.decode("utf-8").splitlines() if raw.strip()]
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ExchangeError(BROKEN.format(source=source)) from None


def keep(conn: "sqlite3.Connection", mapping: Mapping, *, held: bool = True) -> None:
    """Keep ``mapping`` here (inside the caller's transaction), ``held`` as :attr:`Mapping.held`;
    a later one of the same typed school replaces it."""
    conn.execute("INSERT OR REPLACE INTO installation (key, value) VALUES (?, ?)",
                 [KEY + mapping.typed_id, json.dumps({"line": mapping.line, "held": held}, ensure_ascii=False)])


def all_kept(conn: "sqlite3.Connection") -> list[Mapping]:
    """Every mapping kept here (verified when made or received), by typed id."""
    found = []
    for (value,) in conn.execute("SELECT value FROM installation WHERE key >= ? AND key < ? ORDER BY key",
                                 [KEY, _KEY_END]):
        line, held = _kept_line(value)
        key = base64.b64decode(line["signer_key"])
        found.append(Mapping(line["typed_id"], line["code"], line["school_id"],
                             tuple((str(a), str(b)) for a, b in line["rounds"]), line["signer_installation"],
                             signing.fingerprint_of(key), line, held))
    return found


def forget_signer(conn: "sqlite3.Connection", fingerprint: str) -> None:
    """Remove the mappings kept here that the key ``fingerprint`` signed (``signers --forget``:
    a stranger's word goes with the stranger), inside the caller's transaction."""
    for mapping in all_kept(conn):
        if mapping.signer_fingerprint == fingerprint:
            conn.execute("DELETE FROM installation WHERE key = ?", [KEY + mapping.typed_id])


# The round columns a mapping moves in incoming rows: table -> columns (the append-only rows
# re-pointed, and a visit's round compared against, which the office moved too: store.replace_typed).
ROUND_COLUMNS: dict[str, tuple[str, ...]] = {"visits": ("assessment_id",)}
for _table, _column in BY_ROUND:
    ROUND_COLUMNS[_table] = (*ROUND_COLUMNS.get(_table, ()), _column)
# The typed round itself and its parts, as a laptop that still holds them sends them: older than the
# school's own round they gave way to (table -> the column naming the round).
TYPED_ROUND_PARTS = {"assessments": "id", "answers": "assessment_id", "attachments": "assessment_id",
                     "answer_history": "assessment_id"}


class Unmapping:
    """The typed ids behind the school's own ids, from the mappings kept here, for an export:
    which forms a re-pointed row had when its author sealed it."""

    def __init__(self, conn: "sqlite3.Connection") -> None:
        self.mappings = all_kept(conn)
        self._typed: dict[str, dict[str, list[tuple[str, Mapping]]]] = {"schools": {}, "assessments": {}}
        for mapping in self.mappings:
            self._typed["schools"].setdefault(mapping.school_id, []).append((mapping.typed_id, mapping))
            for typed, own in mapping.rounds:
                self._typed["assessments"].setdefault(own, []).append((typed, mapping))

    def sealed_form(self, table: str, row: dict[str, Any],
                    covered: Callable[[dict[str, Any]], bool]) -> tuple[dict[str, Any], list[Mapping]] | None:
        """The form of ``row`` with typed ids put back that ``covered`` accepts (its stored seal
        holds it), with the mappings that form needs; None when no such form exists."""
        if not self.mappings or table not in REPOINTED:
            return None
        for form, used in sealed_forms(row, REPOINTED[table], self._typed):
            if covered(form):
                return form, used
        return None


def sealed_forms(row: dict[str, Any], columns: list[tuple[str, str]],
                 typed: dict[str, dict[str, list[tuple[str, Mapping]]]]) -> Iterator[tuple[dict[str, Any], list[Mapping]]]:
    """Every form of ``row`` with some of its ``columns`` (column, "schools" or "assessments") set
    back to a typed id that was mapped onto its value, each with the mappings it uses (the row as
    it is excluded)."""
    choices = [[(row[column], None)] + [(old, mapping) for old, mapping in typed[target].get(row[column], ())]
               for column, target in columns]
    for picked in itertools.product(*choices):
        used = [mapping for _value, mapping in picked if mapping is not None]
        if used:
            form = dict(row)
            form.update({column: value for (column, _target), (value, _m) in zip(columns, picked)})
            yield form, used
