"""The projects feature (issue 15): an area office's projects with their money, and the progress report."""

from __future__ import annotations

from .feature import install

__all__ = ["install"]
