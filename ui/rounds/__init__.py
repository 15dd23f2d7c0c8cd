"""The inspection rounds (รอบการตรวจราชการ) in the window: โรงเรียน › รอบการตรวจราชการ, a page
listing the rounds the office defined (period, closing date, form, open or closed today) where it
defines a round or changes one. The core is ``qualityschool_desktop.inspection.rounds``, the same
``rounds`` command's."""

from .feature import install

__all__ = ["install"]
