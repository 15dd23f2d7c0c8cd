"""The follow-ups of every school in one list (รายการติดตามงานทุกโรงเรียน), most urgent first."""

from .feature import install

__all__ = ["install"]
