"""What :meth:`Assessments.warnings <qualityschool_desktop.assessments.Assessments.warnings>` answers.

Its own module, imported when a round's warnings are asked for (before submitting it): the school
list does not read them (issue 16: the class is not made on the way to "ready")."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Warning:
    """Something a reader of the assessment would want fixed; never blocks saving."""

    item_code: str | None
    message: str


__all__ = ["Warning"]
