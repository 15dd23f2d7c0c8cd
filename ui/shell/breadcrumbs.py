"""The main window's breadcrumb: where the window is, as links back up the way it came.

โรงเรียน › <school> › ปีงบประมาณ ๒๕๖๙ รอบที่ ๑ › ผลการประเมิน, or › การนิเทศ ๓ ก.พ. ๒๕๖๙ for a visit.
The feature that shows a kind of page says what its parts are (``register_page(..., crumbs=…)``);
each part is (text, the location a click goes to, or None). This module writes them as text and
as the label's rich text, and reads a clicked link back into a location.
"""

from __future__ import annotations

from . import strings as text
from .api import Crumb, Location

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(part: str) -> str:
    """``html.escape(part)``: the same five characters, without importing ``html``, which reads
    its table of 2,231 entities (~1.5 ms CPU) on the way to the first page (issue 16, "ready")."""
    return part.translate(_ESCAPES)


def link_of(location: Location) -> str:
    """"school:<id>", or the bare kind ("schools")."""
    return f"{location.kind}:{location.id}" if location.id else location.kind


def location_of(link: str) -> Location:
    kind, _, ident = link.partition(":")
    return Location(kind, ident or None)


def breadcrumb_text(parts: list[Crumb]) -> str:
    return text.CRUMB_SEPARATOR.join(part for part, _where in parts)


def breadcrumb_html(parts: list[Crumb]) -> str:
    pieces = [
        f'<a href="{link_of(where)}" style="color:#1565c0; text-decoration:none">{escape(part)}</a>'
        if where else f"<b>{escape(part)}</b>"
        for part, where in parts
    ]
    # Rich text collapses spaces; non-breaking ones keep the separator's breathing room.
    return text.CRUMB_SEPARATOR.replace(" ", "&nbsp;").join(pieces)
