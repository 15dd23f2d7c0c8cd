"""The school's development plan (แผนพัฒนาคุณภาพการศึกษา, issue 14): a tab of the school page."""

from .feature import install

__all__ = ["install"]
