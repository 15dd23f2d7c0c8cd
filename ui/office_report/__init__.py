"""The office's inspection report in the window (issue 13 part 2): a page per inspection round
where the office writes its texts, marks model schools, accepts suggestions and prints the
summary as PDF or Word. The core is ``qualityschool_desktop.inspection.office_texts``."""

from .feature import install

__all__ = ["install"]
