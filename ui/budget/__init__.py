"""Budget requests in the window (issue 14): the school page's คำของบประมาณ tab (a school's items of
a fiscal year, saved as typed) and the office's page of every school's requests with its totals,
printouts and approvals."""

from .feature import install

__all__ = ["install"]
