"""Exceptions the core raises; each carries a message in Thai that a user can read."""


class QualitySchoolError(Exception):
    """Base class: ``str(error)`` is a complete Thai sentence fit for a message box."""


class DatabaseOpenError(QualitySchoolError):
    """The database file is missing, unreadable, corrupt, foreign or too new. Nothing was written."""


class FrameworkError(QualitySchoolError):
    """A framework file does not validate; the message names the place and the problem."""


class ValidationError(QualitySchoolError):
    """Input that cannot be stored (a wrong school code, an unknown item, …). Nothing was written."""


class NotFoundError(QualitySchoolError):
    """A record asked for by id or code does not exist."""
