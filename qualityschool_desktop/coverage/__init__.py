"""Coverage and cadence (issue 15): rules as data, the terms of the Thai school year, who is due or
overdue for a visit or a re-assessment, and the contact log that counts toward it."""

from .due import STATUS_LABELS, SchoolCoverage, coverage, due_count, due_list, due_now, expected_by
from .rules import CHANNELS, CoverageRules, Term, load_rules

__all__ = ["CHANNELS", "STATUS_LABELS", "CoverageRules", "SchoolCoverage", "Term", "coverage", "due_count",
           "due_list", "due_now", "expected_by", "load_rules"]
