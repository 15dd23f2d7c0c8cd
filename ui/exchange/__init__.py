"""Exchange files (.qsx): export what this laptop holds, preview and import what others sent,
the conflicts kept and the senders this office trusts."""

from .feature import install

__all__ = ["install"]
