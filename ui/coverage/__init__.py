"""Who is due for a visit (issue 15): โรงเรียน › โรงเรียนที่ถึงกำหนดนิเทศ, the schools due or overdue
for a visit or a re-assessment this term, remaining on top, with their last visit, assessment and
contact, and the contact-log dialog. The core is ``qualityschool_desktop.coverage``."""

from .feature import install

__all__ = ["install"]
