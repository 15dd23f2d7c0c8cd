"""Projects with their money (issue 15, seed 004): the rules and report figures (:mod:`.rules`)
and the projects of a school or an office (:mod:`.store`)."""

from __future__ import annotations

from .rules import STATUSES, fiscal_quarter, quarters_of, shares
from .store import Project, Projects

__all__ = ["STATUSES", "Project", "Projects", "fiscal_quarter", "quarters_of", "shares"]
