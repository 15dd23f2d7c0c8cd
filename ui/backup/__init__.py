"""Backups: a consistent copy of the open database and its attachments, on request and daily."""

from .feature import install

__all__ = ["install"]
