"""Supervision visits (การนิเทศ ติดตาม): a school's visits, the visit view with its sections
(people, findings per component, the comparison with the school's own assessment, follow-ups,
signatures) and the printed record."""

from .feature import install

__all__ = ["install"]
