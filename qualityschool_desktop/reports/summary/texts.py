"""The office's own texts, as the summary reads them: the values live in the core
(:mod:`qualityschool_desktop.inspection.texts`, stored per round by
:mod:`qualityschool_desktop.inspection.office_texts`); this module names them for the package."""

from __future__ import annotations

from ...inspection.texts import OfficeTexts, ProblemText, load_office_texts

__all__ = ["OfficeTexts", "ProblemText", "load_office_texts"]
