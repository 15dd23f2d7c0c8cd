"""The district dashboard: every school of the database for one round, by colour band and
readiness, who has not reported, the change since the previous round; the inspection-round
summary as a PDF and its tables for Excel."""

from .feature import install

__all__ = ["install"]
