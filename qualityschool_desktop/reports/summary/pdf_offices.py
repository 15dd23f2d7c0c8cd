"""Laying out the report with a part per area office (:mod:`.offices`): the title block with
the contents naming the parts, then part 1 the overview and one part per area office, each on a
new page under "ส่วนที่ n <office>" with the form's topic line and every section of the round's
form (:mod:`.pdf` lays each one out); the reporter's signature after the last part."""

from __future__ import annotations

from functools import partial
from typing import Any, Callable

from reportlab.lib.enums import TA_RIGHT
from reportlab.platypus import PageBreak
from reportlab.platypus.flowables import Flowable

from ...thai import DigitText
from ...typeset import ThaiParagraph
from ...typeset.contents import Contents, ContentsMark
from ..document import Document
from . import form_words, pdf
from .offices import ByOffice
from .strings import (
    CONTENTS, CONTENTS_PAGE, PART_CONTENTS_LINE, PART_HEADING, PART_NONE_REPORTED, PART_OFFICE_NOTE, PART_OVERVIEW,
    PART_OVERVIEW_NOTE,
)
from .wording import office_name

Part = Callable[[], list[Flowable]]


def part_titles(data: ByOffice, t: DigitText) -> list[tuple[str, int]]:
    """(title, number of schools) of each part in order: the overview, then each area office
    (its name in the document's digits)."""
    return [(PART_OVERVIEW, len(data.overview.picture.schools)),
            *((t(section.office), len(section.schools)) for section in data.offices)]


def _cover(data: ByOffice, t: DigitText, s: dict[str, Any]) -> list[Flowable]:
    story = pdf._header(data.overview, t, s, topic=False)
    story.append(ThaiParagraph(CONTENTS, s["heading"]))
    entries = [(_key(number), ThaiParagraph(t(PART_CONTENTS_LINE, number=number, title=title, count=count), s["list"]))
               for number, (title, count) in enumerate(part_titles(data, t), start=1)]
    right = s["body"].clone("contents_page", alignment=TA_RIGHT)
    # Each part's page as the PDF numbers it (F8: the provincial report runs to 20 pages and more).
    story.append(Contents(entries, lambda page: ThaiParagraph(page, right), lambda page: t(str(page)),
                          header=ThaiParagraph(CONTENTS_PAGE, right.clone("contents_head", fontName=s["label"].fontName))))
    return story


def _key(number: int) -> str:
    return f"part-{number}"


def _opening(number: int, heading: str, note: str, topic: str | None, s: dict[str, Any]) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), ContentsMark(_key(number)), ThaiParagraph(heading, s["form"]),
                             ThaiParagraph(note, s["note"])]
    if topic is not None:
        story.append(ThaiParagraph(topic, s["heading"]))
    return story


def _with_opening(opening: list[Flowable], parts: list[Part]) -> list[Part]:
    first = parts[0]
    return [lambda: [*opening, *first()], *parts[1:]]


def layout(data: ByOffice, t: DigitText) -> Document:
    """The report of ``data`` in ``t``'s digits, for :func:`~..document.write_report`."""
    s = pdf._styles()
    overview = data.overview
    titles = part_titles(data, t)
    topic = t(overview.layout.topic)
    last = len(data.offices)  # the index of the part that signs
    parts: list[Part] = [lambda: _cover(data, t, s)]
    parts += _with_opening(_opening(1, t(PART_HEADING, number=1, title=titles[0][0]), PART_OVERVIEW_NOTE, topic, s),
                           pdf._form(overview, t, s, sign=last == 0))
    for index, section in enumerate(data.offices, start=1):
        heading = t(PART_HEADING, number=index + 1, title=titles[index][0])
        if section.data is None:
            names = [ThaiParagraph(f"{form_words.BULLET}{school.name} ({school.district or form_words.NO_DISTRICT})", s["list"])
                     for school in section.schools]
            none = t(PART_NONE_REPORTED, office=t(section.office), count=len(section.schools))
            story = _opening(index + 1, heading, none, None, s)
            # The last part signs, with its last line.
            story += names[:-1] + pdf._signature(s, names[-1:]) if index == last else names
            parts.append(partial(list, story))
            continue
        note = t(PART_OFFICE_NOTE, office=t(section.office), count=len(section.schools))
        parts += _with_opening(_opening(index + 1, heading, note, topic, s), pdf._form(section.data, t, s, sign=index == last))
    office = office_name(overview, t)
    picture = overview.picture
    return Document(
        parts=parts,
        title=form_words.DOC_TITLE.format(office=office, year=picture.fiscal_year, round=picture.round),
        author=office,
        running_head=t(form_words.RUNNING_HEAD, year=picture.fiscal_year, round=picture.round),
        is_demo=any(school.is_demo for school in picture.schools),
    )
