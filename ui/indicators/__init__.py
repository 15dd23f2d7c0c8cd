"""The area office's indicators in the window (issue 14): seed 003's table of an office's
indicators edited in place (targets and actuals per year, unit, owner), with the actuals the
program computes from the schools' rounds shown under the typed ones, and "พิมพ์ PDF". The core is
``qualityschool_desktop.indicators``."""

from .feature import install

__all__ = ["install"]
