"""The items where a school is weakest, as :func:`~qualityschool_desktop.scoring.score_assessment`
names them (``AssessmentResult.weakest``).

Its own module, imported when a round is scored item by item: the school list reads scores summed in
SQL (issue 16: the class is not made on the way to "ready")."""

from __future__ import annotations

from dataclasses import dataclass

from .framework import Item


@dataclass(frozen=True)
class WeakItem:
    """An item answered below the top level, with its level: where the school is weakest."""

    item: Item
    level: int


__all__ = ["WeakItem"]
