"""Exchange files (.qsx): export what this laptop holds, preview and import what others sent, the
changes waiting for a person, the conflicts kept and the senders' keys with the schools bound to them."""

from .feature import install

__all__ = ["install"]
