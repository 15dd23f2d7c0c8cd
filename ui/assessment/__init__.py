"""The self-assessment: a school's rounds, a new round, the assessment view (the checklist item by
item, saved as the director works), the results page and the printed report."""

from .feature import install

__all__ = ["install"]
