"""The schools: the list, a school's page with the tabs other features contribute, the school
dialog, a school's network schools and its timeline."""

from .feature import install

__all__ = ["install"]
